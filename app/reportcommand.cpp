#include "commands.h"

#include "analytics/analytics.h"
#include "domain/timeparse.h"
#include "report/reportwriter.h"
#include "store/store.h"

#include <QFileInfo>

#include <algorithm>
#include <optional>
#include <cstdio>

namespace {

int usage(const char *why)
{
    if (why)
        std::fprintf(stderr, "burnrate report: %s\n", why);
    std::fprintf(stderr, "Usage: burnrate report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--filter DIM=VALUE]...\n"
                         "                       [--page-size a4|letter] [--workspace NAME] --out FILE.pdf\n"
                         "--to is inclusive; without --from/--to the report covers all stored data.\n");
    return 2;
}

} // namespace

int runReportCommand(const CommandContext &ctx, const QStringList &args)
{
    Report::ReportRequest request;
    std::optional<std::int64_t> from, to;
    QString out;
    for (int i = 0; i < args.size(); ++i) {
        const QString a = args[i];
        QString v;
        auto value = [&] {
            if (i + 1 >= args.size())
                return false;
            v = args[++i];
            return true;
        };
        if (a == QStringLiteral("--from") || a == QStringLiteral("--to")) {
            if (!value())
                return usage("--from/--to need a date");
            std::int64_t day = 0;
            if (!Cost::parseDate(v.toStdString(), day))
                return usage(("'" + v.toStdString() + "' is not a date (YYYY-MM-DD)").c_str());
            (a == QStringLiteral("--from") ? from : to) = day;
        } else if (a == QStringLiteral("--filter")) {
            if (!value() || !v.contains(QLatin1Char('=')))
                return usage("--filter needs DIM=VALUE");
            const QString dim = v.section(QLatin1Char('='), 0, 0).trimmed();
            const auto &dims = Analytics::dimensionNames();
            if (std::find(dims.begin(), dims.end(), dim.toStdString()) == dims.end())
                return usage(("unknown dimension '" + dim.toStdString() + "'").c_str());
            request.filters.emplace_back(dim.toStdString(), v.section(QLatin1Char('='), 1).toStdString());
        } else if (a == QStringLiteral("--page-size")) {
            if (!value() || !Report::pageSizeFromName(v, request.pageSize))
                return usage("--page-size must be a4 or letter");
        } else if (a == QStringLiteral("--workspace")) {
            if (!value())
                return usage("--workspace needs a name");
            request.workspace = v;
        } else if (a == QStringLiteral("--out")) {
            if (!value())
                return usage("--out needs a file name");
            out = v;
        } else {
            return usage(("unknown option " + a.toStdString()).c_str());
        }
    }
    if (out.isEmpty())
        return usage("--out is required");
    if (!QFileInfo::exists(ctx.dbPath)) {
        std::fprintf(stderr, "burnrate report: no store at %s\n", qPrintable(ctx.dbPath));
        return 1;
    }
    if (!from || !to) {
        Cost::Store store;
        if (!store.open(ctx.dbPath.toStdString())) {
            std::fprintf(stderr, "burnrate report: %s\n", store.error().c_str());
            return 1;
        }
        std::int64_t first = 0, last = 0;
        if (!Analytics::dataRange(store.db(), first, last)) {
            std::fprintf(stderr, "burnrate report: the store has no charges; give --from and --to\n");
            return 1;
        }
        from = from.value_or(first);
        to = to.value_or(last);
    }
    request.fromDay = *from;
    request.toDay = *to;
    if (request.workspace.isEmpty())
        request.workspace = QFileInfo(ctx.dbPath).completeBaseName();

    Report::ReportWriter writer(request);
    if (!writer.write(ctx.dbPath, out)) {
        std::fprintf(stderr, "burnrate report: %s\n", qPrintable(writer.error()));
        return 1;
    }
    std::printf("%s (%d pages)\n", qPrintable(out), writer.stats().pages);
    return 0;
}
