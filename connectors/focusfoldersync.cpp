#include "focusfoldersync.h"

#include "importledger.h"
#include "import/focusimporter.h"
#include "import/ingestor.h"
#include "store/sqlitedb.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

namespace Conn {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Conn::FocusFolderSync", text); }

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

    ImportLedger ledger(m_db, m_accountId);
    std::map<QString, ImportLedger::Entry> known = ledger.load();
    const std::int64_t batch = Cost::Ingestor::newBatch(m_db);
    Cost::FocusImporter importer(m_db);
    importer.setCancelFlag(cancel);

    auto importOne = [&](const QString &path, const QFileInfo &info) {
        return ledger.importFile(importer, path, path, info.size(), info.lastModified().toMSecsSinceEpoch(), batch, known,
                                 &result);
    };
    // Unchanged files whose partition a changed sibling just replaced: imported again, so the parts
    // of a multi-part export add up again.
    auto reimportReplacedSiblings = [&] {
        for (const QString &path : files) {
            const ImportLedger::Entry k = known[path];
            if (k.importId == 0 || ledger.currentParts(k.importId) >= k.parts)
                continue;
            --result.filesSkipped;
            if (!importOne(path, QFileInfo(path)))
                return false;
        }
        return true;
    };

    // One write step per folder: an export writes the parts of one run into one folder (a month's
    // folder, a run's), and they stand or fall together. A part that fails (a bad row, a cancel, a
    // kill) takes back the folder's other parts too, so the store never shows a restated month
    // with only some of its parts; folders before it stay imported. Each file is a savepoint.
    std::map<QString, QStringList> byFolder;
    for (const QString &path : files)
        byFolder[QFileInfo(path).absolutePath()] << path;
    int done = 0;
    const int total = static_cast<int>(files.size());
    for (const auto &[dir, paths] : byFolder) {
        Cost::WriteTxn txn(m_db);
        if (!txn.begin()) {
            result.error = tr("The store could not start the import of %1: %2")
                               .arg(QDir::toNativeSeparators(dir), QString::fromStdString(m_db.error()));
            return result;
        }
        const Result before = result;
        const auto knownBefore = known;
        auto fail = [&] {
            txn.rollback();
            const QString error = result.error;
            const bool cancelled = result.cancelled;
            result = before; // nothing of this folder was stored
            result.error = error;
            result.cancelled = cancelled;
            known = knownBefore;
            return result;
        };
        bool changed = false;
        for (const QString &path : paths) {
            if (cancel && cancel->load()) {
                result.cancelled = true;
                result.error = tr("Cancelled.");
                return fail();
            }
            if (progress)
                progress(done, total, QFileInfo(path).fileName());
            const QFileInfo info(path);
            const auto it = known.find(path);
            const bool unchanged = it != known.end() && it->second.size == info.size()
                && it->second.stamp == info.lastModified().toMSecsSinceEpoch();
            if (unchanged) {
                ++result.filesSkipped;
            } else {
                if (!importOne(path, info))
                    return fail();
                changed = true;
            }
            ++done;
        }
        if (changed && !reimportReplacedSiblings())
            return fail();
        if (!txn.commit()) {
            result.error = tr("The store could not commit the import of %1: %2")
                               .arg(QDir::toNativeSeparators(dir), QString::fromStdString(m_db.error()));
            return fail();
        }
    }
    if (progress)
        progress(total, total, tr("%1 files").arg(total));
    result.ok = true;
    return result;
}

} // namespace Conn
