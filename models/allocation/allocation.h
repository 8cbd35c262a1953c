#pragma once

#include "domain/money.h"
#include "store/sqlitedb.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

/// Allocation rules: map any dimension value or pattern to a feature and team, with optional
/// proportional splits. Rules are ordered (first match wins), stored in the database, applied
/// retroactively to every stored charge, and exported/imported as JSON. A charge no rule
/// matches keeps the feature/team of its tags; one with neither is "unallocated".
///
/// Allocations are materialised per dimension combination (`combo_allocation`), with
/// cumulative shares in parts per million; amounts are split with alloc(amount, before, after)
/// = floor(amount·after/10⁶) − floor(amount·before/10⁶), so the parts of every amount add up to
/// it exactly.
namespace Allocation {

inline constexpr std::int64_t kShareScale = 1'000'000; ///< parts per million

enum class Match { Exact, Glob, Regex };

struct Target {
    std::string feature; ///< empty = keep the tag's feature
    std::string team;    ///< empty = keep the tag's team
    std::int64_t sharePpm = kShareScale;
};

struct Rule {
    std::string name;
    std::string dimension; ///< see ruleDimensions(); "tag:KEY" matches a tag value
    std::string pattern;
    Match match = Match::Exact;
    std::vector<Target> targets;
    bool enabled = true;
};

/// Dimensions a rule can match (besides "tag:KEY").
const std::vector<std::string> &ruleDimensions();

/// Checks one rule; empty when valid, else what is wrong.
std::string validate(const Rule &rule);

/// Serialises rules (in order) as the JSON exchange format.
std::string toJson(const std::vector<Rule> &rules);
/// Parses the JSON exchange format; false with `error` (naming the rule index and field).
bool fromJson(std::string_view json, std::vector<Rule> &rules, std::string &error);

/// Rules stored in the database, in order.
bool loadRules(Cost::SqliteDb &db, std::vector<Rule> &rules, std::string &error);
/// Replaces the stored rules and re-allocates every stored charge, in one transaction.
bool saveRules(Cost::SqliteDb &db, const std::vector<Rule> &rules, std::string &error);
/// Re-computes allocations with the stored rules for the given combinations (all when
/// `comboIds` is null). Runs inside the caller's transaction.
bool allocate(Cost::SqliteDb &db, const std::vector<std::uint32_t> *comboIds, std::string &error);

/// What a rule would change: cost between two inclusive days whose feature or team it alters.
struct Preview {
    Cost::BigMoney moved = 0;
    std::int64_t combinations = 0;
};
/// Previews rule `index` of `rules` (the rules before it keep precedence).
bool preview(Cost::SqliteDb &db, const std::vector<Rule> &rules, std::size_t index, std::int64_t fromDay,
             std::int64_t toDay, Preview &out, std::string &error);

} // namespace Allocation
