#include "charts/timecostchart.h"

#include "charts/chartaxes.h"
#include "charts/chartstyle.h"
#include "format/format.h"
#include "shell/style.h"
#include "spend/spendformat.h"

#include <QAreaSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QCursor>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QStackedBarSeries>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {

/// One date tick per 90 px, one money tick per 44 px (at most 14 and 10).
const ChartBase::TickDensity kTicks{90, 44, 14, 10, QSizeF(0.7, 0.8)};

} // namespace

TimeCostChart::TimeCostChart(QWidget *parent)
    : ChartBase(QStringLiteral("timeCostChart"), ChartStyle::timeChartMargins(), parent)
{
    setMouseTracking(true);
    styleLegend(Qt::AlignRight, 8.5);
    m_chart->legend()->setShowToolTips(true);
    addTimeAxes(kTicks);
    m_emptyLabel = addPlaceholder(tr("No charges match in this date range"));
    enableCsvExport();
}

void TimeCostChart::setData(const Data &data)
{
    m_data = data;
    QSet<QString> stillThere;
    for (const Series &s : m_data.series) {
        if (m_hidden.contains(s.name))
            stillThere.insert(s.name);
    }
    m_hidden = stillThere;
    scheduleRebuild();
}

void TimeCostChart::setStyle(Style style)
{
    if (style == m_style)
        return;
    m_style = style;
    scheduleRebuild();
}

void TimeCostChart::setSeriesHidden(const QString &name, bool hidden)
{
    if (hidden == m_hidden.contains(name))
        return;
    if (hidden)
        m_hidden.insert(name);
    else
        m_hidden.remove(name);
    scheduleRebuild();
}

QStringList TimeCostChart::seriesNames() const
{
    QStringList names;
    for (const Series &s : m_data.series)
        names << s.name;
    return names;
}

QList<QAbstractSeries *> TimeCostChart::chartSeries() const
{
    return m_series;
}

QStringList TimeCostChart::timeTickLabels() const
{
    return m_xAxis->categoriesLabels();
}

QStringList TimeCostChart::moneyTickLabels() const
{
    return m_yAxis->categoriesLabels();
}

bool TimeCostChart::drawsBars() const
{
    return m_style == Style::Bars || static_cast<int>(m_data.bucketStarts.size()) < kMinAreaBuckets;
}

QList<QStringList> TimeCostChart::exportRows() const
{
    const QString currency = m_data.currency.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m_data.currency);
    QList<QStringList> rows;
    rows << QStringList{tr("Bucket start"), tr("Series"), tr("Cost%1").arg(currency)};
    for (std::size_t b = 0; b < m_data.bucketStarts.size(); ++b) {
        const QString bucket = SpendFormat::bucketIso(m_data.bucketStarts[b], m_data.grain);
        for (const Series &s : m_data.series) {
            if (m_hidden.contains(s.name))
                continue;
            const Cost::BigMoney value = b < s.values.size() ? s.values[b] : 0;
            rows << QStringList{bucket, s.name, QString::fromStdString(Cost::formatMoney(value))};
        }
    }
    return rows;
}

void TimeCostChart::rebuild()
{
    m_chart->removeAllSeries();
    m_series.clear();
    const std::size_t buckets = m_data.bucketStarts.size();
    // Hidden series stay in the stack (and the legend) with zero height, so the legend can bring them back.
    std::vector<std::vector<double>> values;
    std::vector<double> totals(buckets, 0.0);
    for (const Series &s : m_data.series) {
        std::vector<double> v(buckets, 0.0);
        if (!m_hidden.contains(s.name)) {
            for (std::size_t b = 0; b < buckets && b < s.values.size(); ++b)
                v[b] = Cost::toDouble(s.values[b]);
        }
        for (std::size_t b = 0; b < buckets; ++b)
            totals[b] += v[b];
        values.push_back(std::move(v));
    }
    m_maxTotal = totals.empty() ? 0.0 : *std::max_element(totals.begin(), totals.end());
    if (drawsBars())
        buildBars(values);
    else
        buildAreas(values);
    addPartialHatch(values);
    connectLegend();
    bool anyCost = false;
    for (const Series &s : m_data.series)
        anyCost = anyCost || std::any_of(s.values.begin(), s.values.end(), [](Cost::BigMoney v) { return v != 0; });
    m_emptyLabel->setVisible(!anyCost);
    m_chart->legend()->setVisible(anyCost);
    finishRebuild();
}

std::vector<QColor> TimeCostChart::colours() const
{
    std::vector<SeriesColours::Series> keys;
    keys.reserve(m_data.series.size());
    for (const Series &series : m_data.series)
        keys.push_back({series.key, series.other});
    return ChartStyle::seriesColours(keys);
}

