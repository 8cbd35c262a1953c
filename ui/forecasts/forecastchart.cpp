#include "forecasts/forecastchart.h"

#include "charts/chartaxes.h"
#include "charts/chartstyle.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>

#include <algorithm>
#include <memory>
#include <cmath>

namespace {

/// One date tick per 90 px, one money tick per 44 px (at most 14 and 10).
const ChartBase::TickDensity kTicks{90, 44, 14, 10, QSizeF(0.8, 0.7)};

double at(const std::vector<double> &v, std::size_t i)
{
    return i < v.size() ? v[i] : std::nan("");
}

} // namespace

ForecastChart::ForecastChart(QWidget *parent)
    : ChartBase(QStringLiteral("forecastChart"), ChartStyle::timeChartMargins(), parent)
{
    styleLegend(Qt::AlignBottom, 8.5);
    addTimeAxes(kTicks);
}

void ForecastChart::setData(const Data &data)
{
    setData(data, Partial{});
}

void ForecastChart::setData(const Data &data, const Partial &partial)
{
    m_data = data;
    m_partial = partial;
    scheduleRebuild();
}

void ForecastChart::whenRebuilt(const std::function<void()> &done)
{
    if (!isRebuildPending()) {
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
    auto *area = areaBetween(upperPoints, lowerPoints);
    area->setName(name);
    area->setColor(colour);
    area->setPen(QPen(Qt::NoPen));
    m_chart->addSeries(area);
    area->attachAxis(m_xAxis);
    area->attachAxis(m_yAxis);
}

void ForecastChart::rebuild()
{
    const Palette &palette = Palette::current();
    m_chart->removeAllSeries();
    m_max = 0.0;
    const std::size_t n = m_data.days();
    QColor band95 = palette.colour(Palette::Role::Forecast);
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
    addLine(m_data.actual, m_data.actualName.isEmpty() ? tr("Actual") : m_data.actualName, palette.colour(Palette::Role::Actual), Qt::SolidLine);
    addLine(m_data.forecast, m_data.forecastName.isEmpty() ? tr("Forecast") : m_data.forecastName, palette.colour(Palette::Role::Forecast), Qt::DashLine);
    if (!m_partial.soFar.empty()) {
        auto *line = new QLineSeries;
        auto *points = new QScatterSeries;
        for (std::size_t i = 0; i < m_partial.soFar.size(); ++i) {
            const double x = static_cast<double>(m_partial.firstDay - m_data.firstDay) + static_cast<double>(i);
            line->append(x, m_partial.soFar[i]);
            points->append(x, m_partial.soFar[i]);
            m_max = std::max(m_max, m_partial.soFar[i]);
        }
        QPen dotted(palette.colour(Palette::Role::Actual));
        dotted.setWidthF(1.5);
        dotted.setStyle(Qt::DotLine);
        line->setPen(dotted);
        points->setName(m_partial.note);
        points->setMarkerSize(8);
        points->setColor(palette.colour(Palette::Role::Card));
        points->setBorderColor(palette.colour(Palette::Role::Actual));
        for (QAbstractSeries *series : std::initializer_list<QAbstractSeries *>{line, points}) {
            m_chart->addSeries(series);
            series->attachAxis(m_xAxis);
            series->attachAxis(m_yAxis);
        }
        hideLegendEntry(line);
    }
    for (const ReferenceLine &ref : m_data.lines) {
        m_max = std::max(m_max, ref.value);
        if (n < 2)
            continue;
        auto *line = new QLineSeries;
        line->append(0, ref.value);
        line->append(static_cast<double>(n - 1), ref.value);
        line->setName(ref.label);
        QPen pen(palette.colour(ref.colour));
        pen.setWidthF(ref.dashed ? 1.2 : 2.0);
        pen.setStyle(ref.dashed ? Qt::DotLine : Qt::SolidLine);
        line->setPen(pen);
        m_chart->addSeries(line);
        line->attachAxis(m_xAxis);
        line->attachAxis(m_yAxis);
    }
    m_max *= 1.04; // headroom so the top line does not touch the frame
    finishRebuild();
}

void ForecastChart::layoutAxes(int xTicks, int yTicks)
{
    const std::size_t n = std::max(m_data.actual.size(), m_data.forecast.size());
    std::vector<qint64> starts(n);
    for (std::size_t i = 0; i < n; ++i)
        starts[i] = (m_data.firstDay + static_cast<qint64>(i)) * 86400;
    // Partial days drawn at the last day (the simulator's period ending today) get room for their
    // hollow markers, which would otherwise be cut in half by the plot's edge.
    const bool partialAtEnd = !m_partial.soFar.empty()
        && m_partial.firstDay - m_data.firstDay + static_cast<std::int64_t>(m_partial.soFar.size()) >= static_cast<std::int64_t>(n);
    m_xAxis->setRange(0, std::max<double>(1, static_cast<double>(n) - 1) + (partialAtEnd ? 0.02 * static_cast<double>(n) : 0.0));
    m_xAxis->setStartValue(0);
    ChartAxes::fillTimeAxis(m_xAxis, starts, Analytics::Grain::Day, xTicks);
    ChartAxes::fillMoneyAxis(m_yAxis, m_max, yTicks, m_data.currency);
}
