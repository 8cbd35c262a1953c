#include "store/partitioneraser.h"

#include <utility>
#include <vector>

namespace Cost {

PartitionEraser::PartitionEraser(SqliteDb &db)
    : m_db(db)
    , m_ranges(db, "SELECT first_row, last_row, import_id FROM partition_rows WHERE partition_id = ?1")
    , m_facts(db, "DELETE FROM fact WHERE id BETWEEN ?1 AND ?2 AND partition_id = ?3")
    , m_rangeRows(db, "DELETE FROM partition_rows WHERE partition_id = ?1")
    , m_rollups(db, "DELETE FROM rollup_daily WHERE partition_id = ?1")
    , m_batchRanges(db, "SELECT pr.first_row, pr.last_row, pr.import_id, coalesce(i.batch, -1) = ?2"
                        " OR EXISTS(SELECT 1 FROM import_link l WHERE l.batch = ?2 AND l.import_id = pr.import_id)"
                        " FROM partition_rows pr LEFT JOIN import i ON i.id = pr.import_id WHERE pr.partition_id = ?1")
    , m_importRanges(db, "DELETE FROM partition_rows WHERE partition_id = ?1 AND import_id = ?2")
    // The same sums the ingestor accumulates per (partition, day, combination).
    , m_rebuildRollups(db, "INSERT INTO rollup_daily(partition_id, day, combo_id, billed, effective, list, tokens, requests, rows)"
                           " SELECT partition_id, CASE WHEN start >= 0 THEN start / 86400 ELSE -((86399 - start) / 86400) END,"
                           " combo_id, sum(billed), sum(billed + coalesce(effective_delta, 0)),"
                           " sum(billed + coalesce(list_delta, 0)), sum(coalesce(tokens, 0)), sum(coalesce(requests, 0)), count(*)"
                           " FROM fact WHERE partition_id = ?1 AND id < ?2 GROUP BY 1, 2, 3")
    , m_markErased(db, "UPDATE import SET erased_by = ?2 WHERE id = ?1 AND erased_by IS NULL")
{
}

std::int64_t PartitionEraser::eraseSpans(std::int64_t partitionId,
                                         const std::vector<std::pair<std::int64_t, std::int64_t>> &spans)
{
    std::int64_t deleted = 0;
    for (const auto &[first, last] : spans) {
        m_facts.bind(1, first);
        m_facts.bind(2, last);
        m_facts.bind(3, partitionId);
        if (!m_facts.exec())
            return -1;
        deleted += m_db.changes();
    }
    return deleted;
}

bool PartitionEraser::markErased(const std::vector<std::int64_t> &importIds, std::int64_t batch)
{
    for (const std::int64_t id : importIds) {
        m_markErased.bind(1, id);
        m_markErased.bind(2, batch);
        if (!m_markErased.exec())
            return false;
    }
    return true;
}

std::int64_t PartitionEraser::eraseCharges(std::int64_t partitionId, std::int64_t batch)
{
    // The ranges are read (and the read finished) before anything is deleted.
    m_ranges.bind(1, partitionId);
    std::vector<std::pair<std::int64_t, std::int64_t>> spans;
    std::vector<std::int64_t> imports;
    while (m_ranges.step()) {
        spans.emplace_back(m_ranges.int64(0), m_ranges.int64(1));
        imports.push_back(m_ranges.int64(2));
    }
    const bool readOk = m_ranges.error().empty();
    m_ranges.reset();
    if (!readOk || !markErased(imports, batch))
        return -1;
    const std::int64_t deleted = eraseSpans(partitionId, spans);
    if (deleted < 0)
        return -1;
    for (SqliteStmt *st : {&m_rangeRows, &m_rollups}) {
        st->bind(1, partitionId);
        if (!st->exec())
            return -1;
    }
    return deleted;
}

std::int64_t PartitionEraser::eraseOtherBatches(std::int64_t partitionId, std::int64_t batch, std::int64_t firstNewRow)
{
    m_batchRanges.bind(1, partitionId);
    m_batchRanges.bind(2, batch);
    std::vector<std::pair<std::int64_t, std::int64_t>> spans;
    std::vector<std::int64_t> imports;
    bool anyKept = false;
    while (m_batchRanges.step()) {
        if (m_batchRanges.int64(3) != 0) {
            anyKept = true;
            continue;
        }
        spans.emplace_back(m_batchRanges.int64(0), m_batchRanges.int64(1));
        imports.push_back(m_batchRanges.int64(2));
    }
    const bool readOk = m_batchRanges.error().empty();
    m_batchRanges.reset();
    if (!readOk)
        return -1;
    if (spans.empty())
        return 0;
    if (!anyKept)
        return eraseCharges(partitionId, batch); // the common restatement: the partition goes whole
    const std::int64_t deleted = eraseSpans(partitionId, spans);
    if (deleted < 0 || !markErased(imports, batch))
        return -1;
    for (const std::int64_t importId : imports) {
        m_importRanges.bind(1, partitionId);
        m_importRanges.bind(2, importId);
        if (!m_importRanges.exec())
            return -1;
    }
    m_rollups.bind(1, partitionId);
    m_rebuildRollups.bind(1, partitionId);
    m_rebuildRollups.bind(2, firstNewRow);
    if (!m_rollups.exec() || !m_rebuildRollups.exec())
        return -1;
    return deleted;
}

} // namespace Cost
