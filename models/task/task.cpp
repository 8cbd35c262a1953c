#include "task/task.h"

#include <QCoreApplication>

#include <algorithm>

namespace Task {

namespace Detail {

std::shared_ptr<Channel> Channel::create()
{
    // The last owner may be the pool thread: the QObject is deleted on its own thread.
    return std::shared_ptr<Channel>(new Channel, [](Channel *channel) {
        handOver(channel); // deleted on the runner's thread by the event deleteLater() posts
        channel->deleteLater();
    });
}

Channel::~Channel()
{
    takeOver(this);
}

void Channel::post(int percent, const QString &text)
{
    {
        const std::lock_guard lock(m_mutex);
        m_percent = percent;
        m_text = text;
        if (m_unread)
            return; // the runner has not taken the last one yet; it will read this one
        m_unread = true;
    }
    Q_EMIT posted();
}

std::pair<int, QString> Channel::take()
{
    const std::lock_guard lock(m_mutex);
    m_unread = false;
    return {m_percent, m_text};
}

} // namespace Detail

Runner::Runner(QObject *parent, Policy policy) : QObject(parent), m_policy(policy) {}

Runner::~Runner()
{
    // Tasks keep running on the pool with their own copies and connection; nobody is told.
    // Their watchers are children and go with the runner, so no outcome is delivered.
    for (Running &task : m_running) {
        task.channel->canceled = true;
        task.future.cancel();
    }
}

quint64 Runner::begin(const std::shared_ptr<Detail::Channel> &channel)
{
    const bool wasBusy = m_busy > 0;
    if (m_policy == Policy::Latest) {
        drop(); // the previous task's outcome is stale from now on
        m_busy = 0;
    }
    const quint64 generation = ++m_generation;
    m_running.push_back({generation, QFuture<void>(), channel});
    Detail::Channel *raw = channel.get();
    connect(raw, &Detail::Channel::posted, this, [this, raw, generation] {
        if (generation < m_dropBelow)
            return;
        const auto [percent, text] = raw->take();
        Q_EMIT progress(percent, text);
    });
    if (m_busy++ == 0 && !wasBusy)
        Q_EMIT busyChanged(true);
    return generation;
}

bool Runner::end(quint64 generation)
{
    std::erase_if(m_running, [generation](const Running &task) { return task.generation == generation; });
    const bool deliver = generation >= m_dropBelow;
    if (deliver)
        setBusy(m_busy - 1);
    return deliver;
}

void Runner::setBusy(int count)
{
    const bool was = m_busy > 0;
    m_busy = count;
    if (was != (count > 0))
        Q_EMIT busyChanged(count > 0);
}

void Runner::cancel()
{
    for (Running &task : m_running)
        task.channel->canceled = true;
}

void Runner::invalidate()
{
    drop();
    setBusy(0);
}

void Runner::drop()
{
    for (Running &task : m_running) {
        task.channel->canceled = true;
        task.future.cancel(); // one that has not started yet never runs
        disconnect(task.channel.get(), nullptr, this, nullptr);
    }
    m_dropBelow = m_generation + 1;
}

void Runner::write(const QString &dbPath, std::function<bool(Cost::SqliteDb &, std::string &)> change,
                   std::function<void(const QString &error)> done)
{
    run(
        dbPath,
        [change = std::move(change)](Context &context) {
            std::string error;
            if (change(context.db(), error))
                return QString();
            return error.empty() ? QStringLiteral("the store did not change") : QString::fromStdString(error);
        },
        [done = std::move(done)](Outcome<QString> &outcome) { done(outcome.ok() ? outcome.value : outcome.error); });
}

QString Runner::openStore(Cost::Store &store, const QString &dbPath)
{
    // A team store too (the pages' queries are checked there: tst_teamstore); its grants decide what
    // a change may write.
    if (store.open(dbPath.toStdString(), Cost::Store::TeamStore::AsGranted))
        return QString();
    return QString::fromStdString(store.error());
}

void Runner::setBusyWait(Cost::Store &store, Detail::Channel &channel)
{
    store.db().setBusyWait(&channel.canceled, [&channel] {
        channel.post(0, QCoreApplication::translate("Task", "Waiting for another Burnrate process writing this store\u2026"));
    });
}

QString Runner::internalError(const char *what)
{
    const QString text = QCoreApplication::translate("Task", "Internal error; the store is unchanged by this step");
    return what ? text + QStringLiteral(": ") + QString::fromUtf8(what) : text;
}

} // namespace Task
