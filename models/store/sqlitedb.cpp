#include "store/sqlitedb.h"

#include "domain/allocpart.h"
#include "domain/modelname.h"
#include "domain/money.h"
#include "store/pgdb.h"
#include "store/threadcheck.h"

#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <thread>
#include <utility>

namespace Cost {

namespace {

// SQLite's aggregate memory is only 8-byte aligned: keep the 128-bit sum as bytes.
struct DsumState {
    unsigned char sum[sizeof(BigMoney)];
    bool any;
};

// dsum(x): exact 128-bit sum of integer money, returned as a decimal text in money units so
// that totals never overflow 64 bits.
void dsumStep(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    auto *state = static_cast<DsumState *>(sqlite3_aggregate_context(ctx, sizeof(DsumState)));
    if (!state || sqlite3_value_type(argv[0]) == SQLITE_NULL)
        return;
    BigMoney sum;
    std::memcpy(&sum, state->sum, sizeof sum);
    sum += sqlite3_value_int64(argv[0]);
    std::memcpy(state->sum, &sum, sizeof sum);
    state->any = true;
}

void dsumFinal(sqlite3_context *ctx)
{
    auto *state = static_cast<DsumState *>(sqlite3_aggregate_context(ctx, 0));
    if (!state || !state->any) {
        sqlite3_result_null(ctx);
        return;
    }
    BigMoney v;
    std::memcpy(&v, state->sum, sizeof v);
    const bool negative = v < 0;
    UBigMoney u = negative ? static_cast<UBigMoney>(-v) : static_cast<UBigMoney>(v);
    char buf[48];
    int pos = sizeof buf;
    do {
        buf[--pos] = static_cast<char>('0' + static_cast<int>(u % 10));
        u /= 10;
    } while (u != 0);
    if (negative)
        buf[--pos] = '-';
    sqlite3_result_text(ctx, buf + pos, static_cast<int>(sizeof buf) - pos, SQLITE_TRANSIENT);
}

// alloc(amount, before, after): the part of `amount` between two cumulative shares (parts per
// million), floor-based so that the parts of an amount always add up to it exactly.
void allocFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    // One definition of the split for SQL and for the C++ page scan (bit-identical by construction).
    sqlite3_result_int64(ctx, Analytics::allocPart(sqlite3_value_int64(argv[0]), sqlite3_value_int64(argv[1]),
                                                   sqlite3_value_int64(argv[2])));
}

// canonical_model(name): the model's one name across providers (modelname.h); used by the
// migration that renames models stored before names were unified.
void canonicalModelFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    if (!text) {
        sqlite3_result_null(ctx);
        return;
    }
    const std::string name = Cost::canonicalModel(std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(argv[0]))));
    sqlite3_result_text(ctx, name.data(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
}

} // namespace

SqliteStmt::SqliteStmt() = default;

SqliteStmt::SqliteStmt(SqliteDb &db, std::string_view sql)
    : m_db(db.handle())
{
    if (db.m_pg) {
        m_pg = std::make_unique<PgStatement>(db.m_pg, sql);
        if (!m_pg->ok())
            db.setError(m_error = m_pg->error());
        return;
    }
    if (!m_db) {
        m_error = "database not open";
        return;
    }
    if (sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr)
        != SQLITE_OK) {
        m_error = sqlite3_errmsg(m_db);
        m_stmt = nullptr;
        db.setError(m_error);
    }
}

SqliteStmt::~SqliteStmt()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

SqliteStmt::SqliteStmt(SqliteStmt &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_db(other.m_db)
    , m_error(std::move(other.m_error))
    , m_pg(std::move(other.m_pg))
{
}

bool SqliteStmt::ok() const { return m_stmt != nullptr || (m_pg && m_pg->ok()); }

SqliteStmt &SqliteStmt::operator=(SqliteStmt &&other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
        m_error = std::move(other.m_error);
        m_pg = std::move(other.m_pg);
    }
    return *this;
}

