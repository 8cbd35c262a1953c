#include "report/reportchart.h"

#include "domain/timeparse.h"
#include "format/axisticks.h"
#include "format/format.h"
#include "format/palette.h"
#include "format/seriescolours.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace ReportChart {

namespace {

// Paper is white: the report always prints the light palette, in the window's hues.
QColor paper(Palette::Role role)
{
    return Palette::light().colour(role);
}

constexpr int kTargetTicks = 5;

QFont chartFont(double points, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

struct Axis {
    double min = 0;
    double max = 1;
    double step = 1;
    int decimals = 0;
};

// Round ticks covering [low, high] (zero always included).
Axis niceAxis(double low, double high)
{
    low = std::min(0.0, low);
    high = std::max(0.0, high);
    if (high - low <= 0)
        high = low + 1;
    Axis axis;
    axis.step = AxisTicks::niceStep((high - low) / kTargetTicks);
    axis.min = std::floor(low / axis.step + 1e-9) * axis.step;
    axis.max = std::ceil(high / axis.step - 1e-9) * axis.step;
    if (axis.max <= axis.min)
        axis.max = axis.min + axis.step;
    axis.decimals = AxisTicks::decimalsFor(axis.step);
    return axis;
}

QString bucketLabel(std::int64_t epochSeconds, Analytics::Grain grain)
{
    const QDateTime t = QDateTime::fromSecsSinceEpoch(epochSeconds, QTimeZone::utc());
    const QLocale loc = Format::locale();
    switch (grain) {
    case Analytics::Grain::Hour: return loc.toString(t, QStringLiteral("HH:mm"));
    case Analytics::Grain::Day:
    case Analytics::Grain::Week: return loc.toString(t.date(), Format::monthDayFormat(false));
    case Analytics::Grain::Month: return loc.toString(t.date(), QStringLiteral("MMM yyyy"));
    }
    return {};
}

QString seriesLabel(const std::string &key)
{
    return key.empty() ? Format::noneLabel() : QString::fromStdString(key);
}

} // namespace

std::vector<QColor> seriesColours(const std::vector<std::string> &keys, std::size_t otherFrom)
{
    std::vector<SeriesColours::Series> series;
    series.reserve(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i)
        series.push_back({QString::fromStdString(keys[i]), i >= otherFrom});
    return SeriesColours::colours(Palette::light(), series);
}

bool drawStackedBars(QPainter &painter, const QRectF &rect, double unit, const Analytics::Breakdown &data,
                     const QString &currency)
{
    const std::size_t buckets = data.bucketStarts.size();
    const std::size_t series = data.seriesNames.size();
    if (buckets == 0 || series == 0)
        return false;
    const std::size_t top = std::min<std::size_t>(static_cast<std::size_t>(std::max(0, data.query.topN)), data.rows.size());
    const std::vector<QColor> colours = seriesColours(data.seriesNames, top);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QFont tickFont = chartFont(7);
    const QFontMetricsF tm(tickFont, painter.device());

    // Legend under the plot, wrapped into rows.
    const double swatch = 7 * unit, gap = 12 * unit;
    std::vector<QRectF> legendItems(series);
    double lx = 0, ly = 0;
    const double legendLine = tm.lineSpacing() + 3 * unit;
    for (std::size_t s = 0; s < series; ++s) {
        const double w = swatch + 4 * unit + tm.horizontalAdvance(seriesLabel(data.seriesNames[s]));
        if (lx > 0 && lx + w > rect.width()) {
            lx = 0;
            ly += legendLine;
        }
        legendItems[s] = QRectF(lx, ly, w, legendLine);
        lx += w + gap;
    }
    const double legendHeight = ly + legendLine;

    std::vector<double> totals(buckets, 0.0);
    for (std::size_t s = 0; s < series; ++s)
        for (std::size_t b = 0; b < buckets && b < data.seriesValues[s].size(); ++b)
            totals[b] += std::max(0.0, data.seriesValues[s][b]);
    const Axis axis = niceAxis(0, *std::max_element(totals.begin(), totals.end()));

    double labelWidth = 0;
    for (double v = axis.min; v <= axis.max + axis.step / 2; v += axis.step)
        labelWidth = std::max(labelWidth, tm.horizontalAdvance(Format::unitMoney(v, currency, axis.decimals)));
    const QRectF plot(rect.left() + labelWidth + 6 * unit, rect.top() + tm.height() / 2, 0, 0);
    QRectF area(plot.topLeft(), QPointF(rect.right() - 4 * unit, rect.bottom() - legendHeight - tm.lineSpacing() - 10 * unit));
    if (area.height() < 20 * unit || area.width() < 40 * unit) {
        painter.restore();
        return false;
    }
    auto yOf = [&](double v) { return area.bottom() - (v - axis.min) / (axis.max - axis.min) * area.height(); };

    // Grid and money labels.
    painter.setFont(tickFont);
    for (double v = axis.min; v <= axis.max + axis.step / 2; v += axis.step) {
        const double y = yOf(v);
        painter.setPen(QPen(paper(Palette::Role::Grid), 0.6 * unit));
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        painter.setPen(paper(Palette::Role::MutedText));
        painter.drawText(QRectF(rect.left(), y - tm.height() / 2, labelWidth, tm.height()), Qt::AlignRight | Qt::AlignVCenter,
                         Format::unitMoney(v, currency, axis.decimals));
    }

    // Bars: each bucket a stack, largest series at the bottom, "Other" on top.
    const double slot = area.width() / static_cast<double>(buckets);
    const double barWidth = slot > 3 * unit ? slot * 0.72 : slot;
    for (std::size_t b = 0; b < buckets; ++b) {
        double base = 0;
        const double x = area.left() + slot * static_cast<double>(b) + (slot - barWidth) / 2;
        for (std::size_t s = 0; s < series; ++s) {
            const double v = b < data.seriesValues[s].size() ? std::max(0.0, data.seriesValues[s][b]) : 0.0;
            if (v <= 0)
                continue;
            const double y0 = yOf(base), y1 = yOf(base + v);
            painter.fillRect(QRectF(x, y1, barWidth, y0 - y1), colours[s]);
            base += v;
        }
    }
    painter.setPen(QPen(paper(Palette::Role::AxisLine), 0.8 * unit));
    painter.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()));

    // Bucket labels, every k-th so that they never touch, with a tick under each.
    double widest = 0;
    for (std::size_t b = 0; b < buckets; ++b)
        widest = std::max(widest, tm.horizontalAdvance(bucketLabel(data.bucketStarts[b], data.query.grain)));
    const std::size_t stride = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((widest + 8 * unit) / slot)));
    painter.setPen(paper(Palette::Role::MutedText));
    for (std::size_t b = 0; b < buckets; b += stride) {
        const double cx = area.left() + slot * (static_cast<double>(b) + 0.5);
        const QString label = bucketLabel(data.bucketStarts[b], data.query.grain);
        const double w = tm.horizontalAdvance(label);
        const double left = std::clamp(cx - w / 2, rect.left(), rect.right() - w);
        painter.setPen(QPen(paper(Palette::Role::AxisLine), 0.6 * unit));
        painter.drawLine(QPointF(cx, area.bottom()), QPointF(cx, area.bottom() + 3 * unit));
        painter.setPen(paper(Palette::Role::MutedText));
        painter.drawText(QRectF(left, area.bottom() + 4 * unit, w + 1 * unit, tm.lineSpacing()), Qt::AlignLeft | Qt::AlignTop, label);
    }

    // Legend.
    const double legendTop = area.bottom() + 4 * unit + tm.lineSpacing() + 6 * unit;
    for (std::size_t s = 0; s < series; ++s) {
        const QRectF item = legendItems[s].translated(area.left(), legendTop);
        painter.fillRect(QRectF(item.left(), item.top() + (legendLine - swatch) / 2 - unit, swatch, swatch),
                         colours[s]);
        painter.setPen(paper(Palette::Role::ChartText));
        painter.drawText(QRectF(item.left() + swatch + 4 * unit, item.top(), item.width(), legendLine - 2 * unit),
                         Qt::AlignLeft | Qt::AlignVCenter, seriesLabel(data.seriesNames[s]));
    }
    painter.restore();
    return true;
}

