#include "commands.h"

#include "cli/commandline.h"
#include "cli/csvfield.h"
#include "endpoints/endpointstats.h"
#include "pricing/pricecatalog.h"
#include "pricing/pricestore.h"
#include "store/store.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>
#include <iostream>

namespace {

QString usageText()
{
    return QStringLiteral("Usage: burnrate endpoints [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|json] [--wide]\n"
                          "Hour-billed endpoints (SageMaker, Azure ML, Vertex AI prediction, provisioned throughput,\n"
                          "Hugging Face) with their use from the telemetry. --to is inclusive. Money is printed as exact\n"
                          "decimals; empty = not known (no requests, no tokens, or no catalog price for the model served).\n");
}

// The contract columns (issue #18), then the --wide ones.
const char *const kColumns[] = {"endpoint",  "provider", "instance_type", "accelerator", "hours",
                                "cost",      "requests", "tokens",        "busy_hours",  "idle_cost",
                                "cost_per_1k_requests", "api_equivalent_cost"};
const char *const kWideColumns[] = {"model_served", "utilisation_percent", "unit_price", "cost_per_1m_tokens",
                                    "break_even_requests_per_month", "currency"};

std::string money(const std::optional<Cost::BigMoney> &v) { return v ? Cost::formatMoney(*v, 2) : std::string(); }

std::vector<std::string> fields(const Endpoints::EndpointStats &s, bool wide)
{
    std::vector<std::string> f = {s.endpoint,
                                  s.provider,
                                  s.instanceType,
                                  s.accelerator,
                                  Endpoints::formatHours(s.hours),
                                  Cost::formatMoney(s.cost, 2),
                                  std::to_string(s.requests),
                                  std::to_string(s.tokens),
                                  Endpoints::formatHours(s.busyHours),
                                  Cost::formatMoney(s.idleCost, 2),
                                  money(s.costPer1kRequests),
                                  money(s.apiEquivalentCost)};
    if (wide) {
        const double u = s.utilisationPercent();
        std::string pct; // std::to_chars: "75.0" under every locale
        if (u >= 0) {
            char buf[32];
            pct.assign(buf, std::to_chars(buf, buf + sizeof buf, u, std::chars_format::fixed, 1).ptr);
        }
        f.insert(f.end(), {s.servedModel, pct, money(s.unitPrice), money(s.costPer1mTokens),
                           s.breakEvenRequestsPerMonth ? std::to_string(*s.breakEvenRequestsPerMonth) : std::string(),
                           s.currency});
    }
    return f;
}

} // namespace

int runEndpointsCommand(const CommandContext &ctx, const QStringList &args)
{
    std::optional<std::int64_t> fromDay, toDay;
    std::string format = "csv";
    bool wide = false;
    Cli::CommandLine cli(QStringLiteral("endpoints"), usageText());
    cli.dateRange(fromDay, toDay, QStringLiteral("--from/--to need a date"));
    cli.format(format, {QStringLiteral("csv"), QStringLiteral("json")}, QStringLiteral("--format must be csv or json"));
    cli.add({.name = QStringLiteral("--wide"),
             .help = QStringLiteral("also model served, utilisation, unit price, cost per 1M tokens, break-even"),
             .apply = [&](const QString &) {
                 wide = true;
                 return QString();
             }});
    if (const auto done = cli.parse(args))
        return *done;
    Cost::Store store;
    if (!openStore(ctx, store, "endpoints", Cost::Store::TeamStore::ReadOnly)) // checked on PostgreSQL too (tst_storecopy)
        return 1;
    Pricing::PriceCatalog catalog;
    std::string error;
    std::vector<Endpoints::EndpointStats> rows;
    if (!Pricing::loadCatalog(store.db(), catalog, error) || !Endpoints::endpointStats(store.db(), catalog, fromDay, toDay, rows, error)) {
        std::fprintf(stderr, "burnrate endpoints: %s\n", error.c_str());
        return 1;
    }
    std::vector<std::string> names(std::begin(kColumns), std::end(kColumns));
    if (wide)
        names.insert(names.end(), std::begin(kWideColumns), std::end(kWideColumns));
    if (format == "json") {
        nlohmann::json out = nlohmann::json::array();
        for (const auto &r : rows) {
            const auto f = fields(r, wide);
            nlohmann::json o = nlohmann::json::object();
            // Numbers as strings: exact decimals (a JSON number would be read back as a double).
            for (std::size_t i = 0; i < names.size(); ++i)
                o[names[i]] = f[i];
            out.push_back(std::move(o));
        }
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }
    std::string line;
    for (const auto &n : names)
        line += (line.empty() ? "" : ",") + n;
    std::cout << line << "\n";
    for (const auto &r : rows) {
        line.clear();
        bool first = true;
        for (const auto &f : fields(r, wide)) {
            line += (first ? "" : ",") + Cli::csvField(f);
            first = false;
        }
        std::cout << line << "\n";
    }
    return 0;
}
