#pragma once

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
int runDemoCommand(const CommandContext &ctx, const QStringList &args);
int runScreenshotCommand(const CommandContext &ctx, const QStringList &args);
int runRulesCommand(const CommandContext &ctx, const QStringList &args);
int runForecastCommand(const CommandContext &ctx, const QStringList &args);
int runDetectCommand(const CommandContext &ctx, const QStringList &args);
int runBudgetsCommand(const CommandContext &ctx, const QStringList &args);