void SqliteStmt::bind(int i, std::int64_t v)
{
    if (m_pg)
        return m_pg->bind(i, std::to_string(v));
    sqlite3_bind_int64(m_stmt, i, v);
}
void SqliteStmt::bind(int i, double v)
{
    if (m_pg) {
        char buf[32];
        const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
        return m_pg->bind(i, std::string(buf, end));
    }
    sqlite3_bind_double(m_stmt, i, v);
}
void SqliteStmt::bind(int i, std::string_view t)
{
    if (m_pg)
        return m_pg->bind(i, std::string(t));
    sqlite3_bind_text(m_stmt, i, t.data(), static_cast<int>(t.size()), SQLITE_TRANSIENT);
}
void SqliteStmt::bindNull(int i)
{
    if (m_pg)
        return m_pg->bind(i, std::nullopt);
    sqlite3_bind_null(m_stmt, i);
}

bool SqliteStmt::step()
{
    if (m_pg) {
        const bool row = m_pg->step();
        m_error = m_pg->error();
        return row;
    }
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_error = sqlite3_errmsg(m_db);
    return false;
}

bool SqliteStmt::exec()
{
    if (m_pg) {
        const bool ok = m_pg->exec();
        m_error = m_pg->error();
        return ok;
    }
    if (!m_stmt)
        return false;
    m_error.clear();
    int rc;
    while ((rc = sqlite3_step(m_stmt)) == SQLITE_ROW) {
    }
    const bool ok = rc == SQLITE_DONE;
    if (!ok)
        m_error = sqlite3_errmsg(m_db);
    sqlite3_reset(m_stmt);
    return ok;
}

void SqliteStmt::reset()
{
    if (m_pg)
        m_pg->reset();
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
}

bool SqliteStmt::isNull(int c) const { return m_pg ? m_pg->isNull(c) : sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
std::int64_t SqliteStmt::int64(int c) const { return m_pg ? m_pg->int64(c) : sqlite3_column_int64(m_stmt, c); }
double SqliteStmt::real(int c) const { return m_pg ? m_pg->real(c) : sqlite3_column_double(m_stmt, c); }
std::string_view SqliteStmt::text(int c) const
{
    if (m_pg)
        return m_pg->text(c);
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, c))) : std::string_view();
}

SqliteDb::~SqliteDb() { close(); }

bool SqliteDb::open(const std::string &path, bool readOnly)
{
    ThreadCheck::checkOpen(path);
    close();
    const int flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path.c_str(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        m_error = m_db ? sqlite3_errmsg(m_db) : "cannot open database";
        close();
        return false;
    }
    sqlite3_busy_handler(m_db, &SqliteDb::busyHandler, this);
    sqlite3_create_function_v2(m_db, "dsum", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, nullptr, dsumStep,
                               dsumFinal, nullptr);
    sqlite3_create_function_v2(m_db, "alloc", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, allocFn, nullptr, nullptr,
                               nullptr);
    sqlite3_create_function_v2(m_db, "canonical_model", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, canonicalModelFn,
                               nullptr, nullptr, nullptr);
    return true;
}

bool SqliteDb::openPostgres(const std::string &location, bool readOnly)
{
    close();
    auto pg = std::make_shared<PgDb>();
    if (!pg->open(location) || (readOnly && !pg->exec("SET default_transaction_read_only = on"))) {
        m_error = pg->error();
        return false;
    }
    m_pg = std::move(pg);
    return true;
}

