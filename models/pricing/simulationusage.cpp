#include "pricing/simulationusage.h"

#include "analytics/analyticssql.h"
#include "analytics/currency.h"
#include "analytics/freshness.h"
#include "domain/aidimensions.h"
#include "domain/costrecord.h"
#include "domain/timeparse.h"
#include "pricing/pricematching.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

namespace Simulation {

namespace {

struct ComboInfo {
    std::string provider, service, model, account;
    std::string snapshot; ///< the dated model id the provider billed (SkuId), when it names one of `model`'s snapshots
    Cost::TokenKind kind = Cost::TokenKind::None;
    ChargeVariant variant;
    std::string currency;
};

// Models are stored under one canonical name ("gpt-4o"); OpenAI and Anthropic keep the dated id
// they billed ("gpt-4o-2024-05-13") as the SkuId. A snapshot priced apart in the catalog must be
// priced with its own list, so the SkuId is kept when it is a dated spelling of the model.
std::string snapshotOf(std::string_view skuId, const std::string &model)
{
    if (skuId.empty() || model.empty())
        return {};
    const std::vector<std::string> keys = PriceMatching::lookupKeys(skuId);
    const std::string base = PriceMatching::primaryKey(model);
    // A dated spelling: its own key differs, and without the date it is the model.
    if (keys.empty() || keys.front() == base || std::find(keys.begin(), keys.end(), base) == keys.end())
        return {};
    return std::string(skuId);
}

// The snapshot's own keys first, then the model's.
std::vector<std::string> priceKeys(const ComboInfo &c)
{
    std::vector<std::string> keys = c.snapshot.empty() ? std::vector<std::string>{} : PriceMatching::lookupKeys(c.snapshot);
    for (std::string &k : PriceMatching::lookupKeys(c.model)) {
        if (std::find(keys.begin(), keys.end(), k) == keys.end())
            keys.push_back(std::move(k));
    }
    return keys;
}

bool loadCombos(Cost::SqliteDb &db, std::unordered_map<std::int64_t, ComboInfo> &out, std::string &error)
{
    auto col = [](const char *c) { return std::string("coalesce((SELECT s FROM dict WHERE id = c.") + c + "), '')"; };
    const std::string sql = "SELECT c.id, c.token_kind, " + col("provider") + ", " + col("service") + ", " + col("model") + ", "
        + col("usage_type") + ", " + col("sku_meter") + ", " + col("charge_description") + ", " + col("pricing_category")
        + ", " + col("sku_id") + ", " + col("sku_price_id") + ", " + col("currency") + ", " + col("billing_account")
        + " FROM combo c";
    Cost::SqliteStmt st(db, sql);
    if (!st.ok()) {
        error = st.error();
        return false;
    }
    while (st.step()) {
        ComboInfo c;
        c.kind = static_cast<Cost::TokenKind>(st.int64(1));
        c.provider = std::string(st.text(2));
        c.service = std::string(st.text(3));
        c.model = std::string(st.text(4));
        std::vector<std::string> texts;
        for (int i = 5; i <= 10; ++i)
            texts.emplace_back(st.text(i));
        c.variant = chargeVariant(texts);
        c.snapshot = snapshotOf(texts[4], c.model);
        c.currency = std::string(st.text(11));
        c.account = std::string(st.text(12));
        out.emplace(st.int64(0), std::move(c));
    }
    return st.error().empty() || (error = st.error()).empty();
}

int priceKindOf(const ComboInfo &c)
{
    switch (c.kind) {
    case Cost::TokenKind::Input: return static_cast<int>(Pricing::PriceKind::Input);
    case Cost::TokenKind::CachedInput: return static_cast<int>(Pricing::PriceKind::CacheRead);
    case Cost::TokenKind::CacheWrite:
        return static_cast<int>(c.variant.oneHourCache ? Pricing::PriceKind::CacheWrite1h : Pricing::PriceKind::CacheWrite5m);
    case Cost::TokenKind::Output: return static_cast<int>(Pricing::PriceKind::Output);
    default: return -1;
    }
}

} // namespace

ChargeVariant chargeVariant(const std::vector<std::string> &texts)
{
    ChargeVariant v;
    for (const auto &t : texts) {
        const std::string s = Cost::lowerAscii(t);
        if (s.find("batch") != std::string::npos)
            v.tier = Pricing::Tier::Batch;
        else if (s.find("priority") != std::string::npos && v.tier == Pricing::Tier::Standard)
            v.tier = Pricing::Tier::Priority;
        if (s.find("1h") != std::string::npos || s.find("1-hour") != std::string::npos || s.find("1 hour") != std::string::npos)
            v.oneHourCache = true;
        if (s.find("long context") != std::string::npos || s.find("long-context") != std::string::npos
            || s.find("200k-1m") != std::string::npos || s.find(">200k") != std::string::npos || s.find("lctx") != std::string::npos)
            v.longContext = true;
    }
    return v;
}

std::uint32_t addGroup(UsageSnapshot &snapshot, UsageGroup group)
{
    if (group.keys.empty())
        group.keys = PriceMatching::lookupKeys(group.model);
    if (group.family.empty())
        group.family = PriceMatching::providerFamily(group.provider);
    snapshot.groups.push_back(std::move(group));
    return static_cast<std::uint32_t>(snapshot.groups.size() - 1);
}

std::int64_t UsageSnapshot::hoursOf(std::int64_t day) const
{
    if (dataEnd <= 0)
        return 24;
    const std::int64_t seconds = dataEnd - day * 86400;
    return std::clamp<std::int64_t>((seconds + 3599) / 3600, 0, 24); // an hour begun counts whole
}

std::int64_t UsageSnapshot::hours() const
{
    std::int64_t total = 0;
    for (std::int64_t day = fromDay; day <= toDay; ++day)
        total += hoursOf(day);
    return std::max<std::int64_t>(total, 1);
}

bool loadUsage(Cost::SqliteDb &db, const UsageQuery &query, UsageSnapshot &out, std::string &error)
{
    out = UsageSnapshot();
    std::int64_t firstDay = 0, lastDay = 0;
    if (!Analytics::dataRange(db, firstDay, lastDay)) {
        out.toDay = query.toDay.value_or(0);
        out.fromDay = query.fromDay.value_or(out.toDay - 29);
        return true; // an empty store has no usage
    }
    out.toDay = query.toDay.value_or(lastDay);
    out.fromDay = query.fromDay.value_or(out.toDay - 29);
    if (out.fromDay > out.toDay) {
        error = "the period starts after it ends (" + Cost::formatDay(out.fromDay) + " > " + Cost::formatDay(out.toDay) + ")";
        return false;
    }
    // A period that reaches into a day still arriving is counted to where its data ends: costs
    // that run by the hour (GPUs, replicas) are not charged for hours the usage has not reached.
    Analytics::Freshness freshness;
    if (!freshness.load(db, error))
        return false;
    if (freshness.dataEnd() > 0 && freshness.dataEnd() < (out.toDay + 1) * 86400)
        out.dataEnd = freshness.dataEnd();
    std::unordered_map<std::int64_t, ComboInfo> combos;
    if (!loadCombos(db, combos, error))
        return false;

    using namespace Analytics::Sql;
    std::string sql = "SELECT r.day, r.combo_id, coalesce((SELECT s FROM dict WHERE id = a.feature), ''), sum("
        + amountExpr("tokens", true) + "), dsum(" + amountExpr("billed", true) + "), sum(" + amountExpr("requests", true) + ")"
        + fromClause(true) + " WHERE r.day >= " + std::to_string(out.fromDay) + " AND r.day <= " + std::to_string(out.toDay);
    std::vector<std::string> binds;
    if (!filterClause(query.filters, sql, binds, error))
        return false;
    sql += " GROUP BY r.day, r.combo_id, a.feature ORDER BY r.day";
    Cost::SqliteStmt st;
    if (!prepare(db, sql, binds, st, error))
        return false;

    std::map<std::tuple<std::string, std::string, std::string, std::string, std::string, std::string, int, bool>, std::uint32_t>
        groupIndex;
    std::unordered_map<std::uint64_t, std::size_t> cellIndex; // (day, group) → cell
    while (st.step()) {
        const std::int64_t day = st.int64(0);
        const auto combo = combos.find(st.int64(1));
        if (combo == combos.end())
            continue;
        const ComboInfo &c = combo->second;
        const Cost::BigMoney billed = readMoney(st, 4);
        const int kind = priceKindOf(c);
        if (kind < 0 || c.model.empty()) {
            out.otherBilled += billed;
            continue;
        }
        const std::string feature(st.text(2));
        const auto key = std::make_tuple(c.provider, c.service, c.model, c.snapshot, feature, c.account,
                                         static_cast<int>(c.variant.tier), c.variant.longContext);
        auto g = groupIndex.find(key);
        if (g == groupIndex.end()) {
            UsageGroup group;
            group.provider = c.provider;
            group.family = PriceMatching::providerFamily(c.provider, c.service);
            group.model = c.model;
            group.keys = priceKeys(c);
            group.feature = feature;
            group.account = c.account;
            group.tier = c.variant.tier;
            group.longContext = c.variant.longContext;
            g = groupIndex.emplace(key, addGroup(out, std::move(group))).first;
        }
        const std::uint64_t ck = (static_cast<std::uint64_t>(day - out.fromDay) << 32) | g->second;
        auto cell = cellIndex.find(ck);
        if (cell == cellIndex.end()) {
            UsageCell u;
            u.day = day;
            u.group = g->second;
            out.cells.push_back(u);
            cell = cellIndex.emplace(ck, out.cells.size() - 1).first;
        }
        UsageCell &u = out.cells[cell->second];
        u.tokens[static_cast<std::size_t>(kind)] += st.isNull(3) ? 0 : st.int64(3);
        u.billed += static_cast<Cost::Money>(billed);
        u.requests += st.isNull(5) ? 0 : st.int64(5);
    }
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    out.currency = Analytics::displayCurrency(db, out.fromDay, out.toDay, query.filters);
    return true;
}

} // namespace Simulation
