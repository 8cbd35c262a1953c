#pragma once

#include "recommend/recommend.h"
#include "recommend/recommendstate.h"
#include "report/reportsection.h"

#include <map>
#include <string>
#include <vector>

namespace Report {

/// Savings recommendations in the report: the opportunities found in the report's range (each
/// priced by the scenario engine, as `burnrate recommend` gives them) with their evidence and the
/// user's Dismiss / Snooze, and the ones already realised with their measured saving. Reads only;
/// what the store remembers is written by the Recommendations page.
class RecommendationSection : public ReportSection {
public:
    QString title() const override;
    bool prepare(Cost::SqliteDb &db, const ReportData &data, std::string &error) override;
    bool hasContent(const ReportData &data) const override;
    void render(ReportCanvas &canvas) const override;

private:
    std::vector<Recommend::Recommendation> m_found;
    std::map<std::string, Recommend::Tracked> m_tracked;
    std::int64_t m_today = 0;
};

/// Registers the section (id "recommendations", order kOrderRecommendations) for every later report.
void registerRecommendationSection();

} // namespace Report
