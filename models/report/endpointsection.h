#pragma once

#include "endpoints/endpointstats.h"
#include "report/reportsection.h"

#include <vector>

namespace Report {

/// Self-hosted endpoints in the report: the hour-billed endpoints of the report's range with the
/// Endpoints page's table (hours, cost, utilisation, idle cost, cost per 1k requests, API-equivalent
/// cost, break-even) and each one's comparison with the pay-per-token API. Left out when the range
/// has no endpoint. Reads only.
class EndpointSection : public ReportSection {
public:
    QString title() const override;
    bool prepare(Cost::SqliteDb &db, const ReportData &data, std::string &error) override;
    bool hasContent(const ReportData &data) const override;
    void render(ReportCanvas &canvas) const override;

private:
    std::vector<Endpoints::EndpointStats> m_endpoints;
};

/// Registers the section (id "endpoints", order kOrderEndpoints) for every later report.
void registerEndpointSection();

} // namespace Report
