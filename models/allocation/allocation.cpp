#include "allocation/allocation.h"

#include "allocation/interner.h"
#include "allocation/telemetryallocation.h"
#include "domain/jsonread.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <regex>
#include <unordered_map>
#include <unordered_set>

namespace Allocation {

namespace {

struct ComboView {
    std::uint32_t id = 0;
    std::uint32_t feature = 0;
    std::uint32_t team = 0;
    std::map<std::string, std::string, std::less<>> values; // rule dimension -> text
    std::string tags;
};

struct Part {
    std::uint32_t feature, team;
    std::int64_t before, after;
    int rule; // -1 = from tags
    bool operator==(const Part &o) const
    {
        return feature == o.feature && team == o.team && before == o.before && after == o.after;
    }
};

std::string lower(std::string_view s)
{
    std::string r(s);
    std::transform(r.begin(), r.end(), r.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return r;
}

bool globMatch(std::string_view p, std::string_view s)
{
    // Iterative * / ? matching with backtracking to the last star.
    std::size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
    while (si < s.size()) {
        if (pi < p.size() && (p[pi] == '?' || p[pi] == s[si])) {
            ++pi;
            ++si;
        } else if (pi < p.size() && p[pi] == '*') {
            star = pi++;
            mark = si;
        } else if (star != std::string_view::npos) {
            pi = star + 1;
            si = ++mark;
        } else {
            return false;
        }
    }
    while (pi < p.size() && p[pi] == '*')
        ++pi;
    return pi == p.size();
}

const char *matchName(Match m)
{
    switch (m) {
    case Match::Exact: return "exact";
    case Match::Glob: return "glob";
    case Match::Regex: return "regex";
    }
    return "exact";
}

// Compiled form of a rule list: regexes built once.
struct Compiled {
    const Rule *rule;
    std::regex regex;
};

std::vector<Compiled> compile(const std::vector<Rule> &rules, std::size_t count)
{
    std::vector<Compiled> out;
    for (std::size_t i = 0; i < count && i < rules.size(); ++i) {
        Compiled c{&rules[i], {}};
        if (rules[i].match == Match::Regex)
            c.regex = std::regex(rules[i].pattern, std::regex::ECMAScript | std::regex::icase);
        out.push_back(std::move(c));
    }
    return out;
}

std::string valueOf(const ComboView &c, const std::string &dimension)
{
    if (dimension.rfind("tag:", 0) == 0) {
        if (c.tags.empty())
            return {};
        const auto j = nlohmann::json::parse(c.tags, nullptr, false);
        if (!j.is_object())
            return {};
        const std::string key = dimension.substr(4);
        for (auto it = j.begin(); it != j.end(); ++it)
            if (lower(it.key()) == lower(key))
                return it->is_string() ? it->get<std::string>() : it->dump();
        return {};
    }
    const auto it = c.values.find(dimension);
    return it == c.values.end() ? std::string() : it->second;
}

bool matches(const Compiled &c, const ComboView &combo)
{
    const Rule &r = *c.rule;
    if (!r.enabled)
        return false;
    const std::string v = valueOf(combo, r.dimension);
    switch (r.match) {
    case Match::Exact: return v == r.pattern;
    case Match::Glob: return globMatch(lower(r.pattern), lower(v));
    case Match::Regex: return std::regex_search(v, c.regex);
    }
    return false;
}

std::vector<Part> partsFor(const ComboView &combo, const std::vector<Compiled> &rules, Interner &interner)
{
    for (std::size_t i = 0; i < rules.size(); ++i) {
        if (!matches(rules[i], combo))
            continue;
        std::vector<Part> parts;
        std::int64_t cum = 0;
        for (const Target &t : rules[i].rule->targets) {
            Part p;
            p.feature = t.feature.empty() ? combo.feature : interner.id(t.feature);
            p.team = t.team.empty() ? combo.team : interner.id(t.team);
            p.before = cum;
            cum += t.sharePpm;
            p.after = cum;
            p.rule = static_cast<int>(i);
            parts.push_back(p);
        }
        return parts;
    }
    return {Part{combo.feature, combo.team, 0, kShareScale, -1}};
}

bool loadCombos(Cost::SqliteDb &db, const std::vector<std::uint32_t> *ids, std::vector<ComboView> &out, std::string &error)
{
    std::string sql = "SELECT c.id, c.feature, c.team, coalesce((SELECT s FROM dict WHERE id = c.tags), '')";
    for (const auto &d : ruleDimensions())
        sql += ", coalesce((SELECT s FROM dict WHERE id = c." + d + "), '')";
    sql += " FROM combo c";
    Cost::SqliteStmt st(db, sql);
    if (!st.ok()) {
        error = st.error();
        return false;
    }
    std::vector<std::uint32_t> wanted;
    if (ids) {
        wanted = *ids;
        std::sort(wanted.begin(), wanted.end());
    }
    while (st.step()) {
        const auto id = static_cast<std::uint32_t>(st.int64(0));
        if (ids && !std::binary_search(wanted.begin(), wanted.end(), id))
            continue;
        ComboView c;
        c.id = id;
        c.feature = static_cast<std::uint32_t>(st.int64(1));
        c.team = static_cast<std::uint32_t>(st.int64(2));
        c.tags = std::string(st.text(3));
        int col = 4;
        for (const auto &d : ruleDimensions())
            c.values.emplace(d, std::string(st.text(col++)));
        out.push_back(std::move(c));
    }
    return true;
}

} // namespace

const std::vector<std::string> &ruleDimensions()
{
    static const std::vector<std::string> kDims = {
        "provider", "publisher", "service", "billing_account", "billing_account_name", "sub_account", "sub_account_name",
        "region", "resource_id", "resource_name", "sku_id", "sku_meter", "usage_type", "model", "charge_description",
        "charge_category", "feature", "team"};
    return kDims;
}

namespace {

// libstdc++'s std::regex reads the number of a back-reference (\12) or a repeat ({2,5}) into a long
// without a range check (signed overflow on twenty digits, found by fuzz_rules), and a repeat count
// in the millions builds an automaton of millions of states. Such numbers are refused before the
// pattern reaches it; real patterns count in the tens.
std::string regexNumberProblem(std::string_view p)
{
    constexpr std::int64_t kMaxNumber = 1000;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p[i] != '\\' && p[i] != '{')
            continue;
        const bool repeat = p[i] == '{';
        std::size_t j = i + 1;
        for (int part = 0; part < (repeat ? 2 : 1); ++part) {
            std::int64_t value = 0;
            for (; j < p.size() && p[j] >= '0' && p[j] <= '9'; ++j) {
                value = value * 10 + (p[j] - '0');
                if (value > kMaxNumber)
                    return "the regular expression has a number above " + std::to_string(kMaxNumber) + " at character "
                           + std::to_string(i + 1);
            }
            if (!repeat || j >= p.size() || p[j] != ',')
                break;
            ++j;
        }
        if (!repeat) // an escape: the escaped character is no '{'
            i = std::max(i + 1, j - 1);
    }
    return {};
}

} // namespace

