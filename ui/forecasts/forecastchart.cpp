#include "forecasts/forecastchart.h"

#include "charts/chartaxes.h"
#include "charts/chartstyle.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLineSeries>

#include <algorithm>
#include <memory>
#include <cmath>

namespace {

constexpr int kCoalesceMs = 40;
constexpr int kMinPixelsPerTimeTick = 90;
constexpr int kMinPixelsPerMoneyTick = 44;

double at(const std::vector<double> &v, std::size_t i)
{
    return i < v.size() ? v[i] : std::nan("");
}

} // namespace

ForecastChart::ForecastChart(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setObjectName(QStringLiteral("forecastChart"));
    setRenderHint(QPainter::Antialiasing);
    setFrameShape(QFrame::NoFrame);
    setBackgroundBrush(Qt::white);

    m_chart = chart();
    m_chart->setBackgroundVisible(false);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->setMargins(ChartStyle::timeChartMargins());
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    QLegend *legend = m_chart->legend();
    legend->setAlignment(Qt::AlignBottom);
    legend->setMarkerShape(QLegend::MarkerShapeRectangle);
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

    m_rebuild.setSingleShot(true);
    m_rebuild.setInterval(kCoalesceMs);
    connect(&m_rebuild, &QTimer::timeout, this, &ForecastChart::rebuild);
    connect(m_chart, &QChart::plotAreaChanged, this, [this] { updateAxes(false); });
}

void ForecastChart::setData(const Data &data)
{
    m_data = data;
    m_rebuild.start();
}

void ForecastChart::whenRebuilt(const std::function<void()> &done)
{
    if (!m_rebuild.isActive()) {
        QTimer::singleShot(0, this, done);
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(this, &ForecastChart::rebuilt, this, [this, connection, done] {
        disconnect(*connection);
        QTimer::singleShot(0, this, done);
    });
}

QStringList ForecastChart::seriesNames() const
{
    QStringList names;
    const QList<QAbstractSeries *> all = m_chart->series();
    for (const QAbstractSeries *s : all)
        names << s->name();
    return names;
}

QStringList ForecastChart::timeTickLabels() const { return m_xAxis->categoriesLabels(); }

QStringList ForecastChart::moneyTickLabels() const { return m_yAxis->categoriesLabels(); }

void ForecastChart::addBand(const std::vector<double> &lo, const std::vector<double> &hi, const QString &name,
                            const QColor &colour)
{
    QList<QPointF> upperPoints, lowerPoints;
    const std::size_t n = std::max(lo.size(), hi.size());
    for (std::size_t i = 0; i < n; ++i) {
        const double l = at(lo, i), h = at(hi, i);
        if (std::isfinite(l) && std::isfinite(h)) {
            lowerPoints << QPointF(static_cast<double>(i), l);
            upperPoints << QPointF(static_cast<double>(i), h);
            m_max = std::max(m_max, h);
        }
    }
    if (upperPoints.isEmpty())
        return;
    auto *upper = new QLineSeries;
    auto *lower = new QLineSeries;
    upper->replace(upperPoints);
    lower->replace(lowerPoints);
    auto *area = new QAreaSeries(upper, lower);
    upper->setParent(area); // QAreaSeries does not own its boundary lines
    lower->setParent(area);
    area->setName(name);
    area->setColor(colour);
    area->setPen(QPen(Qt::NoPen));
    m_chart->addSeries(area);
    area->attachAxis(m_xAxis);
    area->attachAxis(m_yAxis);
}

void ForecastChart::rebuild()
{
    m_chart->removeAllSeries();
    m_max = 0.0;
    const std::size_t n = m_data.days();
    QColor band95 = BandChart::forecastColour();
    QColor band80 = band95;
    band95.setAlpha(40);
    band80.setAlpha(80);
    addBand(m_data.lo95, m_data.hi95, tr("95% range"), band95);
    addBand(m_data.lo80, m_data.hi80, tr("80% range"), band80);

    auto addLine = [&](const std::vector<double> &v, const QString &name, const QColor &colour, Qt::PenStyle style) {
        QList<QPointF> points;
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (std::isfinite(v[i])) {
                points << QPointF(static_cast<double>(i), v[i]);
                m_max = std::max(m_max, v[i]);
            }
        }
        if (points.isEmpty())
            return;
        auto *line = new QLineSeries;
        line->replace(points);
        line->setName(name);
        QPen pen(colour);
        pen.setWidthF(2.0);
        pen.setStyle(style);
        line->setPen(pen);
        m_chart->addSeries(line);
        line->attachAxis(m_xAxis);
        line->attachAxis(m_yAxis);
    };
    addLine(m_data.actual, m_data.actualName.isEmpty() ? tr("Actual") : m_data.actualName, BandChart::actualColour(), Qt::SolidLine);
    addLine(m_data.forecast, m_data.forecastName.isEmpty() ? tr("Forecast") : m_data.forecastName, BandChart::forecastColour(), Qt::DashLine);
    for (const ReferenceLine &ref : m_data.lines) {
        m_max = std::max(m_max, ref.value);
        if (n < 2)
            continue;
        auto *line = new QLineSeries;
        line->append(0, ref.value);
        line->append(static_cast<double>(n - 1), ref.value);
        line->setName(ref.label);
        QPen pen(ref.colour);
        pen.setWidthF(ref.dashed ? 1.2 : 2.0);
        pen.setStyle(ref.dashed ? Qt::DotLine : Qt::SolidLine);
        line->setPen(pen);
        m_chart->addSeries(line);
        line->attachAxis(m_xAxis);
        line->attachAxis(m_yAxis);
    }
    m_max *= 1.04; // headroom so the top line does not touch the frame
    updateAxes(true);
    Q_EMIT rebuilt();
}

void ForecastChart::updateAxes(bool force)
{
    QRectF plot = m_chart->plotArea();
    if (plot.width() < 50 || plot.height() < 50)
        plot = QRectF(0, 0, width() * 0.8, height() * 0.7);
    const int xTicks = std::clamp(static_cast<int>(plot.width()) / kMinPixelsPerTimeTick, 2, 14);
    const int yTicks = std::clamp(static_cast<int>(plot.height()) / kMinPixelsPerMoneyTick, 2, 10);
    if (!force && xTicks == m_builtXTicks && yTicks == m_builtYTicks)
        return;
    m_builtXTicks = xTicks;
    m_builtYTicks = yTicks;

    const std::size_t n = std::max(m_data.actual.size(), m_data.forecast.size());
    std::vector<qint64> starts(n);
    for (std::size_t i = 0; i < n; ++i)
        starts[i] = (m_data.firstDay + static_cast<qint64>(i)) * 86400;
    m_xAxis->setRange(0, std::max<double>(1, static_cast<double>(n) - 1));
    m_xAxis->setStartValue(0);
    ChartAxes::fillTimeAxis(m_xAxis, starts, Analytics::Grain::Day, xTicks);
    ChartAxes::fillMoneyAxis(m_yAxis, m_max, yTicks, m_data.currency);
}
