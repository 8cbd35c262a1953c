#include "charts/chartbase.h"

#include "charts/chartstyle.h"
#include "shell/style.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QContextMenuEvent>
#include <QGraphicsLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QPen>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kCoalesceMs = 40;
constexpr const char *kHiddenOnPurpose = "burnrateHiddenOnPurpose";
constexpr int kLegendRowPadding = 8; // between a side legend's rows (QLegend's own spacing)

} // namespace

ChartBase::ChartBase(const QString &objectName, const QMargins &margins, QWidget *parent)
    // The chart goes in through the constructor: setChart() would orphan the default chart.
    : QChartView(new QChart, parent)
{
    setObjectName(objectName);
    setRenderHint(QPainter::Antialiasing);
    setFrameShape(QFrame::NoFrame);

    m_chart = chart();
    m_chart->setBackgroundVisible(false);
    m_chart->setPlotAreaBackgroundVisible(false);
    // The margins leave room for the axes' end labels, which grow with the desktop's font.
    const double scale = Style::points(1);
    m_chart->setMargins(QMargins(qRound(margins.left() * scale), qRound(margins.top() * scale),
                                 qRound(margins.right() * scale), qRound(margins.bottom() * scale)));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->setBackgroundRoundness(0);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    applyColours();

    m_rebuild.setSingleShot(true);
    m_rebuild.setInterval(kCoalesceMs);
    connect(&m_rebuild, &QTimer::timeout, this, &ChartBase::rebuild);
}

void ChartBase::styleLegend(Qt::Alignment alignment, double points, bool plainMarkers)
{
    QLegend *legend = m_chart->legend();
    legend->setAlignment(alignment);
    if (!plainMarkers)
        legend->setMarkerShape(QLegend::MarkerShapeRectangle);
    QFont font = legend->font();
    font.setPointSizeF(Style::points(points));
    legend->setFont(font);
    legend->setLabelColor(Style::colour(Palette::Role::ChartText));
}

void ChartBase::addTimeAxes(const TickDensity &density)
{
    m_ticks = density;
    m_xAxis = new QCategoryAxis;
    m_yAxis = new QCategoryAxis;
    ChartStyle::styleAxis(m_xAxis);
    ChartStyle::styleAxis(m_yAxis);
    m_yAxis->setLineVisible(false);
    m_xAxis->setGridLineVisible(false);
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);
    // Tick budgets depend on the plot area, which the chart lays out after a resize.
    connect(m_chart, &QChart::plotAreaChanged, this, [this] { updateAxes(false); });
}

QLabel *ChartBase::addPlaceholder(const QString &text)
{
    m_placeholder = new QLabel(text, this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    Style::text(m_placeholder, Style::kPlaceholder);
    m_placeholder->setGeometry(rect());
    m_placeholder->hide();
    return m_placeholder;
}

void ChartBase::finishRebuild()
{
    updateAxes(true);
    keepChartWhole();
    Q_EMIT rebuilt();
}

void ChartBase::hideLegendEntry(QAbstractSeries *series)
{
    for (QLegendMarker *marker : m_chart->legend()->markers(series)) {
        marker->setVisible(false);
        marker->setProperty(kHiddenOnPurpose, true);
    }
}

bool ChartBase::isHiddenOnPurpose(const QLegendMarker *marker)
{
    return marker->property(kHiddenOnPurpose).toBool();
}

void ChartBase::keepChartWhole()
{
    // QChart never shrinks below its own minimum (axes, every legend entry); a view smaller
    // than that shows the chart cut at every edge. The view asks for at least that much, so a
    // small window scrolls the page instead.
    if (m_minimumFloor < 0)
        m_minimumFloor = minimumHeight();
    double needed = m_chart->effectiveSizeHint(Qt::MinimumSize).height();
    const QLegend *legend = m_chart->legend();
    if (legend->isVisible() && (legend->alignment() & (Qt::AlignLeft | Qt::AlignRight))) {
        // A side legend without room draws its last entries outside the view
        // and its size hint does not count them: one row per named entry, and a
        // row's worth above and below (the legend sits beside the plot and its axis labels).
        qsizetype rows = 0;
        for (const QLegendMarker *marker : legend->markers())
            rows += marker->label().isEmpty() || isHiddenOnPurpose(marker) ? 0 : 1;
        const int row = QFontMetrics(legend->font()).height() + kLegendRowPadding;
        const QMargins margins = m_chart->margins();
        needed = std::max(needed, static_cast<double>(rows * row + margins.top() + margins.bottom() + 2 * row));
    }
    setMinimumHeight(std::max(m_minimumFloor, static_cast<int>(std::ceil(needed))));
}

void ChartBase::updateAxes(bool force)
{
    if (!m_xAxis)
        return;
    // Before the first layout the plot area is empty; estimate it from the view.
    const TickDensity &density = m_ticks;
    QRectF plot = m_chart->plotArea();
    if (plot.width() < 50 || plot.height() < 50)
        plot = QRectF(0, 0, width() * density.fallback.width(), height() * density.fallback.height());
    const int xTicks = std::clamp(static_cast<int>(plot.width()) / density.pxPerX, 2, density.maxX);
    const int yTicks = std::clamp(static_cast<int>(plot.height()) / density.pxPerY, 2, density.maxY);
    if (!force && xTicks == m_builtXTicks && yTicks == m_builtYTicks)
        return;
    m_builtXTicks = xTicks;
    m_builtYTicks = yTicks;
    layoutAxes(xTicks, yTicks);
}

QAreaSeries *ChartBase::areaBetween(QLineSeries *upper, QLineSeries *lower)
{
    auto *area = new QAreaSeries(upper, lower);
    upper->setParent(area); // QAreaSeries does not own its boundary lines
    lower->setParent(area);
    return area;
}

QAreaSeries *ChartBase::areaBetween(const QList<QPointF> &upper, const QList<QPointF> &lower)
{
    auto *upperLine = new QLineSeries;
    auto *lowerLine = new QLineSeries;
    upperLine->replace(upper);
    lowerLine->replace(lower);
    return areaBetween(upperLine, lowerLine);
}

void ChartBase::addStackedLayer(QAreaSeries *area, const QString &name, const QColor &colour)
{
    area->setName(name);
    area->setColor(colour);
    // An outline in the fill colour: white separators would paint over narrow spikes.
    QPen pen(colour);
    pen.setWidthF(1.0);
    area->setPen(pen);
    m_chart->addSeries(area);
    area->attachAxis(m_xAxis);
    area->attachAxis(m_yAxis);
}

void ChartBase::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    if (m_placeholder)
        m_placeholder->setGeometry(rect());
}

void ChartBase::contextMenuEvent(QContextMenuEvent *event)
{
    if (!m_csvExport) {
        QChartView::contextMenuEvent(event);
        return;
    }
    QMenu menu(this);
    menu.addAction(tr("Export data as CSV\u2026"), this, &ChartBase::exportRequested);
    addMenuEntries(&menu);
    menu.exec(event->globalPos());
}

void ChartBase::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    // Light <-> dark: the frame colours now, the series with the next rebuild.
    if (event->type() == QEvent::PaletteChange && Palette::current().variant() != m_variant) {
        applyColours();
        scheduleRebuild();
    }
}

void ChartBase::applyColours()
{
    m_variant = Palette::current().variant();
    setBackgroundBrush(Style::colour(Palette::Role::Card));
    m_chart->legend()->setLabelColor(Style::colour(Palette::Role::ChartText));
    const QList<QAbstractAxis *> axes = m_chart->axes();
    for (QAbstractAxis *axis : axes)
        ChartStyle::colourAxis(axis);
}
