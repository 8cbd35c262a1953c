#include "commands.h"

#include "cli/commandline.h"
#include "cli/csvfield.h"
#include "domain/money.h"
#include "domain/timeparse.h"
#include "store/store.h"
#include "telemetry/coverage.h"
#include "telemetry/otlpjson.h"
#include "telemetry/telemetrycsv.h"
#include "telemetry/telemetrystore.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace {

// OTLP JSON as the Collector's file exporter writes it (one export request per line), or one
// request spread over the whole file. False with "line N: where: what".
bool readOtlpLines(std::string_view text, std::vector<Telemetry::Usage> &usage, Telemetry::OtlpSummary &summary,
                   std::string &error)
{
    const Telemetry::Mapping mapping;
    std::size_t pos = 0;
    std::int64_t line = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view one = text.substr(pos, end - pos);
        ++line;
        pos = end + 1;
        if (one.find_first_not_of(" \t\r") == std::string_view::npos)
            continue;
        std::string why;
        if (!Telemetry::parseOtlpJson(one, mapping, usage, summary, why)) {
            // A pretty-printed single request spans many lines: read it whole.
            if (line == 1 && usage.empty()) {
                Telemetry::OtlpSummary whole;
                std::string wholeWhy;
                if (Telemetry::parseOtlpJson(text, mapping, usage, whole, wholeWhy)) {
                    summary = whole;
                    return true;
                }
            }
            error = "line " + std::to_string(line) + ": " + why;
            return false;
        }
    }
    return true;
}

int importFiles(Cost::Store &store, const QStringList &files, Cli::CommandLine &cli)
{
    int failures = 0;
    for (const QString &file : files) {
        QByteArray bytes;
        if (!readInputFile(file, bytes, "telemetry")) {
            ++failures;
            continue;
        }
        const std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        const std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
        const bool otlp = first != std::string_view::npos && text[first] == '{';
        std::vector<Telemetry::Usage> usage;
        Telemetry::OtlpSummary summary;
        std::string error;
        const bool parsed = otlp ? readOtlpLines(text, usage, summary, error) : Telemetry::parseTelemetryCsv(text, usage, error);
        if (!parsed) {
            std::fprintf(stderr, "burnrate telemetry: %s:%s%s (nothing imported from it)\n", qPrintable(file),
                         error.rfind("line ", 0) == 0 ? "" : " ", error.rfind("line ", 0) == 0 ? error.substr(5).c_str() : error.c_str());
            ++failures;
            continue;
        }
        Telemetry::IngestResult result;
        if (!Telemetry::ingest(store.db(), otlp ? "otlp" : "csv", usage, result, error)) {
            std::fprintf(stderr, "burnrate telemetry: %s: %s (nothing imported from it)\n", qPrintable(file), error.c_str());
            ++failures;
            continue;
        }
        std::printf("%s: %lld model calls added (%lld requests, %lld tokens), %lld already stored", qPrintable(file),
                    static_cast<long long>(result.calls), static_cast<long long>(result.requests),
                    static_cast<long long>(result.tokens), static_cast<long long>(result.duplicates));
        if (otlp)
            std::printf(", %lld other spans skipped", static_cast<long long>(summary.spans - summary.modelCalls));
        std::printf("\n");
    }
    (void)cli;
    return failures == 0 ? 0 : 1;
}

std::string percentText(double pct)
{
    if (pct < 0)
        return {};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", pct);
    return buf;
}

