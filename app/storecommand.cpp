#include "commands.h"

#include "cli/commandline.h"
#include "store/storecopy.h"

#include <csignal>
#include <cstdio>

namespace {

std::atomic_bool g_interrupted{false};

void onInterrupt(int) { g_interrupted = true; }

QString groupDigits(std::int64_t n)
{
    QString digits = QString::number(n);
    for (qsizetype i = digits.size() - 3; i > (n < 0 ? 1 : 0); i -= 3)
        digits.insert(i, QLatin1Char(','));
    return digits;
}

} // namespace

int runStoreCommand(const CommandContext &, const QStringList &args)
{
    QString from, to;
    Cli::CommandLine cli(
        QStringLiteral("store"),
        QStringLiteral("Usage: burnrate store copy --from STORE --to STORE\n"
                       "  copies a whole store between a SQLite file and a PostgreSQL team store (either way):\n"
                       "  every table with its ids, read back and compared before it is committed.\n"
                       "STORE: a file path, postgresql://USER@HOST:PORT/DBNAME or service=NAME (a libpq service).\n"
                       "The new store must not exist yet (a file) or hold no Burnrate tables (a database).\n"
                       "Give a password in ~/.pgpass or PGPASSWORD rather than in the address (messages show it as ***).\n"));
    cli.setActionMessages(QStringLiteral("a subcommand is required"), QStringLiteral("unknown subcommand '%1'"));
    Cli::CommandLine &copy = cli.action(QStringLiteral("copy"), QStringLiteral("--from STORE --to STORE"));
    copy.value(QStringLiteral("--from"), QStringLiteral("STORE"), QStringLiteral("the store to copy"), from);
    copy.value(QStringLiteral("--to"), QStringLiteral("STORE"), QStringLiteral("the new store"), to);
    if (const auto done = cli.parse(args))
        return *done;
    if (from.isEmpty() || to.isEmpty())
        return cli.usageError("copy needs --from and --to");

    // Ctrl+C stops the copy cleanly: the new store is rolled back, nothing is left half-written.
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    Cost::StoreCopySummary summary;
    std::string error;
    const bool ok = Cost::copyStore(
        from.toStdString(), to.toStdString(), summary, error,
        [](const std::string &table, std::int64_t rows) {
            if (rows % 500000 == 0)
                std::fprintf(stderr, "burnrate store: %s: %s rows\n", table.c_str(), qPrintable(groupDigits(rows)));
        },
        &g_interrupted);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (!ok)
        return cli.fail(error + "; no new store was made");
    std::printf("copied %s to %s: %zu tables, %s rows, %s charges, billed %s; read back and identical\n",
                summary.from.c_str(), summary.to.c_str(), summary.tables.size(), qPrintable(groupDigits(summary.rows)),
                qPrintable(groupDigits(summary.charges)), Cost::formatMoney(summary.billed, 2).c_str());
    return 0;
}
