#include "report/bandchart.h"

#include "format/axisticks.h"
#include "format/format.h"
#include "report/reportchart.h"

#include <QCoreApplication>
#include <QDate>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <set>

namespace BandChart {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("BandChart", text); }


double at(const std::vector<double> &v, std::size_t i) { return i < v.size() ? v[i] : std::nan(""); }

QFont chartFont(double points)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    return f;
}

QColor withAlpha(QColor c, int alpha)
{
    c.setAlpha(alpha);
    return c;
}

} // namespace

Data fromForecastView(const Analytics::ForecastView &v, std::int64_t fromDay, int minHistoryDays)
{
    Data data;
    data.currency = QString::fromStdString(v.currency);
    data.actualName = tr("Daily spend");
    data.forecastName = tr("Forecast");
    if (v.history.values.empty())
        return data;
    const std::int64_t lastHistory = v.history.lastDay();
    const std::int64_t from =
        std::max<std::int64_t>(v.history.firstDay, std::min<std::int64_t>(fromDay, lastHistory - minHistoryDays + 1));
    const std::int64_t lastDay = v.result.points.empty() ? lastHistory : std::max(lastHistory, v.result.points.back().day);
    const auto n = static_cast<std::size_t>(lastDay - from + 1);
    const double nan = std::nan("");
    data.firstDay = from;
    data.actual.assign(n, nan);
    for (auto *series : {&data.forecast, &data.lo80, &data.hi80, &data.lo95, &data.hi95})
        series->assign(n, nan);
    for (std::int64_t day = from; day <= lastHistory; ++day)
        data.actual[static_cast<std::size_t>(day - from)] = v.history.values[static_cast<std::size_t>(day - v.history.firstDay)];
    // Join the forecast to the last known value so the two lines meet.
    const std::int64_t firstForecast = v.result.points.empty() ? lastHistory + 1 : v.result.points.front().day;
    if (firstForecast - 1 >= from && firstForecast - 1 <= lastHistory) {
        const auto i = static_cast<std::size_t>(firstForecast - 1 - from);
        if (std::isfinite(data.actual[i]))
            data.forecast[i] = data.lo80[i] = data.hi80[i] = data.lo95[i] = data.hi95[i] = data.actual[i];
    }
    for (const Analytics::ForecastPoint &p : v.result.points) {
        if (p.day < from)
            continue;
        const auto i = static_cast<std::size_t>(p.day - from);
        data.forecast[i] = p.forecast;
        data.lo80[i] = std::max(0.0, p.lo80);
        data.hi80[i] = p.hi80;
        data.lo95[i] = std::max(0.0, p.lo95);
        data.hi95[i] = p.hi95;
    }
    return data;
}

Data fromBurnDown(const Budgets::BurnDown &b, const QString &currency)
{
    Data d;
    d.currency = currency;
    d.actualName = tr("Spent so far");
    d.forecastName = tr("Projected");
    if (b.points.empty())
        return d;
    d.firstDay = b.points.front().day;
    for (const Budgets::BurnDownPoint &p : b.points) {
        d.actual.push_back(p.actual);
        d.forecast.push_back(p.forecast);
        d.lo80.push_back(p.lo80);
        d.hi80.push_back(p.hi80);
        d.lo95.push_back(p.lo95);
        d.hi95.push_back(p.hi95);
    }
    d.lines.push_back({b.amount, tr("Budget %1").arg(Format::money(b.status.budget.amount, currency, Format::Precision::Cents)), Palette::Role::Budget, false});
    std::set<int> percents;
    for (const Budgets::Threshold &t : b.status.budget.thresholds)
        if (t.percent != 100)
            percents.insert(t.percent);
    for (int percent : percents)
        d.lines.push_back({b.amount * percent / 100.0, tr("%1%").arg(percent), thresholdRole(percent), true});
    return d;
}

Palette::Role thresholdRole(int percent)
{
    if (percent > 100)
        return Palette::Role::Budget;
    if (percent >= 90)
        return Palette::Role::Caution;
    if (percent >= 75)
        return Palette::Role::Warning;
    return Palette::Role::Threshold;
}

