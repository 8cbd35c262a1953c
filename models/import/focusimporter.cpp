#include "import/focusimporter.h"

#include "import/csvreader.h"
#include "import/focusrowparser.h"

#include <chrono>
#include <cstdio>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>

namespace Cost {

std::string ImportError::toString() const
{
    std::string s = file;
    if (line > 0) {
        s.append(":");
        s.append(std::to_string(line));
    }
    s.append(": ");
    if (!column.empty()) {
        s.append("column ");
        s.append(column);
        s.append(": ");
    }
    s.append(message);
    return s;
}

namespace {

constexpr std::size_t kBatchRows = 8192;
constexpr std::size_t kMaxQueued = 4;

// Bounded hand-off between the parsing thread and the writing thread.
class BatchQueue {
public:
    std::vector<FactRow> takeEmpty()
    {
        std::lock_guard lock(m_mutex);
        if (m_free.empty())
            return {};
        auto v = std::move(m_free.back());
        m_free.pop_back();
        v.clear();
        return v;
    }
    // Returns false when the consumer has stopped.
    bool push(std::vector<FactRow> &&batch)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_full.size() < kMaxQueued || m_stopped; });
        if (m_stopped)
            return false;
        m_full.push_back(std::move(batch));
        m_notEmpty.notify_one();
        return true;
    }
    bool pop(std::vector<FactRow> &out)
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [&] { return !m_full.empty() || m_closed; });
        if (m_full.empty())
            return false;
        out = std::move(m_full.front());
        m_full.pop_front();
        m_notFull.notify_one();
        return true;
    }
    void recycle(std::vector<FactRow> &&batch)
    {
        std::lock_guard lock(m_mutex);
        m_free.push_back(std::move(batch));
    }
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_notEmpty.notify_all();
    }
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_closed = true;
        m_notFull.notify_all();
        m_notEmpty.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_notEmpty, m_notFull;
    std::deque<std::vector<FactRow>> m_full;
    std::vector<std::vector<FactRow>> m_free;
    bool m_closed = false;
    bool m_stopped = false;
};

// The rows of an earlier import of this very file (same name, size and bytes) whose charges are
// all still in the store, found by hashing the file without parsing it; 0 when there is none,
// and the import then runs in full (its commit still skips an identical export). A file found
// joins `batch` in the same write transaction that checked it, so the batch's next files add to it.
std::int64_t identicalImportRows(SqliteDb &db, const std::string &path, std::int64_t batch)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return 0;
    const std::string name = std::filesystem::path(path).filename().string();
    auto sameName = [&](std::string_view stored) { return std::filesystem::path(std::string(stored)).filename() == name; };
    bool candidate = false;
    {
        SqliteStmt st(db, "SELECT path FROM import WHERE kind = 'focus' AND bytes = ?1 AND content_hash IS NOT NULL"
                          " AND finished_at IS NOT NULL AND rows > 0");
        st.bind(1, static_cast<std::int64_t>(size));
        while (!candidate && st.step())
            candidate = sameName(st.text(0));
    }
    if (!candidate)
        return 0;
    std::uint64_t hash = 0;
    std::int64_t bytes = 0;
    std::string error;
    if (!CsvReader::hashFile(path, hash, bytes, error) || hash == 0)
        return 0;
    char hashText[17];
    std::snprintf(hashText, sizeof hashText, "%016llx", static_cast<unsigned long long>(hash));
    WriteTxn txn(db);
    if (!txn.begin())
        return 0;
    std::int64_t rows = 0, importId = 0;
    {
        SqliteStmt st(db, "SELECT i.path, i.rows, i.id FROM import i WHERE i.kind = 'focus' AND i.bytes = ?1 AND i.content_hash = ?2"
                          " AND i.finished_at IS NOT NULL AND i.rows > 0 AND i.erased_by IS NULL"
                          " AND EXISTS(SELECT 1 FROM partition_rows pr WHERE pr.import_id = i.id)"
                          " AND NOT EXISTS(SELECT 1 FROM partition_rows pr WHERE pr.import_id = i.id AND NOT EXISTS("
                          "   SELECT 1 FROM partition p WHERE p.id = pr.partition_id AND p.import_id = i.id))"
                          " ORDER BY i.id DESC");
        st.bind(1, bytes);
        st.bind(2, std::string_view(hashText));
        while (rows == 0 && st.step()) {
            if (sameName(st.text(0))) {
                rows = st.int64(1);
                importId = st.int64(2);
            }
        }
    }
    // A batch that another writer already cut into goes the long way, whose commit says so.
    if (rows > 0 && Ingestor::erasedParts(db, batch) == 0 && Ingestor::linkToBatch(db, batch, {importId})
        && txn.commit())
        return rows;
    txn.rollback();
    return 0;
}

} // namespace

