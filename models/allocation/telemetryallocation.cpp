#include "allocation/telemetryallocation.h"

#include "allocation/allocation.h"
#include "allocation/interner.h"
#include "allocation/telemetrysplit.h"
#include "domain/costrecord.h"
#include "domain/modelname.h"
#include "pricing/pricecatalog.h"
#include "pricing/pricematching.h"
#include "pricing/pricestore.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>

namespace Allocation {

namespace {

struct ComboInfo {
    std::string family, model;
    int kind = 0; // Cost::TokenKind: 0 (none) to 4 (output)
};

// The bill's side of one join key: its billed tokens and cost, and the combinations that share them.
struct BillKey {
    std::int64_t tokens = 0;
    Cost::BigMoney billed = 0;
    std::vector<std::int64_t> combos;
};

// One hour of a key's bill.
struct BilledHour {
    Cost::BigMoney billed = 0;
    std::int64_t tokens = 0;
};

// What a (combo, day)'s charges say per hour; `hourly` false when one of them is longer than an
// hour or crosses an hour's boundary (a daily or monthly bill).
struct ComboHours {
    bool hourly = true;
    Cost::BigMoney billed = 0;
    std::map<std::int64_t, BilledHour> hours;
};

// The telemetry of one (feature, team): tokens by kind, index = Cost::TokenKind - 1.
struct Reported {
    std::string feature, team;
    std::array<std::int64_t, 4> tokens{};
};

using BillMap = std::map<std::tuple<std::int64_t, std::string, std::string, int>, BillKey>; // day, family, model, kind
using TelemetryMap = std::map<std::tuple<std::int64_t, std::string, std::string>, std::vector<Reported>>; // day or hour, family, model

// Per-hour weights are scaled by this before they are added up over the day, so that flooring each
// hour's C·t/max(B, T) loses far less than the day split's part per million.
constexpr Cost::BigMoney kHourScale = 1000;

std::string textOf(const char *column)
{
    return std::string("coalesce((SELECT s FROM dict WHERE id = c.") + column + "), '')";
}

bool loadCombos(Cost::SqliteDb &db, std::unordered_map<std::int64_t, ComboInfo> &out, std::string &error)
{
    Cost::SqliteStmt st(db, "SELECT c.id, c.token_kind, " + textOf("provider") + ", " + textOf("service") + ", " + textOf("model")
                                + " FROM combo c WHERE c.feature = 0 AND c.token_kind BETWEEN 0 AND 4");
    while (st.step()) {
        ComboInfo c;
        c.kind = static_cast<int>(st.int64(1));
        c.model = Cost::canonicalModel(st.text(4));
        if (c.model.empty())
            continue;
        c.family = PriceMatching::providerFamily(st.text(2), st.text(3));
        out.emplace(st.int64(0), std::move(c));
    }
    error = st.error();
    return error.empty();
}

bool loadBill(Cost::SqliteDb &db, const std::unordered_map<std::int64_t, ComboInfo> &combos, std::int64_t from,
              std::int64_t to, BillMap &out, std::string &error)
{
    Cost::SqliteStmt st(db, "SELECT day, combo_id, sum(tokens), sum(billed) FROM rollup_daily WHERE day BETWEEN ?1 AND ?2 GROUP BY day, combo_id");
    st.bind(1, from);
    st.bind(2, to);
    while (st.step()) {
        const auto c = combos.find(st.int64(1));
        if (c == combos.end())
            continue;
        BillKey &k = out[{st.int64(0), c->second.family, c->second.model, c->second.kind}];
        k.tokens += st.int64(2);
        k.billed += st.int64(3);
        k.combos.push_back(c->first);
    }
    error = st.error();
    return error.empty();
}

// The telemetry of [from, to] per hour (`hourly`) and per day (the hours' rows side by side: the
// split adds up the weights of one feature and team).
bool loadTelemetry(Cost::SqliteDb &db, std::int64_t from, std::int64_t to, TelemetryMap &hourly, TelemetryMap &daily,
                   std::string &error)
{
    Cost::SqliteStmt st(db, "SELECT hour, provider, model, feature, team, sum(input), sum(cached_input), sum(cache_write),"
                            " sum(output) FROM telemetry_usage WHERE hour BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3, 4, 5");
    st.bind(1, from * 24);
    st.bind(2, to * 24 + 23);
    while (st.step()) {
        Reported r;
        // A call that names no feature is not attributed: it counts as untracked.
        r.feature = st.text(3).empty() ? std::string(kUntracked) : std::string(st.text(3));
        r.team = std::string(st.text(4));
        for (std::size_t k = 0; k < 4; ++k)
            r.tokens[k] = st.int64(5 + static_cast<int>(k));
        const std::int64_t hour = st.int64(0);
        std::string provider(st.text(1)), model(st.text(2));
        daily[{hour / 24, provider, model}].push_back(r);
        hourly[{hour, std::move(provider), std::move(model)}].push_back(std::move(r));
    }
    error = st.error();
    return error.empty();
}

// The weights of one key: the kind's tokens, or (kind unknown) every kind priced at list price,
// plain tokens when the catalog prices none of them.
std::vector<TelemetryWeight> weightsOf(const std::vector<Reported> &reported, int kind, const Pricing::ResolvedPrice *price)
{
    std::vector<TelemetryWeight> out;
    bool anyPrice = false;
    for (int k = 1; price && k <= 4; ++k)
        anyPrice = anyPrice || price->has(Pricing::tokenPriceKind(static_cast<Cost::TokenKind>(k)));
    for (const Reported &r : reported) {
        Cost::BigMoney w = 0;
        if (kind != 0) {
            w = r.tokens[static_cast<std::size_t>(kind - 1)];
        } else {
            for (int k = 1; k <= 4; ++k) {
                const Pricing::PriceKind pk = Pricing::tokenPriceKind(static_cast<Cost::TokenKind>(k));
                const std::int64_t t = r.tokens[static_cast<std::size_t>(k - 1)];
                if (!anyPrice)
                    w += t;
                else if (price->has(pk))
                    w += static_cast<Cost::BigMoney>(price->price(pk)) * t;
            }
        }
        out.push_back({r.feature, r.team, w});
    }
    return out;
}

// The charges of `day` per combination and hour (rollup_daily's day is the day of a charge's start).
bool loadHours(Cost::SqliteDb &db, std::int64_t day, std::unordered_map<std::int64_t, ComboHours> &out, std::string &error)
{
    Cost::SqliteStmt st(db, "SELECT combo_id, start, duration, billed, max(coalesce(tokens, 0), 0) FROM fact"
                            " WHERE start >= ?1 AND start < ?2");
    st.bind(1, day * 86400);
    st.bind(2, day * 86400 + 86400);
    while (st.step()) {
        ComboHours &c = out[st.int64(0)];
        const std::int64_t start = st.int64(1), duration = st.int64(2);
        c.billed += st.int64(3);
        if (duration > 3600 || start - start / 3600 * 3600 + duration > 3600) {
            c.hourly = false;
            continue;
        }
        BilledHour &h = c.hours[start / 3600];
        h.billed += st.int64(3);
        h.tokens += st.int64(4);
    }
    error = st.error();
    return error.empty();
}

// The hourly join of one key and day: each hour's cost C_h goes to the features by their tokens that
// hour, C_h·t_f / max(B_h, T_h); the day's weights are those amounts added up, against the day's
// cost. None when the key's bill is not hourly (a charge longer than an hour), holds credits, or
// does not add up to the rollup: the daily split applies then.
std::optional<std::vector<TelemetryWeight>> hourlyWeights(const BillKey &key, const std::unordered_map<std::int64_t, ComboHours> &charges,
                                           const TelemetryMap &hourly, const std::string &family, const std::string &model,
                                           int kind, const Pricing::ResolvedPrice *price)
{
    std::map<std::int64_t, BilledHour> hours;
    Cost::BigMoney billed = 0;
    for (const std::int64_t combo : key.combos) {
        const auto c = charges.find(combo);
        if (c == charges.end() || !c->second.hourly)
            return std::nullopt;
        billed += c->second.billed;
        for (const auto &[hour, h] : c->second.hours) {
            if (h.billed < 0)
                return std::nullopt;
            hours[hour].billed += h.billed;
            hours[hour].tokens += h.tokens;
        }
    }
    if (billed != key.billed || billed <= 0)
        return std::nullopt;
    std::map<std::pair<std::string, std::string>, Cost::BigMoney> amounts;
    for (const auto &[hour, h] : hours) {
        const auto reported = hourly.find({hour, family, model});
        if (reported == hourly.end() || h.billed == 0)
            continue; // an hour without telemetry is untracked
        const std::vector<TelemetryWeight> weights = weightsOf(reported->second, kind, price);
        Cost::BigMoney total = 0;
        for (const TelemetryWeight &w : weights)
            total += std::max<Cost::BigMoney>(w.weight, 0);
        if (total <= 0)
            continue;
        const Cost::BigMoney denominator = std::max<Cost::BigMoney>(kind == 0 ? 0 : h.tokens, total);
        for (const TelemetryWeight &w : weights)
            if (w.weight > 0)
                amounts[{w.feature, w.team}] += h.billed * kHourScale * w.weight / denominator;
    }
    std::vector<TelemetryWeight> out;
    for (auto &[who, amount] : amounts)
        out.push_back({who.first, who.second, amount});
    return out;
}

// The page caches key on this (ComboCache): telemetry parts change without new combinations.
bool bumpGeneration(Cost::SqliteDb &db, std::string &error)
{
    if (db.exec("INSERT INTO setting(key, value) VALUES('telemetry_allocation', '1') ON CONFLICT(key) DO UPDATE SET"
                " value = CAST(setting.value AS INTEGER) + 1"))
        return true;
    error = db.error();
    return false;
}

} // namespace

bool allocateTelemetry(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, std::string &error)
{
    fromDay = std::max<std::int64_t>(fromDay, 0);
    if (toDay < fromDay)
        return true;
    Cost::SqliteStmt del(db, "DELETE FROM combo_allocation WHERE day BETWEEN ?1 AND ?2");
    del.bind(1, fromDay);
    del.bind(2, toDay);
    if (!del.exec()) {
        error = "cannot replace the telemetry allocation: " + del.error();
        return false;
    }
    const bool removed = db.changes() > 0;
    Cost::SqliteStmt any(db, "SELECT EXISTS(SELECT 1 FROM telemetry_usage WHERE hour BETWEEN ?1 AND ?2)");
    any.bind(1, fromDay * 24);
    any.bind(2, toDay * 24 + 23);
    if (any.step() && any.int64(0) == 0) // most imports: no telemetry on their days, nothing to join
        return !removed || bumpGeneration(db, error);
    // Telemetry received as it happens meets no bill yet (providers bill hours to days later): no
    // split to compute, and no reading every telemetry row of the day again for each request.
    Cost::SqliteStmt billed(db, "SELECT EXISTS(SELECT 1 FROM rollup_daily WHERE day BETWEEN ?1 AND ?2)");
    billed.bind(1, fromDay);
    billed.bind(2, toDay);
    if (billed.step() && billed.int64(0) == 0)
        return !removed || bumpGeneration(db, error);
    std::unordered_map<std::int64_t, ComboInfo> combos;
    BillMap bill;
    TelemetryMap telemetry, hourly;
    if (!loadCombos(db, combos, error) || !loadBill(db, combos, fromDay, toDay, bill, error)
        || !loadTelemetry(db, fromDay, toDay, hourly, telemetry, error))
        return false;
    std::int64_t chargesDay = -1;
    std::unordered_map<std::int64_t, ComboHours> charges;
    Pricing::PriceCatalog catalog;
    bool catalogLoaded = false;
    Interner interner(db);
    Cost::SqliteStmt ins(db, "INSERT INTO combo_allocation(combo_id, day, part, feature, team, cum_before, cum_after, rule)"
                             " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL)");
    for (const auto &[key, billed] : bill) {
        const auto &[day, family, model, kind] = key;
        const auto reported = telemetry.find({day, family, model});
        if (reported == telemetry.end())
            continue; // no telemetry: the static parts (rules, else unallocated) stay in force
        Pricing::ResolvedPrice price;
        if (kind == 0) {
            if (!catalogLoaded && !Pricing::loadCatalog(db, catalog, error))
                return false;
            catalogLoaded = true;
            catalog.setAdjuster(nullptr); // list prices, as coverage estimates
            price = catalog.resolve(family, model, day);
        }
        if (day != chargesDay) { // the bill map is in day order: each day's charges are read once
            charges.clear();
            if (!loadHours(db, day, charges, error))
                return false;
            chargesDay = day;
        }
        const Pricing::ResolvedPrice *const priced = kind == 0 ? &price : nullptr;
        auto weights = hourlyWeights(billed, charges, hourly, family, model, kind, priced);
        // A charge of unknown kind carries no comparable token quantity: the priced telemetry is the whole.
        auto parts = !weights ? telemetrySplit(weightsOf(reported->second, kind, priced), kind == 0 ? 0 : billed.tokens)
                              : telemetrySplit(std::move(*weights), billed.billed * kHourScale);
        if (weights && parts.empty()) // telemetry that day, none in the hours the bill has: all untracked
            parts.push_back({kUntracked, std::string(), 0, kShareScale});
        for (const std::int64_t combo : billed.combos) {
            for (std::size_t i = 0; i < parts.size(); ++i) {
                ins.bind(1, combo);
                ins.bind(2, day);
                ins.bind(3, static_cast<std::int64_t>(i));
                ins.bind(4, static_cast<std::int64_t>(interner.id(parts[i].feature)));
                ins.bind(5, static_cast<std::int64_t>(interner.id(parts[i].team)));
                ins.bind(6, parts[i].before);
                ins.bind(7, parts[i].after);
                if (!ins.exec()) {
                    error = "cannot store the telemetry allocation: " + ins.error();
                    return false;
                }
            }
        }
    }
    return bumpGeneration(db, error);
}

bool allocateTelemetryAll(Cost::SqliteDb &db, std::string &error)
{
    Cost::SqliteStmt st(db, "SELECT min(d), max(d) FROM (SELECT min(day) AS d FROM rollup_daily UNION ALL"
                            " SELECT max(day) FROM rollup_daily UNION ALL SELECT min(hour) / 24 FROM telemetry_usage UNION ALL"
                            " SELECT max(hour) / 24 FROM telemetry_usage) ends");
    if (!st.step() || st.isNull(0)) {
        error = st.error();
        return error.empty();
    }
    const std::int64_t from = st.int64(0), to = st.int64(1);
    st.reset();
    return allocateTelemetry(db, from, to, error);
}

} // namespace Allocation
