#pragma once

#include "report/bandchart.h"

#include <QChartView>
#include <QColor>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <vector>

class QCategoryAxis;
class QChart;

/// A daily series with its forecast: the known values as a line, the forecast as a dashed
/// line inside its 80% and 95% bands (QAreaSeries), and optional horizontal reference lines
/// (a budget and its thresholds). Used by the Forecast page and, cumulative, by the budget
/// burn-down. Rebuilt from a snapshot on a short coalescing timer.
class ForecastChart : public QChartView {
    Q_OBJECT
public:
    using ReferenceLine = BandChart::Line;
    using Data = BandChart::Data;

    explicit ForecastChart(QWidget *parent = nullptr);

    void setData(const Data &data);
    const Data &data() const { return m_data; }
    /// True while a rebuild is scheduled.
    bool isRebuildPending() const { return m_rebuild.isActive(); }
    /// Calls `done` once the chart has drawn its current data (after a pending rebuild and the
    /// layout that follows it).
    void whenRebuilt(const std::function<void()> &done);
    /// Names of the drawn series (legend order).
    QStringList seriesNames() const;
    QStringList timeTickLabels() const;
    QStringList moneyTickLabels() const;

Q_SIGNALS:
    void rebuilt();

private:
    void rebuild();
    void updateAxes(bool force);
    void addBand(const std::vector<double> &lo, const std::vector<double> &hi, const QString &name, const QColor &colour);

    QChart *m_chart = nullptr;
    QCategoryAxis *m_xAxis = nullptr;
    QCategoryAxis *m_yAxis = nullptr;
    QTimer m_rebuild;
    Data m_data;
    double m_max = 0.0;
    int m_builtXTicks = -1;
    int m_builtYTicks = -1;
};
