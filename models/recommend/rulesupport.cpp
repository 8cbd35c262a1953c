#include "recommend/rulesupport.h"

#include <cstdio>
#include <string_view>
#include <utility>

namespace Recommend::Rules {

namespace {

// The same provider's smaller model, by canonical name prefix (longest first).
constexpr std::pair<const char *, const char *> kSmaller[] = {
    {"gpt-4.1-mini", ""}, {"gpt-4.1", "gpt-4.1-mini"}, {"gpt-4o-mini", ""}, {"gpt-4o", "gpt-4o-mini"},
    {"o1-mini", ""}, {"o1", "o3-mini"}, {"claude-opus-4", "claude-sonnet-4"}, {"claude-3-opus", "claude-3-5-sonnet"},
    {"claude-sonnet-4", "claude-haiku-4-5"}, {"claude-3-7-sonnet", "claude-3-5-haiku"},
    {"claude-3-5-sonnet", "claude-3-5-haiku"}, {"gemini-2.5-pro", "gemini-2.5-flash"},
    {"gemini-1.5-pro", "gemini-1.5-flash"}, {"nova-pro", "nova-lite"}};

} // namespace

std::string smallerModel(const std::string &model)
{
    const std::pair<const char *, const char *> *best = nullptr;
    for (const auto &entry : kSmaller)
        if (model.rfind(entry.first, 0) == 0 && (!best || std::string_view(entry.first).size() > std::string_view(best->first).size()))
            best = &entry;
    return best ? best->second : "";
}

std::string grouped(std::int64_t v)
{
    std::string digits = std::to_string(v), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && digits[i - 1] != '-' && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

std::string money(Cost::BigMoney v, const std::string &currency)
{
    const Cost::BigMoney cents = Pricing::roundDiv(v, Cost::kMoneyScale / 100);
    const Cost::BigMoney whole = (cents < 0 ? -cents : cents) / 100, rest = (cents < 0 ? -cents : cents) % 100;
    return (cents < 0 ? "-" : "") + grouped(static_cast<std::int64_t>(whole)) + (rest < 10 ? ".0" : ".")
        + std::to_string(static_cast<int>(rest)) + (currency.empty() ? "" : " " + currency);
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

Recommendation candidate(Kind kind, const std::string &feature, const std::string &provider, const std::string &model,
                         double confidence, std::string evidence, Simulation::ScenarioStep step,
                         const Simulation::UsageSnapshot &usage)
{
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
    return r;
}

} // namespace Recommend::Rules
