#pragma once

#include "anomaly/anomalyscan.h"
#include "anomaly/incidents.h"
#include "anomaly/rootcause.h"
#include "report/reportsection.h"

#include <vector>

namespace Report {

/// The anomalies that start in the report's range, grouped into incidents so an incident's money
/// is counted once (Analytics::groupIncidents): a summary, the largest incidents as bars of their
/// impact, their root causes with the other series they showed in, and a table of incidents.
/// Reads the stored anomalies (scanning first when the store changed since the last scan).
class AnomalySection : public ReportSection {
public:
    QString title() const override;
    bool prepare(Cost::SqliteDb &db, const ReportData &data, std::string &error) override;
    void render(ReportCanvas &canvas) const override;
    /// The incidents shown (largest |impact| first).
    const std::vector<Analytics::Incident> &incidents() const { return m_incidents; }

private:
    std::vector<Analytics::Incident> m_incidents; ///< largest |impact| first
    std::size_t m_anomalies = 0;                  ///< anomalies in all incidents
    int m_expected = 0;                           ///< of them marked expected
};

} // namespace Report
