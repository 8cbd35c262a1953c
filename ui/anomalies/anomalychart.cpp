#include "anomalies/anomalychart.h"

#include "charts/chartaxes.h"
#include "charts/chartstyle.h"
#include "shell/style.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>

#include <algorithm>
#include <cmath>

namespace {

/// One date tick per 90 px, one money tick per 40 px (at most 12 and 8).
const ChartBase::TickDensity kTicks{90, 40, 12, 8, QSizeF(0.8, 0.7)};

} // namespace

AnomalyChart::AnomalyChart(QWidget *parent)
    : ChartBase(QStringLiteral("anomalyChart"), ChartStyle::timeChartMargins(), parent)
{
    styleLegend(Qt::AlignBottom, 8.5, true);
    addTimeAxes(kTicks);
    m_message = addPlaceholder(tr("Select an anomaly to see its series"));
    Style::text(m_message, Style::Text{Palette::Role::FaintText});
    m_message->show();
}

void AnomalyChart::setData(const Data &data)
{
    m_data = data;
    scheduleRebuild();
}

void AnomalyChart::showMessage(const QString &message)
{
    m_data = Data{};
    m_message->setText(message);
    scheduleRebuild();
}

QString AnomalyChart::partialNote() const
{
    if (m_data.completeUntil <= 0)
        return tr("Partial");
    return ChartStyle::partialNote(m_data.completeUntil, m_data.grain == Analytics::AnomalyGrain::Hour);
}

QStringList AnomalyChart::timeTickLabels() const
{
    return m_xAxis->categoriesLabels();
}

void AnomalyChart::rebuild()
{
    const Palette &palette = Palette::current();
    m_chart->removeAllSeries();
    m_flagged = 0;
    m_max = 0;
    const auto &pts = m_data.points;
    m_message->setVisible(pts.empty());
    m_chart->legend()->setVisible(!pts.empty());
    if (pts.empty()) {
        finishRebuild();
        return;
    }
    auto *actual = new QLineSeries;
    auto *partialLine = new QLineSeries;
    auto *expected = new QLineSeries;
    auto *upper = new QLineSeries;
    auto *lower = new QLineSeries;
    auto *flagged = new QScatterSeries;
    auto *hlUpper = new QLineSeries;
    auto *hlLower = new QLineSeries;
    auto *ptUpper = new QLineSeries;
    auto *ptLower = new QLineSeries;
    m_banded = m_partial = 0;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const Analytics::TracePoint &p = pts[i];
        const double x = static_cast<double>(i);
        // A partial bucket's line is drawn apart, joined to the last complete point.
        if (!p.partial)
            actual->append(x, p.actual);
        if (p.partial || (i + 1 < pts.size() && pts[i + 1].partial))
            partialLine->append(x, p.actual);
        expected->append(x, p.expected);
        // Without a band (too little history) it collapses onto the actual line.
        upper->append(x, p.hasBand ? p.high : p.actual);
        lower->append(x, p.hasBand ? p.low : p.actual);
        m_banded += p.hasBand;
        if (p.flagged) {
            flagged->append(x, p.actual);
            ++m_flagged;
        }
        if (p.partial) {
            ++m_partial;
            ptUpper->append(x - 0.5, 1), ptUpper->append(x + 0.5, 1);
            ptLower->append(x - 0.5, 0), ptLower->append(x + 0.5, 0);
        }
        m_max = std::max({m_max, p.actual, p.hasBand ? p.high : 0.0, p.expected});
    }
    // The highlight spans the plot's height (series are clipped to the plot area).
    const double top = std::max(m_max * 3.0, 1e-9);
    for (QLineSeries *line : {hlUpper, ptUpper}) {
        QList<QPointF> up = line->points();
        for (QPointF &p : up)
            p.setY(p.y() * top);
        line->replace(up);
    }

    auto *highlight = areaBetween(hlUpper, hlLower);
    highlight->setName(tr("This anomaly"));
    highlight->setColor(palette.colour(Palette::Role::Highlight));
    highlight->setPen(Qt::NoPen);
    auto *band = areaBetween(upper, lower);
    band->setName(tr("Expected band"));
    band->setColor(palette.colour(Palette::Role::BandFill));
    band->setPen(Qt::NoPen);
    expected->setName(tr("Expected"));
    QPen dashed(palette.colour(Palette::Role::Expected));
    dashed.setStyle(Qt::DashLine);
    dashed.setWidthF(1.2);
    expected->setPen(dashed);
    actual->setName(tr("Actual"));
    QPen solid(palette.colour(Palette::Role::Series0));
    solid.setWidthF(1.6);
    actual->setPen(solid);
    flagged->setName(tr("Flagged"));
    flagged->setColor(palette.colour(Palette::Role::Flag));
    flagged->setBorderColor(palette.colour(Palette::Role::Card));
    flagged->setMarkerSize(8);
    auto *partial = areaBetween(ptUpper, ptLower);
    partial->setName(partialNote());
    partial->setBrush(QBrush(palette.colour(Palette::Role::FaintText), Qt::BDiagPattern));
    partial->setPen(Qt::NoPen);
    QPen dotted(palette.colour(Palette::Role::Series0));
    dotted.setStyle(Qt::DotLine);
    dotted.setWidthF(1.6);
    partialLine->setPen(dotted);
    for (QAbstractSeries *s : std::initializer_list<QAbstractSeries *>{highlight, partial, band, expected, actual, partialLine, flagged}) {
        m_chart->addSeries(s);
        s->attachAxis(m_xAxis);
        s->attachAxis(m_yAxis);
    }
    if (highlight->upperSeries()->count() == 0)
        hideLegendEntry(highlight);
    if (m_partial == 0)
        hideLegendEntry(partial);
    hideLegendEntry(partialLine); // the hatched note names it
    finishRebuild();
}

void AnomalyChart::layoutAxes(int xTicks, int yTicks)
{
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
