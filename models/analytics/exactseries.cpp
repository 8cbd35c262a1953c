#include "analytics/exactseries.h"

#include "analytics/analyticssql.h"

#include <algorithm>
#include <unordered_map>

namespace Analytics {

using namespace Sql;

bool exactSeries(Cost::SqliteDb &db, const Breakdown &b, std::vector<std::vector<Cost::BigMoney>> &out,
                 std::string &error)
{
    out.assign(b.seriesNames.size(), std::vector<Cost::BigMoney>(b.bucketStarts.size(), 0));
    if (b.seriesNames.empty() || b.bucketStarts.empty())
        return true;
    const BreakdownQuery &q = b.query;
    const DimSql *dim = findDim(q.dimension);
    if (!dim) {
        error = "unknown dimension '" + q.dimension + "'";
        return false;
    }
    // The same split as breakdown(): the first min(topN, rows) values by cost, the rest as "Other".
    const std::size_t top = std::min<std::size_t>(static_cast<std::size_t>(std::max(0, q.topN)), b.rows.size());
    const bool other = b.rows.size() > top;
    std::unordered_map<std::string, std::size_t> seriesOf;
    for (std::size_t i = 0; i < top; ++i)
        seriesOf.emplace(b.rows[i].key, i);

    const bool allocated = isAllocated(q.dimension) || filtersAllocated(q.filters);
    std::string filters;
    std::vector<std::string> binds;
    if (!filterClause(q.filters, filters, binds, error))
        return false;
    const bool hourly = q.grain == Grain::Hour;
    const std::string time = hourly ? "r.start - r.start % 3600" : "r.day";
    const std::string first = std::to_string(binds.size() + 1);
    const std::string second = std::to_string(binds.size() + 2);
    const std::string sql = "SELECT " + dimExpr(*dim) + ", " + time + ", dsum(" + amountExpr("billed", allocated) + ")"
        + fromClause(allocated, hourly) + " WHERE " + (hourly ? "r.start" : "r.day") + " BETWEEN ?" + first + " AND ?"
        + second + filters + " GROUP BY 1, 2";
    Cost::SqliteStmt st;
    if (!prepare(db, sql, binds, st, error))
        return false;
    const int next = static_cast<int>(binds.size()) + 1;
    const std::int64_t rangeStart = q.fromDay * 86400, rangeEnd = (q.toDay + 1) * 86400;
    st.bind(next, hourly ? rangeStart : q.fromDay);
    st.bind(next + 1, hourly ? rangeEnd - 1 : q.toDay);
    while (st.step()) {
        const auto s = seriesOf.find(displayKey(q.dimension, st, 0));
        if (s == seriesOf.end() && !other)
            continue;
        const std::size_t series = s != seriesOf.end() ? s->second : out.size() - 1;
        const std::int64_t t = hourly ? st.int64(1) : st.int64(1) * 86400;
        // Buckets are contiguous: the bucket of t is the last one starting at or before it.
        const auto bucket = std::upper_bound(b.bucketStarts.begin(), b.bucketStarts.end(), t);
        if (bucket == b.bucketStarts.begin())
            continue;
        out[series][static_cast<std::size_t>(bucket - b.bucketStarts.begin() - 1)] += readMoney(st, 2);
    }
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    return true;
}

} // namespace Analytics
