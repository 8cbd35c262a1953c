#include "simulation/scenarioengine.h"

#include "domain/timeparse.h"
#include "pricing/pricematching.h"
#include "simulation/endpointsteps.h"

#include <QCoreApplication>

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

namespace Simulation {

namespace {

using Cost::BigMoney;
using Pricing::PriceKind;
using Pricing::Tier;

constexpr BigMoney kMicro = 1'000'000;          // micro-tokens per token, ppm per unit
constexpr BigMoney kScale = kMicro * kMicro;    // numerators: money units × 10⁻¹²
constexpr int kOwn = -1, kFallback = -2, kSelfHosted = -3;
constexpr std::size_t kIn = 0, kRead = 1, kW5 = 2, kW1 = 3, kOut = 4;

struct Portion {
    int target = kOwn;     // kOwn, a target index, kFallback or kSelfHosted
    Tier tier = Tier::Standard;
    bool standardBand = false; // priced below the long-context threshold (a swap with standard_context)
    int step = -1;         // the fallback step of a kFallback portion
    std::int64_t band = 0; // ppm
    std::int64_t q[Pricing::kPriceKindCount] = {0, 0, 0, 0, 0}; // micro-tokens (up to 9·10¹² tokens)
    std::int64_t requests = 0; // micro-requests
};

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// v × ppm / 10⁶, rounded half up. The common case (v below 9·10¹², i.e. fewer than nine million
// tokens in one cell and kind) stays in 64 bits with a constant divisor: 128-bit division is
// what would otherwise dominate an evaluation.
inline std::int64_t scaled(std::int64_t v, std::int64_t ppm)
{
    constexpr std::int64_t kFast = 9'000'000'000'000;
    if (v >= 0 && v < kFast)
        return (v * ppm + 500'000) / 1'000'000;
    return static_cast<std::int64_t>(Pricing::roundDiv(BigMoney(v) * ppm, kMicro));
}

bool modelMatches(const std::vector<std::string> &scopeKeys, const std::vector<std::string> &keys)
{
    if (scopeKeys.empty())
        return true;
    for (const auto &k : scopeKeys)
        if (std::find(keys.begin(), keys.end(), k) != keys.end())
            return true;
    return false;
}

// Everything evaluate() needs besides the cells, resolved once per call.
struct Plan {
    const PricedUsage &priced;
    const Scenario &scenario;
    std::size_t groups = 0;
    std::vector<std::vector<std::string>> targetKeys;   // per target
    std::vector<std::string> targetProvider;            // per target ("" = the traffic's own)
    std::vector<int> stepTarget;                        // per step (-1 none)
    std::vector<std::uint8_t> groupInScope;             // [step][group]: feature, provider, own model
    std::vector<std::uint8_t> targetInScope;            // [step][target]: model
    std::map<std::tuple<int, std::string, std::string, int, bool>, PriceTimeline> targetTimelines;
    std::set<std::string> warnings;
    std::vector<std::uint8_t> warned; // [step][group][own or target]: a warning was recorded
    std::vector<const PriceTimeline *> timelineCache; // [((target × groups + group) × 3 + tier) × 2 + standard band]
    const EndpointInputs *endpoints = nullptr;
    std::vector<std::vector<std::array<double, 24>>> newEndpointTokens; // api_to_endpoint: [step][day] tokens per UTC hour

    // True the first time a step fails for this group and model (only then is the message built).
    bool firstFailure(std::size_t step, std::uint32_t group, int target)
    {
        const std::size_t slot = (step * groups + group) * (targetKeys.size() + 1) + static_cast<std::size_t>(target + 1);
        if (warned.empty())
            warned.assign(scenario.steps.size() * groups * (targetKeys.size() + 1), 0);
        if (warned[slot])
            return false;
        warned[slot] = 1;
        return true;
    }

    const PriceTimeline &targetTimeline(int target, std::uint32_t group, Tier tier, bool standardBand)
    {
        const std::size_t slot = ((static_cast<std::size_t>(target) * groups + group) * 3 + static_cast<std::size_t>(tier)) * 2
            + (standardBand ? 1 : 0);
        if (timelineCache.size() != targetKeys.size() * groups * 6)
            timelineCache.assign(targetKeys.size() * groups * 6, nullptr);
        if (!timelineCache[slot])
            timelineCache[slot] = &resolveTarget(target, priced.usage().groups[group], tier, standardBand);
        return *timelineCache[slot];
    }

    const PriceTimeline &resolveTarget(int target, const UsageGroup &g, Tier tier, bool standardBand)
    {
        const bool longContext = g.longContext && !standardBand;
        const std::string family = targetProvider[static_cast<std::size_t>(target)].empty()
            ? g.family
            : PriceMatching::providerFamily(targetProvider[static_cast<std::size_t>(target)]);
        // The traffic's billing account keeps its contract when the target stays with its provider.
        const std::string account = family == g.family ? g.account : std::string();
        const auto key = std::make_tuple(target, family, account, static_cast<int>(tier), longContext);
        auto it = targetTimelines.find(key);
        if (it == targetTimelines.end()) {
            const UsageSnapshot &u = priced.usage();
            it = targetTimelines
                     .emplace(key, buildTimeline(priced.catalog(), family, targetKeys[static_cast<std::size_t>(target)], tier,
                                                 longContext, u.fromDay, u.toDay, priced.adjuster(), account))
                     .first;
        }
        return it->second;
    }

    const Pricing::ResolvedPrice &price(const Portion &p, std::uint32_t group, std::int64_t day)
    {
        if (p.target == kOwn)
            return priced.timeline(group, p.tier).at(day);
        return targetTimeline(p.target, group, p.tier, p.standardBand).at(day);
    }
};

bool providerMatches(const std::vector<std::string> &providers, const UsageGroup &g)
{
    if (providers.empty())
        return true;
    for (const auto &p : providers)
        if (lower(p) == lower(g.provider) || PriceMatching::providerFamily(p) == g.family)
            return true;
    return false;
}

Plan makePlan(const PricedUsage &priced, const Scenario &scenario)
{
    Plan plan{priced, scenario, priced.usage().groups.size(), {}, {}, {}, {}, {}, {}, {}, {}, {}, nullptr, {}};
    const auto &groups = priced.usage().groups;
    for (const auto &step : scenario.steps) {
        int target = -1;
        if ((step.type == StepType::ModelSwap || step.type == StepType::Routing) && !step.fallback) {
            target = static_cast<int>(plan.targetKeys.size());
            plan.targetKeys.push_back(PriceMatching::lookupKeys(step.toModel));
            plan.targetProvider.push_back(step.toProvider);
        }
        plan.stepTarget.push_back(target);
    }
    const std::size_t steps = scenario.steps.size();
    plan.groupInScope.assign(steps * groups.size(), 0);
    plan.targetInScope.assign(steps * plan.targetKeys.size(), 0);
    for (std::size_t s = 0; s < steps; ++s) {
        const Scope &scope = scenario.steps[s].scope;
        std::vector<std::string> scopeKeys;
        for (const auto &m : scope.models)
            scopeKeys.push_back(PriceMatching::primaryKey(m));
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const bool feature = scope.features.empty()
                || std::find(scope.features.begin(), scope.features.end(), groups[g].feature) != scope.features.end();
            // A group in scope by feature and provider; its own model checked here, targets below.
            plan.groupInScope[s * groups.size() + g] = feature && providerMatches(scope.providers, groups[g]);
        }
        for (std::size_t t = 0; t < plan.targetKeys.size(); ++t)
            plan.targetInScope[s * plan.targetKeys.size() + t] = modelMatches(scopeKeys, plan.targetKeys[t]);
        // Own-model matching folded into a second table: groups whose own model is out of scope
        // are marked with 2 (in scope only once swapped to a matching target).
        for (std::size_t g = 0; g < groups.size(); ++g)
            if (plan.groupInScope[s * groups.size() + g] && !modelMatches(scopeKeys, groups[g].keys))
                plan.groupInScope[s * groups.size() + g] = 2;
    }
    return plan;
}

bool portionInScope(const Plan &plan, std::size_t step, const Portion &p, std::uint32_t group)
{
    if (p.target == kFallback || p.target == kSelfHosted)
        return false;
    const std::uint8_t g = plan.groupInScope[step * plan.groups + group];
    if (g == 0)
        return false;
    if (p.target == kOwn)
        return g == 1;
    return plan.targetInScope[step * plan.targetKeys.size() + static_cast<std::size_t>(p.target)] != 0;
}

bool hasKinds(const Pricing::ResolvedPrice &price, const Portion &p)
{
    for (int k = 0; k < Pricing::kPriceKindCount; ++k)
        if (p.q[k] != 0 && !price.has(static_cast<PriceKind>(k)))
            return false;
    return true;
}

// Moves `share` of a portion to `dest` (the part moved keeps the kinds; requests follow).
Portion split(Portion &p, std::int64_t share)
{
    Portion moved = p;
    for (int k = 0; k < Pricing::kPriceKindCount; ++k) {
        moved.q[k] = scaled(p.q[k], share);
        p.q[k] -= moved.q[k];
    }
    moved.requests = scaled(p.requests, share);
    p.requests -= moved.requests;
    return moved;
}

// A warning in the user's language where the app installed a translation (the command line
// installs none: English); its text is marked with QT_TRANSLATE_NOOP for lupdate. Step and tier
// words are translated too ("model_swap", "batch", …).
template <typename... Args>
std::string warning(const char *text, const Args &...args)
{
    return QCoreApplication::translate("Simulation", text).arg(QString::fromStdString(args)...).toStdString();
}

std::string word(const char *name) { return QCoreApplication::translate("Simulation", name).toStdString(); }

[[maybe_unused]] constexpr const char *kWords[] = {
    QT_TRANSLATE_NOOP("Simulation", "model_swap"), QT_TRANSLATE_NOOP("Simulation", "routing"),
    QT_TRANSLATE_NOOP("Simulation", "standard"), QT_TRANSLATE_NOOP("Simulation", "batch"),
    QT_TRANSLATE_NOOP("Simulation", "priority")};

std::string modelName(const Plan &plan, const Portion &p, const UsageGroup &g)
{
    return p.target >= 0 ? plan.targetKeys[static_cast<std::size_t>(p.target)].front() : g.model;
}

// A swap/routing target without a price for a cache kind serves those tokens as plain input.
void uncache(Portion &p, const Pricing::ResolvedPrice &price)
{
    for (std::size_t k : {kRead, kW5, kW1})
        if (p.q[k] != 0 && !price.has(static_cast<PriceKind>(k))) {
            p.q[kIn] += p.q[k];
            p.q[k] = 0;
        }
}

// api_to_endpoint: the portion's tokens leave the API and join the new endpoint's load of the
// cell's day, spread over the hours of the day as the group's traffic arrives.
void moveToNewEndpoint(Plan &plan, std::size_t step, Portion &h, const UsageCell &cell)
{
    double tokens = 0;
    for (auto &q : h.q) {
        tokens += static_cast<double>(q) / static_cast<double>(kMicro);
        q = 0;
    }
    h.target = kSelfHosted;
    const UsageSnapshot &u = plan.priced.usage();
    auto &days = plan.newEndpointTokens[step];
    const auto d = static_cast<std::size_t>(cell.day - u.fromDay);
    if (d >= days.size() || tokens <= 0)
        return;
    static const std::array<std::int64_t, 24> kUnknown{};
    const bool known = plan.endpoints && cell.group < plan.endpoints->groupShape.size();
    std::array<double, 24> byHour{};
    spreadByShape(tokens, known ? plan.endpoints->groupShape[cell.group] : kUnknown, byHour);
    for (std::size_t hour = 0; hour < 24; ++hour)
        days[d][hour] += byHour[hour];
}

void applyStep(Plan &plan, std::size_t s, std::vector<Portion> &portions, const UsageCell &cell)
{
    const ScenarioStep &step = plan.scenario.steps[s];
    if (isEndpointStep(step.type))
        return; // on the endpoints' hours (endpointsteps.h)
    const UsageGroup &g = plan.priced.usage().groups[cell.group];
    const std::size_t n = portions.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (!portionInScope(plan, s, portions[i], cell.group))
            continue;
        Portion &p = portions[i];
        switch (step.type) {
        case StepType::Compression:
            for (std::size_t k : {kIn, kRead, kW5, kW1})
                p.q[k] -= scaled(p.q[k], step.inputCutPpm);
            p.band += step.bandPpm;
            break;
        case StepType::PromptCaching: {
            const auto &price = plan.price(p, cell.group, cell.day);
            const std::size_t write = step.oneHourTtl ? kW1 : kW5;
            if (!price.has(PriceKind::CacheRead) || !price.has(static_cast<PriceKind>(write))) {
                if (p.q[kIn] != 0 && plan.firstFailure(s, cell.group, std::max(p.target, -1)))
                    plan.warnings.insert(warning(!price.has(PriceKind::CacheRead)
                                                     ? QT_TRANSLATE_NOOP("Simulation", "prompt caching: %1 has no cache read price; its input is left uncached")
                                                 : step.oneHourTtl
                                                     ? QT_TRANSLATE_NOOP("Simulation", "prompt caching: %1 has no 1-hour cache write price; its input is left uncached")
                                                     : QT_TRANSLATE_NOOP("Simulation", "prompt caching: %1 has no 5-minute cache write price; its input is left uncached"),
                                                 modelName(plan, p, g)));
                break;
            }
            const std::int64_t cacheable = scaled(p.q[kIn], step.cacheablePpm);
            const std::int64_t reads = scaled(cacheable, step.hitRatePpm);
            p.q[kIn] -= cacheable;
            p.q[kRead] += reads;
            p.q[write] += cacheable - reads;
            p.band += step.bandPpm;
            break;
        }
        case StepType::Batch: {
            if (p.tier == Tier::Batch)
                break;
            Portion moved = p;
            moved.tier = Tier::Batch;
            const auto &price = plan.price(moved, cell.group, cell.day);
            if (!hasKinds(price, p)) {
                if (plan.firstFailure(s, cell.group, std::max(p.target, -1)))
                    plan.warnings.insert(warning(QT_TRANSLATE_NOOP("Simulation", "batch: %1 has no batch price; its traffic stays real-time"), modelName(plan, p, g)));
                break;
            }
            Portion b = split(p, step.sharePpm);
            b.tier = Tier::Batch;
            b.band += step.bandPpm;
            portions.push_back(b);
            break;
        }
        case StepType::ModelSwap:
        case StepType::Routing: {
            // "context": "standard" chunks the requests above a long-context threshold: it leaves
            // traffic already billed at the standard band (or already chunked) alone.
            if (step.standardContext && (!g.longContext || p.standardBand))
                break;
            if (step.fallback) {
                Portion f = split(p, step.sharePpm);
                if (cell.requests == 0 && (f.q[kIn] != 0 || f.q[kOut] != 0) && plan.firstFailure(s, cell.group, -1))
                    plan.warnings.insert(warning(QT_TRANSLATE_NOOP("Simulation", "routing: %1 reports no request counts; the fallback's cost"
                                                                           " per request is not counted for it"),
                                                 g.model));
                for (auto &q : f.q)
                    q = 0;
                f.target = kFallback;
                f.step = static_cast<int>(s);
                f.band += step.bandPpm;
                portions.push_back(f);
                break;
            }
            Portion moved = p;
            moved.target = plan.stepTarget[s];
            moved.tier = p.tier;
            moved.standardBand = step.standardContext;
            const auto &price = plan.price(moved, cell.group, cell.day);
            uncache(moved, price);
            if (!price.has(PriceKind::Input) || !hasKinds(price, moved)) {
                if (plan.firstFailure(s, cell.group, std::max(p.target, -1)))
                    plan.warnings.insert(warning(QT_TRANSLATE_NOOP("Simulation", "%1: %2 has no %3 price for %4 on %5; that traffic stays on %6"),
                                                 word(stepTypeName(step.type)), step.toModel, word(Pricing::tierName(p.tier)),
                                                 g.family, Cost::formatDay(cell.day), modelName(plan, p, g)));
                break;
            }
            Portion m = split(p, step.sharePpm);
            m.target = plan.stepTarget[s];
            m.standardBand = step.standardContext;
            m.band += step.bandPpm;
            for (std::size_t k : {kIn, kRead, kW5, kW1}) // chunk overlap, instructions repeated per chunk
                m.q[k] += scaled(m.q[k], step.inputOverheadPpm);
            uncache(m, price);
            portions.push_back(m);
            break;
        }
        case StepType::SelfHosted: {
            Portion h = split(p, step.sharePpm);
            for (auto &q : h.q)
                q = 0;
            h.target = kSelfHosted;
            portions.push_back(h);
            break;
        }
        case StepType::ApiToEndpoint: {
            Portion h = split(p, step.sharePpm);
            moveToNewEndpoint(plan, s, h, cell);
            portions.push_back(h);
            break;
        }
        case StepType::EndpointScaling:
        case StepType::EndpointSpot:
        case StepType::EndpointToApi: break;
        }
    }
}

// Daily GPU cost of a self-hosted step as a numerator (money units × 10⁻¹²).
BigMoney gpuDayNumerator(const ScenarioStep &s)
{
    const BigMoney spotHour = Pricing::roundDiv(BigMoney(s.spotPerHour) * (kMicro + s.interruptionPpm), kMicro);
    const BigMoney blended = (kMicro - s.spotSharePpm) * BigMoney(s.onDemandPerHour) + BigMoney(s.spotSharePpm) * spotHour; // ×1e6
    return BigMoney(s.gpus) * s.hoursPerDayPpm * blended; // hours ×1e6, price ×1e6 → ×1e12
}

void addBand(std::vector<std::pair<std::int64_t, BigMoney>> &bands, std::int64_t band, BigMoney numerator)
{
    if (band <= 0 || numerator == 0)
        return;
    band = std::min<std::int64_t>(band, kMicro);
    for (auto &b : bands)
        if (b.first == band) {
            b.second += numerator;
            return;
        }
    bands.emplace_back(band, numerator);
}

} // namespace

