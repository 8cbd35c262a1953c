#include "telemetrywindow.h"

#include "accountstore.h"
#include "allocation/telemetryallocation.h"
#include "domain/timeparse.h"
#include "store/sqlitedb.h"

namespace Conn::TelemetryWindow {

std::string sourceOf(const AccountConfig &account)
{
    return (account.provider + QLatin1Char(':') + account.name).toStdString();
}

bool store(Cost::SqliteDb &db, const AccountConfig &account, const std::vector<Telemetry::Usage> &usage,
           const QDate &firstDay, const QDate &through, Telemetry::IngestResult &result, QString *error)
{
    if (!db.exec("BEGIN IMMEDIATE")) {
        *error = QString::fromStdString(db.error());
        return false;
    }
    std::string why;
    AccountStore accounts(db);
    bool ok = Telemetry::ingest(db, sourceOf(account), usage, result, why);
    if (ok && !accounts.markSynced(account.id, firstDay, through)) {
        why = db.error();
        ok = false;
    }
    if (ok && !db.exec("COMMIT")) {
        why = db.error();
        ok = false;
    }
    if (!ok) {
        db.exec("ROLLBACK");
        result = Telemetry::IngestResult();
        *error = QString::fromStdString(why);
    }
    return ok;
}

bool erase(Cost::SqliteDb &db, const std::string &source, QString *error)
{
    Cost::SqliteStmt hours(db, "SELECT min(hour), max(hour) FROM telemetry_usage WHERE source = ?1");
    hours.bind(1, std::string_view(source));
    const bool any = hours.step() && !hours.isNull(0);
    const std::int64_t first = any ? hours.int64(0) : 0, last = any ? hours.int64(1) : 0;
    Cost::SqliteStmt usage(db, "DELETE FROM telemetry_usage WHERE source = ?1");
    Cost::SqliteStmt seen(db, "DELETE FROM telemetry_seen WHERE source = ?1");
    for (Cost::SqliteStmt *st : {&usage, &seen}) {
        st->bind(1, std::string_view(source));
        if (!st->exec()) {
            *error = QString::fromStdString(st->error());
            return false;
        }
    }
    std::string why;
    if (any && !Allocation::allocateTelemetry(db, Cost::dayOf(first * 3600), Cost::dayOf(last * 3600), why)) {
        *error = QString::fromStdString(why);
        return false;
    }
    return true;
}

} // namespace Conn::TelemetryWindow
