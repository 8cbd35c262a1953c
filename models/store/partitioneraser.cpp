#include "store/partitioneraser.h"

#include <utility>
#include <vector>

namespace Cost {

PartitionEraser::PartitionEraser(SqliteDb &db)
    : m_db(db)
    , m_ranges(db, "SELECT first_row, last_row FROM partition_rows WHERE partition_id = ?1")
    , m_facts(db, "DELETE FROM fact WHERE id BETWEEN ?1 AND ?2 AND partition_id = ?3")
    , m_rangeRows(db, "DELETE FROM partition_rows WHERE partition_id = ?1")
    , m_rollups(db, "DELETE FROM rollup_daily WHERE partition_id = ?1")
{
}

std::int64_t PartitionEraser::eraseCharges(std::int64_t partitionId)
{
    // The ranges are read (and the read finished) before anything is deleted.
    m_ranges.bind(1, partitionId);
    std::vector<std::pair<std::int64_t, std::int64_t>> spans;
    while (m_ranges.step())
        spans.emplace_back(m_ranges.int64(0), m_ranges.int64(1));
    const bool readOk = m_ranges.error().empty();
    m_ranges.reset();
    if (!readOk)
        return -1;
    std::int64_t deleted = 0;
    for (const auto &[first, last] : spans) {
        m_facts.bind(1, first);
        m_facts.bind(2, last);
        m_facts.bind(3, partitionId);
        if (!m_facts.exec())
            return -1;
        deleted += m_db.changes();
    }
    for (SqliteStmt *st : {&m_rangeRows, &m_rollups}) {
        st->bind(1, partitionId);
        if (!st->exec())
            return -1;
    }
    return deleted;
}

} // namespace Cost
