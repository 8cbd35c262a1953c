#include "commands.h"

#include "cli/commandline.h"
#include "shell/screenshot.h"

#include <QApplication>
#include <QFont>
#include <QSize>

#include <cstdio>

int runScreenshotCommand(const CommandContext &ctx, const QStringList &args)
{
    QString page, out, scale, fontSize;
    QSize size(1440, 900);
    Cli::CommandLine cli(QStringLiteral("screenshot"),
                         QStringLiteral("Usage: burnrate screenshot --page NAME --out FILE.png [--size WxH] [--scale N] [--font-size PT]\n"));
    cli.setUsageOnlyErrors();
    cli.value(QStringLiteral("--page"), QStringLiteral("NAME"), QStringLiteral("the page to render"), page);
    cli.value(QStringLiteral("--out"), QStringLiteral("FILE.png"), QStringLiteral("the image to write"), out);
    cli.windowSize(size, false);
    // main() sets QT_SCALE_FACTOR from it before the application exists (scaleFromArguments).
    cli.value(QStringLiteral("--scale"), QStringLiteral("N"),
              QStringLiteral("device pixel ratio, 1 to 4 (2: a HiDPI screen; the image is N times the size)"), scale);
    cli.value(QStringLiteral("--font-size"), QStringLiteral("PT"),
              QStringLiteral("the desktop font size to render with, 6 to 30 points (default: Qt's 9)"), fontSize);
    if (const auto done = cli.parse(args))
        return *done;
    bool fontOk = true;
    const double points = fontSize.isEmpty() ? 0.0 : fontSize.toDouble(&fontOk);
    if (!fontOk || (!fontSize.isEmpty() && (points < 6.0 || points > 30.0)))
        return cli.usageError(QStringLiteral("--font-size must be a number of points from 6 to 30"));
    bool scaleOk = true;
    const double factor = scale.isEmpty() ? 1.0 : scale.toDouble(&scaleOk);
    if (!scaleOk || factor < 1.0 || factor > 4.0)
        return cli.usageError(QStringLiteral("--scale must be a number from 1 to 4"));
    if (page.isEmpty() || out.isEmpty()) {
        cli.usageError(QString());
        std::fprintf(stderr, "Pages: %s\n", qPrintable(Ui::screenshotPages().join(QStringLiteral(", "))));
        return 2;
    }
    if (points > 0) {
        QFont font = QApplication::font();
        font.setPointSizeF(points);
        QApplication::setFont(font);
    }
    QString error;
    if (!Ui::renderScreenshot(ctx.dbPath, page, size, out, &error)) {
        std::fprintf(stderr, "burnrate screenshot: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("%s\n", qPrintable(out));
    return 0;
}
