#include "commands.h"

#include "cli/commandline.h"
#include "cli/csvfield.h"
#include "domain/timeparse.h"
#include "recommend/quotaexport.h"
#include "recommend/recommend.h"
#include "recommend/recommendscan.h"
#include "simulation/scenario.h"
#include "store/store.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

namespace {

std::string money(Cost::BigMoney v) { return Cost::formatMoney(v, 2); }

// "0.6": std::to_chars, so CSV and JSON stay locale-free.
std::string confidenceText(double c)
{
    char buf[16];
    const auto r = std::to_chars(buf, buf + sizeof buf, c, std::chars_format::fixed, 1);
    return std::string(buf, r.ptr);
}

} // namespace

int runRecommendCommand(const CommandContext &ctx, const QStringList &args)
{
    std::string format = "csv", quotas, quotaFormatName;
    std::optional<std::int64_t> from, to;
    Cli::CommandLine cli(QStringLiteral("recommend"),
                         QStringLiteral("Usage: burnrate recommend [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|json]\n"
                                        "                         [--quotas FILE [--quota-format litellm|openai]]\n"
                                        "Savings opportunities in the period's usage (default: the last 30 days with data), each\n"
                                        "priced by the scenario engine; its scenario column is what `burnrate simulate` takes.\n"
                                        "Columns: kind,scope,monthly_savings,low,high,confidence,scenario.\n"
                                        "--quotas writes the guardrails' suggested daily limits as a file for a LiteLLM proxy\n"
                                        "(tag budgets) or OpenAI project spend limits; Burnrate never applies them.\n"));
    cli.dateRange(from, to);
    cli.format(format, {QStringLiteral("csv"), QStringLiteral("json")});
    cli.value(QStringLiteral("--quotas"), QStringLiteral("FILE"), QStringLiteral("write the guardrails' suggested limits to FILE"), quotas);
    cli.value(QStringLiteral("--quota-format"), QStringLiteral("litellm|openai"),
              QStringLiteral("the quota file's format (default litellm)"), quotaFormatName);
    if (const auto done = cli.parse(args))
        return *done;
    Recommend::QuotaFormat quotaFormat = Recommend::QuotaFormat::LiteLlm;
    if (!quotaFormatName.empty() && quotas.empty())
        return cli.usageError("--quota-format needs --quotas FILE");
    if (!quotaFormatName.empty() && !Recommend::parseQuotaFormat(quotaFormatName, quotaFormat))
        return cli.usageError("--quota-format must be litellm or openai");
    Cost::Store store;
    if (!openStore(ctx, store, "recommend", Cost::Store::TeamStore::ReadWrite))
        return 1;
    Simulation::UsageQuery query;
    query.fromDay = from;
    query.toDay = to;
    if (query.fromDay && !query.toDay)
        query.toDay = *query.fromDay + 29;
    Recommend::Scan scan;
    std::string error;
    if (!Recommend::scan(store.db(), query, scan, error)) {
        std::fprintf(stderr, "burnrate recommend: %s\n", error.c_str());
        return 1;
    }
    const Simulation::UsageSnapshot &snapshot = *scan.usage;
    const std::vector<Recommend::Recommendation> &found = scan.found;
    if (!quotas.empty()) {
        std::ofstream file(quotas, std::ios::binary | std::ios::trunc);
        file << Recommend::quotaFile(found, quotaFormat, snapshot.fromDay, snapshot.toDay, snapshot.currency);
        file.close();
        if (!file)
            return cli.fail("cannot write " + quotas);
    }
    if (format == "json") {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto &r : found) {
            rows.push_back({{"kind", Recommend::kindName(r.kind)}, {"scope", r.scope}, {"feature", r.feature},
                            {"provider", r.provider}, {"model", r.model}, {"monthly_savings", money(r.result.monthly)},
                            {"low", money(r.result.monthlyLow)}, {"high", money(r.result.monthlyHigh)},
                            {"confidence", confidenceText(r.confidence)}, {"evidence", r.evidence},
                            {"scenario", nlohmann::json::parse(Simulation::scenarioToJson(r.scenario))}});
            if (r.kind == Recommend::Kind::Guardrail) {
                rows.back()["daily_limit"] = money(r.dailyLimit);
                rows.back()["fallback_model"] = r.fallbackModel;
            }
        }
        std::cout << nlohmann::json{{"from", Cost::formatDay(snapshot.fromDay)}, {"to", Cost::formatDay(snapshot.toDay)},
                                    {"currency", snapshot.currency}, {"recommendations", rows}}
                         .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                  << '\n';
        return 0;
    }
    std::cout << "kind,scope,monthly_savings,low,high,confidence,scenario\n";
    for (const auto &r : found) {
        // The scenario on one line, as a CSV field.
        const std::string scenario = nlohmann::json::parse(Simulation::scenarioToJson(r.scenario)).dump();
        std::cout << Recommend::kindName(r.kind) << ',' << Cli::csvField(r.scope) << ',' << money(r.result.monthly) << ','
                  << money(r.result.monthlyLow) << ',' << money(r.result.monthlyHigh) << ',' << confidenceText(r.confidence)
                  << ',' << Cli::csvField(scenario) << '\n';
    }
    return 0;
}
