#include "commands.h"

#include "cli/commandline.h"
#include "domain/timeparse.h"
#include "import/demogenerator.h"
#include "store/store.h"

#include <QDate>
#include <QDateTime>

#include <chrono>
#include <cstdio>

int runDemoCommand(const CommandContext &ctx, const QStringList &args)
{
    Cost::DemoOptions options;
    const QDate today = QDate::currentDate();
    options.endDay = Cost::daysFromCivil(today.year(), static_cast<unsigned>(today.month()), static_cast<unsigned>(today.day()));
    // Today's data stops at the current hour, like a live account's.
    options.endTime = QDateTime::currentSecsSinceEpoch() / 3600 * 3600;
    Cli::CommandLine cli(QStringLiteral("demo"), QStringLiteral("Usage: burnrate demo [--days N] [--end YYYY-MM-DD]\n"));
    cli.setUsageOnlyErrors();
    cli.add({.name = QStringLiteral("--days"), .valueName = QStringLiteral("N"),
             .help = QStringLiteral("days of data, 14 to 1000 (default: %1)").arg(options.days), .apply = [&](const QString &v) {
                 options.days = v.toInt();
                 return QString();
             }});
    cli.add({.name = QStringLiteral("--end"), .valueName = QStringLiteral("YYYY-MM-DD"),
             .help = QStringLiteral("the last day (default: today)"), .apply = [&](const QString &v) {
                 return Cost::parseDate(v.toStdString(), options.endDay) ? QString() : QStringLiteral("--end needs YYYY-MM-DD");
             },
             .usageOnError = false});
    if (const auto done = cli.parse(args))
        return *done;
    if (options.days < 14 || options.days > 1000)
        return cli.fail(QStringLiteral("--days must be between 14 and 1000"), 2);
    Cost::Store store;
    if (!openStore(ctx, store, "demo"))
        return 1;
    const auto t0 = std::chrono::steady_clock::now();
    Cost::IngestResult result;
    std::string error;
    if (!Cost::generateDemo(store.db(), options, {}, nullptr, result, error)) {
        std::fprintf(stderr, "burnrate demo: %s\n", error.c_str());
        return 1;
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("demo workspace: %lld rows written, %lld replaced, %s to %s, in %.2f s\n",
                static_cast<long long>(result.rows), static_cast<long long>(result.replaced),
                Cost::formatDay(options.endDay - options.days + 1).c_str(), Cost::formatDay(options.endDay).c_str(), secs);
    return 0;
}
