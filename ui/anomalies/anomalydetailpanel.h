#pragma once

#include "anomaly/anomalyscan.h"
#include "anomaly/rootcause.h"

#include <QWidget>

#include <optional>
#include <vector>

class AnomalyChart;
class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

/// The selected anomaly on the Anomalies page: its series chart (line, expected band, flagged
/// points), the root-cause sentence and ranked causes, feedback buttons (Expected / Not expected /
/// Undo) and the series' own sensitivity. It only shows and asks; the page writes. GUI thread.
class AnomalyDetailPanel : public QWidget {
    Q_OBJECT
public:
    /// Everything shown for one anomaly (loaded on a worker by the page).
    struct Detail {
        Analytics::Anomaly anomaly;
        std::vector<Analytics::CauseItem> causes;
        std::vector<Analytics::TracePoint> trace;
        std::int64_t completeUntil = 0; ///< the series' data is complete up to here (trace points after it are partial)
        bool canUndo = false;
        std::optional<Analytics::Sensitivity> ownSensitivity;
        Analytics::Sensitivity globalSensitivity = Analytics::Sensitivity::Normal;
        QString currency;
    };

    explicit AnomalyDetailPanel(QWidget *parent = nullptr);

    void setDetail(const Detail &detail);
    /// Nothing selected (or loading, or an error): `message` instead of a chart.
    void clear(const QString &message);
    /// Disables the buttons while a write is under way.
    void setBusy(bool busy);

    std::int64_t anomalyId() const { return m_hasDetail ? m_detail.anomaly.id : 0; }
    AnomalyChart *chart() const { return m_chart; }
    QTreeWidget *causeList() const { return m_causes; }
    QPushButton *expectedButton() const { return m_expected; }
    QPushButton *notExpectedButton() const { return m_notExpected; }
    QPushButton *undoButton() const { return m_undo; }
    QComboBox *seriesSensitivityBox() const { return m_sensitivity; }
    QString explanationText() const;

Q_SIGNALS:
    void statusRequested(qint64 id, Analytics::AnomalyStatus status);
    void undoRequested(qint64 id);
    /// nullopt = follow the global sensitivity.
    void seriesSensitivityRequested(const Analytics::SeriesKey &key, std::optional<Analytics::Sensitivity> sensitivity);

private:
    void updateButtons();

    AnomalyChart *m_chart = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_explanation = nullptr;
    QTreeWidget *m_causes = nullptr;
    QPushButton *m_expected = nullptr;
    QPushButton *m_notExpected = nullptr;
    QPushButton *m_undo = nullptr;
    QComboBox *m_sensitivity = nullptr;
    Detail m_detail;
    bool m_hasDetail = false;
    bool m_busy = false;
};