BigMoney perMonth(BigMoney value, std::int64_t days) { return Pricing::roundDiv(value * 365, 12 * std::max<std::int64_t>(days, 1)); }

BigMoney perYear(BigMoney value, std::int64_t days) { return Pricing::roundDiv(value * 365, std::max<std::int64_t>(days, 1)); }

ScenarioResult evaluate(const PricedUsage &priced, const Scenario &scenario, const std::atomic_bool *cancel,
                        const EndpointInputs *endpoints)
{
    const UsageSnapshot &u = priced.usage();
    ScenarioResult r;
    r.name = scenario.name;
    r.fromDay = u.fromDay;
    r.toDay = u.toDay;
    r.days = u.days();
    r.currency = u.currency;
    r.unpriced = priced.unpriced();
    Plan plan = makePlan(priced, scenario);
    const auto days = static_cast<std::size_t>(r.days);
    plan.endpoints = endpoints;
    plan.newEndpointTokens.resize(scenario.steps.size());
    for (std::size_t s = 0; s < scenario.steps.size(); ++s)
        if (scenario.steps[s].type == StepType::ApiToEndpoint)
            plan.newEndpointTokens[s].assign(days, std::array<double, 24>{});

    std::vector<BigMoney> dayBase(days, 0), dayScen(days, 0);
    std::vector<BigMoney> featBase(u.groups.size(), 0), featScen(u.groups.size(), 0);
    std::vector<std::pair<std::int64_t, BigMoney>> bands;
    BigMoney base = 0, scen = 0;
    std::vector<Portion> portions;
    portions.reserve(64);
    for (std::size_t i = 0; i < u.cells.size(); ++i) {
        if (cancel && (i & 0xffff) == 0 && cancel->load(std::memory_order_relaxed)) {
            r.cancelled = true;
            return r;
        }
        if (!priced.cellPriced(i))
            continue;
        const UsageCell &c = u.cells[i];
        const UsageGroup &g = u.groups[c.group];
        r.billed += c.billed;
        Portion p0;
        p0.tier = g.tier;
        for (int k = 0; k < Pricing::kPriceKindCount; ++k)
            p0.q[k] = c.tokens[static_cast<std::size_t>(k)] * static_cast<std::int64_t>(kMicro);
        p0.requests = c.requests * static_cast<std::int64_t>(kMicro);
        const auto &own = priced.timeline(c.group, g.tier).at(c.day);
        BigMoney b = 0;
        for (int k = 0; k < Pricing::kPriceKindCount; ++k)
            b += BigMoney(p0.q[k]) * own.perMillion[static_cast<std::size_t>(k)];
        portions.clear();
        portions.push_back(p0);
        for (std::size_t s = 0; s < scenario.steps.size(); ++s)
            applyStep(plan, s, portions, c);
        BigMoney sc = 0;
        for (const Portion &p : portions) {
            BigMoney cost = 0;
            if (p.target == kFallback) {
                cost = BigMoney(p.requests) * scenario.steps[static_cast<std::size_t>(p.step)].fallbackPerRequest * kMicro;
            } else if (p.target != kSelfHosted) {
                const auto &price = plan.price(p, c.group, c.day);
                for (int k = 0; k < Pricing::kPriceKindCount; ++k)
                    cost += BigMoney(p.q[k]) * price.perMillion[static_cast<std::size_t>(k)];
            }
            sc += cost;
            addBand(bands, p.band, cost);
        }
        base += b;
        scen += sc;
        const auto d = static_cast<std::size_t>(c.day - u.fromDay);
        if (d < days) {
            dayBase[d] += b;
            dayScen[d] += sc;
        }
        featBase[c.group] += b;
        featScen[c.group] += sc;
    }
    // Self-hosting: the GPUs cost the same every day of the period.
    BigMoney gpu = 0;
    for (const auto &s : scenario.steps) {
        if (s.type != StepType::SelfHosted)
            continue;
        const BigMoney perDay = gpuDayNumerator(s);
        gpu += perDay * static_cast<BigMoney>(days);
        for (auto &d : dayScen)
            d += perDay;
        addBand(bands, s.bandPpm, perDay * static_cast<BigMoney>(days));
    }
    scen += gpu;
    // A new endpoint (api_to_endpoint): its replicas follow each day's hourly load.
    BigMoney newEndpoint = 0;
    for (std::size_t s = 0; s < scenario.steps.size(); ++s) {
        if (scenario.steps[s].type != StepType::ApiToEndpoint)
            continue;
        BigMoney stepCost = 0;
        for (std::size_t d = 0; d < days; ++d) {
            const BigMoney day = newEndpointDay(scenario.steps[s], plan.newEndpointTokens[s][d]);
            dayScen[d] += day;
            stepCost += day;
        }
        addBand(bands, scenario.steps[s].bandPpm, stepCost);
        newEndpoint += stepCost;
    }
    scen += newEndpoint;
    // Existing endpoints (endpoint_scaling, endpoint_spot, endpoint_to_api): both sides from their paid hours.
    EndpointOutcome endpointSide;
    bool endpointSteps = false;
    for (const auto &s : scenario.steps)
        endpointSteps = endpointSteps || isEndpointStep(s.type);
    if (endpointSteps && endpoints) {
        endpointSide = evaluateEndpointSteps(*endpoints, priced.catalog(), scenario, u.fromDay, r.days);
        for (std::size_t d = 0; d < days; ++d) {
            dayBase[d] += endpointSide.dayBase[d];
            dayScen[d] += endpointSide.dayScenario[d];
        }
        for (const auto &[name, sides] : endpointSide.rows) {
            base += sides.first;
            scen += sides.second;
        }
        for (const auto &[band, numerator] : endpointSide.bands)
            addBand(bands, band, numerator);
        plan.warnings.insert(endpointSide.warnings.begin(), endpointSide.warnings.end());
    } else if (endpointSteps) {
        plan.warnings.insert(QCoreApplication::translate("Simulation", "the endpoint steps need the endpoints' hours, which were"
                                                                       " not loaded; they are left out")
                                 .toStdString());
    }

    r.baseline = Pricing::roundDiv(base, kScale);
    r.scenario = Pricing::roundDiv(scen, kScale);
    BigMoney spread = 0;
    for (const auto &[band, numerator] : bands)
        spread += Pricing::roundDiv(Pricing::roundDiv(numerator, kScale) * band, kMicro);
    r.scenarioLow = r.scenario - spread;
    r.scenarioHigh = r.scenario + spread;
    r.savings = r.baseline - r.scenario;
    r.savingsLow = r.baseline - r.scenarioHigh;
    r.savingsHigh = r.baseline - r.scenarioLow;
    r.monthly = perMonth(r.savings, r.days);
    r.monthlyLow = perMonth(r.savingsLow, r.days);
    r.monthlyHigh = perMonth(r.savingsHigh, r.days);
    r.annual = perYear(r.savings, r.days);
    r.annualLow = perYear(r.savingsLow, r.days);
    r.annualHigh = perYear(r.savingsHigh, r.days);
    for (std::size_t d = 0; d < days; ++d)
        r.daily.push_back({u.fromDay + static_cast<std::int64_t>(d), Pricing::roundDiv(dayBase[d], kScale),
                           Pricing::roundDiv(dayScen[d], kScale)});
    std::map<std::string, std::pair<BigMoney, BigMoney>> byFeature;
    for (std::size_t gi = 0; gi < u.groups.size(); ++gi) {
        auto &f = byFeature[u.groups[gi].feature];
        f.first += featBase[gi];
        f.second += featScen[gi];
    }
    if (gpu != 0)
        byFeature["(self-hosted GPUs)"].second += gpu;
    if (newEndpoint != 0)
        byFeature["(new endpoint)"].second += newEndpoint;
    for (const auto &[name, sides] : endpointSide.rows) {
        byFeature[name].first += sides.first;
        byFeature[name].second += sides.second;
    }
    for (const auto &[name, v] : byFeature)
        r.features.push_back({name, Pricing::roundDiv(v.first, kScale), Pricing::roundDiv(v.second, kScale)});
    std::sort(r.features.begin(), r.features.end(), [](const FeatureResult &a, const FeatureResult &b) {
        return a.baseline != b.baseline ? a.baseline > b.baseline : a.feature < b.feature;
    });
    r.warnings.assign(plan.warnings.begin(), plan.warnings.end());
    return r;
}

} // namespace Simulation
