#pragma once

#include "domain/money.h"
#include "store/sqlitedb.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace Pricing {
class PriceCatalog;
}

namespace Endpoints {

/// One endpoint over a range: what it cost, what it served and what the same tokens would have
/// cost on the pay-per-token API (README.md: the telemetry match and the rounding rules).
/// Money is exact Cost::Money units (1e-10 of the billing currency).
struct EndpointStats {
    std::string provider;
    std::string endpoint;
    std::string instanceType;           ///< the instance type with the most cost
    std::string accelerator;            ///< of that instance type ("NVIDIA A10G x4", "CPU", "")
    std::string servedModel;            ///< the model served, where the bill or its tags say
    std::string currency;
    double hours = 0;                   ///< billed instance hours (hour-unit quantities of instance lines)
    double busyHours = 0;               ///< the part of `hours` in clock hours with ≥ 1 request
    std::int64_t paidClockHours = 0;    ///< distinct UTC hours with a charge of the endpoint
    std::int64_t busyClockHours = 0;    ///< of those, hours with ≥ 1 request
    Cost::BigMoney cost = 0;            ///< billed cost
    Cost::BigMoney idleCost = 0;        ///< cost of the paid hours without a request
    std::int64_t requests = 0;          ///< telemetry requests in the paid hours for the model served
    std::int64_t tokens = 0;            ///< their tokens, every kind
    std::optional<Cost::BigMoney> unitPrice;          ///< cost per instance hour
    std::optional<Cost::BigMoney> costPer1kRequests;  ///< empty without requests
    std::optional<Cost::BigMoney> costPer1mTokens;    ///< empty without tokens
    std::optional<Cost::BigMoney> apiEquivalentCost;  ///< empty when the catalog has no price or no tokens
    std::optional<std::int64_t> breakEvenRequestsPerMonth; ///< requests / 730 h month at which API = endpoint
    /// busyHours ÷ hours in percent; -1 without hours.
    double utilisationPercent() const;
};

/// Every endpoint (provider, endpoint) with a charge starting in [fromDay, toDay] (day numbers,
/// inclusive; unset = open), most cost first. `catalog` prices the API equivalent (list prices as it
/// resolves them). Reads the caller's connection; false with `error` on a store error.
bool endpointStats(Cost::SqliteDb &db, const Pricing::PriceCatalog &catalog, std::optional<std::int64_t> fromDay,
                   std::optional<std::int64_t> toDay, std::vector<EndpointStats> &out, std::string &error);

/// The canonical model names whose telemetry counts for an endpoint: the model served and the
/// endpoint's own name (clients that call an endpoint by name).
std::set<std::string> matchedModels(const std::string &servedModel, const std::string &endpoint);

/// Where the pay-per-token price of `model` served by an endpoint of `provider` is looked up:
/// (provider, model) — the endpoint provider's own list when the catalog has the model there
/// (SageMaker → Bedrock), else the first provider listing it; dotted versions tried dashed.
std::pair<std::string, std::string> apiPriceTarget(const Pricing::PriceCatalog &catalog, const std::string &provider,
                                                   const std::string &model);

/// Hours as printed: up to six decimals, trailing zeros dropped ("24", "1.5").
std::string formatHours(double hours);

} // namespace Endpoints
