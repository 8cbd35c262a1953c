#include "focusfoldersync.h"

#include "import/focusimporter.h"
#include "import/ingestor.h"
#include "store/sqlitedb.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <map>

namespace Conn {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Conn::FocusFolderSync", text); }

struct Known {
    qint64 size = -1;
    qint64 mtime = -1;
    qint64 importId = 0;
    qint64 parts = 0; // partition_rows of its import when it was imported
};

} // namespace

QStringList FocusFolderSync::listFiles(const QString &folder, QString *error)
{
    QStringList out;
    if (folder.trimmed().isEmpty()) {
        *error = tr("No folder is set (option \"path\").");
        return out;
    }
    const QFileInfo info(folder);
    if (!info.exists()) {
        *error = tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(folder));
        return out;
    }
    if (!info.isDir() || !info.isReadable()) {
        *error = tr("%1 is not a readable folder.").arg(QDir::toNativeSeparators(folder));
        return out;
    }
    QDirIterator it(folder, {QStringLiteral("*.csv"), QStringLiteral("*.CSV")}, QDir::Files | QDir::Readable,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QFileInfo(it.next()).absoluteFilePath();
    out.sort();
    return out;
}

FocusFolderSync::Result FocusFolderSync::run(const QString &folder, const std::atomic_bool *cancel,
                                             const ProgressFn &progress)
{
    Result result;
    QString error;
    const QStringList files = listFiles(folder, &error);
    if (!error.isEmpty()) {
        result.error = error;
        return result;
    }

    std::map<QString, Known> known;
    {
        Cost::SqliteStmt st(m_db, "SELECT f.path, f.size, f.mtime, coalesce(f.import_id, 0),"
                                  " (SELECT count(*) FROM partition_rows r WHERE r.import_id = f.import_id)"
                                  " FROM account_file f WHERE f.account_id = ?1");
        st.bind(1, static_cast<std::int64_t>(m_accountId));
        while (st.step())
            known[QString::fromUtf8(st.text(0).data(), static_cast<qsizetype>(st.text(0).size()))] =
                Known{st.int64(1), st.int64(2), st.int64(3), st.int64(4)};
    }
    Cost::SqliteStmt partsOf(m_db, "SELECT count(*) FROM partition_rows WHERE import_id = ?1");
    auto currentParts = [&](qint64 importId) {
        partsOf.bind(1, static_cast<std::int64_t>(importId));
        const qint64 n = partsOf.step() ? partsOf.int64(0) : 0;
        partsOf.reset();
        return n;
    };

    const std::int64_t batch = Cost::Ingestor::newBatch(m_db);
    Cost::FocusImporter importer(m_db);
    importer.setCancelFlag(cancel);
    Cost::SqliteStmt remember(m_db, "INSERT INTO account_file(account_id, path, size, mtime, import_id, batch, imported_at)"
                                    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(account_id, path) DO UPDATE SET"
                                    " size = excluded.size, mtime = excluded.mtime, import_id = excluded.import_id,"
                                    " batch = excluded.batch, imported_at = excluded.imported_at");

    auto importOne = [&](const QString &path, const QFileInfo &info) -> bool {
        Cost::FileImportResult r = importer.importFile(path.toStdString(), batch);
        if (r.cancelled) {
            result.cancelled = true;
            result.error = tr("Cancelled.");
            return false;
        }
        if (!r.ok) {
            result.error = QString::fromStdString(r.error.toString());
            return false;
        }
        const bool identical = r.ingest.rows == 0 && r.ingest.skipped > 0;
        if (identical)
            ++result.filesSkipped;
        else
            ++result.filesImported;
        result.rows += r.ingest.rows;
        result.replaced += r.ingest.replaced;
        const qint64 importId = identical ? known[path].importId : r.ingest.importId;
        remember.bind(1, static_cast<std::int64_t>(m_accountId));
        remember.bind(2, std::string_view(path.toStdString()));
        remember.bind(3, static_cast<std::int64_t>(info.size()));
        remember.bind(4, static_cast<std::int64_t>(info.lastModified().toMSecsSinceEpoch()));
        remember.bind(5, static_cast<std::int64_t>(importId));
        remember.bind(6, batch);
        remember.bind(7, std::string_view(QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString()));
        if (!remember.exec()) {
            result.error = tr("Cannot record the imported file %1: %2").arg(path, QString::fromStdString(remember.error()));
            return false;
        }
        known[path] = Known{info.size(), info.lastModified().toMSecsSinceEpoch(), importId, currentParts(importId)};
        return true;
    };

    int done = 0;
    const int total = static_cast<int>(files.size());
    for (const QString &path : files) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            result.error = tr("Cancelled.");
            return result;
        }
        if (progress)
            progress(done, total, QFileInfo(path).fileName());
        const QFileInfo info(path);
        const auto it = known.find(path);
        const bool unchanged = it != known.end() && it->second.size == info.size()
            && it->second.mtime == info.lastModified().toMSecsSinceEpoch();
        if (unchanged)
            ++result.filesSkipped;
        else if (!importOne(path, info))
            return result;
        ++done;
    }
    // Unchanged parts whose partition was just replaced by a changed sibling: import them again
    // in the same batch, so the parts of a multi-part export add up again.
    for (const QString &path : files) {
        const Known k = known[path];
        if (k.importId == 0 || currentParts(k.importId) >= k.parts)
            continue;
        --result.filesSkipped;
        if (!importOne(path, QFileInfo(path)))
            return result;
    }
    if (progress)
        progress(total, total, tr("%1 files").arg(total));
    result.ok = true;
    return result;
}

} // namespace Conn