void SqliteDb::close()
{
    m_pg.reset();
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

bool SqliteDb::exec(std::string_view sql)
{
    if (m_pg) {
        // SQLite's transactions in PostgreSQL's terms: a writer (BEGIN IMMEDIATE) takes the store's
        // write lock, as SQLite's one writer at a time; a reader's BEGIN is one snapshot throughout.
        if ((sql == "BEGIN IMMEDIATE" || sql == "BEGIN") && m_pg->inTransaction()) {
            m_error = "cannot start a transaction within a transaction"; // SQLite's answer; the server would join it
            return false;
        }
        if (sql == "BEGIN IMMEDIATE")
            return beginTeamWrite();
        std::string command = sql == "BEGIN" ? std::string("BEGIN ISOLATION LEVEL REPEATABLE READ") : pgParameters(sql);
        // SQLite's SAVEPOINT outside a transaction starts one, and releasing it commits.
        const bool outerRelease = !m_pgOuterSavepoint.empty() && sql.size() >= m_pgOuterSavepoint.size() + 8
            && sql.substr(sql.size() - m_pgOuterSavepoint.size() - 8) == "RELEASE " + m_pgOuterSavepoint;
        if (sql.substr(0, 10) == "SAVEPOINT " && !m_pg->inTransaction()) {
            m_pgOuterSavepoint = std::string(sql.substr(10));
            command = "BEGIN ISOLATION LEVEL REPEATABLE READ; " + command;
        } else if (outerRelease) {
            m_pgOuterSavepoint.clear();
            command += "; COMMIT";
        }
        // SQLite commits what succeeded after a failed statement; PostgreSQL answers COMMIT in a
        // failed transaction by rolling back and reporting success. Never let that pass as a commit.
        if ((sql == "COMMIT" || outerRelease) && m_pg->inFailedTransaction()) {
            m_pg->exec("ROLLBACK");
            m_pgOuterSavepoint.clear();
            m_error = "nothing was stored: a statement of this change failed on the team store";
            return false;
        }
        const bool ok = m_pg->exec(command);
        if (!ok)
            m_error = m_pg->error();
        if (outerRelease && m_pg->inTransaction()) // a failed release leaves no transaction open
            m_pg->exec("ROLLBACK");
        if (!m_pg->inTransaction())
            m_pgOuterSavepoint.clear();
        return ok;
    }
    char *err = nullptr;
    const std::string copy(sql);
    if (sqlite3_exec(m_db, copy.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        m_error = err ? err : "sqlite error";
        sqlite3_free(err);
        return false;
    }
    return true;
}

std::int64_t SqliteDb::scalar(std::string_view sql, std::int64_t fallback)
{
    SqliteStmt st(*this, sql);
    if (st.step() && !st.isNull(0))
        return st.int64(0);
    return fallback;
}

namespace {
std::function<void()> &defaultWaitNotice()
{
    static std::function<void()> notice;
    return notice;
}
} // namespace

bool SqliteDb::inTransaction() const
{
    return m_pg ? m_pg->inTransaction() : m_db && sqlite3_get_autocommit(m_db) == 0;
}

// The team store's write lock: a transaction-scoped advisory lock every Burnrate writer takes
// first (released by COMMIT or ROLLBACK). Waited for as busyHandler waits for SQLite's.
bool SqliteDb::beginTeamWrite()
{
    if (!m_pg->exec("BEGIN")) {
        m_error = m_pg->error();
        return false;
    }
    const auto start = std::chrono::steady_clock::now();
    bool noticed = false;
    for (int attempt = 0;; ++attempt) {
        const PgResult got = m_pg->query("SELECT pg_try_advisory_xact_lock(" + std::to_string(kTeamWriteLock) + ")");
        if (!got.ok() || got.rows() != 1) {
            m_error = m_pg->error();
            m_pg->exec("ROLLBACK");
            return false;
        }
        if (got.text(0, 0) == "t")
            return true;
        if (m_busyCancel && m_busyCancel->load()) {
            m_error = "database is locked";
            m_pg->exec("ROLLBACK");
            return false;
        }
        if (!noticed && std::chrono::steady_clock::now() - start >= std::chrono::seconds(1)) {
            noticed = true;
            if (m_onWaiting)
                m_onWaiting();
            else if (defaultWaitNotice())
                defaultWaitNotice()();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(1 << std::min(attempt, 6), 50)));
    }
}

void SqliteDb::setBusyWait(const std::atomic_bool *cancel, std::function<void()> onWaiting)
{
    m_busyCancel = cancel;
    m_onWaiting = std::move(onWaiting);
}

void SqliteDb::setDefaultWaitNotice(std::function<void()> notice) { defaultWaitNotice() = std::move(notice); }

const char *SqliteDb::waitingText() { return "waiting for another Burnrate process writing this store\u2026"; }

// SQLite calls this while another connection holds the lock it needs (count restarts at 0 for
// every new wait). Writers take the lock with BEGIN IMMEDIATE, so waiting cannot deadlock.
int SqliteDb::busyHandler(void *self, int count)
{
    auto *db = static_cast<SqliteDb *>(self);
    const auto now = std::chrono::steady_clock::now();
    if (count == 0) {
        db->m_waitStart = now;
        db->m_waitNoticed = false;
    }
    if (db->m_busyCancel && db->m_busyCancel->load())
        return 0;
    if (!db->m_waitNoticed && now - db->m_waitStart >= std::chrono::seconds(1)) {
        db->m_waitNoticed = true;
        if (db->m_onWaiting)
            db->m_onWaiting();
        else if (defaultWaitNotice())
            defaultWaitNotice()();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(1 << std::min(count, 6), 50)));
    return 1;
}

