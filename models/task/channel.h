#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <utility>

namespace Task::Detail {

/// What one task's body (pool thread) shares with its runner: the cancel flag and the newest
/// progress. It lives on the runner's thread and is deleted there once neither side holds it;
/// posted() is emitted on the pool thread, so it reaches the runner queued (or not at all once
/// the runner is gone), at most once until the runner took the progress. The lock is a
/// std::mutex (pthread), which ThreadSanitizer sees, unlike QMutex's futex.
class Channel : public QObject {
    Q_OBJECT
public:
    /// A channel on the calling thread, shared by the body and the runner.
    static std::shared_ptr<Channel> create();
    /// Any thread: records progress; emits posted() unless one is still unread.
    void post(int percent, const QString &text);
    /// Runner's thread: the newest progress.
    std::pair<int, QString> take();

    std::atomic_bool canceled{false};

Q_SIGNALS:
    void posted();

private:
    Channel() = default;
    ~Channel() override;
    std::mutex m_mutex;
    int m_percent = 0;
    QString m_text;
    bool m_unread = false;
};
} // namespace Task::Detail
