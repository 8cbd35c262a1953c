#pragma once

#include "anomaly/anomalyscan.h"
#include "charts/chartbase.h"

#include <QString>

#include <vector>

class QLabel;

/// The series of the selected anomaly: actual cost as a line, the detector's expected value
/// (dashed) and its alert band (shaded), flagged points in red and the anomaly's own window
/// highlighted. Calendar ticks and round money steps as on the spend charts. Rebuilt from a
/// snapshot on a short coalescing timer. GUI thread.
class AnomalyChart : public ChartBase {
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

protected:
    void rebuild() override;
    void layoutAxes(int xTicks, int yTicks) override;

private:
    QLabel *m_message = nullptr;
    Data m_data;
    double m_max = 0;
    int m_flagged = 0;
};
