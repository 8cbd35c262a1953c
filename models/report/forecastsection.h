#pragma once

#include "forecast/forecastview.h"
#include "report/reportsection.h"

#include <vector>

namespace Report {

/// Forecasts: the month-end projection and backtest accuracy of total spend (or of the report's
/// one filtered series), its daily chart with 80% / 95% bands, and a table of month-end
/// projections for the largest providers, models and features. A forecast follows the report's
/// period: a period that ends before the store's last complete day (November's report read in
/// December) is closed, and the section is left out rather than forecast what came after.
class ForecastSection : public ReportSection {
public:
    /// The horizon drawn (days after the store's last complete day).
    static constexpr int kHorizon = 30;

    QString title() const override;
    bool prepare(Cost::SqliteDb &db, const ReportData &data, std::string &error) override;
    bool hasContent(const ReportData &data) const override;
    void render(ReportCanvas &canvas) const override;

    const Analytics::ForecastView &main() const { return m_main; }

    /// Whether a forecast from `view` follows a period ending on `toDay` (the period reaches the
    /// store's last complete day), rather than one that is already closed.
    static bool followsPeriod(const Analytics::ForecastView &view, std::int64_t toDay);

private:
    Analytics::ForecastView m_main;
    std::vector<Analytics::ForecastView> m_rows;
    bool m_followsPeriod = false;
};

} // namespace Report
