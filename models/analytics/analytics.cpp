#include "analytics/analytics.h"

#include "analytics/analyticssql.h"
#include "analytics/currency.h"
#include "analytics/periods.h"

#include "domain/costrecord.h"
#include "domain/enumnames.h"
#include "domain/timeparse.h"

#include <algorithm>
#include <map>

namespace Analytics {

namespace {

using namespace Sql;

std::string metricExpr(Metric m, bool allocated)
{
    switch (m) {
    case Metric::Billed: return "dsum(" + amountExpr("billed", allocated) + ")";
    case Metric::Effective: return "dsum(" + amountExpr("effective", allocated) + ")";
    case Metric::List: return "dsum(" + amountExpr("list", allocated) + ")";
    case Metric::Tokens: return "sum(" + amountExpr("tokens", allocated) + ")";
    }
    return "dsum(r.billed)";
}

bool needsAllocation(const TotalsRequest &req)
{
    return std::any_of(req.by.begin(), req.by.end(), isAllocated) || filtersAllocated(req.filters);
}

Cost::BigMoney readValue(Cost::SqliteStmt &st, int col, Metric m)
{
    if (st.isNull(col))
        return 0;
    return m == Metric::Tokens ? Cost::BigMoney(st.int64(col)) : readMoney(st, col);
}

// WHERE clause for the date range and filters; binds are appended to `binds`.
bool whereClause(const TotalsRequest &req, std::string &sql, std::vector<std::string> &binds, std::string &error)
{
    sql = " WHERE 1 = 1";
    if (req.fromDay)
        sql += " AND r.day >= " + std::to_string(*req.fromDay);
    if (req.toDay)
        sql += " AND r.day <= " + std::to_string(*req.toDay);
    return filterClause(req.filters, sql, binds, error);
}

} // namespace

std::optional<Metric> metricFromName(const std::string &name)
{
    static constexpr Cost::EnumName<Metric> kMetrics[] = {
        {Metric::Billed, "billed"}, {Metric::Effective, "effective"}, {Metric::List, "list"}, {Metric::Tokens, "tokens"}};
    return Cost::enumFromName(name, kMetrics);
}

const std::vector<std::string> &dimensionNames()
{
    static const std::vector<std::string> kNames = [] {
        std::vector<std::string> v;
        for (const auto &d : dimTable())
            v.push_back(d.name);
        return v;
    }();
    return kNames;
}

bool isSeriesValue(const std::string &dimension, const std::string &value)
{
    return !value.empty() || dimension != "endpoint";
}

bool totals(Cost::SqliteDb &db, const TotalsRequest &req, std::vector<TotalsRow> &out, std::string &error)
{
    out.clear();
    std::string select, group;
    for (const auto &name : req.by) {
        const DimSql *d = findDim(name);
        if (!d) {
            error = "unknown dimension '" + name + "'";
            return false;
        }
        const std::string e = dimExpr(*d);
        select += e + ", ";
        group += (group.empty() ? " GROUP BY " : ", ") + e;
    }
    std::string where;
    std::vector<std::string> binds;
    if (!whereClause(req, where, binds, error))
        return false;
    const bool allocated = needsAllocation(req);
    const std::string sql = "SELECT " + select + metricExpr(req.metric, allocated) + ", sum(r.rows)" + fromClause(allocated)
        + where + group;
    Cost::SqliteStmt st;
    if (!prepare(db, sql, binds, st, error))
        return false;
    const int n = static_cast<int>(req.by.size());
    while (st.step()) {
        TotalsRow row;
        for (int i = 0; i < n; ++i)
            row.keys.push_back(displayKey(req.by[static_cast<std::size_t>(i)], st, i));
        row.value = readValue(st, n, req.metric);
        row.rows = st.isNull(n + 1) ? 0 : st.int64(n + 1);
        if (n == 0 && row.rows == 0)
            row.value = 0;
        out.push_back(std::move(row));
    }
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    const bool timeOrdered = std::any_of(req.by.begin(), req.by.end(), [](const std::string &d) {
        return d == "day" || d == "month";
    });
    std::stable_sort(out.begin(), out.end(), [&](const TotalsRow &a, const TotalsRow &b) {
        if (timeOrdered)
            return a.keys < b.keys;
        if (a.value != b.value)
            return a.value > b.value;
        return a.keys < b.keys;
    });
    return true;
}

bool dataRange(Cost::SqliteDb &db, std::int64_t &firstDay, std::int64_t &lastDay)
{
    Cost::SqliteStmt st(db, "SELECT min(day), max(day) FROM rollup_daily");
    if (!st.step() || st.isNull(0))
        return false;
    firstDay = st.int64(0);
    lastDay = st.int64(1);
    return true;
}

bool dailyBreakdown(Cost::SqliteDb &db, const std::string &dimension, std::int64_t fromDay, std::int64_t toDay,
                    int topN, DailyBreakdown &out, std::string &error)
{
    out = DailyBreakdown{};
    const DimSql *d = findDim(dimension);
    if (!d || dimension == "day" || dimension == "month") {
        error = "unknown dimension '" + dimension + "'";
        return false;
    }
    out.firstDay = fromDay;
    out.days = static_cast<int>(std::max<std::int64_t>(0, toDay - fromDay + 1));
    const bool allocated = isAllocated(dimension);
    const std::string sql = "SELECT " + dimExpr(*d) + ", r.day, sum(" + amountExpr("billed", allocated) + ")"
        + fromClause(allocated) + " WHERE r.day BETWEEN ?1 AND ?2 GROUP BY 1, 2";
    Cost::SqliteStmt st(db, sql);
    st.bind(1, fromDay);
    st.bind(2, toDay);
    std::map<std::string, std::vector<Cost::BigMoney>> series;
    while (st.step()) {
        const std::string name = displayKey(dimension, st, 0);
        auto &v = series[name];
        if (v.empty())
            v.assign(static_cast<std::size_t>(out.days), 0);
        v[static_cast<std::size_t>(st.int64(1) - fromDay)] += st.int64(2);
    }
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    rankDaily(series, fromDay, out.days, topN, out);
    return true;
}

void Sql::rankDaily(std::map<std::string, std::vector<Cost::BigMoney>> &series, std::int64_t firstDay, int days, int topN,
                    DailyBreakdown &out)
{
    out = DailyBreakdown{};
    out.firstDay = firstDay;
    out.days = days;
    std::vector<std::pair<std::string, Cost::BigMoney>> ranked;
    for (const auto &[name, values] : series) {
        Cost::BigMoney total = 0;
        for (const Cost::BigMoney v : values)
            total += v;
        ranked.emplace_back(name, total);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    std::vector<Cost::BigMoney> other(static_cast<std::size_t>(out.days), 0);
    Cost::BigMoney otherTotal = 0;
    bool hasOther = false;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        const auto &vals = series[ranked[i].first];
        if (static_cast<int>(i) < topN) {
            out.names.push_back(ranked[i].first.empty() ? std::string("(none)") : ranked[i].first);
            std::vector<double> dv(vals.size());
            for (std::size_t k = 0; k < vals.size(); ++k)
                dv[k] = Cost::toDouble(vals[k]);
            out.values.push_back(std::move(dv));
            out.seriesTotals.push_back(ranked[i].second);
        } else {
            hasOther = true;
            otherTotal += ranked[i].second;
            for (std::size_t k = 0; k < vals.size(); ++k)
                other[k] += vals[k];
        }
    }
    if (hasOther) {
        out.names.push_back("Other");
        std::vector<double> dv(other.size());
        for (std::size_t k = 0; k < other.size(); ++k)
            dv[k] = Cost::toDouble(other[k]);
        out.values.push_back(std::move(dv));
        out.seriesTotals.push_back(otherTotal);
    }
}

bool overviewKpis(Cost::SqliteDb &db, std::int64_t asOfDay, OverviewKpis &out, std::string &error)
{
    const auto sqlTotals = [&db](const TotalsRequest &request, std::vector<TotalsRow> &rows, std::string &err) {
        return totals(db, request, rows, err);
    };
    if (!overviewKpisFrom(sqlTotals, asOfDay, out, error))
        return false;
    out.currency = displayCurrency(db, asOfDay - 29, asOfDay);
    return true;
}

bool Sql::overviewKpisFrom(const TotalsFn &totals, std::int64_t asOfDay, OverviewKpis &out, std::string &error)
{
    out = OverviewKpis{};
    out.asOfDay = asOfDay;
    const DayRange month = monthToDate(asOfDay);
    auto sum = [&](std::int64_t from, std::int64_t to, Metric metric, Cost::BigMoney &value) {
        TotalsRequest req;
        req.fromDay = from;
        req.toDay = to;
        req.metric = metric;
        std::vector<TotalsRow> rows;
        if (!totals(req, rows, error))
            return false;
        value = rows.empty() ? 0 : rows.front().value;
        return true;
    };
    Cost::BigMoney tokens = 0, prevTokens = 0;
    if (!sum(month.from, month.to, Metric::Billed, out.monthToDate) || !sum(asOfDay - 29, asOfDay, Metric::Billed, out.last30)
        || !sum(asOfDay - 59, asOfDay - 30, Metric::Billed, out.previous30)
        || !sum(asOfDay - 29, asOfDay, Metric::Tokens, tokens) || !sum(asOfDay - 59, asOfDay - 30, Metric::Tokens, prevTokens))
        return false;
    out.tokens30 = static_cast<std::int64_t>(tokens);
    out.previousTokens30 = static_cast<std::int64_t>(prevTokens);
    auto top = [&](const char *dim, std::string &name, Cost::BigMoney &value) {
        TotalsRequest req;
        req.by = {dim};
        req.fromDay = asOfDay - 29;
        req.toDay = asOfDay;
        std::vector<TotalsRow> rows;
        if (!totals(req, rows, error))
            return false;
        for (const auto &r : rows) {
            if (!r.keys[0].empty()) {
                name = r.keys[0];
                value = r.value;
                break;
            }
        }
        return true;
    };
    if (!top("model", out.topModel, out.topModelCost) || !top("feature", out.topFeature, out.topFeatureCost))
        return false;
    return true;
}

std::string Sql::comboCurrency(Cost::SqliteDb &db)
{
    // The billing currency of most charge combinations: a lookup in the small combo table,
    // not a scan of the whole history.
    Cost::SqliteStmt cur(db, "SELECT coalesce((SELECT s FROM dict WHERE id = currency), '') FROM combo"
                             " WHERE currency != 0 GROUP BY currency ORDER BY count(*) DESC LIMIT 1");
    std::string currency;
    if (cur.step())
        currency = std::string(cur.text(0));
    return currency.empty() ? std::string("USD") : currency;
}

} // namespace Analytics
