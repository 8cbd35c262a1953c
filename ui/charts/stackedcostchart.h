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

    /// Replaces everything shown with `data`, money in `currency` (ISO code).
    void setData(const Analytics::DailyBreakdown &data, const QString &currency);

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
    double m_maxTotal = 0;
};
