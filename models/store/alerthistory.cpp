#include "store/alerthistory.h"

namespace Alerts {

bool addRow(Cost::SqliteDb &db, HistoryRow &row, std::string &error)
{
    Cost::SqliteStmt st(db, "INSERT INTO alert_history(at, kind, severity, title, body, tray, webhook_status, webhook_error)"
                            " VALUES(?,?,?,?,?,?,?,?)");
    if (!st.ok()) {
        error = db.error();
        return false;
    }
    st.bind(1, row.at);
    st.bind(2, row.kind);
    st.bind(3, row.severity);
    st.bind(4, row.title);
    st.bind(5, row.body);
    st.bind(6, std::int64_t(row.trayShown ? 1 : 0));
    st.bind(7, row.webhookStatus);
    st.bind(8, row.webhookError);
    if (!st.exec()) {
        error = "cannot record the alert: " + st.error();
        return false;
    }
    row.id = db.lastInsertRowid();
    return true;
}

bool updateDelivery(Cost::SqliteDb &db, const HistoryRow &row, std::string &error)
{
    Cost::SqliteStmt st(db, "UPDATE alert_history SET tray = ?, webhook_status = ?, webhook_error = ? WHERE id = ?");
    if (!st.ok()) {
        error = db.error();
        return false;
    }
    st.bind(1, std::int64_t(row.trayShown ? 1 : 0));
    st.bind(2, row.webhookStatus);
    st.bind(3, row.webhookError);
    st.bind(4, row.id);
    if (!st.exec()) {
        error = "cannot update the alert history: " + st.error();
        return false;
    }
    return true;
}

bool loadRows(Cost::SqliteDb &db, std::vector<HistoryRow> &out, std::string &error, int limit)
{
    out.clear();
    Cost::SqliteStmt st(db, "SELECT id, at, kind, severity, title, body, tray, webhook_status, webhook_error"
                            " FROM alert_history ORDER BY at DESC, id DESC LIMIT ?");
    if (!st.ok()) {
        error = db.error();
        return false;
    }
    st.bind(1, std::int64_t(limit));
    while (st.step()) {
        HistoryRow r;
        r.id = st.int64(0);
        r.at = std::string(st.text(1));
        r.kind = std::string(st.text(2));
        r.severity = std::string(st.text(3));
        r.title = std::string(st.text(4));
        r.body = std::string(st.text(5));
        r.trayShown = st.int64(6) != 0;
        r.webhookStatus = std::string(st.text(7));
        r.webhookError = std::string(st.text(8));
        out.push_back(std::move(r));
    }
    if (!st.error().empty()) {
        error = "cannot read the alert history: " + st.error();
        return false;
    }
    return true;
}

} // namespace Alerts
