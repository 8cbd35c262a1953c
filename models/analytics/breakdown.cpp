#include "analytics/breakdown.h"

#include "analytics/analyticssql.h"
#include "analytics/periods.h"
#include "domain/costrecord.h"
#include "domain/timeparse.h"

#include <algorithm>
#include <limits>
#include <map>
#include <unordered_map>

namespace Analytics {

using namespace Sql;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::int64_t mondayOf(std::int64_t day) { return day - ((day % 7 + 7 + 3) % 7); } // 1970-01-01 was a Thursday

std::int64_t nextMonth(std::int64_t monthStart)
{
    int y;
    unsigned m, d;
    Cost::civilFromDays(monthStart, y, m, d);
    return m == 12 ? Cost::daysFromCivil(y + 1, 1, 1) : Cost::daysFromCivil(y, m + 1, 1);
}

// Bucket start (epoch seconds) of a day or hour for a grain.
std::int64_t bucketOf(std::int64_t epochSeconds, Grain g)
{
    const std::int64_t day = Cost::dayOf(epochSeconds);
    switch (g) {
    case Grain::Hour: return epochSeconds - epochSeconds % 3600;
    case Grain::Day: return day * 86400;
    case Grain::Week: return mondayOf(day) * 86400;
    case Grain::Month: return monthStartDay(day) * 86400;
    }
    return day * 86400;
}

} // namespace

int tokenKindIndex(std::int64_t kind)
{
    switch (static_cast<Cost::TokenKind>(kind)) {
    case Cost::TokenKind::Input: return 0;
    case Cost::TokenKind::CachedInput: return 1;
    case Cost::TokenKind::CacheWrite: return 2;
    case Cost::TokenKind::Output: return 3;
    default: return -1;
    }
}

Grain autoGrain(std::int64_t fromDay, std::int64_t toDay)
{
    const std::int64_t days = toDay - fromDay + 1;
    if (days <= 2)
        return Grain::Hour;
    if (days <= 120)
        return Grain::Day;
    if (days <= 540)
        return Grain::Week;
    return Grain::Month;
}

const char *grainName(Grain g)
{
    switch (g) {
    case Grain::Hour: return "hour";
    case Grain::Day: return "day";
    case Grain::Week: return "week";
    case Grain::Month: return "month";
    }
    return "day";
}

double BreakdownRow::changePercent() const
{
    if (previousCost == 0)
        return kNaN;
    return 100.0 * (Cost::toDouble(cost) - Cost::toDouble(previousCost)) / std::abs(Cost::toDouble(previousCost));
}

double BreakdownRow::costPerMillion(int kind) const
{
    if (kind < 0 || kind > 3)
        return kNaN;
    if (kindPricedTokens[kind] <= 0)
        return kindTokensWithoutCost[kind] > 0 ? 0.0 : kNaN; // tokens nobody bills: free
    return Cost::toDouble(kindCost[kind]) * 1e6 / static_cast<double>(kindPricedTokens[kind]);
}

double BreakdownRow::blendedCostPerMillion() const
{
    if (pricedTokens > 0)
        return Cost::toDouble(tokenCost) * 1e6 / static_cast<double>(pricedTokens);
    return kindTokens[0] + kindTokens[1] + kindTokens[2] + kindTokens[3] > 0 ? 0.0 : kNaN;
}

double BreakdownRow::tokensPerRequest() const
{
    return requests > 0 ? static_cast<double>(tokens) / static_cast<double>(requests) : kNaN;
}

double BreakdownRow::costPerRequest() const
{
    if (pricedRequests > 0)
        return Cost::toDouble(requestCost) / static_cast<double>(pricedRequests);
    return requests > 0 ? 0.0 : kNaN;
}

double BreakdownRow::cachedInputShare() const
{
    const std::int64_t input = kindTokens[0] + kindTokens[1] + kindTokens[2];
    return input > 0 ? static_cast<double>(kindTokens[1]) / static_cast<double>(input) : kNaN;
}

const std::vector<std::string> &unitSourceColumns()
{
    static const std::vector<std::string> kColumns = {"provider", "billing_account"};
    return kColumns;
}

