#include "import/importjob.h"

#include "import/demogenerator.h"
#include "import/focusimporter.h"
#include "store/store.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <chrono>

namespace Cost {

ImportJob::ImportJob(Store &store, Canceled canceled, Progress progress)
    : m_store(store)
    , m_canceled(std::move(canceled))
    , m_progress(std::move(progress))
{
}

void ImportJob::reportProgress(int percent, const QString &text)
{
    // The importer reports every few thousand rows; the dialog only needs whole percents and
    // each new file's heading.
    if (percent != m_lastPercent || text != m_lastText) {
        m_lastPercent = percent;
        m_lastText = text;
        if (m_progress)
            m_progress(percent, text);
    }
    // The importer and the generator poll an atomic between batches: mirror the owner's state.
    if (m_canceled && m_canceled())
        m_cancel.store(true);
}

namespace {
constexpr int kAttempts = 5; // a batch cut into by another writer runs again, this many times at most

std::int64_t dayOf(std::int64_t epochSeconds) { return epochSeconds >= 0 ? epochSeconds / 86400 : -((-epochSeconds + 86399) / 86400); }

// Widens the summary's day span by the charges import `importId` wrote (none for a re-import
// that was skipped), so the window can say where the data went.
void addSpan(SqliteDb &db, ImportJob::Summary &summary, std::int64_t importId)
{
    SqliteStmt span(db, "SELECT min(f.start), max(f.start) FROM partition_rows pr"
                        " JOIN fact f ON f.id BETWEEN pr.first_row AND pr.last_row WHERE pr.import_id = ?1");
    span.bind(1, importId);
    if (!span.ok() || !span.step() || span.isNull(0))
        return;
    const std::int64_t first = dayOf(span.int64(0)), last = dayOf(span.int64(1));
    const bool empty = summary.lastDay < summary.firstDay;
    summary.firstDay = empty ? first : std::min(summary.firstDay, first);
    summary.lastDay = empty ? last : std::max(summary.lastDay, last);
}
} // namespace

ImportJob::Result ImportJob::importFiles(const QStringList &files)
{
    const auto t0 = std::chrono::steady_clock::now();
    Result out;
    Summary &summary = out.summary;
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };

    qint64 totalBytes = 0;
    for (const QString &file : files)
        totalBytes += qMax<qint64>(QFileInfo(file).size(), 0);
    totalBytes = qMax<qint64>(totalBytes, 1);

    // One batch per action, as the command line does: parts of a multi-part export add up. Should
    // another process restate part of the batch between its files, the whole batch runs again.
    FocusImporter importer(m_store.db());
    importer.setCancelFlag(&m_cancel);
    const QLocale locale;
    for (int attempt = 1;; ++attempt) {
        const std::int64_t batch = Ingestor::newBatch(m_store.db());
        if (batch == 0) {
            out.error = tr("Cannot start the import: %1").arg(QString::fromStdString(m_store.db().error()));
            return out;
        }
        summary = Summary{};
        bool again = false;
        qint64 bytesBefore = 0;
        for (int i = 0; i < files.size() && !again; ++i) {
            const QString name = QFileInfo(files[i]).fileName();
            const QString head = files.size() > 1 ? tr("Importing %1 (%2 of %3)").arg(name).arg(i + 1).arg(files.size())
                                                  : tr("Importing %1").arg(name);
            reportProgress(static_cast<int>(100 * bytesBefore / totalBytes), head);
            importer.setProgressCallback([&](const ImportProgress &p) {
                const int percent = static_cast<int>(100 * (bytesBefore + p.bytesRead) / totalBytes);
                reportProgress(qBound(0, percent, 100), tr("%1\n%2 rows read").arg(head, locale.toString(qint64(p.rows))));
            });
            const FileImportResult r = importer.importFile(files[i].toStdString(), batch);
            if (r.cancelled || (!r.ok && m_cancel.load())) {
                summary.cancelled = true;
                summary.seconds = elapsed();
                return out;
            }
            if (r.interleaved && attempt < kAttempts) {
                again = true;
                break;
            }
            if (!r.ok) {
                summary.seconds = elapsed();
                out.error = QString::fromStdString(r.error.toString());
                return out;
            }
            ++summary.files;
            addSpan(m_store.db(), summary, r.ingest.importId);
            summary.rows += r.ingest.rows;
            summary.skipped += r.ingest.skipped;
            summary.replaced += r.ingest.replaced;
            summary.rounded += r.roundedAmounts;
            bytesBefore += qMax<qint64>(QFileInfo(files[i]).size(), 0);
        }
        if (!again)
            break;
    }
    reportProgress(100, tr("Done"));
    summary.seconds = elapsed();
    return out;
}

ImportJob::Result ImportJob::generateDemo(qint64 endDay, int days)
{
    const auto t0 = std::chrono::steady_clock::now();
    Result out;
    Summary &summary = out.summary;
    summary.demo = true;
    DemoOptions options;
    options.endDay = endDay;
    options.days = days;
    // A demo ending today stops at the current hour, like a live account's data.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (endDay == now / 86400)
        options.endTime = now / 3600 * 3600;
    const QString text = tr("Generating %n days of demo charges", nullptr, days);
    reportProgress(0, text);
    IngestResult result;
    std::string error;
    const bool ok = Cost::generateDemo(
        m_store.db(), options, [&](int percent) { reportProgress(qBound(0, percent, 100), text); }, &m_cancel, result,
        error);
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!ok && m_cancel.load()) {
        summary.cancelled = true;
        return out;
    }
    if (!ok) {
        out.error = QString::fromStdString(error);
        return out;
    }
    summary.files = 1;
    summary.rows = result.rows;
    summary.replaced = result.replaced;
    summary.skipped = result.skipped;
    return out;
}

} // namespace Cost
