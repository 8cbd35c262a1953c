#include "recommend/recommendscan.h"

#include "pricing/pricestore.h"
#include "simulation/trafficprofile.h"

namespace Recommend {

bool scan(Cost::SqliteDb &db, const Simulation::UsageQuery &query, Scan &out, std::string &error)
{
    out = Scan();
    auto catalog = std::make_shared<Pricing::PriceCatalog>();
    auto usage = std::make_shared<Simulation::UsageSnapshot>();
    if (!Pricing::loadCatalog(db, *catalog, error) || !Simulation::loadUsage(db, query, *usage, error))
        return false;
    Simulation::TrafficProfiles profiles;
    if (!Simulation::loadTrafficProfiles(db, usage->fromDay, usage->toDay, profiles, error))
        return false;
    auto priced = std::make_shared<const Simulation::PricedUsage>(usage, catalog);
    out.found = recommend(*priced, &profiles);
    out.usage = usage;
    out.priced = priced;
    return true;
}

} // namespace Recommend