void addSourceUnits(BreakdownRow &row, const SourceUnits &source)
{
    // Unit prices divide a source's cost by the same source's quantities: tokens or requests of a
    // source that bills nothing here (its cost sits on another row, e.g. not itemised by model)
    // are counted but not priced.
    bool anyTokens = false;
    Cost::BigMoney kindsCost = 0;
    std::int64_t kindsTokens = 0;
    const bool cachedInInput = source.kindTokens[1] != 0 && source.kindCost[1] == 0 && source.kindTokens[0] != 0
        && source.kindCost[0] != 0;
    for (int k = 0; k < 4; ++k) {
        row.kindTokens[k] += source.kindTokens[k];
        if (k != 1 || !cachedInInput) // cached tokens billed within input are priced with input below
            (source.kindCost[k] != 0 ? row.kindPricedTokens[k] : row.kindTokensWithoutCost[k]) += source.kindTokens[k];
        (source.kindTokens[k] != 0 ? row.kindCost[k] : row.kindCostWithoutTokens[k]) += source.kindCost[k];
        anyTokens = anyTokens || source.kindTokens[k] != 0;
        kindsCost += source.kindCost[k];
        kindsTokens += source.kindTokens[k];
    }
    if (cachedInInput)
        row.kindPricedTokens[0] += source.kindTokens[1];
    if (anyTokens) {
        row.tokenCost += kindsCost;
        if (kindsCost != 0)
            row.pricedTokens += kindsTokens;
    }
    if (source.requests != 0) {
        row.requestCost += source.cost;
        if (source.cost != 0)
            row.pricedRequests += source.requests;
    }
}

std::vector<std::int64_t> bucketStarts(std::int64_t fromDay, std::int64_t toDay, Grain grain)
{
    std::vector<std::int64_t> starts;
    const std::int64_t rangeEnd = (toDay + 1) * 86400;
    for (std::int64_t b = bucketOf(fromDay * 86400, grain); b < rangeEnd;) {
        starts.push_back(b);
        switch (grain) {
        case Grain::Hour: b += 3600; break;
        case Grain::Day: b += 86400; break;
        case Grain::Week: b += 7 * 86400; break;
        case Grain::Month: b = nextMonth(Cost::dayOf(b)) * 86400; break;
        }
    }
    return starts;
}

void finishBreakdown(Breakdown &out)
{
    const BreakdownQuery &q = out.query;
    std::sort(out.rows.begin(), out.rows.end(), [](const BreakdownRow &a, const BreakdownRow &b) {
        return a.cost != b.cost ? a.cost > b.cost : a.key < b.key;
    });
    for (auto &row : out.rows)
        row.share = out.total != 0 ? Cost::toDouble(row.cost) / Cost::toDouble(out.total) : 0.0;
    out.bucketStarts = bucketStarts(q.fromDay, q.toDay, q.grain);
    out.seriesNames.clear();
    const int top = std::max(0, std::min<int>(q.topN, static_cast<int>(out.rows.size())));
    for (int i = 0; i < top; ++i)
        out.seriesNames.push_back(out.rows[static_cast<std::size_t>(i)].key);
    if (static_cast<int>(out.rows.size()) > top)
        out.seriesNames.push_back("Other");
    out.seriesValues.assign(out.seriesNames.size(), std::vector<double>(out.bucketStarts.size(), 0.0));
}

