#include "simulation/scenarioplan.h"


#include <algorithm>
#include <cctype>

namespace Simulation::Engine {

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool modelMatches(const std::vector<std::string> &scopeKeys, const std::vector<std::string> &keys)
{
    if (scopeKeys.empty())
        return true;
    for (const auto &k : scopeKeys)
        if (std::find(keys.begin(), keys.end(), k) != keys.end())
            return true;
    return false;
}

bool providerMatches(const std::vector<std::string> &providers, const UsageGroup &g)
{
    if (providers.empty())
        return true;
    for (const auto &p : providers)
        if (lower(p) == lower(g.provider) || PriceMatching::providerFamily(p) == g.family)
            return true;
    return false;
}

} // namespace

Plan makePlan(const PricedUsage &priced, const Scenario &scenario)
{
    Plan plan{priced, scenario, priced.usage().groups.size(), {}, {}, {}, {}, {}, {}, {}, {}, {}, nullptr, {}};
    const auto &groups = priced.usage().groups;
    for (const auto &step : scenario.steps) {
        int target = -1;
        if ((step.type == StepType::ModelSwap || step.type == StepType::Routing) && !step.fallback) {
            target = static_cast<int>(plan.targetKeys.size());
            plan.targetKeys.push_back(PriceMatching::lookupKeys(step.toModel));
            plan.targetProvider.push_back(step.toProvider);
        }
        plan.stepTarget.push_back(target);
    }
    const std::size_t steps = scenario.steps.size();
    plan.groupInScope.assign(steps * groups.size(), 0);
    plan.targetInScope.assign(steps * plan.targetKeys.size(), 0);
    for (std::size_t s = 0; s < steps; ++s) {
        const Scope &scope = scenario.steps[s].scope;
        std::vector<std::string> scopeKeys;
        for (const auto &m : scope.models)
            scopeKeys.push_back(PriceMatching::primaryKey(m));
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const bool feature = scope.features.empty()
                || std::find(scope.features.begin(), scope.features.end(), groups[g].feature) != scope.features.end();
            // A group in scope by feature and provider; its own model checked here, targets below.
            plan.groupInScope[s * groups.size() + g] = feature && providerMatches(scope.providers, groups[g]);
        }
        for (std::size_t t = 0; t < plan.targetKeys.size(); ++t)
            plan.targetInScope[s * plan.targetKeys.size() + t] = modelMatches(scopeKeys, plan.targetKeys[t]);
        // Own-model matching folded into a second table: groups whose own model is out of scope
        // are marked with 2 (in scope only once swapped to a matching target).
        for (std::size_t g = 0; g < groups.size(); ++g)
            if (plan.groupInScope[s * groups.size() + g] && !modelMatches(scopeKeys, groups[g].keys))
                plan.groupInScope[s * groups.size() + g] = 2;
    }
    return plan;
}

bool portionInScope(const Plan &plan, std::size_t step, const Portion &p, std::uint32_t group)
{
    if (p.target == kFallback || p.target == kSelfHosted)
        return false;
    const std::uint8_t g = plan.groupInScope[step * plan.groups + group];
    if (g == 0)
        return false;
    if (p.target == kOwn)
        return g == 1;
    return plan.targetInScope[step * plan.targetKeys.size() + static_cast<std::size_t>(p.target)] != 0;
}

bool hasKinds(const Pricing::ResolvedPrice &price, const Portion &p)
{
    for (int k = 0; k < Pricing::kPriceKindCount; ++k)
        if (p.q[k] != 0 && !price.has(static_cast<PriceKind>(k)))
            return false;
    return true;
}

Portion split(Portion &p, std::int64_t share)
{
    Portion moved = p;
    for (int k = 0; k < Pricing::kPriceKindCount; ++k) {
        moved.q[k] = scaled(p.q[k], share);
        p.q[k] -= moved.q[k];
    }
    moved.requests = scaled(p.requests, share);
    p.requests -= moved.requests;
    return moved;
}

} // namespace Simulation::Engine
