#pragma once

#include "import/ingestor.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace Cost {

/// Where and why an import failed: file, 1-based line, column name (may be empty).
struct ImportError {
    std::string file;
    std::int64_t line = 0;
    std::string column;
    std::string message;
    /// "file:line: column X: message" (the form compilers use, so editors can jump to it).
    std::string toString() const;
};

/// Progress of one file, reported from the importing thread.
struct ImportProgress {
    std::int64_t bytesRead = 0;
    std::int64_t totalBytes = 0;
    std::int64_t rows = 0;
};

/// Outcome of importing one file.
struct FileImportResult {
    bool ok = false;
    bool cancelled = false;
    bool interleaved = false; ///< another writer replaced part of this batch meanwhile (Ingestor::interleaved)
    ImportError error;
    IngestResult ingest;
    std::int64_t roundedAmounts = 0; ///< amounts with more than ten decimals, rounded half-even
    double seconds = 0;
};

/// Imports FOCUS CSV exports (1.0–1.2 and the AI working-draft columns) into the store.
/// Streaming: a parser thread (the caller's) feeds a writer thread through a bounded queue, so
/// memory does not grow with the file. One transaction per file: on any error or cancel the
/// store is exactly as before.
class FocusImporter {
public:
    using ProgressFn = std::function<void(const ImportProgress &)>;

    explicit FocusImporter(SqliteDb &db);

    /// Called every few thousand rows on the importing thread.
    void setProgressCallback(ProgressFn fn) { m_progress = std::move(fn); }
    /// Checked between batches; set it from any thread to cancel.
    void setCancelFlag(const std::atomic_bool *flag) { m_cancel = flag; }
    /// Imports one file as part of `batch` (see Ingestor::newBatch).
    FileImportResult importFile(const std::string &path, std::int64_t batch);

private:
    SqliteDb &m_db;
    ProgressFn m_progress;
    const std::atomic_bool *m_cancel = nullptr;
};

} // namespace Cost