void drawHorizontalBars(QPainter &painter, const QRectF &rect, double unit, const std::vector<Bar> &bars,
                        const QString &currency, const QString &axisTitle)
{
    if (bars.empty())
        return;
    painter.save();
    const QFont labelFont = chartFont(7.5);
    const QFont tickFont = chartFont(7);
    const QFontMetricsF lm(labelFont, painter.device());
    const QFontMetricsF tm(tickFont, painter.device());

    double low = 0, high = 0;
    double nameWidth = 0, valueWidth = 0;
    for (const Bar &bar : bars) {
        low = std::min(low, bar.value);
        high = std::max(high, bar.value);
        nameWidth = std::max(nameWidth, lm.horizontalAdvance(bar.label));
        valueWidth = std::max(valueWidth, lm.horizontalAdvance(bar.valueText));
    }
    nameWidth = std::min(nameWidth, rect.width() * 0.3);
    const Axis axis = niceAxis(low, high);
    const double axisHeight = tm.lineSpacing() * (axisTitle.isEmpty() ? 1 : 2) + 6 * unit;
    // Value texts sit beside the bar's end: leave room on the side(s) bars grow towards.
    const double rightRoom = high > 0 ? valueWidth + 6 * unit : 4 * unit;
    const double leftRoom = low < 0 ? valueWidth + 6 * unit : 0;
    const QRectF area(QPointF(rect.left() + nameWidth + 8 * unit + leftRoom, rect.top()),
                      QPointF(rect.right() - rightRoom, rect.bottom() - axisHeight));
    auto xOf = [&](double v) { return area.left() + (v - axis.min) / (axis.max - axis.min) * area.width(); };

    painter.setFont(tickFont);
    for (double v = axis.min; v <= axis.max + axis.step / 2; v += axis.step) {
        const double x = xOf(v);
        painter.setPen(QPen(paper(Palette::Role::Grid), 0.6 * unit));
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        const QString label = Format::unitMoney(v, currency, axis.decimals);
        const double w = tm.horizontalAdvance(label);
        painter.setPen(paper(Palette::Role::MutedText));
        painter.drawText(QRectF(x - w / 2, area.bottom() + 3 * unit, w + unit, tm.lineSpacing()), Qt::AlignLeft | Qt::AlignTop, label);
    }
    if (!axisTitle.isEmpty()) {
        painter.drawText(QRectF(area.left(), area.bottom() + 3 * unit + tm.lineSpacing(), area.width(), tm.lineSpacing()),
                         Qt::AlignHCenter | Qt::AlignTop, axisTitle);
    }

    const double slot = area.height() / static_cast<double>(bars.size());
    const double barHeight = std::min(slot * 0.68, 16 * unit);
    painter.setFont(labelFont);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar &bar = bars[i];
        const double cy = area.top() + slot * (static_cast<double>(i) + 0.5);
        const double x0 = xOf(0), x1 = xOf(bar.value);
        painter.fillRect(QRectF(std::min(x0, x1), cy - barHeight / 2, std::abs(x1 - x0), barHeight), bar.colour);
        painter.setPen(paper(Palette::Role::ChartText));
        painter.drawText(QRectF(rect.left(), cy - slot / 2, nameWidth, slot), Qt::AlignRight | Qt::AlignVCenter,
                         lm.elidedText(bar.label, Qt::ElideRight, nameWidth));
        const double vw = lm.horizontalAdvance(bar.valueText);
        const QRectF valueRect = bar.value >= 0 ? QRectF(x1 + 4 * unit, cy - slot / 2, vw + unit, slot)
                                                : QRectF(x1 - 4 * unit - vw - unit, cy - slot / 2, vw + unit, slot);
        painter.drawText(valueRect, Qt::AlignLeft | Qt::AlignVCenter, bar.valueText);
    }
    painter.setPen(QPen(paper(Palette::Role::AxisLine), 0.8 * unit));
    painter.drawLine(QPointF(xOf(0), area.top()), QPointF(xOf(0), area.bottom()));
    painter.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()));
    painter.restore();
}

} // namespace ReportChart
