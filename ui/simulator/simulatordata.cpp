#include "simulator/simulatordata.h"

#include "analytics/analytics.h"
#include "analytics/currency.h"
#include "analytics/freshness.h"
#include "pricing/pricestore.h"
#include "simulation/scenariostore.h"

#include <set>

namespace SimulatorData {

Snapshot load(Cost::Store &store, const Simulation::UsageQuery &query)
{
    Snapshot s;
    if (store.isEmpty())
        return s;
    s.empty = false;
    // A range reaching before the first charge would spread the savings over days without data
    // (and understate them per month): the period starts at the first day with data.
    Simulation::UsageQuery usageQuery = query;
    std::int64_t first = 0, last = 0;
    if (usageQuery.fromDay && Analytics::dataRange(store.db(), first, last) && first > *usageQuery.fromDay
        && (!usageQuery.toDay || first <= *usageQuery.toDay))
        usageQuery.fromDay = first;
    std::string error;
    auto catalog = std::make_shared<Pricing::PriceCatalog>();
    auto usage = std::make_shared<Simulation::UsageSnapshot>();
    if (!Analytics::seriesChoices(store.db(), s.choices, error) || !Simulation::loadScenarios(store.db(), s.scenarios, error)
        || !Pricing::loadCatalog(store.db(), *catalog, error) || !Simulation::loadUsage(store.db(), usageQuery, *usage, error)) {
        s.error = QString::fromStdString(error);
        return s;
    }
    if (usage->currency.empty())
        usage->currency = Analytics::displayCurrency(store.db());
    // The last days may still be arriving: the chart draws them apart.
    Analytics::Freshness freshness;
    if (!freshness.load(store.db(), error)) {
        s.error = QString::fromStdString(error);
        return s;
    }
    s.completeUntil = freshness.completeUntil();
    auto endpoints = std::make_shared<Simulation::EndpointInputs>();
    if (!Simulation::loadEndpointInputs(store.db(), *catalog, *usage, *endpoints, error)) {
        s.error = QString::fromStdString(error);
        return s;
    }
    for (const auto &e : endpoints->endpoints)
        s.endpointNames << QString::fromStdString(e.endpoint);
    s.endpoints = endpoints;
    auto priced = std::make_shared<const Simulation::PricedUsage>(usage, catalog);
    s.estimate = Simulation::estimateVsBilled(*priced);
    s.priced = priced;
    std::set<QString> models, features;
    for (const auto &e : catalog->entries())
        models.insert(QString::fromStdString(e.model));
    for (const auto &g : usage->groups) {
        models.insert(QString::fromStdString(g.model));
        if (!g.feature.empty())
            features.insert(QString::fromStdString(g.feature));
    }
    s.models = QStringList(models.begin(), models.end());
    s.features = QStringList(features.begin(), features.end());
    return s;
}

} // namespace SimulatorData
