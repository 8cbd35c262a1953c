#pragma once

#include "pricing/pricedusage.h"
#include "recommend/recommend.h"
#include "store/sqlitedb.h"

#include <memory>
#include <string>
#include <vector>

namespace Recommend {

/// One scan of a period, as the command line, the page and the report all run it: the period's
/// usage priced with the store's catalog, the hourly traffic profiles, and what the rules find.
struct Scan {
    std::shared_ptr<const Simulation::UsageSnapshot> usage;
    std::shared_ptr<const Simulation::PricedUsage> priced;
    std::vector<Recommendation> found;
};

/// Scans `query`'s period of the store. Safe on any thread with its own connection; false with
/// `error` on a store error or a bad filter.
bool scan(Cost::SqliteDb &db, const Simulation::UsageQuery &query, Scan &out, std::string &error);

} // namespace Recommend
