#include "charts/chartstyle.h"

#include <QCategoryAxis>

#include <cmath>
#include <iterator>

namespace ChartStyle {

namespace {

// Distinct hues for the top series (the Overview chart's palette, extended for ten).
const QColor kPalette[] = {QColor(0x3b, 0x6f, 0xd8), QColor(0x1f, 0xa6, 0x8a), QColor(0xf0, 0x9a, 0x2b),
                           QColor(0xd9, 0x4f, 0x7d), QColor(0x7a, 0x5c, 0xd6), QColor(0x2b, 0xa9, 0xc9),
                           QColor(0xe0, 0x5d, 0x4a), QColor(0x8b, 0xb5, 0x3a), QColor(0x9c, 0x6b, 0x4e),
                           QColor(0x4a, 0x5a, 0x78)};
const QColor kOtherColour(0xb4, 0xbb, 0xc4);
const QColor kAxisText(0x5f, 0x6b, 0x7a);
const QColor kGrid(0xe9, 0xec, 0xf0);

} // namespace

QColor seriesColour(int index, bool other)
{
    if (other || index < 0)
        return kOtherColour;
    return kPalette[static_cast<std::size_t>(index) % std::size(kPalette)];
}

QColor faded(const QColor &colour)
{
    QColor c = colour;
    c.setAlphaF(0.25f);
    return c;
}

void styleAxis(QCategoryAxis *axis)
{
    QFont font = axis->labelsFont();
    font.setPointSizeF(8.5);
    axis->setLabelsFont(font);
    axis->setLabelsColor(kAxisText);
    axis->setGridLineColor(kGrid);
    axis->setLinePenColor(kGrid);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setTruncateLabels(false);
}

QMargins timeChartMargins()
{
    // Half the width of the widest date label ("Sep 2026", "Nov 30 12:00") at the axis font size.
    return QMargins(0, 6, 28, 0);
}

void clearCategories(QCategoryAxis *axis)
{
    const QStringList labels = axis->categoriesLabels();
    for (const QString &label : labels)
        axis->remove(label);
}

QString uniqueLabel(const QString &label, QStringList &taken)
{
    QString out = label;
    while (taken.contains(out))
        out += QChar(0x200B);
    taken << out;
    return out;
}

double niceStep(double raw)
{
    if (!(raw > 0))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / magnitude;
    const double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return nice * magnitude;
}

int decimalsFor(double step)
{
    int decimals = 0;
    while (decimals < 6) {
        const double scaled = step * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-6)
            break;
        ++decimals;
    }
    return decimals;
}

} // namespace ChartStyle
