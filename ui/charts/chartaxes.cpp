#include "charts/chartaxes.h"

#include "charts/chartstyle.h"
#include "charts/timeticks.h"
#include "format/axisticks.h"
#include "format/format.h"

#include <QCategoryAxis>

#include <algorithm>
#include <cmath>

namespace ChartAxes {

void fillTimeAxis(QCategoryAxis *axis, const std::vector<qint64> &bucketStarts, Analytics::Grain grain, int maxTicks,
                  double origin)
{
    ChartStyle::clearCategories(axis);
    QStringList taken;
    for (const TimeTicks::Tick &tick : TimeTicks::ticks(bucketStarts, grain, maxTicks))
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
