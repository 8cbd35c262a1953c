#include "shell/storestatus.h"

#include "analytics/analytics.h"
#include "store/store.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

StoreStatus::StoreStatus(const QString &dbPath, QObject *parent)
    : QObject(parent)
    , m_dbPath(dbPath)
{
}

void StoreStatus::refresh()
{
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<Info>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_info = watcher->result();
        Q_EMIT updated(m_info);
    });
    watcher->setFuture(QtConcurrent::run([path = m_dbPath] {
        Info info;
        Cost::Store store;
        if (!store.open(path.toStdString())) {
            info.error = QString::fromStdString(store.error());
            return info;
        }
        info.ok = true;
        info.rows = store.factCount();
        std::int64_t first = 0, last = 0;
        info.empty = !Analytics::dataRange(store.db(), first, last);
        info.firstDay = first;
        info.lastDay = last;
        return info;
    }));
}
