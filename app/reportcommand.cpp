#include "commands.h"

#include "cli/commandline.h"
#include "analytics/analytics.h"
#include "domain/timeparse.h"
#include "report/reportwriter.h"
#include "store/pgdb.h"
#include "store/store.h"

#include <QFileInfo>

#include <algorithm>
#include <optional>
#include <cstdio>

int runReportCommand(const CommandContext &ctx, const QStringList &args)
{
    Report::ReportRequest request;
    std::optional<std::int64_t> from, to;
    QString out;
    Cli::CommandLine cli(
        QStringLiteral("report"),
        QStringLiteral("Usage: burnrate report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--filter DIM=VALUE]...\n"
                       "                       [--page-size a4|letter] [--workspace NAME] --out FILE.pdf\n"
                       "--to is inclusive; without --from/--to the report covers all stored data.\n"));
    cli.dateRange(from, to, QStringLiteral("--from/--to need a date"));
    cli.filters(request.filters, {}, {}, true);
    cli.add({.name = QStringLiteral("--page-size"), .valueName = QStringLiteral("a4|letter"),
             .help = QStringLiteral("paper size (default: a4)"), .apply = [&](const QString &v) {
                 return Report::pageSizeFromName(v, request.pageSize) ? QString() : QStringLiteral("--page-size must be a4 or letter");
             },
             .missing = QStringLiteral("--page-size must be a4 or letter")});
    cli.value(QStringLiteral("--workspace"), QStringLiteral("NAME"), QStringLiteral("name on the cover (default: the store's file name)"),
              request.workspace, QStringLiteral("--workspace needs a name"));
    cli.value(QStringLiteral("--out"), QStringLiteral("FILE.pdf"), QStringLiteral("the PDF to write"), out,
              QStringLiteral("--out needs a file name"));
    if (const auto done = cli.parse(args))
        return *done;
    if (out.isEmpty())
        return cli.usageError(QStringLiteral("--out is required"));
    if (!Cost::PgDb::isPostgresLocation(ctx.dbPath.toStdString()) && !QFileInfo::exists(ctx.dbPath)) {
        std::fprintf(stderr, "burnrate report: no store at %s\n", qPrintable(ctx.dbPath));
        return 1;
    }
    if (!from || !to) {
        Cost::Store store;
        if (!openStore(ctx, store, "report", Cost::Store::TeamStore::ReadOnly))
            return 1;
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
