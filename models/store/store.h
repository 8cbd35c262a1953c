#pragma once

#include "store/sqlitedb.h"

#include <string>

namespace Cost {

/// The local SQLite store: opening, schema migrations (PRAGMA user_version) and store-wide
/// facts. One Store (one connection) per thread; open the same path again on another thread.
class Store {
public:
    /// Schema version this build writes.
    static constexpr int kSchemaVersion = 19;

    /// The embedded default store: burnrate.sqlite under the platform's app-data location.
    static std::string defaultPath();

    /// What open() does with a team store's address (PgDb::isPostgresLocation).
    enum class TeamStore {
        Refuse,   ///< refuses: not checked on a team store yet
        ReadOnly, ///< connects, read-only: the commands whose queries are checked on PostgreSQL
        ReadWrite, ///< connects for writing: the commands whose writes are checked on PostgreSQL; refused
                   ///< up front for a role the server's grants let only read
        AsGranted, ///< connects; reads, and writes as far as the grants allow (the app's tasks: a
                   ///< read-only role browses, and a change it tries is refused with a clear message)
    };

    /// Opens or creates the store at `path` and migrates it; false with error() on failure.
    bool open(const std::string &path, TeamStore team = TeamStore::Refuse);
    void close() { m_db.close(); }
    bool isOpen() const { return m_db.isOpen(); }
    const std::string &path() const { return m_path; }
    const std::string &error() const { return m_error; }
    SqliteDb &db() { return m_db; }

    /// user_version of the open database.
    int schemaVersion();
    /// True when no charge has been stored yet.
    bool isEmpty();
    /// Number of stored charges.
    std::int64_t factCount();

private:
    bool migrate();
    bool openTeamStore(TeamStore team);

    SqliteDb m_db;
    std::string m_path;
    std::string m_error;
};

} // namespace Cost