void TimeCostChart::buildAreas(const std::vector<std::vector<double>> &values)
{
    const std::vector<QColor> colour = colours();
    const std::size_t buckets = m_data.bucketStarts.size();
    std::vector<double> below(buckets, 0.0);
    for (std::size_t s = 0; s < m_data.series.size(); ++s) {
        QList<QPointF> lowerPoints, upperPoints;
        lowerPoints.reserve(static_cast<qsizetype>(buckets));
        upperPoints.reserve(static_cast<qsizetype>(buckets));
        for (std::size_t b = 0; b < buckets; ++b) {
            const double x = static_cast<double>(b);
            lowerPoints.append(QPointF(x, below[b]));
            below[b] += values[s][b];
            upperPoints.append(QPointF(x, below[b]));
        }
        auto *area = areaBetween(upperPoints, lowerPoints);
        const Series &series = m_data.series[s];
        addStackedLayer(area, series.name, colour[s]);
        const int index = static_cast<int>(s);
        connect(area, &QAreaSeries::hovered, this, [this, index](const QPointF &point, bool state) {
            if (!state) {
                QToolTip::hideText();
                viewport()->unsetCursor();
                return;
            }
            showTip(index, static_cast<int>(std::lround(point.x())));
        });
        connect(area, &QAreaSeries::clicked, this, [this, index] { activate(index); });
        m_series << area;
    }
}

void TimeCostChart::buildBars(const std::vector<std::vector<double>> &values)
{
    auto *bars = new QStackedBarSeries;
    bars->setBarWidth(m_data.bucketStarts.size() > 40 ? 0.9 : 0.7);
    const std::vector<QColor> seriesColour = colours();
    for (std::size_t s = 0; s < m_data.series.size(); ++s) {
        const Series &series = m_data.series[s];
        auto *set = new QBarSet(series.name);
        QList<qreal> v;
        v.reserve(static_cast<qsizetype>(values[s].size()));
        for (double x : values[s])
            v << x;
        set->append(v);
        const QColor &colour = seriesColour[s];
        set->setColor(colour);
        set->setBorderColor(colour);
        bars->append(set);
    }
    m_chart->addSeries(bars);
    // Bars sit at x = bucket index, the same coordinates the time axis labels use.
    bars->attachAxis(m_xAxis);
    bars->attachAxis(m_yAxis);
    connect(bars, &QStackedBarSeries::hovered, this, [this, bars](bool status, int index, QBarSet *set) {
        if (!status) {
            QToolTip::hideText();
            viewport()->unsetCursor();
            return;
        }
        showTip(static_cast<int>(bars->barSets().indexOf(set)), index);
    });
    connect(bars, &QStackedBarSeries::clicked, this,
            [this, bars](int, QBarSet *set) { activate(static_cast<int>(bars->barSets().indexOf(set))); });
    m_series << bars;
}

int TimeCostChart::firstPartialBucket() const
{
    const auto buckets = static_cast<int>(m_data.bucketStarts.size());
    if (m_data.completeUntil <= 0)
        return buckets;
    for (int b = 0; b < buckets; ++b) {
        if (SpendFormat::bucketEnd(m_data.bucketStarts[static_cast<std::size_t>(b)], m_data.grain) > m_data.completeUntil)
            return b;
    }
    return buckets;
}

void TimeCostChart::addPartialHatch(const std::vector<std::vector<double>> &values)
{
    // Buckets still arriving (a sync of today, a provider a day late) hold only part of their
    // spend: hatched, and named in the legend, so that a fall there does not read as one.
    m_hatch = nullptr;
    m_partialNote.clear();
    const int buckets = static_cast<int>(m_data.bucketStarts.size());
    const int first = firstPartialBucket();
    if (first >= buckets || m_maxTotal <= 0)
        return;
    const bool bars = drawsBars();
    const double x0 = bars ? first - 0.5 : std::max(0.0, first - 0.5);
    const double x1 = bars ? buckets - 0.5 : std::max(1, buckets - 1);
    auto *hatch = areaBetween(QList<QPointF>{{x0, m_maxTotal}, {x1, m_maxTotal}}, QList<QPointF>{{x0, 0.0}, {x1, 0.0}});
    // The legend is narrow: the time of day only where buckets are hours (the tooltip has it).
    m_partialNote = ChartStyle::partialNote(m_data.completeUntil, m_data.grain == Analytics::Grain::Hour);
    hatch->setName(m_partialNote);
    hatch->setBrush(QBrush(::Style::colour(Palette::Role::FaintText), Qt::BDiagPattern));
    hatch->setPen(Qt::NoPen);
    m_chart->addSeries(hatch);
    hatch->attachAxis(m_xAxis);
    hatch->attachAxis(m_yAxis);
    // The hatch lies on top: it passes hover and clicks on to the series under the pointer.
    auto seriesAt = [this, values](const QPointF &point, int &bucket) {
        bucket = std::clamp(static_cast<int>(std::lround(point.x())), 0, static_cast<int>(m_data.bucketStarts.size()) - 1);
        double top = 0;
        for (std::size_t s = 0; s < values.size(); ++s) {
            top += values[s][static_cast<std::size_t>(bucket)];
            if (point.y() <= top && values[s][static_cast<std::size_t>(bucket)] > 0)
                return static_cast<int>(s);
        }
        return -1;
    };
    connect(hatch, &QAreaSeries::hovered, this, [this, seriesAt](const QPointF &point, bool state) {
        int bucket = 0;
        const int series = state ? seriesAt(point, bucket) : -1;
        if (series < 0) {
            QToolTip::hideText();
            viewport()->unsetCursor();
            return;
        }
        showTip(series, bucket);
    });
    connect(hatch, &QAreaSeries::clicked, this, [this, seriesAt](const QPointF &point) {
        int bucket = 0;
        activate(seriesAt(point, bucket));
    });
    m_hatch = hatch;
}

