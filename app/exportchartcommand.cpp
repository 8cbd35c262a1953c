#include "commands.h"

#include "charts/chartexporter.h"
#include "shell/page.h"
#include "shell/screenshot.h"

#include <QChartView>
#include <QSize>

#include <cstdio>

namespace {

int usage(const char *why)
{
    if (why)
        std::fprintf(stderr, "burnrate export-chart: %s\n", why);
    std::fprintf(stderr, "Usage: burnrate export-chart --page NAME [--chart N] --out FILE.{pdf,png,svg,csv}\n"
                         "                             [--dpi N] [--size WxH]\n"
                         "Pages: %s. --chart picks the N-th chart of the page (1 = first).\n",
                 qPrintable(Ui::screenshotPages().join(QStringLiteral(", "))));
    return 2;
}

} // namespace

int runExportChartCommand(const CommandContext &ctx, const QStringList &args)
{
    QString page, out;
    int chart = 1;
    int dpi = 144;
    QSize size(1440, 900);
    for (int i = 0; i < args.size(); ++i) {
        const QString a = args[i];
        const bool hasValue = i + 1 < args.size();
        bool ok = true;
        if (a == QStringLiteral("--page") && hasValue) {
            page = args[++i];
        } else if (a == QStringLiteral("--out") && hasValue) {
            out = args[++i];
        } else if (a == QStringLiteral("--chart") && hasValue) {
            chart = args[++i].toInt(&ok);
            if (!ok || chart < 1)
                return usage("--chart must be 1 or more");
        } else if (a == QStringLiteral("--dpi") && hasValue) {
            dpi = args[++i].toInt(&ok);
            if (!ok || dpi < 36 || dpi > 1200)
                return usage("--dpi must be between 36 and 1200");
        } else if (a == QStringLiteral("--size") && hasValue) {
            const QStringList wh = args[++i].split(QLatin1Char('x'));
            bool okW = false, okH = false;
            if (wh.size() == 2)
                size = QSize(wh[0].toInt(&okW), wh[1].toInt(&okH));
            if (!okW || !okH || size.width() < 320 || size.height() < 240)
                return usage("--size must be WxH, at least 320x240");
        } else {
            return usage(("unknown option " + a.toStdString()).c_str());
        }
    }
    if (page.isEmpty() || out.isEmpty())
        return usage("--page and --out are required");
    const auto format = ChartExporter::formatForPath(out);
    if (!format)
        return usage("--out must end in .pdf, .png, .svg or .csv");

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
