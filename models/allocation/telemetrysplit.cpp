#include "allocation/telemetrysplit.h"

#include "allocation/allocation.h"

#include <algorithm>
#include <tuple>

namespace Allocation {

std::vector<SplitPart> telemetrySplit(std::vector<TelemetryWeight> weights, Cost::BigMoney billed)
{
    std::sort(weights.begin(), weights.end(), [](const TelemetryWeight &a, const TelemetryWeight &b) {
        return std::tie(a.feature, a.team) < std::tie(b.feature, b.team);
    });
    std::vector<TelemetryWeight> merged;
    Cost::BigMoney total = 0;
    for (TelemetryWeight &w : weights) {
        if (w.weight <= 0)
            continue;
        total += w.weight;
        if (!merged.empty() && merged.back().feature == w.feature && merged.back().team == w.team)
            merged.back().weight += w.weight;
        else
            merged.push_back(std::move(w));
    }
    std::vector<SplitPart> out;
    if (total <= 0)
        return out;
    const Cost::BigMoney denominator = std::max(billed, total);
    Cost::BigMoney cumulative = 0;
    std::int64_t before = 0;
    for (TelemetryWeight &w : merged) {
        cumulative += w.weight;
        const auto after = static_cast<std::int64_t>(cumulative * kShareScale / denominator);
        if (after > before) // a share below one part per million gets nothing, as a rule's would
            out.push_back({std::move(w.feature), std::move(w.team), before, after});
        before = after;
    }
    if (before < kShareScale)
        out.push_back({kUntracked, std::string(), before, kShareScale});
    return out;
}

} // namespace Allocation
