#pragma once

#include "analytics/analytics.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

/// What one dashboard page shows, computed in one call: a time series per value of a
/// dimension (top N and "Other"), and a table of every value with share, change against the
/// previous period of the same length, tokens, requests and unit economics.
namespace Analytics {

enum class Grain { Hour, Day, Week, Month };

/// The grain a range is best shown at: hours up to 2 days, days up to 120, weeks up to 540.
Grain autoGrain(std::int64_t fromDay, std::int64_t toDay);
/// "hour", "day", "week", "month".
const char *grainName(Grain grain);

struct BreakdownQuery {
    std::string dimension = "model"; ///< see dimensionNames() (not day/month)
    std::int64_t fromDay = 0;        ///< inclusive
    std::int64_t toDay = 0;          ///< inclusive
    Grain grain = Grain::Day;
    std::vector<Filter> filters;
    int topN = 8;
};

/// One value of the dimension over the whole range.
struct BreakdownRow {
    std::string key;                ///< "" = none/unallocated
    Cost::BigMoney cost = 0;
    double share = 0;               ///< of the range total, 0..1
    Cost::BigMoney previousCost = 0; ///< same-length period just before
    std::int64_t tokens = 0;
    std::int64_t requests = 0;      ///< 0 when the sources don't report requests
    // Unit economics match cost and quantities per source (provider + billing account, see
    // unitSourceColumns()): a source that bills a kind but reports no tokens of it (Azure Cost
    // Management, say) would otherwise blend its cost into another source's price per token.
    // Such cost still counts in `cost`, the share, totals and series.
    /// Per token kind (input, cached input, cache write, output): cost of the sources that report
    /// tokens of that kind in this row.
    Cost::BigMoney kindCost[4] = {0, 0, 0, 0};
    /// Per token kind: all tokens of that kind.
    std::int64_t kindTokens[4] = {0, 0, 0, 0};
    /// Per token kind: the tokens its price divides kindCost by. kindTokens, except that a source
    /// billing cached input within its input line (cached tokens, no cached cost: OpenAI's costs
    /// endpoint has one "…, input" line item while its usage endpoint counts cached tokens apart)
    /// has its cached tokens priced with input.
    std::int64_t kindPricedTokens[4] = {0, 0, 0, 0};
    /// Per token kind: cost of the sources that report no tokens of that kind (left out of kindCost).
    Cost::BigMoney kindCostWithoutTokens[4] = {0, 0, 0, 0};
    /// Per token kind: tokens of the sources that bill no cost of that kind in this row (a synced
    /// account whose usage is per model while its cost is not itemised); left out of
    /// kindPricedTokens, so they do not lower another source's price. A kind no source bills is free.
    std::int64_t kindTokensWithoutCost[4] = {0, 0, 0, 0};
    /// Cost (the four token kinds) of the sources that report tokens of any of those kinds.
    Cost::BigMoney tokenCost = 0;
    /// Tokens (the four kinds) of the sources in tokenCost that bill cost in this row.
    std::int64_t pricedTokens = 0;
    /// Cost (every kind) of the sources that report requests.
    Cost::BigMoney requestCost = 0;
    /// Requests of the sources that bill cost in this row (what costPerRequest divides by).
    std::int64_t pricedRequests = 0;

    /// Change against the previous period in percent; NaN when there was nothing before.
    double changePercent() const;
    /// Cost per million tokens of one kind (0 input, 1 cached, 2 cache write, 3 output): kindCost over
    /// kindPricedTokens; NaN without tokens.
    double costPerMillion(int kind) const;
    /// tokenCost per million priced tokens of the four kinds; NaN without tokens.
    double blendedCostPerMillion() const;
    /// Tokens per request; NaN when requests are unknown.
    double tokensPerRequest() const;
    /// requestCost per priced request; NaN when requests are unknown.
    double costPerRequest() const;
    /// Cached input tokens as a share of all input tokens (0..1); NaN without input.
    double cachedInputShare() const;
};

struct Breakdown {
    BreakdownQuery query;
    std::vector<std::int64_t> bucketStarts;      ///< epoch seconds (UTC) of each bucket
    std::vector<std::string> seriesNames;        ///< top N by cost, then "Other"
    std::vector<std::vector<double>> seriesValues; ///< [series][bucket], currency units (drawing only)
    std::vector<BreakdownRow> rows;              ///< every value, by cost descending
    Cost::BigMoney total = 0;
    Cost::BigMoney previousTotal = 0;
};

/// Computes a page's data with SQL (grouping in SQLite). Safe on any thread with its own
/// connection. Pages use the single-scan Analytics::spendPage() (rollupscan.h), which gives the
/// same result; this is the reference it is tested against, and what reports use.
bool breakdown(Cost::SqliteDb &db, const BreakdownQuery &query, Breakdown &out, std::string &error);

/// Starts (epoch seconds, UTC) of the buckets covering the inclusive day range at a grain.
std::vector<std::int64_t> bucketStarts(std::int64_t fromDay, std::int64_t toDay, Grain grain);
/// Index into BreakdownRow::kindCost of a stored token kind (input, cached, cache write,
/// output), or -1 for kinds the unit economics leave out.
int tokenKindIndex(std::int64_t kind);
/// Columns of `combo` that identify where a charge came from, for matching cost with tokens and
/// requests: provider and billing account (an OpenAI / Anthropic organization, AWS account,
/// Azure billing scope, GCP billing account). Not the sub-account: OpenAI's costs endpoint names
/// the project while its usage endpoint (grouped by model) does not, so cost and tokens of one
/// organization sit under different sub-accounts.
const std::vector<std::string> &unitSourceColumns();
/// Amounts of one (row, source) pair, folded into the row's unit economics by addSourceUnits().
struct SourceUnits {
    Cost::BigMoney kindCost[4] = {0, 0, 0, 0};
    std::int64_t kindTokens[4] = {0, 0, 0, 0};
    Cost::BigMoney cost = 0; ///< every kind
    std::int64_t requests = 0;
};
/// Adds one source's amounts to a row's kindCost, kindTokens, kindCostWithoutTokens, tokenCost
/// and requestCost (cost, tokens and requests are the caller's).
void addSourceUnits(BreakdownRow &row, const SourceUnits &source);
/// Completes a breakdown whose rows, total and previous total are filled: sorts the rows by
/// cost, sets shares, the buckets, the series names (top N, then "Other") and zero series.
void finishBreakdown(Breakdown &out);

} // namespace Analytics
