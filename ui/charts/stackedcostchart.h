#pragma once

#include "analytics/analytics.h"
#include "charts/chartbase.h"

#include <QString>
#include <QStringList>

#include <vector>

class QAreaSeries;
class QLabel;

/// Daily cost as stacked areas, one per series of an Analytics::DailyBreakdown (largest at
/// the bottom, "Other" on top in grey). The date axis picks calendar-aligned ticks (days,
/// Mondays, month starts) to fit the width; the money axis uses round steps and QLocale
/// currency labels. Hovering an area shows that series' cost for the day.
class StackedCostChart : public ChartBase {
    Q_OBJECT
public:
    explicit StackedCostChart(QWidget *parent = nullptr);

    /// Replaces everything shown with `data`, money in `currency` (ISO code). Days not complete at
    /// `completeUntil` (epoch seconds; 0 = all complete) are hatched and named in the legend
    /// ("Partial — data until …"); the first day always counts as complete.
    void setData(const Analytics::DailyBreakdown &data, const QString &currency, std::int64_t completeUntil = 0);
    /// The legend's note on partial days, or "" when every day shown is complete.
    QString partialNote() const { return m_partialNote; }

    /// The breakdown shown.
    const Analytics::DailyBreakdown &data() const { return m_data; }
    /// Number of stacked series shown.
    int seriesCount() const;
    /// Names of the series, bottom first.
    QStringList seriesNames() const;
    /// Labels on the date axis, left to right.
    QStringList dateTickLabels() const;
    /// Labels on the money axis, bottom to top.
    QStringList moneyTickLabels() const;

protected:
    /// Drawn at once by setData() (not on the timer); again after a palette change.
    void rebuild() override;
    void layoutAxes(int xTicks, int yTicks) override;

private:
    void showTip(int series, const QPointF &point, bool state);

    QLabel *m_emptyLabel = nullptr;
    std::vector<QAreaSeries *> m_areas;
    Analytics::DailyBreakdown m_data;
    QString m_currency;
    std::int64_t m_completeUntil = 0;
    QString m_partialNote;
    double m_maxTotal = 0;
};
