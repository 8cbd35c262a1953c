#include "store/store.h"

#include "domain/costrecord.h"
#include "endpoints/endpointbackfill.h"
#include "store/pgdb.h"

#include <QDir>
#include <QStandardPaths>

#include <chrono>
#include <filesystem>
#include <thread>

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

// Migration 4: connected accounts and their sync state. Never a secret here: an account's secret
// lives in the OS keychain under "account/<id>". Ids start at a random offset so that two stores
// on one machine do not share keychain entries; AUTOINCREMENT keeps a removed account's id (and
// with it the partition source "sync:<id>" of data kept after removal) from being reused.
// synced_through is a UTC day number (exclusive): every day before it has been fetched.
// account_file remembers which FOCUS files a focus-folder account imported (size, mtime, hash).
std::string migration4()
{
    return R"SQL(
CREATE TABLE account(
    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, provider TEXT NOT NULL,
    base_url TEXT NOT NULL DEFAULT '', options TEXT NOT NULL DEFAULT '{}', paused INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL);
INSERT INTO sqlite_sequence(name, seq) VALUES('account', 1 + abs(random() % 1000000000000));
CREATE TABLE account_sync(
    account_id INTEGER PRIMARY KEY, last_success_at TEXT, last_attempt_at TEXT, last_error TEXT NOT NULL DEFAULT '',
    last_rows INTEGER NOT NULL DEFAULT 0, first_day INTEGER, synced_through INTEGER);
CREATE TABLE account_file(
    account_id INTEGER NOT NULL, path TEXT NOT NULL, size INTEGER NOT NULL, mtime INTEGER NOT NULL,
    import_id INTEGER, batch INTEGER, imported_at TEXT NOT NULL, PRIMARY KEY(account_id, path)) WITHOUT ROWID;
CREATE INDEX partition_source ON partition(source, period_start);
)SQL";
}

// Migration 5: anomalies found by the scan (one row per incident of a series and grain; money in
// units), their ranked root causes, the feedback log (status before each verdict, for undo),
// per-series sensitivity and the scan settings (global sensitivity, minimum impact).
std::string migration5()
{
    return R"SQL(
CREATE TABLE anomaly(
    id INTEGER PRIMARY KEY AUTOINCREMENT, series_dim TEXT NOT NULL, series_value TEXT NOT NULL, grain TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, peak INTEGER NOT NULL, points INTEGER NOT NULL,
    actual INTEGER NOT NULL, expected INTEGER NOT NULL, band_low INTEGER NOT NULL, band_high INTEGER NOT NULL,
    score REAL NOT NULL, status TEXT NOT NULL DEFAULT 'new', explanation TEXT NOT NULL DEFAULT '',
    detected_at TEXT NOT NULL, alerted INTEGER NOT NULL DEFAULT 0);
CREATE INDEX anomaly_series ON anomaly(series_dim, series_value, grain, start);
CREATE INDEX anomaly_start ON anomaly(start);
CREATE TABLE anomaly_cause(
    anomaly_id INTEGER NOT NULL, rank INTEGER NOT NULL, dimension TEXT NOT NULL, value TEXT NOT NULL,
    actual INTEGER NOT NULL, baseline INTEGER NOT NULL, share REAL NOT NULL,
    PRIMARY KEY(anomaly_id, rank)) WITHOUT ROWID;
CREATE TABLE anomaly_feedback(
    id INTEGER PRIMARY KEY, anomaly_id INTEGER NOT NULL, status TEXT NOT NULL, previous TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX anomaly_feedback_anomaly ON anomaly_feedback(anomaly_id);
CREATE TABLE anomaly_series_setting(
    series_dim TEXT NOT NULL, series_value TEXT NOT NULL, sensitivity TEXT NOT NULL,
    PRIMARY KEY(series_dim, series_value)) WITHOUT ROWID;
CREATE TABLE anomaly_state(key TEXT PRIMARY KEY, value TEXT NOT NULL);
)SQL";
}

// Migration 7: a rollup index that covers every column a page reads, so one page is one
// index range scan over its days with no table lookups per row (Analytics::loadSlice). It has
// the old (day, combo_id) index as its prefix and replaces it.
std::string migration7()
{
    return R"SQL(
CREATE INDEX rollup_daily_cover ON rollup_daily(day, combo_id, billed, tokens, requests, effective, list, rows);
DROP INDEX IF EXISTS rollup_daily_day;
)SQL";
}

