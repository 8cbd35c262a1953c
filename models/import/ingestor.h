#pragma once

#include "domain/costrecord.h"
#include "store/sqlitedb.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace Cost {

/// A charge with every string replaced by its dictionary id, ready for a bound-integer insert.
struct FactRow {
    std::uint32_t partition = 0;
    std::uint32_t combo = 0;
    std::uint32_t extras = 0;
    std::uint8_t amountPresent = 0;
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::array<Money, kAmountCount> amounts{};
    double consumed = 0;
    double pricing = 0;
    std::int64_t tokens = -1;
    std::int64_t requests = -1;
};

/// Who is importing what. Charges of one (provider, billing account, billing period) form a
/// partition; an import replaces the partition's charges of other batches (restatement) and
/// adds to those of its own batch (multi-part exports). A file skipped as identical to an import
/// already stored joins the batch (import_link), so a retried multi-part import keeps the parts
/// that had committed before.
struct ImportMeta {
    std::string kind;            ///< "focus", "demo", "sync"
    std::string path;            ///< file or account the rows come from
    std::string fallbackSource;  ///< source name used when a row has neither provider nor account
    std::string sourceOverride;  ///< when set, the source of every row (connectors)
    std::int64_t batch = 0;      ///< see Ingestor::newBatch; 0: a batch of its own, numbered inside the write transaction
    /// The batch is one export in several files: commit() fails with interleaved() once another
    /// writer erased a part this batch committed or linked before (import again, in a new batch).
    bool wholeBatch = false;
};

/// What one committed import did.
struct IngestResult {
    std::int64_t importId = 0;
    std::int64_t rows = 0;      ///< charges written
    std::int64_t replaced = 0;  ///< charges of earlier exports removed by restatement
    std::int64_t skipped = 0;   ///< charges not written (identical re-import)
};

/// Writes one import into the store inside one transaction. Threading contract: begin(),
/// commit() and rollback() on the owning thread; resolve() on exactly one producer thread;
/// insert() on exactly one writer thread (possibly the same); never two at once on the
/// connection (insert and commit are sequenced by the caller).
class Ingestor {
public:
    explicit Ingestor(SqliteDb &db);
    ~Ingestor();
    Ingestor(const Ingestor &) = delete;
    Ingestor &operator=(const Ingestor &) = delete;

    /// A new batch number, unique among every process writing the store (taken in a write
    /// transaction): imports of one batch never replace each other's charges. 0 on a store error.
    static std::int64_t newBatch(SqliteDb &db);
    /// Records that `importIds` (already stored, identical to what this batch brought) belong to
    /// `batch` as well. Inside the caller's write transaction.
    static bool linkToBatch(SqliteDb &db, std::int64_t batch, const std::vector<std::int64_t> &importIds);
    /// How many imports of `batch` (its own or linked) another writer has erased since: a batch
    /// that is one export in several files must not grow once this is above 0. -1 on error.
    static std::int64_t erasedParts(SqliteDb &db, std::int64_t batch);

    /// Starts the transaction and loads the dictionaries; false with error() on failure.
    bool begin(const ImportMeta &meta);
    /// Interns strings, derives model/token kind/feature/team and accumulates rollups.
    void resolve(const Record &record, FactRow &out);
    /// Inserts resolved rows; false with error() on failure.
    bool insert(const FactRow *rows, std::size_t count);
    /// Replaces restated partitions, writes dictionaries and rollups, and commits. An import
    /// whose bytes equal the export it would replace is rolled back and reported as skipped.
    bool commit(std::uint64_t contentHash, std::int64_t bytes, IngestResult &result);
    /// Abandons everything since begin().
    void rollback();
    const std::string &error() const { return m_error; }
    /// The last commit() failed because another batch replaced part of this one (see ImportMeta).
    bool interleaved() const { return m_interleaved; }

private:
    struct State;
    bool fail(const std::string &what);
    bool batchIntact();
    /// A team store: ends the charges' COPY (insert()), false with the server's refusal.
    bool endCopy();

    SqliteDb &m_db;
    std::unique_ptr<State> m_state;
    std::string m_error;
    WriteTxn m_txn{m_db}; ///< this file's transaction, or a savepoint in the caller's (one export run)
    bool m_interleaved = false;
};

} // namespace Cost
