#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace Cost {

class PgDb;
class PgStatement;
class SqliteDb;

/// A prepared statement. Not thread-safe; lives on the thread of its connection. On a team store
/// (SqliteDb::openPostgres) the same SQL runs on the server (PgStatement).
class SqliteStmt {
public:
    SqliteStmt();
    SqliteStmt(SqliteDb &db, std::string_view sql);
    ~SqliteStmt();
    SqliteStmt(const SqliteStmt &) = delete;
    SqliteStmt &operator=(const SqliteStmt &) = delete;
    SqliteStmt(SqliteStmt &&other) noexcept;
    SqliteStmt &operator=(SqliteStmt &&other) noexcept;

    /// True when the statement compiled.
    bool ok() const;
    /// Binds (1-based index).
    void bind(int index, std::int64_t value);
    void bind(int index, double value);
    void bind(int index, std::string_view text);
    void bindNull(int index);
    /// Steps once: true when a row is available; false at the end or on error (see error()).
    bool step();
    /// Runs to completion, returning false on error.
    bool exec();
    void reset();
    bool isNull(int col) const;
    std::int64_t int64(int col) const;
    double real(int col) const;
    std::string_view text(int col) const;
    /// The last error of this statement, empty when none.
    const std::string &error() const { return m_error; }

private:
    sqlite3_stmt *m_stmt = nullptr;
    sqlite3 *m_db = nullptr;
    std::string m_error;
    std::unique_ptr<PgStatement> m_pg;
};

/// One SQLite connection (WAL, foreign keys off, exact-money aggregate `dsum` registered).
/// Owned by one thread at a time.
class SqliteDb {
public:
    SqliteDb() = default;
    ~SqliteDb();
    SqliteDb(const SqliteDb &) = delete;
    SqliteDb &operator=(const SqliteDb &) = delete;

    /// Opens (creating when missing) the database file; returns false and sets error() on failure.
    bool open(const std::string &path, bool readOnly = false);
    /// Connects to a team store (PgDb::isPostgresLocation) instead: statements and exec() then run
    /// the same SQL on the server. `readOnly`: the session refuses every write.
    bool openPostgres(const std::string &location, bool readOnly);
    bool isPostgres() const { return m_pg != nullptr; }
    void close();
    bool isOpen() const { return m_db != nullptr || m_pg != nullptr; }
    /// Executes one or more statements without results.
    bool exec(std::string_view sql);
    /// Runs a query returning one integer (or `fallback` when there is no row).
    std::int64_t scalar(std::string_view sql, std::int64_t fallback = 0);
    std::int64_t lastInsertRowid() const;
    /// Rows changed by the last statement.
    std::int64_t changes() const;
    /// A team store's bulk load, streamed: copyBegin(COPY … FROM STDIN), copyPut() the data in
    /// COPY's text format (the server takes it in while the caller makes the next part), copyEnd()
    /// — which reports what the server refused — or copyEnd(true) to drop it all. No other
    /// statement runs on the connection in between. False (error() set) on SQLite or a refusal.
    bool copyBegin(std::string_view copySql);
    bool copyPut(std::string_view data);
    bool copyEnd(bool abort = false);
    const std::string &error() const { return m_error; }
    void setError(std::string error) { m_error = std::move(error); }
    sqlite3 *handle() const { return m_db; }
    /// True inside BEGIN … COMMIT.
    bool inTransaction() const;

    /// How this connection waits for another one (in this or another process) that holds the
    /// store's write lock: as long as it takes, calling `onWaiting` once per wait after a second
    /// (or the process-wide notice when unset), and giving up ("database is locked") only once
    /// `cancel` is set. Call before the connection is used for writing; both may be null.
    void setBusyWait(const std::atomic_bool *cancel, std::function<void()> onWaiting);
    /// The notice for connections without their own (the command line prints one line).
    static void setDefaultWaitNotice(std::function<void()> notice);
    /// The user-facing text of a wait, for every front end alike.
    static const char *waitingText();

private:
    friend class WriteTxn;
    friend class SqliteStmt; // a statement on a team store shares its connection
    static int busyHandler(void *self, int count);
    bool beginTeamWrite();
    /// The advisory lock key of a team store's writers ("BRWR").
    static constexpr std::int64_t kTeamWriteLock = 0x42525752;

    sqlite3 *m_db = nullptr;
    std::shared_ptr<PgDb> m_pg; ///< a team store's connection, shared with its statements
    std::string m_pgOuterSavepoint; ///< a team store's SAVEPOINT that began the transaction (exec())
    std::string m_error;
    const std::atomic_bool *m_busyCancel = nullptr;
    std::function<void()> m_onWaiting;
    std::chrono::steady_clock::time_point m_waitStart;
    bool m_waitNoticed = false;
    int m_writeSteps = 0; ///< open WriteTxn steps: a transaction they did not open is never nested into
};

/// A write step: its own transaction (BEGIN IMMEDIATE … COMMIT), or, inside another WriteTxn's
/// transaction, a savepoint in it — so a step that is all-or-nothing on its own (one file's import)
/// can also be one of several that stand or fall together (the parts of one export run). A
/// transaction some other code left open is not joined: BEGIN fails as it always did, rather than
/// the step's rows waiting on a commit nobody may make.
class WriteTxn {
public:
    explicit WriteTxn(SqliteDb &db) : m_db(db) {}
    WriteTxn(const WriteTxn &) = delete;
    WriteTxn &operator=(const WriteTxn &) = delete;
    ~WriteTxn();
    bool begin();
    bool commit();
    void rollback();
    bool isOpen() const { return m_open; }
    /// A savepoint inside the caller's transaction: the caller's commit or rollback decides.
    bool nested() const { return m_nested; }

private:
    SqliteDb &m_db;
    bool m_open = false;
    bool m_nested = false;
};

} // namespace Cost
