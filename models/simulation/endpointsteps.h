#pragma once

#include "endpoints/endpointhours.h"
#include "pricing/pricecatalog.h"
#include "pricing/simulationusage.h"
#include "simulation/scenario.h"

#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

/// The scenario steps on hour-billed endpoints, priced from their real paid hours and measured
/// hourly load (models/simulation/README.md has the formulas):
/// - endpoint_scaling: each paid hour keeps max(min_replicas, ⌈requests × request time ÷ (3600 s ×
///   concurrency)⌉) replicas, plus scale_down_minutes of one replica after a busy hour;
/// - endpoint_spot: a share of the hours at the spot discount, plus interruption and checkpoint hours;
/// - endpoint_to_api: the hours' matched tokens at the pay-per-token price instead of the endpoint;
/// - api_to_endpoint: pay-per-token traffic on a new endpoint whose replicas follow the traffic's
///   hourly shape (tokens per hour ÷ a replica's tokens per hour).
/// Money is exact: numerators in money units × 10⁻¹² (as scenarioengine.cpp), rounded once.
namespace Simulation {

/// One endpoint's paid hours in the scenario's period.
struct EndpointSeries {
    std::string provider;
    std::string endpoint;
    std::string servedModel;
    std::string instanceType;
    bool telemetry = false;               ///< some telemetry matched it (else its load is unknown)
    std::vector<Endpoints::HourLoad> hours; ///< ascending
};

/// What the endpoint steps need besides the priced usage, loaded with it.
struct EndpointInputs {
    std::vector<EndpointSeries> endpoints;
    /// Per usage group (UsageSnapshot::groups): tokens per UTC hour of day; all zero = unknown.
    std::vector<std::array<std::int64_t, 24>> groupShape;
};

/// Loads the endpoints with a charge in the usage's period and the groups' hourly shapes
/// (TrafficProfiles). Reads the caller's connection; false with `error`.
bool loadEndpointInputs(Cost::SqliteDb &db, const Pricing::PriceCatalog &catalog, const UsageSnapshot &usage,
                        EndpointInputs &out, std::string &error);

/// The existing endpoints' side of a scenario.
struct EndpointOutcome {
    std::vector<Cost::BigMoney> dayBase, dayScenario; ///< numerators per day of the period
    /// "(endpoint NAME)" → (baseline, scenario) numerators, for every endpoint a step touched.
    std::vector<std::pair<std::string, std::pair<Cost::BigMoney, Cost::BigMoney>>> rows;
    std::vector<std::pair<std::int64_t, Cost::BigMoney>> bands; ///< (band ppm, scenario numerator)
    std::set<std::string> warnings;
};

/// Applies the scenario's endpoint steps (isEndpointStep) to every endpoint in their scope, in
/// step order; endpoints no step touches are left out of both sides.
EndpointOutcome evaluateEndpointSteps(const EndpointInputs &inputs, const Pricing::PriceCatalog &catalog,
                                      const Scenario &scenario, std::int64_t fromDay, std::int64_t days);

/// api_to_endpoint: the cost numerator of one day of a new endpoint serving `tokensByHour`
/// (tokens per UTC hour of that day): Σ_h max(min_replicas, ⌈tokens_h ÷ (tokens_per_second × 3600)⌉) × per_hour,
/// over the day's first `hours` hours (fewer than 24 on a day whose data is still arriving).
Cost::BigMoney newEndpointDay(const ScenarioStep &step, const std::array<double, 24> &tokensByHour, std::int64_t hours = 24);

/// The hourly split of `tokens` by a 24-hour shape (uniform when the shape is all zero) over the
/// day's first `hours` hours (at least one; fewer than 24 on a day whose data is still arriving).
void spreadByShape(double tokens, const std::array<std::int64_t, 24> &shape, std::array<double, 24> &byHour,
                   std::int64_t hours = 24);

} // namespace Simulation
