#include "endpoints/endpointstats.h"

#include "domain/modelname.h"
#include "endpoints/endpointdecoder.h"
#include "pricing/pricecatalog.h"
#include "pricing/pricematching.h"

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace Endpoints {

namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kMonthHours = 730; // 365 × 24 / 12

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

struct Line {
    std::int64_t firstHour = 0; ///< UTC hour number, inclusive
    std::int64_t endHour = 0;   ///< exclusive
    Cost::BigMoney cost = 0;
    double hours = 0;
};

struct Acc {
    EndpointStats stats;
    std::vector<Line> lines;
    std::map<std::string, Cost::BigMoney> costByType;
    std::map<std::string, std::string> acceleratorOf;
    std::map<std::string, Cost::BigMoney> costByModel;
    std::set<std::int64_t> paidHours;
};

struct HourUse {
    std::int64_t requests = 0;
    std::int64_t tokens = 0;
};

std::string argmax(const std::map<std::string, Cost::BigMoney> &m)
{
    std::string best;
    Cost::BigMoney bestCost = 0;
    bool first = true;
    for (const auto &[k, v] : m)
        if (!k.empty() && (first || v > bestCost)) {
            best = k;
            bestCost = v;
            first = false;
        }
    return best;
}

// The charges of endpoints in the range, grouped by (provider, endpoint).
bool readCharges(Cost::SqliteDb &db, std::optional<std::int64_t> fromDay, std::optional<std::int64_t> toDay,
                 std::map<std::pair<std::string, std::string>, Acc> &out, std::string &error)
{
    auto text = [](const char *col) { return std::string("coalesce((SELECT s FROM dict WHERE id = c.") + col + "), '')"; };
    std::string sql = "SELECT f.start, f.duration, f.billed, f.consumed, f.pricing_qty, " + text("provider") + ", "
        + text("endpoint") + ", " + text("instance_type") + ", " + text("accelerator") + ", " + text("served_model") + ", "
        + text("consumed_unit") + ", " + text("pricing_unit") + ", " + text("currency")
        + " FROM fact f JOIN combo c ON c.id = f.combo_id WHERE c.endpoint != 0 AND f.start >= ?1 AND f.start < ?2";
    Cost::SqliteStmt st(db, sql);
    if (!st.ok()) {
        error = db.error();
        return false;
    }
    st.bind(1, fromDay ? *fromDay * 86400 : std::numeric_limits<std::int64_t>::min());
    st.bind(2, toDay ? (*toDay + 1) * 86400 : std::numeric_limits<std::int64_t>::max());
    while (st.step()) {
        const std::int64_t start = st.int64(0);
        const std::int64_t end = start + std::max<std::int64_t>(st.int64(1), 0);
        Acc &a = out[{std::string(st.text(5)), std::string(st.text(6))}];
        a.stats.provider = st.text(5);
        a.stats.endpoint = st.text(6);
        if (a.stats.currency.empty())
            a.stats.currency = st.text(12);
        Line line;
        line.firstHour = floorDiv(start, kHour);
        line.endHour = std::max(line.firstHour + 1, floorDiv(end + kHour - 1, kHour));
        line.cost = st.int64(2);
        const std::string type(st.text(7));
        if (!type.empty()) {
            // Instance hours: the consumed quantity when its unit is hours, else the pricing one.
            for (auto [q, u] : {std::pair{3, 10}, std::pair{4, 11}}) {
                const double mult = hourUnitMultiplier(st.text(u));
                if (mult > 0 && !st.isNull(q)) {
                    line.hours = st.real(q) * mult;
                    break;
                }
            }
        }
        a.costByType[type] += line.cost;
        a.acceleratorOf[type] = st.text(8);
        a.costByModel[std::string(st.text(9))] += line.cost;
        for (std::int64_t h = line.firstHour; h < line.endHour; ++h)
            a.paidHours.insert(h);
        a.lines.push_back(line);
    }
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    return true;
}

} // namespace

std::set<std::string> matchedModels(const std::string &servedModel, const std::string &endpoint)
{
    std::set<std::string> models;
    for (const std::string &name : {servedModel, endpoint}) {
        const std::string canonical = Cost::canonicalModel(name);
        if (!canonical.empty())
            models.insert(canonical);
    }
    return models;
}

std::pair<std::string, std::string> apiPriceTarget(const Pricing::PriceCatalog &catalog, const std::string &provider,
                                                   const std::string &model)
{
    // The pay-per-token price: the endpoint's own provider's list (SageMaker → Bedrock), else
    // the first provider the catalog lists the model under.
    std::string priceModel = model;
    auto listed = catalog.find(priceModel);
    if (listed.empty()) {
        // Open models are listed with dashed versions ("llama-3-1-70b"); serving stacks
        // report dotted ones ("Llama-3.1-70B-Instruct").
        for (std::size_t i = 1; i + 1 < priceModel.size(); ++i)
            if (priceModel[i] == '.' && std::isdigit(static_cast<unsigned char>(priceModel[i - 1]))
                && std::isdigit(static_cast<unsigned char>(priceModel[i + 1])))
                priceModel[i] = '-';
        listed = catalog.find(priceModel);
    }
    std::string priceProvider = provider;
    if (!listed.empty() && std::none_of(listed.begin(), listed.end(), [&](const Pricing::PriceEntry *e) {
            return e->provider == PriceMatching::providerFamily(provider);
        }))
        priceProvider = listed.front()->provider;
    return {priceProvider, priceModel};
}

double EndpointStats::utilisationPercent() const { return hours > 0 ? 100.0 * busyHours / hours : -1; }

