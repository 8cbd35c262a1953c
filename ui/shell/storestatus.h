#pragma once

#include "task/task.h"

#include <QObject>
#include <QString>

/// Store-wide facts for the window chrome (status bar, date presets, empty state), queried
/// off the GUI thread with a connection of its own (a Task::Runner, Latest): of refreshes that
/// overlap, only the newest answer is delivered.
class StoreStatus : public QObject {
    Q_OBJECT
public:
    struct Info {
        bool ok = false;     ///< the store opened
        QString error;       ///< why it did not
        bool empty = true;   ///< no charge stored yet
        qint64 rows = 0;     ///< stored charges
        qint64 firstDay = 0; ///< first day with charges (valid when !empty)
        qint64 lastDay = 0;  ///< last day with charges (valid when !empty)
    };

    explicit StoreStatus(const QString &dbPath, QObject *parent = nullptr);

    /// Starts a query; updated() follows.
    void refresh();
    const QString &dbPath() const { return m_dbPath; }
    /// The newest delivered facts.
    const Info &info() const { return m_info; }
    /// The status bar's line for `info`: "217,928 charges · Jun 11, 2026 – Dec 7, 2026", or why not.
    static QString summary(const Info &info);

Q_SIGNALS:
    void updated(const StoreStatus::Info &info);

private:
    QString m_dbPath;
    Info m_info;
    Task::Runner m_runner{this, Task::Runner::Policy::Latest};
};
