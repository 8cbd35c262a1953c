#include "simulation/endpointsteps.h"

#include "domain/timeparse.h"
#include "endpoints/endpointstats.h"
#include "pricing/pricematching.h"
#include "simulation/trafficprofile.h"

#include <QCoreApplication>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace Simulation {

namespace {

using Cost::BigMoney;

constexpr BigMoney kMicro = 1'000'000;
constexpr BigMoney kScale = kMicro * kMicro; // numerators: money units × 10⁻¹²

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

template <typename... Args>
std::string warning(const char *text, const Args &...args)
{
    return QCoreApplication::translate("Simulation", text).arg(QString::fromStdString(args)...).toStdString();
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool inScope(const Scope &scope, const EndpointSeries &e)
{
    if (!scope.endpoints.empty() && std::find(scope.endpoints.begin(), scope.endpoints.end(), e.endpoint) == scope.endpoints.end())
        return false;
    if (scope.providers.empty())
        return true;
    for (const auto &p : scope.providers)
        if (lower(p) == lower(e.provider) || PriceMatching::providerFamily(p) == PriceMatching::providerFamily(e.provider))
            return true;
    return false;
}

// One paid hour as a step leaves it.
struct HourState {
    std::int64_t replicasMicro = 0; ///< replica hours × 10⁶ paid in the scenario
    std::int64_t factorPpm = kMicro; ///< spot: price factor on those hours
    bool api = false;               ///< moved to the pay-per-token API
    BigMoney apiNumerator = 0;
};

// A spot step's price factor in ppm: (1 − share) + share × (1 − discount) × (1 + interruption + checkpoint).
std::int64_t spotFactor(const ScenarioStep &s)
{
    const BigMoney onSpot = BigMoney(s.spotSharePpm) * (kMicro - s.spotDiscountPpm) * (kMicro + s.interruptionPpm + s.checkpointPpm);
    return static_cast<std::int64_t>(Pricing::roundDiv(BigMoney(kMicro - s.spotSharePpm) * kScale + onSpot, kScale));
}

void scale(const ScenarioStep &s, const EndpointSeries &e, std::vector<HourState> &state, std::set<std::string> &warnings)
{
    if (!e.telemetry) {
        warnings.insert(warning(QT_TRANSLATE_NOOP("Simulation", "endpoint_scaling: no telemetry matches %1, so its hourly load is"
                                                                 " unknown; it stays as billed"),
                                e.endpoint));
        return;
    }
    bool noHours = false;
    for (std::size_t i = 0; i < e.hours.size(); ++i) {
        const Endpoints::HourLoad &h = e.hours[i];
        if (state[i].api)
            continue;
        if (h.microHours <= 0) {
            noHours = true;
            continue;
        }
        // Replicas the hour's requests keep busy at the concurrency limit (mean load over the hour).
        const BigMoney busyMs = BigMoney(h.requests) * s.requestMs;
        const BigMoney perReplicaMs = BigMoney(3'600'000) * s.concurrency;
        const auto need = static_cast<std::int64_t>((busyMs + perReplicaMs - 1) / perReplicaMs);
        std::int64_t micro = std::max(s.minReplicas, need) * static_cast<std::int64_t>(kMicro);
        const bool afterBusy = i > 0 && e.hours[i - 1].hour == h.hour - 1 && e.hours[i - 1].requests > 0;
        if (micro == 0 && afterBusy) // the last replica lingers before scaling down
            micro = s.scaleDownMinutes * static_cast<std::int64_t>(kMicro) / 60;
        state[i].replicasMicro = micro;
    }
    if (noHours)
        warnings.insert(warning(QT_TRANSLATE_NOOP("Simulation", "endpoint_scaling: the bill of %1 gives no instance hours for some"
                                                                 " of its hours; those stay as billed"),
                                e.endpoint));
}

void spot(const ScenarioStep &s, const EndpointSeries &e, std::vector<HourState> &state, std::set<std::string> &warnings)
{
    if (e.instanceType == "provisioned-throughput") {
        warnings.insert(warning(QT_TRANSLATE_NOOP("Simulation", "endpoint_spot: %1 is provisioned throughput, which has no spot"
                                                                 " capacity; it stays as billed"),
                                e.endpoint));
        return;
    }
    const std::int64_t factor = spotFactor(s);
    for (HourState &h : state)
        if (!h.api)
            h.factorPpm = static_cast<std::int64_t>(Pricing::roundDiv(BigMoney(h.factorPpm) * factor, kMicro));
}

void toApi(const ScenarioStep &s, const EndpointSeries &e, const Pricing::PriceCatalog &catalog, std::vector<HourState> &state,
           std::set<std::string> &warnings)
{
    std::int64_t tokens = 0;
    for (const auto &h : e.hours)
        for (const auto t : h.tokens)
            tokens += t;
    if (!e.telemetry || tokens == 0) {
        warnings.insert(warning(QT_TRANSLATE_NOOP("Simulation", "endpoint_to_api: no telemetry of the tokens %1 served; it stays"
                                                                 " on the endpoint"),
                                e.endpoint));
        return;
    }
    const std::string model = !s.toModel.empty() ? s.toModel : !e.servedModel.empty() ? e.servedModel : e.endpoint;
    const auto [provider, priceModel] =
        Endpoints::apiPriceTarget(catalog, s.toProvider.empty() ? e.provider : s.toProvider, model);
    const Pricing::PriceKind kinds[4] = {Pricing::PriceKind::Input, Pricing::PriceKind::CacheRead,
                                         Pricing::PriceKind::CacheWrite5m, Pricing::PriceKind::Output};
    std::vector<BigMoney> numerators(e.hours.size(), 0);
    for (std::size_t i = 0; i < e.hours.size(); ++i) {
        const Endpoints::HourLoad &h = e.hours[i];
        const Pricing::ResolvedPrice price = catalog.resolve(provider, priceModel, floorDiv(h.hour, 24));
        for (std::size_t k = 0; k < 4; ++k) {
            if (h.tokens[k] == 0)
                continue;
            // Cached reads and cache writes at the input price where none is listed (as the API equivalent).
            Pricing::PriceKind kind = kinds[k];
            if (!price.has(kind) && k != 3)
                kind = Pricing::PriceKind::Input;
            if (!price.has(kind)) {
                warnings.insert(warning(QT_TRANSLATE_NOOP("Simulation", "endpoint_to_api: the price list has no pay-per-token price"
                                                                         " for %1 on %2; %3 stays on the endpoint"),
                                        model, Cost::formatDay(floorDiv(h.hour, 24)), e.endpoint));
                return;
            }
            numerators[i] += BigMoney(h.tokens[k]) * price.price(kind) * kMicro; // per million tokens → × 10⁻¹²
        }
    }
    for (std::size_t i = 0; i < state.size(); ++i) {
        state[i].api = true;
        state[i].apiNumerator = numerators[i];
    }
}

void addBand(std::vector<std::pair<std::int64_t, BigMoney>> &bands, std::int64_t band, BigMoney numerator)
{
    if (band <= 0 || numerator == 0)
        return;
    bands.emplace_back(std::min<std::int64_t>(band, kMicro), numerator);
}

} // namespace

bool loadEndpointInputs(Cost::SqliteDb &db, const Pricing::PriceCatalog &catalog, const UsageSnapshot &usage,
                        EndpointInputs &out, std::string &error)
{
    out = EndpointInputs();
    std::vector<Endpoints::EndpointStats> stats;
    std::vector<std::vector<Endpoints::HourLoad>> loads;
    std::vector<bool> telemetry;
    if (!Endpoints::endpointStats(db, catalog, usage.fromDay, usage.toDay, stats, error)
        || !Endpoints::endpointHourLoads(db, stats, usage.fromDay, usage.toDay, loads, telemetry, error))
        return false;
    for (std::size_t i = 0; i < stats.size(); ++i)
        out.endpoints.push_back({stats[i].provider, stats[i].endpoint, stats[i].servedModel, stats[i].instanceType, telemetry[i],
                                 std::move(loads[i])});
    TrafficProfiles profiles;
    if (usage.toDay >= usage.fromDay && !loadTrafficProfiles(db, usage.fromDay, usage.toDay, profiles, error))
        return false;
    out.groupShape.assign(usage.groups.size(), {});
    for (std::size_t g = 0; g < usage.groups.size(); ++g)
        if (const auto *p = profiles.profile(usage.groups[g].feature, usage.groups[g].model))
            out.groupShape[g] = *p;
    return true;
}

EndpointOutcome evaluateEndpointSteps(const EndpointInputs &inputs, const Pricing::PriceCatalog &catalog,
                                      const Scenario &scenario, std::int64_t fromDay, std::int64_t days)
{
    EndpointOutcome out;
    out.dayBase.assign(static_cast<std::size_t>(std::max<std::int64_t>(days, 0)), 0);
    out.dayScenario = out.dayBase;
    for (const EndpointSeries &e : inputs.endpoints) {
        std::vector<HourState> state(e.hours.size());
        for (std::size_t i = 0; i < e.hours.size(); ++i)
            state[i].replicasMicro = e.hours[i].microHours;
        bool touched = false;
        std::int64_t band = 0;
        for (const ScenarioStep &s : scenario.steps) {
            if (!isEndpointStep(s.type) || !inScope(s.scope, e))
                continue;
            touched = true;
            band = std::max(band, s.bandPpm);
            if (s.type == StepType::EndpointScaling)
                scale(s, e, state, out.warnings);
            else if (s.type == StepType::EndpointSpot)
                spot(s, e, state, out.warnings);
            else
                toApi(s, e, catalog, state, out.warnings);
        }
        if (!touched)
            continue;
        BigMoney base = 0, scen = 0, changed = 0;
        for (std::size_t i = 0; i < e.hours.size(); ++i) {
            const Endpoints::HourLoad &h = e.hours[i];
            const BigMoney b = h.cost * kScale;
            BigMoney sc = 0;
            if (state[i].api)
                sc = state[i].apiNumerator;
            else if (h.microHours > 0) // the hour's price per replica hour × the scenario's replica hours
                sc = Pricing::roundDiv(h.cost * state[i].replicasMicro * state[i].factorPpm * kMicro, h.microHours);
            else
                sc = h.cost * state[i].factorPpm * kMicro;
            base += b;
            scen += sc;
            changed += sc != b ? sc : 0;
            const std::int64_t d = floorDiv(h.hour, 24) - fromDay;
            if (d >= 0 && d < days) {
                out.dayBase[static_cast<std::size_t>(d)] += b;
                out.dayScenario[static_cast<std::size_t>(d)] += sc;
            }
        }
        out.rows.push_back({"(endpoint " + e.endpoint + ")", {base, scen}});
        addBand(out.bands, band, changed); // the uncertainty is on the hours a step changed
    }
    bool wanted = false;
    for (const ScenarioStep &s : scenario.steps)
        wanted = wanted || isEndpointStep(s.type);
    if (wanted && out.rows.empty())
        out.warnings.insert(QCoreApplication::translate("Simulation", "the period has no hour-billed endpoint in the scope of"
                                                                      " the endpoint steps")
                                .toStdString());
    return out;
}

Cost::BigMoney newEndpointDay(const ScenarioStep &step, const std::array<double, 24> &tokensByHour, std::int64_t hours)
{
    const double capacity = static_cast<double>(std::max<std::int64_t>(step.tokensPerSecond, 1)) * 3600.0;
    std::int64_t replicaHours = 0;
    for (std::size_t h = 0; h < tokensByHour.size() && static_cast<std::int64_t>(h) < hours; ++h) {
        const double tokens = tokensByHour[h];
        // A relative tolerance keeps an hour at exactly N replicas' capacity at N.
        const auto need = tokens > 0 ? static_cast<std::int64_t>(std::ceil(tokens / capacity - 1e-9)) : 0;
        replicaHours += std::max(step.minReplicas, need);
    }
    return BigMoney(replicaHours) * step.perHour * kScale;
}

void spreadByShape(double tokens, const std::array<std::int64_t, 24> &shape, std::array<double, 24> &byHour,
                   std::int64_t hours)
{
    const auto n = static_cast<std::size_t>(std::clamp<std::int64_t>(hours, 1, 24));
    std::int64_t total = 0;
    for (std::size_t h = 0; h < n; ++h)
        total += std::max<std::int64_t>(shape[h], 0);
    byHour.fill(0.0);
    for (std::size_t h = 0; h < n; ++h)
        byHour[h] = total > 0 ? tokens * static_cast<double>(std::max<std::int64_t>(shape[h], 0)) / static_cast<double>(total)
                              : tokens / static_cast<double>(n);
}

} // namespace Simulation
