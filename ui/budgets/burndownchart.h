#pragma once

#include "budget/budgetburndown.h"
#include "forecasts/forecastchart.h"

/// A budget's burn-down: cumulative actual spend, the cumulative forecast cone (80% / 95%) to
/// the end of the period, the budget line and a dotted line per threshold below 100%.
class BurnDownChart : public ForecastChart {
    Q_OBJECT
public:
    explicit BurnDownChart(QWidget *parent = nullptr);

    /// Shows `burnDown` (money in `currency`).
    void setBurnDown(const Budgets::BurnDown &burnDown, const QString &currency);

    /// The chart data for `burnDown` (pure; for tests and the report).
    static Data dataFor(const Budgets::BurnDown &burnDown, const QString &currency);
};