// Migration 6: the user's and imported token prices (the curated catalog ships as a resource) and
// saved what-if scenarios. Prices are exact money units per million tokens; NULL = not listed.
std::string migration6()
{
    return R"SQL(
CREATE TABLE IF NOT EXISTS price_entry(
    id INTEGER PRIMARY KEY, layer TEXT NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL,
    tier TEXT NOT NULL DEFAULT 'standard', long_context INTEGER NOT NULL DEFAULT 0,
    context_threshold INTEGER NOT NULL DEFAULT 0, effective_from INTEGER,
    input INTEGER, cache_read INTEGER, cache_write_5m INTEGER, cache_write_1h INTEGER, output INTEGER,
    source TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL,
    UNIQUE(layer, provider, model, tier, long_context, effective_from));
CREATE TABLE IF NOT EXISTS scenario(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, definition TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
)SQL";
}

// Alert history: every alert posted to the tray / webhook channels and where it was delivered.
std::string migration8()
{
    return R"SQL(
CREATE TABLE alert_history(
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, severity TEXT NOT NULL, title TEXT NOT NULL,
    body TEXT NOT NULL, tray INTEGER NOT NULL DEFAULT 0, webhook_status TEXT NOT NULL DEFAULT '',
    webhook_error TEXT NOT NULL DEFAULT '');
CREATE INDEX alert_history_at ON alert_history(at);
)SQL";
}

// Models stored before names were unified ("gpt-4o-2024-08-06", "Claude Sonnet 4 (Amazon Bedrock
// Edition)") take their canonical name (modelname.h), so one model is one row whatever was
// imported when. The provider's own spelling stays in the usage type / SKU / meter columns.
std::string migration9()
{
    return R"SQL(
INSERT OR IGNORE INTO dict(s)
    SELECT DISTINCT canonical_model(d.s) FROM combo c JOIN dict d ON d.id = c.model
    WHERE c.model != 0 AND canonical_model(d.s) != d.s AND canonical_model(d.s) != '';
UPDATE combo SET model = (SELECT n.id FROM dict o JOIN dict n ON n.s = canonical_model(o.s) WHERE o.id = combo.model)
    WHERE model != 0 AND EXISTS(SELECT 1 FROM dict o WHERE o.id = combo.model AND canonical_model(o.s) != o.s
                                AND canonical_model(o.s) != '');
)SQL";
}

// What the user wrote against the old model names follows migration 9's rename: anomalies (their
// series, causes and per-series sensitivity), budgets scoped to a model, allocation rules that
// match a model name exactly, and saved scenarios' model filter. Without it a budget or rule on
// "gpt-4o-2024-08-06" would silently match nothing after the rename. Glob and regex rules are left
// as written (a pattern has no one canonical form), and so are scenario step scopes: they are
// matched through the price catalog's spellings, where a dated snapshot still means that snapshot.
std::string migration10()
{
    return R"SQL(
UPDATE anomaly SET series_value = canonical_model(series_value)
    WHERE series_dim = 'model' AND canonical_model(series_value) NOT IN ('', series_value);
UPDATE anomaly_cause SET value = canonical_model(value)
    WHERE dimension = 'model' AND canonical_model(value) NOT IN ('', value);
UPDATE OR REPLACE anomaly_series_setting SET series_value = canonical_model(series_value)
    WHERE series_dim = 'model' AND canonical_model(series_value) NOT IN ('', series_value);
UPDATE budget SET scope_value = canonical_model(scope_value)
    WHERE scope_dim = 'model' AND canonical_model(scope_value) NOT IN ('', scope_value);
UPDATE allocation_rule
    SET definition = json_set(definition, '$.pattern', canonical_model(json_extract(definition, '$.pattern')))
    WHERE json_valid(definition) AND json_extract(definition, '$.dimension') = 'model'
      AND json_extract(definition, '$.match') = 'exact'
      AND canonical_model(json_extract(definition, '$.pattern')) NOT IN ('', json_extract(definition, '$.pattern'));
UPDATE scenario
    SET definition = json_set(definition, '$.filters.model', canonical_model(json_extract(definition, '$.filters.model')))
    WHERE json_valid(definition) AND json_type(definition, '$.filters.model') = 'text'
      AND canonical_model(json_extract(definition, '$.filters.model')) NOT IN ('', json_extract(definition, '$.filters.model'));
)SQL";
}

// Files skipped as identical to an import already stored join the batch that skipped them, so a
// retried multi-part import adds to the parts committed before instead of replacing them.
std::string migration11()
{
    return R"SQL(
CREATE TABLE IF NOT EXISTS import_link(batch INTEGER NOT NULL, import_id INTEGER NOT NULL, PRIMARY KEY(batch, import_id)) WITHOUT ROWID;
)SQL";
}

