#pragma once

#include "connector.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Cost {
class SqliteDb;
}

namespace Conn {

/// Sync state of one account, as the GUI shows it (schema 4, table account_sync).
struct SyncStatus {
    QDateTime lastSuccess;  ///< UTC; invalid = never synced
    QDateTime lastAttempt;  ///< UTC; invalid = never tried
    QString lastError;      ///< empty after a successful sync
    qint64 lastRows = 0;    ///< charges written by the last successful sync
    qint64 totalRows = 0;   ///< charges currently stored for the account
    QDate syncedThrough;    ///< every UTC day before this one is stored; invalid = nothing yet
    QDate firstDay;         ///< first day the account's history starts at
    /// A telemetry source (LiteLLM, Langfuse): lastRows and totalRows count model calls stored in the
    /// application telemetry, not charges.
    bool telemetry = false;
};

/// Accounts and their sync state in the store (schema migration 4). Never holds a secret: the
/// secret of account `id` lives in the OS keychain under accountSecretKey(id).
/// Threading: wraps one connection; use it on that connection's thread. All calls are short
/// SQLite statements (fine on the GUI thread); errors are returned, never shown.
class AccountStore {
public:
    explicit AccountStore(Cost::SqliteDb &db) : m_db(db) {}

    /// Every account, ordered by name.
    QList<AccountConfig> list();
    std::optional<AccountConfig> byName(const QString &name);
    std::optional<AccountConfig> byId(qint64 id);

    /// Inserts `config` (its id is ignored); returns the new id, or 0 with *error set (empty or
    /// duplicate name, unknown provider, invalid base URL, option not a string map).
    qint64 add(const AccountConfig &config, QString *error);
    /// Updates name, base URL, options and paused flag of config.id.
    bool update(const AccountConfig &config, QString *error);
    bool setPaused(qint64 id, bool paused, QString *error);
    /// Removes the account and its sync state; with deleteData also every charge it synced
    /// (its partitions, rollups and file records), in one transaction. The keychain entry is
    /// the caller's business (see AccountManager / the CLI).
    bool remove(qint64 id, bool deleteData, QString *error);

    SyncStatus status(qint64 id);
    /// Records a failed attempt (keeps the last success).
    bool recordFailure(qint64 id, const QString &error);
    /// Records a successful sync writing `rows` charges.
    bool recordSuccess(qint64 id, qint64 rows);
    /// Advances synced_through (UTC day, exclusive) and firstDay; called inside the window's
    /// transaction so the data and the mark commit together.
    bool markSynced(qint64 id, const QDate &firstDay, const QDate &syncedThrough);

    /// The partition source name of an account's synced charges ("sync:<id>").
    static std::string sourceName(qint64 id);
    /// Deletes partitions (charges, rollups) of `source` with period_start in [fromEpoch, toEpoch)
    /// except those listed in `keepStarts`. Used by the sync engine inside a window transaction to
    /// drop days a re-fetch no longer returns. Returns rows deleted or -1.
    static qint64 deleteSourcePartitions(Cost::SqliteDb &db, const std::string &source, qint64 fromEpoch,
                                         qint64 toEpoch, const std::vector<qint64> &keepStarts);
    /// Deletes the partitions whose id is listed (charges, ranges, rollups). Returns rows deleted or -1.
    static qint64 deletePartitions(Cost::SqliteDb &db, const std::vector<qint64> &partitionIds);

    const QString &lastError() const { return m_error; }

private:
    std::optional<AccountConfig> one(const char *where, const QString &text, qint64 id);
    Cost::SqliteDb &m_db;
    QString m_error;
};

} // namespace Conn
