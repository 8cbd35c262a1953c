#include "commands.h"

#include "cli/commandline.h"

#include <QHostAddress>
#include "cli/csvfield.h"
#include "domain/money.h"
#include "domain/timeparse.h"
#include "store/store.h"
#include "telemetry/coverage.h"
#include "telemetry/gatewaylogs.h"
#include "telemetry/mapping.h"
#include "telemetry/otlpimport.h"
#include "telemetry/telemetrycsv.h"
#include "telemetry/telemetrystore.h"

#include "otlp/otlpreceiver.h"
#include "secretstore.h"

#include <QCoreApplication>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <atomic>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <iostream>

namespace {

std::atomic_bool g_stop{false};

extern "C" void stopServing(int) { g_stop = true; }

// `telemetry serve`: the receiver until Ctrl+C or SIGTERM. Every request is committed before it
// is answered, so stopping between two requests loses nothing that was acknowledged.
int serve(Cost::Store &store, const QString &bind, int port)
{
    Otlp::Receiver::Options options;
    options.address = QHostAddress(bind);
    options.port = static_cast<quint16>(port);
    std::string mappingError;
    if (!Telemetry::loadMapping(store.db(), options.mapping, mappingError)) {
        std::fprintf(stderr, "burnrate telemetry: %s\n", mappingError.c_str());
        return 1;
    }
    // The bearer token the app keeps in the keychain (Accounts → Receive OpenTelemetry → New token).
    const Conn::SecretResult token = Conn::readSecret(Conn::otlpTokenSecretKey());
    if (token.ok && !token.value.isEmpty())
        options.bearerToken = token.value.toUtf8();
    else if (!token.ok && !token.notFound)
        std::fprintf(stderr, "burnrate telemetry: no bearer token asked for: the keychain cannot be read (%s)\n",
                     qPrintable(token.error));
    if (options.bearerToken.isEmpty() && !options.address.isLoopback())
        std::fprintf(stderr, "burnrate telemetry: listening on %s without a bearer token: any machine that reaches it can "
                             "add telemetry\n",
                     qPrintable(options.address.toString()));
    Otlp::Receiver receiver(store.db(), options);
    QObject::connect(&receiver, &Otlp::Receiver::stored, [](qint64 calls, qint64 duplicates) {
        std::printf("stored %lld model calls", static_cast<long long>(calls));
        if (duplicates > 0)
            std::printf(" (%lld received before, not counted again)", static_cast<long long>(duplicates));
        std::printf("\n");
        std::fflush(stdout);
    });
    QObject::connect(&receiver, &Otlp::Receiver::refused, [](int status, const QString &why) {
        std::fprintf(stderr, "burnrate telemetry: refused a request (%d): %s\n", status, qPrintable(why));
    });
    std::string error;
    if (!receiver.listen(error)) {
        std::fprintf(stderr, "burnrate telemetry: %s\n", error.c_str());
        return 1;
    }
    std::printf("Receiving OpenTelemetry traces on http://%s:%d/v1/traces (OTLP/HTTP, protobuf or JSON%s). Ctrl+C stops.\n",
                qPrintable(options.address.toString()), receiver.port(),
                options.bearerToken.isEmpty() ? "" : ", bearer token from the keychain required");
    std::fflush(stdout);
    std::signal(SIGINT, stopServing);
    std::signal(SIGTERM, stopServing);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [] {
        if (g_stop)
            QCoreApplication::quit();
    });
    poll.start(100);
    QCoreApplication::exec();
    const auto &stats = receiver.stats();
    std::printf("Stopped: %lld requests, %lld model calls stored, %lld repeats, %lld refused", static_cast<long long>(stats.requests),
                static_cast<long long>(stats.calls), static_cast<long long>(stats.duplicates), static_cast<long long>(stats.refused));
    if (stats.behind > 0)
        std::printf(" (%lld of them asked to send again later: the receiver was behind)", static_cast<long long>(stats.behind));
    if (stats.turnedAway > 0)
        std::printf(", %lld connections over the limit turned away", static_cast<long long>(stats.turnedAway));
    std::printf(".\n");
    return 0;
}

