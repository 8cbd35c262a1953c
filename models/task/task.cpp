#include "task/task.h"

namespace Task {

Runner::Runner(QObject *parent, Policy policy) : QObject(parent), m_policy(policy) {}

Runner::~Runner()
{
    // Tasks keep running on the pool with their own copies and connection; nobody is told.
    for (QFuture<void> &future : m_running)
        future.cancel();
}

quint64 Runner::begin(QFutureWatcherBase *watcher, const QFuture<void> &future)
{
    if (m_policy == Policy::Latest)
        invalidate(); // the previous task's outcome is stale from now on
    const quint64 generation = ++m_generation;
    m_running.append(future);
    connect(watcher, &QFutureWatcherBase::progressTextChanged, this, [this, watcher, generation](const QString &text) {
        if (generation >= m_dropBelow)
            Q_EMIT progress(watcher->progressValue(), text);
    });
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this, watcher, generation](int value) {
        if (generation >= m_dropBelow)
            Q_EMIT progress(value, watcher->progressText());
    });
    if (m_busy++ == 0)
        Q_EMIT busyChanged(true);
    return generation;
}

bool Runner::end(quint64 generation)
{
    m_running.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
    const bool deliver = generation >= m_dropBelow;
    if (deliver && --m_busy == 0)
        Q_EMIT busyChanged(false);
    return deliver;
}

void Runner::cancel()
{
    for (QFuture<void> &future : m_running)
        future.cancel();
}

void Runner::invalidate()
{
    cancel();
    if (m_busy > 0) {
        m_busy = 0;
        Q_EMIT busyChanged(false);
    }
    m_dropBelow = m_generation + 1;
}

QString Runner::openStore(Cost::Store &store, const QString &dbPath)
{
    if (store.open(dbPath.toStdString()))
        return QString();
    return QString::fromStdString(store.error());
}

} // namespace Task
