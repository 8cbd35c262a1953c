#include "store.h"

#include "costrecord.h"

#include <QDir>
#include <QStandardPaths>

#include <filesystem>

namespace Cost {

namespace {

std::string comboTableSql()
{
    std::string sql = "CREATE TABLE combo(id INTEGER PRIMARY KEY, token_kind INTEGER NOT NULL DEFAULT 0";
    for (std::size_t i = 0; i < kDimCount; ++i) {
        sql += ", ";
        sql += dimColumn(static_cast<Dim>(i));
        sql += " INTEGER NOT NULL DEFAULT 0";
    }
    sql += ");";
    return sql;
}

// Migration 1: the charge store. Strings live once in `dict`; a charge's dimension tuple is
// one `combo`; `fact` rows stay narrow: small integers, other amounts as deltas from the billed
// cost (usually 0, which SQLite stores in no bytes), end as a duration, quantities untyped so
// whole numbers stay integers. Rows of one (source, billing period)
// form a `partition` that a newer export replaces whole. `rollup_daily` is maintained by every
// import so charts never scan facts.
std::string migration1()
{
    return R"SQL(
CREATE TABLE dict(id INTEGER PRIMARY KEY, s TEXT NOT NULL UNIQUE);
CREATE TABLE import(
    id INTEGER PRIMARY KEY, batch INTEGER NOT NULL, kind TEXT NOT NULL, path TEXT, content_hash TEXT,
    bytes INTEGER, rows INTEGER NOT NULL DEFAULT 0, replaced INTEGER NOT NULL DEFAULT 0,
    started_at TEXT NOT NULL, finished_at TEXT);
CREATE TABLE partition(
    id INTEGER PRIMARY KEY, provider INTEGER NOT NULL, billing_account INTEGER NOT NULL,
    source INTEGER NOT NULL, period_start INTEGER NOT NULL, period_end INTEGER,
    import_id INTEGER NOT NULL, UNIQUE(provider, billing_account, source, period_start));
CREATE TABLE partition_rows(
    partition_id INTEGER NOT NULL, import_id INTEGER NOT NULL, first_row INTEGER NOT NULL, last_row INTEGER NOT NULL);
CREATE INDEX partition_rows_partition ON partition_rows(partition_id);
CREATE TABLE fact(
    id INTEGER PRIMARY KEY, partition_id INTEGER NOT NULL, combo_id INTEGER NOT NULL,
    start INTEGER NOT NULL, duration INTEGER NOT NULL, billed INTEGER NOT NULL,
    effective_delta INTEGER, list_delta INTEGER, contracted_delta INTEGER,
    consumed, pricing_qty, tokens INTEGER, requests INTEGER, extras INTEGER);
CREATE TABLE rollup_daily(
    partition_id INTEGER NOT NULL, day INTEGER NOT NULL, combo_id INTEGER NOT NULL,
    billed INTEGER NOT NULL, effective INTEGER NOT NULL, list INTEGER NOT NULL,
    tokens INTEGER NOT NULL, requests INTEGER NOT NULL, rows INTEGER NOT NULL,
    PRIMARY KEY(partition_id, day, combo_id)) WITHOUT ROWID;
CREATE INDEX rollup_daily_day ON rollup_daily(day, combo_id);
CREATE TABLE setting(key TEXT PRIMARY KEY, value TEXT);
)SQL" + comboTableSql();
}

// Migration 2: allocation rules (ordered JSON definitions) and their materialised result per
// dimension combination; existing combinations start with the feature/team of their tags.
std::string migration2()
{
    return R"SQL(
CREATE TABLE allocation_rule(id INTEGER PRIMARY KEY, position INTEGER NOT NULL, definition TEXT NOT NULL);
CREATE TABLE combo_allocation(
    combo_id INTEGER NOT NULL, part INTEGER NOT NULL, feature INTEGER NOT NULL, team INTEGER NOT NULL,
    cum_before INTEGER NOT NULL, cum_after INTEGER NOT NULL, rule INTEGER,
    PRIMARY KEY(combo_id, part)) WITHOUT ROWID;
INSERT INTO combo_allocation SELECT id, 0, feature, team, 0, 1000000, NULL FROM combo;
CREATE INDEX fact_start ON fact(start);
)SQL";
}

