#include "commands.h"

#include "cli/commandline.h"

#include "import/focusimporter.h"
#include "store/store.h"

#include <QFileInfo>

#include <chrono>
#include <cstdio>

namespace {
constexpr int kImportAttempts = 5;
} // namespace

int runImportCommand(const CommandContext &ctx, const QStringList &args)
{
    QStringList files;
    Cli::CommandLine cli(QStringLiteral("import"), QStringLiteral("Usage: burnrate import FILE...\n"));
    cli.positional({.valueName = QStringLiteral("FILE..."), .help = QStringLiteral("FOCUS CSV exports, imported as one batch"),
                    .apply = [&](const QString &file) {
                        files << file;
                        return QString();
                    }});
    if (const auto done = cli.parse(args))
        return *done;
    if (files.isEmpty())
        return cli.usageError(QString());
    Cost::Store store;
    if (!openStore(ctx, store, "import", Cost::Store::TeamStore::ReadWrite)) // checked on PostgreSQL too (tst_storecopy)
        return 1;
    // Files of one command are one batch: parts of a multi-part export add up instead of
    // replacing each other; a later command's export of the same period replaces them. Should
    // another process restate part of the batch between its files, the whole batch runs again.
    Cost::FocusImporter importer(store.db());
    std::int64_t totalRows = 0, totalSkipped = 0, totalReplaced = 0;
    int failures = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (int attempt = 1;; ++attempt) {
        const std::int64_t batch = Cost::Ingestor::newBatch(store.db());
        if (batch == 0) {
            std::fprintf(stderr, "burnrate import: cannot start the import in %s: %s\n", qPrintable(ctx.dbPath),
                         store.db().error().c_str());
            return 1;
        }
        totalRows = totalSkipped = totalReplaced = 0;
        failures = 0;
        bool again = false;
        for (const QString &file : files) {
            const auto r = importer.importFile(file.toStdString(), batch);
            if (r.interleaved && attempt < kImportAttempts) {
                std::fprintf(stderr, "burnrate import: %s; importing all %lld files again\n", r.error.message.c_str(),
                             static_cast<long long>(files.size()));
                again = true;
                break;
            }
            if (!r.ok) {
                std::fprintf(stderr, "burnrate import: error: %s\n", r.error.toString().c_str());
                std::fprintf(stderr, "burnrate import: %s was not imported; the store is unchanged by it\n",
                             qPrintable(file));
                ++failures;
                continue;
            }
            totalRows += r.ingest.rows;
            totalSkipped += r.ingest.skipped;
            totalReplaced += r.ingest.replaced;
            std::printf("%s: %lld rows imported, %lld skipped, %lld replaced in %.3f s", qPrintable(file),
                        static_cast<long long>(r.ingest.rows), static_cast<long long>(r.ingest.skipped),
                        static_cast<long long>(r.ingest.replaced), r.seconds);
            if (r.ingest.skipped > 0)
                std::printf(" (identical to an export already stored)");
            if (r.roundedAmounts > 0)
                std::printf(" (%lld amounts had more than 10 decimals and were rounded)",
                            static_cast<long long>(r.roundedAmounts));
            std::printf("\n");
        }
        if (!again)
            break;
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("total: %lld rows imported, %lld skipped, %lld replaced in %.3f s\n", static_cast<long long>(totalRows),
                static_cast<long long>(totalSkipped), static_cast<long long>(totalReplaced), secs);
    if (totalRows > 0 || totalReplaced > 0)
        runPostImportAnomalyScan(store, "import"); // a failed scan is reported; the import stands
    return failures == 0 ? 0 : 1;
}
