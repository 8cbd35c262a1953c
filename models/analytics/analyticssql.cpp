#include "analytics/analyticssql.h"

#include "domain/costrecord.h"
#include "domain/timeparse.h"

#include <algorithm>

namespace Analytics::Sql {

const std::vector<DimSql> &dimTable()
{
    static const std::vector<DimSql> kDims = {
        {"provider", "provider"},     {"service", "service"},
        {"model", "model"},           {"token_kind", ""},
        {"feature", "feature"},       {"team", "team"},
        {"day", ""},                  {"month", ""},
        {"publisher", "publisher"},   {"billing_account", "billing_account"},
        {"sub_account", "sub_account"}, {"region", "region"},
        {"charge_category", "charge_category"}, {"sku_meter", "sku_meter"},
        {"usage_type", "usage_type"}, {"resource", "resource_name"},
        {"currency", "currency"},     {"endpoint", "endpoint"},
    };
    return kDims;
}

const DimSql *findDim(const std::string &name)
{
    for (const auto &d : dimTable())
        if (d.name == name)
            return &d;
    return nullptr;
}

// Feature and team come from the allocation (tags, telemetry, rules): joined only when needed.
bool isAllocated(const std::string &dim) { return dim == "feature" || dim == "team"; }

std::string fromClause(bool allocated, bool facts)
{
    std::string sql = std::string(facts ? " FROM fact r" : " FROM rollup_daily r") + " JOIN combo c ON c.id = r.combo_id";
    if (!allocated)
        return sql;
    // A combination's parts for the row's UTC day (the telemetry join) when it has any, else its
    // static parts (day -1): one probe of the primary key per row.
    const std::string day = facts ? "(CASE WHEN r.start >= 0 THEN r.start / 86400 ELSE -((86399 - r.start) / 86400) END)" : "r.day";
    return sql + " JOIN combo_allocation a ON a.combo_id = r.combo_id AND a.day = CASE WHEN EXISTS(SELECT 1 FROM combo_allocation"
        " t WHERE t.combo_id = r.combo_id AND t.day = " + day + ") THEN " + day + " ELSE -1 END";
}

// An additive rollup column, split by the allocation when it is joined.
std::string amountExpr(const char *column, bool allocated)
{
    return allocated ? std::string("alloc(r.") + column + ", a.cum_before, a.cum_after)" : std::string("r.") + column;
}

// SQL expression for a dimension over rollup_daily (or fact) r JOIN combo c [JOIN combo_allocation a].
std::string dimExpr(const DimSql &d)
{
    if (isAllocated(d.name))
        return "coalesce((SELECT s FROM dict WHERE id = a." + d.column + "), '')";
    if (d.name == "day")
        return "r.day";
    if (d.name == "month")
        return "strftime('%Y-%m', r.day * 86400, 'unixepoch')";
    if (d.name == "token_kind")
        return "c.token_kind";
    return "coalesce((SELECT s FROM dict WHERE id = c." + d.column + "), '')";
}

Cost::BigMoney readMoney(Cost::SqliteStmt &st, int col)
{
    if (st.isNull(col))
        return 0;
    // dsum returns exact integer money units as text.
    Cost::BigMoney v = 0;
    bool neg = false;
    for (char c : st.text(col)) {
        if (c == '-')
            neg = true;
        else
            v = v * 10 + (c - '0');
    }
    return neg ? -v : v;
}

std::string displayKey(const std::string &dim, Cost::SqliteStmt &st, int col)
{
    if (dim == "day")
        return Cost::formatDay(st.int64(col));
    if (dim == "token_kind")
        return std::string(Cost::tokenKindName(static_cast<Cost::TokenKind>(st.int64(col))));
    return std::string(st.text(col));
}

// " AND ..." conditions for DIM=VALUE filters; binds are appended to `binds` (numbered from 1).
bool filterClause(const std::vector<Filter> &filters, std::string &sql, std::vector<std::string> &binds, std::string &error)
{
    for (const auto &[dim, value] : filters) {
        const DimSql *d = findDim(dim);
        if (!d || dim == "day" || dim == "month") {
            error = "unknown filter dimension '" + dim + "'";
            return false;
        }
        if (dim == "token_kind") {
            sql += " AND c.token_kind = " + std::to_string(static_cast<int>(Cost::tokenKindFromName(value)));
            continue;
        }
        const std::string column = std::string(isAllocated(dim) ? "a." : "c.") + d->column;
        if (value.empty()) {
            sql += " AND " + column + " = 0";
            continue;
        }
        binds.push_back(value);
        sql += " AND " + column + " = coalesce((SELECT id FROM dict WHERE s = ?" + std::to_string(binds.size()) + "), -1)";
    }
    return true;
}

bool filtersAllocated(const std::vector<Filter> &filters)
{
    return std::any_of(filters.begin(), filters.end(), [](const Filter &f) { return isAllocated(f.first); });
}

bool prepare(Cost::SqliteDb &db, const std::string &sql, const std::vector<std::string> &binds, Cost::SqliteStmt &st,
             std::string &error)
{
    st = Cost::SqliteStmt(db, sql);
    if (!st.ok()) {
        error = st.error();
        return false;
    }
    for (std::size_t i = 0; i < binds.size(); ++i)
        st.bind(static_cast<int>(i) + 1, std::string_view(binds[i]));
    return true;
}

} // namespace Analytics::Sql
