#pragma once

#include "importledger.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <functional>

namespace Conn {

/// Imports a focus-folder account's folder: new and changed CSV files (by size and mtime)
/// through Cost::FocusImporter, all files of one run in one batch, one write step per sub-folder
/// (the parts of an export's run: a part that fails takes its folder's other parts back with it).
/// A restated file replaces the partitions it covers; a file whose bytes equal what is stored is
/// skipped; when a changed file replaces a partition that an unchanged sibling (another part of
/// a multi-part export) also filled, the sibling is re-imported in the same batch so parts add up.
/// Threading: runs on the caller's thread (the sync worker), on that thread's connection.
class FocusFolderSync {
public:
    using Result = FileSyncResult;
    using ProgressFn = std::function<void(int done, int total, const QString &text)>;

    FocusFolderSync(Cost::SqliteDb &db, qint64 accountId) : m_db(db), m_accountId(accountId) {}

    /// *.csv files under `folder` (recursive), sorted; *error set when the folder is missing or unreadable.
    static QStringList listFiles(const QString &folder, QString *error);

    Result run(const QString &folder, const std::atomic_bool *cancel, const ProgressFn &progress);

private:
    Cost::SqliteDb &m_db;
    qint64 m_accountId;
};

} // namespace Conn
