#include "recommend/recommend.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <regex>
#include <tuple>

namespace Recommend {

namespace {

using Pricing::PriceKind;
using Simulation::kPpm;

constexpr std::int64_t kCachingMinInputPerRequest = 2'000;
constexpr double kCachingMaxReadShare = 0.10;
constexpr std::int64_t kRoutineMaxOutputPerRequest = 100;
constexpr double kRoutineMaxOutputShare = 0.10;
constexpr double kCompressionMinRatio = 20.0;
constexpr std::int64_t kCompressionMinInput = 1'000'000;

// The same provider's smaller model, by canonical name prefix (longest first).
constexpr std::pair<const char *, const char *> kSmaller[] = {
    {"gpt-4.1-mini", ""}, {"gpt-4.1", "gpt-4.1-mini"}, {"gpt-4o-mini", ""}, {"gpt-4o", "gpt-4o-mini"},
    {"o1-mini", ""}, {"o1", "o3-mini"}, {"claude-opus-4", "claude-sonnet-4"}, {"claude-3-opus", "claude-3-5-sonnet"},
    {"claude-sonnet-4", "claude-haiku-4-5"}, {"claude-3-7-sonnet", "claude-3-5-haiku"},
    {"claude-3-5-sonnet", "claude-3-5-haiku"}, {"gemini-2.5-pro", "gemini-2.5-flash"},
    {"gemini-1.5-pro", "gemini-1.5-flash"}, {"nova-pro", "nova-lite"}};

std::string smallerModel(const std::string &model)
{
    const std::pair<const char *, const char *> *best = nullptr;
    for (const auto &entry : kSmaller)
        if (model.rfind(entry.first, 0) == 0 && (!best || std::string_view(entry.first).size() > std::string_view(best->first).size()))
            best = &entry;
    return best ? best->second : "";
}

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

std::string grouped(std::int64_t v)
{
    std::string digits = std::to_string(v), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

std::string percent(double share)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d%%", static_cast<int>(share * 100 + 0.5));
    return buf;
}

// Scoped to the feature's traffic on that model at that provider (the same model can be served by
// two: Claude on Anthropic and on Bedrock), so each recommendation prices only what it looked at.
Simulation::ScenarioStep scopedStep(Simulation::StepType type, const std::string &feature, const std::string &provider,
                                    const std::string &model)
{
    Simulation::ScenarioStep step;
    step.type = type;
    step.scope.features = {feature};
    step.scope.providers = {provider};
    step.scope.models = {model};
    return step;
}

} // namespace

const char *kindName(Kind kind)
{
    static const char *kNames[] = {"smaller_model", "prompt_caching", "batch", "compression"};
    return kNames[static_cast<int>(kind)];
}

std::vector<Recommendation> recommend(const Simulation::PricedUsage &priced)
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
    const auto add = [&](Kind kind, const std::string &feature, const std::string &provider, const std::string &model,
                         double confidence, std::string evidence, Simulation::ScenarioStep step) {
        Recommendation r;
        r.kind = kind;
        r.feature = feature;
        r.provider = provider;
        r.model = model;
        r.scope = "feature " + (feature.empty() ? std::string("(unallocated)") : feature) + " on " + model + " (" + provider + ")";
        r.confidence = confidence;
        r.evidence = std::move(evidence);
        r.scenario.name = std::string(kindName(kind)) + ": " + r.scope;
        r.scenario.description = r.evidence;
        r.scenario.fromDay = usage.fromDay;
        r.scenario.toDay = usage.toDay;
        r.scenario.steps.push_back(std::move(step));
        r.result = Simulation::evaluate(priced, r.scenario);
        // A step that cannot apply (no price for it) says so and saves nothing: not an opportunity.
        if (r.result.monthly > 0 && r.result.warnings.empty())
            out.push_back(std::move(r));
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
        if (u.realTime && offlineByName(feature)) {
            auto step = scopedStep(Simulation::StepType::Batch, feature, provider, model);
            step.bandPpm = 5 * kPpm / 100;
            add(Kind::Batch, feature, provider, model, 0.5,
                "the feature's name says offline work; its traffic runs on the real-time tier", step);
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
    std::stable_sort(out.begin(), out.end(), [](const Recommendation &a, const Recommendation &b) {
        return std::tie(b.result.monthly, a.kind, a.scope) < std::tie(a.result.monthly, b.kind, b.scope);
    });
    return out;
}

} // namespace Recommend
