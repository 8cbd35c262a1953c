#include "endpoints/utilisationheatmap.h"

#include "format/format.h"
#include "shell/style.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLinearGradient>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace {

constexpr double kMaxCell = 30;
constexpr double kMinCellH = 12;
constexpr double kGap = 2;

QColor mix(const QColor &a, const QColor &b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

// A busy share's colour: a faint tint of the accent for 0 (paid, never used), the accent for 1.
QColor shareColour(double share)
{
    return mix(Style::colour(Palette::Role::Card), Style::colour(Palette::Role::Accent), 0.12 + 0.88 * share);
}

QString dayName(int weekday) { return Format::locale().dayName(weekday + 1, QLocale::ShortFormat); }

QString hourText(int hour) { return QStringLiteral("%1").arg(hour, 2, 10, QLatin1Char('0')); }

} // namespace

UtilisationHeatMap::UtilisationHeatMap(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("utilisationHeatMap"));
    setAccessibleName(tr("Utilisation by weekday and hour"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

QString UtilisationHeatMap::legendText()
{
    return tr("Share of the paid hours with at least one request, per weekday and UTC hour");
}

void UtilisationHeatMap::setWeek(const Endpoints::WeekHours &week)
{
    m_week = week;
    m_empty = false;
    update();
}

void UtilisationHeatMap::clear()
{
    m_week = {};
    m_empty = true;
    update();
}

QSize UtilisationHeatMap::sizeHint() const
{
    const int line = fontMetrics().height();
    return {640, static_cast<int>(7 * kMaxCell + 3 * line + 16)};
}

QSize UtilisationHeatMap::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return {320, static_cast<int>(7 * kMinCellH + 3 * line + 16)};
}

UtilisationHeatMap::Geometry UtilisationHeatMap::geometry() const
{
    const QFontMetrics fm = fontMetrics();
    double labelW = 0;
    for (int d = 0; d < Endpoints::WeekHours::kDays; ++d)
        labelW = std::max(labelW, static_cast<double>(fm.horizontalAdvance(dayName(d))));
    labelW += 8;
    const double line = fm.height();
    Geometry g;
    const double legendH = 2 * line + 6;
    const double availW = width() - labelW - 2;
    const double availH = height() - line - 4 - legendH - 4;
    g.cellW = std::min(kMaxCell * 1.6, availW / Endpoints::WeekHours::kHours);
    g.cellH = std::clamp(availH / Endpoints::WeekHours::kDays, 4.0, kMaxCell);
    g.grid = QRectF(labelW, line + 4, g.cellW * Endpoints::WeekHours::kHours, g.cellH * Endpoints::WeekHours::kDays);
    g.legend = QRectF(0, g.grid.bottom() + 6, width(), legendH);
    return g;
}

int UtilisationHeatMap::cellAt(const QPoint &pos) const
{
    const Geometry g = geometry();
    if (!g.grid.contains(pos))
        return -1;
    const int hour = std::clamp(static_cast<int>((pos.x() - g.grid.left()) / g.cellW), 0, 23);
    const int day = std::clamp(static_cast<int>((pos.y() - g.grid.top()) / g.cellH), 0, 6);
    return day * Endpoints::WeekHours::kHours + hour;
}

void UtilisationHeatMap::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const Geometry g = geometry();
    const QFontMetrics fm = fontMetrics();
    const QColor muted = Style::colour(Palette::Role::MutedText);
    const QColor border = Style::colour(Palette::Role::Border);

    // Hour labels every third hour, weekday labels on the left.
    p.setPen(muted);
    const int step = g.cellW * 3 >= fm.horizontalAdvance(QStringLiteral("00 ")) ? 3 : 6;
    for (int h = 0; h < Endpoints::WeekHours::kHours; h += step)
        p.drawText(QRectF(g.grid.left() + h * g.cellW, 0, g.cellW * step, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, hourText(h));
    for (int d = 0; d < Endpoints::WeekHours::kDays; ++d)
        p.drawText(QRectF(0, g.grid.top() + d * g.cellH, g.grid.left() - 6, g.cellH), Qt::AlignRight | Qt::AlignVCenter, dayName(d));

    for (int d = 0; d < Endpoints::WeekHours::kDays; ++d)
        for (int h = 0; h < Endpoints::WeekHours::kHours; ++h) {
            const QRectF cell(g.grid.left() + h * g.cellW, g.grid.top() + d * g.cellH, g.cellW - kGap / 2, g.cellH - kGap / 2);
            const double share = m_empty ? -1 : m_week.at(d, h).busyShare();
            if (share < 0) {
                p.setPen(border);
                p.setBrush(Qt::NoBrush);
                p.drawRect(cell.adjusted(0.5, 0.5, -0.5, -0.5));
            } else {
                p.setPen(Qt::NoPen);
                p.setBrush(shareColour(share));
                p.drawRect(cell);
            }
        }

    // Legend: "no paid hour" box, the 0–100% ramp, and what the colour means.
    const double line = fm.height();
    double x = g.grid.left();
    const double y = g.legend.top();
    const QRectF none(x, y + 2, line - 4, line - 4);
    p.setPen(border);
    p.setBrush(Qt::NoBrush);
    p.drawRect(none);
    x = none.right() + 4;
    const QString noneText = tr("no paid hour");
    p.setPen(muted);
    p.drawText(QRectF(x, y, fm.horizontalAdvance(noneText) + 2, line), Qt::AlignLeft | Qt::AlignVCenter, noneText);
    x += fm.horizontalAdvance(noneText) + 16;
    const QString zero = Format::percent(0);
    const QString full = Format::percent(100);
    p.drawText(QRectF(x, y, fm.horizontalAdvance(zero) + 2, line), Qt::AlignLeft | Qt::AlignVCenter, zero);
    x += fm.horizontalAdvance(zero) + 6;
    const QRectF ramp(x, y + 2, 120, line - 4);
    QLinearGradient gradient(ramp.topLeft(), ramp.topRight());
    for (int i = 0; i <= 4; ++i)
        gradient.setColorAt(i / 4.0, shareColour(i / 4.0));
    p.setPen(Qt::NoPen);
    p.setBrush(gradient);
    p.drawRect(ramp);
    x = ramp.right() + 6;
    p.setPen(muted);
    p.drawText(QRectF(x, y, fm.horizontalAdvance(full) + 2, line), Qt::AlignLeft | Qt::AlignVCenter, full);
    p.drawText(QRectF(g.grid.left(), y + line + 2, width() - g.grid.left(), line), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(legendText(), Qt::ElideRight, static_cast<int>(width() - g.grid.left())));
}

bool UtilisationHeatMap::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int index = m_empty ? -1 : cellAt(help->pos());
        if (index < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const int day = index / Endpoints::WeekHours::kHours, hour = index % Endpoints::WeekHours::kHours;
        const Endpoints::WeekHourCell &c = m_week.at(day, hour);
        const QString slot = tr("%1 %2:00\u2013%3:00 UTC").arg(Format::locale().dayName(day + 1, QLocale::LongFormat), hourText(hour),
                                                                hourText((hour + 1) % 24));
        const QString text = c.paidHours == 0
            ? tr("%1: no paid hour").arg(slot)
            : tr("%1: %2 of %3 paid hours with requests (%4), %5 requests")
                  .arg(slot, Format::count(c.busyHours), Format::count(c.paidHours), Format::share(c.busyShare()), Format::count(c.requests));
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void UtilisationHeatMap::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
    QWidget::changeEvent(event);
}
