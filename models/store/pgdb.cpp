#include "store/pgdb.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <map>
#include <regex>

namespace Cost {

namespace {

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Loopback and Unix sockets need no TLS; anything else gets verify-full unless told otherwise.
bool isLocalHost(const char *host)
{
    if (!host || !*host)
        return true; // libpq's default: the Unix socket
    const std::string_view h(host);
    return h.front() == '/' || h.front() == '@' || h == "localhost" || startsWith(h, "127.") || h == "::1";
}

void dropNotice(void *, const char *) {}

} // namespace

PgResult::PgResult(pg_result *res)
    : m_res(res, PQclear)
{
}

int PgResult::rows() const { return m_res ? PQntuples(m_res.get()) : 0; }
int PgResult::columns() const { return m_res ? PQnfields(m_res.get()) : 0; }
bool PgResult::isNull(int row, int col) const { return PQgetisnull(m_res.get(), row, col) != 0; }
std::string_view PgResult::text(int row, int col) const
{
    return {PQgetvalue(m_res.get(), row, col), static_cast<std::size_t>(PQgetlength(m_res.get(), row, col))};
}

PgDb::~PgDb() { close(); }

bool PgDb::isPostgresLocation(std::string_view location)
{
    return startsWith(location, "postgresql://") || startsWith(location, "postgres://") || startsWith(location, "service=");
}

std::string PgDb::redacted(std::string_view location)
{
    std::string out(location);
    // postgresql://user:secret@host…: the userinfo's password.
    static const std::regex userinfo(R"(^(postgres(?:ql)?://[^:@/?]*:)[^@/?]*@)", std::regex::icase);
    out = std::regex_replace(out, userinfo, "$1***@");
    // ?password=secret (URI) and password=secret or password='sec ret' (key=value).
    static const std::regex keyword(R"((password\s*=\s*)('(?:[^'\\]|\\.)*'|[^&\s]*))", std::regex::icase);
    return std::regex_replace(out, keyword, "$1***");
}

std::optional<std::map<std::string, std::string>> PgDb::connectionParameters(const std::string &location, std::string &error)
{
    char *parseError = nullptr;
    PQconninfoOption *options = PQconninfoParse(location.c_str(), &parseError);
    if (!options) {
        error = std::string("not a PostgreSQL address: ") + (parseError ? parseError : "out of memory");
        PQfreemem(parseError);
        return std::nullopt;
    }
    std::map<std::string, std::string> parameters;
    for (PQconninfoOption *o = options; o->keyword; ++o)
        if (o->val)
            parameters[o->keyword] = o->val;
    PQconninfoFree(options);
    auto given = [&](const char *key) {
        const auto it = parameters.find(key);
        return it == parameters.end() ? nullptr : it->second.c_str();
    };
    // Where libpq will connect: hostaddr (a numeric address) wins over host, then the environment.
    const char *host = given("hostaddr") ? given("hostaddr") : given("host");
    if (!host)
        host = std::getenv("PGHOSTADDR") ? std::getenv("PGHOSTADDR") : std::getenv("PGHOST");
    // A service file says its own sslmode; a connection string naming a remote host verifies it.
    if (!given("sslmode") && !std::getenv("PGSSLMODE") && !given("service") && !isLocalHost(host))
        parameters["sslmode"] = "verify-full";
    return parameters;
}

bool PgDb::open(const std::string &location)
{
    close();
    const auto parameters = connectionParameters(location, m_error);
    if (!parameters)
        return false;
    std::vector<const char *> keys, values;
    for (const auto &[key, value] : *parameters) {
        keys.push_back(key.c_str());
        values.push_back(value.c_str());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    m_conn = PQconnectdbParams(keys.data(), values.data(), 0);
    if (!m_conn || PQstatus(m_conn) != CONNECTION_OK) {
        fail("cannot connect");
        close();
        return false;
    }
    PQsetNoticeProcessor(m_conn, dropNotice, nullptr);
    const char *h = PQhost(m_conn);
    m_display = std::string(PQuser(m_conn)) + '@' + (h && *h == '/' ? "localhost" : h ? h : "") + ':' + PQport(m_conn)
        + '/' + PQdb(m_conn);
    // UTC like SQLite's date functions; shortest exact floats.
    return exec("SET client_encoding = 'UTF8'; SET datestyle = 'ISO'; SET TimeZone = 'UTC'; SET extra_float_digits = 1");
}

void PgDb::close()
{
    if (m_conn)
        PQfinish(m_conn);
    m_conn = nullptr;
}

bool PgDb::fail(const char *what)
{
    std::string message = m_conn ? PQerrorMessage(m_conn) : "out of memory";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    // libpq's messages run over several lines (a hint after "\n\t"): one line for ours.
    for (std::size_t at; (at = message.find_first_of("\n\t")) != std::string::npos;)
        message.replace(at, message[at] == '\n' && at + 1 < message.size() && message[at + 1] == '\t' ? 2 : 1, " ");
    m_error = std::string(what) + ": " + message;
    return false;
}

bool PgDb::failWith(const pg_result *res, const char *what)
{
    fail(what);
    // insufficient_privilege: the grants let this role read only (or not this table).
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    if (state && std::strcmp(state, "42501") == 0)
        m_error = "the team store refuses this change: user " + std::string(PQuser(m_conn))
            + " may only read it (ask the store's owner for a role that writes; " + m_error + ")";
    return false;
}

bool PgDb::exec(std::string_view sql)
{
    if (!m_conn)
        return (m_error = "not connected", false);
    PGresult *res = PQexec(m_conn, std::string(sql).c_str());
    const auto status = PQresultStatus(res);
    if (status == PGRES_COMMAND_OK) // as sqlite3_changes: a query leaves the last change's count
        m_changes = std::atoll(PQcmdTuples(res));
    const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || failWith(res, "query failed");
    PQclear(res);
    if (!m_unprepare.empty() && PQtransactionStatus(m_conn) != PQTRANS_INERROR) {
        std::string drop;
        for (const std::string &name : m_unprepare)
            drop += "DEALLOCATE " + name + ';';
        m_unprepare.clear();
        PQclear(PQexec(m_conn, drop.c_str()));
    }
    return ok;
}

void PgDb::deallocate(const std::string &name)
{
    if (!m_conn)
        return;
    if (PQtransactionStatus(m_conn) == PQTRANS_INERROR)
        m_unprepare.push_back(name);
    else
        PQclear(PQexec(m_conn, ("DEALLOCATE " + name).c_str()));
}

namespace {

std::vector<const char *> paramValues(const std::vector<std::optional<std::string>> &params)
{
    std::vector<const char *> values;
    for (const auto &p : params)
        values.push_back(p ? p->c_str() : nullptr);
    return values;
}

} // namespace

bool PgDb::inTransaction() const { return m_conn && PQtransactionStatus(m_conn) != PQTRANS_IDLE; }
bool PgDb::inFailedTransaction() const { return m_conn && PQtransactionStatus(m_conn) == PQTRANS_INERROR; }

PgResult PgDb::answer(pg_result *res)
{
    const auto status = PQresultStatus(res);
    if (status == PGRES_COMMAND_OK)
        m_changes = std::atoll(PQcmdTuples(res));
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
        return PgResult(res);
    failWith(res, "query failed");
    PQclear(res);
    return PgResult();
}

PgResult PgDb::query(std::string_view sql, const std::vector<std::optional<std::string>> &params)
{
    if (!m_conn)
        return (m_error = "not connected", PgResult());
    const auto values = paramValues(params);
    return answer(PQexecParams(m_conn, std::string(sql).c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                               nullptr, nullptr, 0));
}

bool PgDb::forEachRow(std::string_view sql, const std::function<bool(const PgResult &row)> &row)
{
    if (!m_conn)
        return (m_error = "not connected", false);
    if (!PQsendQuery(m_conn, std::string(sql).c_str()) || !PQsetSingleRowMode(m_conn))
        return fail("query failed");
    bool ok = true;
    bool stopped = false;
    while (PGresult *res = PQgetResult(m_conn)) {
        const auto status = PQresultStatus(res);
        if (status == PGRES_SINGLE_TUPLE && !stopped) {
            if (!row(PgResult(res))) { // PgResult owns res from here
                stopped = true;
                ok = false;
                PQrequestCancel(m_conn);
            }
            continue;
        }
        if (status != PGRES_SINGLE_TUPLE && status != PGRES_TUPLES_OK && !stopped) {
            fail("query failed");
            ok = false;
        }
        PQclear(res);
    }
    return ok;
}

bool PgDb::copyBegin(std::string_view copySql)
{
    if (!m_conn)
        return (m_error = "not connected", false);
    PGresult *res = PQexec(m_conn, std::string(copySql).c_str());
    const bool started = PQresultStatus(res) == PGRES_COPY_IN;
    PQclear(res);
    return started || fail("copy failed");
}

bool PgDb::copyPut(std::string_view data)
{
    return data.empty() || PQputCopyData(m_conn, data.data(), static_cast<int>(data.size())) == 1 || fail("copy failed");
}

bool PgDb::copyEnd(const char *failure)
{
    bool ok = PQputCopyEnd(m_conn, failure) == 1 || fail("copy failed");
    while (PGresult *end = PQgetResult(m_conn)) {
        if (PQresultStatus(end) != PGRES_COMMAND_OK && ok && !failure)
            ok = fail("copy failed");
        PQclear(end);
    }
    return ok && !failure;
}

bool PgDb::prepare(const std::string &name, std::string_view sql)
{
    if (!m_conn)
        return (m_error = "not connected", false);
    PGresult *res = PQprepare(m_conn, name.c_str(), std::string(sql).c_str(), 0, nullptr);
    const bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    PQclear(res);
    return ok || fail("query failed");
}

PgResult PgDb::execPrepared(const std::string &name, const std::vector<std::optional<std::string>> &params)
{
    if (!m_conn)
        return (m_error = "not connected", PgResult());
    const auto values = paramValues(params);
    return answer(PQexecPrepared(m_conn, name.c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0));
}

std::string pgParameters(std::string_view sql)
{
    std::string out;
    out.reserve(sql.size() + 8);
    int next = 0;
    char quote = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (quote) {
            out += c;
            if (c == quote)
                quote = 0; // a doubled quote closes and reopens: the same text
        } else if (c == '\'' || c == '"') {
            quote = c;
            out += c;
        } else if ((c == 'A' || c == 'a') && (i == 0 || sql[i - 1] == ' ') && sql.size() - i >= 11
                   && std::equal(sql.begin() + static_cast<long>(i), sql.begin() + static_cast<long>(i) + 11, "AS INTEGER)",
                                 [](char x, char y) { return std::toupper(static_cast<unsigned char>(x)) == y; })) {
            out += "AS bigint)"; // SQLite's INTEGER is 64-bit, PostgreSQL's 32
            i += 10;
        } else if ((c == 'I' || c == 'i') && i > 0 && sql[i - 1] == ' ' && sql.size() - i >= 11
                   && std::equal(sql.begin() + static_cast<long>(i), sql.begin() + static_cast<long>(i) + 11, "INDEXED BY ",
                                 [](char x, char y) { return std::toupper(static_cast<unsigned char>(x)) == y; })) {
            i += 11; // SQLite's index hint: the server plans for itself
            while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_'))
                ++i;
            --i;
        } else if (c == '?') {
            std::size_t j = i + 1;
            while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9')
                ++j;
            if (j > i + 1) {
                out += '$';
                out += sql.substr(i + 1, j - i - 1);
                next = std::max(next, std::stoi(std::string(sql.substr(i + 1, j - i - 1))));
                i = j - 1;
            } else {
                out += '$' + std::to_string(++next);
            }
        } else {
            out += c;
        }
    }
    return out;
}

PgStatement::PgStatement(std::shared_ptr<PgDb> db, std::string_view sql)
    : m_db(std::move(db))
    , m_name(m_db->newStatementName())
{
    m_prepared = m_db->prepare(m_name, pgParameters(sql));
    if (!m_prepared)
        m_error = m_db->error();
}

PgStatement::~PgStatement()
{
    if (m_prepared)
        m_db->deallocate(m_name);
}

void PgStatement::bind(int index, std::optional<std::string> value)
{
    if (index < 1)
        return;
    if (m_params.size() < static_cast<std::size_t>(index))
        m_params.resize(static_cast<std::size_t>(index));
    m_params[static_cast<std::size_t>(index) - 1] = std::move(value);
}

bool PgStatement::run()
{
    m_result = m_db->execPrepared(m_name, m_params);
    m_row = 0;
    if (m_result.ok())
        return true;
    m_error = m_db->error();
    return false;
}

bool PgStatement::step()
{
    if (!m_prepared)
        return false;
    if (m_row < 0) {
        m_error.clear();
        if (!run())
            return false;
    } else {
        ++m_row;
    }
    return m_row < m_result.rows();
}

bool PgStatement::exec()
{
    if (!m_prepared)
        return false;
    m_error.clear();
    const bool ok = run();
    m_row = -1;
    return ok;
}

void PgStatement::reset()
{
    m_row = -1;
    m_params.clear();
    m_result = PgResult();
}

bool PgStatement::isNull(int col) const { return m_result.isNull(m_row, col); }

std::int64_t PgStatement::int64(int col) const
{
    const std::string_view t = text(col);
    if (t == "t" || t == "f")
        return t == "t";
    std::int64_t v = 0;
    if (std::from_chars(t.data(), t.data() + t.size(), v).ec != std::errc())
        return static_cast<std::int64_t>(real(col));
    return v; // a numeric with decimals: its integer part, as SQLite converts a real
}

double PgStatement::real(int col) const
{
    const std::string_view t = text(col);
    if (t == "t" || t == "f")
        return t == "t";
    double v = 0;
    std::from_chars(t.data(), t.data() + t.size(), v);
    return v;
}

std::string_view PgStatement::text(int col) const
{
    if (m_row < 0 || m_row >= m_result.rows() || col >= m_result.columns() || m_result.isNull(m_row, col))
        return {};
    return m_result.text(m_row, col);
}

std::string pgIdent(std::string_view name)
{
    std::string out = "\"";
    for (char c : name) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

} // namespace Cost
