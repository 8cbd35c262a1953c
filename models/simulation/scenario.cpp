#include "simulation/scenario.h"

#include "domain/jsonread.h"
#include "domain/timeparse.h"
#include "pricing/pricecatalog.h"

#include <nlohmann/json.hpp>

namespace Simulation {

namespace {

using json = nlohmann::json;

const char *const kTypeNames[kStepTypeCount] = {"model_swap",       "prompt_caching", "batch",         "compression",
                                                "routing",          "self_hosted",    "endpoint_scaling", "endpoint_spot",
                                                "endpoint_to_api",  "api_to_endpoint"};

std::string text(const json &v) { return v.is_string() ? v.get<std::string>() : JsonRead::shown(v); }

std::string ppmText(std::int64_t ppm) { return Cost::formatMoney(static_cast<Cost::BigMoney>(ppm) * 1000000, 0); }

// The scenario's typed fields: JsonRead's, plus percentages and amounts.
struct Reader : JsonRead::Fields {
    bool percent(const char *field, std::int64_t &out, bool required = false)
    {
        const auto it = obj.find(field);
        if (it == obj.end() || it->is_null())
            return !required || fail(field, "is required");
        std::int64_t ppm = 0;
        if (!(it->is_number() || it->is_string()) || !percentToPpm(text(*it), ppm) || ppm < 0 || ppm > kPpm)
            return fail(field, "'" + text(*it) + "' is not a percentage between 0 and 100");
        out = ppm;
        return true;
    }
    bool money(const char *field, Cost::Money &out, bool required = false)
    {
        const auto it = obj.find(field);
        if (it == obj.end() || it->is_null())
            return !required || fail(field, "is required");
        if (!(it->is_number() || it->is_string()) || !Pricing::priceFromJson(text(*it), out))
            return fail(field, "'" + text(*it) + "' is not a non-negative amount");
        return true;
    }
    /// A whole number in [min, max]; missing or null leaves `out` as it is.
    bool whole(const char *field, std::int64_t &out, std::int64_t min, std::int64_t max, bool required = false)
    {
        const auto it = obj.find(field);
        if (it == obj.end() || it->is_null())
            return !required || fail(field, "is required");
        if (!it->is_number_integer() || it->get<std::int64_t>() < min || it->get<std::int64_t>() > max)
            return fail(field, "'" + text(*it) + "' is not a whole number between " + std::to_string(min) + " and "
                                   + std::to_string(max));
        out = it->get<std::int64_t>();
        return true;
    }
};

// endpoint_scaling's fields: replicas kept, concurrency, request time (seconds, to the millisecond)
// and the scale-down delay.
bool scalingFields(Reader &r, ScenarioStep &step)
{
    if (!r.whole("min_replicas", step.minReplicas, 0, 1000) || !r.whole("concurrency", step.concurrency, 1, 100000)
        || !r.whole("scale_down_minutes", step.scaleDownMinutes, 0, 60))
        return false;
    Cost::Money seconds = step.requestMs * (Cost::kMoneyScale / 1000);
    if (!r.money("request_seconds", seconds))
        return false;
    if (seconds < Cost::kMoneyScale / 1000 || seconds > 3600 * Cost::kMoneyScale)
        return r.fail("request_seconds", "must be between 0.001 and 3600 seconds");
    step.requestMs = seconds / (Cost::kMoneyScale / 1000);
    return true;
}

// "context": "standard" prices the moved traffic below the long-context threshold (chunked
// requests); "as_is" (the default) keeps the traffic's own band.
bool contextBand(Reader &r, ScenarioStep &step)
{
    std::string context = "as_is";
    if (!r.string("context", context))
        return false;
    if (context != "as_is" && context != "standard")
        return r.fail("context", "'" + context + "' must be as_is or standard");
    step.standardContext = context == "standard";
    return true;
}

bool parseStep(const json &s, std::size_t index, ScenarioStep &step, std::string &error)
{
    Reader r{{s, "steps[" + std::to_string(index) + "]", error}};
    if (!s.is_object())
        return r.fail("type", "the step must be an object");
    std::string type;
    if (!r.string("type", type))
        return false;
    bool known = false;
    for (int t = 0; t < kStepTypeCount; ++t)
        if (type == kTypeNames[t]) {
            step.type = static_cast<StepType>(t);
            known = true;
        }
    if (!known)
        return r.fail("type", "'" + type + "' is not one of model_swap, prompt_caching, batch, compression, routing, self_hosted,"
                                          " endpoint_scaling, endpoint_spot, endpoint_to_api, api_to_endpoint");
    r.where += " (" + type + ")";
    if (!r.strings("features", step.scope.features) || !r.strings("models", step.scope.models)
        || !r.strings("from_model", step.scope.models) || !r.strings("providers", step.scope.providers)
        || !r.strings("endpoints", step.scope.endpoints))
        return false;
    const bool moves = step.type == StepType::ModelSwap || step.type == StepType::Routing || step.type == StepType::ApiToEndpoint
        || isEndpointStep(step.type);
    step.bandPpm = moves ? 10 * 10000 : 0;
    if (!r.percent("share_pct", step.sharePpm) || !r.percent("band_pct", step.bandPpm))
        return false;
    switch (step.type) {
    case StepType::ModelSwap:
        if (!r.string("to_model", step.toModel) || !r.string("to_provider", step.toProvider)
            || !r.percent("input_overhead_pct", step.inputOverheadPpm) || !contextBand(r, step))
            return false;
        if (step.toModel.empty())
            return r.fail("to_model", "is required");
        break;
    case StepType::Routing:
        if (!r.string("to_model", step.toModel) || !r.string("to_provider", step.toProvider)
            || !r.percent("input_overhead_pct", step.inputOverheadPpm) || !contextBand(r, step))
            return false;
        step.fallback = s.contains("fallback_cost_per_request");
        if (step.fallback && !r.money("fallback_cost_per_request", step.fallbackPerRequest, true))
            return false;
        if (step.toModel.empty() == !step.fallback)
            return r.fail("to_model", "give either to_model or fallback_cost_per_request");
        break;
    case StepType::PromptCaching: {
        if (!r.percent("cacheable_pct", step.cacheablePpm, true) || !r.percent("hit_rate_pct", step.hitRatePpm, true))
            return false;
        std::string ttl = "5m";
        if (!r.string("ttl", ttl))
            return false;
        if (ttl != "5m" && ttl != "1h")
            return r.fail("ttl", "'" + ttl + "' must be 5m or 1h");
        step.oneHourTtl = ttl == "1h";
        break;
    }
    case StepType::Batch: break;
    case StepType::Compression:
        if (!r.percent("input_cut_pct", step.inputCutPpm, true))
            return false;
        break;
    case StepType::SelfHosted: {
        const auto g = s.find("gpus");
        if (g == s.end() || !g->is_number_integer() || g->get<std::int64_t>() < 0)
            return r.fail("gpus", "must be a whole number of GPUs");
        step.gpus = g->get<std::int64_t>();
        if (s.contains("hours_per_day")) {
            Cost::Money h = 0;
            if (!r.money("hours_per_day", h) || h > 24 * Cost::kMoneyScale)
                return r.fail("hours_per_day", "must be between 0 and 24");
            step.hoursPerDayPpm = h / 10000;
        }
        if (!r.money("on_demand_per_hour", step.onDemandPerHour, true) || !r.money("spot_per_hour", step.spotPerHour)
            || !r.percent("spot_share_pct", step.spotSharePpm) || !r.percent("interruption_overhead_pct", step.interruptionPpm))
            return false;
        break;
    }
    case StepType::EndpointScaling:
        if (!scalingFields(r, step))
            return false;
        break;
    case StepType::EndpointSpot:
        step.spotSharePpm = kPpm;
        if (!r.percent("spot_discount_pct", step.spotDiscountPpm, true) || !r.percent("spot_share_pct", step.spotSharePpm)
            || !r.percent("interruption_overhead_pct", step.interruptionPpm) || !r.percent("checkpoint_overhead_pct", step.checkpointPpm))
            return false;
        break;
    case StepType::EndpointToApi:
        if (!r.string("to_model", step.toModel) || !r.string("to_provider", step.toProvider))
            return false;
        break;
    case StepType::ApiToEndpoint:
        step.minReplicas = 1;
        if (!r.money("per_hour", step.perHour, true) || !r.whole("tokens_per_second", step.tokensPerSecond, 1, 100'000'000, true)
            || !r.whole("min_replicas", step.minReplicas, 0, 1000))
            return false;
        break;
    }
    return true;
}

} // namespace

const char *stepTypeName(StepType type) { return kTypeNames[static_cast<int>(type)]; }

bool isEndpointStep(StepType type)
{
    return type == StepType::EndpointScaling || type == StepType::EndpointSpot || type == StepType::EndpointToApi;
}

bool percentToPpm(const std::string &value, std::int64_t &ppm)
{
    Cost::Money m = 0;
    const auto st = Cost::parseMoney(value, m);
    if (st != Cost::ParseStatus::Ok && st != Cost::ParseStatus::Rounded)
        return false;
    ppm = static_cast<std::int64_t>(Pricing::roundDiv(m, 1'000'000)); // 1% = 1e10 units = 10'000 ppm
    return true;
}

bool parseScenario(std::string_view bytes, Scenario &out, std::string &error)
{
    out = Scenario();
    json doc;
    if (!JsonRead::parse(bytes, doc, error))
        return false;
    if (!doc.is_object()) {
        error = "not a JSON object";
        return false;
    }
    if (!doc.contains("burnrate_scenario") || doc["burnrate_scenario"] != 1) {
        error = "not a Burnrate scenario (expected \"burnrate_scenario\": 1)";
        return false;
    }
    Reader r{{doc, "scenario", error}};
    if (!r.string("name", out.name) || !r.string("description", out.description))
        return false;
    if (out.name.empty())
        return r.fail("name", "is required");
    if (doc.contains("period")) {
        const auto &p = doc["period"];
        for (const char *k : {"from", "to"}) {
            if (!p.is_object() || !p.contains(k))
                continue;
            std::int64_t day = 0;
            if (!p[k].is_string() || !Cost::parseDate(p[k].get<std::string>(), day))
                return r.fail(std::string("period.") + k, "'" + text(p[k]) + "' is not a date (YYYY-MM-DD)");
            (std::string_view(k) == "from" ? out.fromDay : out.toDay) = day;
        }
    }
    if (doc.contains("filters")) {
        const auto &f = doc["filters"];
        if (!f.is_object())
            return r.fail("filters", "must be an object of DIM: VALUE");
        for (auto it = f.begin(); it != f.end(); ++it) {
            if (!it->is_string())
                return r.fail("filters." + it.key(), "must be a string");
            out.filters.emplace_back(it.key(), it->get<std::string>());
        }
    }
    const auto steps = doc.find("steps");
    if (steps == doc.end() || !steps->is_array())
        return r.fail("steps", "must be an array");
    for (std::size_t i = 0; i < steps->size(); ++i) {
        ScenarioStep step;
        if (!parseStep((*steps)[i], i, step, error))
            return false;
        out.steps.push_back(std::move(step));
    }
    return true;
}

std::string scenarioToJson(const Scenario &s)
{
    json doc = {{"burnrate_scenario", 1}, {"name", s.name}};
    if (!s.description.empty())
        doc["description"] = s.description;
    if (s.fromDay || s.toDay) {
        json p = json::object();
        if (s.fromDay)
            p["from"] = Cost::formatDay(*s.fromDay);
        if (s.toDay)
            p["to"] = Cost::formatDay(*s.toDay);
        doc["period"] = p;
    }
    if (!s.filters.empty()) {
        json f = json::object();
        for (const auto &[dim, value] : s.filters)
            f[dim] = value;
        doc["filters"] = f;
    }
    json steps = json::array();
    for (const auto &st : s.steps) {
        json j = {{"type", stepTypeName(st.type)}};
        if (!st.scope.features.empty())
            j["features"] = st.scope.features;
        if (!st.scope.models.empty())
            j["models"] = st.scope.models;
        if (!st.scope.providers.empty())
            j["providers"] = st.scope.providers;
        if (!st.scope.endpoints.empty())
            j["endpoints"] = st.scope.endpoints;
        j["share_pct"] = ppmText(st.sharePpm);
        j["band_pct"] = ppmText(st.bandPpm);
        switch (st.type) {
        case StepType::ModelSwap:
        case StepType::Routing:
            if (st.fallback)
                j["fallback_cost_per_request"] = Cost::formatMoney(st.fallbackPerRequest, 2);
            else
                j["to_model"] = st.toModel;
            if (!st.toProvider.empty())
                j["to_provider"] = st.toProvider;
            if (st.standardContext)
                j["context"] = "standard";
            if (st.inputOverheadPpm != 0)
                j["input_overhead_pct"] = ppmText(st.inputOverheadPpm);
            break;
        case StepType::PromptCaching:
            j["cacheable_pct"] = ppmText(st.cacheablePpm);
            j["hit_rate_pct"] = ppmText(st.hitRatePpm);
            j["ttl"] = st.oneHourTtl ? "1h" : "5m";
            break;
        case StepType::Batch: break;
        case StepType::Compression: j["input_cut_pct"] = ppmText(st.inputCutPpm); break;
        case StepType::SelfHosted:
            j["gpus"] = st.gpus;
            j["hours_per_day"] = Cost::formatMoney(static_cast<Cost::BigMoney>(st.hoursPerDayPpm) * 10000, 0);
            j["on_demand_per_hour"] = Cost::formatMoney(st.onDemandPerHour, 2);
            j["spot_per_hour"] = Cost::formatMoney(st.spotPerHour, 2);
            j["spot_share_pct"] = ppmText(st.spotSharePpm);
            j["interruption_overhead_pct"] = ppmText(st.interruptionPpm);
            break;
        case StepType::EndpointScaling:
            j["min_replicas"] = st.minReplicas;
            j["concurrency"] = st.concurrency;
            j["request_seconds"] = Cost::formatMoney(static_cast<Cost::BigMoney>(st.requestMs) * (Cost::kMoneyScale / 1000), 0);
            j["scale_down_minutes"] = st.scaleDownMinutes;
            break;
        case StepType::EndpointSpot:
            j["spot_share_pct"] = ppmText(st.spotSharePpm);
            j["spot_discount_pct"] = ppmText(st.spotDiscountPpm);
            j["interruption_overhead_pct"] = ppmText(st.interruptionPpm);
            j["checkpoint_overhead_pct"] = ppmText(st.checkpointPpm);
            break;
        case StepType::EndpointToApi:
            if (!st.toModel.empty())
                j["to_model"] = st.toModel;
            if (!st.toProvider.empty())
                j["to_provider"] = st.toProvider;
            break;
        case StepType::ApiToEndpoint:
            j["per_hour"] = Cost::formatMoney(st.perHour, 2);
            j["tokens_per_second"] = st.tokensPerSecond;
            j["min_replicas"] = st.minReplicas;
            break;
        }
        steps.push_back(std::move(j));
    }
    doc["steps"] = steps;
    return doc.dump(2);
}

} // namespace Simulation
