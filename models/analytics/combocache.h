#pragma once

#include "domain/allocpart.h"
#include "store/sqlitedb.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

/// The small side of every page query: each dimension combination (`combo`) with its
/// dimension ids, token kind and allocation parts (`combo_allocation`), and the text of every
/// id they use. Pages aggregate rollup rows in C++ through it instead of joining per row.
namespace Analytics {

/// One allocation part of a combination: its feature and team, and its cumulative share
/// (parts per million) as split by alloc().
struct ComboPart {
    std::uint32_t feature = 0;
    std::uint32_t team = 0;
    std::int64_t before = 0;
    std::int64_t after = 0;
};

/// An immutable snapshot of the combination table. Shared between threads (read-only).
class ComboCache {
public:
    /// Columns of `combo` the analytics dimensions use (index = position in this list).
    static const std::vector<std::string> &columns();
    /// Index of `column` in columns(), or -1.
    static int columnIndex(const std::string &column);

    struct Combo {
        std::int64_t id = 0;
        int tokenKind = 0;
        std::vector<std::uint32_t> dims; ///< per columns()
        std::uint32_t firstPart = 0;
        std::uint32_t partCount = 0;
        std::uint32_t source = 0; ///< dense id of its unitSourceColumns() values (breakdown.h)
        std::int64_t day = -1;    ///< the UTC day of a telemetry-split entry, -1 for the static one
        bool hasDays = false;     ///< (static entry) some days are split by telemetry
    };

    /// The cache for the store behind `db`: reused while the store's combinations and rules
    /// are unchanged, reloaded otherwise. Call inside a read transaction. Null with `error`.
    static std::shared_ptr<const ComboCache> get(Cost::SqliteDb &db, std::string &error);
    /// Drops every cached snapshot (tests; a store replaced on disk).
    static void clearAll();

    /// Entries: every combination, then one per telemetry-split (combination, day).
    std::size_t size() const { return m_combos.size(); }
    /// Number of combinations (the static entries, indices below it).
    std::size_t comboCount() const { return m_staticCount; }
    /// Number of distinct Combo::source ids.
    std::size_t sourceCount() const { return m_sourceCount; }
    const Combo &combo(std::size_t index) const { return m_combos[index]; }
    /// Dense index of a combination id (its static allocation), or -1 when unknown.
    int indexOf(std::int64_t comboId) const
    {
        return comboId >= 0 && static_cast<std::size_t>(comboId) < m_index.size() ? m_index[static_cast<std::size_t>(comboId)]
                                                                                    : -1;
    }
    /// Dense index of a combination on a UTC day: an entry of its own where telemetry split that
    /// day (same dimensions, the day's parts), else the static one; -1 when unknown.
    int indexOf(std::int64_t comboId, std::int64_t day) const
    {
        const int index = indexOf(comboId);
        if (index < 0 || !m_combos[static_cast<std::size_t>(index)].hasDays)
            return index;
        const auto it = m_dayIndex.find(dayKey(comboId, day));
        return it != m_dayIndex.end() ? it->second : index;
    }
    const ComboPart *parts(const Combo &c) const { return m_parts.data() + c.firstPart; }
    /// Text of a dictionary id ("" for 0 or an id no combination uses).
    const std::string &text(std::uint32_t id) const;
    /// The dictionary id of a text used by some combination, or -1.
    std::int64_t idOf(const std::string &text) const;

private:
    bool load(Cost::SqliteDb &db, std::string &error);
    bool loadParts(Cost::SqliteDb &db, std::unordered_set<std::uint32_t> &used, std::string &error);
    static std::uint64_t dayKey(std::int64_t comboId, std::int64_t day)
    {
        return (static_cast<std::uint64_t>(comboId) << 24) ^ static_cast<std::uint64_t>(day);
    }

    std::vector<Combo> m_combos;
    std::vector<int> m_index;
    std::size_t m_staticCount = 0;
    std::unordered_map<std::uint64_t, int> m_dayIndex; ///< dayKey → entry of a telemetry-split day
    std::vector<ComboPart> m_parts;
    std::size_t m_sourceCount = 0;
    std::unordered_map<std::uint32_t, std::string> m_text;
    std::unordered_map<std::string, std::uint32_t> m_ids;
};

} // namespace Analytics
