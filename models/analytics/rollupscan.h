#pragma once

#include "analytics/analytics.h"
#include "analytics/breakdown.h"
#include "analytics/rollupslice.h"
#include "store/sqlitedb.h"

#include <string>
#include <utility>
#include <vector>

/// Everything a dashboard page shows, from one scan of the daily rollup (a RollupSlice over
/// the range and the period before it), aggregated in C++ — the fast path the pages use.
///
/// The REFERENCE is the SQL path (breakdown(), exactSeries(), totals(), overviewKpis(),
/// dailyBreakdown() in breakdown.h / analytics.h): it states the figures plainly and serves the
/// report and the CLI. This scan must equal it to the money unit and, for the drawing doubles,
/// to the bit; tests/tst_rollupscan runs the same page queries through both paths and compares
/// them. Safe on any thread with its own connection.
namespace Analytics {

/// Breakdown (see breakdown()) and its exact series (see exactSeries()) from a slice that
/// covers the query's range and the same-length period before it. The hourly grain reads its
/// series from the charges themselves (rollups are daily), as breakdown() does.
bool sliceBreakdown(Cost::SqliteDb &db, const RollupSlice &slice, const BreakdownQuery &query, Breakdown &out,
                    std::vector<std::vector<Cost::BigMoney>> &exact, std::string &error);

/// What a spend page asks for.
struct SpendPageRequest {
    BreakdownQuery query;
    /// Per filter-bar dimension, the filters its value list is computed under.
    std::vector<std::pair<std::string, std::vector<Filter>>> optionFilters;
};

/// What a spend page shows.
struct SpendPageData {
    Breakdown breakdown;
    std::vector<std::vector<Cost::BigMoney>> exact; ///< [series][bucket] of breakdown
    /// The currency of every amount on the page, by displayCurrency's rule (analytics/currency.h):
    /// the currency filter's, else the range's largest billing currency (the store's when the
    /// range holds nothing). With several currencies in the range and no
    /// currency filter, the page shows that currency's charges only (amounts are never added
    /// across currencies).
    std::string currency;
    /// What the range billed in the other currencies (under the page's other filters), largest
    /// first; the charges left out of the page.
    std::vector<CurrencyAmount> otherCurrencies;
    /// Per optionFilters entry, the values with charges in the range (any order).
    std::vector<std::pair<std::string, std::vector<std::string>>> options;
};

/// One spend page (breakdown, exact series, currency, filter-bar values) from one scan.
bool spendPage(Cost::SqliteDb &db, const SpendPageRequest &request, SpendPageData &out, std::string &error);

/// dailyBreakdown() from a slice covering the range, of the charges matching `filters`.
bool sliceDailyBreakdown(const RollupSlice &slice, const std::string &dimension, std::int64_t fromDay,
                         std::int64_t toDay, int topN, DailyBreakdown &out, std::string &error,
                         const std::vector<Filter> &filters = {});

/// The Overview page (overviewKpis as of `toDay` and the daily breakdown by model of the
/// range) from one scan, of the charges `filters` select (the drill-down every page shares), in
/// the range's largest currency (kpis.currency; other currencies are listed in
/// kpis.otherCurrencies, not added).
bool overviewPage(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, int topN, OverviewKpis &kpis,
                  DailyBreakdown &daily, std::string &error, const std::vector<Filter> &filters = {});

} // namespace Analytics
