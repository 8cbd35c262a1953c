#pragma once

#include "pricing/priceadjuster.h"
#include "pricing/pricecatalog.h"
#include "pricing/simulationusage.h"

#include <memory>
#include <string>
#include <vector>

namespace Simulation {

/// The prices of one model over a period: constant between the days a catalog entry starts.
struct PriceTimeline {
    std::vector<std::int64_t> from;            ///< ascending; from[0] is the period start
    std::vector<Pricing::ResolvedPrice> prices;

    /// The prices on `day` (the period's first prices for days before it).
    const Pricing::ResolvedPrice &at(std::int64_t day) const;
};

/// Resolves a model's prices for every day of [fromDay, toDay] (one lookup per price change).
/// With an `adjuster` (contracts), the prices are the ones paid by `account`, list prices kept
/// alongside (ResolvedPrice::listed), and the terms' start and end days are change days too.
PriceTimeline buildTimeline(const Pricing::PriceCatalog &catalog, const std::string &family,
                            const std::vector<std::string> &keys, Pricing::Tier tier, bool longContext,
                            std::int64_t fromDay, std::int64_t toDay, const Pricing::PriceAdjuster *adjuster = nullptr,
                            const std::string &account = {});

/// Tokens of one (provider, model, kind) that have no price: reported loudly, never costed at $0.
struct UnpricedUsage {
    std::string provider;
    std::string model;
    Pricing::Tier tier = Pricing::Tier::Standard;
    Pricing::PriceKind kind = Pricing::PriceKind::Input;
    std::int64_t tokens = 0;
    Cost::BigMoney billed = 0; ///< what the provider billed for the cells left out
    std::int64_t firstDay = 0;
    std::int64_t lastDay = 0;
};

/// Usage with the catalog's prices attached: every group's timeline at each tier, and which
/// cells can be priced. A cell with tokens of a kind its model has no price for on that day is
/// left out of estimates and scenarios (and listed in unpriced()). Immutable after construction:
/// share it across threads; build it again when the usage or the catalog changes.
class PricedUsage {
public:
    /// When the catalog carries contracts (PriceCatalog::adjuster) every price is the contract price.
    PricedUsage(std::shared_ptr<const UsageSnapshot> usage, std::shared_ptr<const Pricing::PriceCatalog> catalog);

    const UsageSnapshot &usage() const { return *m_usage; }
    const Pricing::PriceCatalog &catalog() const { return *m_catalog; }
    /// The contracts the prices follow; nullptr for list prices.
    const Pricing::PriceAdjuster *adjuster() const { return m_catalog->adjuster(); }
    /// The prices of a group's own model at a tier.
    const PriceTimeline &timeline(std::uint32_t group, Pricing::Tier tier) const
    {
        return m_timelines[group * 3 + static_cast<std::size_t>(tier)];
    }
    /// True when every token of the cell has a price.
    bool cellPriced(std::size_t cell) const { return m_cellPriced[cell] != 0; }
    const std::vector<UnpricedUsage> &unpriced() const { return m_unpriced; }

private:
    std::shared_ptr<const UsageSnapshot> m_usage;
    std::shared_ptr<const Pricing::PriceCatalog> m_catalog;
    std::vector<PriceTimeline> m_timelines;
    std::vector<std::uint8_t> m_cellPriced;
    std::vector<UnpricedUsage> m_unpriced;
};

/// Cost numerator (money units × 10⁻⁶) of whole tokens at the prices of `price`; `priced` is
/// cleared when a kind with tokens has no price.
Cost::BigMoney tokenCostNumerator(const std::array<std::int64_t, Pricing::kPriceKindCount> &tokens,
                                  const Pricing::ResolvedPrice &price, bool &priced);

} // namespace Simulation
