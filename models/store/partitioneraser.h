#pragma once

#include "store/sqlitedb.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace Cost {

/// Removes the charges of a partition: its fact rows (through the row ranges partition_rows
/// records), those ranges and its daily rollups. The partition row itself is the caller's: an
/// import replacing a restated period keeps and refills it, removing an account's data deletes it.
/// Statements are prepared once; run inside the caller's transaction.
class PartitionEraser {
public:
    explicit PartitionEraser(SqliteDb &db);

    /// Charges deleted, or -1 on a database error. The imports whose charges go are marked
    /// erased by `batch` (import.erased_by; 0: removed, not replaced by a batch).
    std::int64_t eraseCharges(std::int64_t partitionId, std::int64_t batch = 0);
    /// Restatement by an import of `batch`: removes the partition's charges of imports neither
    /// numbered nor linked (import_link) to that batch, and recomputes its daily rollups from the
    /// charges that stay, leaving out fact ids from `firstNewRow` on (the running import's, whose
    /// rollups it adds itself). Charges deleted, or -1 on a database error.
    std::int64_t eraseOtherBatches(std::int64_t partitionId, std::int64_t batch, std::int64_t firstNewRow);

private:
    std::int64_t eraseSpans(std::int64_t partitionId, const std::vector<std::pair<std::int64_t, std::int64_t>> &spans);
    bool markErased(const std::vector<std::int64_t> &importIds, std::int64_t batch);

    SqliteDb &m_db;
    SqliteStmt m_ranges;
    SqliteStmt m_facts;
    SqliteStmt m_rangeRows;
    SqliteStmt m_rollups;
    SqliteStmt m_batchRanges;
    SqliteStmt m_importRanges;
    SqliteStmt m_rebuildRollups;
    SqliteStmt m_markErased;
};

} // namespace Cost
