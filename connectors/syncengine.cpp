#include "syncengine.h"

#include "connectorregistry.h"
#include "secretbinding.h"
#include "task/handover.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QTimeZone>

#include <algorithm>

namespace Conn {


QList<DateWindow> planWindows(const ConnectorDescriptor &descriptor, const AccountConfig &account,
                              const SyncStatus &status, const QDate &today, QDate *firstDay)
{
    bool ok = false;
    int history = account.option(QStringLiteral("history_days")).toInt(&ok);
    if (!ok || history <= 0)
        history = std::max(1, descriptor.defaultHistoryDays);
    const QDate historyStart = today.addDays(-(history - 1));
    // A longer history option than the first sync used reaches further back (all fetched again).
    const QDate first = status.firstDay.isValid() ? std::min(status.firstDay, historyStart) : historyStart;
    QDate start = historyStart;
    if (status.syncedThrough.isValid() && !(historyStart < status.firstDay))
        start = std::max(first, status.syncedThrough.addDays(-std::max(0, descriptor.restatementDays)));
    // Days the API no longer keeps are never asked for: an empty answer would replace what was
    // stored for them while they were still served.
    if (descriptor.retentionDays > 0)
        start = std::max(start, today.addDays(-(descriptor.retentionDays - 1)));
    if (firstDay)
        *firstDay = first;
    const int step = std::max(1, descriptor.windowDays);
    QList<DateWindow> windows;
    const QDate end = today.addDays(1);
    for (QDate from = start; from < end; from = from.addDays(step))
        windows.push_back(DateWindow{from, std::min(from.addDays(step), end)});
    return windows;
}

SyncEngine::SyncEngine(QString dbPath, QObject *parent)
    : QObject(parent)
    , m_dbPath(std::move(dbPath))
{
    qRegisterMetaType<Conn::SyncOutcome>();
    qRegisterMetaType<QList<Conn::SyncOutcome>>();
    m_thread.setObjectName(QStringLiteral("burnrate-sync"));
}

SyncEngine::~SyncEngine()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

bool SyncEngine::start(const QList<AccountConfig> &accounts, QString *error)
{
    if (m_running) {
        if (error)
            *error = tr("A sync is already running.");
        return false;
    }
    if (accounts.isEmpty()) {
        if (error)
            *error = tr("No account to sync.");
        return false;
    }
    QList<SyncJob> jobs;
    for (const AccountConfig &account : accounts) {
        SyncJob job;
        job.account = account;
        const auto entry = ConnectorRegistry::find(account.provider);
        if (entry && entry->descriptor.needsSecret) {
            const SecretResult secret = loadAccountSecret(account); // only to the host(s) it was entered for
            if (secret.ok)
                job.secret = secret.value;
            else
                job.secretError = secret.notFound ? tr("no credentials stored in the keychain for this account; "
                                                       "edit the account to enter them again")
                                                  : secret.error;
        }
        jobs.push_back(job);
    }
    const QDate today = m_today.isValid() ? m_today : QDateTime::currentDateTimeUtc().date();
    m_thread.wait(); // the previous run's thread has quit (onAllFinished)
    auto *worker = new SyncWorker(m_dbPath, m_policy, today, jobs);
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &SyncWorker::accountStarted, this, &SyncEngine::accountStarted);
    connect(worker, &SyncWorker::progress, this, &SyncEngine::progress);
    // An outcome crosses threads through the mailbox (a pthread mutex ThreadSanitizer sees), not
    // as a queued signal argument copied inside Qt; the engine is told by name.
    connect(
        worker, &SyncWorker::accountFinished, worker,
        [this, mailbox = m_mailbox](const SyncOutcome &o) {
            {
                const std::lock_guard lock(mailbox->mutex);
                mailbox->outcomes.push_back(o);
            }
            QMetaObject::invokeMethod(this, "deliverOutcomes", Qt::QueuedConnection);
        },
        Qt::DirectConnection);
    connect(worker, &SyncWorker::allFinished, this, &SyncEngine::onAllFinished);
    m_worker = worker;
    m_outcomes.clear();
    m_running = true;
    // Each run gets a fresh thread, and the worker starts from its started() signal: everything
    // above happens before the thread exists (pthread_create), an order ThreadSanitizer sees,
    // unlike a queued call through Qt's event queue.
    connect(&m_thread, &QThread::started, worker, &SyncWorker::run);
    m_thread.start();
    return true;
}

void SyncEngine::cancel()
{
    if (!m_running || !m_worker)
        return;
    SyncWorker *worker = m_worker;
    worker->cancelFlag = true; // atomic: seen by file imports at once
    // By name: the call event is made inside Qt, and the worker was built before its thread.
    QMetaObject::invokeMethod(worker, "cancelCurrent", Qt::QueuedConnection);
    Task::Detail::handOver(worker); // what the call read comes before the worker's deletion
}

void SyncEngine::deliverOutcomes()
{
    QList<SyncOutcome> arrived;
    {
        const std::lock_guard lock(m_mailbox->mutex);
        arrived.swap(m_mailbox->outcomes);
    }
    for (const SyncOutcome &o : std::as_const(arrived)) {
        m_outcomes.push_back(o);
        Q_EMIT accountFinished(o);
    }
}

void SyncEngine::onAllFinished()
{
    deliverOutcomes(); // the worker's last outcome came before allFinished; nothing is left behind
    // The worker is deleted on its own thread as that thread finishes; what this thread read of it
    // (the connections that delivered its signals here) comes before that.
    Task::Detail::handOver(m_worker.data());
    m_worker = nullptr;
    m_running = false;
    m_thread.quit();
    const QList<SyncOutcome> outcomes = m_outcomes;
    Q_EMIT finished(outcomes);
}

} // namespace Conn
