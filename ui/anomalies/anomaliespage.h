#pragma once

#include "anomalies/anomalydetailpanel.h"
#include "anomalies/anomalyscanner.h"
#include "anomaly/anomalystore.h"
#include "shell/page.h"
#include "task/task.h"

#include <functional>

class AnomalyTableModel;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

/// The Anomalies page: every stored anomaly overlapping the date range (when, series, expected vs
/// actual with its band, impact in money and %, status, root cause), the selected one's series
/// chart, causes and feedback, and the scan settings (global sensitivity, minimum impact).
///
/// Scans run off the GUI thread: scanIfStale() after every import, sync or rules change (the
/// window calls it even while the page is hidden), and the page's own load scans first when the
/// store changed. New anomalies are posted to Ui::AlertCenter. Writes (feedback, settings) run on
/// the thread pool with their own connection and reload the page (which rescans) when done.
class AnomaliesPage : public Page {
    Q_OBJECT
public:
    explicit AnomaliesPage(const QString &dbPath, QWidget *parent = nullptr);

    QString title() const override { return tr("Anomalies"); }

    /// Scans in the background when the store changed since the last scan.
    void scanIfStale();

    AnomalyTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    AnomalyDetailPanel *detailPanel() const { return m_detail; }
    QComboBox *sensitivityBox() const { return m_sensitivity; }
    QDoubleSpinBox *minImpactBox() const { return m_minImpact; }
    AnomalyScanner *scanner() const { return m_scanner; }
    /// Selects the anomaly with `id` (its detail loads shortly); false when it is not listed.
    bool selectAnomaly(qint64 id);
    /// True while a detail load or a write is under way.
    bool isBusy() const { return m_detailLoader.isBusy() || m_writer.isBusy(); }

Q_SIGNALS:
    /// The selected anomaly's detail is shown.
    void detailLoaded();
    /// A feedback or settings write finished (error empty on success).
    void writeFinished(const QString &error);

protected:
    void startLoad() override;
    void whenDrawn(const std::function<void()> &done) override;

private:
    struct LoadResult;
    void apply(const LoadResult &r);
    void loadDetail();
    /// Starts a store write; false (nothing started) while another one runs.
    bool write(const QString &what, std::function<bool(Analytics::AnomalyStore &, std::string &)> action);
    /// Reverts the latest feedback on `id` (the Undo button, Ctrl+Z) and selects it.
    void undoVerdict(qint64 id);
    void applySettings();
    void setScanning(bool scanning, int percent = 0);
    void updateSummary();

    AnomalyTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    AnomalyDetailPanel *m_detail = nullptr;
    QComboBox *m_sensitivity = nullptr;
    QDoubleSpinBox *m_minImpact = nullptr;
    QPushButton *m_rescan = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_summary = nullptr;
    AnomalyScanner *m_scanner = nullptr;
    Analytics::AnomalySettings m_settings;
    QString m_currency;
    qint64 m_selectedId = 0;
    QList<qint64> m_verdicts; ///< anomalies given a verdict this session, the latest last (Ctrl+Z)
    Task::Runner m_detailLoader{this, Task::Runner::Policy::Latest};
    Task::Runner m_writer{this, Task::Runner::Policy::Every};
};
