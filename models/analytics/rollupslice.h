#pragma once

#include "analytics/analytics.h"
#include "analytics/combocache.h"
#include "store/sqlitedb.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

/// The daily rollup rows of one day range, read in a single scan of the covering index
/// `rollup_daily_cover`, and the questions a page asks answered from them in memory. Every
/// answer equals the SQL one (Analytics::totals, breakdown) to the money unit: amounts are
/// split per rollup row by allocPart(), as SQL alloc() splits them.
namespace Analytics {

struct SliceRow {
    std::int64_t day = 0;
    std::uint32_t combo = 0; ///< dense ComboCache index
    std::int64_t billed = 0;
    std::int64_t tokens = 0;
    std::int64_t requests = 0;
    std::int64_t rows = 0;
};

struct RollupSlice {
    std::int64_t fromDay = 0; ///< inclusive
    std::int64_t toDay = -1;  ///< inclusive
    std::shared_ptr<const ComboCache> combos;
    std::vector<SliceRow> rows; ///< by day
};

/// Reads the rollup rows between two inclusive days and the combination cache, in one read
/// transaction (a consistent snapshot). False with `error`.
bool loadSlice(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, RollupSlice &out, std::string &error);

/// Where a combination's amounts go for one (dimension, filters) question: a group key, and
/// the allocation share when feature/team is involved (SQL joins combo_allocation then).
struct SliceTarget {
    std::uint32_t key = 0;
    bool split = false;
    std::int64_t before = 0;
    std::int64_t after = 0;
    /// The target's part of an additive amount.
    std::int64_t amount(std::int64_t value) const { return split ? allocPart(value, before, after) : value; }
};

/// The targets of every combination for a dimension ("" = one group) under filters.
class SliceGrouping {
public:
    /// False with `error` for an unknown dimension or filter (as the SQL path words it).
    bool build(const ComboCache &combos, const std::string &dimension, const std::vector<Filter> &filters,
               std::string &error);
    /// Display text of each key ("" = none/unallocated; token kinds by name).
    const std::vector<std::string> &keys() const { return m_keys; }
    const SliceTarget *begin(std::uint32_t combo) const { return m_targets.data() + m_offsets[combo]; }
    const SliceTarget *end(std::uint32_t combo) const { return m_targets.data() + m_offsets[combo + 1]; }

private:
    std::uint32_t keyOf(const std::string &text);

    std::vector<std::string> m_keys;
    std::unordered_map<std::string, std::uint32_t> m_keyIndex;
    std::vector<SliceTarget> m_targets;
    std::vector<std::uint32_t> m_offsets;
};

/// totals() answered from a slice: grouped by at most one dimension (not day/month), metric
/// billed or tokens (a slice reads no other amounts), the request's range inside the slice's.
/// Same rows, values and order as totals().
bool sliceTotals(const RollupSlice &slice, const TotalsRequest &request, std::vector<TotalsRow> &out, std::string &error);

} // namespace Analytics