std::int64_t SqliteDb::lastInsertRowid() const
{
    if (m_pg) { // the id the last INSERT drew from its table's identity sequence
        const PgResult id = m_pg->query("SELECT lastval()");
        std::int64_t v = 0;
        if (id.ok() && id.rows() == 1)
            std::from_chars(id.text(0, 0).data(), id.text(0, 0).data() + id.text(0, 0).size(), v);
        return v;
    }
    return m_db ? sqlite3_last_insert_rowid(m_db) : 0;
}
bool SqliteDb::copyBegin(std::string_view copySql)
{
    if (!m_pg)
        return (m_error = "COPY needs a team store", false);
    return m_pg->copyBegin(copySql) || (m_error = m_pg->error(), false);
}

bool SqliteDb::copyPut(std::string_view data)
{
    return m_pg && (m_pg->copyPut(data) || (m_error = m_pg->error(), false));
}

bool SqliteDb::copyEnd(bool abort)
{
    if (!m_pg)
        return false;
    if (abort) { // out of COPY mode; the server drops what it took (the reason stays the caller's)
        const std::string why = m_error;
        m_pg->copyEnd("the import was stopped");
        m_error = why;
        return false;
    }
    return m_pg->copyEnd() || (m_error = m_pg->error(), false);
}

std::int64_t SqliteDb::changes() const { return m_pg ? m_pg->changes() : m_db ? sqlite3_changes64(m_db) : 0; }

WriteTxn::~WriteTxn()
{
    if (m_open)
        rollback();
}

bool WriteTxn::begin()
{
    if (m_open)
        return true;
    m_nested = m_db.m_writeSteps > 0 && m_db.inTransaction();
    m_open = m_db.exec(m_nested ? "SAVEPOINT write_step" : "BEGIN IMMEDIATE");
    m_db.m_writeSteps += m_open ? 1 : 0;
    return m_open;
}

bool WriteTxn::commit()
{
    if (!m_open || !m_db.exec(m_nested ? "RELEASE write_step" : "COMMIT"))
        return false;
    m_open = false;
    --m_db.m_writeSteps;
    return true;
}

void WriteTxn::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    --m_db.m_writeSteps;
    const std::string error = m_db.error(); // keep the reason, not the rollback's
    m_db.exec(m_nested ? "ROLLBACK TO write_step; RELEASE write_step" : "ROLLBACK");
    m_db.setError(error);
}

} // namespace Cost