// An import whose charges another batch erased (restatement, or an account's data removed) is
// marked: it is no longer "identical" to its file, and a multi-part import whose earlier parts were
// erased by a concurrent writer notices before its next part commits (ingestorcommit.cpp).
// (Migrations may run again over a store already past them, as the older-store tests do: the
// column is added only where it is missing.)
std::string migration12(SqliteDb &db)
{
    if (db.scalar("SELECT count(*) FROM pragma_table_info('import') WHERE name = 'erased_by'") > 0)
        return "SELECT 1;";
    return "ALTER TABLE import ADD COLUMN erased_by INTEGER;";
}

// Migration 13: negotiated contracts (models/contracts/): one row per contract, its terms as the
// JSON object of the contracts file format (contractjson.h).
std::string migration13()
{
    return R"SQL(
CREATE TABLE IF NOT EXISTS contract(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, definition TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
)SQL";
}

// Migration 14: usage the applications report (models/telemetry/): calls summed per UTC hour ×
// (provider family, canonical model, feature, team, user, source), with a latency histogram, and
// the identity of every call already counted (128 bits of its source and id), so a call received
// or imported twice counts once.
std::string migration14()
{
    return R"SQL(
CREATE TABLE IF NOT EXISTS telemetry_usage(
    hour INTEGER NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL, feature TEXT NOT NULL, team TEXT NOT NULL,
    user TEXT NOT NULL, source TEXT NOT NULL, input INTEGER NOT NULL, cached_input INTEGER NOT NULL,
    cache_write INTEGER NOT NULL, output INTEGER NOT NULL, requests INTEGER NOT NULL, timed INTEGER NOT NULL,
    latency TEXT NOT NULL, PRIMARY KEY(hour, provider, model, feature, team, user, source)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS telemetry_seen(
    source TEXT NOT NULL, hi INTEGER NOT NULL, lo INTEGER NOT NULL, PRIMARY KEY(hi, lo, source)) WITHOUT ROWID;
)SQL";
}

// Migration 15: an anomaly's root-cause sentence as parts (JSON, see Analytics::CausePhrase), so the
// app words it in the user's language; `explanation` keeps the English the command line prints.
// (Run again over a store already past it, as the older-store tests do: added only where missing.)
std::string migration15(SqliteDb &db)
{
    if (db.scalar("SELECT count(*) FROM pragma_table_info('anomaly') WHERE name = 'explanation_parts'") > 0)
        return "SELECT 1;";
    return "ALTER TABLE anomaly ADD COLUMN explanation_parts TEXT NOT NULL DEFAULT '';";
}

// Migration 16: allocation parts become day-aware. `day` = -1 is the static allocation (tags and
// rules, per combination); a (combination, UTC day) with rows of its own is split by the
// application telemetry that day (Allocation::allocateTelemetry) and those rows win over the
// static ones. Existing parts become the static ones; telemetry parts are computed by the next
// telemetry ingest, import or rules save. A store whose allocation is day-aware already keeps it.
std::string migration16(SqliteDb &db)
{
    if (db.scalar("SELECT count(*) FROM pragma_table_info('combo_allocation') WHERE name = 'day'") > 0)
        return "SELECT 1;";
    return R"SQL(
CREATE TABLE combo_allocation_v16(
    combo_id INTEGER NOT NULL, day INTEGER NOT NULL DEFAULT -1, part INTEGER NOT NULL, feature INTEGER NOT NULL,
    team INTEGER NOT NULL, cum_before INTEGER NOT NULL, cum_after INTEGER NOT NULL, rule INTEGER,
    PRIMARY KEY(combo_id, day, part)) WITHOUT ROWID;
INSERT INTO combo_allocation_v16(combo_id, day, part, feature, team, cum_before, cum_after, rule)
    SELECT combo_id, -1, part, feature, team, cum_before, cum_after, rule FROM combo_allocation;
DROP TABLE combo_allocation;
ALTER TABLE combo_allocation_v16 RENAME TO combo_allocation;
CREATE INDEX combo_allocation_day ON combo_allocation(day);
)SQL";
}

// Migration 17: what the store remembers of each savings recommendation (Recommend::Tracked):
// first sighting and its baseline, the user's Dismiss / Snooze with a reason, and Done with the
// saving measured on later usage.
std::string migration17()
{
    return R"SQL(
CREATE TABLE IF NOT EXISTS recommendation(
    key TEXT PRIMARY KEY, kind TEXT NOT NULL, feature TEXT NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL,
    scope TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'open', reason TEXT NOT NULL DEFAULT '',
    snooze_until INTEGER NOT NULL DEFAULT 0, seen_from INTEGER NOT NULL, seen_to INTEGER NOT NULL,
    predicted_monthly INTEGER NOT NULL, baseline_billed INTEGER NOT NULL, baseline_units INTEGER NOT NULL,
    units_are_requests INTEGER NOT NULL, baseline_signal REAL, realised_monthly INTEGER NOT NULL DEFAULT 0,
    realised_from INTEGER NOT NULL DEFAULT 0, realised_to INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
)SQL";
}

