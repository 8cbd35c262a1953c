#pragma once

#include "store/store.h"

#include <QStringList>

// Each subcommand: arguments after the subcommand name (global options such as --db already
// removed), returns the process exit code. Output goes to stdout, errors to stderr.
struct CommandContext {
    QString dbPath; ///< --db, or the default store
};

int runImportCommand(const CommandContext &ctx, const QStringList &args);
int runTotalsCommand(const CommandContext &ctx, const QStringList &args);
int runReportCommand(const CommandContext &ctx, const QStringList &args);
int runExportChartCommand(const CommandContext &ctx, const QStringList &args);
int runExportFocusCommand(const CommandContext &ctx, const QStringList &args);
int runDemoCommand(const CommandContext &ctx, const QStringList &args);
int runScreenshotCommand(const CommandContext &ctx, const QStringList &args);
int runRulesCommand(const CommandContext &ctx, const QStringList &args);
int runForecastCommand(const CommandContext &ctx, const QStringList &args);
int runDetectCommand(const CommandContext &ctx, const QStringList &args);
int runAnomaliesCommand(const CommandContext &ctx, const QStringList &args);
int runBudgetsCommand(const CommandContext &ctx, const QStringList &args);

namespace Cost {
class Store;
}
/// Opens the store at ctx.dbPath; false after "burnrate COMMAND: why" on stderr. With
/// `team`: what a team store's address (postgresql://…) gets; refused unless the command asks for it.
bool openStore(const CommandContext &ctx, Cost::Store &store, const char *command,
               Cost::Store::TeamStore team = Cost::Store::TeamStore::Refuse);
/// Reads the whole file at `path` into `bytes`; false after "burnrate COMMAND: PATH: why" on stderr.
bool readInputFile(const QString &path, QByteArray &bytes, const char *command);
/// Scans the store for anomalies after an import or sync and prints a summary line; false (with a
/// message on stderr) when the scan failed. `command` names the caller in messages.
bool runPostImportAnomalyScan(Cost::Store &store, const char *command);
int runSimulateCommand(const CommandContext &ctx, const QStringList &args);
int runRecommendCommand(const CommandContext &ctx, const QStringList &args);
int runPricesCommand(const CommandContext &ctx, const QStringList &args);
int runContractsCommand(const CommandContext &ctx, const QStringList &args);
int runAccountsCommand(const CommandContext &ctx, const QStringList &args);
int runSyncCommand(const CommandContext &ctx, const QStringList &args);
int runTelemetryCommand(const CommandContext &ctx, const QStringList &args);
int runCoverageCommand(const CommandContext &ctx, const QStringList &args);
int runEndpointsCommand(const CommandContext &ctx, const QStringList &args);
int runStoreCommand(const CommandContext &ctx, const QStringList &args);
