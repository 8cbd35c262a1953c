#include "commands.h"

#include "cli/commandline.h"
#include "charts/chartexporter.h"
#include "shell/page.h"
#include "shell/screenshot.h"

#include <QChartView>
#include <QSize>

#include <cstdio>
#include <limits>

int runExportChartCommand(const CommandContext &ctx, const QStringList &args)
{
    QString page, out;
    int chart = 1;
    int dpi = 144;
    QSize size(1440, 900);
    Cli::CommandLine cli(QStringLiteral("export-chart"),
                         QStringLiteral("Usage: burnrate export-chart --page NAME [--chart N] --out FILE.{pdf,png,svg,csv}\n"
                                        "                             [--dpi N] [--size WxH]\n"
                                        "Pages: %1. --chart picks the N-th chart of the page (1 = first).\n")
                             .arg(Ui::screenshotPages().join(QStringLiteral(", "))));
    cli.setMissingValueMessage(QStringLiteral("unknown option %1"));
    cli.value(QStringLiteral("--page"), QStringLiteral("NAME"), QStringLiteral("the page whose chart to export"), page);
    cli.value(QStringLiteral("--out"), QStringLiteral("FILE"), QStringLiteral("the file to write; its suffix picks the format"), out);
    auto number = [](int &target, int min, int max, const QString &why) {
        return [&target, min, max, why](const QString &v) {
            bool ok = false;
            target = v.toInt(&ok);
            return ok && target >= min && target <= max ? QString() : why;
        };
    };
    cli.add({.name = QStringLiteral("--chart"), .valueName = QStringLiteral("N"),
             .help = QStringLiteral("the N-th chart of the page (default: 1)"),
             .apply = number(chart, 1, std::numeric_limits<int>::max(), QStringLiteral("--chart must be 1 or more"))});
    cli.add({.name = QStringLiteral("--dpi"), .valueName = QStringLiteral("N"),
             .help = QStringLiteral("resolution of PDF and PNG output, 36 to 1200 (default: 144)"),
             .apply = number(dpi, 36, 1200, QStringLiteral("--dpi must be between 36 and 1200"))});
    cli.windowSize(size, true);
    if (const auto done = cli.parse(args))
        return *done;
    if (page.isEmpty() || out.isEmpty())
        return cli.usageError(QStringLiteral("--page and --out are required"));
    const auto format = ChartExporter::formatForPath(out);
    if (!format)
        return cli.usageError(QStringLiteral("--out must end in .pdf, .png, .svg or .csv"));

    QString error;
    const bool ok = Ui::withLoadedPage(ctx.dbPath, page, size, [&](MainWindow &, Page &target, QString *err) {
        const QList<QChartView *> views = ChartExporter::chartViews(&target);
        if (chart > views.size()) {
            *err = QStringLiteral("page '%1' has %2 chart(s)").arg(page).arg(views.size());
            return false;
        }
        QChartView *view = views[chart - 1];
        return ChartExporter::exportChart(view, ChartExporter::captionForCommand(&target, view), out, *format, dpi, err);
    }, &error);
    if (!ok) {
        std::fprintf(stderr, "burnrate export-chart: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("%s\n", qPrintable(out));
    return 0;
}
