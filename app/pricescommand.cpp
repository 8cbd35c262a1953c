#include "commands.h"

#include "cli/commandline.h"
#include "domain/timeparse.h"
#include "pricing/pricecatalog.h"
#include "pricing/pricedusage.h"
#include "pricing/pricestore.h"
#include "pricing/pricingestimate.h"
#include "store/store.h"

#include <QFileInfo>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

namespace {

std::string money(Cost::BigMoney v) { return Cost::formatMoney(v, 2); }

std::string optionalPrice(const Pricing::PriceEntry &e, Pricing::PriceKind k)
{
    return e.has(k) ? Cost::formatMoney(e.price(k), 2) : std::string();
}

int list(const CommandContext &ctx, const std::string &model, const std::string &format)
{
    Cost::Store store;
    Pricing::PriceCatalog catalog;
    std::string error;
    if (!store.open(ctx.dbPath.toStdString(), Cost::Store::TeamStore::ReadOnly) || !Pricing::loadCatalog(store.db(), catalog, error)) {
        std::fprintf(stderr, "burnrate prices: %s\n", store.error().empty() ? error.c_str() : store.error().c_str());
        return 1;
    }
    const auto entries = catalog.find(model);
    if (entries.empty() && !model.empty()) {
        std::fprintf(stderr, "burnrate prices: no price for '%s' (it would be reported as UNPRICED)\n", model.c_str());
        return 1;
    }
    nlohmann::json out = nlohmann::json::array();
    if (format == "csv")
        std::cout << "provider,model,tier,context,from,input,cache_read,cache_write_5m,cache_write_1h,output,layer,source\n";
    for (const auto *e : entries) {
        const std::string from = e->effectiveFrom == Pricing::kAlways ? std::string() : Cost::formatDay(e->effectiveFrom);
        const std::string context = e->longContext ? ">" + std::to_string(e->contextThreshold) : std::string();
        if (format == "json") {
            nlohmann::json o = {{"provider", e->provider}, {"model", e->model}, {"tier", Pricing::tierName(e->tier)},
                                {"context", context}, {"from", from}, {"layer", Pricing::layerName(e->layer)}, {"source", e->source}};
            for (int k = 0; k < Pricing::kPriceKindCount; ++k)
                if (e->has(static_cast<Pricing::PriceKind>(k)))
                    o[Pricing::priceKindName(static_cast<Pricing::PriceKind>(k))] = optionalPrice(*e, static_cast<Pricing::PriceKind>(k));
            out.push_back(std::move(o));
            continue;
        }
        std::cout << e->provider << ',' << e->model << ',' << Pricing::tierName(e->tier) << ',' << context << ',' << from;
        for (int k = 0; k < Pricing::kPriceKindCount; ++k)
            std::cout << ',' << optionalPrice(*e, static_cast<Pricing::PriceKind>(k));
        std::string source = e->source;
        for (char &c : source)
            if (c == ',')
                c = ';';
        std::cout << ',' << Pricing::layerName(e->layer) << ',' << source << '\n';
    }
    if (format == "json")
        std::cout << nlohmann::json{{"unit", "USD per 1M tokens"}, {"prices", out}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return 0;
}

int import(const CommandContext &ctx, const QString &path)
{
    QByteArray bytes;
    if (!readInputFile(path, bytes, "prices"))
        return 1;
    Cost::Store store;
    if (!openStore(ctx, store, "prices", Cost::Store::TeamStore::ReadWrite))
        return 1;
    Pricing::PriceImportResult result;
    std::string error;
    if (!Pricing::importPriceFile(store.db(), std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                                  QFileInfo(path).fileName().toStdString(), result, error)) {
        std::fprintf(stderr, "burnrate prices: %s\n", error.c_str());
        return 1;
    }
    std::printf("imported %d prices for %d models from %s (%s, %s layer); %d entries skipped\n", result.entries, result.models,
                qPrintable(path), result.format.c_str(), Pricing::layerName(result.layer), result.skipped);
    return 0;
}

int check(const CommandContext &ctx, const Simulation::UsageQuery &query, const std::string &format)
{
    Cost::Store store;
    auto catalog = std::make_shared<Pricing::PriceCatalog>();
    auto snapshot = std::make_shared<Simulation::UsageSnapshot>();
    std::string error;
    if (!store.open(ctx.dbPath.toStdString(), Cost::Store::TeamStore::ReadOnly) || !Pricing::loadCatalog(store.db(), *catalog, error)
        || !Simulation::loadUsage(store.db(), query, *snapshot, error)) {
        std::fprintf(stderr, "burnrate prices: %s\n", store.error().empty() ? error.c_str() : store.error().c_str());
        return 1;
    }
    const Simulation::PricedUsage priced(snapshot, catalog);
    const Simulation::EstimateReport r = Simulation::estimateVsBilled(priced);
    // The estimate follows the stored contracts (Pricing::loadCatalog); the list price is kept beside it.
    auto basis = [](const Simulation::EstimateRow &row) { return row.contract ? "contract" : "list"; };
    // Tokens billed without a model (not itemised) have no bill to compare with: no gap, not in
    // the totals.
    auto status = [](const Simulation::EstimateRow &row) {
        return row.unpriced ? "unpriced" : row.notItemised ? "not_itemised" : row.mismatch ? "mismatch" : "ok";
    };
    auto compared = [](const Simulation::EstimateRow &row) { return !row.unpriced && !row.notItemised; };
    Cost::BigMoney listTotal = 0;
    for (const auto &row : r.rows)
        if (!row.notItemised)
            listTotal += row.listEstimated;
    auto pct = [](double v) { return std::isnan(v) ? std::string() : nlohmann::json(std::round(v * 100) / 100).dump(); };
    for (const auto &u : r.unpriced)
        std::fprintf(stderr, "UNPRICED: %s %s (%s, %s): %lld tokens on %s..%s, %s billed not estimated\n", u.provider.c_str(),
                     u.model.c_str(), Pricing::tierName(u.tier), Pricing::priceKindName(u.kind), static_cast<long long>(u.tokens),
                     Cost::formatDay(u.firstDay).c_str(), Cost::formatDay(u.lastDay).c_str(), money(u.billed).c_str());
    if (format == "json") {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto &row : r.rows)
            rows.push_back({{"provider", row.provider}, {"model", row.model}, {"tier", Pricing::tierName(row.tier)},
                            {"billed", money(row.billed)}, {"estimated", row.unpriced ? nlohmann::json() : nlohmann::json(money(row.estimated))},
                            {"gap", compared(row) ? nlohmann::json(money(row.gap())) : nlohmann::json()},
                            {"gap_pct", compared(row) ? pct(row.gapPercent()) : std::string()}, {"status", status(row)},
                            {"list_estimated", row.unpriced ? nlohmann::json() : nlohmann::json(money(row.listEstimated))},
                            {"price_basis", basis(row)}});
        std::cout << nlohmann::json{{"from", Cost::formatDay(r.fromDay)}, {"to", Cost::formatDay(r.toDay)},
                                    {"billed", money(r.billed)}, {"estimated", money(r.estimated)}, {"gap", money(r.gap())},
                                    {"unpriced_billed", money(r.unpricedBilled)}, {"other_billed", money(r.otherBilled)},
                                    {"not_itemised_estimated", money(r.notItemisedEstimated)},
                                    {"list_estimated", money(listTotal)}, {"models", rows}}
                         .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                  << '\n';
        return 0;
    }
    std::cout << "provider,model,tier,billed,estimated,gap,gap_pct,status,list_estimated,price_basis\n";
    for (const auto &row : r.rows)
        std::cout << row.provider << ',' << row.model << ',' << Pricing::tierName(row.tier) << ',' << money(row.billed) << ','
                  << (row.unpriced ? std::string("UNPRICED") : money(row.estimated)) << ','
                  << (compared(row) ? money(row.gap()) : std::string()) << ',' << (compared(row) ? pct(row.gapPercent()) : std::string())
                  << ',' << status(row) << ','
                  << (row.unpriced ? std::string() : money(row.listEstimated)) << ',' << basis(row) << '\n';
    std::cout << "TOTAL,,," << money(r.billed) << ',' << money(r.estimated) << ',' << money(r.gap()) << ",,," << money(listTotal)
              << ",\n";
    return 0;
}

} // namespace

