#include "anomalies/anomalychart.h"

#include "charts/chartaxes.h"
#include "charts/chartstyle.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QLabel>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kCoalesceMs = 40;
constexpr int kMinPixelsPerTimeTick = 90;
constexpr int kMinPixelsPerMoneyTick = 40;
const QColor kActual(0x3b, 0x6f, 0xd8);
const QColor kExpected(0x6b, 0x76, 0x84);
const QColor kBand(0x3b, 0x6f, 0xd8, 0x2a);
const QColor kFlag(0xd9, 0x3a, 0x2b);
const QColor kHighlight(0xf0, 0x9a, 0x2b, 0x30);

} // namespace

AnomalyChart::AnomalyChart(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setObjectName(QStringLiteral("anomalyChart"));
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
    legend->setAlignment(Qt::AlignBottom);
    QFont legendFont = legend->font();
    legendFont.setPointSizeF(8.5);
    legend->setFont(legendFont);
    legend->setLabelColor(QColor(0x33, 0x3b, 0x45));

    m_xAxis = new QCategoryAxis;
    m_yAxis = new QCategoryAxis;
    ChartStyle::styleAxis(m_xAxis);
    ChartStyle::styleAxis(m_yAxis);
    m_yAxis->setLineVisible(false);
    m_xAxis->setGridLineVisible(false);
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);

    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setStyleSheet(QStringLiteral("color: #7a8594;"));
    m_message->setText(tr("Select an anomaly to see its series"));

    m_rebuild.setSingleShot(true);
    m_rebuild.setInterval(kCoalesceMs);
    connect(&m_rebuild, &QTimer::timeout, this, &AnomalyChart::rebuild);
    connect(m_chart, &QChart::plotAreaChanged, this, [this] { updateAxes(false); });
}

void AnomalyChart::setData(const Data &data)
{
    m_data = data;
    m_rebuild.start();
}

void AnomalyChart::showMessage(const QString &message)
{
    m_data = Data{};
    m_message->setText(message);
    m_rebuild.start();
}

QStringList AnomalyChart::timeTickLabels() const
{
    return m_xAxis->categoriesLabels();
}

void AnomalyChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    m_message->setGeometry(rect());
}

void AnomalyChart::rebuild()
{
    m_chart->removeAllSeries();
    m_flagged = 0;
    m_max = 0;
    const auto &pts = m_data.points;
    m_message->setVisible(pts.empty());
    m_chart->legend()->setVisible(!pts.empty());
    if (pts.empty()) {
        updateAxes(true);
        Q_EMIT rebuilt();
        return;
    }
    auto *actual = new QLineSeries;
    auto *expected = new QLineSeries;
    auto *upper = new QLineSeries;
    auto *lower = new QLineSeries;
    auto *flagged = new QScatterSeries;
    auto *hlUpper = new QLineSeries;
    auto *hlLower = new QLineSeries;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const Analytics::TracePoint &p = pts[i];
        const double x = static_cast<double>(i);
        actual->append(x, p.actual);
        expected->append(x, p.expected);
        // While learning there is no band: it collapses onto the actual line.
        upper->append(x, p.learning ? p.actual : p.high);
        lower->append(x, p.learning ? p.actual : p.low);
        if (p.flagged) {
            flagged->append(x, p.actual);
            ++m_flagged;
        }
        m_max = std::max({m_max, p.actual, p.learning ? 0.0 : p.high, p.expected});
    }
    for (std::size_t i = 0; i < pts.size(); ++i) {
        if (pts[i].time >= m_data.highlightStart && pts[i].time < m_data.highlightEnd) {
            const double x = static_cast<double>(i);
            hlUpper->append(x - 0.5, 0), hlUpper->append(x - 0.5, 1), hlUpper->append(x + 0.5, 1);
            hlLower->append(x - 0.5, 0), hlLower->append(x - 0.5, 0), hlLower->append(x + 0.5, 0);
        }
    }
    // The highlight spans the plot's height (series are clipped to the plot area).
    const double top = std::max(m_max * 3.0, 1e-9);
    QList<QPointF> hu = hlUpper->points();
    for (QPointF &p : hu)
        p.setY(p.y() * top);
    hlUpper->replace(hu);

    auto *highlight = new QAreaSeries(hlUpper, hlLower);
    hlUpper->setParent(highlight);
    hlLower->setParent(highlight);
    highlight->setName(tr("This anomaly"));
    highlight->setColor(kHighlight);
    highlight->setPen(Qt::NoPen);
    auto *band = new QAreaSeries(upper, lower);
    upper->setParent(band); // QAreaSeries does not own its boundary lines
    lower->setParent(band);
    band->setName(tr("Expected band"));
    band->setColor(kBand);
    band->setPen(Qt::NoPen);
    expected->setName(tr("Expected"));
    QPen dashed(kExpected);
    dashed.setStyle(Qt::DashLine);
    dashed.setWidthF(1.2);
    expected->setPen(dashed);
    actual->setName(tr("Actual"));
    QPen solid(kActual);
    solid.setWidthF(1.6);
    actual->setPen(solid);
    flagged->setName(tr("Flagged"));
    flagged->setColor(kFlag);
    flagged->setBorderColor(Qt::white);
    flagged->setMarkerSize(8);
    for (QAbstractSeries *s : std::initializer_list<QAbstractSeries *>{highlight, band, expected, actual, flagged}) {
        m_chart->addSeries(s);
        s->attachAxis(m_xAxis);
        s->attachAxis(m_yAxis);
    }
    if (highlight->upperSeries()->count() == 0)
        m_chart->legend()->markers(highlight).constFirst()->setVisible(false);
    updateAxes(true);
    Q_EMIT rebuilt();
}

void AnomalyChart::updateAxes(bool force)
{
    QRectF plot = m_chart->plotArea();
    if (plot.width() < 50 || plot.height() < 50)
        plot = QRectF(0, 0, width() * 0.8, height() * 0.7);
    const int xTicks = std::clamp(static_cast<int>(plot.width()) / kMinPixelsPerTimeTick, 2, 12);
    const int yTicks = std::clamp(static_cast<int>(plot.height()) / kMinPixelsPerMoneyTick, 2, 8);
    if (!force && xTicks == m_builtXTicks && yTicks == m_builtYTicks)
        return;
    m_builtXTicks = xTicks;
    m_builtYTicks = yTicks;
    const int n = static_cast<int>(m_data.points.size());
    m_xAxis->setRange(-0.5, std::max(1, n) - 0.5);
    m_xAxis->setStartValue(-0.5);
    std::vector<qint64> starts;
    starts.reserve(m_data.points.size());
    for (const auto &p : m_data.points)
        starts.push_back(p.time);
    const Analytics::Grain grain = m_data.grain == Analytics::AnomalyGrain::Hour ? Analytics::Grain::Hour : Analytics::Grain::Day;
    ChartAxes::fillTimeAxis(m_xAxis, starts, grain, xTicks);
    ChartAxes::fillMoneyAxis(m_yAxis, m_max, yTicks, m_data.currency);
}