bool breakdown(Cost::SqliteDb &db, const BreakdownQuery &q, Breakdown &out, std::string &error)
{
    out = Breakdown{};
    out.query = q;
    const DimSql *dim = findDim(q.dimension);
    if (!dim || q.dimension == "day" || q.dimension == "month") {
        error = "unknown dimension '" + q.dimension + "'";
        return false;
    }
    if (q.toDay < q.fromDay) {
        error = "the range ends before it starts";
        return false;
    }
    const bool allocated = isAllocated(q.dimension) || filtersAllocated(q.filters);
    std::string filters;
    std::vector<std::string> binds;
    if (!filterClause(q.filters, filters, binds, error))
        return false;
    auto bindAll = [&](Cost::SqliteStmt &st, int first) {
        for (std::size_t i = 0; i < binds.size(); ++i)
            st.bind(static_cast<int>(i) + 1, std::string_view(binds[i]));
        return static_cast<int>(binds.size()) + first;
    };
    const std::string key = dimExpr(*dim);
    const std::string billed = amountExpr("billed", allocated);
    const std::string tokens = amountExpr("tokens", allocated);
    const std::string requests = amountExpr("requests", allocated);
    const std::int64_t length = q.toDay - q.fromDay + 1;

    // Table: the range by value, token kind and source (unit economics match cost and tokens per
    // source), then the previous period by value.
    std::unordered_map<std::string, std::size_t> index;
    std::map<std::pair<std::size_t, std::string>, SourceUnits> units; // (row, source ids) -> amounts
    {
        std::string source;
        for (const std::string &column : unitSourceColumns())
            source += ", c." + column;
        Cost::SqliteStmt st(db, "SELECT " + key + ", c.token_kind, dsum(" + billed + "), sum(" + tokens + "), sum(" + requests
                                    + ")" + source + fromClause(allocated) + " WHERE r.day BETWEEN ?"
                                    + std::to_string(binds.size() + 1) + " AND ?" + std::to_string(binds.size() + 2) + filters
                                    + " GROUP BY 1, 2" + source);
        if (!st.ok()) {
            error = st.error();
            return false;
        }
        const int next = bindAll(st, 1);
        st.bind(next, q.fromDay);
        st.bind(next + 1, q.toDay);
        while (st.step()) {
            const std::string k = displayKey(q.dimension, st, 0);
            auto it = index.find(k);
            if (it == index.end()) {
                it = index.emplace(k, out.rows.size()).first;
                out.rows.push_back(BreakdownRow{});
                out.rows.back().key = k;
            }
            BreakdownRow &row = out.rows[it->second];
            const Cost::BigMoney cost = readMoney(st, 2);
            const std::int64_t tok = st.isNull(3) ? 0 : st.int64(3);
            const std::int64_t req = st.isNull(4) ? 0 : st.int64(4);
            row.cost += cost;
            row.tokens += tok;
            row.requests += req;
            std::string sourceIds;
            for (std::size_t c = 0; c < unitSourceColumns().size(); ++c)
                sourceIds += std::to_string(st.int64(5 + static_cast<int>(c))) + ',';
            SourceUnits &u = units[{it->second, sourceIds}];
            u.cost += cost;
            u.requests += req;
            const int kind = tokenKindIndex(st.int64(1));
            if (kind >= 0) {
                u.kindCost[kind] += cost;
                u.kindTokens[kind] += tok;
            }
            out.total += cost;
        }
        if (!st.error().empty()) {
            error = st.error();
            return false;
        }
        for (const auto &[rowAndSource, u] : units)
            addSourceUnits(out.rows[rowAndSource.first], u);
        Cost::SqliteStmt prev(db, "SELECT " + key + ", dsum(" + billed + ")" + fromClause(allocated) + " WHERE r.day BETWEEN ?"
                                      + std::to_string(binds.size() + 1) + " AND ?" + std::to_string(binds.size() + 2) + filters
                                      + " GROUP BY 1");
        const int n = bindAll(prev, 1);
        prev.bind(n, q.fromDay - length);
        prev.bind(n + 1, q.fromDay - 1);
        while (prev.step()) {
            const std::string k = displayKey(q.dimension, prev, 0);
            const Cost::BigMoney cost = readMoney(prev, 1);
            out.previousTotal += cost;
            auto it = index.find(k);
            if (it != index.end())
                out.rows[it->second].previousCost = cost;
        }
    }
    finishBreakdown(out);
    std::map<std::string, int> seriesOf;
    const int top = std::min<int>(q.topN, static_cast<int>(out.rows.size()));
    for (int i = 0; i < top; ++i)
        seriesOf[out.rows[static_cast<std::size_t>(i)].key] = i;
    const bool other = static_cast<int>(out.rows.size()) > top;
    const std::int64_t rangeStart = q.fromDay * 86400, rangeEnd = (q.toDay + 1) * 86400;

    const bool hourly = q.grain == Grain::Hour;
    const std::string time = hourly ? "r.start - r.start % 3600" : "r.day";
    Cost::SqliteStmt st(db, "SELECT " + key + ", " + time + ", sum(" + billed + ")" + fromClause(allocated, hourly)
                                + " WHERE " + (hourly ? "r.start" : "r.day") + " BETWEEN ?" + std::to_string(binds.size() + 1)
                                + " AND ?" + std::to_string(binds.size() + 2) + filters + " GROUP BY 1, 2");
    if (!st.ok()) {
        error = st.error();
        return false;
    }
    const int n = bindAll(st, 1);
    st.bind(n, hourly ? rangeStart : q.fromDay);
    st.bind(n + 1, hourly ? rangeEnd - 1 : q.toDay);
    while (st.step()) {
        const std::string k = displayKey(q.dimension, st, 0);
        const auto s = seriesOf.find(k);
        const std::size_t series = s != seriesOf.end() ? static_cast<std::size_t>(s->second) : out.seriesNames.size() - 1;
        if (s == seriesOf.end() && !other)
            continue;
        const std::int64_t t = hourly ? st.int64(1) : st.int64(1) * 86400;
        const auto b = std::upper_bound(out.bucketStarts.begin(), out.bucketStarts.end(), bucketOf(t, q.grain));
        if (b == out.bucketStarts.begin())
            continue;
        out.seriesValues[series][static_cast<std::size_t>(b - out.bucketStarts.begin() - 1)]
            += Cost::toDouble(st.int64(2));
    }
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    return true;
}

} // namespace Analytics
