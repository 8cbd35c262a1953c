#pragma once

#include "store/store.h"
#include "task/channel.h"
#include "task/job.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QString>

#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

/// The one way Burnrate runs long work off the GUI thread (house style: one primitive for
/// connection, progress, cancellation and stale results). A Task::Runner, owned by the page,
/// dialog or controller that wants the result, starts a body on the global thread pool; the
/// body gets a Task::Context with the pool thread's own store connection, the cancel state
/// and a progress sink; the result comes back to `done` on the runner's thread. Sync keeps its
/// own QThread worker because network replies need an event loop (connectors/syncengine).
namespace Task {

/// What a body is handed on its pool thread. Pool thread only.
class Context {
public:
    Context(Cost::Store *store, std::function<bool()> canceled, std::function<void(int, const QString &)> progress,
            const std::atomic_bool *cancelFlag = nullptr)
        : m_store(store), m_canceled(std::move(canceled)), m_progress(std::move(progress)), m_cancelFlag(cancelFlag)
    {
    }
    /// The store connection opened on this thread for this task (tasks started with a path).
    Cost::Store &store() { return *m_store; }
    /// The same connection's database.
    Cost::SqliteDb &db() { return m_store->db(); }
    /// True once the owner called Runner::cancel() (or the runner was destroyed): stop at the
    /// next safe point and leave the store as it was.
    bool isCanceled() const { return m_canceled(); }
    /// The same state as a flag, for code below that polls a `const std::atomic_bool *`
    /// (scans, simulations); nullptr when this context has none.
    const std::atomic_bool *cancelFlag() const { return m_cancelFlag; }
    /// Reports progress (0–100) and a line for the user; the runner delivers the newest only.
    void setProgress(int percent, const QString &text = QString()) const { m_progress(percent, text); }

private:
    Cost::Store *m_store;
    std::function<bool()> m_canceled;
    std::function<void(int, const QString &)> m_progress;
    const std::atomic_bool *m_cancelFlag;
};

/// How a body ended. `value` is what the body returned (default-constructed when it did not
/// run); `error` is set when the store could not be opened (the body did not run) or the body
/// threw (its store connection is closed, so an open transaction rolls back).
template <typename R>
struct Outcome {
    R value{};
    QString error;
    bool canceled = false; ///< Runner::cancel() was called before the body returned
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
    /// A store write: `change(db, error)` on the pool, then `done(error)` here; the error is
    /// empty when the change succeeded, else why it (or opening the store) failed.
    void write(const QString &dbPath, std::function<bool(Cost::SqliteDb &, std::string &)> change,
               std::function<void(const QString &error)> done);

    /// Asks every running task to stop; their outcomes still arrive, with `canceled` set.
    void cancel();
    /// Drops the outcomes of every running task (and cancels them): nothing started before
    /// this call reaches `done`.
    void invalidate();
    /// True while a task whose outcome will be delivered is running.
    bool isBusy() const { return m_busy > 0; }

Q_SIGNALS:
    /// Progress of a task whose outcome will be delivered: 0–100 and a line for the user.
    void progress(int percent, const QString &text);
    /// isBusy() changed.
    void busyChanged(bool busy);

private:
    struct Running {
        quint64 generation;
        QFuture<void> future;
        std::shared_ptr<Detail::Channel> channel;
    };

    template <typename Body, typename Done>
    void start(const QString &dbPath, bool withStore, Body body, Done done);
    /// Registers a new task (its future follows); returns its generation and wires progress.
    quint64 begin(const std::shared_ptr<Detail::Channel> &channel);
    /// True when the task of `generation` may deliver its outcome; ends its bookkeeping.
    bool end(quint64 generation);
    /// Cancels every running task and marks it stale (invalidate() without the busy update).
    void drop();
    void setBusy(int count);
    static QString openStore(Cost::Store &store, const QString &dbPath);
    /// A writer waiting for another process's write lock says so as progress; Cancel ends the wait.
    static void setBusyWait(Cost::Store &store, Detail::Channel &channel);
    static QString internalError(const char *what);

    Policy m_policy;
    quint64 m_generation = 0; ///< the newest task's
    quint64 m_dropBelow = 1;  ///< tasks with a lower generation are stale
    int m_busy = 0;           ///< running tasks whose outcome will be delivered
    std::vector<Running> m_running;
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
    auto channel = Detail::Channel::create();
    auto *watcher = new QFutureWatcher<void>(this);
    const quint64 generation = begin(channel); // connected before the body can post progress
    QFuture<void> future = Detail::startJob([outcome, channel, dbPath, withStore, body = std::move(body)](QPromise<void> &promise) mutable {
        Cost::Store store;
        try { // nothing escapes to the pool: opening the store is inside too
            if (withStore) {
                outcome->error = openStore(store, dbPath);
                if (!outcome->error.isEmpty()) {
                    Detail::handOver(outcome.get());
                    return;
                }
                setBusyWait(store, *channel);
            }
            Context context(
                &store, [&promise, &channel] { return channel->canceled.load() || promise.isCanceled(); },
                [&channel](int percent, const QString &text) { channel->post(percent, text); }, &channel->canceled);
            if constexpr (std::is_void_v<Detail::BodyResult<Body>>)
                body(context);
            else
                outcome->value = body(context);
        } catch (const std::exception &e) { // the store's open transaction rolls back as it closes
            outcome->error = internalError(e.what());
        } catch (...) {
            outcome->error = internalError(nullptr);
        }
        outcome->canceled = channel->canceled.load() || promise.isCanceled(); // as Context::isCanceled
        Detail::handOver(outcome.get()); // read by `done` on the runner's thread
    });
    m_running.back().future = future;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, outcome, done = std::move(done)]() mutable {
        watcher->deleteLater();
        Detail::takeOver(outcome.get());
        if (end(generation))
            done(*outcome);
    });
    watcher->setFuture(future);
}

} // namespace Task
