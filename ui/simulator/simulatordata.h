#pragma once

#include "forecast/forecastview.h"
#include "pricing/pricedusage.h"
#include "pricing/pricingestimate.h"
#include "simulation/endpointsteps.h"
#include "simulation/scenario.h"
#include "store/store.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

/// What the Simulator page reads from the store in one load: filter choices, saved scenarios,
/// the usage of the period priced with the catalog, estimated vs billed, and the model and
/// feature names its editors offer. Built on a worker thread; a value the GUI thread keeps.
namespace SimulatorData {

struct Snapshot {
    bool empty = true;
    QString error;
    std::vector<Analytics::SeriesRef> choices;
    std::vector<Simulation::Scenario> scenarios;
    std::shared_ptr<const Simulation::PricedUsage> priced;
    std::shared_ptr<const Simulation::EndpointInputs> endpoints; ///< hour-billed endpoints of the period
    Simulation::EstimateReport estimate;
    QStringList models;
    QStringList features;
    QStringList endpointNames;
    std::int64_t completeUntil = 0; ///< all spend is complete up to here (Analytics::Freshness); 0 when empty
};

/// Loads everything for `usage` with the caller's connection (any thread).
Snapshot load(Cost::Store &store, const Simulation::UsageQuery &usage);

} // namespace SimulatorData