std::string validate(const Rule &r)
{
    const auto &dims = ruleDimensions();
    if (r.dimension.rfind("tag:", 0) == 0 ? r.dimension.size() <= 4
                                          : std::find(dims.begin(), dims.end(), r.dimension) == dims.end())
        return "unknown dimension '" + r.dimension + "'";
    if (r.pattern.empty())
        return "the pattern is empty";
    if (r.match == Match::Regex) {
        // std::regex compiles (and matches) recursively: a pattern of many thousand characters
        // overflows the stack instead of throwing. Real patterns are a few dozen characters.
        constexpr std::size_t kMaxRegex = 1000;
        if (r.pattern.size() > kMaxRegex)
            return "the regular expression is longer than " + std::to_string(kMaxRegex) + " characters";
        if (std::string problem = regexNumberProblem(r.pattern); !problem.empty())
            return problem;
        try {
            std::regex re(r.pattern);
        } catch (const std::regex_error &e) {
            return "the regular expression is invalid: " + std::string(e.what());
        }
    }
    if (r.targets.empty())
        return "the rule has no target feature or team";
    std::int64_t total = 0;
    for (const Target &t : r.targets) {
        if (t.feature.empty() && t.team.empty())
            return "a target needs a feature or a team";
        if (t.sharePpm <= 0)
            return "every share must be above 0%";
        total += t.sharePpm;
    }
    if (total != kShareScale)
        return "shares add up to " + std::to_string(static_cast<double>(total) / 1e4) + "%, not 100%";
    return {};
}

