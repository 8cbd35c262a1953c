#pragma once

#include "store/sqlitedb.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <map>

namespace Cost {
class FocusImporter;
}

namespace Conn {

/// What a file-based sync did (folder or bucket).
struct FileSyncResult {
    bool ok = false;
    bool cancelled = false;
    QString error;          ///< "file:line: column X: message", or a folder / bucket error
    qint64 rows = 0;        ///< charges written
    qint64 replaced = 0;    ///< charges replaced by restated files
    int filesImported = 0;
    int filesSkipped = 0;   ///< unchanged or byte-identical
};

/// What a file-based account (focus-folder, s3-focus, azure-blob-focus) imported, per file or
/// object: the `account_file` rows. `stamp` tells versions apart (a file's mtime, an object's
/// ETag hashed by stampOf); `parts` is how many partitions its import held when it was imported,
/// so a sibling whose partition a later part of the same export replaced can be found.
/// Threading: the thread that owns `db`.
class ImportLedger {
public:
    struct Entry {
        qint64 size = -1;
        qint64 stamp = -1;
        qint64 importId = 0;
        qint64 parts = 0;
    };

    ImportLedger(Cost::SqliteDb &db, qint64 accountId);

    /// Every file the account imported, by path (or object key).
    std::map<QString, Entry> load();
    /// Partitions the import `importId` still holds.
    qint64 currentParts(qint64 importId);
    /// Records `path` as imported by `importId` in `batch`; returns the entry or sets *error.
    bool remember(const QString &path, qint64 size, qint64 stamp, qint64 importId, std::int64_t batch, Entry *entry,
                  QString *error);
    /// Imports `file` through `importer` into `batch` and records it under `key` (the path, or an
    /// object key) with `size` and `stamp`; counts into *result. False with result->error (or
    /// result->cancelled) set when the import or the record failed.
    bool importFile(Cost::FocusImporter &importer, const QString &file, const QString &key, qint64 size, qint64 stamp,
                    std::int64_t batch, std::map<QString, Entry> &known, FileSyncResult *result);
    /// A 63-bit stamp of an opaque version string (an object's ETag).
    static qint64 stampOf(const QByteArray &version);

private:
    Cost::SqliteDb &m_db;
    qint64 m_accountId;
    Cost::SqliteStmt m_parts;
    Cost::SqliteStmt m_remember;
};

} // namespace Conn
