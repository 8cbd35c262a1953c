#include "telemetry/coverage.h"

#include "analytics/analyticssql.h"
#include "domain/modelname.h"
#include "pricing/pricecatalog.h"
#include "pricing/pricematching.h"
#include "pricing/pricestore.h"

#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace Telemetry {

namespace {

struct ComboInfo {
    std::string family, model, currency;
    Cost::TokenKind kind = Cost::TokenKind::None;
};

using Key = std::tuple<std::int64_t, std::string, std::string, int>; // day, family, model, kind

bool loadCombos(Cost::SqliteDb &db, std::unordered_map<std::int64_t, ComboInfo> &out, std::string &error)
{
    auto col = [](const char *c) { return std::string("coalesce((SELECT s FROM dict WHERE id = c.") + c + "), '')"; };
    Cost::SqliteStmt st(db, "SELECT c.id, c.token_kind, " + col("provider") + ", " + col("service") + ", " + col("model") + ", "
                                + col("currency") + " FROM combo c WHERE c.token_kind BETWEEN 1 AND 4");
    if (!st.ok()) {
        error = st.error();
        return false;
    }
    while (st.step()) {
        ComboInfo c;
        c.kind = static_cast<Cost::TokenKind>(st.int64(1));
        c.family = PriceMatching::providerFamily(st.text(2), st.text(3));
        c.model = Cost::canonicalModel(st.text(4));
        c.currency = std::string(st.text(5));
        if (!c.model.empty())
            out.emplace(st.int64(0), std::move(c));
    }
    error = st.error();
    return error.empty();
}

} // namespace

double CoverageRow::coveragePercent() const
{
    return billedTokens > 0 ? 100.0 * static_cast<double>(telemetryTokens) / static_cast<double>(billedTokens) : -1.0;
}

bool CoverageRow::flagged() const
{
    if (billedTokens <= 0)
        return telemetryTokens > 0;
    return telemetryTokens == 0 || telemetryTokens * 100 > billedTokens * 101;
}

double CoverageSummary::percent() const
{
    return billedTokens > 0 ? 100.0 * static_cast<double>(telemetryTokens) / static_cast<double>(billedTokens) : -1.0;
}

CoverageSummary summarize(const std::vector<CoverageRow> &rows)
{
    CoverageSummary s;
    // A day is flagged for what the applications instrument: a (provider, model, kind) with
    // telemetry somewhere in the range that is over the bill, or missing, that day. Models no
    // application reports on would flag every day and say nothing new.
    std::set<std::tuple<std::string, std::string, Cost::TokenKind>> instrumented;
    for (const CoverageRow &r : rows)
        if (r.telemetryTokens > 0)
            instrumented.emplace(r.provider, r.model, r.kind);
    std::set<std::int64_t> flagged;
    for (const CoverageRow &r : rows) {
        s.telemetry = s.telemetry || r.telemetryTokens > 0;
        if (r.billedTokens > 0) {
            s.billedTokens += r.billedTokens;
            s.telemetryTokens += r.telemetryTokens;
        }
        if (r.flagged() && instrumented.count({r.provider, r.model, r.kind}))
            flagged.insert(r.day);
    }
    s.flaggedDays = static_cast<std::int64_t>(flagged.size());
    return s;
}

bool hasTelemetry(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay)
{
    Cost::SqliteStmt st(db, "SELECT 1 FROM telemetry_usage WHERE hour >= ?1 AND hour < ?2 LIMIT 1");
    st.bind(1, fromDay * 24);
    st.bind(2, (toDay + 1) * 24);
    return st.step();
}

bool coverage(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, std::vector<CoverageRow> &out, std::string &error)
{
    out.clear();
    std::unordered_map<std::int64_t, ComboInfo> combos;
    if (!loadCombos(db, combos, error))
        return false;
    std::map<Key, CoverageRow> rows;
    const auto row = [&](std::int64_t day, const std::string &family, const std::string &model, Cost::TokenKind kind) -> CoverageRow & {
        CoverageRow &r = rows[Key{day, family, model, static_cast<int>(kind)}];
        r.day = day, r.provider = family, r.model = model, r.kind = kind;
        return r;
    };

    Cost::SqliteStmt billed(db, "SELECT day, combo_id, sum(tokens), dsum(billed) FROM rollup_daily WHERE day BETWEEN ?1 AND ?2"
                                " GROUP BY day, combo_id");
    if (!billed.ok()) {
        error = billed.error();
        return false;
    }
    billed.bind(1, fromDay);
    billed.bind(2, toDay);
    while (billed.step()) {
        const auto c = combos.find(billed.int64(1));
        if (c == combos.end())
            continue;
        CoverageRow &r = row(billed.int64(0), c->second.family, c->second.model, c->second.kind);
        r.billedTokens += billed.int64(2);
        r.billed += Analytics::Sql::readMoney(billed, 3);
        if (r.currency.empty())
            r.currency = c->second.currency;
    }
    if (!billed.error().empty()) {
        error = billed.error();
        return false;
    }

    Cost::SqliteStmt telemetry(db, "SELECT hour / 24, provider, model, sum(input), sum(cached_input), sum(cache_write), sum(output)"
                                   " FROM telemetry_usage WHERE hour BETWEEN ?1 AND ?2 GROUP BY hour / 24, provider, model");
    if (!telemetry.ok()) {
        error = telemetry.error();
        return false;
    }
    telemetry.bind(1, fromDay * 24);
    telemetry.bind(2, toDay * 24 + 23);
    while (telemetry.step()) {
        const std::string family(telemetry.text(1)), model(telemetry.text(2));
        const Cost::TokenKind kinds[] = {Cost::TokenKind::Input, Cost::TokenKind::CachedInput, Cost::TokenKind::CacheWrite,
                                         Cost::TokenKind::Output};
        for (int k = 0; k < 4; ++k) {
            const std::int64_t tokens = telemetry.int64(3 + k);
            if (tokens != 0)
                row(telemetry.int64(0), family, model, kinds[k]).telemetryTokens += tokens;
        }
    }
    if (!telemetry.error().empty()) {
        error = telemetry.error();
        return false;
    }

    Pricing::PriceCatalog catalog;
    if (!Pricing::loadCatalog(db, catalog, error))
        return false;
    catalog.setAdjuster(nullptr); // list prices: what an observability tool would estimate
    out.reserve(rows.size());
    for (auto &[key, r] : rows) {
        const Pricing::ResolvedPrice price = catalog.resolve(r.provider, r.model, r.day);
        const Pricing::PriceKind kind = Pricing::tokenPriceKind(r.kind);
        r.priced = price.has(kind);
        if (r.priced)
            r.estimate = Pricing::roundDiv(static_cast<Cost::BigMoney>(price.price(kind)) * r.telemetryTokens, 1'000'000);
        if (r.currency.empty())
            r.currency = "USD";
        out.push_back(std::move(r));
    }
    return true;
}

} // namespace Telemetry
