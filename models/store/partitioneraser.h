#pragma once

#include "store/sqlitedb.h"

#include <cstdint>

namespace Cost {

/// Removes the charges of a partition: its fact rows (through the row ranges partition_rows
/// records), those ranges and its daily rollups. The partition row itself is the caller's: an
/// import replacing a restated period keeps and refills it, removing an account's data deletes it.
/// Statements are prepared once; run inside the caller's transaction.
class PartitionEraser {
public:
    explicit PartitionEraser(SqliteDb &db);

    /// Charges deleted, or -1 on a database error.
    std::int64_t eraseCharges(std::int64_t partitionId);

private:
    SqliteDb &m_db;
    SqliteStmt m_ranges;
    SqliteStmt m_facts;
    SqliteStmt m_rangeRows;
    SqliteStmt m_rollups;
};

} // namespace Cost
