#pragma once

#include "domain/money.h"
#include "store/sqlitedb.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

/// Read-only questions asked of the store. Pure functions of (connection, request): callers
/// run them on a worker thread with their own connection and hand the value results to the UI.
namespace Analytics {

/// Which number to add up.
enum class Metric { Billed, Effective, List, Tokens };

/// Parses "billed|effective|list|tokens".
std::optional<Metric> metricFromName(const std::string &name);

/// Grouping dimensions `totals` understands, in help order.
const std::vector<std::string> &dimensionNames();
/// False for a dimension value that is no series of its own: the empty endpoint is every charge
/// that is not an endpoint's (most of the spend), so anomalies and forecasts leave it out.
bool isSeriesValue(const std::string &dimension, const std::string &value);

/// A DIM=VALUE filter.
using Filter = std::pair<std::string, std::string>;
/// Money billed in one currency: (ISO code, amount in that currency).
using CurrencyAmount = std::pair<std::string, Cost::BigMoney>;

struct TotalsRequest {
    std::vector<std::string> by;        ///< dimensions (see dimensionNames); empty = grand total
    std::optional<std::int64_t> fromDay; ///< inclusive day number
    std::optional<std::int64_t> toDay;   ///< inclusive day number
    Metric metric = Metric::Billed;
    std::vector<Filter> filters;
};

struct TotalsRow {
    std::vector<std::string> keys;
    Cost::BigMoney value = 0; ///< money units for money metrics, plain count for tokens
    std::int64_t rows = 0;
};

/// Sums the metric grouped by the requested dimensions (money exact). False with `error`.
bool totals(Cost::SqliteDb &db, const TotalsRequest &request, std::vector<TotalsRow> &out, std::string &error);

/// First and last day with charges; false when the store is empty.
bool dataRange(Cost::SqliteDb &db, std::int64_t &firstDay, std::int64_t &lastDay);

/// A daily series per value of one dimension: the top N values by total, the rest as "Other".
struct DailyBreakdown {
    std::int64_t firstDay = 0;
    std::vector<std::string> names;            ///< series names, largest first ("Other" last)
    std::vector<std::vector<double>> values;   ///< [series][day - firstDay], in currency units
    std::vector<Cost::BigMoney> seriesTotals;
    int days = 0;
};

/// Daily billed cost by `dimension` between two inclusive days.
bool dailyBreakdown(Cost::SqliteDb &db, const std::string &dimension, std::int64_t fromDay, std::int64_t toDay,
                    int topN, DailyBreakdown &out, std::string &error);

/// The numbers on the Overview tiles, as of `asOfDay` (inclusive).
struct OverviewKpis {
    std::int64_t asOfDay = 0;
    Cost::BigMoney monthToDate = 0;
    Cost::BigMoney last30 = 0;
    Cost::BigMoney previous30 = 0;
    std::string topModel;
    Cost::BigMoney topModelCost = 0;
    std::string topFeature;
    Cost::BigMoney topFeatureCost = 0;
    std::int64_t tokens30 = 0;
    std::int64_t previousTokens30 = 0;
    /// The currency every amount here is in: the one billed most in the Overview's range. Charges
    /// in other currencies are left out (amounts are never added across currencies).
    std::string currency;
    /// What the range billed in other currencies, largest first; empty with one currency.
    std::vector<CurrencyAmount> otherCurrencies;
};

bool overviewKpis(Cost::SqliteDb &db, std::int64_t asOfDay, OverviewKpis &out, std::string &error);

} // namespace Analytics