void TimeCostChart::connectLegend()
{
    const QList<QLegendMarker *> markers = m_chart->legend()->markers();
    for (QLegendMarker *marker : markers) {
        if (marker->series() == m_hatch)
            continue; // a note, not a series to hide
        const QString name = marker->label();
        if (m_hidden.contains(name)) {
            QColor colour = marker->brush().color();
            marker->setBrush(ChartStyle::faded(colour));
            marker->setPen(QPen(Qt::NoPen));
            marker->setLabelBrush(::Style::colour(Palette::Role::DisabledText));
        }
        connect(marker, &QLegendMarker::clicked, this, [this, name] { setSeriesHidden(name, !isSeriesHidden(name)); });
        connect(marker, &QLegendMarker::hovered, this, [this, name](bool status) {
            if (status)
                QToolTip::showText(QCursor::pos(), isSeriesHidden(name) ? tr("Click to show %1").arg(name)
                                                                        : tr("Click to hide %1").arg(name),
                                   this);
        });
    }
}

void TimeCostChart::addMenuEntries(QMenu *menu)
{
    if (!m_hidden.isEmpty()) {
        menu->addAction(tr("Show all series"), this, [this] {
            m_hidden.clear();
            scheduleRebuild();
        });
    }
}

void TimeCostChart::layoutAxes(int xTicks, int yTicks)
{
    const int buckets = static_cast<int>(m_data.bucketStarts.size());
    const bool bars = drawsBars();
    const double left = bars ? -0.5 : 0.0;
    const double right = bars ? buckets - 0.5 : std::max(1, buckets - 1);
    m_xAxis->setRange(left, right);
    m_xAxis->setStartValue(left);
    ChartAxes::fillTimeAxis(m_xAxis, m_data.bucketStarts, m_data.grain, xTicks);
    ChartAxes::fillMoneyAxis(m_yAxis, m_maxTotal, yTicks, m_data.currency);
}

void TimeCostChart::showTip(int series, int bucket)
{
    if (series < 0 || series >= static_cast<int>(m_data.series.size()) || bucket < 0
        || bucket >= static_cast<int>(m_data.bucketStarts.size())) {
        QToolTip::hideText();
        return;
    }
    const Series &s = m_data.series[static_cast<std::size_t>(series)];
    const auto b = static_cast<std::size_t>(bucket);
    Cost::BigMoney total = 0;
    for (const Series &other : m_data.series) {
        if (!m_hidden.contains(other.name) && b < other.values.size())
            total += other.values[b];
    }
    const Cost::BigMoney value = b < s.values.size() ? s.values[b] : 0;
    const QString muted = ::Style::css(Palette::Role::MutedText);
    QString when = SpendFormat::bucketLabel(m_data.bucketStarts[b], m_data.grain).toHtmlEscaped();
    // A week or month at the edge of the range holds only the range's days: say so.
    const qint64 start = m_data.bucketStarts[b];
    const qint64 end = SpendFormat::bucketEnd(start, m_data.grain);
    if (m_data.rangeEnd > m_data.rangeStart && (start < m_data.rangeStart || end > m_data.rangeEnd)) {
        const qint64 first = std::max(start, m_data.rangeStart) / 86400;
        const qint64 last = (std::min(end, m_data.rangeEnd) - 1) / 86400;
        when += tr(" <span style='color:%3'>(partial: %1 \u2013 %2)</span>")
                    .arg(Format::shortDate(first), Format::shortDate(last), muted);
    }
    if (bucket >= firstPartialBucket())
        when += QStringLiteral(" <span style='color:%1'>(%2)</span>").arg(muted, ChartStyle::partialNote(m_data.completeUntil, true).toHtmlEscaped());
    QString text = tr("<b>%1</b><br>%2<br>%3").arg(s.name.toHtmlEscaped(), when,
                                                   Format::money(value, m_data.currency, Format::Precision::AllDecimals).toHtmlEscaped());
    text += tr("<br><span style='color:%2'>All shown: %1</span>").arg(Format::money(total, m_data.currency, Format::Precision::AllDecimals).toHtmlEscaped(), muted);
    if (!s.other)
        text += tr("<br><span style='color:%2'>Click to filter to %1</span>").arg(s.name.toHtmlEscaped(), muted);
    viewport()->setCursor(s.other ? Qt::ArrowCursor : Qt::PointingHandCursor);
    QToolTip::showText(QCursor::pos(), text, this);
}

void TimeCostChart::activate(int series)
{
    if (series < 0 || series >= static_cast<int>(m_data.series.size()))
        return;
    const Series &s = m_data.series[static_cast<std::size_t>(series)];
    if (!s.other)
        Q_EMIT seriesActivated(s.key);
}
