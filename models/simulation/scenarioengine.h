#pragma once

#include "pricing/pricedusage.h"
#include "simulation/scenario.h"

#include <atomic>
#include <set>
#include <string>
#include <vector>

/// Evaluates a scenario on priced usage: a pure function of (usage, catalog, scenario), fast
/// enough to re-run on every slider move (precomputed cells; ~1M cells in well under 200 ms).
/// Threading contract: evaluate() only reads the PricedUsage; run it with QtConcurrent on a
/// shared immutable PricedUsage and drop results whose generation is stale.
namespace Simulation {

struct EndpointInputs;

struct SeriesPoint {
    std::int64_t day = 0;
    Cost::BigMoney baseline = 0;
    Cost::BigMoney scenario = 0;
};

struct FeatureResult {
    /// "" = unallocated; "(self-hosted GPUs)" for the GPU cost of self-hosting, "(new endpoint)" for
    /// api_to_endpoint's, "(endpoint NAME)" for an existing endpoint an endpoint step changed.
    std::string feature;
    Cost::BigMoney baseline = 0;
    Cost::BigMoney scenario = 0;
    Cost::BigMoney savings() const { return baseline - scenario; }
};

struct ScenarioResult {
    std::string name;
    std::int64_t fromDay = 0;
    std::int64_t toDay = 0;
    std::int64_t days = 0;
    std::int64_t hours = 0;          ///< hours the period's data covers (UsageSnapshot::hours)
    std::string currency;
    Cost::BigMoney billed = 0;       ///< what the priced usage was billed (for reference)
    Cost::BigMoney baseline = 0;     ///< catalog price of the real usage
    Cost::BigMoney scenario = 0;     ///< catalog price after the steps (point)
    Cost::BigMoney scenarioLow = 0;  ///< scenario − the steps' ± bands
    Cost::BigMoney scenarioHigh = 0;
    Cost::BigMoney savings = 0;      ///< baseline − scenario over the period
    Cost::BigMoney savingsLow = 0;   ///< baseline − scenarioHigh
    Cost::BigMoney savingsHigh = 0;  ///< baseline − scenarioLow
    Cost::BigMoney monthly = 0, monthlyLow = 0, monthlyHigh = 0; ///< savings × (365 × 24 / 12) / hours
    Cost::BigMoney annual = 0, annualLow = 0, annualHigh = 0;    ///< savings × 365 × 24 / hours
    std::vector<SeriesPoint> daily;        ///< every day of the period
    std::vector<FeatureResult> features;   ///< by baseline descending
    std::vector<UnpricedUsage> unpriced;   ///< usage left out of both sides
    std::vector<std::string> warnings;     ///< steps that could not apply somewhere, and why
    bool cancelled = false;

    /// Savings in percent of the baseline (drawing only); 0 without a baseline.
    double savingsPercent() const
    {
        return baseline == 0 ? 0.0 : Cost::toDouble(savings) / Cost::toDouble(baseline) * 100.0;
    }
};

/// Applies the scenario's steps in order to every priced cell and prices both sides. `endpoints`
/// (loadEndpointInputs for the same usage) carries the endpoints' hours and the traffic's hourly
/// shape for the endpoint steps; without it they warn and api_to_endpoint assumes a flat day.
ScenarioResult evaluate(const PricedUsage &priced, const Scenario &scenario, const std::atomic_bool *cancel = nullptr,
                        const EndpointInputs *endpoints = nullptr);

/// Scales a period's savings to a month (365/12 days) or a year from the hours the period covers:
/// round(value × 365 × 24 / (12 × hours)).
Cost::BigMoney perMonth(Cost::BigMoney value, std::int64_t hours);
Cost::BigMoney perYear(Cost::BigMoney value, std::int64_t hours);

} // namespace Simulation
