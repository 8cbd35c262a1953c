#pragma once

#include "format/palette.h"

#include <QColor>
#include <QString>

#include <vector>

/// The one assignment of palette colours to series (a model, provider, feature, team) for the
/// session: a series keeps the colour it was first drawn in across ranges, drill-downs, pages
/// and the report, instead of taking the colour of its rank in each chart. Within one chart no
/// two series share a colour while the palette has one left; "Other" is always SeriesOther.
///
/// Threading contract: safe on any thread (the session table is guarded by a mutex); the charts
/// call it on the GUI thread, the report on its worker.
namespace SeriesColours {

/// One series of a chart, as the chart ranks it (largest first).
struct Series {
    QString key;        ///< the dimension value ("gpt-4o"; "" = none / unallocated)
    bool other = false; ///< the "Other" bucket
};

/// The palette slot (0 .. Palette::kSeriesCount - 1) of each series, -1 for "Other". A series
/// seen before keeps its slot unless a larger series of the same chart holds it; a new series
/// takes the free slot used least in the session and keeps it from then on.
std::vector<int> assign(const std::vector<Series> &series);
/// assign()'s slots as colours of `palette`.
std::vector<QColor> colours(const Palette &palette, const std::vector<Series> &series);
/// Forgets every assignment (a new session; tests).
void reset();

} // namespace SeriesColours
