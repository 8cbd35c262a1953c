#include "analytics/rollupslice.h"

#include "analytics/analyticssql.h"
#include "domain/costrecord.h"

#include <algorithm>

namespace Analytics {

bool loadSlice(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, RollupSlice &out, std::string &error)
{
    out = RollupSlice{};
    out.fromDay = fromDay;
    out.toDay = toDay;
    // A savepoint works inside or outside the caller's transaction and keeps the combination
    // cache and the rows one snapshot (an import may commit in between otherwise).
    if (!db.exec("SAVEPOINT rollup_slice")) {
        error = db.error();
        return false;
    }
    auto finish = [&](bool ok) {
        db.exec("RELEASE rollup_slice");
        return ok;
    };
    out.combos = ComboCache::get(db, error);
    if (!out.combos)
        return finish(false);
    // Reads only the covering index (migration 7): no table lookups per row.
    // Only the amounts pages show: every column read costs a record decode per row.
    Cost::SqliteStmt st(db, "SELECT day, combo_id, billed, tokens, requests, rows"
                            " FROM rollup_daily INDEXED BY rollup_daily_cover WHERE day BETWEEN ?1 AND ?2");
    if (!st.ok()) {
        error = st.error();
        return finish(false);
    }
    st.bind(1, fromDay);
    st.bind(2, toDay);
    const ComboCache &combos = *out.combos;
    // About one row per combination and day: reserving that saves the regrowth copies.
    out.rows.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(toDay - fromDay + 1, 0, 4000)) * combos.comboCount());
    while (st.step()) {
        const int combo = combos.indexOf(st.int64(1), st.int64(0));
        if (combo < 0)
            continue; // a rollup row without its combination joins nothing in SQL either
        SliceRow row;
        row.day = st.int64(0);
        row.combo = static_cast<std::uint32_t>(combo);
        row.billed = st.int64(2);
        row.tokens = st.int64(3);
        row.requests = st.int64(4);
        row.rows = st.int64(5);
        out.rows.push_back(row);
    }
    if (!st.error().empty()) {
        error = st.error();
        return finish(false);
    }
    return finish(true);
}

std::uint32_t SliceGrouping::keyOf(const std::string &text)
{
    const auto [it, inserted] = m_keyIndex.emplace(text, static_cast<std::uint32_t>(m_keys.size()));
    if (inserted)
        m_keys.push_back(text);
    return it->second;
}