// Which source wrote the file, from its first bytes: OTLP JSON requests, LiteLLM spend logs
// (JSON or CSV), Langfuse observations, else the telemetry CSV.
std::string sniff(std::string_view text)
{
    const std::string_view head = text.substr(0, 4096);
    const std::size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    const bool json = first != std::string_view::npos && (head[first] == '{' || head[first] == '[');
    if (json && head.find("\"resourceSpans\"") != std::string_view::npos)
        return "otlp";
    if (head.find("request_id") != std::string_view::npos && head.find("prompt_tokens") != std::string_view::npos)
        return "litellm";
    if (json && head.find("\"usageDetails\"") != std::string_view::npos)
        return "langfuse";
    return json ? "otlp" : "csv";
}

int importFiles(Cost::Store &store, const QStringList &files, const std::string &format)
{
    Telemetry::Mapping mapping;
    std::string mappingError;
    if (!Telemetry::loadMapping(store.db(), mapping, mappingError)) {
        std::fprintf(stderr, "burnrate telemetry: %s\n", mappingError.c_str());
        return 1;
    }
    int failures = 0;
    for (const QString &file : files) {
        QByteArray bytes;
        if (!readInputFile(file, bytes, "telemetry")) {
            ++failures;
            continue;
        }
        const std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        const std::string source = format.empty() ? sniff(text) : format;
        const bool otlp = source == "otlp";
        std::vector<Telemetry::Usage> usage;
        Telemetry::OtlpSummary summary;
        std::string error;
        Telemetry::IngestResult result;
        bool done = false;
        if (otlp) { // parsed on other cores while stored, one transaction
            done = Telemetry::importOtlpLines(store.db(), source, text, mapping, result, summary, error);
        } else {
            if (source == "litellm")
                done = text.find_first_not_of(" \t\r\n") != std::string_view::npos
                        && (text[text.find_first_not_of(" \t\r\n")] == '[' || text[text.find_first_not_of(" \t\r\n")] == '{')
                    ? Telemetry::parseLiteLlmSpendLogs(text, usage, error)
                    : Telemetry::parseLiteLlmSpendLogsCsv(text, usage, error);
            else if (source == "langfuse")
                done = Telemetry::parseLangfuseObservations(text, usage, error);
            else
                done = Telemetry::parseTelemetryCsv(text, usage, error);
            done = done && Telemetry::ingest(store.db(), source, usage, result, error);
        }
        if (!done) { // "line N: …" from a parser, else the store's error
            const bool atLine = error.rfind("line ", 0) == 0;
            std::fprintf(stderr, "burnrate telemetry: %s:%s%s (nothing imported from it)\n", qPrintable(file), atLine ? "" : " ",
                         atLine ? error.substr(5).c_str() : error.c_str());
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
    return failures == 0 ? 0 : 1;
}

std::string percentText(double pct)
{
    if (pct < 0)
        return {};
    // std::to_chars, not printf: CSV and JSON stay locale-free ("50.0" under a German locale too).
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, pct, std::chars_format::fixed, 1);
    return std::string(buf, r.ptr);
}

// `telemetry mapping [--import FILE]`: replaces the stored mapping with FILE's (validated first),
// then prints the mapping in force as JSON.
int mappingCommand(Cost::Store &store, const QString &file)
{
    Telemetry::Mapping mapping;
    std::string error;
    if (!file.isEmpty()) {
        QByteArray bytes;
        if (!readInputFile(file, bytes, "telemetry"))
            return 1;
        if (!Telemetry::fromJson(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), mapping, error)) {
            std::fprintf(stderr, "burnrate telemetry: %s: %s (the stored mapping is unchanged)\n", qPrintable(file), error.c_str());
            return 1;
        }
        if (!Telemetry::saveMapping(store.db(), mapping, error)) {
            std::fprintf(stderr, "burnrate telemetry: %s\n", error.c_str());
            return 1;
        }
    } else if (!Telemetry::loadMapping(store.db(), mapping, error)) {
        std::fprintf(stderr, "burnrate telemetry: %s\n", error.c_str());
        return 1;
    }
    std::fputs(Telemetry::toJson(mapping).c_str(), stdout);
    return 0;
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
        QStringLiteral("Usage: burnrate telemetry import [--format F] FILE...   add model calls your applications recorded: OTLP JSON\n"
                       "                                           (one export request per line, as the OpenTelemetry\n"
                       "                                           Collector's file exporter writes) or the telemetry CSV\n"
                       "                                           (timestamp,provider,model,input_tokens[,output_tokens,\n"
                       "                                           cached_input_tokens,cache_write_tokens,requests,\n"
                       "                                           latency_ms,feature,team,user,id]); a call already\n"
                       "                                           stored is not counted again; LiteLLM spend logs\n"
                       "                                           (JSON or CSV) and Langfuse observations (JSON) too\n"
                       "       burnrate telemetry serve [--port 4318] [--bind 127.0.0.1]\n"
                       "                                           receive OTLP/HTTP traces from your applications'\n"
                       "                                           OpenTelemetry exporters until Ctrl+C; asks for the\n"
                       "                                           bearer token the app keeps in the keychain, if any\n"
                       "       burnrate telemetry mapping [--import FILE]\n"
                       "                                           which span attributes name the feature, team and\n"
                       "                                           user (JSON); --import replaces them for what is\n"
                       "                                           received or imported from then on\n"));
    cli.setActionMessages({}, QStringLiteral("unknown subcommand %1"));
    Cli::CommandLine &importCli = cli.action(QStringLiteral("import"), QStringLiteral("[--format otlp|csv|litellm|langfuse] FILE..."));
    importCli.positional({.valueName = QStringLiteral("FILE..."), .help = QStringLiteral("OTLP JSON or telemetry CSV files"),
                          .apply = [&](const QString &f) {
                              files << f;
                              return QString();
                          }});
    QString port = QStringLiteral("4318"), bind = QStringLiteral("127.0.0.1");
    Cli::CommandLine &serveCli = cli.action(QStringLiteral("serve"), QStringLiteral("[--port 4318] [--bind 127.0.0.1]"));
    serveCli.value(QStringLiteral("--port"), QStringLiteral("N"), QStringLiteral("the port to listen on (default 4318, OTLP/HTTP's; 0: any free one)"), port);
    serveCli.value(QStringLiteral("--bind"), QStringLiteral("ADDRESS"),
                   QStringLiteral("the address to listen on (default 127.0.0.1: this machine only)"), bind);
    QString mappingFile;
    Cli::CommandLine &mappingCli = cli.action(QStringLiteral("mapping"), QStringLiteral("[--import FILE]"));
    mappingCli.value(QStringLiteral("--import"), QStringLiteral("FILE"),
                     QStringLiteral("a mapping in the JSON format `telemetry mapping` prints, checked before it is stored"),
                     mappingFile);
    std::string format;
    importCli.value(QStringLiteral("--format"), QStringLiteral("otlp|csv|litellm|langfuse"),
                    QStringLiteral("what the files are (default: told from their first bytes)"), format);
    if (const auto done = cli.parse(args))
        return *done;
    if (!format.empty() && format != "otlp" && format != "csv" && format != "litellm" && format != "langfuse")
        return cli.usageError("--format must be otlp, csv, litellm or langfuse");
    const bool serving = cli.chosenAction() == QStringLiteral("serve");
    bool portOk = false;
    const int portNumber = port.toInt(&portOk);
    if (serving && (!portOk || portNumber < 0 || portNumber > 65535))
        return cli.usageError("--port must be a number from 0 to 65535");
    if (serving && QHostAddress(bind).isNull())
        return cli.usageError("--bind must be an IP address (127.0.0.1, ::1, 0.0.0.0)");
    const bool mapping = cli.chosenAction() == QStringLiteral("mapping");
    if (!serving && !mapping && files.isEmpty())
        return cli.usageError("import needs at least one FILE");
    Cost::Store store;
    if (!openStore(ctx, store, "telemetry"))
        return 1;
    if (serving)
        return serve(store, bind, portNumber);
    if (mapping)
        return mappingCommand(store, mappingFile);
    return importFiles(store, files, format);
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
    if (!openStore(ctx, store, "coverage", Cost::Store::TeamStore::ReadOnly)) // checked on PostgreSQL too (tst_storecopy)
        return 1;
    return printCoverage(store, fromDay, toDay, format);
}