// Migration 3: budgets, their thresholds, and every alert ever fired. An alert is unique per
// (budget, period, threshold, basis), which is what makes each one fire once per period across
// restarts; AUTOINCREMENT keeps a removed budget's id (and its alert history) from being reused.
std::string migration3()
{
    return R"SQL(
CREATE TABLE budget(
    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, scope_dim TEXT NOT NULL DEFAULT '',
    scope_value TEXT NOT NULL DEFAULT '', period TEXT NOT NULL, custom_start INTEGER, custom_end INTEGER,
    amount INTEGER NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE budget_threshold(
    budget_id INTEGER NOT NULL, percent INTEGER NOT NULL, on_actual INTEGER NOT NULL, on_forecast INTEGER NOT NULL,
    PRIMARY KEY(budget_id, percent)) WITHOUT ROWID;
CREATE TABLE budget_alert(
    id INTEGER PRIMARY KEY, budget_id INTEGER NOT NULL, budget_name TEXT NOT NULL, period_start INTEGER NOT NULL,
    period_end INTEGER NOT NULL, percent INTEGER NOT NULL, basis TEXT NOT NULL, spend TEXT NOT NULL,
    amount INTEGER NOT NULL, as_of_day INTEGER NOT NULL, fired_at TEXT NOT NULL, message TEXT NOT NULL,
    UNIQUE(budget_id, period_start, percent, basis));
)SQL";
}

} // namespace

std::string Store::defaultPath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share/burnrate");
    QDir().mkpath(dir);
    return (dir + QStringLiteral("/burnrate.sqlite")).toStdString();
}

bool Store::open(const std::string &path)
{
    m_path = path;
    m_error.clear();
    const auto parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty())
        std::filesystem::create_directories(parent, ec);
    if (!m_db.open(path)) {
        m_error = "cannot open store " + path + ": " + m_db.error();
        return false;
    }
    if (!m_db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;"
                   " PRAGMA cache_size=-32768;")) {
        m_error = "cannot configure store " + path + ": " + m_db.error();
        m_db.close();
        return false;
    }
    if (!migrate()) {
        m_db.close();
        return false;
    }
    return true;
}

int Store::schemaVersion() { return static_cast<int>(m_db.scalar("PRAGMA user_version")); }

bool Store::migrate()
{
    if (schemaVersion() == kSchemaVersion)
        return true;
    // Re-read the version inside the write transaction: two threads may open a new store at once.
    if (!m_db.exec("BEGIN IMMEDIATE")) {
        m_error = "cannot migrate store: " + m_db.error();
        return false;
    }
    const int version = schemaVersion();
    if (version > kSchemaVersion) {
        m_db.exec("ROLLBACK");
        m_error = "store " + m_path + " was written by a newer Burnrate (schema " + std::to_string(version)
            + ", this build knows " + std::to_string(kSchemaVersion) + ")";
        return false;
    }
    const std::string steps[] = {migration1(), migration2(), migration3()};
    for (int v = version; v < kSchemaVersion; ++v) {
        if (!m_db.exec(steps[v]) || !m_db.exec("PRAGMA user_version=" + std::to_string(v + 1))) {
            m_error = "migration to schema " + std::to_string(v + 1) + " failed: " + m_db.error();
            m_db.exec("ROLLBACK");
            return false;
        }
    }
    if (!m_db.exec("COMMIT")) {
        m_error = "cannot commit migration: " + m_db.error();
        m_db.exec("ROLLBACK");
        return false;
    }
    return true;
}

bool Store::isEmpty() { return m_db.scalar("SELECT EXISTS(SELECT 1 FROM fact)") == 0; }

std::int64_t Store::factCount() { return m_db.scalar("SELECT count(*) FROM fact"); }

} // namespace Cost