std::string toJson(const std::vector<Rule> &rules)
{
    nlohmann::json arr = nlohmann::json::array();
    for (const Rule &r : rules) {
        nlohmann::json targets = nlohmann::json::array();
        for (const Target &t : r.targets) {
            nlohmann::json jt;
            if (!t.feature.empty())
                jt["feature"] = t.feature;
            if (!t.team.empty())
                jt["team"] = t.team;
            jt["share"] = static_cast<double>(t.sharePpm) / 1e4;
            targets.push_back(jt);
        }
        arr.push_back({{"name", r.name}, {"dimension", r.dimension}, {"match", matchName(r.match)},
                       {"pattern", r.pattern}, {"enabled", r.enabled}, {"targets", targets}});
    }
    return nlohmann::json{{"burnrate_allocation_rules", 1}, {"rules", arr}}.dump(2) + "\n";
}

bool fromJson(std::string_view text, std::vector<Rule> &rules, std::string &error)
{
    rules.clear();
    nlohmann::json j;
    if (!JsonRead::parse(text, j, error)) {
        error = "not valid JSON: " + error;
        return false;
    }
    const nlohmann::json *arr = &j;
    if (j.is_object()) {
        if (!j.contains("rules") || !j["rules"].is_array()) {
            error = "expected an object with a \"rules\" array";
            return false;
        }
        arr = &j["rules"];
    } else if (!j.is_array()) {
        error = "expected a \"rules\" array";
        return false;
    }
    for (std::size_t i = 0; i < arr->size(); ++i) {
        const auto &jr = (*arr)[i];
        const std::string where = "rule " + std::to_string(i + 1);
        if (!jr.is_object()) {
            error = where + ": not an object";
            return false;
        }
        Rule r;
        JsonRead::Fields fields{jr, where, error};
        std::string m = "exact";
        if (!fields.string("name", r.name) || !fields.string("dimension", r.dimension) || !fields.string("pattern", r.pattern)
            || !fields.boolean("enabled", r.enabled) || !fields.string("match", m))
            return false;
        if (m == "exact")
            r.match = Match::Exact;
        else if (m == "glob")
            r.match = Match::Glob;
        else if (m == "regex")
            r.match = Match::Regex;
        else {
            error = where + ": field match: '" + m + "' is not exact, glob or regex";
            return false;
        }
        if (!jr.contains("targets") || !jr["targets"].is_array()) {
            error = where + ": field targets: expected an array";
            return false;
        }
        const auto &targets = jr["targets"];
        for (std::size_t k = 0; k < targets.size(); ++k) {
            const auto &jt = targets[k];
            const std::string targetWhere = where + " target " + std::to_string(k + 1);
            if (!jt.is_object()) {
                error = targetWhere + ": not an object";
                return false;
            }
            Target t;
            JsonRead::Fields target{jt, targetWhere, error};
            if (!target.string("feature", t.feature) || !target.string("team", t.team))
                return false;
            const auto share = jt.contains("share") ? jt["share"] : nlohmann::json(100.0);
            // Checked before rounding: a share far out of range must not overflow the conversion.
            if (!share.is_number() || !(share.get<double>() >= 0 && share.get<double>() <= 100)) {
                error = where + ": field share: expected a percentage (0 to 100), not " + JsonRead::shown(share);
                return false;
            }
            t.sharePpm = std::llround(share.get<double>() * 1e4);
            r.targets.push_back(t);
        }
        const std::string problem = validate(r);
        if (!problem.empty()) {
            error = where + (r.name.empty() ? "" : " (" + r.name + ")") + ": " + problem;
            return false;
        }
        rules.push_back(std::move(r));
    }
    return true;
}

bool loadRules(Cost::SqliteDb &db, std::vector<Rule> &rules, std::string &error)
{
    rules.clear();
    Cost::SqliteStmt st(db, "SELECT definition FROM allocation_rule ORDER BY position");
    std::string arr = "[";
    bool first = true;
    while (st.step()) {
        arr += first ? "" : ",";
        arr += std::string(st.text(0));
        first = false;
    }
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    arr += "]";
    return fromJson(arr, rules, error);
}

