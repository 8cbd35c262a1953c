#pragma once

// The scenario engine's working state, shared by scenarioengine.cpp (evaluate) and
// scenarioplan.cpp (resolving a scenario's scopes and targets once per call). Internal to
// models/simulation: not part of the engine's interface (scenarioengine.h).

#include "pricing/pricedusage.h"
#include "pricing/pricematching.h"
#include "simulation/endpointsteps.h"
#include "simulation/scenario.h"

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace Simulation::Engine {

using Cost::BigMoney;
using Pricing::PriceKind;
using Pricing::Tier;

constexpr BigMoney kMicro = 1'000'000;          // micro-tokens per token, ppm per unit
constexpr BigMoney kScale = kMicro * kMicro;    // numerators: money units × 10⁻¹²
constexpr int kOwn = -1, kFallback = -2, kSelfHosted = -3;
constexpr std::size_t kIn = 0, kRead = 1, kW5 = 2, kW1 = 3, kOut = 4;

struct Portion {
    int target = kOwn;     // kOwn, a target index, kFallback or kSelfHosted
    Tier tier = Tier::Standard;
    bool standardBand = false; // priced below the long-context threshold (a swap with standard_context)
    int step = -1;         // the fallback step of a kFallback portion
    std::int64_t band = 0; // ppm
    std::int64_t q[Pricing::kPriceKindCount] = {0, 0, 0, 0, 0}; // micro-tokens (up to 9·10¹² tokens)
    std::int64_t requests = 0; // micro-requests
};

// v × ppm / 10⁶, rounded half up. The common case (v below 9·10¹², i.e. fewer than nine million
// tokens in one cell and kind) stays in 64 bits with a constant divisor: 128-bit division is
// what would otherwise dominate an evaluation.
inline std::int64_t scaled(std::int64_t v, std::int64_t ppm)
{
    constexpr std::int64_t kFast = 9'000'000'000'000;
    if (v >= 0 && v < kFast)
        return (v * ppm + 500'000) / 1'000'000;
    return static_cast<std::int64_t>(Pricing::roundDiv(BigMoney(v) * ppm, kMicro));
}

// Everything evaluate() needs besides the cells, resolved once per call.
struct Plan {
    const PricedUsage &priced;
    const Scenario &scenario;
    std::size_t groups = 0;
    std::vector<std::vector<std::string>> targetKeys;   // per target
    std::vector<std::string> targetProvider;            // per target ("" = the traffic's own)
    std::vector<int> stepTarget;                        // per step (-1 none)
    std::vector<std::uint8_t> groupInScope;             // [step][group]: feature, provider, own model
    std::vector<std::uint8_t> targetInScope;            // [step][target]: model
    std::map<std::tuple<int, std::string, std::string, int, bool>, PriceTimeline> targetTimelines;
    std::set<std::string> warnings;
    std::vector<std::uint8_t> warned; // [step][group][own or target]: a warning was recorded
    std::vector<const PriceTimeline *> timelineCache; // [((target × groups + group) × 3 + tier) × 2 + standard band]
    const EndpointInputs *endpoints = nullptr;
    std::vector<std::vector<std::array<double, 24>>> newEndpointTokens; // api_to_endpoint: [step][day] tokens per UTC hour

    // True the first time a step fails for this group and model (only then is the message built).
    bool firstFailure(std::size_t step, std::uint32_t group, int target)
    {
        const std::size_t slot = (step * groups + group) * (targetKeys.size() + 1) + static_cast<std::size_t>(target + 1);
        if (warned.empty())
            warned.assign(scenario.steps.size() * groups * (targetKeys.size() + 1), 0);
        if (warned[slot])
            return false;
        warned[slot] = 1;
        return true;
    }

    const PriceTimeline &targetTimeline(int target, std::uint32_t group, Tier tier, bool standardBand)
    {
        const std::size_t slot = ((static_cast<std::size_t>(target) * groups + group) * 3 + static_cast<std::size_t>(tier)) * 2
            + (standardBand ? 1 : 0);
        if (timelineCache.size() != targetKeys.size() * groups * 6)
            timelineCache.assign(targetKeys.size() * groups * 6, nullptr);
        if (!timelineCache[slot])
            timelineCache[slot] = &resolveTarget(target, priced.usage().groups[group], tier, standardBand);
        return *timelineCache[slot];
    }

    const PriceTimeline &resolveTarget(int target, const UsageGroup &g, Tier tier, bool standardBand)
    {
        const bool longContext = g.longContext && !standardBand;
        const std::string family = targetProvider[static_cast<std::size_t>(target)].empty()
            ? g.family
            : PriceMatching::providerFamily(targetProvider[static_cast<std::size_t>(target)]);
        // The traffic's billing account keeps its contract when the target stays with its provider.
        const std::string account = family == g.family ? g.account : std::string();
        const auto key = std::make_tuple(target, family, account, static_cast<int>(tier), longContext);
        auto it = targetTimelines.find(key);
        if (it == targetTimelines.end()) {
            const UsageSnapshot &u = priced.usage();
            it = targetTimelines
                     .emplace(key, buildTimeline(priced.catalog(), family, targetKeys[static_cast<std::size_t>(target)], tier,
                                                 longContext, u.fromDay, u.toDay, priced.adjuster(), account))
                     .first;
        }
        return it->second;
    }

    const Pricing::ResolvedPrice &price(const Portion &p, std::uint32_t group, std::int64_t day)
    {
        if (p.target == kOwn)
            return priced.timeline(group, p.tier).at(day);
        return targetTimeline(p.target, group, p.tier, p.standardBand).at(day);
    }
};

/// Resolves the scenario's targets and which usage groups each step reaches.
Plan makePlan(const PricedUsage &priced, const Scenario &scenario);
/// True when step `step` applies to portion `p` of group `group`.
bool portionInScope(const Plan &plan, std::size_t step, const Portion &p, std::uint32_t group);
/// True when `price` has a price for every kind the portion holds.
bool hasKinds(const Pricing::ResolvedPrice &price, const Portion &p);
/// Moves `share` (ppm) of a portion to the portion returned (the part moved keeps the kinds;
/// requests follow).
Portion split(Portion &p, std::int64_t share);

} // namespace Simulation::Engine
