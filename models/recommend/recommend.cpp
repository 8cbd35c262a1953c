#include "recommend/recommend.h"

#include "recommend/guardrailrule.h"
#include "recommend/longcontextrule.h"
#include "recommend/rulesupport.h"
#include "simulation/trafficprofile.h"

#include <algorithm>
#include <array>
#include <map>
#include <regex>
#include <tuple>

namespace Recommend {

using Simulation::TrafficShape;

namespace {

using Pricing::PriceKind;
using Simulation::kPpm;
using Rules::grouped;
using Rules::percent;
using Rules::scopedStep;
using Rules::smallerModel;

constexpr std::int64_t kCachingMinInputPerRequest = 2'000;
constexpr double kCachingMaxReadShare = 0.10;
constexpr std::int64_t kRoutineMaxOutputPerRequest = 100;
constexpr double kRoutineMaxOutputShare = 0.10;
constexpr double kCompressionMinRatio = 20.0;
constexpr std::int64_t kCompressionMinInput = 1'000'000;

bool offlineByName(const std::string &feature)
{
    static const std::regex kOffline("summar|classif|embed|extract|digest|report|nightly|batch|index|tagg?ing|moderat",
                                     std::regex::icase);
    return std::regex_search(feature, kOffline);
}

struct Usage {
    std::array<std::int64_t, Pricing::kPriceKindCount> tokens{};
    std::int64_t requests = 0;
    bool realTime = false; // some of it on the standard tier
    std::int64_t in() const { return tokens[0] + tokens[1] + tokens[2] + tokens[3]; }
    std::int64_t out() const { return tokens[static_cast<std::size_t>(PriceKind::Output)]; }
};

} // namespace

const char *kindName(Kind kind)
{
    static const char *kNames[] = {"smaller_model", "prompt_caching", "batch", "compression", "long_context", "guardrail"};
    return kNames[static_cast<int>(kind)];
}

std::vector<Recommendation> recommend(const Simulation::PricedUsage &priced, const Simulation::TrafficProfiles *profiles)
{
    const Simulation::UsageSnapshot &usage = priced.usage();
    // Usage per (feature, provider, model), priced cells only (the engine prices nothing else).
    std::map<std::tuple<std::string, std::string, std::string>, Usage> by;
    for (std::size_t i = 0; i < usage.cells.size(); ++i) {
        if (!priced.cellPriced(i))
            continue;
        const Simulation::UsageCell &c = usage.cells[i];
        const Simulation::UsageGroup &g = usage.groups[c.group];
        Usage &u = by[{g.feature, g.provider, g.model}];
        for (std::size_t k = 0; k < u.tokens.size(); ++k)
            u.tokens[k] += c.tokens[k];
        u.requests += c.requests;
        u.realTime = u.realTime || g.tier == Pricing::Tier::Standard;
    }

    std::vector<Recommendation> out;
    // A step that cannot apply (no price for it) says so and saves nothing: not an opportunity.
    const auto keep = [&](Recommendation r) {
        r.result = Simulation::evaluate(priced, r.scenario);
        if (r.result.monthly > 0 && r.result.warnings.empty())
            out.push_back(std::move(r));
    };
    const auto add = [&](Kind kind, const std::string &feature, const std::string &provider, const std::string &model,
                         double confidence, std::string evidence, Simulation::ScenarioStep step) {
        keep(Rules::candidate(kind, feature, provider, model, confidence, std::move(evidence), std::move(step), usage));
    };

    for (const auto &[key, u] : by) {
        const auto &[feature, provider, model] = key;
        const std::int64_t in = u.in(), outTokens = u.out();
        const std::int64_t cacheRead = u.tokens[static_cast<std::size_t>(PriceKind::CacheRead)];
        if (in <= 0)
            continue;
        if (u.requests > 0) {
            const std::int64_t outPerRequest = outTokens / u.requests;
            const std::string small = smallerModel(model);
            if (!small.empty() && outPerRequest <= kRoutineMaxOutputPerRequest
                && static_cast<double>(outTokens) <= kRoutineMaxOutputShare * static_cast<double>(in)) {
                auto step = scopedStep(Simulation::StepType::ModelSwap, feature, provider, model);
                step.toModel = small;
                step.bandPpm = 15 * kPpm / 100;
                add(Kind::SmallerModel, feature, provider, model, outPerRequest <= 20 ? 0.6 : 0.4,
                    "avg " + grouped(outPerRequest) + " output tokens per request, output " + percent(double(outTokens) / double(in))
                        + " of input: routine, classification-like requests → " + small,
                    step);
            }
            const std::int64_t uncached = u.tokens[static_cast<std::size_t>(PriceKind::Input)];
            const std::int64_t inPerRequest = uncached / u.requests;
            if (inPerRequest >= kCachingMinInputPerRequest && static_cast<double>(cacheRead) <= kCachingMaxReadShare * static_cast<double>(in)) {
                auto step = scopedStep(Simulation::StepType::PromptCaching, feature, provider, model);
                step.cacheablePpm = kPpm / 2;
                step.hitRatePpm = 80 * kPpm / 100;
                step.bandPpm = 15 * kPpm / 100;
                add(Kind::PromptCaching, feature, provider, model, inPerRequest >= 10'000 ? 0.7 : 0.5,
                    "avg " + grouped(inPerRequest) + " uncached input tokens per request, " + percent(double(cacheRead) / double(in))
                        + " of input read from cache",
                    step);
            }
        }
        const TrafficShape shape = profiles ? profiles->shape(feature, model) : TrafficShape::Unknown;
        const bool byTraffic = shape == TrafficShape::Flat || shape == TrafficShape::Bulk;
        const bool byName = offlineByName(feature);
        if (u.realTime && (byTraffic || byName)) {
            auto step = scopedStep(Simulation::StepType::Batch, feature, provider, model);
            step.bandPpm = 5 * kPpm / 100;
            std::string evidence = shape == TrafficShape::Flat
                ? "its traffic runs about as much at night as by day (quietest 8 hours at least 60% of the busiest 8): not human-driven"
                : shape == TrafficShape::Bulk ? "half of its traffic or more arrives in 3 hours of the day or fewer: scheduled runs"
                : shape == TrafficShape::Interactive ? "the feature's name says offline work, though its traffic has a day/night cycle"
                                                      : "the feature's name says offline work (no hourly data to confirm it)";
            if (byTraffic && byName)
                evidence += "; its name says offline work too";
            evidence += "; it runs on the real-time tier";
            const double confidence = byTraffic ? (byName ? 0.8 : 0.7) : shape == TrafficShape::Interactive ? 0.3 : 0.4;
            add(Kind::Batch, feature, provider, model, confidence, std::move(evidence), step);
        }
        if (in >= kCompressionMinInput && static_cast<double>(in) >= kCompressionMinRatio * static_cast<double>(std::max<std::int64_t>(outTokens, 1))) {
            auto step = scopedStep(Simulation::StepType::Compression, feature, provider, model);
            step.inputCutPpm = 20 * kPpm / 100;
            step.bandPpm = 10 * kPpm / 100;
            add(Kind::Compression, feature, provider, model, 0.4,
                grouped(in) + " input tokens, " + grouped(in / std::max<std::int64_t>(outTokens, 1)) + "× the output: input-heavy",
                step);
        }
    }
    for (auto &r : longContextRule(priced))
        keep(std::move(r));
    for (auto &r : guardrailRule(priced))
        keep(std::move(r));
    std::stable_sort(out.begin(), out.end(), [](const Recommendation &a, const Recommendation &b) {
        return std::tie(b.result.monthly, a.kind, a.scope) < std::tie(a.result.monthly, b.kind, b.scope);
    });
    return out;
}

} // namespace Recommend
