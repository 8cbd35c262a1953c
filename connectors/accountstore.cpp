#include "accountstore.h"
#include "redact.h"

#include "connectorregistry.h"
#include "httpclient.h"
#include "telemetrywindow.h"
#include "allocation/telemetryallocation.h"
#include "domain/timeparse.h"
#include "store/partitioneraser.h"
#include "store/sqlitedb.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <algorithm>
#include <limits>

namespace Conn {

namespace {

// Free functions say Tr::tr(): lupdate files plain tr() there under the namespace, not Conn::AccountStore.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Conn::AccountStore)
};

QString tr(const char *text) { return Tr::tr(text); }

std::string utf8(const QString &s) { return s.toStdString(); }
QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

std::string nowIso() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString(); }

QDateTime parseIso(std::string_view s)
{
    if (s.empty())
        return {};
    QDateTime t = QDateTime::fromString(qs(s), Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

QDate dayToDate(qint64 day) { return QDate(1970, 1, 1).addDays(day); }
qint64 dateToDay(const QDate &d) { return QDate(1970, 1, 1).daysTo(d); }

bool validate(const AccountConfig &c, QString *error)
{
    if (c.name.trimmed().isEmpty()) {
        *error = Tr::tr("The account needs a name.");
        return false;
    }
    if (!ConnectorRegistry::find(c.provider)) {
        *error = Tr::tr("Unknown provider \"%1\" (known: %2).").arg(c.provider, ConnectorRegistry::ids().join(QStringLiteral(", ")));
        return false;
    }
    QString why;
    if (!c.baseUrl.isEmpty() && !HttpClient::isAllowedUrl(QUrl(c.baseUrl), &why)) {
        *error = why;
        return false;
    }
    return true;
}

AccountConfig readRow(Cost::SqliteStmt &st)
{
    AccountConfig c;
    c.id = st.int64(0);
    c.name = qs(st.text(1));
    c.provider = qs(st.text(2));
    // Rows written before base URLs were normalised may still end with the SDK's "/v1".
    c.baseUrl = ConnectorRegistry::normalisedBaseUrl(c.provider, qs(st.text(3)));
    c.options = stringMapFromJson(qs(st.text(4))).value_or(QMap<QString, QString>{});
    c.paused = st.int64(5) != 0;
    return c;
}

constexpr const char *kSelect = "SELECT id, name, provider, base_url, options, paused FROM account";

} // namespace

std::string AccountStore::sourceName(qint64 id) { return "sync:" + std::to_string(id); }

QList<AccountConfig> AccountStore::list()
{
    QList<AccountConfig> out;
    Cost::SqliteStmt st(m_db, std::string(kSelect) + " ORDER BY name");
    while (st.step())
        out.push_back(readRow(st));
    return out;
}

std::optional<AccountConfig> AccountStore::one(const char *where, const QString &text, qint64 id)
{
    Cost::SqliteStmt st(m_db, std::string(kSelect) + " WHERE " + where);
    if (text.isNull())
        st.bind(1, static_cast<std::int64_t>(id));
    else
        st.bind(1, std::string_view(utf8(text)));
    if (st.step())
        return readRow(st);
    return std::nullopt;
}

std::optional<AccountConfig> AccountStore::byName(const QString &name)
{
    return one("name = ?1", name.isNull() ? QStringLiteral("") : name, 0);
}

std::optional<AccountConfig> AccountStore::byId(qint64 id) { return one("id = ?1", QString(), id); }

qint64 AccountStore::add(const AccountConfig &c, QString *error)
{
    if (!validate(c, error))
        return 0;
    if (byName(c.name.trimmed())) {
        *error = tr("An account named \"%1\" already exists.").arg(c.name.trimmed());
        return 0;
    }
    Cost::SqliteStmt st(m_db, "INSERT INTO account(name, provider, base_url, options, paused, created_at)"
                              " VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    st.bind(1, std::string_view(utf8(c.name.trimmed())));
    st.bind(2, std::string_view(utf8(c.provider)));
    st.bind(3, std::string_view(utf8(ConnectorRegistry::normalisedBaseUrl(c.provider, c.baseUrl))));
    st.bind(4, std::string_view(utf8(stringMapToJson(c.options))));
    st.bind(5, static_cast<std::int64_t>(c.paused ? 1 : 0));
    st.bind(6, std::string_view(nowIso()));
    if (!st.exec()) {
        *error = tr("Cannot store the account: %1").arg(qs(st.error()));
        return 0;
    }
    return m_db.lastInsertRowid();
}

bool AccountStore::update(const AccountConfig &c, QString *error)
{
    if (!validate(c, error))
        return false;
    const auto same = byName(c.name.trimmed());
    if (same && same->id != c.id) {
        *error = tr("An account named \"%1\" already exists.").arg(c.name.trimmed());
        return false;
    }
    Cost::SqliteStmt st(m_db, "UPDATE account SET name = ?1, base_url = ?2, options = ?3, paused = ?4 WHERE id = ?5");
    st.bind(1, std::string_view(utf8(c.name.trimmed())));
    st.bind(2, std::string_view(utf8(ConnectorRegistry::normalisedBaseUrl(c.provider, c.baseUrl))));
    st.bind(3, std::string_view(utf8(stringMapToJson(c.options))));
    st.bind(4, static_cast<std::int64_t>(c.paused ? 1 : 0));
    st.bind(5, static_cast<std::int64_t>(c.id));
    if (!st.exec()) {
        *error = tr("Cannot update the account: %1").arg(qs(st.error()));
        return false;
    }
    return true;
}

bool AccountStore::setPaused(qint64 id, bool paused, QString *error)
{
    auto c = byId(id);
    if (!c) {
        *error = tr("No such account.");
        return false;
    }
    c->paused = paused;
    return update(*c, error);
}

qint64 AccountStore::deletePartitions(Cost::SqliteDb &db, const std::vector<qint64> &ids)
{
    Cost::PartitionEraser eraser(db);
    Cost::SqliteStmt period(db, "SELECT period_start, coalesce(period_end, period_start + 31 * 86400) FROM partition WHERE id = ?1");
    Cost::SqliteStmt delPartition(db, "DELETE FROM partition WHERE id = ?1");
    qint64 deleted = 0;
    std::int64_t firstDay = std::numeric_limits<std::int64_t>::max(), lastDay = std::numeric_limits<std::int64_t>::min();
    for (const qint64 pid : ids) {
        period.reset();
        period.bind(1, static_cast<std::int64_t>(pid));
        if (period.step()) {
            firstDay = std::min(firstDay, Cost::dayOf(period.int64(0)));
            lastDay = std::max(lastDay, Cost::dayOf(std::max(period.int64(0), period.int64(1) - 1)));
        }
        const std::int64_t erased = eraser.eraseCharges(pid);
        if (erased < 0)
            return -1;
        deleted += erased;
        delPartition.bind(1, static_cast<std::int64_t>(pid));
        if (!delPartition.exec())
            return -1;
    }
    // The telemetry split of those days shares the bill that is left (its billed tokens changed):
    // recomputed in the same transaction, as an import does for the days it writes.
    std::string error;
    if (firstDay <= lastDay && !Allocation::allocateTelemetry(db, firstDay, lastDay, error))
        return -1;
    return deleted;
}

qint64 AccountStore::deleteSourcePartitions(Cost::SqliteDb &db, const std::string &source, qint64 fromEpoch,
                                            qint64 toEpoch, const std::vector<qint64> &keepStarts)
{
    Cost::SqliteStmt st(db, "SELECT p.id, p.period_start FROM partition p JOIN dict d ON d.id = p.source"
                            " WHERE d.s = ?1 AND p.period_start >= ?2 AND p.period_start < ?3");
    st.bind(1, std::string_view(source));
    st.bind(2, static_cast<std::int64_t>(fromEpoch));
    st.bind(3, static_cast<std::int64_t>(toEpoch));
    std::vector<qint64> ids;
    while (st.step())
        if (std::find(keepStarts.begin(), keepStarts.end(), st.int64(1)) == keepStarts.end())
            ids.push_back(st.int64(0));
    if (!st.error().empty())
        return -1;
    return deletePartitions(db, ids);
}

bool AccountStore::remove(qint64 id, bool deleteData, QString *error)
{
    if (!m_db.exec("BEGIN IMMEDIATE")) {
        *error = tr("Cannot remove the account: %1").arg(qs(m_db.error()));
        return false;
    }
    auto fail = [&](const QString &what) {
        *error = what + QStringLiteral(": ") + qs(m_db.error());
        m_db.exec("ROLLBACK");
        return false;
    };
    if (deleteData) {
        // Synced windows (source "sync:<id>") and the partitions last written by its FOCUS files.
        std::vector<qint64> ids;
        Cost::SqliteStmt st(m_db, "SELECT p.id FROM partition p WHERE p.source = (SELECT id FROM dict WHERE s = ?1)"
                                  " OR p.import_id IN (SELECT import_id FROM account_file WHERE account_id = ?2)");
        st.bind(1, std::string_view(sourceName(id)));
        st.bind(2, static_cast<std::int64_t>(id));
        while (st.step())
            ids.push_back(st.int64(0));
        if (deletePartitions(m_db, ids) < 0)
            return fail(tr("Cannot delete the account's data"));
        // A telemetry source's calls (LiteLLM, Langfuse), stored under its own source name.
        if (const auto account = byId(id)) {
            QString why;
            if (!TelemetryWindow::erase(m_db, TelemetryWindow::sourceOf(*account), &why)) {
                *error = tr("Cannot delete the account's data") + QStringLiteral(": ") + why;
                m_db.exec("ROLLBACK");
                return false;
            }
        }
    }
    Cost::SqliteStmt delFiles(m_db, "DELETE FROM account_file WHERE account_id = ?1");
    Cost::SqliteStmt delSync(m_db, "DELETE FROM account_sync WHERE account_id = ?1");
    // What the Hugging Face connector observed goes with the account (its charges follow deleteData).
    Cost::SqliteStmt delObserved(m_db, "DELETE FROM hf_endpoint_state WHERE account_id = ?1");
    Cost::SqliteStmt delAccount(m_db, "DELETE FROM account WHERE id = ?1");
    for (Cost::SqliteStmt *st : {&delFiles, &delSync, &delObserved, &delAccount}) {
        st->bind(1, static_cast<std::int64_t>(id));
        if (!st->exec())
            return fail(tr("Cannot remove the account"));
    }
    if (!m_db.exec("COMMIT"))
        return fail(tr("Cannot remove the account"));
    return true;
}

SyncStatus AccountStore::status(qint64 id)
{
    SyncStatus s;
    Cost::SqliteStmt st(m_db, "SELECT last_success_at, last_attempt_at, last_error, last_rows, first_day, synced_through"
                              " FROM account_sync WHERE account_id = ?1");
    st.bind(1, static_cast<std::int64_t>(id));
    if (st.step()) {
        s.lastSuccess = parseIso(st.text(0));
        s.lastAttempt = parseIso(st.text(1));
        s.lastError = qs(st.text(2));
        s.lastRows = st.int64(3);
        if (!st.isNull(4))
            s.firstDay = dayToDate(st.int64(4));
        if (!st.isNull(5))
            s.syncedThrough = dayToDate(st.int64(5));
    }
    if (const auto account = byId(id)) {
        const auto entry = ConnectorRegistry::find(account->provider);
        if (entry && entry->descriptor.telemetry) {
            s.telemetry = true;
            Cost::SqliteStmt calls(m_db, "SELECT coalesce(sum(requests), 0) FROM telemetry_usage WHERE source = ?1");
            calls.bind(1, std::string_view(TelemetryWindow::sourceOf(*account)));
            if (calls.step())
                s.totalRows = calls.int64(0);
            return s;
        }
    }
    Cost::SqliteStmt rows(m_db, "SELECT coalesce(sum(r.rows), 0) FROM rollup_daily r JOIN partition p ON p.id = r.partition_id"
                                " WHERE p.source = (SELECT id FROM dict WHERE s = ?1)"
                                " OR p.import_id IN (SELECT import_id FROM account_file WHERE account_id = ?2)");
    rows.bind(1, std::string_view(sourceName(id)));
    rows.bind(2, static_cast<std::int64_t>(id));
    if (rows.step())
        s.totalRows = rows.int64(0);
    return s;
}

bool AccountStore::recordFailure(qint64 id, const QString &error)
{
    Cost::SqliteStmt st(m_db, "INSERT INTO account_sync(account_id, last_attempt_at, last_error) VALUES(?1, ?2, ?3)"
                              " ON CONFLICT(account_id) DO UPDATE SET last_attempt_at = excluded.last_attempt_at,"
                              " last_error = excluded.last_error");
    st.bind(1, static_cast<std::int64_t>(id));
    st.bind(2, std::string_view(nowIso()));
    st.bind(3, std::string_view(utf8(redactSecrets(error))));
    if (!st.exec()) {
        m_error = qs(st.error());
        return false;
    }
    return true;
}

bool AccountStore::recordSuccess(qint64 id, qint64 rowCount)
{
    const std::string now = nowIso();
    Cost::SqliteStmt st(m_db, "INSERT INTO account_sync(account_id, last_success_at, last_attempt_at, last_error, last_rows)"
                              " VALUES(?1, ?2, ?2, '', ?3) ON CONFLICT(account_id) DO UPDATE SET"
                              " last_success_at = excluded.last_success_at, last_attempt_at = excluded.last_attempt_at,"
                              " last_error = '', last_rows = excluded.last_rows");
    st.bind(1, static_cast<std::int64_t>(id));
    st.bind(2, std::string_view(now));
    st.bind(3, static_cast<std::int64_t>(rowCount));
    if (!st.exec()) {
        m_error = qs(st.error());
        return false;
    }
    return true;
}

bool AccountStore::markSynced(qint64 id, const QDate &firstDay, const QDate &syncedThrough)
{
    Cost::SqliteStmt st(m_db, "INSERT INTO account_sync(account_id, first_day, synced_through) VALUES(?1, ?2, ?3)"
                              " ON CONFLICT(account_id) DO UPDATE SET"
                              " first_day = min(coalesce(first_day, excluded.first_day), excluded.first_day),"
                              " synced_through = max(coalesce(synced_through, excluded.synced_through), excluded.synced_through)");
    st.bind(1, static_cast<std::int64_t>(id));
    st.bind(2, static_cast<std::int64_t>(dateToDay(firstDay)));
    st.bind(3, static_cast<std::int64_t>(dateToDay(syncedThrough)));
    if (!st.exec()) {
        m_error = qs(st.error());
        return false;
    }
    return true;
}

} // namespace Conn
