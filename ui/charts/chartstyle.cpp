#include "charts/chartstyle.h"

#include "format/dates.h"
#include "format/format.h"
#include "shell/style.h"

#include <QCategoryAxis>
#include <QCoreApplication>
#include <QTime>
#include <QVariant>

namespace ChartStyle {

namespace {

const char kLabelRole[] = "burnrateLabelRole";

} // namespace

std::vector<QColor> seriesColours(const std::vector<SeriesColours::Series> &series)
{
    return SeriesColours::colours(Palette::current(), series);
}

QColor faded(const QColor &colour)
{
    QColor c = colour;
    c.setAlphaF(0.25f);
    return c;
}

void styleAxis(QCategoryAxis *axis, Palette::Role labels)
{
    QFont font = axis->labelsFont();
    font.setPointSizeF(Style::points(8.5));
    axis->setLabelsFont(font);
    axis->setProperty(kLabelRole, static_cast<int>(labels));
    colourAxis(axis);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setTruncateLabels(false);
}

void colourAxis(QAbstractAxis *axis)
{
    const QVariant role = axis->property(kLabelRole);
    if (!role.isValid())
        return;
    const Palette &palette = Palette::current();
    axis->setLabelsColor(palette.colour(static_cast<Palette::Role>(role.toInt())));
    axis->setGridLineColor(palette.colour(Palette::Role::Grid));
    axis->setLinePenColor(palette.colour(Palette::Role::Grid));
}

QMargins timeChartMargins()
{
    // Half the width of the widest date label ("Sep 2026", "Nov 30 12:00", "Jan 4, 2027": 64 px)
    // at the axis font size, so a label on the last tick is not cut (tst_smallwindow checks).
    return QMargins(0, 6, 36, 0);
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

QString partialNote(std::int64_t completeUntil, bool withTime)
{
    const QString date = Format::shortDate(completeUntil / 86400);
    const QTime time = QTime(0, 0).addSecs(static_cast<int>(completeUntil % 86400));
    if (!withTime)
        return QCoreApplication::translate("ChartStyle", "Partial \u2014 data until %1").arg(date);
    return QCoreApplication::translate("ChartStyle", "Partial \u2014 data until %1, %2")
        .arg(date, Format::locale().toString(time, QLocale::ShortFormat));
}

} // namespace ChartStyle