FocusImporter::FocusImporter(SqliteDb &db)
    : m_db(db)
{
}

FileImportResult FocusImporter::importFile(const std::string &path, std::int64_t batch)
{
    const auto t0 = std::chrono::steady_clock::now();
    FileImportResult result;
    result.error.file = path;
    auto finish = [&](FileImportResult &r) -> FileImportResult {
        r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        return r;
    };

    if (const std::int64_t rows = batch > 0 ? identicalImportRows(m_db, path, batch) : 0; rows > 0) {
        result.ok = true;
        result.ingest.skipped = rows;
        if (m_progress) {
            std::error_code ec;
            const auto bytes = static_cast<std::int64_t>(std::filesystem::file_size(path, ec));
            m_progress(ImportProgress{bytes, bytes, 0});
        }
        return finish(result);
    }

    CsvReader reader;
    if (!reader.open(path)) {
        result.error.message = "cannot open file: " + reader.error();
        return finish(result);
    }
    std::vector<std::string_view> fields;
    fields.reserve(64);
    FocusRowParser parser;
    const auto headerStatus = reader.next(fields);
    if (headerStatus != CsvReader::Status::Row) {
        result.error.line = 1;
        result.error.message = headerStatus == CsvReader::Status::End ? "the file is empty (no FOCUS header)"
                                                                      : reader.error();
        return finish(result);
    }
    if (!parser.setHeader(fields)) {
        result.error.line = reader.line();
        result.error.column = parser.errorColumn();
        result.error.message = parser.error();
        return finish(result);
    }

    ImportMeta meta;
    meta.kind = "focus";
    meta.path = std::filesystem::absolute(path).string();
    meta.fallbackSource = "file:" + std::filesystem::path(path).filename().string();
    meta.batch = batch;
    meta.wholeBatch = batch > 0;
    Ingestor ingestor(m_db);
    if (!ingestor.begin(meta)) {
        result.error.message = ingestor.error();
        return finish(result);
    }

    BatchQueue queue;
    std::string writeError;
    std::thread writer([&] {
        std::vector<FactRow> rows;
        while (queue.pop(rows)) {
            if (!ingestor.insert(rows.data(), rows.size())) {
                writeError = ingestor.error();
                queue.stop();
                return;
            }
            queue.recycle(std::move(rows));
        }
    });

    Record record;
    std::vector<FactRow> current;
    current.reserve(kBatchRows);
    std::int64_t rows = 0;
    bool failed = false;
    auto flush = [&]() -> bool {
        if (current.empty())
            return true;
        if (!queue.push(std::move(current)))
            return false;
        current = queue.takeEmpty();
        current.reserve(kBatchRows);
        return true;
    };
    for (;;) {
        const auto status = reader.next(fields);
        if (status == CsvReader::Status::End)
            break;
        if (status == CsvReader::Status::Error) {
            result.error.line = reader.line();
            result.error.message = reader.error();
            failed = true;
            break;
        }
        parser.setCheckUtf8(reader.sawNonAscii());
        if (!parser.parse(fields, record)) {
            result.error.line = reader.line();
            result.error.column = parser.errorColumn();
            result.error.message = parser.error();
            failed = true;
            break;
        }
        current.emplace_back();
        ingestor.resolve(record, current.back());
        ++rows;
        if (current.size() >= kBatchRows) {
            if (!flush()) {
                failed = true;
                break;
            }
            if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
                result.cancelled = true;
                failed = true;
                break;
            }
            if (m_progress)
                m_progress(ImportProgress{reader.bytesRead(), reader.fileSize(), rows});
        }
    }
    if (!failed && !flush())
        failed = true;
    // A cancel that came after the last batch still leaves the store as it was.
    if (!failed && m_cancel && m_cancel->load(std::memory_order_relaxed)) {
        result.cancelled = true;
        failed = true;
    }
    if (failed)
        queue.stop();
    else
        queue.close();
    writer.join();

    if (!writeError.empty()) {
        result.error.line = 0;
        result.error.message = writeError;
        failed = true;
    }
    if (failed) {
        ingestor.rollback();
        if (result.cancelled)
            result.error.message = "import cancelled; the store is unchanged";
        return finish(result);
    }
    if (!ingestor.commit(reader.contentHash(), reader.bytesRead(), result.ingest)) {
        result.error.message = ingestor.error();
        result.interleaved = ingestor.interleaved();
        ingestor.rollback();
        return finish(result);
    }
    result.ok = true;
    result.roundedAmounts = parser.roundedAmounts();
    if (m_progress)
        m_progress(ImportProgress{reader.bytesRead(), reader.fileSize(), rows});
    return finish(result);
}

} // namespace Cost
