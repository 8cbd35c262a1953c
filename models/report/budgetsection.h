#pragma once

#include "budget/budgetburndown.h"
#include "report/reportsection.h"

#include <vector>

namespace Report {

/// Budgets: every budget's status at the end of the report's range (spent, projected, status)
/// in one table, then a burn-down chart per budget (cumulative actual, forecast cone, the
/// budget and its thresholds).
class BudgetSection : public ReportSection {
public:
    QString title() const override;
    bool prepare(Cost::SqliteDb &db, const ReportData &data, std::string &error) override;
    bool hasContent(const ReportData &data) const override;
    void render(ReportCanvas &canvas) const override;

    const std::vector<Budgets::BurnDown> &budgets() const { return m_budgets; }

private:
    std::vector<Budgets::BurnDown> m_budgets;
    QString m_currency;
};

} // namespace Report
