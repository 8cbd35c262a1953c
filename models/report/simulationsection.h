#pragma once

#include "pricing/pricingestimate.h"
#include "report/reportsection.h"
#include "simulation/scenarioengine.h"

#include <vector>

namespace Report {

/// Prices and scenarios in the report: the catalog's estimate next to the bill (per model, with
/// the gap), the models that have no price (never counted as $0), and every saved scenario's
/// savings over the report's range with its low–high band.
class SimulationSection : public ReportSection {
public:
    QString title() const override;
    bool prepare(Cost::SqliteDb &db, const ReportData &data, std::string &error) override;
    bool hasContent(const ReportData &data) const override;
    void render(ReportCanvas &canvas) const override;

private:
    Simulation::EstimateReport m_estimate;
    std::vector<Simulation::ScenarioResult> m_scenarios;
};

/// Registers the section (id "simulations", order kOrderSimulations) for every later report.
void registerSimulationSection();

} // namespace Report
