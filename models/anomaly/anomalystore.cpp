#include "anomaly/anomalystore.h"

#include "domain/timeparse.h"

#include <algorithm>
#include <ctime>
#include <limits>
#include <set>

namespace Analytics {

namespace {

constexpr const char *kColumns = "id, series_dim, series_value, grain, start, \"end\", peak, points, actual, expected, band_low,"
                                 " band_high, score, status, explanation, detected_at, alerted, explanation_parts";

std::string nowText() { return Cost::formatTimestamp(static_cast<std::int64_t>(std::time(nullptr))); }

Anomaly readAnomaly(Cost::SqliteStmt &st)
{
    Anomaly a;
    a.id = st.int64(0);
    a.series = {std::string(st.text(1)), std::string(st.text(2))};
    anomalyGrainFromName(std::string(st.text(3)), a.grain);
    a.start = st.int64(4);
    a.end = st.int64(5);
    a.peak = st.int64(6);
    a.points = static_cast<int>(st.int64(7));
    a.actual = st.int64(8);
    a.expected = st.int64(9);
    a.bandLow = st.int64(10);
    a.bandHigh = st.int64(11);
    a.score = st.real(12);
    anomalyStatusFromName(std::string(st.text(13)), a.status);
    a.explanation = std::string(st.text(14));
    a.detectedAt = std::string(st.text(15));
    a.alerted = st.int64(16) != 0;
    a.explanationParts = std::string(st.text(17));
    return a;
}

// Sets `error` from the connection; false.
bool dbFail(Cost::SqliteDb &db, std::string &error)
{
    error = db.error().empty() ? std::string("anomaly store error") : db.error();
    return false;
}

// Runs `a` then `b` in SAVEPOINT `name`, both or neither; once both ran the next scan starts over
// (invalidateScan), as the statuses they change feed its baselines.
bool execTogether(Cost::SqliteDb &db, const std::string &name, Cost::SqliteStmt &a, Cost::SqliteStmt &b,
                  std::string &error)
{
    if (!db.exec("SAVEPOINT " + name))
        return dbFail(db, error);
    if (!a.exec() || !b.exec()) {
        error = a.error().empty() ? b.error() : a.error();
        db.exec("ROLLBACK TO " + name + "; RELEASE " + name);
        return false;
    }
    invalidateScan(db);
    return db.exec("RELEASE " + name) || dbFail(db, error);
}

// Appends every row of `st` (a SELECT of kColumns) to `out`.
bool readAnomalies(Cost::SqliteStmt &st, std::vector<Anomaly> &out, std::string &error)
{
    while (st.step())
        out.push_back(readAnomaly(st));
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    return true;
}

// Binds the series of `a` (dimension, value, grain) to ?1..?3.
void bindSeries(Cost::SqliteStmt &st, const Anomaly &a)
{
    st.bind(1, std::string_view(a.series.dimension));
    st.bind(2, std::string_view(a.series.value));
    st.bind(3, std::string_view(anomalyGrainName(a.grain)));
}

// Binds what a detection measured (start, end, peak, points, actual, expected, band, score),
// in the column order of the table, from ?first on.
void bindSpan(Cost::SqliteStmt &st, int first, const Anomaly &a)
{
    st.bind(first, a.start);
    st.bind(first + 1, a.end);
    st.bind(first + 2, a.peak);
    st.bind(first + 3, static_cast<std::int64_t>(a.points));
    st.bind(first + 4, a.actual);
    st.bind(first + 5, a.expected);
    st.bind(first + 6, a.bandLow);
    st.bind(first + 7, a.bandHigh);
    st.bind(first + 8, a.score);
}

// Clamps a 128-bit sum into a stored 64-bit amount (a cause is at most a few months of one series).
Cost::Money narrow(Cost::BigMoney v)
{
    const Cost::BigMoney lim = std::numeric_limits<Cost::Money>::max();
    return static_cast<Cost::Money>(std::clamp<Cost::BigMoney>(v, -lim, lim));
}

} // namespace

bool AnomalyStore::fail(std::string &error)
{
    return dbFail(m_db, error);
}

bool AnomalyStore::loadSettings(AnomalySettings &out, std::string &error)
{
    out = AnomalySettings{};
    Cost::SqliteStmt st(m_db, "SELECT key, value FROM anomaly_state WHERE key IN ('sensitivity', 'min_impact')");
    while (st.step()) {
        const std::string key(st.text(0)), value(st.text(1));
        if (key == "sensitivity")
            sensitivityFromName(value, out.sensitivity);
        else if (const auto m = Cost::parseBigMoney(value))
            out.minImpact = static_cast<Cost::Money>(*m);
    }
    Cost::SqliteStmt per(m_db, "SELECT series_dim, series_value, sensitivity FROM anomaly_series_setting ORDER BY 1, 2");
    while (per.step()) {
        Sensitivity s = Sensitivity::Normal;
        if (sensitivityFromName(std::string(per.text(2)), s))
            out.perSeries.push_back({SeriesKey{std::string(per.text(0)), std::string(per.text(1))}, s});
    }
    if (!st.error().empty() || !per.error().empty()) {
        error = st.error().empty() ? per.error() : st.error();
        return false;
    }
    return true;
}

bool AnomalyStore::saveSettings(Sensitivity sensitivity, Cost::Money minImpact, std::string &error)
{
    Cost::SqliteStmt st(m_db, "INSERT INTO anomaly_state(key, value) VALUES (?1, ?2)"
                              " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, std::string_view("sensitivity"));
    st.bind(2, std::string_view(sensitivityName(sensitivity)));
    if (!st.exec()) {
        error = st.error();
        return false;
    }
    st.reset();
    const std::string impact = Cost::formatMoney(std::max<Cost::Money>(0, minImpact));
    st.bind(1, std::string_view("min_impact"));
    st.bind(2, std::string_view(impact));
    if (!st.exec()) {
        error = st.error();
        return false;
    }
    invalidateScan(m_db);
    return true;
}

bool AnomalyStore::setSeriesSensitivity(const SeriesKey &key, std::optional<Sensitivity> sensitivity, std::string &error)
{
    Cost::SqliteStmt st(m_db, sensitivity ? "INSERT INTO anomaly_series_setting VALUES (?1, ?2, ?3) ON CONFLICT(series_dim, series_value)"
                                            " DO UPDATE SET sensitivity = excluded.sensitivity"
                                          : "DELETE FROM anomaly_series_setting WHERE series_dim = ?1 AND series_value = ?2");
    st.bind(1, std::string_view(key.dimension));
    st.bind(2, std::string_view(key.value));
    if (sensitivity)
        st.bind(3, std::string_view(sensitivityName(*sensitivity)));
    if (!st.exec()) {
        error = st.error();
        return false;
    }
    invalidateScan(m_db);
    return true;
}

bool AnomalyStore::upsert(Anomaly &a, bool &inserted, std::string &error)
{
    inserted = false;
    Cost::SqliteStmt find(m_db, "SELECT id FROM anomaly WHERE series_dim = ?1 AND series_value = ?2 AND grain = ?3"
                                " AND start < ?5 AND \"end\" > ?4 ORDER BY start LIMIT 1");
    bindSeries(find, a);
    find.bind(4, a.start);
    find.bind(5, a.end);
    if (find.step()) {
        a.id = find.int64(0);
        Cost::SqliteStmt up(m_db, "UPDATE anomaly SET start = ?2, \"end\" = ?3, peak = ?4, points = ?5, actual = ?6, expected = ?7,"
                                  " band_low = ?8, band_high = ?9, score = ?10 WHERE id = ?1");
        up.bind(1, a.id);
        bindSpan(up, 2, a);
        if (!up.exec()) {
            error = up.error();
            return false;
        }
        return true;
    }
    if (!find.error().empty()) {
        error = find.error();
        return false;
    }
    Cost::SqliteStmt ins(m_db, "INSERT INTO anomaly(series_dim, series_value, grain, start, \"end\", peak, points, actual, expected,"
                               " band_low, band_high, score, status, detected_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                               " ?10, ?11, ?12, 'new', ?13)");
    a.detectedAt = nowText();
    bindSeries(ins, a);
    bindSpan(ins, 4, a);
    ins.bind(13, std::string_view(a.detectedAt));
    if (!ins.exec()) {
        error = ins.error();
        return false;
    }
    a.id = m_db.lastInsertRowid();
    a.status = AnomalyStatus::New;
    inserted = true;
    return true;
}

bool AnomalyStore::saveCauses(std::int64_t id, const RootCause &cause, std::string &error)
{
    Cost::SqliteStmt del(m_db, "DELETE FROM anomaly_cause WHERE anomaly_id = ?1");
    del.bind(1, id);
    Cost::SqliteStmt upd(m_db, "UPDATE anomaly SET explanation = ?2, explanation_parts = ?3 WHERE id = ?1");
    upd.bind(1, id);
    upd.bind(2, std::string_view(cause.sentence));
    const std::string parts = toJson(cause.phrase);
    upd.bind(3, std::string_view(parts));
    if (!del.exec() || !upd.exec()) {
        error = del.error().empty() ? upd.error() : del.error();
        return false;
    }
    Cost::SqliteStmt ins(m_db, "INSERT INTO anomaly_cause VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (std::size_t i = 0; i < cause.items.size(); ++i) {
        const CauseItem &c = cause.items[i];
        ins.reset();
        ins.bind(1, id);
        ins.bind(2, static_cast<std::int64_t>(i));
        ins.bind(3, std::string_view(c.dimension));
        ins.bind(4, std::string_view(c.value));
        ins.bind(5, narrow(c.actual));
        ins.bind(6, narrow(c.baseline));
        ins.bind(7, c.share);
        if (!ins.exec()) {
            error = ins.error();
            return false;
        }
    }
    return true;
}

bool AnomalyStore::removeStale(AnomalyGrain grain, std::int64_t from, std::int64_t to, const std::vector<std::int64_t> &keep,
                               int &removed, std::string &error)
{
    removed = 0;
    const std::set<std::int64_t> kept(keep.begin(), keep.end());
    Cost::SqliteStmt sel(m_db, "SELECT id FROM anomaly WHERE grain = ?1 AND status = 'new' AND start >= ?2 AND start < ?3");
    sel.bind(1, std::string_view(anomalyGrainName(grain)));
    sel.bind(2, from);
    sel.bind(3, to);
    std::vector<std::int64_t> stale;
    while (sel.step())
        if (!kept.count(sel.int64(0)))
            stale.push_back(sel.int64(0));
    Cost::SqliteStmt delCause(m_db, "DELETE FROM anomaly_cause WHERE anomaly_id = ?1");
    Cost::SqliteStmt delFeedback(m_db, "DELETE FROM anomaly_feedback WHERE anomaly_id = ?1");
    Cost::SqliteStmt del(m_db, "DELETE FROM anomaly WHERE id = ?1");
    for (std::int64_t id : stale) {
        for (Cost::SqliteStmt *s : {&delCause, &delFeedback, &del}) {
            s->reset();
            s->bind(1, id);
            if (!s->exec()) {
                error = s->error();
                return false;
            }
        }
        ++removed;
    }
    return true;
}

bool AnomalyStore::list(std::optional<std::int64_t> from, std::optional<std::int64_t> to, std::vector<Anomaly> &out,
                        std::string &error)
{
    out.clear();
    Cost::SqliteStmt st(m_db, std::string("SELECT ") + kColumns + " FROM anomaly WHERE \"end\" > ?1 AND start < ?2"
                                  " ORDER BY start DESC, id DESC");
    st.bind(1, from.value_or(std::numeric_limits<std::int64_t>::min()));
    st.bind(2, to.value_or(std::numeric_limits<std::int64_t>::max()));
    return readAnomalies(st, out, error);
}

bool AnomalyStore::get(std::int64_t id, Anomaly &out, std::string &error)
{
    Cost::SqliteStmt st(m_db, std::string("SELECT ") + kColumns + " FROM anomaly WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) {
        error = st.error().empty() ? "no anomaly with id " + std::to_string(id) : st.error();
        return false;
    }
    out = readAnomaly(st);
    return true;
}

bool AnomalyStore::causes(std::int64_t id, std::vector<CauseItem> &out, std::string &error)
{
    out.clear();
    Cost::SqliteStmt st(m_db, "SELECT dimension, value, actual, baseline, share FROM anomaly_cause WHERE anomaly_id = ?1 ORDER BY rank");
    st.bind(1, id);
    while (st.step())
        out.push_back({std::string(st.text(0)), std::string(st.text(1)), st.int64(2), st.int64(3), st.real(4)});
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    return true;
}

bool AnomalyStore::setStatus(std::int64_t id, AnomalyStatus status, std::string &error)
{
    Anomaly a;
    if (!get(id, a, error))
        return false;
    if (a.status == status)
        return true;
    Cost::SqliteStmt log(m_db, "INSERT INTO anomaly_feedback(anomaly_id, status, previous, at) VALUES (?1, ?2, ?3, ?4)");
    log.bind(1, id);
    log.bind(2, std::string_view(anomalyStatusName(status)));
    log.bind(3, std::string_view(anomalyStatusName(a.status)));
    const std::string now = nowText();
    log.bind(4, std::string_view(now));
    Cost::SqliteStmt up(m_db, "UPDATE anomaly SET status = ?2 WHERE id = ?1");
    up.bind(1, id);
    up.bind(2, std::string_view(anomalyStatusName(status)));
    // An expected level re-baselines its series: the scan runs again.
    return execTogether(m_db, "feedback", log, up, error);
}

bool AnomalyStore::canUndo(std::int64_t id)
{
    Cost::SqliteStmt st(m_db, "SELECT 1 FROM anomaly_feedback WHERE anomaly_id = ?1 LIMIT 1");
    st.bind(1, id);
    return st.step();
}

bool AnomalyStore::undoFeedback(std::int64_t id, std::string &error)
{
    Cost::SqliteStmt last(m_db, "SELECT id, previous FROM anomaly_feedback WHERE anomaly_id = ?1 ORDER BY id DESC LIMIT 1");
    last.bind(1, id);
    if (!last.step()) {
        error = last.error().empty() ? "no feedback to undo on anomaly " + std::to_string(id) : last.error();
        return false;
    }
    const std::int64_t row = last.int64(0);
    const std::string previous(last.text(1));
    Cost::SqliteStmt del(m_db, "DELETE FROM anomaly_feedback WHERE id = ?1");
    del.bind(1, row);
    Cost::SqliteStmt up(m_db, "UPDATE anomaly SET status = ?2 WHERE id = ?1");
    up.bind(1, id);
    up.bind(2, std::string_view(previous));
    return execTogether(m_db, "undo_feedback", del, up, error);
}

bool AnomalyStore::rebaselines(std::map<std::pair<SeriesKey, AnomalyGrain>, std::vector<std::int64_t>> &out, std::string &error)
{
    out.clear();
    Cost::SqliteStmt st(m_db, "SELECT series_dim, series_value, grain, start FROM anomaly WHERE status = 'expected' ORDER BY start");
    while (st.step()) {
        AnomalyGrain g = AnomalyGrain::Day;
        anomalyGrainFromName(std::string(st.text(2)), g);
        out[{SeriesKey{std::string(st.text(0)), std::string(st.text(1))}, g}].push_back(st.int64(3));
    }
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    return true;
}

bool AnomalyStore::markAlerted(const std::vector<std::int64_t> &ids, std::string &error)
{
    Cost::SqliteStmt st(m_db, "UPDATE anomaly SET alerted = 1 WHERE id = ?1");
    for (std::int64_t id : ids) {
        st.reset();
        st.bind(1, id);
        if (!st.exec()) {
            error = st.error();
            return false;
        }
    }
    return true;
}

bool AnomalyStore::unalerted(std::vector<Anomaly> &out, std::string &error)
{
    out.clear();
    Cost::SqliteStmt st(m_db, std::string("SELECT ") + kColumns + " FROM anomaly WHERE alerted = 0 ORDER BY start DESC");
    return readAnomalies(st, out, error);
}

} // namespace Analytics
