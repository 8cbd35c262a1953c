#pragma once

#include <QColor>
#include <QMargins>
#include <QString>
#include <QStringList>

class QCategoryAxis;

/// Looks shared by the spend charts and the table swatches: series colours, axis styling and
/// round money steps. GUI thread (axis functions) or any thread (pure functions).
namespace ChartStyle {

/// The colour of the series ranked `index` (0 = largest); "Other" is always the neutral grey.
QColor seriesColour(int index, bool other = false);
/// A series colour faded for a hidden series' legend marker.
QColor faded(const QColor &colour);

/// Muted axis labels, light grid, labels on values, no truncation.
void styleAxis(QCategoryAxis *axis);
/// Chart margins that leave room for a time label centred on the last point of the x axis
/// (labels sit on their values, so the last one would otherwise be cut at the right edge).
QMargins timeChartMargins();
/// Removes every category of `axis`.
void clearCategories(QCategoryAxis *axis);
/// `label` made distinct from `taken` with invisible zero-width spaces (QCategoryAxis keys
/// categories by label); the result is added to `taken`.
QString uniqueLabel(const QString &label, QStringList &taken);

/// 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
double niceStep(double raw);
/// Decimals needed to print multiples of `step` exactly.
int decimalsFor(double step);

} // namespace ChartStyle
