#include "shell/storejob.h"

#include "store/store.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace StoreJob {

void run(QObject *context, const QString &dbPath, std::function<bool(Cost::SqliteDb &db, std::string &error)> change,
         std::function<void(const QString &error)> done)
{
    auto *watcher = new QFutureWatcher<QString>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([path = dbPath, change = std::move(change)] {
        Cost::Store store;
        if (!store.open(path.toStdString()))
            return QString::fromStdString(store.error());
        std::string error;
        if (change(store.db(), error))
            return QString();
        return error.empty() ? QStringLiteral("the store did not change") : QString::fromStdString(error);
    }));
}

} // namespace StoreJob
