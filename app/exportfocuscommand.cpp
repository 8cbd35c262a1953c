#include "commands.h"

#include "cli/commandline.h"
#include "export/focusexport.h"
#include "store/pgdb.h"
#include "store/store.h"

#include <QFileInfo>

#include <cstdio>

int runExportFocusCommand(const CommandContext &ctx, const QStringList &args)
{
    Export::FocusExportRequest request;
    QString out;
    Cli::CommandLine cli(
        QStringLiteral("export-focus"),
        QStringLiteral("Usage: burnrate export-focus [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--filter DIM=VALUE]... --out FILE.csv\n"
                       "Writes the stored charges as FOCUS 1.2 CSV, feature and team after the allocation rules.\n"
                       "--to is inclusive (days of ChargePeriodStart, UTC); --filter takes the dimensions of"
                       " 'burnrate totals'.\n"));
    cli.dateRange(request.fromDay, request.toDay, QStringLiteral("--from/--to need a date"));
    cli.filters(request.filters, {}, {}, true);
    cli.value(QStringLiteral("--out"), QStringLiteral("FILE.csv"), QStringLiteral("the CSV file to write"), out,
              QStringLiteral("--out needs a file name"));
    if (const auto done = cli.parse(args))
        return *done;
    if (out.isEmpty())
        return cli.usageError(QStringLiteral("--out is required"));
    if (!Cost::PgDb::isPostgresLocation(ctx.dbPath.toStdString()) && !QFileInfo::exists(ctx.dbPath))
        return cli.fail(QStringLiteral("no store at %1").arg(ctx.dbPath));
    Cost::Store store;
    if (!openStore(ctx, store, "export-focus", Cost::Store::TeamStore::ReadOnly))
        return 1;
    Export::FocusExportResult result;
    std::string error;
    if (!Export::exportFocus(store.db(), out.toStdString(), request, {}, nullptr, result, error))
        return cli.fail(error);
    std::printf("%lld rows written to %s (%lld charges, %lld split by allocation rules; %lld columns)\n",
                static_cast<long long>(result.rows), qPrintable(out), static_cast<long long>(result.charges),
                static_cast<long long>(result.splitCharges), static_cast<long long>(result.columns));
    return 0;
}
