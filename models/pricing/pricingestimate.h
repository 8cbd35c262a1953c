#pragma once

#include "pricing/pricedusage.h"

#include <array>
#include <cmath>
#include <string>
#include <vector>

/// Estimated vs billed: the usage's tokens × the catalog's prices of each day, next to what the
/// provider billed, so pricing mistakes and unexpected charges surface.
namespace Simulation {

struct EstimateRow {
    std::string provider;
    std::string model;
    Pricing::Tier tier = Pricing::Tier::Standard;
    std::array<std::int64_t, Pricing::kPriceKindCount> tokens{};
    Cost::BigMoney billed = 0;    ///< everything billed for these tokens (priced or not)
    Cost::BigMoney estimated = 0; ///< of the priced cells only
    Cost::BigMoney listEstimated = 0; ///< the same at list prices (= estimated without contracts)
    bool contract = false;        ///< some of `estimated` is priced by a contract (PricedUsage's adjuster)
    bool unpriced = false;        ///< some tokens had no price (they are not in `estimated`)
    /// Tokens with no cost billed for them in the whole period: the source bills them without a
    /// model (OpenAI's costs endpoint without line items: the money sits on a model-less row).
    /// Estimated for information, left out of the report's totals and never a mismatch.
    bool notItemised = false;
    bool mismatch = false;        ///< |billed − estimated| above 0.5% of the estimate and one cent

    /// billed − estimated.
    Cost::BigMoney gap() const { return billed - estimated; }
    /// The gap in percent of the estimate; NaN when nothing was estimated.
    double gapPercent() const
    {
        return estimated == 0 ? std::nan("") : Cost::toDouble(gap()) / Cost::toDouble(estimated) * 100.0;
    }
};

struct DayEstimate {
    std::int64_t day = 0;
    Cost::BigMoney billed = 0;
    Cost::BigMoney estimated = 0;
    bool unusual = false; ///< the gap departs from the period's usual gap (flagUnusualDays)
};

struct EstimateReport {
    std::int64_t fromDay = 0;
    std::int64_t toDay = 0;
    std::string currency;
    std::vector<EstimateRow> rows;       ///< per (provider, model, tier), billed descending
    std::vector<DayEstimate> days;       ///< every day of the period (priced cells)
    Cost::BigMoney billed = 0;           ///< token charges whose usage could be priced
    Cost::BigMoney estimated = 0;
    Cost::BigMoney unpricedBilled = 0;   ///< token charges left out (unpriced)
    Cost::BigMoney notItemisedEstimated = 0; ///< catalog estimate of the notItemised rows (left out)
    Cost::BigMoney otherBilled = 0;      ///< charges that are not token charges
    std::vector<UnpricedUsage> unpriced;
    double usualGapPercent = std::nan(""); ///< the median daily gap in percent; NaN without estimated days

    Cost::BigMoney gap() const { return billed - estimated; }
};

/// Compares the catalog's estimate with the bill, per model and per day.
EstimateReport estimateVsBilled(const PricedUsage &priced);

/// True when `billed` and `estimated` differ by more than 0.5% of the estimate and one cent.
bool isMismatch(Cost::BigMoney billed, Cost::BigMoney estimated);

/// Marks the days whose gap departs from the usual one: the median of the daily gaps (in percent
/// of the estimate) is the baseline, and a day is unusual when its bill is more than 0.5% of its
/// estimate and one cent away from estimate × (1 + usual gap). A steady discount (every day
/// −2.5%) flags nothing; the one day that differs is flagged. Returns the usual gap in percent
/// (NaN when no day has an estimate).
double flagUnusualDays(std::vector<DayEstimate> &days);

} // namespace Simulation
