#include "commands.h"

#include "cli/commandline.h"
#include "domain/timeparse.h"
#include "pricing/pricedusage.h"
#include "pricing/pricestore.h"
#include "simulation/endpointsteps.h"
#include "simulation/scenarioengine.h"
#include "simulation/scenariostore.h"
#include "store/store.h"


#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

namespace {

std::string money(Cost::BigMoney v) { return Cost::formatMoney(v, 2); }

} // namespace

int runSimulateCommand(const CommandContext &ctx, const QStringList &args)
{
    QString scenarioPath;
    std::string format = "text";
    bool save = false;
    std::optional<std::int64_t> from, to;
    Cli::CommandLine cli(QStringLiteral("simulate"),
                         QStringLiteral("Usage: burnrate simulate --scenario FILE.json [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
                                        "                         [--format json|csv] [--save]\n"
                                        "Prices the scenario on the real usage of the period (default: the scenario's period, else\n"
                                        "the last 30 days with data). --to is inclusive. --save keeps the scenario in the store.\n"));
    cli.setMissingValueMessage(QStringLiteral("option %1 needs a value"));
    cli.setUnknownTakesValue(true);
    cli.flag(QStringLiteral("--save"), QStringLiteral("keep the scenario in the store"), [&] { save = true; });
    cli.value(QStringLiteral("--scenario"), QStringLiteral("FILE.json"), QStringLiteral("the what-if scenario"), scenarioPath);
    cli.dateRange(from, to);
    cli.format(format, {QStringLiteral("json"), QStringLiteral("csv")});
    if (const auto done = cli.parse(args))
        return *done;
    if (scenarioPath.isEmpty())
        return cli.usageError(QStringLiteral("--scenario FILE.json is required"));
    QByteArray bytes;
    if (!readInputFile(scenarioPath, bytes, "simulate"))
        return 1;
    Simulation::Scenario scenario;
    std::string error;
    if (!Simulation::parseScenario(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), scenario, error)) {
        std::fprintf(stderr, "burnrate simulate: %s: %s\n", qPrintable(scenarioPath), error.c_str());
        return 1;
    }
    Cost::Store store;
    if (!openStore(ctx, store, "simulate", save ? Cost::Store::TeamStore::ReadWrite : Cost::Store::TeamStore::ReadOnly))
        return 1;
    Simulation::UsageQuery query;
    query.fromDay = from ? from : scenario.fromDay;
    query.toDay = to ? to : scenario.toDay;
    if (query.fromDay && !query.toDay)
        query.toDay = *query.fromDay + 29;
    query.filters = scenario.filters;
    auto catalog = std::make_shared<Pricing::PriceCatalog>();
    auto snapshot = std::make_shared<Simulation::UsageSnapshot>();
    if (!Pricing::loadCatalog(store.db(), *catalog, error) || !Simulation::loadUsage(store.db(), query, *snapshot, error)) {
        std::fprintf(stderr, "burnrate simulate: %s\n", error.c_str());
        return 1;
    }
    Simulation::EndpointInputs endpoints;
    if (!Simulation::loadEndpointInputs(store.db(), *catalog, *snapshot, endpoints, error)) {
        std::fprintf(stderr, "burnrate simulate: %s\n", error.c_str());
        return 1;
    }
    const Simulation::PricedUsage priced(snapshot, catalog);
    const Simulation::ScenarioResult r = Simulation::evaluate(priced, scenario, nullptr, &endpoints);
    if (save && !Simulation::saveScenario(store.db(), scenario, error)) {
        std::fprintf(stderr, "burnrate simulate: %s\n", error.c_str());
        return 1;
    }
    for (const auto &w : r.warnings)
        std::fprintf(stderr, "warning: %s\n", w.c_str());
    for (const auto &u : r.unpriced)
        std::fprintf(stderr, "UNPRICED: %s %s (%s, %s): %lld tokens, %s billed, left out of baseline and scenario\n",
                     u.provider.c_str(), u.model.c_str(), Pricing::tierName(u.tier), Pricing::priceKindName(u.kind),
                     static_cast<long long>(u.tokens), money(u.billed).c_str());
    if (format == "csv") {
        std::cout << "metric,value,low,high\n"
                  << "baseline," << money(r.baseline) << ",,\n"
                  << "scenario," << money(r.scenario) << ',' << money(r.scenarioLow) << ',' << money(r.scenarioHigh) << '\n'
                  << "savings," << money(r.savings) << ',' << money(r.savingsLow) << ',' << money(r.savingsHigh) << '\n'
                  << "savings_monthly," << money(r.monthly) << ',' << money(r.monthlyLow) << ',' << money(r.monthlyHigh) << '\n'
                  << "savings_annual," << money(r.annual) << ',' << money(r.annualLow) << ',' << money(r.annualHigh) << '\n'
                  << "billed," << money(r.billed) << ",,\n";
        return 0;
    }
    if (format == "json") {
        using nlohmann::json;
        auto range = [](Cost::BigMoney v, Cost::BigMoney lo, Cost::BigMoney hi) {
            return json{{"value", money(v)}, {"low", money(lo)}, {"high", money(hi)}};
        };
        json daily = json::array(), features = json::array(), unpriced = json::array();
        for (const auto &d : r.daily)
            daily.push_back({{"day", Cost::formatDay(d.day)}, {"baseline", money(d.baseline)}, {"scenario", money(d.scenario)}});
        for (const auto &f : r.features)
            features.push_back({{"feature", f.feature}, {"baseline", money(f.baseline)}, {"scenario", money(f.scenario)},
                                {"savings", money(f.savings())}});
        for (const auto &u : r.unpriced)
            unpriced.push_back({{"provider", u.provider}, {"model", u.model}, {"kind", Pricing::priceKindName(u.kind)},
                                {"tokens", u.tokens}, {"billed", money(u.billed)}});
        std::cout << json{{"scenario", r.name}, {"from", Cost::formatDay(r.fromDay)}, {"to", Cost::formatDay(r.toDay)},
                          {"days", r.days}, {"hours", r.hours}, {"currency", r.currency}, {"billed", money(r.billed)},
                          {"baseline", money(r.baseline)}, {"scenario_cost", range(r.scenario, r.scenarioLow, r.scenarioHigh)},
                          {"savings", range(r.savings, r.savingsLow, r.savingsHigh)},
                          {"savings_monthly", range(r.monthly, r.monthlyLow, r.monthlyHigh)},
                          {"savings_annual", range(r.annual, r.annualLow, r.annualHigh)}, {"daily", daily},
                          {"features", features}, {"unpriced", unpriced}, {"warnings", r.warnings}}
                         .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                  << '\n';
        return 0;
    }
    // A last day still arriving counts its hours with data (per month scales from them).
    const std::string partial = r.hours < r.days * 24
        ? ", data for " + std::to_string(r.hours) + " of its " + std::to_string(r.days * 24) + " hours" : std::string();
    std::printf("Scenario: %s (%s .. %s, %lld days%s, %s)\n", r.name.c_str(), Cost::formatDay(r.fromDay).c_str(),
                Cost::formatDay(r.toDay).c_str(), static_cast<long long>(r.days), partial.c_str(), r.currency.c_str());
    std::printf("  baseline   %16s   (catalog price of the real usage; billed %s)\n", money(r.baseline).c_str(), money(r.billed).c_str());
    std::printf("  scenario   %16s   (range %s .. %s)\n", money(r.scenario).c_str(), money(r.scenarioLow).c_str(),
                money(r.scenarioHigh).c_str());
    std::printf("  savings    %16s   (range %s .. %s, %.1f%%)\n", money(r.savings).c_str(), money(r.savingsLow).c_str(),
                money(r.savingsHigh).c_str(), r.savingsPercent());
    std::printf("  per month  %16s   (range %s .. %s)\n", money(r.monthly).c_str(), money(r.monthlyLow).c_str(),
                money(r.monthlyHigh).c_str());
    std::printf("  per year   %16s   (range %s .. %s)\n", money(r.annual).c_str(), money(r.annualLow).c_str(),
                money(r.annualHigh).c_str());
    if (save)
        std::printf("saved as '%s'\n", r.name.c_str());
    return 0;
}
