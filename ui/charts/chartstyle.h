#pragma once

#include "format/palette.h"
#include "format/seriescolours.h"

#include <QColor>
#include <QMargins>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

class QAbstractAxis;
class QCategoryAxis;

/// Looks shared by the spend charts and the table swatches: series colours (from the palette),
/// axis styling. GUI thread (axis functions) or any thread (pure functions).
namespace ChartStyle {

/// The colours of one chart's series (largest first) in the current palette: each series keeps
/// its colour for the session (SeriesColours); "Other" is always the neutral grey.
std::vector<QColor> seriesColours(const std::vector<SeriesColours::Series> &series);
/// A series colour faded for a hidden series' legend marker.
QColor faded(const QColor &colour);

/// Axis labels in `labels` (muted by default), light grid, labels on values, no truncation.
void styleAxis(QCategoryAxis *axis, Palette::Role labels = Palette::Role::MutedText);
/// Re-applies the current palette's colours to an axis styled with styleAxis().
void colourAxis(QAbstractAxis *axis);
/// Chart margins that leave room for a time label centred on the last point of the x axis
/// (labels sit on their values, so the last one would otherwise be cut at the right edge).
QMargins timeChartMargins();
/// Removes every category of `axis`.
void clearCategories(QCategoryAxis *axis);
/// `label` made distinct from `taken` with invisible zero-width spaces (QCategoryAxis keys
/// categories by label); the result is added to `taken`.
QString uniqueLabel(const QString &label, QStringList &taken);
/// The legend note on data still arriving: "Partial — data until Dec 5, 9:00 PM" (the date only
/// without `withTime`). `completeUntil` is epoch seconds (UTC, as the time axes).
QString partialNote(std::int64_t completeUntil, bool withTime);

} // namespace ChartStyle
