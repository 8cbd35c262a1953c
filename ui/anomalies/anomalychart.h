#pragma once

#include "anomaly/anomalyscan.h"
#include "charts/chartbase.h"

#include <QString>

#include <vector>

class QLabel;

/// The series of the selected anomaly: actual cost as a line, the detector's expected value
/// (dashed) and its alert band (shaded), flagged points in red, the anomaly's own window
/// highlighted and the trailing buckets whose data is still arriving hatched as partial. Calendar ticks and round money steps as on the spend charts. Rebuilt from a
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
        std::int64_t completeUntil = 0; ///< points from here on are partial (0: none); epoch seconds
    };

    explicit AnomalyChart(QWidget *parent = nullptr);

    void setData(const Data &data);
    /// Shows `message` instead of a chart (nothing selected, loading, an error).
    void showMessage(const QString &message);
    const Data &data() const { return m_data; }
    /// Points drawn as flagged.
    int flaggedCount() const { return m_flagged; }
    /// Points drawn with an expected band.
    int bandedCount() const { return m_banded; }
    /// Points drawn as partial (their data still arriving), and the legend's note on them.
    int partialCount() const { return m_partial; }
    QString partialNote() const;
    QStringList timeTickLabels() const;

protected:
    void rebuild() override;
    void layoutAxes(int xTicks, int yTicks) override;

private:
    QLabel *m_message = nullptr;
    Data m_data;
    double m_max = 0;
    int m_flagged = 0;
    int m_banded = 0;
    int m_partial = 0;
};
