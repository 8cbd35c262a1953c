// Loading of the scanned spend series (see anomalyscan.h).
#include "anomaly/anomalyscan.h"

#include "analytics/analyticssql.h"
#include "analytics/combocache.h"
#include "analytics/freshness.h"
#include "domain/timeparse.h"

#include <algorithm>
#include <map>
#include <unordered_map>

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

// The sums of query() for several dimensions in one pass over the rows from `from` to `to`
// (hourly: the charges, epoch seconds; daily: the daily rollup, day numbers): each row adds its
// billed cost to its provider's, model's (and so on) bucket, and its allocation parts (allocPart,
// per row as SQL alloc() splits) to its features' and teams', so the sums are query()'s exactly.
bool queryAll(Cost::SqliteDb &db, const std::vector<std::string> &dimensions, AnomalyGrain grain, std::int64_t from,
              std::int64_t to, std::map<std::string, std::map<std::string, Bucketed>> &out, std::string &error)
{
    enum class Kind { Total, Column, Feature, Team };
    struct Hours {
        std::vector<Cost::Money> values; // by bucket from `from`
        bool tooCoarse = false;
    };
    struct Plan {
        Kind kind = Kind::Total;
        int column = -1;
        bool skipEmpty = false; // the empty value is no series (isSeriesValue): not summed at all
        std::unordered_map<std::uint32_t, Hours> byId; // by dictionary id (0 = "")
    };
    std::vector<Plan> plans(dimensions.size());
    for (std::size_t i = 0; i < dimensions.size(); ++i) {
        const std::string &d = dimensions[i];
        if (d.empty())
            continue;
        const Sql::DimSql *dim = Sql::findDim(d);
        plans[i].kind = d == "feature" ? Kind::Feature : d == "team" ? Kind::Team : Kind::Column;
        if (dim && plans[i].kind == Kind::Column)
            plans[i].column = ComboCache::columnIndex(dim->column);
        plans[i].skipEmpty = !isSeriesValue(d, std::string());
        if (!dim || (plans[i].kind == Kind::Column && plans[i].column < 0)) {
            error = "unknown series dimension '" + d + "'";
            return false;
        }
    }
    const auto cache = ComboCache::get(db, error);
    if (!cache)
        return false;
    const bool hourly = grain == AnomalyGrain::Hour;
    const std::int64_t unit = hourly ? kHour : 1; // rows' time unit per bucket
    const auto buckets = static_cast<std::size_t>(std::max<std::int64_t>(0, (to - from) / unit + 1));
    const auto add = [buckets](Hours &h, std::size_t bucket, Cost::Money amount, std::int64_t duration) {
        if (h.values.empty())
            h.values.assign(buckets, 0);
        h.values[bucket] += amount;
        h.tooCoarse = h.tooCoarse || duration > kHour;
    };
    Cost::SqliteStmt st(db, hourly ? "SELECT start, combo_id, billed, duration FROM fact WHERE start >= ?1 AND start <= ?2"
                                   : "SELECT day, combo_id, billed, 0 FROM rollup_daily WHERE day >= ?1 AND day <= ?2");
    st.bind(1, from);
    st.bind(2, to);
    while (st.step()) {
        const std::int64_t start = st.int64(0);
        const int index = cache->indexOf(st.int64(1), hourly ? Cost::dayOf(start) : start);
        if (index < 0)
            continue; // as the SQL join: a charge without its combination counts nowhere
        const ComboCache::Combo &combo = cache->combo(static_cast<std::size_t>(index));
        const auto bucket = static_cast<std::size_t>((start - from) / unit);
        const Cost::Money billed = st.int64(2);
        const std::int64_t duration = st.int64(3);
        for (Plan &plan : plans) {
            switch (plan.kind) {
            case Kind::Total:
                add(plan.byId[0], bucket, billed, duration);
                break;
            case Kind::Column: {
                const std::uint32_t id = combo.dims[static_cast<std::size_t>(plan.column)];
                if (id != 0 || !plan.skipEmpty)
                    add(plan.byId[id], bucket, billed, duration);
                break;
            }
            case Kind::Feature:
            case Kind::Team:
                for (std::uint32_t p = 0; p < combo.partCount; ++p) {
                    const ComboPart &part = cache->parts(combo)[p];
                    add(plan.byId[plan.kind == Kind::Feature ? part.feature : part.team], bucket,
                        allocPart(billed, part.before, part.after), duration);
                }
                break;
            }
        }
    }
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    for (std::size_t i = 0; i < dimensions.size(); ++i) {
        auto &series = out[dimensions[i]];
        for (const auto &[id, h] : plans[i].byId) {
            Bucketed &target = series[plans[i].kind == Kind::Total ? std::string() : cache->text(id)];
            for (std::size_t k = 0; k < h.values.size(); ++k)
                if (h.values[k] != 0)
                    target.values[(from + static_cast<std::int64_t>(k) * unit) * (hourly ? 1 : kDay)] += h.values[k];
            target.tooCoarse = target.tooCoarse || h.tooCoarse;
        }
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
    out.clear();
    Freshness freshness;
    ScanWindow window;
    if (!freshness.load(db, error))
        return false;
    if (!scanWindow(db, window))
        return true;
    std::map<std::string, std::vector<SeriesData>> all;
    if (!loadAllSeries(db, freshness, window, {dimension}, grain, all, error))
        return false;
    out = std::move(all[dimension]);
    return true;
}

bool loadAllSeries(Cost::SqliteDb &db, const Freshness &freshness, const ScanWindow &window,
                   const std::vector<std::string> &dimensions, AnomalyGrain grain,
                   std::map<std::string, std::vector<SeriesData>> &out, std::string &error)
{
    out.clear();
    std::map<std::string, std::map<std::string, Bucketed>> rows;
    // One read transaction: the combinations and the rows from one state of the store.
    if (!db.exec("BEGIN")) {
        error = db.error();
        return false;
    }
    bool read = true;
    if (grain == AnomalyGrain::Hour) {
        read = queryAll(db, dimensions, grain, window.hourFrom, window.dataEnd, rows, error);
    } else {
        const std::int64_t first = db.scalar("SELECT min(day) FROM rollup_daily");
        read = queryAll(db, dimensions, grain, std::max<std::int64_t>(0, first), Cost::dayOf(window.dataEnd), rows, error);
    }
    db.exec("COMMIT");
    if (!read)
        return false;
    const std::int64_t step = anomalyGrainSeconds(grain);
    const std::int64_t end = bucketCeil(window.dataEnd, step);
    for (const std::string &dimension : dimensions) {
        std::map<std::string, std::int64_t> complete;
        if (!seriesCompleteUntil(db, freshness, dimension, {}, complete, error))
            return false;
        std::vector<SeriesData> &series = out[dimension];
        for (const auto &[value, b] : rows[dimension]) {
            if (!isSeriesValue(dimension, value))
                continue;
            SeriesData s;
            s.key = {dimension, dimension.empty() ? std::string() : value};
            const auto c = complete.find(value);
            const std::int64_t until = c != complete.end() ? c->second : freshness.completeUntil();
            if (regularise(b, grain, end, Freshness::completeBucketEnd(until, step), s))
                series.push_back(std::move(s));
        }
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
    std::int64_t until = 0;
    const std::int64_t from = grain == AnomalyGrain::Hour ? window.hourFrom : 0;
    if (!query(db, std::string(), filters, grain, from, rows, error) || !sliceCompleteUntil(db, filters, until, error))
        return false;
    const std::int64_t step = anomalyGrainSeconds(grain);
    if (!rows.empty())
        regularise(rows.begin()->second, grain, bucketCeil(window.dataEnd, step), Freshness::completeBucketEnd(until, step), out);
    out.key = key;
    return true;
}

} // namespace Analytics
