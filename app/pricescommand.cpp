#include "commands.h"

#include "domain/timeparse.h"
#include "pricing/pricecatalog.h"
#include "pricing/pricedusage.h"
#include "pricing/pricestore.h"
#include "pricing/pricingestimate.h"
#include "store/store.h"

#include <QFile>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

namespace {

int usage(const char *why)
{
    if (why)
        std::fprintf(stderr, "burnrate prices: %s\n", why);
    std::fprintf(stderr,
                 "Usage: burnrate prices import FILE.json      LiteLLM model_prices_and_context_window.json, or a Burnrate\n"
                 "                                             catalog (\"burnrate_prices\": 1) as your own prices\n"
                 "       burnrate prices list [--model M] [--format csv|json]\n"
                 "       burnrate prices check [--from DATE] [--to DATE] [--filter DIM=VALUE]... [--format csv|json]\n"
                 "                                             estimated (usage x catalog) vs billed, per model\n");
    return 2;
}

std::string money(Cost::BigMoney v) { return Cost::formatMoney(v, 2); }

std::string optionalPrice(const Pricing::PriceEntry &e, Pricing::PriceKind k)
{
    return e.has(k) ? Cost::formatMoney(e.price(k), 2) : std::string();
}

int list(const CommandContext &ctx, const QStringList &args)
{
    std::string model, format = "csv";
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QStringLiteral("--model") && i + 1 < args.size())
            model = args[++i].toStdString();
        else if (args[i] == QStringLiteral("--format") && i + 1 < args.size())
            format = args[++i].toStdString();
        else
            return usage(("unknown option " + args[i].toStdString()).c_str());
    }
    if (format != "csv" && format != "json")
        return usage("--format must be csv or json");
    Cost::Store store;
    Pricing::PriceCatalog catalog;
    std::string error;
    if (!store.open(ctx.dbPath.toStdString()) || !Pricing::loadCatalog(store.db(), catalog, error)) {
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
        std::cout << nlohmann::json{{"unit", "USD per 1M tokens"}, {"prices", out}}.dump(2) << '\n';
    return 0;
}

int import(const CommandContext &ctx, const QStringList &args)
{
    if (args.size() != 1)
        return usage("import needs exactly one FILE.json");
    QFile file(args[0]);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "burnrate prices: %s: %s\n", qPrintable(args[0]), qPrintable(file.errorString()));
        return 1;
    }
    const QByteArray bytes = file.readAll();
    Cost::Store store;
    if (!store.open(ctx.dbPath.toStdString())) {
        std::fprintf(stderr, "burnrate prices: %s\n", store.error().c_str());
        return 1;
    }
    Pricing::PriceImportResult result;
    std::string error;
    if (!Pricing::importPriceFile(store.db(), std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                                  QFileInfo(args[0]).fileName().toStdString(), result, error)) {
        std::fprintf(stderr, "burnrate prices: %s\n", error.c_str());
        return 1;
    }
    std::printf("imported %d prices for %d models from %s (%s, %s layer); %d entries skipped\n", result.entries, result.models,
                qPrintable(args[0]), result.format.c_str(), Pricing::layerName(result.layer), result.skipped);
    return 0;
}

int check(const CommandContext &ctx, const QStringList &args)
{
    Simulation::UsageQuery query;
    std::string format = "csv";
    for (int i = 0; i < args.size(); ++i) {
        const QString a = args[i];
        if (i + 1 >= args.size())
            return usage(("option " + a.toStdString() + " needs a value").c_str());
        const std::string v = args[++i].toStdString();
        if (a == QStringLiteral("--from") || a == QStringLiteral("--to")) {
            std::int64_t day = 0;
            if (!Cost::parseDate(v, day))
                return usage(("'" + v + "' is not a date (YYYY-MM-DD)").c_str());
            (a == QStringLiteral("--from") ? query.fromDay : query.toDay) = day;
        } else if (a == QStringLiteral("--format") && (v == "csv" || v == "json")) {
            format = v;
        } else if (a == QStringLiteral("--filter") && v.find('=') != std::string::npos) {
            query.filters.emplace_back(v.substr(0, v.find('=')), v.substr(v.find('=') + 1));
        } else {
            return usage(("bad option " + a.toStdString() + " " + v).c_str());
        }
    }
    Cost::Store store;
    auto catalog = std::make_shared<Pricing::PriceCatalog>();
    auto snapshot = std::make_shared<Simulation::UsageSnapshot>();
    std::string error;
    if (!store.open(ctx.dbPath.toStdString()) || !Pricing::loadCatalog(store.db(), *catalog, error)
        || !Simulation::loadUsage(store.db(), query, *snapshot, error)) {
        std::fprintf(stderr, "burnrate prices: %s\n", store.error().empty() ? error.c_str() : store.error().c_str());
        return 1;
    }
    const Simulation::PricedUsage priced(snapshot, catalog);
    const Simulation::EstimateReport r = Simulation::estimateVsBilled(priced);
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
                            {"gap", row.unpriced ? nlohmann::json() : nlohmann::json(money(row.gap()))},
                            {"gap_pct", pct(row.gapPercent())}, {"status", row.unpriced ? "unpriced" : row.mismatch ? "mismatch" : "ok"}});
        std::cout << nlohmann::json{{"from", Cost::formatDay(r.fromDay)}, {"to", Cost::formatDay(r.toDay)},
                                    {"billed", money(r.billed)}, {"estimated", money(r.estimated)}, {"gap", money(r.gap())},
                                    {"unpriced_billed", money(r.unpricedBilled)}, {"other_billed", money(r.otherBilled)},
                                    {"models", rows}}
                         .dump(2)
                  << '\n';
        return 0;
    }
    std::cout << "provider,model,tier,billed,estimated,gap,gap_pct,status\n";
    for (const auto &row : r.rows)
        std::cout << row.provider << ',' << row.model << ',' << Pricing::tierName(row.tier) << ',' << money(row.billed) << ','
                  << (row.unpriced ? std::string("UNPRICED") : money(row.estimated)) << ','
                  << (row.unpriced ? std::string() : money(row.gap())) << ',' << (row.unpriced ? std::string() : pct(row.gapPercent()))
                  << ',' << (row.unpriced ? "unpriced" : row.mismatch ? "mismatch" : "ok") << '\n';
    std::cout << "TOTAL,,," << money(r.billed) << ',' << money(r.estimated) << ',' << money(r.gap()) << ",,\n";
    return 0;
}

} // namespace

int runPricesCommand(const CommandContext &ctx, const QStringList &args)
{
    if (args.isEmpty())
        return usage(nullptr);
    const QString sub = args[0];
    const QStringList rest = args.mid(1);
    if (sub == QStringLiteral("import"))
        return import(ctx, rest);
    if (sub == QStringLiteral("list"))
        return list(ctx, rest);
    if (sub == QStringLiteral("check"))
        return check(ctx, rest);
    return usage(("unknown subcommand " + sub.toStdString()).c_str());
}
