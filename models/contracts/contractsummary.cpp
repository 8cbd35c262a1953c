#include "contracts/contractsummary.h"

#include "contracts/contractstore.h"
#include "pricing/pricedusage.h"
#include "pricing/pricestore.h"
#include "pricing/pricingestimate.h"

#include <algorithm>
#include <memory>

namespace Contracts {

bool summarize(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, const std::vector<Analytics::Filter> &filters,
               std::int64_t asOfDay, Summary &out, std::string &error)
{
    out = Summary{};
    std::vector<Contract> contracts;
    if (!loadContracts(db, contracts, error))
        return false;
    if (contracts.empty())
        return true;
    out.any = true;
    auto catalog = std::make_shared<Pricing::PriceCatalog>();
    auto usage = std::make_shared<Simulation::UsageSnapshot>();
    Simulation::UsageQuery query;
    query.fromDay = fromDay;
    query.toDay = toDay;
    query.filters = filters;
    if (!Pricing::loadCatalog(db, *catalog, error) || !Simulation::loadUsage(db, query, *usage, error))
        return false;
    const Simulation::EstimateReport report = Simulation::estimateVsBilled(Simulation::PricedUsage(usage, catalog));
    out.currency = report.currency;
    for (const Simulation::EstimateRow &row : report.rows) {
        if (row.unpriced || row.notItemised)
            continue; // no like-for-like estimate to put beside the bill
        auto it = std::find_if(out.pricing.begin(), out.pricing.end(), [&](const ProviderPricing &p) { return p.provider == row.provider; });
        if (it == out.pricing.end())
            it = out.pricing.insert(out.pricing.end(), ProviderPricing{row.provider, 0, 0, 0});
        it->billed += row.billed;
        it->contract += row.estimated;
        it->list += row.listEstimated;
    }
    std::stable_sort(out.pricing.begin(), out.pricing.end(), [](const ProviderPricing &a, const ProviderPricing &b) { return a.billed > b.billed; });
    return buildStatement(db, contracts, fromDay, toDay, asOfDay, out.statement, error);
}

} // namespace Contracts