bool SliceGrouping::build(const ComboCache &combos, const std::string &dimension, const std::vector<Filter> &filters,
                          std::string &error)
{
    m_keys.clear();
    m_keyIndex.clear();
    m_targets.clear();
    m_offsets.assign(1, 0);

    // The grouped value: a combo column, a part's feature/team, the token kind, or nothing.
    enum class Source { None, Combo, Part, TokenKind };
    Source source = Source::None;
    int column = -1;
    bool partTeam = false;
    if (!dimension.empty()) {
        const Sql::DimSql *d = Sql::findDim(dimension);
        if (!d || dimension == "day" || dimension == "month") {
            error = "unknown dimension '" + dimension + "'";
            return false;
        }
        if (dimension == "token_kind") {
            source = Source::TokenKind;
        } else if (Sql::isAllocated(dimension)) {
            source = Source::Part;
            partTeam = dimension == "team";
        } else {
            source = Source::Combo;
            column = ComboCache::columnIndex(d->column);
            if (column < 0) {
                error = "unknown dimension '" + dimension + "'";
                return false;
            }
        }
    }

    // Filters resolved to ids as filterClause() does: "" is id 0, an unknown text matches nothing.
    struct Condition {
        enum class On { Combo, Feature, Team, TokenKind } on;
        int column = -1;
        std::int64_t id = 0;
    };
    std::vector<Condition> conditions;
    bool allocated = source == Source::Part;
    for (const auto &[dim, value] : filters) {
        const Sql::DimSql *d = Sql::findDim(dim);
        if (!d || dim == "day" || dim == "month") {
            error = "unknown filter dimension '" + dim + "'";
            return false;
        }
        Condition c{};
        if (dim == "token_kind") {
            c.on = Condition::On::TokenKind;
            c.id = static_cast<int>(Cost::tokenKindFromName(value));
        } else {
            if (Sql::isAllocated(dim)) {
                allocated = true;
                c.on = dim == "team" ? Condition::On::Team : Condition::On::Feature;
            } else {
                c.on = Condition::On::Combo;
                c.column = ComboCache::columnIndex(d->column);
                if (c.column < 0) {
                    error = "unknown filter dimension '" + dim + "'";
                    return false;
                }
            }
            c.id = value.empty() ? 0 : combos.idOf(value);
        }
        conditions.push_back(c);
    }

    // Keys by dictionary id: each text is hashed once, not once per entry (telemetry adds an
    // entry per combination and day).
    std::unordered_map<std::uint32_t, std::uint32_t> keyOfId;
    const auto idKey = [&](std::uint32_t id) {
        auto it = keyOfId.find(id);
        if (it == keyOfId.end())
            it = keyOfId.emplace(id, keyOf(combos.text(id))).first;
        return it->second;
    };
    for (std::size_t i = 0; i < combos.size(); ++i) {
        const ComboCache::Combo &combo = combos.combo(i);
        if (!allocated && combo.day >= 0) {
            // A telemetry day entry differs from its combination only in its parts.
            const auto base = static_cast<std::size_t>(combos.indexOf(combo.id));
            for (std::uint32_t t = m_offsets[base]; t < m_offsets[base + 1]; ++t) {
                const SliceTarget copy = m_targets[t];
                m_targets.push_back(copy);
            }
            m_offsets.push_back(static_cast<std::uint32_t>(m_targets.size()));
            continue;
        }
        const bool comboPasses = std::all_of(conditions.begin(), conditions.end(), [&](const Condition &c) {
            switch (c.on) {
            case Condition::On::Combo: return combo.dims[static_cast<std::size_t>(c.column)] == c.id;
            case Condition::On::TokenKind: return combo.tokenKind == c.id;
            default: return true;
            }
        });
        auto comboKey = [&]() -> std::uint32_t {
            switch (source) {
            case Source::Combo: return idKey(combo.dims[static_cast<std::size_t>(column)]);
            case Source::TokenKind:
                return keyOf(std::string(Cost::tokenKindName(static_cast<Cost::TokenKind>(combo.tokenKind))));
            default: return keyOf(std::string());
            }
        };
        if (comboPasses && !allocated) {
            m_targets.push_back(SliceTarget{comboKey(), false, 0, 0});
        } else if (comboPasses) {
            const ComboPart *parts = combos.parts(combo);
            for (std::uint32_t p = 0; p < combo.partCount; ++p) {
                const ComboPart &part = parts[p];
                const bool partPasses = std::all_of(conditions.begin(), conditions.end(), [&](const Condition &c) {
                    if (c.on == Condition::On::Feature)
                        return part.feature == c.id;
                    if (c.on == Condition::On::Team)
                        return part.team == c.id;
                    return true;
                });
                if (!partPasses)
                    continue;
                const std::uint32_t key
                    = source == Source::Part ? idKey(partTeam ? part.team : part.feature) : comboKey();
                m_targets.push_back(SliceTarget{key, true, part.before, part.after});
            }
        }
        m_offsets.push_back(static_cast<std::uint32_t>(m_targets.size()));
    }
    return true;
}

bool sliceTotals(const RollupSlice &slice, const TotalsRequest &req, std::vector<TotalsRow> &out, std::string &error)
{
    out.clear();
    if (req.by.size() > 1 || req.metric == Metric::Effective || req.metric == Metric::List) {
        error = "a slice answers billed or token totals by one dimension at most";
        return false;
    }
    const std::int64_t from = req.fromDay.value_or(slice.fromDay), to = req.toDay.value_or(slice.toDay);
    if (from < slice.fromDay || to > slice.toDay) {
        error = "the range is outside the slice";
        return false;
    }
    SliceGrouping grouping;
    if (!grouping.build(*slice.combos, req.by.empty() ? std::string() : req.by.front(), req.filters, error))
        return false;
    std::vector<TotalsRow> groups(grouping.keys().size());
    std::vector<bool> seen(groups.size(), false);
    const auto first = std::lower_bound(slice.rows.begin(), slice.rows.end(), from,
                                        [](const SliceRow &r, std::int64_t day) { return r.day < day; });
    for (auto it = first; it != slice.rows.end() && it->day <= to; ++it) {
        const std::int64_t value = req.metric == Metric::Tokens ? it->tokens : it->billed;
        for (const SliceTarget *t = grouping.begin(it->combo); t != grouping.end(it->combo); ++t) {
            groups[t->key].value += t->amount(value);
            groups[t->key].rows += it->rows;
            seen[t->key] = true;
        }
    }
    if (req.by.empty()) {
        // SQL's ungrouped aggregate always yields one row.
        TotalsRow row = groups.empty() ? TotalsRow{} : groups.front();
        if (row.rows == 0)
            row.value = 0;
        out.push_back(std::move(row));
        return true;
    }
    for (std::size_t k = 0; k < groups.size(); ++k) {
        if (!seen[k])
            continue;
        groups[k].keys = {grouping.keys()[k]};
        out.push_back(std::move(groups[k]));
    }
    std::stable_sort(out.begin(), out.end(), [](const TotalsRow &a, const TotalsRow &b) {
        return a.value != b.value ? a.value > b.value : a.keys < b.keys;
    });
    return true;
}

} // namespace Analytics
