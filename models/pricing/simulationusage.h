#pragma once

#include "analytics/analytics.h"
#include "pricing/pricecatalog.h"
#include "store/sqlitedb.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

/// Token usage aggregated for pricing and what-if scenarios: one cell per day × usage group
/// (provider, model, feature, tier, context band) with tokens per price kind. Loaded once per
/// period and filter (the slow part, SQL), then priced and re-evaluated many times in memory.
namespace Simulation {

struct UsageGroup {
    std::string provider;          ///< provider as stored ("OpenAI", "AWS", …)
    std::string family;            ///< price family (PriceMatching::providerFamily)
    std::string model;             ///< model as stored
    std::vector<std::string> keys; ///< price lookup keys of the model
    std::string feature;           ///< "" = unallocated
    std::string account;           ///< billing account id (for contracts scoped to an account)
    Pricing::Tier tier = Pricing::Tier::Standard;
    bool longContext = false;
};

struct UsageCell {
    std::int64_t day = 0;
    std::uint32_t group = 0;
    std::array<std::int64_t, Pricing::kPriceKindCount> tokens{}; ///< by Pricing::PriceKind
    std::int64_t requests = 0;   ///< 0 when the source reports none
    Cost::Money billed = 0;      ///< what the provider billed for these tokens
};

struct UsageSnapshot {
    std::int64_t fromDay = 0;            ///< first day of the period (inclusive)
    std::int64_t toDay = -1;             ///< last day (inclusive)
    std::vector<UsageGroup> groups;
    std::vector<UsageCell> cells;        ///< sorted by day
    Cost::BigMoney otherBilled = 0;      ///< billed charges that are not token charges (not re-priced)
    std::string currency;
    /// Where the period's data ends (epoch s: the end of the store's newest charge) when that is
    /// before the period's end, a last day still arriving; 0 = the period is covered to its end.
    std::int64_t dataEnd = 0;

    /// Days in the period (at least 1).
    std::int64_t days() const { return toDay >= fromDay ? toDay - fromDay + 1 : 1; }
    /// Hours of `day` the period's data covers: 24, fewer on a last day still arriving (see dataEnd).
    std::int64_t hoursOf(std::int64_t day) const;
    /// Hours the period's data covers (at least 1): what per-month figures and the costs that run
    /// by the hour (GPUs, endpoint replicas) are counted over.
    std::int64_t hours() const;
};

struct UsageQuery {
    std::optional<std::int64_t> fromDay; ///< default: 29 days before toDay
    std::optional<std::int64_t> toDay;   ///< default: the last day with data
    std::vector<Analytics::Filter> filters;
};

/// Reads usage from the daily rollups (feature from the allocation, split exactly). Safe on any
/// thread with its own connection. False with `error` for a bad filter or a store error.
bool loadUsage(Cost::SqliteDb &db, const UsageQuery &query, UsageSnapshot &out, std::string &error);

/// Tier, cache TTL and context band of a charge from what its producer wrote (meter, usage
/// type, description, pricing category): "Batch", "priority", "1h cache write", "Long Context".
struct ChargeVariant {
    Pricing::Tier tier = Pricing::Tier::Standard;
    bool oneHourCache = false;
    bool longContext = false;
};
ChargeVariant chargeVariant(const std::vector<std::string> &texts);

/// Appends a usage group and returns its index (for tests and benchmarks that build snapshots
/// without a store); fills `keys` and `family` when empty.
std::uint32_t addGroup(UsageSnapshot &snapshot, UsageGroup group);

} // namespace Simulation
