#pragma once

#include "budget/budgetburndown.h"
#include "forecast/forecastview.h"
#include "format/palette.h"

#include <QColor>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <vector>

class QPainter;

/// A daily line with a forecast inside 80% / 95% bands and horizontal reference lines (a budget
/// and its thresholds): the data behind the Forecast page chart, the budget burn-down and their
/// report charts, and the QPainter drawing used by the report. Pure; any thread.
namespace BandChart {

struct Line {
    double value = 0.0;
    QString label;
    Palette::Role colour = Palette::Role::Threshold; ///< the window draws the current palette's, the report the light one
    bool dashed = true;
};

struct Data {
    std::int64_t firstDay = 0;    ///< day number of index 0
    std::vector<double> actual;   ///< per day; NaN where unknown
    std::vector<double> forecast; ///< per day; NaN where not forecast
    std::vector<double> lo80, hi80, lo95, hi95;
    std::vector<Line> lines;
    QString actualName;
    QString forecastName;
    QString currency;

    std::size_t days() const { return std::max(actual.size(), forecast.size()); }
};

/// A forecast view as chart data: history from `fromDay` (but at least `minHistoryDays` before the
/// forecast), the forecast joined to the last known day, bands clipped at zero.
Data fromForecastView(const Analytics::ForecastView &view, std::int64_t fromDay, int minHistoryDays = 90);

/// A burn-down as chart data: cumulative actual, the cone, the budget and threshold lines.
Data fromBurnDown(const Budgets::BurnDown &burnDown, const QString &currency);

/// The colour of a threshold line, escalating towards the budget's red so that 50%, 80% and
/// 90% read apart: below 75% the quiet threshold grey, then the warning ochre, from 90% the
/// caution orange, above 100% the budget's own red.
Palette::Role thresholdRole(int percent);

/// Draws `data` in `rect` (`unit` device units per point) with a money axis, date labels and a
/// legend below, in the light palette (paper). False when there is nothing to draw.
bool draw(QPainter &painter, const QRectF &rect, double unit, const Data &data);

} // namespace BandChart