std::string formatHours(double hours)
{
    // std::to_chars, not printf: a contract column stays "1.5" under a German locale too.
    char buf[64];
    const auto written = std::to_chars(buf, buf + sizeof buf, hours, std::chars_format::fixed, 6);
    std::string s(buf, written.ptr);
    while (!s.empty() && s.back() == '0')
        s.pop_back();
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s == "-0" ? std::string("0") : s;
}

bool endpointStats(Cost::SqliteDb &db, const Pricing::PriceCatalog &catalog, std::optional<std::int64_t> fromDay,
                   std::optional<std::int64_t> toDay, std::vector<EndpointStats> &out, std::string &error)
{
    out.clear();
    std::map<std::pair<std::string, std::string>, Acc> byEndpoint;
    if (!readCharges(db, fromDay, toDay, byEndpoint, error))
        return false;

    Cost::SqliteStmt tel(db, "SELECT hour, provider, input, cached_input, cache_write, output, requests FROM telemetry_usage"
                             " WHERE model = ?1 AND hour BETWEEN ?2 AND ?3");
    if (!tel.ok()) {
        error = db.error();
        return false;
    }
    for (auto &[key, a] : byEndpoint) {
        EndpointStats &s = a.stats;
        s.instanceType = argmax(a.costByType);
        s.accelerator = a.acceleratorOf[s.instanceType];
        s.servedModel = argmax(a.costByModel);
        s.paidClockHours = static_cast<std::int64_t>(a.paidHours.size());

        // Telemetry of the model served (or calls that name the endpoint as their model) in the
        // endpoint's paid hours.
        const std::set<std::string> models = matchedModels(s.servedModel, s.endpoint);
        std::unordered_map<std::int64_t, HourUse> use;
        Cost::BigMoney apiNumerator = 0; // Σ tokens × price per million
        bool apiPriced = true;
        for (const std::string &model : models) {
            if (a.paidHours.empty())
                break;
            const auto [priceProvider, priceModel] = apiPriceTarget(catalog, s.provider, model);
            tel.reset();
            tel.bind(1, std::string_view(model));
            tel.bind(2, *a.paidHours.begin());
            tel.bind(3, *a.paidHours.rbegin());
            while (tel.step()) {
                const std::int64_t hour = tel.int64(0);
                if (!a.paidHours.count(hour))
                    continue;
                const std::int64_t kinds[4] = {tel.int64(2), tel.int64(3), tel.int64(4), tel.int64(5)};
                HourUse &u = use[hour];
                u.requests += tel.int64(6);
                for (std::int64_t k : kinds)
                    u.tokens += k;
                const Pricing::ResolvedPrice price = catalog.resolve(priceProvider, priceModel, floorDiv(hour, 24));
                const Pricing::PriceKind priceKinds[4] = {Pricing::PriceKind::Input, Pricing::PriceKind::CacheRead,
                                                          Pricing::PriceKind::CacheWrite5m, Pricing::PriceKind::Output};
                for (int i = 0; i < 4; ++i) {
                    if (kinds[i] == 0)
                        continue;
                    // Cached reads and cache writes fall back to the input price where none is listed.
                    Pricing::PriceKind k = priceKinds[i];
                    if (!price.has(k) && i != 3)
                        k = Pricing::PriceKind::Input;
                    if (!price.has(k))
                        apiPriced = false;
                    else
                        apiNumerator += static_cast<Cost::BigMoney>(kinds[i]) * price.price(k);
                }
            }
            if (!tel.error().empty()) {
                error = tel.error();
                return false;
            }
        }
        for (const auto &[hour, u] : use) {
            s.requests += u.requests;
            s.tokens += u.tokens;
            if (u.requests > 0)
                ++s.busyClockHours;
        }
        for (const Line &line : a.lines) {
            std::int64_t busy = 0;
            for (std::int64_t h = line.firstHour; h < line.endHour; ++h) {
                const auto it = use.find(h);
                busy += it != use.end() && it->second.requests > 0 ? 1 : 0;
            }
            const std::int64_t clock = line.endHour - line.firstHour;
            s.cost += line.cost;
            s.idleCost += Pricing::roundDiv(line.cost * (clock - busy), clock);
            s.hours += line.hours;
            s.busyHours += line.hours * static_cast<double>(busy) / static_cast<double>(clock);
        }
        // One instance-hour price from the exact cost and the hours rounded to a millionth.
        const auto microHours = static_cast<std::int64_t>(std::llround(s.hours * 1e6));
        if (microHours > 0)
            s.unitPrice = Pricing::roundDiv(s.cost * 1'000'000, microHours);
        if (s.requests > 0)
            s.costPer1kRequests = Pricing::roundDiv(s.cost * 1000, s.requests);
        if (s.tokens > 0)
            s.costPer1mTokens = Pricing::roundDiv(s.cost * 1'000'000, s.tokens);
        if (apiPriced && s.tokens > 0) {
            s.apiEquivalentCost = Pricing::roundDiv(apiNumerator, 1'000'000);
            // API cost per request = api / requests; the endpoint's month = cost / paid hours × 730.
            if (*s.apiEquivalentCost > 0 && s.requests > 0 && s.paidClockHours > 0)
                s.breakEvenRequestsPerMonth = static_cast<std::int64_t>(
                    Pricing::roundDiv(s.cost * kMonthHours * s.requests, *s.apiEquivalentCost * s.paidClockHours));
        }
        out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](const EndpointStats &x, const EndpointStats &y) {
        return x.cost != y.cost ? x.cost > y.cost : std::tie(x.endpoint, x.provider) < std::tie(y.endpoint, y.provider);
    });
    return true;
}

} // namespace Endpoints
