#include "recommend/guardrailrule.h"

#include "recommend/rulesupport.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace Recommend {

namespace {

using Cost::BigMoney;
using Simulation::kPpm;

constexpr std::int64_t kMinDays = 14;
constexpr BigMoney kMadFactor = 5;
constexpr std::int64_t kFallbackBandPpm = 20 * kPpm / 100;
constexpr BigMoney kMicro = 1'000'000;

BigMoney median(std::vector<BigMoney> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Up to whole currency units from 10 units on, else up to the cent: a limit someone would type.
BigMoney roundUpLimit(BigMoney v)
{
    const BigMoney step = v >= 10 * Cost::kMoneyScale ? Cost::kMoneyScale : Cost::kMoneyScale / 100;
    return (v + step - 1) / step * step;
}

struct Model {
    std::vector<BigMoney> days; // spend per day of the period (money units)
    BigMoney total = 0;
};

} // namespace

std::vector<Recommendation> guardrailRule(const Simulation::PricedUsage &priced)
{
    const Simulation::UsageSnapshot &usage = priced.usage();
    const std::int64_t days = usage.days();
    std::vector<Recommendation> out;
    if (days < kMinDays)
        return out;
    // Spend numerators (money units × 10⁻⁶) per feature, then per (provider, model) of it, per day.
    std::map<std::string, std::map<std::pair<std::string, std::string>, std::vector<BigMoney>>> by;
    for (std::size_t i = 0; i < usage.cells.size(); ++i) {
        if (!priced.cellPriced(i))
            continue;
        const Simulation::UsageCell &c = usage.cells[i];
        const Simulation::UsageGroup &g = usage.groups[c.group];
        if (c.day < usage.fromDay || c.day > usage.toDay)
            continue;
        bool ok = true;
        const BigMoney cost = Simulation::tokenCostNumerator(c.tokens, priced.timeline(c.group, g.tier).at(c.day), ok);
        auto &series = by[g.feature][{g.provider, g.model}];
        series.resize(static_cast<std::size_t>(days), 0);
        series[static_cast<std::size_t>(c.day - usage.fromDay)] += cost;
    }
    for (const auto &[feature, models] : by) {
        std::vector<BigMoney> daily(static_cast<std::size_t>(days), 0);
        for (const auto &[key, series] : models)
            for (std::size_t d = 0; d < series.size(); ++d)
                daily[d] += series[d];
        for (auto &v : daily)
            v = Pricing::roundDiv(v, kMicro);
        const BigMoney med = median(daily);
        if (med <= 0)
            continue;
        std::vector<BigMoney> deviations;
        for (const BigMoney v : daily)
            deviations.push_back(v > med ? v - med : med - v);
        const BigMoney mad = median(deviations);
        const BigMoney threshold = std::max(med + kMadFactor * mad, med * 3 / 2);
        std::vector<std::size_t> spikes;
        BigMoney ordinaryMax = 0, spikeMax = 0;
        for (std::size_t d = 0; d < daily.size(); ++d) {
            if (daily[d] > threshold) {
                spikes.push_back(d);
                spikeMax = std::max(spikeMax, daily[d]);
            } else {
                ordinaryMax = std::max(ordinaryMax, daily[d]);
            }
        }
        if (spikes.empty())
            continue;
        const BigMoney limit = roundUpLimit(ordinaryMax);
        BigMoney excess = 0;
        for (const std::size_t d : spikes)
            excess += std::max<BigMoney>(daily[d] - limit, 0);
        if (excess <= 0)
            continue;
        // The fallback: the smaller sibling of the model that carried most of the spiky days' spend.
        const std::pair<std::string, std::string> *target = nullptr;
        BigMoney targetSpikeSpend = 0, targetTotal = 0;
        for (const auto &[key, series] : models) {
            if (Rules::smallerModel(key.second).empty())
                continue;
            BigMoney onSpikes = 0, total = 0;
            for (const std::size_t d : spikes)
                onSpikes += series[d];
            for (const BigMoney v : series)
                total += v;
            if (!target || onSpikes > targetSpikeSpend) {
                target = &key;
                targetSpikeSpend = onSpikes;
                targetTotal = total;
            }
        }
        if (!target || targetTotal <= 0)
            continue;
        const BigMoney total = Pricing::roundDiv(targetTotal, kMicro);
        const std::int64_t sharePpm = static_cast<std::int64_t>(std::min<BigMoney>(Pricing::roundDiv(excess * kPpm, total), kPpm));
        if (sharePpm <= 0)
            continue;
        const std::string fallback = Rules::smallerModel(target->second);
        auto step = Rules::scopedStep(Simulation::StepType::Routing, feature, target->first, target->second);
        step.toModel = fallback;
        step.sharePpm = sharePpm;
        step.bandPpm = kFallbackBandPpm;
        const auto money = [&](BigMoney v) { return Rules::money(v, usage.currency); };
        std::string evidence = std::to_string(spikes.size()) + (spikes.size() == 1 ? " spiky day" : " spiky days")
            + " (up to " + money(spikeMax) + " a day; median " + money(med) + ", threshold median + 5·MAD = " + money(threshold)
            + "): a daily limit of " + money(limit) + " (the highest ordinary day, rounded up) would have capped them; the "
            + money(excess) + " above it, served by " + fallback + " instead, is " + Rules::percent(double(sharePpm) / double(kPpm))
            + " of the feature's traffic on " + target->second + " over the period";
        Recommendation r = Rules::candidate(Kind::Guardrail, feature, target->first, target->second, 0.3, std::move(evidence),
                                            std::move(step), usage);
        r.dailyLimit = static_cast<Cost::Money>(limit);
        r.fallbackModel = fallback;
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace Recommend
