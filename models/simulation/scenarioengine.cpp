#include "simulation/scenarioengine.h"

#include "domain/timeparse.h"
#include "pricing/pricematching.h"
#include "simulation/endpointsteps.h"
#include "simulation/scenarioplan.h"

#include <QCoreApplication>

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

namespace Simulation {

using namespace Engine; // the engine's working state: scenarioplan.h

namespace {

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
    spreadByShape(tokens, known ? plan.endpoints->groupShape[cell.group] : kUnknown, byHour, u.hoursOf(cell.day));
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

BigMoney perMonth(BigMoney value, std::int64_t hours) { return Pricing::roundDiv(value * 365 * 24, 12 * std::max<std::int64_t>(hours, 1)); }

BigMoney perYear(BigMoney value, std::int64_t hours) { return Pricing::roundDiv(value * 365 * 24, std::max<std::int64_t>(hours, 1)); }

ScenarioResult evaluate(const PricedUsage &priced, const Scenario &scenario, const std::atomic_bool *cancel,
                        const EndpointInputs *endpoints)
{
    const UsageSnapshot &u = priced.usage();
    ScenarioResult r;
    r.name = scenario.name;
    r.fromDay = u.fromDay;
    r.toDay = u.toDay;
    r.days = u.days();
    r.hours = u.hours();
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
    // Self-hosting: the GPUs cost the same every day of the period (a day still arriving, the
    // hours its data covers).
    BigMoney gpu = 0;
    for (const auto &s : scenario.steps) {
        if (s.type != StepType::SelfHosted)
            continue;
        const BigMoney perDay = gpuDayNumerator(s);
        BigMoney stepCost = 0;
        for (std::size_t d = 0; d < days; ++d) {
            const std::int64_t hours = u.hoursOf(u.fromDay + static_cast<std::int64_t>(d));
            const BigMoney day = hours == 24 ? perDay : Pricing::roundDiv(perDay * hours, 24);
            dayScen[d] += day;
            stepCost += day;
        }
        gpu += stepCost;
        addBand(bands, s.bandPpm, stepCost);
    }
    scen += gpu;
    // A new endpoint (api_to_endpoint): its replicas follow each day's hourly load.
    BigMoney newEndpoint = 0;
    for (std::size_t s = 0; s < scenario.steps.size(); ++s) {
        if (scenario.steps[s].type != StepType::ApiToEndpoint)
            continue;
        BigMoney stepCost = 0;
        for (std::size_t d = 0; d < days; ++d) {
            const BigMoney day = newEndpointDay(scenario.steps[s], plan.newEndpointTokens[s][d],
                                                u.hoursOf(u.fromDay + static_cast<std::int64_t>(d)));
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
    r.monthly = perMonth(r.savings, r.hours);
    r.monthlyLow = perMonth(r.savingsLow, r.hours);
    r.monthlyHigh = perMonth(r.savingsHigh, r.hours);
    r.annual = perYear(r.savings, r.hours);
    r.annualLow = perYear(r.savingsLow, r.hours);
    r.annualHigh = perYear(r.savingsHigh, r.hours);
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
