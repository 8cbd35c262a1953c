#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace Cost {

/// One result of a PostgreSQL query, its values as text (libpq's text format).
class PgResult {
public:
    PgResult() = default;
    explicit PgResult(pg_result *res);
    bool ok() const { return m_res != nullptr; }
    int rows() const;
    int columns() const;
    bool isNull(int row, int col) const;
    std::string_view text(int row, int col) const;

private:
    std::shared_ptr<pg_result> m_res;
};

/// One connection to a PostgreSQL server (libpq), for the team store. Opened from a
/// `postgresql://user@host:port/dbname` URI or a libpq key=value string (`service=NAME` reads the
/// user's pg_service.conf). The password never comes from Burnrate's settings: libpq takes it from
/// ~/.pgpass or PGPASSWORD (or the address itself: messages use redacted()). Off loopback and
/// without an `sslmode` of its own, the connection requires TLS with the server's certificate and
/// name verified (`verify-full`). Server notices are not printed. Owned by one thread at a time.
class PgDb {
public:
    PgDb() = default;
    ~PgDb();
    PgDb(const PgDb &) = delete;
    PgDb &operator=(const PgDb &) = delete;

    /// True when `location` names a PostgreSQL store rather than a SQLite file.
    static bool isPostgresLocation(std::string_view location);

    /// `location` fit for a message or a log: a password in it (user:PASSWORD@ in a URI, a
    /// password= parameter or keyword) replaced by "***".
    static std::string redacted(std::string_view location);

    /// The libpq parameters open() connects with: the address's own, plus `sslmode=verify-full`
    /// when none is given (neither in the address nor PGSSLMODE, nor through a service) and the host
    /// is not loopback or a Unix socket. Nothing on a malformed address (`error` says why).
    static std::optional<std::map<std::string, std::string>> connectionParameters(const std::string &location,
                                                                                   std::string &error);

    bool open(const std::string &location);
    void close();
    bool isOpen() const { return m_conn != nullptr; }
    /// Where this connection goes, for messages: user@host:port/dbname, never a password.
    const std::string &displayName() const { return m_display; }
    const std::string &error() const { return m_error; }

    /// Runs commands without results (several, separated by ';').
    bool exec(std::string_view sql);
    /// Runs one statement with text parameters ($1, $2…; nullopt is NULL).
    PgResult query(std::string_view sql, const std::vector<std::optional<std::string>> &params = {});
    /// Runs a query in single-row mode: `row` gets each row (one-row PgResult) as it arrives and
    /// stops the query by returning false (error() then says why, when the callback set it).
    bool forEachRow(std::string_view sql, const std::function<bool(const PgResult &row)> &row);
    /// COPY … FROM STDIN in three steps: start it, send data (text format, whole or split lines),
    /// end it — with `failure` set, the server drops what was sent and the COPY fails with it.
    bool copyBegin(std::string_view copySql);
    bool copyPut(std::string_view data);
    bool copyEnd(const char *failure = nullptr);
    /// True inside BEGIN … COMMIT (also a failed one not yet rolled back).
    bool inTransaction() const;
    /// True inside a transaction a statement failed in: the server refuses everything but a
    /// rollback, and would answer COMMIT by rolling back.
    bool inFailedTransaction() const;
    /// Rows the last command changed (INSERT, UPDATE, DELETE; 0 for others).
    std::int64_t changes() const { return m_changes; }
    /// Sets error() (for callers reporting a failure of their own on this connection).
    void setError(std::string error) { m_error = std::move(error); }

    /// Server-side prepared statements (PgStatement): a new name, prepare, run with text values.
    std::string newStatementName() { return "s" + std::to_string(++m_statements); }
    bool prepare(const std::string &name, std::string_view sql);
    /// Drops a prepared statement; in a failed transaction (which refuses every command until it
    /// is rolled back) once the connection is out of it.
    void deallocate(const std::string &name);
    PgResult execPrepared(const std::string &name, const std::vector<std::optional<std::string>> &params);

private:
    bool fail(const char *what);
    /// fail() for a failed result, saying so in plain words when the grants refused it.
    bool failWith(const pg_result *res, const char *what);
    /// `res` as a PgResult when it succeeded; else an empty one, error() set, `res` freed.
    PgResult answer(pg_result *res);

    pg_conn *m_conn = nullptr;
    std::string m_display;
    std::string m_error;
    long m_statements = 0;
    std::int64_t m_changes = 0;
    std::vector<std::string> m_unprepare; ///< statements to drop once out of a failed transaction
};

/// A statement of the store's SQL run on a team store: SQLite's parameters (`?`, `?N`) become
/// PostgreSQL's (`$N`), it is prepared on the server when made (so ok() and error() mean what
/// they mean for SqliteStmt) and run at the first step(). Values read as SQLite would hand them
/// out: a boolean as 1 or 0, a numeric as its integer or real value.
class PgStatement {
public:
    PgStatement(std::shared_ptr<PgDb> db, std::string_view sql);
    ~PgStatement();
    PgStatement(const PgStatement &) = delete;
    PgStatement &operator=(const PgStatement &) = delete;

    bool ok() const { return m_prepared; }
    const std::string &error() const { return m_error; }
    void bind(int index, std::optional<std::string> value);
    bool step();
    bool exec();
    void reset();
    bool isNull(int col) const;
    std::int64_t int64(int col) const;
    double real(int col) const;
    std::string_view text(int col) const;

private:
    bool run();

    std::shared_ptr<PgDb> m_db;
    std::string m_name;
    bool m_prepared = false;
    std::vector<std::optional<std::string>> m_params;
    PgResult m_result;
    int m_row = -1; ///< -1: not run since the last reset
    std::string m_error;
};

/// `sql` with SQLite's parameters (`?`, `?N`) as PostgreSQL's (`$N`), `CAST(… AS INTEGER)` as
/// `AS bigint` (64-bit, as SQLite's) and SQLite's `INDEXED BY name` hints dropped; quoted text left alone.
std::string pgParameters(std::string_view sql);

/// Quotes an SQL identifier for PostgreSQL ("end" is a reserved word there, not in SQLite).
std::string pgIdent(std::string_view name);

} // namespace Cost