int runPricesCommand(const CommandContext &ctx, const QStringList &args)
{
    QStringList files;
    std::string model, format = "csv";
    Simulation::UsageQuery query;
    Cli::CommandLine cli(
        QStringLiteral("prices"),
        QStringLiteral("Usage: burnrate prices import FILE.json      LiteLLM model_prices_and_context_window.json, or a Burnrate\n"
                       "                                             catalog (\"burnrate_prices\": 1) as your own prices\n"
                       "       burnrate prices list [--model M] [--format csv|json]\n"
                       "       burnrate prices check [--from DATE] [--to DATE] [--filter DIM=VALUE]... [--format csv|json]\n"
                       "                                             estimated (usage x catalog, with the contracts'\n"
                       "                                             prices where one applies) vs billed, per model\n"));
    cli.setActionMessages({}, QStringLiteral("unknown subcommand %1"));
    cli.action(QStringLiteral("import"), QStringLiteral("FILE.json"))
        .positional({.valueName = QStringLiteral("FILE.json"), .help = QStringLiteral("the price file to import"),
                     .apply = [&](const QString &f) {
                         files << f;
                         return QString();
                     }});
    const QStringList formats{QStringLiteral("csv"), QStringLiteral("json")};
    Cli::CommandLine &listCli = cli.action(QStringLiteral("list"), QStringLiteral("[--model M] [--format csv|json]"));
    listCli.setMissingValueMessage(QStringLiteral("unknown option %1"));
    listCli.value(QStringLiteral("--model"), QStringLiteral("M"), QStringLiteral("only the prices of model M"), model);
    listCli.format(format, formats);
    Cli::CommandLine &checkCli = cli.action(QStringLiteral("check"), QStringLiteral("[--from DATE] [--to DATE] [--filter DIM=VALUE]... [--format csv|json]"));
    checkCli.setMissingValueMessage(QStringLiteral("option %1 needs a value"));
    checkCli.setUnknownTakesValue(true);
    checkCli.setUnknownMessage(QStringLiteral("bad option %1 %2"));
    checkCli.dateRange(query.fromDay, query.toDay);
    checkCli.format(format, formats, {}, QStringLiteral("bad option --format %1"));
    checkCli.filters(query.filters, QStringLiteral("option --filter needs a value"), QStringLiteral("bad option --filter %1"));
    if (const auto done = cli.parse(args))
        return *done;
    if (cli.chosenAction() == QStringLiteral("list"))
        return list(ctx, model, format);
    if (cli.chosenAction() == QStringLiteral("check"))
        return check(ctx, query, format);
    if (files.size() != 1)
        return cli.usageError(QStringLiteral("import needs exactly one FILE.json"));
    return import(ctx, files.first());
}