// Migration 18: hour-billed endpoints (models/endpoints/): the combination gains the endpoint,
// instance type, accelerator and model served (dictionary ids, 0 = none) that the ingestor decodes
// from its dimensions when it first stores it. They are functions of the combination's dimensions,
// so they are columns of `combo` but not Cost::Dims a producer sets. Each column only where it is
// missing (migrations may run again over a store already past them). The combinations stored before
// are decoded right after, in the same transaction (Store::migrate, Endpoints::decodeStoredCombos).
std::string migration18(SqliteDb &db)
{
    std::string sql = "SELECT 1;";
    for (const char *column : {"endpoint", "instance_type", "accelerator", "served_model"}) {
        if (db.scalar(std::string("SELECT count(*) FROM pragma_table_info('combo') WHERE name = '") + column + "'") == 0)
            sql += std::string(" ALTER TABLE combo ADD COLUMN ") + column + " INTEGER NOT NULL DEFAULT 0;";
    }
    return sql;
}

// Migration 19: what the Hugging Face connector observed of each Inference Endpoint (the API tells
// the current state only; the estimated hours are the time between observations). One row per
// run of unchanged state, instance and replicas: `since` is status.updatedAt (0 when not given),
// `first_seen` / `last_seen` the first and last observation of the run (UTC epoch seconds). The
// rows of a sync window are written in the window's transaction, with its charges.
std::string migration19()
{
    return R"SQL(
CREATE TABLE IF NOT EXISTS hf_endpoint_state(
    account_id INTEGER NOT NULL, endpoint TEXT NOT NULL, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL,
    since INTEGER NOT NULL, state TEXT NOT NULL, replicas INTEGER NOT NULL, vendor TEXT NOT NULL,
    instance_type TEXT NOT NULL, instance_size TEXT NOT NULL, region TEXT NOT NULL, model TEXT NOT NULL,
    PRIMARY KEY(account_id, endpoint, first_seen)) WITHOUT ROWID;
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

bool Store::open(const std::string &path, TeamStore team)
{
    m_path = path;
    m_error.clear();
    if (PgDb::isPostgresLocation(path))
        return openTeamStore(team);
    const auto parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty())
        std::filesystem::create_directories(parent, ec);
    if (!m_db.open(path)) {
        m_error = "cannot open store " + path + ": " + m_db.error();
        return false;
    }
    // Two processes creating one new store at once both switch it to WAL; that switch needs an
    // exclusive lock, and SQLite answers "database is locked" at once rather than wait (waiting
    // could deadlock), bypassing the busy handler. Once one has switched, the other goes through.
    bool configured = false;
    for (int attempt = 0; attempt < 500 && !configured; ++attempt) {
        configured = m_db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;"
                               " PRAGMA cache_size=-32768;");
        if (!configured && m_db.error().find("database is locked") == std::string::npos)
            break;
        if (!configured)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (!configured) {
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

int Store::schemaVersion()
{
    if (m_db.isPostgres()) // user_version's counterpart, written by `store copy`
        return static_cast<int>(m_db.scalar("SELECT value::bigint FROM burnrate_store WHERE key = 'schema_version'"));
    return static_cast<int>(m_db.scalar("PRAGMA user_version"));
}

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
    const std::string steps[] = {migration1(), migration2(), migration3(),
                                 migration4(),
                                 migration5(),
                                 migration6(),
                                 migration7(),
                                 migration8(),
                                 migration9(),
                                 migration10(),
                                 migration11(),
                                 migration12(m_db),
                                 migration13(),
                                 migration14(),
                                 migration15(m_db),
                                 migration16(m_db),
                                 migration17(),
                                 migration18(m_db),
                                 migration19()};
    for (int v = version; v < kSchemaVersion; ++v) {
        if (!m_db.exec(steps[v]) || !m_db.exec("PRAGMA user_version=" + std::to_string(v + 1))) {
            m_error = "migration to schema " + std::to_string(v + 1) + " failed: " + m_db.error();
            m_db.exec("ROLLBACK");
            return false;
        }
    }
    // Charges stored before endpoints were known are decoded now, in the migration's transaction.
    if (std::string why; version < 18 && version > 0 && !Endpoints::decodeStoredCombos(m_db, why)) {
        m_error = "migration to schema 18 failed: " + why;
        m_db.exec("ROLLBACK");
        return false;
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
