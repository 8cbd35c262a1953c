#pragma once

#include "charts/chartbase.h"
#include "report/bandchart.h"

#include <QColor>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

/// A daily series with its forecast: the known values as a line, the forecast as a dashed
/// line inside its 80% and 95% bands (QAreaSeries), and optional horizontal reference lines
/// (a budget and its thresholds); days whose data is still arriving drawn apart as partial. Used by the Forecast page and, cumulative, by the budget
/// burn-down. Rebuilt from a snapshot on a short coalescing timer.
class ForecastChart : public ChartBase {
    Q_OBJECT
public:
    using ReferenceLine = BandChart::Line;
    using Data = BandChart::Data;

    explicit ForecastChart(QWidget *parent = nullptr);

    /// Days whose data is still arriving, drawn apart (dotted, hollow points) with `note` in the legend.
    struct Partial {
        std::int64_t firstDay = 0;
        std::vector<double> soFar; ///< the spend known so far of each day
        QString note;
    };

    /// The chart's data (no partial days).
    void setData(const Data &data);
    /// The chart's data and its partial days.
    void setData(const Data &data, const Partial &partial);
    const Data &data() const { return m_data; }
    /// Calls `done` once the chart has drawn its current data (after a pending rebuild and the
    /// layout that follows it).
    void whenRebuilt(const std::function<void()> &done);
    /// Names of the drawn series (legend order).
    QStringList seriesNames() const;
    QStringList timeTickLabels() const;
    QStringList moneyTickLabels() const;

protected:
    void rebuild() override;
    void layoutAxes(int xTicks, int yTicks) override;

private:
    void addBand(const std::vector<double> &lo, const std::vector<double> &hi, const QString &name, const QColor &colour);

    Data m_data;
    Partial m_partial;
    double m_max = 0.0;
};
