#pragma once

#include "analytics/analytics.h"
#include "domain/money.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// What-if scenarios: changes applied to the real usage of a period, priced with the catalog.
/// Shares are exact parts per million (ppm: 1'000'000 = 100%); money is exact.
namespace Simulation {

inline constexpr std::int64_t kPpm = 1'000'000;

/// Which traffic a step applies to; an empty list matches everything.
struct Scope {
    std::vector<std::string> features;  ///< allocated feature ("" = unallocated)
    std::vector<std::string> models;    ///< model as used at that point (any spelling of the catalog key)
    std::vector<std::string> providers; ///< provider or family ("openai", "AWS", "Amazon Bedrock")
    std::vector<std::string> endpoints; ///< endpoint steps: endpoint names (as `burnrate endpoints` shows them)
};

enum class StepType {
    ModelSwap, PromptCaching, Batch, Compression, Routing, SelfHosted,
    // Steps on hour-billed endpoints (endpointsteps.h), from their real paid hours and hourly load:
    EndpointScaling, ///< scale-to-zero / auto-scaling with a concurrency limit
    EndpointSpot,    ///< the endpoint's hours on spot capacity, with interruption and checkpoint overhead
    EndpointToApi,   ///< the endpoint's served tokens on the pay-per-token API instead
    ApiToEndpoint,   ///< pay-per-token traffic on a dedicated endpoint sized from its hourly load
};
inline constexpr int kStepTypeCount = 10;

/// "model_swap", "prompt_caching", "batch", "compression", "routing", "self_hosted",
/// "endpoint_scaling", "endpoint_spot", "endpoint_to_api", "api_to_endpoint".
const char *stepTypeName(StepType type);
/// True for the steps that work on existing endpoints' hours (scaling, spot, to the API).
bool isEndpointStep(StepType type);

/// One change. Fields not used by a type are ignored.
struct ScenarioStep {
    StepType type = StepType::ModelSwap;
    Scope scope;
    std::int64_t sharePpm = kPpm;       ///< swap/routing/batch/self-hosted: share of the scoped traffic moved
    std::int64_t bandPpm = 0;           ///< ± uncertainty on the cost of the traffic this step changed
    // model_swap / routing
    std::string toModel;                ///< target model ("" with a fallback cost = non-LLM fallback)
    std::string toProvider;             ///< target provider family; "" = the traffic's own provider
    Cost::Money fallbackPerRequest = 0; ///< routing to a non-LLM fallback: cost per request
    bool fallback = false;
    bool standardContext = false;       ///< price the moved traffic at the target's standard context band (chunked requests)
    std::int64_t inputOverheadPpm = 0;  ///< extra input on the moved traffic (chunk overlap, repeated instructions)
    // prompt_caching
    std::int64_t cacheablePpm = 0;      ///< share of uncached input that is a cacheable prefix
    std::int64_t hitRatePpm = 0;        ///< share of cacheable tokens read from cache (the rest are writes)
    bool oneHourTtl = false;            ///< write at the 1-hour price (Anthropic) instead of 5-minute
    // compression
    std::int64_t inputCutPpm = 0;       ///< input tokens removed
    // self_hosted
    std::int64_t gpus = 0;
    std::int64_t hoursPerDayPpm = 24 * kPpm; ///< GPU hours per day per GPU, in ppm of an hour
    Cost::Money onDemandPerHour = 0;
    Cost::Money spotPerHour = 0;
    std::int64_t spotSharePpm = 0;      ///< share of GPU hours on spot
    std::int64_t interruptionPpm = 0;   ///< extra spot hours lost to interruptions (overhead)
    // endpoint_scaling / api_to_endpoint (replicas), endpoint_spot (spotSharePpm, interruptionPpm too)
    std::int64_t minReplicas = 0;       ///< replicas kept up in every paid hour (0 = scale to zero)
    std::int64_t concurrency = 4;       ///< requests one replica serves at once
    std::int64_t requestMs = 2000;      ///< mean time one request holds a replica, milliseconds
    std::int64_t scaleDownMinutes = 15; ///< a replica stays up this long after its last request
    std::int64_t spotDiscountPpm = 0;   ///< spot price below the on-demand (billed) one
    std::int64_t checkpointPpm = 0;     ///< extra spot hours spent checkpointing and reloading
    std::int64_t tokensPerSecond = 0;   ///< api_to_endpoint: tokens one replica serves per second
    Cost::Money perHour = 0;            ///< api_to_endpoint: price of one replica hour
};

struct Scenario {
    std::string name;
    std::string description;
    std::optional<std::int64_t> fromDay; ///< optional default period
    std::optional<std::int64_t> toDay;
    std::vector<Analytics::Filter> filters;
    std::vector<ScenarioStep> steps;
};

/// Parses the scenario JSON ("burnrate_scenario": 1; see README). False with an error naming the
/// step and field.
bool parseScenario(std::string_view json, Scenario &out, std::string &error);

/// Writes a scenario in the same format (parseScenario(toJson(s)) == s).
std::string scenarioToJson(const Scenario &scenario);

/// Parses an exact decimal percentage ("12.5", 12.5) into ppm.
bool percentToPpm(const std::string &text, std::int64_t &ppm);

} // namespace Simulation