int printCoverage(Cost::Store &store, std::optional<std::int64_t> from, std::optional<std::int64_t> to, const std::string &format)
{
    Cost::SqliteDb &db = store.db();
    const std::int64_t firstDay = std::min(db.scalar("SELECT min(day) FROM rollup_daily", INT64_MAX),
                                           db.scalar("SELECT min(hour) / 24 FROM telemetry_usage", INT64_MAX));
    const std::int64_t lastDay = std::max(db.scalar("SELECT max(day) FROM rollup_daily", INT64_MIN),
                                          db.scalar("SELECT max(hour) / 24 FROM telemetry_usage", INT64_MIN));
    std::vector<Telemetry::CoverageRow> rows;
    std::string error;
    if (firstDay <= lastDay && !Telemetry::coverage(db, from.value_or(firstDay), to.value_or(lastDay), rows, error)) {
        std::fprintf(stderr, "burnrate coverage: %s\n", error.c_str());
        return 1;
    }
    const auto kind = [](const Telemetry::CoverageRow &r) { return std::string(Cost::tokenKindName(r.kind)); };
    const auto estimate = [](const Telemetry::CoverageRow &r) { return r.priced ? Cost::formatMoney(r.estimate, 2) : std::string(); };
    if (format == "json") {
        nlohmann::json out = nlohmann::json::array();
        for (const auto &r : rows)
            out.push_back({{"day", Cost::formatDay(r.day)}, {"provider", r.provider}, {"model", r.model}, {"token_kind", kind(r)},
                           {"billed_tokens", r.billedTokens}, {"telemetry_tokens", r.telemetryTokens},
                           {"coverage_pct", percentText(r.coveragePercent())}, {"billed", Cost::formatMoney(r.billed, 2)},
                           {"telemetry_estimate", estimate(r)}, {"currency", r.currency}, {"flagged", r.flagged()}});
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return 0;
    }
    std::cout << "day,provider,model,token_kind,billed_tokens,telemetry_tokens,coverage_pct,billed,telemetry_estimate\n";
    for (const auto &r : rows)
        std::cout << Cost::formatDay(r.day) << ',' << Cli::csvField(r.provider) << ',' << Cli::csvField(r.model) << ',' << kind(r)
                  << ',' << r.billedTokens << ',' << r.telemetryTokens << ',' << percentText(r.coveragePercent()) << ','
                  << Cost::formatMoney(r.billed, 2) << ',' << estimate(r) << '\n';
    return 0;
}

} // namespace

int runTelemetryCommand(const CommandContext &ctx, const QStringList &args)
{
    QStringList files;
    Cli::CommandLine cli(
        QStringLiteral("telemetry"),
        QStringLiteral("Usage: burnrate telemetry import FILE...   add model calls your applications recorded: OTLP JSON\n"
                       "                                           (one export request per line, as the OpenTelemetry\n"
                       "                                           Collector's file exporter writes) or the telemetry CSV\n"
                       "                                           (timestamp,provider,model,input_tokens[,output_tokens,\n"
                       "                                           cached_input_tokens,cache_write_tokens,requests,\n"
                       "                                           latency_ms,feature,team,user,id]); a call already\n"
                       "                                           stored is not counted again\n"));
    cli.setActionMessages({}, QStringLiteral("unknown subcommand %1"));
    Cli::CommandLine &importCli = cli.action(QStringLiteral("import"), QStringLiteral("FILE..."));
    importCli.positional({.valueName = QStringLiteral("FILE..."), .help = QStringLiteral("OTLP JSON or telemetry CSV files"),
                          .apply = [&](const QString &f) {
                              files << f;
                              return QString();
                          }});
    if (const auto done = cli.parse(args))
        return *done;
    if (files.isEmpty())
        return cli.usageError("import needs at least one FILE");
    Cost::Store store;
    if (!openStore(ctx, store, "telemetry"))
        return 1;
    return importFiles(store, files, cli);
}

int runCoverageCommand(const CommandContext &ctx, const QStringList &args)
{
    std::optional<std::int64_t> fromDay, toDay;
    std::string format = "csv";
    Cli::CommandLine cli(QStringLiteral("coverage"),
                         QStringLiteral("Usage: burnrate coverage [--from DATE] [--to DATE] [--format csv|json]\n"
                                        "How much of each day's billed tokens (provider, model, token kind) the telemetry\n"
                                        "accounts for, and what the telemetry would cost at list prices.\n"));
    cli.dateRange(fromDay, toDay);
    cli.format(format, {QStringLiteral("csv"), QStringLiteral("json")});
    if (const auto done = cli.parse(args))
        return *done;
    Cost::Store store;
    if (!openStore(ctx, store, "coverage"))
        return 1;
    return printCoverage(store, fromDay, toDay, format);
}
