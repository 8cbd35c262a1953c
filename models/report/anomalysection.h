#pragma once

#include "anomaly/anomalyscan.h"
#include "anomaly/rootcause.h"
#include "report/reportsection.h"

#include <vector>

namespace Report {

/// The anomalies of the report's range: a summary, the largest ones as bars of their impact, a
/// table (when, series, expected, actual, impact, status) and the root cause of the largest.
/// Reads the stored anomalies (scanning first when the store changed since the last scan).
class AnomalySection : public ReportSection {
public:
    QString title() const override;
    bool prepare(Cost::SqliteDb &db, const ReportData &data, std::string &error) override;
    void render(ReportCanvas &canvas) const override;

private:
    std::vector<Analytics::Anomaly> m_anomalies; ///< largest |impact| first
};

} // namespace Report
