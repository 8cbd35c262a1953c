#pragma once

#include "analytics/analytics.h"
#include "store/sqlitedb.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

/// SQL building blocks shared by the analytics queries (internal to burnrate_core).
/// Queries alias the rollup (or fact) table `r`, the combination `c`, the allocation `a`.
namespace Analytics::Sql {

struct DimSql {
    std::string name;
    std::string column; ///< combo column, or empty for computed dimensions
};

/// Every dimension a query can group or filter by.
const std::vector<DimSql> &dimTable();
/// The dimension called `name`, or null.
const DimSql *findDim(const std::string &name);
/// True for dimensions that come from the allocation (feature, team).
bool isAllocated(const std::string &dim);
/// FROM clause over daily rollups (or raw facts), joining the allocation when needed: the
/// combination's parts of the row's day where the telemetry join made some, else its static ones.
std::string fromClause(bool allocated, bool facts = false);
/// An additive column of `r`, split by the allocation when it is joined.
std::string amountExpr(const char *column, bool allocated);
/// SQL expression yielding a dimension's display value.
std::string dimExpr(const DimSql &d);
/// Reads a dsum() result (exact money units as text).
Cost::BigMoney readMoney(Cost::SqliteStmt &st, int col);
/// Display text of a grouped dimension value.
std::string displayKey(const std::string &dim, Cost::SqliteStmt &st, int col);
/// Appends " AND ..." conditions for filters; binds are appended to `binds` (numbered from 1).
bool filterClause(const std::vector<Filter> &filters, std::string &sql, std::vector<std::string> &binds,
                  std::string &error);
/// True when one of `filters` is on an allocated dimension (the query must join the allocation).
bool filtersAllocated(const std::vector<Filter> &filters);
/// Compiles `sql` into `st` and binds `binds` to ?1..?n, as filterClause() numbered them; false
/// with `error` when the statement does not compile.
bool prepare(Cost::SqliteDb &db, const std::string &sql, const std::vector<std::string> &binds, Cost::SqliteStmt &st,
             std::string &error);

/// A totals() implementation (SQL, or a RollupSlice).
using TotalsFn = std::function<bool(const TotalsRequest &, std::vector<TotalsRow> &, std::string &)>;
/// The Overview numbers as of `asOfDay` from `totals`, all but the currency.
bool overviewKpisFrom(const TotalsFn &totals, std::int64_t asOfDay, OverviewKpis &out, std::string &error);
/// The billing currency of most charge combinations ("USD" when none).
std::string comboCurrency(Cost::SqliteDb &db);
/// Ranks daily series by total: the top N by name, the rest summed as "Other".
void rankDaily(std::map<std::string, std::vector<Cost::BigMoney>> &series, std::int64_t firstDay, int days, int topN,
               DailyBreakdown &out);

} // namespace Analytics::Sql
