// Loading of the scanned spend series (see anomalyscan.h).
#include "anomaly/anomalyscan.h"

#include "analytics/analyticssql.h"
#include "analytics/freshness.h"
#include "domain/timeparse.h"

#include <algorithm>
#include <map>

namespace Analytics {

namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;
// The hourly history scanned: about 90 days, its start moving in 30-day steps so that repeated
// scans see the same history (and so give the same scores) for a month at a time.
constexpr std::int64_t kHourlyHistory = 90 * kDay;
constexpr std::int64_t kHourlyAnchor = 30 * kDay;

struct Bucketed {
    std::map<std::int64_t, Cost::Money> values;
    bool tooCoarse = false; // a charge longer than the grain: the series cannot be shown hourly
};

// Runs the grouped query and gathers (key → bucket → money).
bool query(Cost::SqliteDb &db, const std::string &dimension, const std::vector<Filter> &filters, AnomalyGrain grain,
           std::int64_t from, std::map<std::string, Bucketed> &out, std::string &error)
{
    const Sql::DimSql *dim = dimension.empty() ? nullptr : Sql::findDim(dimension);
    if (!dimension.empty() && !dim) {
        error = "unknown series dimension '" + dimension + "'";
        return false;
    }
    const bool allocated = (dim && Sql::isAllocated(dimension))
        || std::any_of(filters.begin(), filters.end(), [](const Filter &f) { return Sql::isAllocated(f.first); });
    std::string where;
    std::vector<std::string> binds;
    if (!Sql::filterClause(filters, where, binds, error))
        return false;
    const bool hourly = grain == AnomalyGrain::Hour;
    const std::string key = dim ? Sql::dimExpr(*dim) : std::string("''");
    const std::string bucket = hourly ? "r.start - r.start % 3600" : "r.day";
    const std::string p = "?" + std::to_string(binds.size() + 1);
    const std::string sql = "SELECT " + key + ", " + bucket + ", sum(" + Sql::amountExpr("billed", allocated) + "), "
        + (hourly ? "max(r.duration)" : "0") + Sql::fromClause(allocated, hourly) + " WHERE "
        + (hourly ? "r.start >= " + p : "r.day >= " + p) + where + " GROUP BY 1, 2";
    Cost::SqliteStmt st;
    if (!Sql::prepare(db, sql, binds, st, error))
        return false;
    st.bind(static_cast<int>(binds.size()) + 1, hourly ? from : Cost::dayOf(from));
    while (st.step()) {
        Bucketed &b = out[std::string(st.text(0))];
        const std::int64_t t = hourly ? st.int64(1) : st.int64(1) * kDay;
        b.values[t] += st.isNull(2) ? 0 : st.int64(2);
        if (hourly && st.int64(3) > kHour)
            b.tooCoarse = true;
    }
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    return true;
}

// Regular buckets from the first non-zero one to the one holding the newest charge; those from
// `completeEnd` on are partial.
bool regularise(const Bucketed &b, AnomalyGrain grain, std::int64_t endExclusive, std::int64_t completeEnd, SeriesData &out)
{
    const std::int64_t step = anomalyGrainSeconds(grain);
    std::int64_t first = -1;
    for (const auto &[t, v] : b.values) {
        if (v != 0 && t < endExclusive) {
            first = t;
            break;
        }
    }
    if (first < 0 || b.tooCoarse)
        return false;
    out.grain = grain;
    out.start = first;
    out.completeUntil = std::min(completeEnd, endExclusive);
    out.values.assign(static_cast<std::size_t>((endExclusive - first) / step), 0);
    for (auto it = b.values.lower_bound(first); it != b.values.end() && it->first < endExclusive; ++it)
        out.values[static_cast<std::size_t>((it->first - first) / step)] += it->second;
    return !out.values.empty();
}

// The end of the bucket holding the newest charge.
std::int64_t bucketCeil(std::int64_t t, std::int64_t step) { return Freshness::completeBucketEnd(t + step - 1, step); }

} // namespace

bool scanWindow(Cost::SqliteDb &db, ScanWindow &out)
{
    if (db.scalar("SELECT EXISTS(SELECT 1 FROM fact)") == 0)
        return false;
    const std::int64_t lastStart = db.scalar("SELECT max(start) FROM fact");
    Cost::SqliteStmt st(db, "SELECT max(start + duration) FROM fact WHERE start >= ?1");
    st.bind(1, lastStart - 62 * kDay); // charges are at most a billing period long
    out.dataEnd = st.step() && !st.isNull(0) ? st.int64(0) : lastStart;
    const std::int64_t from = out.dataEnd - kHourlyHistory;
    out.hourFrom = from - ((from % kHourlyAnchor) + kHourlyAnchor) % kHourlyAnchor;
    return true;
}

bool loadAllSeries(Cost::SqliteDb &db, const std::string &dimension, AnomalyGrain grain, std::vector<SeriesData> &out,
                   std::string &error)
{
    Freshness freshness;
    return freshness.load(db, error) && loadAllSeries(db, freshness, dimension, grain, out, error);
}

bool loadAllSeries(Cost::SqliteDb &db, const Freshness &freshness, const std::string &dimension, AnomalyGrain grain,
                   std::vector<SeriesData> &out, std::string &error)
{
    out.clear();
    ScanWindow window;
    if (!scanWindow(db, window))
        return true;
    std::map<std::string, Bucketed> rows;
    std::map<std::string, std::int64_t> complete;
    const std::int64_t from = grain == AnomalyGrain::Hour ? window.hourFrom : 0;
    if (!query(db, dimension, {}, grain, from, rows, error)
        || !seriesCompleteUntil(db, freshness, dimension, {}, complete, error))
        return false;
    const std::int64_t step = anomalyGrainSeconds(grain);
    const std::int64_t end = bucketCeil(window.dataEnd, step);
    for (const auto &[value, b] : rows) {
        SeriesData s;
        s.key = {dimension, dimension.empty() ? std::string() : value};
        const auto c = complete.find(value);
        const std::int64_t until = c != complete.end() ? c->second : freshness.completeUntil();
        if (regularise(b, grain, end, Freshness::completeBucketEnd(until, step), s))
            out.push_back(std::move(s));
    }
    return true;
}

bool loadSeries(Cost::SqliteDb &db, const SeriesKey &key, AnomalyGrain grain, SeriesData &out, std::string &error)
{
    out = SeriesData{};
    out.key = key;
    out.grain = grain;
    ScanWindow window;
    if (!scanWindow(db, window))
        return true;
    std::vector<Filter> filters;
    if (!key.dimension.empty())
        filters.push_back({key.dimension, key.value});
    std::map<std::string, Bucketed> rows;
    std::map<std::string, std::int64_t> complete;
    Freshness freshness;
    const std::int64_t from = grain == AnomalyGrain::Hour ? window.hourFrom : 0;
    if (!query(db, std::string(), filters, grain, from, rows, error) || !freshness.load(db, error)
        || !seriesCompleteUntil(db, freshness, std::string(), filters, complete, error))
        return false;
    const std::int64_t step = anomalyGrainSeconds(grain);
    const std::int64_t until = complete.empty() ? freshness.completeUntil() : complete.begin()->second;
    if (!rows.empty())
        regularise(rows.begin()->second, grain, bucketCeil(window.dataEnd, step), Freshness::completeBucketEnd(until, step), out);
    out.key = key;
    return true;
}

} // namespace Analytics
