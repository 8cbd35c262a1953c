#include "commands.h"
#include "domain/translations.h"
#include "report/endpointsection.h"
#include "report/recommendationsection.h"
#include "report/simulationsection.h"
#include "shell/application.h"
#include "shell/desktopsession.h"
#include "shell/mainwindow.h"
#include "store/store.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <functional>
#include <map>

namespace {

struct Command {
    std::function<int(const CommandContext &, const QStringList &)> run;
    bool needsGui;
    const char *help;
};

const std::map<QString, Command> &commands()
{
    static const std::map<QString, Command> kCommands = {
        {QStringLiteral("import"), {runImportCommand, false, "import FILE...            import FOCUS CSV exports"}},
        {QStringLiteral("totals"), {runTotalsCommand, false,
                                    "totals --by DIM[,DIM] [--from DATE] [--to DATE] [--metric billed|effective|list|tokens]"
                                    " [--format csv|json]"}},
        {QStringLiteral("demo"), {runDemoCommand, false, "demo                      fill the store with the demo workspace"}},
        {QStringLiteral("rules"), {runRulesCommand, false, "rules import|export FILE.json | rules list   allocation rules"}},
        {QStringLiteral("screenshot"), {runScreenshotCommand, true,
                                        "screenshot --page NAME --out FILE.png [--size WxH]"}},
        // QPainter text needs a QGuiApplication (fonts): both run on the offscreen platform.
        {QStringLiteral("report"), {runReportCommand, true,
                                    "report [--from DATE] [--to DATE] [--filter DIM=VALUE]... [--page-size a4|letter] --out FILE.pdf"}},
        {QStringLiteral("export-chart"), {runExportChartCommand, true,
                                          "export-chart --page NAME [--chart N] --out FILE.{pdf,png,svg,csv} [--dpi N] [--size WxH]"}},
        {QStringLiteral("export-focus"), {runExportFocusCommand, false,
                                          "export-focus [--from DATE] [--to DATE] [--filter DIM=VALUE]... --out FILE.csv   FOCUS 1.2 CSV"}},
        {QStringLiteral("forecast"), {runForecastCommand, false, "forecast --input IN.csv --horizon N --output OUT.csv | --series DIM=VALUE --horizon N"}},
        {QStringLiteral("detect"), {runDetectCommand, false, "detect --input IN.csv --output OUT.csv [--sensitivity low|normal|high]"}},
        {QStringLiteral("anomalies"), {runAnomaliesCommand, false, "anomalies [--from DATE] [--to DATE] [--format csv|json]  stored cost anomalies with root causes"}},
        {QStringLiteral("simulate"), {runSimulateCommand, false,
                                      "simulate --scenario FILE.json [--from DATE] [--to DATE] [--format json|csv] [--save]"}},
        {QStringLiteral("recommend"), {runRecommendCommand, false,
                                       "recommend [--from DATE] [--to DATE] [--format csv|json]   savings opportunities, each a scenario"}},
        {QStringLiteral("prices"), {runPricesCommand, false,
                                    "prices import FILE.json | prices list [--model M] | prices check [--from] [--to]   token prices"}},
        {QStringLiteral("contracts"), {runContractsCommand, false,
                                       "contracts import FILE.json [--replace] | export [--out FILE] | list   negotiated prices"}},
        {QStringLiteral("accounts"), {runAccountsCommand, false,
                                      "accounts add --provider ID --name NAME [--base-url URL] [--option KEY=VALUE]... | list | test NAME"
                                      " | remove NAME [--delete-data]   connected accounts (secret on stdin)"}},
        {QStringLiteral("sync"), {runSyncCommand, false, "sync [--account NAME]      fetch new cost data from connected accounts"}},
        {QStringLiteral("telemetry"), {runTelemetryCommand, false,
                                       "telemetry import FILE...  model calls your applications recorded (OTLP JSON, telemetry CSV)"}},
        {QStringLiteral("coverage"), {runCoverageCommand, false,
                                      "coverage [--from DATE] [--to DATE] [--format csv|json]  billed tokens the telemetry accounts for"}},
        {QStringLiteral("endpoints"), {runEndpointsCommand, false,
                                       "endpoints [--from DATE] [--to DATE] [--format csv|json] [--wide]  hour-billed endpoints: hours, idle cost, API equivalent"}},
        {QStringLiteral("budgets"), {runBudgetsCommand, false, "budgets add|list|remove|check|alerts  spending budgets; check exits 1 when one is breached"}},
        {QStringLiteral("store"), {runStoreCommand, false,
                                   "store copy --from STORE --to STORE  copy a whole store between SQLite and a PostgreSQL team store"}},
    };
    return kCommands;
}

void printUsage(FILE *out)
{
    std::fprintf(out, "Usage: burnrate [--db PATH] [COMMAND [OPTIONS]]\n"
                      "       burnrate [--db PATH] FILE.csv...\n\n"
                      "Without a command, opens the Burnrate window and imports the FILEs given (a copy already\n"
                      "open on the store takes them instead).\n\nCommands:\n");
    for (const auto &[name, cmd] : commands())
        std::fprintf(out, "  %s\n", cmd.help);
    std::fprintf(out, "\n--db PATH selects the store (default: %s)\n", Cost::Store::defaultPath().c_str());
    std::fprintf(out, "burnrate COMMAND --help shows a command's options; burnrate --version prints the version.\n");
}

} // namespace

