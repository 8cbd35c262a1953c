#include "charts/chartaxes.h"

#include "charts/chartstyle.h"
#include "charts/timeticks.h"
#include "format/axisticks.h"
#include "format/format.h"

#include <QCategoryAxis>

#include <algorithm>
#include <cmath>

namespace ChartAxes {

namespace {

constexpr double kEdgeShare = 0.04; // about half a date label on a chart of the usual width

} // namespace

void fillTimeAxis(QCategoryAxis *axis, const std::vector<qint64> &bucketStarts, Analytics::Grain grain, int maxTicks,
                  double origin)
{
    ChartStyle::clearCategories(axis);
    QStringList taken;
    // A label is centred on its tick: one in the last few percent of the axis would be cut at the
    // chart's right edge ("Jan 4, 20…"), so it is left out.
    const double last = static_cast<double>(bucketStarts.size()) - 1.0;
    for (const TimeTicks::Tick &tick : TimeTicks::ticks(bucketStarts, grain, maxTicks))
        if (bucketStarts.size() < 2 || last - static_cast<double>(tick.bucket) >= kEdgeShare * last)
            axis->append(ChartStyle::uniqueLabel(tick.label, taken), origin + tick.bucket);
}

void fillMoneyAxis(QCategoryAxis *axis, double max, int maxTicks, const QString &currency)
{
    ChartStyle::clearCategories(axis);
    const double step = AxisTicks::niceStep(std::max(max, 1e-9) / std::max(1, maxTicks));
    const int steps = std::max(1, static_cast<int>(std::ceil(max / step - 1e-9)));
    const double top = max > 0 ? step * steps : 1.0;
    const int decimals = AxisTicks::decimalsFor(step);
    axis->setRange(0, top);
    axis->setStartValue(0);
    QStringList taken;
    for (int i = 0; i <= steps; ++i)
        axis->append(ChartStyle::uniqueLabel(Format::unitMoney(step * i, currency, decimals), taken), step * i);
}

} // namespace ChartAxes
