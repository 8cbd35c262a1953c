#include "syncengine.h"

#include "connectorregistry.h"
#include "secretbinding.h"

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
    qRegisterMetaType<QList<Conn::SyncJob>>();
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
    auto *worker = new SyncWorker(m_dbPath, m_policy, today);
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &SyncWorker::accountStarted, this, &SyncEngine::accountStarted);
    connect(worker, &SyncWorker::progress, this, &SyncEngine::progress);
    connect(worker, &SyncWorker::accountFinished, this, [this](const SyncOutcome &o) {
        m_outcomes.push_back(o);
        Q_EMIT accountFinished(o);
    });
    connect(worker, &SyncWorker::allFinished, this, &SyncEngine::onAllFinished);
    m_worker = worker;
    m_outcomes.clear();
    m_running = true;
    if (!m_thread.isRunning())
        m_thread.start();
    QMetaObject::invokeMethod(worker, [worker, jobs] { worker->run(jobs); }, Qt::QueuedConnection);
    return true;
}

void SyncEngine::cancel()
{
    if (!m_running || !m_worker)
        return;
    SyncWorker *worker = m_worker;
    worker->cancelFlag = true; // atomic: seen by file imports at once
    QMetaObject::invokeMethod(worker, &SyncWorker::cancelCurrent, Qt::QueuedConnection);
}

void SyncEngine::onAllFinished()
{
    if (m_worker) {
        m_worker->disconnect(this);
        m_worker->deleteLater();
    }
    m_worker = nullptr;
    m_running = false;
    const QList<SyncOutcome> outcomes = m_outcomes;
    Q_EMIT finished(outcomes);
}

} // namespace Conn
