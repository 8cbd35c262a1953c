#pragma once

#include "analytics/breakdown.h"
#include "charts/chartbase.h"
#include "domain/money.h"

#include <QColor>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

class QAbstractSeries;
class QLabel;

/// Cost over time for a spend page: one stacked series per top value and "Other", as areas or
/// bars, at any grain (hour, day, week, month). The time axis picks calendar-aligned ticks that
/// fit the width; the money axis uses round steps. Hover shows the exact money of a bucket,
/// clicking a series asks to narrow the filter to it, legend markers hide and show series.
///
/// setData() keeps a snapshot; the chart is rebuilt from it on a short coalescing timer, so a
/// burst of changes (data, style, toggles) draws once.
class TimeCostChart : public ChartBase {
    Q_OBJECT
public:
    enum class Style { Area, Bars };
    /// Fewer buckets than this cannot make an area (one point draws nothing): bars are drawn.
    static constexpr int kMinAreaBuckets = 3;

    struct Series {
        QString name;                       ///< as shown
        QString key;                        ///< dimension value to filter on
        bool other = false;                 ///< the "Other" bucket (not a filter value)
        std::vector<Cost::BigMoney> values; ///< exact cost per bucket
    };
    struct Data {
        Analytics::Grain grain = Analytics::Grain::Day;
        std::vector<qint64> bucketStarts; ///< epoch seconds (UTC)
        qint64 rangeStart = 0;            ///< the range shown, epoch seconds [start, end): edge
        qint64 rangeEnd = 0;              ///< buckets may reach past it (a week, a month)
        std::vector<Series> series;       ///< bottom of the stack first
        QString currency;
        /// The data is complete up to this instant (epoch seconds; 0 = all of it): buckets
        /// reaching past it are still arriving and drawn hatched (Analytics::Freshness).
        qint64 completeUntil = 0;
    };

    explicit TimeCostChart(QWidget *parent = nullptr);

    /// Replaces the data; series hidden before stay hidden when their name is still there.
    void setData(const Data &data);
    const Data &data() const { return m_data; }
    void setStyle(Style style);
    Style style() const { return m_style; }
    /// Hides or shows the series called `name` (as a legend click does).
    void setSeriesHidden(const QString &name, bool hidden);
    bool isSeriesHidden(const QString &name) const { return m_hidden.contains(name); }

    /// Names of the drawn series, bottom first.
    QStringList seriesNames() const;
    /// The chart's series objects, bottom first (QAreaSeries, or one QStackedBarSeries).
    QList<QAbstractSeries *> chartSeries() const;
    QStringList timeTickLabels() const;
    QStringList moneyTickLabels() const;
    /// The index of the first bucket still arriving (see Data::completeUntil); the bucket count
    /// when every bucket is complete.
    int firstPartialBucket() const;
    /// The legend's note on the hatched buckets ("Partial — data until Dec 5", with the time on
    /// an hourly chart), empty when none.
    QString partialNote() const { return m_partialNote; }

    /// What the picture shows as CSV rows: a header, then one row per bucket and visible series.
    QList<QStringList> exportRows() const;

Q_SIGNALS:
    /// The user clicked a series other than "Other".
    void seriesActivated(const QString &key);

protected:
    void rebuild() override;
    void layoutAxes(int xTicks, int yTicks) override;
    void addMenuEntries(QMenu *menu) override;

private:
    /// The session colour of each series of m_data (ChartStyle::seriesColours).
    std::vector<QColor> colours() const;
    void buildAreas(const std::vector<std::vector<double>> &values);
    void buildBars(const std::vector<std::vector<double>> &values);
    void connectLegend();
    void addPartialHatch(const std::vector<std::vector<double>> &values);
    void showTip(int series, int bucket);
    void activate(int series);
    bool drawsBars() const;

    QLabel *m_emptyLabel = nullptr;
    Data m_data;
    Style m_style = Style::Area;
    QSet<QString> m_hidden;
    QList<QAbstractSeries *> m_series;
    double m_maxTotal = 0;
    QString m_partialNote;
    QAbstractSeries *m_hatch = nullptr;  // the hatched overlay on buckets still arriving, or null
};
