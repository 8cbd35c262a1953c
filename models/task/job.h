#pragma once

#include "task/handover.h"

#include <QFuture>
#include <QPromise>
#include <QRunnable>
#include <QThreadPool>

#include <utility>

namespace Task::Detail {

/// One task on the global pool: runs `work(promise)` unless its future was cancelled before it
/// started, then finishes the future. The pool deletes it after run(). The pool thread takes the
/// job over (handover.h) before it touches anything the starting thread wrote.
template <typename Work>
class Job final : public QRunnable {
public:
    Job(QPromise<void> promise, Work work) : m_promise(std::move(promise)), m_work(std::move(work)) {}
    void run() override
    {
        takeOver(this);
        if (!m_promise.isCanceled())
            m_work(m_promise);
        m_promise.finish();
    }

private:
    QPromise<void> m_promise;
    Work m_work;
};

/// Starts `work(QPromise<void> &)` on the global pool and returns its future.
template <typename Work>
QFuture<void> startJob(Work work)
{
    QPromise<void> promise;
    QFuture<void> future = promise.future();
    promise.start();
    auto *job = new Job<Work>(std::move(promise), std::move(work));
    handOver(job);
    QThreadPool::globalInstance()->start(job);
    return future;
}

} // namespace Task::Detail
