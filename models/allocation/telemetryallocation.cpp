#include "allocation/telemetryallocation.h"

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
#include <tuple>
#include <unordered_map>

namespace Allocation {

namespace {

struct ComboInfo {
    std::string family, model;
    int kind = 0; // Cost::TokenKind: 0 (none) to 4 (output)
};

// The bill's side of one join key: its billed tokens and the combinations that share them.
struct BillKey {
    std::int64_t tokens = 0;
    std::vector<std::int64_t> combos;
};

// The telemetry of one (feature, team): tokens by kind, index = Cost::TokenKind - 1.
struct Reported {
    std::string feature, team;
    std::array<std::int64_t, 4> tokens{};
};

using BillMap = std::map<std::tuple<std::int64_t, std::string, std::string, int>, BillKey>; // day, family, model, kind
using TelemetryMap = std::map<std::tuple<std::int64_t, std::string, std::string>, std::vector<Reported>>;

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
    Cost::SqliteStmt st(db, "SELECT day, combo_id, sum(tokens) FROM rollup_daily WHERE day BETWEEN ?1 AND ?2 GROUP BY day, combo_id");
    st.bind(1, from);
    st.bind(2, to);
    while (st.step()) {
        const auto c = combos.find(st.int64(1));
        if (c == combos.end())
            continue;
        BillKey &k = out[{st.int64(0), c->second.family, c->second.model, c->second.kind}];
        k.tokens += st.int64(2);
        k.combos.push_back(c->first);
    }
    error = st.error();
    return error.empty();
}

bool loadTelemetry(Cost::SqliteDb &db, std::int64_t from, std::int64_t to, TelemetryMap &out, std::string &error)
{
    Cost::SqliteStmt st(db, "SELECT hour / 24, provider, model, feature, team, sum(input), sum(cached_input), sum(cache_write),"
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
        out[{st.int64(0), std::string(st.text(1)), std::string(st.text(2))}].push_back(std::move(r));
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

// The page caches key on this (ComboCache): telemetry parts change without new combinations.
bool bumpGeneration(Cost::SqliteDb &db, std::string &error)
{
    if (db.exec("INSERT INTO setting(key, value) VALUES('telemetry_allocation', '1') ON CONFLICT(key) DO UPDATE SET"
                " value = CAST(value AS INTEGER) + 1"))
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
    TelemetryMap telemetry;
    if (!loadCombos(db, combos, error) || !loadBill(db, combos, fromDay, toDay, bill, error)
        || !loadTelemetry(db, fromDay, toDay, telemetry, error))
        return false;
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
        // A charge of unknown kind carries no comparable token quantity: the priced telemetry is the whole.
        const auto parts = telemetrySplit(weightsOf(reported->second, kind, kind == 0 ? &price : nullptr),
                                          kind == 0 ? 0 : billed.tokens);
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
                            " SELECT max(hour) / 24 FROM telemetry_usage)");
    if (!st.step() || st.isNull(0)) {
        error = st.error();
        return error.empty();
    }
    const std::int64_t from = st.int64(0), to = st.int64(1);
    st.reset();
    return allocateTelemetry(db, from, to, error);
}

} // namespace Allocation
