#pragma once

#include "accountstore.h"
#include "connector.h"
#include "syncworker.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>
#include <mutex>

namespace Conn {

/// The windows a sync of `account` fetches, oldest first, as whole UTC days up to and including
/// `today`: from status.syncedThrough − descriptor.restatementDays (providers revise recent days),
/// or, on the first sync, from today − history days (option "history_days", else the descriptor
/// default), cut into descriptor.windowDays-long windows. *firstDay receives the history start.
QList<DateWindow> planWindows(const ConnectorDescriptor &descriptor, const AccountConfig &account,
                              const SyncStatus &status, const QDate &today, QDate *firstDay);

/// Runs syncs off the GUI thread. Create it on the GUI (or CLI main) thread; it owns a worker
/// thread with its own store connection. Secrets are read from the keychain on the calling
/// thread in start() and handed to the worker in memory only.
/// Signals arrive on the engine's thread (queued). One run at a time.
class SyncEngine : public QObject {
    Q_OBJECT
public:
    explicit SyncEngine(QString dbPath, QObject *parent = nullptr);
    /// Cancels a running sync and waits for the worker thread.
    ~SyncEngine() override;

    /// Retry / timeout policy handed to every connector (tests shorten it).
    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    /// "Today" in UTC for window planning (default: the current UTC date; tests pin it).
    void setToday(const QDate &today) { m_today = today; }

    bool isRunning() const { return m_running; }
    /// Starts syncing `accounts` in order (paused ones included: the caller filters).
    /// False with *error when a sync is already running or the list is empty.
    bool start(const QList<AccountConfig> &accounts, QString *error = nullptr);
    /// Cancels the running sync: the current window is abandoned, committed windows stay.
    void cancel();

Q_SIGNALS:
    void accountStarted(qint64 accountId, const QString &name);
    /// `done` of `total` windows (or files) of the current account, and a short text.
    void progress(qint64 accountId, int done, int total, const QString &text);
    void accountFinished(const Conn::SyncOutcome &outcome);
    /// The run is over; every account's outcome, in order.
    void finished(const QList<Conn::SyncOutcome> &outcomes);

private Q_SLOTS:
    /// Emits accountFinished for the outcomes the worker put in the mailbox (queued by name).
    void deliverOutcomes();

private:
    void onAllFinished();
    struct Mailbox {
        std::mutex mutex;
        QList<SyncOutcome> outcomes;
    };
    std::shared_ptr<Mailbox> m_mailbox = std::make_shared<Mailbox>();

    QString m_dbPath;
    RetryPolicy m_policy;
    QDate m_today;
    QThread m_thread;
    QPointer<SyncWorker> m_worker;
    bool m_running = false;
    QList<SyncOutcome> m_outcomes;
};

} // namespace Conn
