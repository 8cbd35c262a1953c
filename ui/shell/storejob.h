#pragma once

#include "store/sqlitedb.h"

#include <QObject>
#include <QString>

#include <functional>
#include <string>

/// A small write to the store off the GUI thread: `change` runs on the thread pool with its own
/// connection, then `done(error)` runs on `context`'s thread ("" = success). Dropped when
/// `context` is destroyed first.
namespace StoreJob {

void run(QObject *context, const QString &dbPath, std::function<bool(Cost::SqliteDb &db, std::string &error)> change,
         std::function<void(const QString &error)> done);

} // namespace StoreJob
