#include "commands.h"

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
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QStringLiteral("--days") && i + 1 < args.size()) {
            options.days = args[++i].toInt();
        } else if (args[i] == QStringLiteral("--end") && i + 1 < args.size()) {
            if (!Cost::parseDate(args[++i].toStdString(), options.endDay)) {
                std::fprintf(stderr, "burnrate demo: --end needs YYYY-MM-DD\n");
                return 2;
            }
        } else {
            std::fprintf(stderr, "Usage: burnrate demo [--days N] [--end YYYY-MM-DD]\n");
            return 2;
        }
    }
    if (options.days < 14 || options.days > 1000) {
        std::fprintf(stderr, "burnrate demo: --days must be between 14 and 1000\n");
        return 2;
    }
    Cost::Store store;
    if (!store.open(ctx.dbPath.toStdString())) {
        std::fprintf(stderr, "burnrate demo: %s\n", store.error().c_str());
        return 1;
    }
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
