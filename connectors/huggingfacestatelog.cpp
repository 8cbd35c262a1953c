#include "huggingfacestatelog.h"

#include "store/sqlitedb.h"

#include <QCoreApplication>

namespace Conn {

namespace {

bool fail(Cost::SqliteDb &db, const std::string &statementError, QString *error)
{
    if (error)
        *error = QCoreApplication::translate("Conn::HuggingFaceStateLog", "cannot store the observed endpoint states: %1")
                     .arg(QString::fromStdString(statementError.empty() ? db.error() : statementError));
    return false;
}

} // namespace

bool HuggingFaceStateLog::load(Cost::SqliteDb &db, qint64 accountId, std::vector<HuggingFaceStateRun> &out, QString *error)
{
    out.clear();
    Cost::SqliteStmt st(db, "SELECT endpoint, first_seen, last_seen, since, state, replicas, vendor, instance_type,"
                            " instance_size, region, model FROM hf_endpoint_state WHERE account_id = ?1"
                            " ORDER BY endpoint, first_seen");
    if (!st.ok())
        return fail(db, st.error(), error);
    st.bind(1, static_cast<std::int64_t>(accountId));
    while (st.step()) {
        HuggingFaceStateRun r;
        r.endpoint = std::string(st.text(0));
        r.firstSeen = st.int64(1);
        r.lastSeen = st.int64(2);
        r.since = st.int64(3);
        r.state = std::string(st.text(4));
        r.replicas = st.int64(5);
        r.vendor = std::string(st.text(6));
        r.instanceType = std::string(st.text(7));
        r.instanceSize = std::string(st.text(8));
        r.region = std::string(st.text(9));
        r.model = std::string(st.text(10));
        out.push_back(std::move(r));
    }
    if (!st.error().empty())
        return fail(db, st.error(), error);
    return true;
}

bool HuggingFaceStateLog::save(Cost::SqliteDb &db, qint64 accountId, const std::vector<HuggingFaceStateRun> &runs, QString *error)
{
    Cost::SqliteStmt del(db, "DELETE FROM hf_endpoint_state WHERE account_id = ?1");
    if (!del.ok())
        return fail(db, del.error(), error);
    del.bind(1, static_cast<std::int64_t>(accountId));
    if (!del.exec())
        return fail(db, del.error(), error);
    Cost::SqliteStmt ins(db, "INSERT INTO hf_endpoint_state(account_id, endpoint, first_seen, last_seen, since, state,"
                             " replicas, vendor, instance_type, instance_size, region, model)"
                             " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    if (!ins.ok())
        return fail(db, ins.error(), error);
    for (const HuggingFaceStateRun &r : runs) {
        ins.reset();
        ins.bind(1, static_cast<std::int64_t>(accountId));
        ins.bind(2, std::string_view(r.endpoint));
        ins.bind(3, r.firstSeen);
        ins.bind(4, r.lastSeen);
        ins.bind(5, r.since);
        ins.bind(6, std::string_view(r.state));
        ins.bind(7, r.replicas);
        ins.bind(8, std::string_view(r.vendor));
        ins.bind(9, std::string_view(r.instanceType));
        ins.bind(10, std::string_view(r.instanceSize));
        ins.bind(11, std::string_view(r.region));
        ins.bind(12, std::string_view(r.model));
        if (!ins.exec())
            return fail(db, ins.error(), error);
    }
    return true;
}

} // namespace Conn
