// burnrate anomalies [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|json]
//
// Lists the stored anomalies that overlap the range (--to inclusive), newest first, with their
// ranked root causes. When the store changed since the last scan (an import, the demo, new rules
// or settings), the scan runs first, so the list always reflects the stored charges.
// Money is printed as exact decimals. Exit codes: 0 success, 1 store error, 2 usage error.

#include "commands.h"

#include "cli/commandline.h"
#include "cli/csvfield.h"
#include "anomaly/anomalyscan.h"
#include "anomaly/anomalystore.h"
#include "domain/numtext.h"
#include "domain/timeparse.h"
#include "store/store.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <optional>

namespace {

std::string percentText(double p)
{
    if (!std::isfinite(p))
        return {};
    return Cost::formatNumber(p, 1);
}

std::string shareText(double share)
{
    return Cost::formatNumber(share * 100.0, 1) + "%";
}

} // namespace

/// Runs the anomaly scan after an import or sync; prints a one-line summary (or the error).
/// Returns false when the scan failed (the import itself stands).
bool runPostImportAnomalyScan(Cost::Store &store, const char *command)
{
    Analytics::ScanResult result;
    std::string error;
    if (!Analytics::runAnomalyScan(store.db(), result, error)) {
        std::fprintf(stderr, "burnrate %s: anomaly scan failed: %s\n", command, error.c_str());
        return false;
    }
    std::printf("anomalies: %d series scanned, %zu new, %d in all (%.3f s)\n", result.series, result.newIds.size(),
                result.found, result.seconds);
    return true;
}

int runAnomaliesCommand(const CommandContext &ctx, const QStringList &args)
{
    std::optional<std::int64_t> fromDay, toDay;
    std::string format = "csv";
    Cli::CommandLine cli(
        QStringLiteral("anomalies"),
        QStringLiteral("Usage: burnrate anomalies [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|json]\n"
                       "Lists stored cost anomalies overlapping the range (--to inclusive) with their root causes.\n"));
    cli.dateRange(fromDay, toDay);
    cli.format(format, {QStringLiteral("csv"), QStringLiteral("json")});
    if (const auto done = cli.parse(args))
        return *done;
    std::optional<std::int64_t> from, to; // seconds: the anomalies overlapping [from, to)
    if (fromDay)
        from = *fromDay * 86400;
    if (toDay)
        to = (*toDay + 1) * 86400;
    if (from && to && *to <= *from)
        return cli.usageError(QStringLiteral("--to is before --from"));

    Cost::Store store;
    if (!openStore(ctx, store, "anomalies", Cost::Store::TeamStore::ReadWrite))
        return 1;
    if (!Analytics::scanIsCurrent(store.db())) {
        std::fprintf(stderr, "burnrate anomalies: the store changed since the last scan; scanning\u2026\n");
        Analytics::ScanResult result;
        std::string error;
        if (!Analytics::runAnomalyScan(store.db(), result, error)) {
            std::fprintf(stderr, "burnrate anomalies: scan failed: %s\n", error.c_str());
            return 1;
        }
    }
    Analytics::AnomalyStore anomalies(store.db());
    std::vector<Analytics::Anomaly> list;
    std::string error;
    if (!anomalies.list(from, to, list, error)) {
        std::fprintf(stderr, "burnrate anomalies: %s\n", error.c_str());
        return 1;
    }

    nlohmann::json json = nlohmann::json::array();
    if (format == "csv")
        std::cout << "id,start,end,grain,series_dimension,series_value,actual,expected,band_low,band_high,impact,"
                     "impact_percent,score,status,explanation,root_causes\n";
    for (const Analytics::Anomaly &a : list) {
        std::vector<Analytics::CauseItem> causes;
        if (!anomalies.causes(a.id, causes, error)) {
            std::fprintf(stderr, "burnrate anomalies: %s\n", error.c_str());
            return 1;
        }
        if (format == "json") {
            nlohmann::json c = nlohmann::json::array();
            for (const auto &item : causes)
                c.push_back({{"dimension", item.dimension}, {"value", item.value}, {"actual", Cost::formatMoney(item.actual)},
                             {"baseline", Cost::formatMoney(item.baseline)}, {"share", item.share}});
            const double pct = a.impactPercent();
            json.push_back({{"id", a.id}, {"start", Cost::formatTimestamp(a.start)}, {"end", Cost::formatTimestamp(a.end)},
                            {"grain", Analytics::anomalyGrainName(a.grain)},
                            {"series", {{"dimension", a.series.dimension}, {"value", a.series.value}}},
                            {"actual", Cost::formatMoney(a.actual)}, {"expected", Cost::formatMoney(a.expected)},
                            {"band_low", Cost::formatMoney(a.bandLow)}, {"band_high", Cost::formatMoney(a.bandHigh)},
                            {"impact", Cost::formatMoney(a.impact())},
                            {"impact_percent", std::isfinite(pct) ? nlohmann::json(pct) : nlohmann::json(nullptr)},
                            {"score", a.score}, {"status", Analytics::anomalyStatusName(a.status)},
                            {"explanation", a.explanation}, {"root_causes", c}});
            continue;
        }
        std::string causeText;
        for (const auto &item : causes) {
            if (!causeText.empty())
                causeText += "; ";
            causeText += item.dimension + '=' + item.value + ' ' + shareText(item.share);
        }
        std::cout << a.id << ',' << Cost::formatTimestamp(a.start) << ',' << Cost::formatTimestamp(a.end) << ','
                  << Analytics::anomalyGrainName(a.grain) << ',' << Cli::csvField(a.series.dimension) << ','
                  << Cli::csvField(a.series.value) << ',' << Cost::formatMoney(a.actual) << ',' << Cost::formatMoney(a.expected)
                  << ',' << Cost::formatMoney(a.bandLow) << ',' << Cost::formatMoney(a.bandHigh) << ','
                  << Cost::formatMoney(a.impact()) << ',' << percentText(a.impactPercent()) << ',' << a.score << ','
                  << Analytics::anomalyStatusName(a.status) << ',' << Cli::csvField(a.explanation) << ',' << Cli::csvField(causeText)
                  << '\n';
    }
    if (format == "json")
        std::cout << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return 0;
}