bool draw(QPainter &painter, const QRectF &rect, double unit, const Data &data)
{
    const Palette &paper = Palette::light();
    const std::size_t n = data.days();
    if (n < 2)
        return false;
    double high = 0;
    for (const auto *series : {&data.actual, &data.forecast, &data.hi80, &data.hi95})
        for (double v : *series)
            if (std::isfinite(v))
                high = std::max(high, v);
    for (const Line &l : data.lines)
        high = std::max(high, l.value);
    if (!(high > 0))
        return false;

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QFont tickFont = chartFont(7);
    const QFontMetricsF tm(tickFont, painter.device());
    painter.setFont(tickFont);

    // Legend entries: bands, lines, references.
    struct Entry {
        QString label;
        QColor colour;
        bool band;
        Qt::PenStyle style;
    };
    std::vector<Entry> legend = {{data.actualName, paper.colour(Palette::Role::Actual), false, Qt::SolidLine},
                                 {data.forecastName, paper.colour(Palette::Role::Forecast), false, Qt::DashLine},
                                 {tr("80% range"), withAlpha(paper.colour(Palette::Role::Forecast), 90), true, Qt::SolidLine},
                                 {tr("95% range"), withAlpha(paper.colour(Palette::Role::Forecast), 45), true, Qt::SolidLine}};
    for (const Line &l : data.lines)
        legend.push_back({l.label, paper.colour(l.colour), false, l.dashed ? Qt::DotLine : Qt::SolidLine});
    const double legendLine = tm.lineSpacing() + 3 * unit;
    const double swatch = 12 * unit, gap = 12 * unit;
    double lx = 0, ly = 0;
    std::vector<QPointF> legendPos;
    for (const Entry &e : legend) {
        const double w = swatch + 4 * unit + tm.horizontalAdvance(e.label);
        if (lx > 0 && lx + w > rect.width()) {
            lx = 0;
            ly += legendLine;
        }
        legendPos.emplace_back(lx, ly);
        lx += w + gap;
    }
    const double legendHeight = ly + legendLine;

    const double step = AxisTicks::niceStep(high * 1.04 / 5);
    const double top = std::ceil(high * 1.04 / step - 1e-9) * step;
    const int decimals = AxisTicks::decimalsFor(step);
    double labelWidth = 0;
    for (double v = 0; v <= top + step / 2; v += step)
        labelWidth = std::max(labelWidth, tm.horizontalAdvance(Format::unitMoney(v, data.currency, decimals)));
    const QRectF area(QPointF(rect.left() + labelWidth + 6 * unit, rect.top() + tm.height() / 2),
                      QPointF(rect.right() - 4 * unit, rect.bottom() - legendHeight - tm.lineSpacing() - 10 * unit));
    if (area.height() < 20 * unit || area.width() < 40 * unit) {
        painter.restore();
        return false;
    }
    auto xOf = [&](std::size_t i) { return area.left() + area.width() * static_cast<double>(i) / static_cast<double>(n - 1); };
    auto yOf = [&](double v) { return area.bottom() - std::clamp(v / top, 0.0, 1.0) * area.height(); };

    for (double v = 0; v <= top + step / 2; v += step) {
        const double y = yOf(v);
        painter.setPen(QPen(paper.colour(Palette::Role::Grid), 0.6 * unit));
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        painter.setPen(paper.colour(Palette::Role::MutedText));
        painter.drawText(QRectF(rect.left(), y - tm.height() / 2, labelWidth, tm.height()), Qt::AlignRight | Qt::AlignVCenter,
                         Format::unitMoney(v, data.currency, decimals));
    }

    auto band = [&](const std::vector<double> &lo, const std::vector<double> &hi, const QColor &colour) {
        QPolygonF upper, lower;
        for (std::size_t i = 0; i < n; ++i) {
            const double l = at(lo, i), h = at(hi, i);
            if (std::isfinite(l) && std::isfinite(h)) {
                upper << QPointF(xOf(i), yOf(h));
                lower.prepend(QPointF(xOf(i), yOf(l)));
            }
        }
        if (upper.size() < 2)
            return;
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawPolygon(upper + lower);
        painter.setBrush(Qt::NoBrush);
    };
    band(data.lo95, data.hi95, withAlpha(paper.colour(Palette::Role::Forecast), 45));
    band(data.lo80, data.hi80, withAlpha(paper.colour(Palette::Role::Forecast), 90));

    auto polyline = [&](const std::vector<double> &v, const QPen &pen) {
        QPainterPath path;
        bool open = false;
        for (std::size_t i = 0; i < n; ++i) {
            const double y = at(v, i);
            if (!std::isfinite(y)) {
                open = false;
                continue;
            }
            if (open)
                path.lineTo(xOf(i), yOf(y));
            else
                path.moveTo(xOf(i), yOf(y));
            open = true;
        }
        painter.setPen(pen);
        painter.drawPath(path);
    };
    polyline(data.actual, QPen(paper.colour(Palette::Role::Actual), 1.3 * unit));
    polyline(data.forecast, QPen(paper.colour(Palette::Role::Forecast), 1.3 * unit, Qt::DashLine));
    for (const Line &l : data.lines) {
        painter.setPen(QPen(paper.colour(l.colour), (l.dashed ? 0.8 : 1.3) * unit, l.dashed ? Qt::DotLine : Qt::SolidLine));
        painter.drawLine(QPointF(area.left(), yOf(l.value)), QPointF(area.right(), yOf(l.value)));
    }
    painter.setPen(QPen(paper.colour(Palette::Role::AxisLine), 0.8 * unit));
    painter.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()));

    // Date labels at month starts (or every k days when the span is short), never touching.
    const QLocale loc = Format::locale();
    const QDate epoch(1970, 1, 1);
    const bool monthly = n > 62;
    double lastRight = -1e9;
    for (std::size_t i = 0; i < n; ++i) {
        const QDate d = epoch.addDays(data.firstDay + static_cast<std::int64_t>(i));
        if (monthly ? d.day() != 1 : (d.dayOfWeek() != 1))
            continue;
        const QString label = loc.toString(d, monthly ? QStringLiteral("MMM yyyy") : Format::monthDayFormat(false));
        const double w = tm.horizontalAdvance(label);
        const double left = std::clamp(xOf(i) - w / 2, rect.left(), rect.right() - w);
        if (left < lastRight + 6 * unit)
            continue;
        painter.setPen(QPen(paper.colour(Palette::Role::AxisLine), 0.6 * unit));
        painter.drawLine(QPointF(xOf(i), area.bottom()), QPointF(xOf(i), area.bottom() + 3 * unit));
        painter.setPen(paper.colour(Palette::Role::MutedText));
        painter.drawText(QRectF(left, area.bottom() + 4 * unit, w + unit, tm.lineSpacing()), Qt::AlignLeft | Qt::AlignTop, label);
        lastRight = left + w;
    }

    const double legendTop = area.bottom() + 4 * unit + tm.lineSpacing() + 6 * unit;
    for (std::size_t k = 0; k < legend.size(); ++k) {
        const Entry &e = legend[k];
        const QPointF p = legendPos[k] + QPointF(area.left(), legendTop);
        const double cy = p.y() + legendLine / 2 - unit;
        if (e.band) {
            painter.fillRect(QRectF(p.x(), cy - 3.5 * unit, swatch, 7 * unit), e.colour);
        } else {
            painter.setPen(QPen(e.colour, 1.3 * unit, e.style));
            painter.drawLine(QPointF(p.x(), cy), QPointF(p.x() + swatch, cy));
        }
        painter.setPen(paper.colour(Palette::Role::ChartText));
        painter.drawText(QRectF(p.x() + swatch + 4 * unit, p.y(), rect.width(), legendLine - 2 * unit),
                         Qt::AlignLeft | Qt::AlignVCenter, e.label);
    }
    painter.restore();
    return true;
}

} // namespace BandChart
