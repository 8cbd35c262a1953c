#pragma once

#include "analytics/breakdown.h"

#include <QColor>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>
#include <vector>

class QPainter;

/// Charts for reports, drawn with QPainter only (burnrate_core has no QtCharts): stacked bars
/// over time and horizontal bars, each with real axes — round tick steps, grid lines and
/// QLocale money labels. Text is drawn as text, so it stays text in a PDF or SVG.
/// Pure drawing, safe on any thread that owns the painter.
namespace ReportChart {

/// The colours of series `keys` (largest first) on paper (the light palette), the session's
/// assignment (SeriesColours) so a model has the colour the window gave it; keys from `otherFrom`
/// on are "Other" (the neutral grey).
std::vector<QColor> seriesColours(const std::vector<std::string> &keys, std::size_t otherFrom = SIZE_MAX);

/// One horizontal bar.
struct Bar {
    QString label;
    double value = 0;  ///< currency units (drawing only)
    QString valueText; ///< printed at the end of the bar (exact money, share…)
    QColor colour;
};

/// Cost over time: one stacked bar per bucket of `data` (series bottom first, "Other" grey),
/// a money axis on the left, calendar labels below and a legend under the plot. `unit` is
/// device units per point. Returns false when there is nothing to draw.
bool drawStackedBars(QPainter &painter, const QRectF &rect, double unit, const Analytics::Breakdown &data,
                     const QString &currency);

/// Horizontal bars, top first, with names on the left, a value axis below (including zero
/// when values are negative) and each bar's `valueText` beside it.
void drawHorizontalBars(QPainter &painter, const QRectF &rect, double unit, const std::vector<Bar> &bars,
                        const QString &currency, const QString &axisTitle);

} // namespace ReportChart
