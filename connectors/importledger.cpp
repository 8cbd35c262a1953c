#include "importledger.h"

#include "import/focusimporter.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>

namespace Conn {

ImportLedger::ImportLedger(Cost::SqliteDb &db, qint64 accountId)
    : m_db(db)
    , m_accountId(accountId)
    , m_parts(db, "SELECT count(*) FROM partition_rows WHERE import_id = ?1")
    , m_remember(db, "INSERT INTO account_file(account_id, path, size, mtime, import_id, batch, imported_at)"
                     " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(account_id, path) DO UPDATE SET"
                     " size = excluded.size, mtime = excluded.mtime, import_id = excluded.import_id,"
                     " batch = excluded.batch, imported_at = excluded.imported_at")
{
}

std::map<QString, ImportLedger::Entry> ImportLedger::load()
{
    std::map<QString, Entry> known;
    Cost::SqliteStmt st(m_db, "SELECT f.path, f.size, f.mtime, coalesce(f.import_id, 0),"
                              " (SELECT count(*) FROM partition_rows r WHERE r.import_id = f.import_id)"
                              " FROM account_file f WHERE f.account_id = ?1");
    st.bind(1, static_cast<std::int64_t>(m_accountId));
    while (st.step())
        known[QString::fromUtf8(st.text(0).data(), static_cast<qsizetype>(st.text(0).size()))] =
            Entry{st.int64(1), st.int64(2), st.int64(3), st.int64(4)};
    return known;
}

qint64 ImportLedger::currentParts(qint64 importId)
{
    m_parts.bind(1, static_cast<std::int64_t>(importId));
    const qint64 n = m_parts.step() ? m_parts.int64(0) : 0;
    m_parts.reset();
    return n;
}

bool ImportLedger::remember(const QString &path, qint64 size, qint64 stamp, qint64 importId, std::int64_t batch,
                            Entry *entry, QString *error)
{
    m_remember.bind(1, static_cast<std::int64_t>(m_accountId));
    m_remember.bind(2, std::string_view(path.toStdString()));
    m_remember.bind(3, static_cast<std::int64_t>(size));
    m_remember.bind(4, static_cast<std::int64_t>(stamp));
    m_remember.bind(5, static_cast<std::int64_t>(importId));
    m_remember.bind(6, batch);
    m_remember.bind(7, std::string_view(QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString()));
    if (!m_remember.exec()) {
        *error = QCoreApplication::translate("Conn::ImportLedger", "Cannot record the imported file %1: %2")
                     .arg(path, QString::fromStdString(m_remember.error()));
        return false;
    }
    *entry = Entry{size, stamp, importId, importId == 0 ? 0 : currentParts(importId)};
    return true;
}

bool ImportLedger::importFile(Cost::FocusImporter &importer, const QString &file, const QString &key, qint64 size,
                              qint64 stamp, std::int64_t batch, std::map<QString, Entry> &known, FileSyncResult *result)
{
    const Cost::FileImportResult r = importer.importFile(file.toStdString(), batch);
    if (r.cancelled) {
        result->cancelled = true;
        result->error = QCoreApplication::translate("Conn::ImportLedger", "Cancelled.");
        return false;
    }
    if (!r.ok) {
        result->error = QString::fromStdString(r.error.toString());
        return false;
    }
    const bool identical = r.ingest.rows == 0 && r.ingest.skipped > 0;
    if (identical)
        ++result->filesSkipped;
    else
        ++result->filesImported;
    result->rows += r.ingest.rows;
    result->replaced += r.ingest.replaced;
    const qint64 importId = identical ? known[key].importId : r.ingest.importId;
    return remember(key, size, stamp, importId, batch, &known[key], &result->error);
}

qint64 ImportLedger::stampOf(const QByteArray &version)
{
    const QByteArray digest = QCryptographicHash::hash(version, QCryptographicHash::Sha256);
    quint64 v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | static_cast<quint8>(digest[i]);
    return static_cast<qint64>(v >> 1);
}

} // namespace Conn
