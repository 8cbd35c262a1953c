#include "charts/stackedcostchart.h"

#include "analytics/freshness.h"
#include "charts/chartaxes.h"
#include "charts/chartstyle.h"
#include "format/format.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {

/// One date tick per 90 px, one money tick per 48 px (at most 12 and 10).
const ChartBase::TickDensity kTicks{90, 48, 12, 10, QSizeF(0.75, 0.8)};

} // namespace

StackedCostChart::StackedCostChart(QWidget *parent)
    : ChartBase(QStringLiteral("dailyCostChart"), ChartStyle::timeChartMargins(), parent)
{
    styleLegend(Qt::AlignRight, 9);
    m_chart->legend()->setShowToolTips(true);
    addTimeAxes(kTicks);
    m_emptyLabel = addPlaceholder(tr("No charges in this date range"));
}

void StackedCostChart::setData(const Analytics::DailyBreakdown &data, const QString &currency, std::int64_t completeUntil)
{
    m_data = data;
    m_currency = currency;
    m_completeUntil = completeUntil;
    rebuild();
}

void StackedCostChart::rebuild()
{
    const Analytics::DailyBreakdown &data = m_data;
    m_chart->removeAllSeries();
    m_areas.clear();

    const auto days = static_cast<std::size_t>(std::max(0, data.days));
    std::vector<double> below(days, 0.0);
    m_maxTotal = 0;
    std::vector<SeriesColours::Series> keys;
    for (std::size_t s = 0; s < data.names.size(); ++s)
        keys.push_back({QString::fromStdString(data.names[s]), s + 1 == data.names.size() && data.names[s] == "Other"});
    const std::vector<QColor> colours = ChartStyle::seriesColours(keys);
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
        auto *area = areaBetween(upperPoints, lowerPoints);
        const QString name = QString::fromStdString(data.names[s]);
        addStackedLayer(area, keys[s].other ? tr("Other") : name, colours[s]);
        const int index = static_cast<int>(s);
        connect(area, &QAreaSeries::hovered, this,
                [this, index](const QPointF &point, bool state) { showTip(index, point, state); });
        m_areas.push_back(area);
    }
    // Days still arriving: hatched from halfway after the last complete day to the end.
    m_partialNote.clear();
    const qint64 lastDay = data.firstDay + static_cast<qint64>(days) - 1;
    const qint64 firstPartial = m_completeUntil > 0
        ? std::max<qint64>(Analytics::Freshness::firstPartialDay(m_completeUntil), data.firstDay + 1)
        : lastDay + 1;
    if (!m_areas.empty() && m_maxTotal > 0 && firstPartial <= lastDay) {
        const double x0 = static_cast<double>(firstPartial) - 0.5, x1 = static_cast<double>(lastDay);
        auto *hatch = areaBetween(QList<QPointF>{{x0, m_maxTotal}, {x1, m_maxTotal}}, QList<QPointF>{{x0, 0.0}, {x1, 0.0}});
        m_partialNote = ChartStyle::partialNote(m_completeUntil, true);
        hatch->setName(m_partialNote);
        hatch->setBrush(QBrush(Palette::current().colour(Palette::Role::FaintText), Qt::BDiagPattern));
        hatch->setPen(Qt::NoPen);
        m_chart->addSeries(hatch);
        hatch->attachAxis(m_xAxis);
        hatch->attachAxis(m_yAxis);
    }
    m_emptyLabel->setVisible(m_areas.empty() || m_maxTotal <= 0);
    finishRebuild();
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

void StackedCostChart::layoutAxes(int xTicks, int yTicks)
{
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
                                                Format::shortDate(m_data.firstDay + index, true),
                                                Format::unitMoney(value, m_currency, 2)),
                       this);
}
