#include "pricing/pricedusage.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace Simulation {

const Pricing::ResolvedPrice &PriceTimeline::at(std::int64_t day) const
{
    if (from.size() == 1)
        return prices.front();
    const auto it = std::upper_bound(from.begin(), from.end(), day);
    return prices[it == from.begin() ? 0 : static_cast<std::size_t>(it - from.begin() - 1)];
}

PriceTimeline buildTimeline(const Pricing::PriceCatalog &catalog, const std::string &family,
                            const std::vector<std::string> &keys, Pricing::Tier tier, bool longContext,
                            std::int64_t fromDay, std::int64_t toDay, const Pricing::PriceAdjuster *adjuster,
                            const std::string &account)
{
    PriceTimeline t;
    t.from.push_back(fromDay);
    for (const std::int64_t d : catalog.changeDays(keys))
        if (d > fromDay && d <= toDay)
            t.from.push_back(d);
    const Pricing::PriceScope scope{family, account, keys, tier};
    if (adjuster) {
        for (const std::int64_t d : adjuster->changeDays(scope))
            if (d > fromDay && d <= toDay)
                t.from.push_back(d);
        std::sort(t.from.begin(), t.from.end());
        t.from.erase(std::unique(t.from.begin(), t.from.end()), t.from.end());
    }
    for (const std::int64_t d : t.from) {
        t.prices.push_back(catalog.resolveKeys(family, keys, d, tier, longContext));
        if (adjuster)
            adjuster->adjust(scope, d, t.prices.back());
    }
    return t;
}

Cost::BigMoney tokenCostNumerator(const std::array<std::int64_t, Pricing::kPriceKindCount> &tokens,
                                  const Pricing::ResolvedPrice &price, bool &priced)
{
    Cost::BigMoney n = 0;
    for (int k = 0; k < Pricing::kPriceKindCount; ++k) {
        const auto t = tokens[static_cast<std::size_t>(k)];
        if (t == 0)
            continue;
        if (!price.has(static_cast<Pricing::PriceKind>(k)))
            priced = false;
        n += static_cast<Cost::BigMoney>(t) * price.perMillion[static_cast<std::size_t>(k)];
    }
    return n;
}

PricedUsage::PricedUsage(std::shared_ptr<const UsageSnapshot> usage, std::shared_ptr<const Pricing::PriceCatalog> catalog)
    : m_usage(std::move(usage))
    , m_catalog(std::move(catalog))
{
    const UsageSnapshot &u = *m_usage;
    m_timelines.reserve(u.groups.size() * 3);
    for (const auto &g : u.groups)
        for (const auto tier : {Pricing::Tier::Standard, Pricing::Tier::Batch, Pricing::Tier::Priority})
            m_timelines.push_back(
                buildTimeline(*m_catalog, g.family, g.keys, tier, g.longContext, u.fromDay, u.toDay, adjuster(), g.account));

    std::map<std::tuple<std::string, std::string, int, int>, UnpricedUsage> unpriced;
    m_cellPriced.resize(u.cells.size());
    for (std::size_t i = 0; i < u.cells.size(); ++i) {
        const UsageCell &c = u.cells[i];
        const UsageGroup &g = u.groups[c.group];
        const Pricing::ResolvedPrice &p = timeline(c.group, g.tier).at(c.day);
        bool ok = true;
        for (int k = 0; k < Pricing::kPriceKindCount; ++k) {
            if (c.tokens[static_cast<std::size_t>(k)] == 0 || p.has(static_cast<Pricing::PriceKind>(k)))
                continue;
            ok = false;
            auto &x = unpriced[{g.provider, g.model, static_cast<int>(g.tier), k}];
            if (x.model.empty()) {
                x = {g.provider, g.model, g.tier, static_cast<Pricing::PriceKind>(k), 0, 0, c.day, c.day};
            }
            x.tokens += c.tokens[static_cast<std::size_t>(k)];
            x.firstDay = std::min(x.firstDay, c.day);
            x.lastDay = std::max(x.lastDay, c.day);
        }
        m_cellPriced[i] = ok ? 1 : 0;
        if (!ok) {
            // The whole cell's bill is left out; attribute it to the first unpriced kind's row.
            for (int k = 0; k < Pricing::kPriceKindCount; ++k)
                if (c.tokens[static_cast<std::size_t>(k)] != 0 && !p.has(static_cast<Pricing::PriceKind>(k))) {
                    unpriced[{g.provider, g.model, static_cast<int>(g.tier), k}].billed += c.billed;
                    break;
                }
        }
    }
    for (auto &[key, value] : unpriced)
        m_unpriced.push_back(std::move(value));
    std::sort(m_unpriced.begin(), m_unpriced.end(), [](const UnpricedUsage &a, const UnpricedUsage &b) {
        return a.billed != b.billed ? a.billed > b.billed : a.tokens > b.tokens;
    });
}

} // namespace Simulation
