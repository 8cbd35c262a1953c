#include "focusfoldersync.h"

#include "importledger.h"
#include "import/focusimporter.h"
#include "import/ingestor.h"

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
            && it->second.stamp == info.lastModified().toMSecsSinceEpoch();
        if (unchanged)
            ++result.filesSkipped;
        else if (!importOne(path, info))
            return result;
        ++done;
    }
    // Unchanged parts whose partition was just replaced by a changed sibling: import them again
    // in the same batch, so the parts of a multi-part export add up again.
    for (const QString &path : files) {
        const ImportLedger::Entry k = known[path];
        if (k.importId == 0 || ledger.currentParts(k.importId) >= k.parts)
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