int main(int argc, char *argv[])
{
    // A full disk or a file-size limit must be an error SQLite reports ("database or disk is
    // full", the transaction rolled back), not a signal that kills the process mid-write.
    std::signal(SIGXFSZ, SIG_IGN);
    // Before anything asks for paths: the default store lives under these names.
    QCoreApplication::setOrganizationName(QStringLiteral("Burnrate"));
    QCoreApplication::setApplicationName(QStringLiteral("burnrate"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BURNRATE_VERSION));
    Report::registerSimulationSection(); // prices and scenarios in every PDF report (GUI and CLI)
    Report::registerRecommendationSection(); // savings recommendations, likewise
    Report::registerEndpointSection(); // self-hosted endpoints, when the range has any

    // Split global options from the subcommand before any QApplication exists, so that a
    // headless subcommand never needs a display.
    QString dbPath;
    QString commandName;
    QStringList rest;
    QStringList openFiles; // `burnrate FILE.csv…` (and the .desktop file's %F): import into the store
    bool help = false;
    bool version = false;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (commandName.isEmpty() && arg == QStringLiteral("--db") && i + 1 < argc) {
            dbPath = QString::fromLocal8Bit(argv[++i]);
        } else if (commandName.isEmpty() && arg.startsWith(QStringLiteral("--db="))) {
            dbPath = arg.mid(5);
        } else if (commandName.isEmpty() && (arg == QStringLiteral("--help") || arg == QStringLiteral("-h"))) {
            help = true;
        } else if (commandName.isEmpty() && arg == QStringLiteral("--version")) {
            version = true;
        } else if (commandName.isEmpty() && !arg.startsWith(QLatin1Char('-'))
                   && (!openFiles.isEmpty() || (!commands().count(arg) && QFileInfo(arg).isFile()))) {
            openFiles << arg;
        } else if (commandName.isEmpty() && !arg.startsWith(QLatin1Char('-'))) {
            commandName = arg;
        } else if (!commandName.isEmpty()) {
            rest << arg;
        } else if (arg.startsWith(QStringLiteral("-platform")) || arg.startsWith(QStringLiteral("--platform"))) {
            // Qt's own options for the GUI: leave them for QApplication.
            if (i + 1 < argc)
                ++i;
        } else {
            std::fprintf(stderr, "burnrate: unknown option %s\n", argv[i]);
            printUsage(stderr);
            return 2;
        }
    }
    if (help) {
        printUsage(stdout);
        return 0;
    }
    if (version) {
        std::printf("burnrate %s\n", BURNRATE_VERSION);
        return 0;
    }

    if (!commandName.isEmpty()) {
        const auto it = commands().find(commandName);
        if (it == commands().end()) {
            std::fprintf(stderr, "burnrate: unknown command '%s'\n\n", qPrintable(commandName));
            printUsage(stderr);
            return 2;
        }
        // A writer that has to wait for another process (the app, a cron sync) says so once.
        const std::string name = commandName.toStdString();
        Cost::SqliteDb::setDefaultWaitNotice(
            [name] { std::fprintf(stderr, "burnrate %s: %s\n", name.c_str(), Cost::SqliteDb::waitingText()); });
        // Whatever escapes a command is reported, never a signal; stores roll back on their own.
        auto run = [&](const Command &command) {
            // What scripts read (messages, CSV, JSON) stays English; what is drawn (screenshots,
            // PDF reports, exported charts) follows BURNRATE_LANG or the system's language.
            Translations::install(command.needsGui ? Translations::language() : QStringLiteral("en"));
            CommandContext ctx{dbPath.isEmpty() ? QString::fromStdString(Cost::Store::defaultPath()) : dbPath};
            try {
                return command.run(ctx, rest);
            } catch (const std::exception &e) {
                std::fprintf(stderr, "burnrate %s: internal error: %s\n", name.c_str(), e.what());
            } catch (...) {
                std::fprintf(stderr, "burnrate %s: internal error\n", name.c_str());
            }
            return 1;
        };
        if (it->second.needsGui) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            // `--scale N` renders at device pixel ratio N: Qt reads it before the application exists.
            const qsizetype scale = rest.indexOf(QStringLiteral("--scale"));
            if (scale >= 0 && scale + 1 < rest.size())
                qputenv("QT_SCALE_FACTOR", rest.at(scale + 1).toLatin1());
            Application app(argc, argv);
            return run(it->second);
        }
        QCoreApplication app(argc, argv);
        return run(it->second);
    }

    const QString store = dbPath.isEmpty() ? QString::fromStdString(Cost::Store::defaultPath()) : dbPath;
    {
        // A copy already running on this store takes the files and raises its window.
        QCoreApplication probe(argc, argv);
        if (DesktopSession::handOff(store, openFiles)) {
            std::printf("Burnrate is already open on %s: %s\n", qPrintable(store),
                        openFiles.isEmpty() ? "raised its window" : qPrintable(QStringLiteral("handed it %1 file(s)").arg(openFiles.size())));
            return 0;
        }
    }
    Application app(argc, argv);
    Translations::install(); // BURNRATE_LANG=de|en, else the system's UI languages
    QApplication::setApplicationDisplayName(QStringLiteral("Burnrate"));
    // The launcher entry (packaging/linux): Wayland and docks match the window to its icon by it.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.burnrate.Burnrate"));
    DesktopSession session;
    session.open(store, openFiles);
    return app.exec();
}
