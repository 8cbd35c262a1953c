#pragma once

#include "anomaly/anomalyscan.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <vector>

namespace Cost {
class Store;
}
namespace Task {
class Context;
class Runner;
}

/// What one scan-and-collect pass did, for the GUI thread.
struct AnomalyScanOutcome {
    bool scanned = false;                    ///< the store was stale and has been scanned
    Analytics::ScanResult result;
    QString error;                           ///< empty on success ("cancelled" when stopped)
    std::vector<Analytics::Anomaly> toAlert; ///< not yet posted; marked as posted in the store
    std::int64_t dataEnd = 0;                ///< end of the latest charge
    Cost::Money minImpact = 0;
    QString currency;
};

/// Scans the store when it changed since the last scan (one scan at a time per process: a
/// second caller waits, then finds the store current), then takes the anomalies not yet posted
/// as alerts and marks them posted. Runs on a worker thread with its own store connection;
/// `progress` (0–100) is called there.
AnomalyScanOutcome scanAndCollect(Cost::Store &store, const std::atomic_bool *cancel = nullptr,
                                  const std::function<void(int)> &progress = {});
/// The same in a Task::Runner body: the context's store, cancel state and progress.
AnomalyScanOutcome scanAndCollect(Task::Context &context);

/// Posts the collected anomalies to Ui::AlertCenter (kind "anomaly"): each one that ended within
/// the last two days of data on its own (the largest five), the older ones in one summary, so
/// that a first scan of a long history does not flood the tray. GUI thread.
void postAnomalyAlerts(const AnomalyScanOutcome &outcome);

/// Runs the anomaly scan on a Task::Runner after imports and syncs, with progress and cancel
/// (QFuture::cancel), and posts the alerts. One scan at a time; a request during a scan runs
/// one more afterwards.
class AnomalyScanner : public QObject {
    Q_OBJECT
public:
    explicit AnomalyScanner(const QString &dbPath, QObject *parent = nullptr);
    ~AnomalyScanner() override;

    /// Starts a scan when the store changed since the last one (checked on the worker).
    void scanIfStale();
    /// Stops the running scan at its next series; the store keeps the previous anomalies.
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void started();
    /// 0–100 while scanning.
    void progress(int percent);
    /// A scan ended (or found the store current: outcome.scanned false).
    void finished(const AnomalyScanOutcome &outcome);

private:
    void onFinished(const AnomalyScanOutcome &outcome);

    QString m_dbPath;
    Task::Runner *m_runner;
    bool m_again = false;
};
