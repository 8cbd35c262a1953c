// Ingestor::commit: replaces restated partitions and writes dictionaries, combinations,
// allocation, rollups and the import record, then commits the import's transaction.
#include "import/ingestor.h"
#include "import/ingestorstate.h"

#include "allocation/allocation.h"
#include "allocation/telemetryallocation.h"
#include "domain/timeparse.h"
#include "store/partitioneraser.h"

#include <algorithm>
#include <cstdio>
#include <limits>

namespace Cost {

using namespace IngestDetail;

std::int64_t Ingestor::erasedParts(SqliteDb &db, std::int64_t batch)
{
    SqliteStmt st(db, "SELECT count(*) FROM import i WHERE i.erased_by IS NOT NULL AND i.erased_by <> ?1"
                      " AND (i.batch = ?1 OR i.id IN (SELECT import_id FROM import_link WHERE batch = ?1))");
    st.bind(1, batch);
    return st.step() ? st.int64(0) : -1;
}

bool Ingestor::batchIntact()
{
    const ImportMeta &meta = m_state->meta;
    if (!meta.wholeBatch)
        return true;
    const std::int64_t erased = erasedParts(m_db, meta.batch);
    if (erased == 0)
        return true;
    if (erased < 0)
        return fail("cannot check the import's batch");
    m_interleaved = true;
    m_error = "another import replaced part of this export while it was being imported (batch "
        + std::to_string(meta.batch) + ")";
    return false;
}

bool Ingestor::commit(std::uint64_t contentHash, std::int64_t bytes, IngestResult &result)
{
    State &s = *m_state;
    m_interleaved = false;
    if (!endCopy()) // the server's verdict on the charges streamed to it
        return false;
    char hashText[17];
    std::snprintf(hashText, sizeof hashText, "%016llx", static_cast<unsigned long long>(contentHash));
    const std::string hash = contentHash ? std::string(hashText) : std::string();
    result = IngestResult{};
    result.importId = s.importId;

    // An identical re-export of what is already stored: leave the store as it is.
    bool anyTouched = false;
    bool allIdentical = !hash.empty();
    for (const auto &[key, info] : s.partitions) {
        if (!info.touched)
            continue;
        anyTouched = true;
        if (info.importId == 0 || info.importHash != hash)
            allIdentical = false;
    }
    if (anyTouched && allIdentical) {
        // Keep the store as it is, but make the stored imports part of this batch: the next
        // file of a retried multi-part import then adds to them instead of replacing them.
        std::vector<std::int64_t> owners;
        for (const auto &[key, info] : s.partitions)
            if (info.touched)
                owners.push_back(info.importId);
        // Undone whole, then the link in a transaction of its own (a savepoint would make every
        // insert of the import keep an undo copy of its pages). Should another writer replace
        // those imports in between, the link names imports without charges: harmless.
        rollback();
        if (!m_txn.begin())
            return fail("cannot record the identical import");
        if (!linkToBatch(m_db, s.meta.batch, owners)) {
            fail("cannot record the identical import");
            m_txn.rollback();
            return false;
        }
        if (!batchIntact()) {
            m_txn.rollback();
            return false;
        }
        if (!m_txn.commit()) {
            fail("cannot record the identical import");
            m_txn.rollback();
            return false;
        }
        result.importId = 0;
        result.skipped = s.rows;
        return true;
    }

    {
        SqliteStmt st(m_db, "INSERT INTO dict(id, s) VALUES(?1, ?2)");
        for (const auto &[id, text] : s.newStrings) {
            st.bind(1, static_cast<std::int64_t>(id));
            st.bind(2, std::string_view(text));
            if (!st.exec())
                return fail("cannot store dictionary");
        }
    }
    {
        std::string sql = "INSERT INTO combo(id, token_kind";
        std::string params = "?1, ?2";
        for (std::size_t i = 0; i < kDimCount; ++i) {
            sql += std::string(", ") + std::string(dimColumn(static_cast<Dim>(i)));
            params += ", ?" + std::to_string(i + 3);
        }
        // The endpoint columns (migration 18) follow the dimensions.
        constexpr int kEndpointParam = static_cast<int>(kDimCount) + 3;
        sql += ", endpoint, instance_type, accelerator, served_model";
        for (int i = 0; i < 4; ++i)
            params += ", ?" + std::to_string(kEndpointParam + i);
        SqliteStmt st(m_db, sql + ") VALUES(" + params + ")");
        for (std::size_t c = 0; c < s.newCombos.size(); ++c) {
            const auto &[id, key] = s.newCombos[c];
            st.bind(1, static_cast<std::int64_t>(id));
            st.bind(2, static_cast<std::int64_t>(key.v[kDimCount]));
            for (std::size_t i = 0; i < kDimCount; ++i)
                st.bind(static_cast<int>(i) + 3, static_cast<std::int64_t>(key.v[i]));
            for (int i = 0; i < 4; ++i)
                st.bind(kEndpointParam + i, static_cast<std::int64_t>(s.newComboEndpoints[c][static_cast<std::size_t>(i)]));
            if (!st.exec())
                return fail("cannot store combination");
        }
    }
    {
        std::vector<std::uint32_t> ids;
        ids.reserve(s.newCombos.size());
        for (const auto &entry : s.newCombos)
            ids.push_back(entry.first);
        std::string allocError;
        if (!ids.empty() && !Allocation::allocate(m_db, &ids, allocError))
            return fail("cannot allocate new charges: " + allocError);
    }
    {
        PartitionEraser eraser(m_db);
        SqliteStmt upsert(m_db, "INSERT INTO partition(id, provider, billing_account, source, period_start, period_end,"
                                " import_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET"
                                " import_id = excluded.import_id, period_end = max(coalesce(partition.period_end, 0), excluded.period_end)");
        SqliteStmt addRange(m_db, "INSERT INTO partition_rows(partition_id, import_id, first_row, last_row) VALUES(?1, ?2, ?3, ?4)");
        for (const auto &[key, info] : s.partitions) {
            if (!info.touched)
                continue;
            const auto pid = static_cast<std::int64_t>(info.id);
            if (info.importId != 0) {
                const std::int64_t erased = eraser.eraseOtherBatches(pid, s.meta.batch, s.firstRow);
                if (erased < 0)
                    return fail("cannot replace restated charges");
                result.replaced += erased;
            }
            upsert.bind(1, pid);
            upsert.bind(2, static_cast<std::int64_t>(key.provider));
            upsert.bind(3, static_cast<std::int64_t>(key.account));
            upsert.bind(4, static_cast<std::int64_t>(key.source));
            upsert.bind(5, key.periodStart);
            upsert.bind(6, info.periodEnd);
            upsert.bind(7, s.importId);
            if (!upsert.exec())
                return fail("cannot store partition");
            if (s.nextRow > s.firstRow) {
                addRange.bind(1, pid);
                addRange.bind(2, s.importId);
                addRange.bind(3, s.firstRow);
                addRange.bind(4, s.nextRow - 1);
                if (!addRange.exec())
                    return fail("cannot store partition rows");
            }
        }
    }
    {
        SqliteStmt st(m_db, "INSERT INTO rollup_daily AS r(partition_id, day, combo_id, billed, effective, list, tokens, requests,"
                            " rows) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9) ON CONFLICT(partition_id, day, combo_id) DO UPDATE SET"
                            " billed = r.billed + excluded.billed, effective = r.effective + excluded.effective,"
                            " list = r.list + excluded.list, tokens = r.tokens + excluded.tokens,"
                            " requests = r.requests + excluded.requests, rows = r.rows + excluded.rows");
        for (const auto &[key, sum] : s.rollups) {
            st.bind(1, static_cast<std::int64_t>(key.partition));
            st.bind(2, key.day);
            st.bind(3, static_cast<std::int64_t>(key.combo));
            st.bind(4, static_cast<std::int64_t>(sum.billed));
            st.bind(5, static_cast<std::int64_t>(sum.effective));
            st.bind(6, static_cast<std::int64_t>(sum.list));
            st.bind(7, sum.tokens);
            st.bind(8, sum.requests);
            st.bind(9, sum.rows);
            if (!st.exec())
                return fail("cannot store daily rollup");
        }
    }
    {
        // The telemetry split of the days this import wrote or restated (their billed tokens changed).
        std::int64_t firstDay = std::numeric_limits<std::int64_t>::max(), lastDay = std::numeric_limits<std::int64_t>::min();
        for (const auto &[key, sum] : s.rollups) {
            firstDay = std::min(firstDay, key.day);
            lastDay = std::max(lastDay, key.day);
        }
        for (const auto &[key, info] : s.partitions) {
            if (!info.touched)
                continue;
            firstDay = std::min(firstDay, Cost::dayOf(key.periodStart));
            lastDay = std::max(lastDay, Cost::dayOf(std::max(key.periodStart, info.periodEnd - 1)));
        }
        std::string allocError;
        if (firstDay <= lastDay && !Allocation::allocateTelemetry(m_db, firstDay, lastDay, allocError))
            return fail("cannot allocate by telemetry: " + allocError);
    }
    {
        SqliteStmt st(m_db, "UPDATE import SET content_hash = ?1, bytes = ?2, rows = ?3, replaced = ?4, finished_at = ?5"
                            " WHERE id = ?6");
        if (hash.empty())
            st.bindNull(1);
        else
            st.bind(1, std::string_view(hash));
        st.bind(2, bytes);
        st.bind(3, s.rows);
        st.bind(4, result.replaced);
        st.bind(5, std::string_view(nowIso()));
        st.bind(6, s.importId);
        if (!st.exec())
            return fail("cannot finish the import record");
    }
    s.insertFact = SqliteStmt();
    s.insertMany = SqliteStmt();
    if (!batchIntact())
        return false;
    if (!m_txn.commit())
        return fail("cannot commit the import");
    result.rows = s.rows;
    return true;
}

} // namespace Cost
