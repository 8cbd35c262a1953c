#pragma once

#include "store/store.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>
#include <variant>

/// The one way Burnrate runs long work off the GUI thread (house style: one primitive for
/// connection, progress, cancellation and stale results). A Task::Runner, owned by the page,
/// dialog or controller that wants the result, starts a body on the global thread pool; the
/// body gets a Task::Context with the pool thread's own store connection, the cancel state
/// (QFuture::cancel through QPromise) and a progress sink; the result comes back to `done` on
/// the runner's thread. Sync keeps its own QThread worker because network replies need an
/// event loop (connectors/syncengine).
namespace Task {

/// What a body is handed on its pool thread. Pool thread only.
class Context {
public:
    Context(Cost::Store *store, std::function<bool()> canceled, std::function<void(int, const QString &)> progress)
        : m_store(store), m_canceled(std::move(canceled)), m_progress(std::move(progress))
    {
    }
    /// The store connection opened on this thread for this task (tasks started with a path).
    Cost::Store &store() { return *m_store; }
    /// The same connection's database.
    Cost::SqliteDb &db() { return m_store->db(); }
    /// True once the owner called Runner::cancel() (or the runner was destroyed): stop at the
    /// next safe point and leave the store as it was.
    bool isCanceled() const { return m_canceled(); }
    /// Reports progress (0–100) and a line for the user; throttled by the receiver.
    void setProgress(int percent, const QString &text = QString()) const { m_progress(percent, text); }

private:
    Cost::Store *m_store;
    std::function<bool()> m_canceled;
    std::function<void(int, const QString &)> m_progress;
};

/// How a body ended. `value` is what the body returned (default-constructed when it did not
/// run); `error` is set when the store could not be opened (the body did not run).
template <typename R>
struct Outcome {
    R value{};
    QString error;
    bool canceled = false; ///< Runner::cancel() was called while the task ran
    bool ok() const { return error.isEmpty(); }
};

namespace Detail {
template <typename Body>
using BodyResult = std::invoke_result_t<Body, Context &>;
template <typename Body>
using Value = std::conditional_t<std::is_void_v<BodyResult<Body>>, std::monostate, BodyResult<Body>>;
} // namespace Detail

/// Starts bodies on the thread pool and delivers their outcomes on its own thread.
///
/// With Policy::Latest (pages and views) a new run() supersedes the running one: the older
/// task is cancelled and its outcome dropped, so only the newest result is applied (the
/// generation guard). With Policy::Every (writes the user asked for) every outcome is
/// delivered. Destroying the runner cancels its tasks and drops their outcomes; bodies own
/// copies of what they use, so they may finish after the runner is gone.
class Runner : public QObject {
    Q_OBJECT
public:
    enum class Policy { Latest, Every };
    explicit Runner(QObject *parent = nullptr, Policy policy = Policy::Latest);
    ~Runner() override;

    /// Runs `body(Context &)` on the pool with a store opened at `dbPath` on that thread, then
    /// `done(Outcome<R> &)` on this runner's thread unless superseded or dropped.
    template <typename Body, typename Done>
    void run(const QString &dbPath, Body body, Done done);
    /// The same without a store: CPU work on data the body owns (an immutable snapshot).
    template <typename Body, typename Done>
    void compute(Body body, Done done);

    /// Asks every running task to stop; their outcomes still arrive, with `canceled` set.
    void cancel();
    /// Drops the outcomes of every running task (and cancels them): nothing started before
    /// this call reaches `done`.
    void invalidate();
    /// True while a task whose outcome will be delivered is running.
    bool isBusy() const { return m_busy > 0; }

Q_SIGNALS:
    /// Progress of the newest task: 0–100 and a line for the user.
    void progress(int percent, const QString &text);
    /// isBusy() changed.
    void busyChanged(bool busy);

private:
    template <typename Body, typename Done>
    void start(const QString &dbPath, bool withStore, Body body, Done done);
    /// Registers a new task; returns its generation and wires progress/finish bookkeeping.
    quint64 begin(QFutureWatcherBase *watcher, const QFuture<void> &future);
    /// True when the task of `generation` may deliver its outcome; ends its bookkeeping.
    bool end(quint64 generation);
    static QString openStore(Cost::Store &store, const QString &dbPath);

    Policy m_policy;
    quint64 m_generation = 0; ///< the newest task's
    quint64 m_dropBelow = 1;  ///< tasks with a lower generation are stale
    int m_busy = 0;
    QList<QFuture<void>> m_running;
};

template <typename Body, typename Done>
void Runner::run(const QString &dbPath, Body body, Done done)
{
    start(dbPath, true, std::move(body), std::move(done));
}

template <typename Body, typename Done>
void Runner::compute(Body body, Done done)
{
    start(QString(), false, std::move(body), std::move(done));
}

template <typename Body, typename Done>
void Runner::start(const QString &dbPath, bool withStore, Body body, Done done)
{
    using R = Detail::Value<Body>;
    auto outcome = std::make_shared<Outcome<R>>();
    auto *watcher = new QFutureWatcher<void>(this);
    QFuture<void> future = QtConcurrent::run([outcome, dbPath, withStore, body = std::move(body)](QPromise<void> &promise) mutable {
        Cost::Store store;
        if (withStore) {
            outcome->error = openStore(store, dbPath);
            if (!outcome->error.isEmpty())
                return;
        }
        Context context(&store, [&promise] { return promise.isCanceled(); },
                        [&promise](int percent, const QString &text) { promise.setProgressValueAndText(percent, text); });
        if constexpr (std::is_void_v<Detail::BodyResult<Body>>)
            body(context);
        else
            outcome->value = body(context);
        outcome->canceled = promise.isCanceled();
    });
    const quint64 generation = begin(watcher, future);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, outcome, done = std::move(done)]() mutable {
        watcher->deleteLater();
        outcome->canceled = outcome->canceled || watcher->future().isCanceled();
        if (end(generation))
            done(*outcome);
    });
    watcher->setFuture(future);
}

} // namespace Task
