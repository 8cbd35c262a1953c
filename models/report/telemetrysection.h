#pragma once

#include "report/reportsection.h"
#include "telemetry/coverage.h"
#include "telemetry/telemetrystats.h"

#include <vector>

namespace Report {

/// Application telemetry in the report (issue #24 items 3 and 4): how much of the billed tokens the
/// telemetry accounts for and the days flagged; per feature the billed cost next to requests, cost
/// per 1,000 requests, users, cost per user and p50 / p95 latency; per model the billed cost next to
/// coverage, requests and latency. Left out when the range has no telemetry or the report is
/// filtered (telemetry is not filtered by billing dimensions).
class TelemetrySection : public ReportSection {
public:
    QString title() const override;
    bool prepare(Cost::SqliteDb &db, const ReportData &data, std::string &error) override;
    bool hasContent(const ReportData &data) const override;
    void render(ReportCanvas &canvas) const override;

private:
    bool m_telemetry = false;
    std::vector<Telemetry::CoverageRow> m_coverage;
    std::vector<Telemetry::Stats> m_features;
    std::vector<Telemetry::Stats> m_models;
};

} // namespace Report
