#pragma once

#include "report/reportsection.h"

#include <string>

namespace Report {

/// Spend by one dimension: a summary line, cost over time as stacked bars (top values and
/// "Other"), and a table of every value with share, the previous period and its change.
class SpendSection : public ReportSection {
public:
    /// `dimension` is "model", "feature" or "provider" (the breakdowns ReportData holds).
    SpendSection(std::string dimension, QString title);

    QString title() const override { return m_title; }
    bool hasContent(const ReportData &data) const override;
    void render(ReportCanvas &canvas) const override;

    /// The breakdown of `dimension` in `data`, or nullptr for a dimension the data lacks.
    static const Analytics::Breakdown *breakdownOf(const ReportData &data, const std::string &dimension);

private:
    std::string m_dimension;
    QString m_title;
};

} // namespace Report