bool allocate(Cost::SqliteDb &db, const std::vector<std::uint32_t> *comboIds, std::string &error)
{
    std::vector<Rule> rules;
    if (!loadRules(db, rules, error))
        return false;
    std::vector<ComboView> combos;
    if (!loadCombos(db, comboIds, combos, error))
        return false;
    const auto compiled = compile(rules, rules.size());
    Interner interner(db);
    Cost::SqliteStmt del(db, "DELETE FROM combo_allocation WHERE combo_id = ?1 AND day = -1");
    Cost::SqliteStmt ins(db, "INSERT INTO combo_allocation(combo_id, part, feature, team, cum_before, cum_after, rule)"
                             " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!comboIds && !db.exec("DELETE FROM combo_allocation WHERE day = -1")) {
        error = db.error();
        return false;
    }
    for (const ComboView &c : combos) {
        if (comboIds) {
            del.bind(1, static_cast<std::int64_t>(c.id));
            del.exec();
        }
        const auto parts = partsFor(c, compiled, interner);
        for (std::size_t i = 0; i < parts.size(); ++i) {
            ins.bind(1, static_cast<std::int64_t>(c.id));
            ins.bind(2, static_cast<std::int64_t>(i));
            ins.bind(3, static_cast<std::int64_t>(parts[i].feature));
            ins.bind(4, static_cast<std::int64_t>(parts[i].team));
            ins.bind(5, parts[i].before);
            ins.bind(6, parts[i].after);
            if (parts[i].rule < 0)
                ins.bindNull(7);
            else
                ins.bind(7, static_cast<std::int64_t>(parts[i].rule + 1));
            if (!ins.exec()) {
                error = "cannot store allocation: " + ins.error();
                return false;
            }
        }
    }
    return true;
}

bool saveRules(Cost::SqliteDb &db, const std::vector<Rule> &rules, std::string &error)
{
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const std::string problem = validate(rules[i]);
        if (!problem.empty()) {
            error = "rule " + std::to_string(i + 1) + ": " + problem;
            return false;
        }
    }
    if (!db.exec("BEGIN IMMEDIATE")) {
        error = db.error();
        return false;
    }
    bool ok = db.exec("DELETE FROM allocation_rule");
    Cost::SqliteStmt ins(db, "INSERT INTO allocation_rule(position, definition) VALUES(?1, ?2)");
    for (std::size_t i = 0; ok && i < rules.size(); ++i) {
        const auto one = nlohmann::json::parse(toJson({rules[i]}))["rules"][0];
        ins.bind(1, static_cast<std::int64_t>(i + 1));
        ins.bind(2, std::string_view(one.dump()));
        ok = ins.exec();
    }
    // Telemetry parts do not depend on the rules; recomputing them here also fills them in for a
    // store migrated to schema 16 with telemetry already stored.
    if (!ok || !allocate(db, nullptr, error) || !allocateTelemetryAll(db, error) || !db.exec("COMMIT")) {
        if (error.empty())
            error = db.error();
        db.exec("ROLLBACK");
        return false;
    }
    return true;
}

bool preview(Cost::SqliteDb &db, const std::vector<Rule> &rules, std::size_t index, std::int64_t fromDay,
             std::int64_t toDay, Preview &out, std::string &error)
{
    out = Preview{};
    std::vector<ComboView> combos;
    if (index >= rules.size() || !loadCombos(db, nullptr, combos, error))
        return index < rules.size();
    const auto without = compile(rules, index);
    const auto with = compile(rules, index + 1);
    if (!db.exec("SAVEPOINT preview")) {
        error = db.error();
        return false;
    }
    Interner interner(db); // may add target names; rolled back below
    std::unordered_set<std::int64_t> changed;
    for (const ComboView &c : combos) {
        if (partsFor(c, without, interner) != partsFor(c, with, interner))
            changed.insert(static_cast<std::int64_t>(c.id));
    }
    out.combinations = static_cast<std::int64_t>(changed.size());
    // One grouped scan of the range (covering index) rather than a range query per combination.
    Cost::SqliteStmt cost(db, "SELECT combo_id, sum(billed) FROM rollup_daily WHERE day BETWEEN ?1 AND ?2 GROUP BY combo_id");
    cost.bind(1, fromDay);
    cost.bind(2, toDay);
    while (!changed.empty() && cost.step()) {
        if (changed.count(cost.int64(0)) && !cost.isNull(1))
            out.moved += cost.int64(1);
    }
    const std::string scanError = cost.error();
    db.exec("ROLLBACK TO preview");
    db.exec("RELEASE preview");
    if (!scanError.empty()) {
        error = scanError;
        return false;
    }
    return true;
}

} // namespace Allocation
