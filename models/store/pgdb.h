#pragma once

#include <functional>
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
/// ~/.pgpass or PGPASSWORD, the app from the OS keychain. Off loopback and without an `sslmode` of
/// its own, the connection requires TLS with the server's certificate and name verified
/// (`verify-full`). Server notices are not printed. Owned by one thread at a time.
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
    /// Sets error() (for callers reporting a failure of their own on this connection).
    void setError(std::string error) { m_error = std::move(error); }

private:
    bool fail(const char *what);

    pg_conn *m_conn = nullptr;
    std::string m_display;
    std::string m_error;
};

/// Quotes an SQL identifier for PostgreSQL ("end" is a reserved word there, not in SQLite).
std::string pgIdent(std::string_view name);

} // namespace Cost
