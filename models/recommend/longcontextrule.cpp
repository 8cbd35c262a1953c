#include "recommend/longcontextrule.h"

#include "recommend/rulesupport.h"

#include <array>
#include <map>
#include <tuple>

namespace Recommend {

namespace {

using Pricing::PriceKind;
using Simulation::kPpm;

constexpr std::int64_t kChunkOverheadPpm = 10 * kPpm / 100;
constexpr std::int64_t kChunkBandPpm = 10 * kPpm / 100;

struct Band {
    std::int64_t longInput = 0, allInput = 0, requests = 0;
};

} // namespace

std::vector<Recommendation> longContextRule(const Simulation::PricedUsage &priced)
{
    const Simulation::UsageSnapshot &usage = priced.usage();
    std::map<std::tuple<std::string, std::string, std::string>, Band> by;
    for (std::size_t i = 0; i < usage.cells.size(); ++i) {
        if (!priced.cellPriced(i))
            continue;
        const Simulation::UsageCell &c = usage.cells[i];
        const Simulation::UsageGroup &g = usage.groups[c.group];
        const std::int64_t in = c.tokens[0] + c.tokens[1] + c.tokens[2] + c.tokens[3];
        Band &b = by[{g.feature, g.provider, g.model}];
        b.allInput += in;
        if (g.longContext) {
            b.longInput += in;
            b.requests += c.requests;
        }
    }
    std::vector<Recommendation> out;
    for (const auto &[key, b] : by) {
        if (b.longInput <= 0)
            continue;
        const auto &[feature, provider, model] = key;
        auto step = Rules::scopedStep(Simulation::StepType::ModelSwap, feature, provider, model);
        step.toModel = model;
        step.standardContext = true;
        step.inputOverheadPpm = kChunkOverheadPpm;
        step.bandPpm = kChunkBandPpm;
        std::string evidence = Rules::grouped(b.longInput) + " input tokens ("
            + Rules::percent(double(b.longInput) / double(b.allInput)) + " of its input) billed at the long-context band";
        if (b.requests > 0)
            evidence += ", avg " + Rules::grouped(b.longInput / b.requests) + " per request";
        evidence += ": chunked below the threshold, with 10% more input for overlap and repeated instructions, they are"
                    " billed at the standard band";
        out.push_back(Rules::candidate(Kind::LongContext, feature, provider, model, 0.5, std::move(evidence), std::move(step), usage));
    }
    return out;
}

} // namespace Recommend
