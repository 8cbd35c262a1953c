#pragma once

#include "anomaly/anomalyscan.h"

#include <QChartView>
#include <QString>
#include <QTimer>

#include <vector>

class QCategoryAxis;
class QChart;
class QLabel;

/// The series of the selected anomaly: actual cost as a line, the detector's expected value
/// (dashed) and its alert band (shaded), flagged points in red and the anomaly's own window
/// highlighted. Calendar ticks and round money steps as on the spend charts. Rebuilt from a
/// snapshot on a short coalescing timer. GUI thread.
class AnomalyChart : public QChartView {
    Q_OBJECT
public:
    struct Data {
        Analytics::AnomalyGrain grain = Analytics::AnomalyGrain::Day;
        std::vector<Analytics::TracePoint> points;
        std::int64_t highlightStart = 0; ///< the selected anomaly, epoch seconds [start, end)
        std::int64_t highlightEnd = 0;
        QString currency;
        QString title;
    };

    explicit AnomalyChart(QWidget *parent = nullptr);

    void setData(const Data &data);
    /// Shows `message` instead of a chart (nothing selected, loading, an error).
    void showMessage(const QString &message);
    const Data &data() const { return m_data; }
    /// Points drawn as flagged.
    int flaggedCount() const { return m_flagged; }
    QStringList timeTickLabels() const;
    bool isRebuildPending() const { return m_rebuild.isActive(); }

Q_SIGNALS:
    void rebuilt();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    void updateAxes(bool force);

    QChart *m_chart = nullptr;
    QCategoryAxis *m_xAxis = nullptr;
    QCategoryAxis *m_yAxis = nullptr;
    QLabel *m_message = nullptr;
    QTimer m_rebuild;
    Data m_data;
    double m_max = 0;
    int m_flagged = 0;
    int m_builtXTicks = -1;
    int m_builtYTicks = -1;
};
