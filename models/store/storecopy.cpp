#include "store/storecopy.h"

#include "store/copyside.h"
#include "store/pgdb.h"

#include <cstring>

namespace Cost {

namespace {

constexpr std::int64_t kProgressRows = 50000;

// An order-free digest of a table: its row count, the sum of a 64-bit hash of each row, and the
// exact sum of each integer column. Equal digests mean the same rows, each value with its type.
struct Digest {
    std::int64_t rows = 0;
    std::uint64_t hash = 0;
    std::vector<BigMoney> sums;

    void add(const CopyRow &row)
    {
        sums.resize(row.size());
        std::uint64_t h = 14695981039346656037ull;
        auto mix = [&h](const void *data, std::size_t n) {
            const auto *p = static_cast<const unsigned char *>(data);
            for (std::size_t i = 0; i < n; ++i)
                h = (h ^ p[i]) * 1099511628211ull;
        };
        for (std::size_t c = 0; c < row.size(); ++c) {
            const CopyValue &v = row[c];
            mix(&v.kind, 1);
            if (v.kind == CopyValue::Int) {
                mix(&v.i, sizeof v.i);
                sums[c] += v.i;
            } else if (v.kind == CopyValue::Real) {
                std::uint64_t bits;
                std::memcpy(&bits, &v.r, sizeof bits);
                mix(&bits, sizeof bits);
            } else if (v.kind == CopyValue::Text) {
                const std::uint64_t n = v.s.size();
                mix(&n, sizeof n);
                mix(v.s.data(), v.s.size());
            }
        }
        // splitmix64's finaliser, so that the sum of row hashes carries no structure of FNV's.
        h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
        h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
        hash += h ^ (h >> 31);
        ++rows;
    }
    bool operator==(const Digest &o) const
    {
        return rows == o.rows && hash == o.hash && (rows == 0 || sums == o.sums);
    }
};

bool copyTable(CopySide &source, CopySide &target, const StoreTable &table, Digest &copied, std::string &error,
               const StoreCopyProgress &progress, const std::atomic_bool *cancel)
{
    if (!target.writeBegin(table, error))
        return false;
    const bool read = source.read(table, [&](const CopyRow &row) {
        if (cancel && cancel->load()) {
            error = "cancelled";
            return false;
        }
        copied.add(row);
        if (progress && copied.rows % kProgressRows == 0)
            progress(table.name, copied.rows);
        return target.writeRow(row, error);
    }, error);
    if (!read || !target.writeEnd(error))
        return false;
    Digest check;
    if (!target.read(table, [&](const CopyRow &row) { return check.add(row), true; }, error))
        return false;
    if (check == copied)
        return true;
    error = "table " + table.name + ": "
        + (check.rows != copied.rows ? std::to_string(check.rows) + " rows read back from " + target.displayName() + ", "
                   + std::to_string(copied.rows) + " copied"
                                     : "the rows read back from " + target.displayName() + " differ from the copied ones");
    return false;
}

bool copyAll(CopySide &source, CopySide &target, StoreCopySummary &summary, std::string &error,
             const StoreCopyProgress &progress, const std::atomic_bool *cancel)
{
    if (!source.openSource(error))
        return false;
    std::vector<StoreTable> tables;
    // The layout is this build's SQLite schema: the file's own, or a new file's when it is the target.
    CopySide &sqliteSide = PgDb::isPostgresLocation(summary.from) ? target : source;
    if (&sqliteSide == &source && !source.schema(tables, error))
        return false;
    if (!target.openTarget(tables, error))
        return false;
    if (&sqliteSide == &target && !target.schema(tables, error))
        return false;
    CopySequences sequences;
    if (!source.sequences(tables, sequences, error))
        return false;
    for (const auto &table : tables) {
        Digest copied;
        if (!copyTable(source, target, table, copied, error, progress, cancel))
            return false;
        summary.tables.push_back({table.name, copied.rows});
        summary.rows += copied.rows;
        if (table.name == "fact") {
            summary.charges = copied.rows;
            const int billed = table.columnIndex("billed");
            summary.billed = billed >= 0 && copied.rows ? copied.sums[static_cast<std::size_t>(billed)] : 0;
        }
    }
    return target.finish(tables, sequences, error) && target.commit(error);
}

} // namespace

bool copyStore(const std::string &from, const std::string &to, StoreCopySummary &summary, std::string &error,
               const StoreCopyProgress &progress, const std::atomic_bool *cancel)
{
    summary = {};
    summary.from = from;
    summary.to = to;
    if (PgDb::isPostgresLocation(from) && PgDb::isPostgresLocation(to)) {
        error = "both stores are on PostgreSQL: copy between servers with pg_dump and pg_restore";
        return false;
    }
    auto source = CopySide::create(from);
    auto target = CopySide::create(to);
    const bool ok = copyAll(*source, *target, summary, error, progress, cancel);
    summary.from = source->displayName();
    summary.to = target->displayName();
    if (!ok) {
        target->rollback();
        summary.tables.clear();
        summary.rows = summary.charges = 0;
        summary.billed = 0;
    }
    source->rollback(); // a read snapshot: nothing to keep
    return ok;
}

} // namespace Cost
