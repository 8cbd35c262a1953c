#include "charts/stackedcostchart.h"

#include "charts/chartaxes.h"
#include "charts/chartstyle.h"
#include "shell/uiformat.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QGraphicsLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kMinPixelsPerDateTick = 90;
constexpr int kMinPixelsPerMoneyTick = 48;

} // namespace

StackedCostChart::StackedCostChart(QWidget *parent)
    // The chart goes in through the constructor: setChart() would orphan the default chart.
    : QChartView(new QChart, parent)
{
    setObjectName(QStringLiteral("dailyCostChart"));
    setRenderHint(QPainter::Antialiasing);
    setFrameShape(QFrame::NoFrame);
    setBackgroundBrush(Qt::white);

    m_chart = chart();
    m_chart->setBackgroundVisible(false);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->setMargins(ChartStyle::timeChartMargins());
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->setBackgroundRoundness(0);
    m_chart->setAnimationOptions(QChart::NoAnimation);

    QLegend *legend = m_chart->legend();
    legend->setAlignment(Qt::AlignRight);
    legend->setMarkerShape(QLegend::MarkerShapeRectangle);
    QFont legendFont = legend->font();
    legendFont.setPointSizeF(9);
    legend->setFont(legendFont);
    legend->setLabelColor(QColor(0x33, 0x3b, 0x45));
    legend->setShowToolTips(true);

    m_xAxis = new QCategoryAxis;
    m_yAxis = new QCategoryAxis;
    ChartStyle::styleAxis(m_xAxis);
    ChartStyle::styleAxis(m_yAxis);
    m_yAxis->setLineVisible(false);
    m_xAxis->setGridLineVisible(false);
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);

    m_emptyLabel = new QLabel(tr("No charges in this date range"), this);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setStyleSheet(QStringLiteral("color: #8a94a0; font-size: 11pt; background: transparent;"));
    m_emptyLabel->hide();

    // Tick budgets depend on the plot area, which the chart lays out after a resize.
    connect(m_chart, &QChart::plotAreaChanged, this, [this] { updateAxes(false); });
}

void StackedCostChart::setData(const Analytics::DailyBreakdown &data, const QString &currency)
{
    m_data = data;
    m_currency = currency;
    m_chart->removeAllSeries();
    m_areas.clear();

    const auto days = static_cast<std::size_t>(std::max(0, data.days));
    std::vector<double> below(days, 0.0);
    m_maxTotal = 0;
    for (std::size_t s = 0; s < data.names.size(); ++s) {
        QList<QPointF> lowerPoints, upperPoints;
        lowerPoints.reserve(static_cast<qsizetype>(days));
        upperPoints.reserve(static_cast<qsizetype>(days));
        for (std::size_t d = 0; d < days; ++d) {
            const double x = static_cast<double>(data.firstDay + static_cast<qint64>(d));
            const double value = d < data.values[s].size() ? data.values[s][d] : 0.0;
            lowerPoints.append(QPointF(x, below[d]));
            below[d] += value;
            upperPoints.append(QPointF(x, below[d]));
            m_maxTotal = std::max(m_maxTotal, below[d]);
        }
        auto *upper = new QLineSeries;
        auto *lower = new QLineSeries;
        upper->replace(upperPoints);
        lower->replace(lowerPoints);
        auto *area = new QAreaSeries(upper, lower);
        upper->setParent(area); // QAreaSeries does not own its boundary lines
        lower->setParent(area);
        const QString name = QString::fromStdString(data.names[s]);
        const bool other = s + 1 == data.names.size() && data.names[s] == "Other";
        area->setName(other ? tr("Other") : name);
        const QColor colour = ChartStyle::seriesColour(static_cast<int>(s), other);
        area->setColor(colour);
        // An outline in the fill colour: white separators would paint over narrow spikes.
        QPen pen(colour);
        pen.setWidthF(1.0);
        area->setPen(pen);
        m_chart->addSeries(area);
        area->attachAxis(m_xAxis);
        area->attachAxis(m_yAxis);
        const int index = static_cast<int>(s);
        connect(area, &QAreaSeries::hovered, this,
                [this, index](const QPointF &point, bool state) { showTip(index, point, state); });
        m_areas.push_back(area);
    }
    m_emptyLabel->setVisible(m_areas.empty() || m_maxTotal <= 0);
    updateAxes(true);
}

int StackedCostChart::seriesCount() const
{
    return static_cast<int>(m_areas.size());
}

QStringList StackedCostChart::seriesNames() const
{
    QStringList names;
    for (const QAreaSeries *area : m_areas)
        names << area->name();
    return names;
}

QStringList StackedCostChart::dateTickLabels() const
{
    return m_xAxis->categoriesLabels();
}

QStringList StackedCostChart::moneyTickLabels() const
{
    return m_yAxis->categoriesLabels();
}

void StackedCostChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    m_emptyLabel->setGeometry(rect());
}

void StackedCostChart::updateAxes(bool force)
{
    // Before the first layout the plot area is empty; estimate it from the view.
    QRectF plot = m_chart->plotArea();
    if (plot.width() < 50 || plot.height() < 50)
        plot = QRectF(0, 0, width() * 0.75, height() * 0.8);
    const int xTicks = std::clamp(static_cast<int>(plot.width()) / kMinPixelsPerDateTick, 2, 12);
    const int yTicks = std::clamp(static_cast<int>(plot.height()) / kMinPixelsPerMoneyTick, 2, 10);
    if (!force && xTicks == m_builtXTicks && yTicks == m_builtYTicks)
        return;
    m_builtXTicks = xTicks;
    m_builtYTicks = yTicks;

    const qint64 first = m_data.firstDay;
    const qint64 last = m_data.firstDay + std::max(0, m_data.days - 1);
    if (last > first)
        m_xAxis->setRange(static_cast<double>(first), static_cast<double>(last));
    else
        m_xAxis->setRange(first - 0.5, first + 0.5);
    m_xAxis->setStartValue(m_xAxis->min());
    std::vector<qint64> starts;
    for (qint64 day = first; day <= last; ++day)
        starts.push_back(day * 86400);
    // The x axis counts days since the epoch, so a tick sits at its bucket's day number.
    ChartAxes::fillTimeAxis(m_xAxis, starts, Analytics::Grain::Day, xTicks, static_cast<double>(first));
    ChartAxes::fillMoneyAxis(m_yAxis, m_maxTotal, yTicks, m_currency);
}

void StackedCostChart::showTip(int series, const QPointF &point, bool state)
{
    if (!state || series < 0 || series >= seriesCount()) {
        QToolTip::hideText();
        return;
    }
    const qint64 index = std::clamp<qint64>(std::llround(point.x()) - m_data.firstDay, 0, std::max(0, m_data.days - 1));
    const auto &values = m_data.values[static_cast<std::size_t>(series)];
    const double value = index < static_cast<qint64>(values.size()) ? values[static_cast<std::size_t>(index)] : 0.0;
    QToolTip::showText(QCursor::pos(), tr("<b>%1</b><br>%2: %3")
                                           .arg(m_areas[static_cast<std::size_t>(series)]->name().toHtmlEscaped(),
                                                UiFormat::shortDate(m_data.firstDay + index, true),
                                                UiFormat::moneyValue(value, m_currency, 2)),
                       this);
}
