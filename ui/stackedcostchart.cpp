#include "stackedcostchart.h"

#include "chartstyle.h"
#include "uiformat.h"

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

// Distinct hues for the top series; "Other" is always the neutral grey.
const QColor kPalette[] = {QColor(0x3b, 0x6f, 0xd8), QColor(0x1f, 0xa6, 0x8a), QColor(0xf0, 0x9a, 0x2b),
                           QColor(0xd9, 0x4f, 0x7d), QColor(0x7a, 0x5c, 0xd6), QColor(0x2b, 0xa9, 0xc9),
                           QColor(0xe0, 0x5d, 0x4a), QColor(0x8b, 0xb5, 0x3a)};
const QColor kOtherColour(0xb4, 0xbb, 0xc4);
const QColor kAxisText(0x5f, 0x6b, 0x7a);
const QColor kGrid(0xe9, 0xec, 0xf0);

constexpr int kMinPixelsPerDateTick = 90;
constexpr int kMinPixelsPerMoneyTick = 48;

struct Tick {
    qint64 day;
    QString label;
};

// Calendar-aligned date ticks: every day, every other day, Mondays, every other Monday, then
// month starts every 1, 2, 3, 6, 12… months — the first that fits `maxTicks`.
std::vector<Tick> dateTicks(qint64 first, qint64 last, int maxTicks)
{
    std::vector<Tick> ticks;
    const int dayCandidates[] = {1, 2, 7, 14};
    for (int step : dayCandidates) {
        ticks.clear();
        qint64 start = first;
        if (step >= 7) {
            const int dow = UiFormat::dateOfDay(first).dayOfWeek(); // 1 = Monday
            start = first + (8 - dow) % 7;
        }
        for (qint64 d = start; d <= last; d += step)
            ticks.push_back({d, UiFormat::shortDate(d)});
        if (static_cast<int>(ticks.size()) <= maxTicks && !ticks.empty())
            return ticks;
    }
    const QLocale locale = UiFormat::locale();
    for (int months : {1, 2, 3, 6, 12, 24, 60, 120}) {
        ticks.clear();
        QDate month = UiFormat::dateOfDay(first);
        month = QDate(month.year(), month.month(), 1);
        if (UiFormat::dayOfDate(month) < first)
            month = month.addMonths(1);
        for (; UiFormat::dayOfDate(month) <= last; month = month.addMonths(1)) {
            const int index = month.year() * 12 + month.month() - 1;
            if (index % months != 0)
                continue;
            const QString label = months >= 12 ? locale.toString(month, QStringLiteral("yyyy"))
                                               : locale.toString(month, QStringLiteral("MMM yyyy"));
            ticks.push_back({UiFormat::dayOfDate(month), label});
        }
        if (static_cast<int>(ticks.size()) <= maxTicks)
            return ticks;
    }
    return ticks;
}

// 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
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

void clearCategories(QCategoryAxis *axis)
{
    const QStringList labels = axis->categoriesLabels();
    for (const QString &label : labels)
        axis->remove(label);
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
    styleAxis(m_xAxis);
    styleAxis(m_yAxis);
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
        const QColor colour = other ? kOtherColour : kPalette[s % std::size(kPalette)];
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

    clearCategories(m_xAxis);
    const qint64 first = m_data.firstDay;
    const qint64 last = m_data.firstDay + std::max(0, m_data.days - 1);
    if (last > first)
        m_xAxis->setRange(static_cast<double>(first), static_cast<double>(last));
    else
        m_xAxis->setRange(first - 0.5, first + 0.5);
    m_xAxis->setStartValue(m_xAxis->min());
    for (const Tick &tick : dateTicks(first, last, xTicks))
        m_xAxis->append(tick.label, static_cast<double>(tick.day));

    clearCategories(m_yAxis);
    const double step = niceStep(std::max(m_maxTotal, 1e-9) / yTicks);
    const int steps = std::max(1, static_cast<int>(std::ceil(m_maxTotal / step - 1e-9)));
    const double top = m_maxTotal > 0 ? step * steps : 1.0;
    const int decimals = decimalsFor(step);
    m_yAxis->setRange(0, top);
    m_yAxis->setStartValue(0);
    for (int i = 0; i <= steps; ++i)
        m_yAxis->append(UiFormat::moneyValue(step * i, m_currency, decimals), step * i);
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
