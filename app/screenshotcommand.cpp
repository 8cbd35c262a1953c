#include "commands.h"

#include "cli/commandline.h"
#include "shell/screenshot.h"

#include <QSize>

#include <cstdio>

int runScreenshotCommand(const CommandContext &ctx, const QStringList &args)
{
    QString page, out;
    QSize size(1440, 900);
    Cli::CommandLine cli(QStringLiteral("screenshot"),
                         QStringLiteral("Usage: burnrate screenshot --page NAME --out FILE.png [--size WxH]\n"));
    cli.setUsageOnlyErrors();
    cli.value(QStringLiteral("--page"), QStringLiteral("NAME"), QStringLiteral("the page to render"), page);
    cli.value(QStringLiteral("--out"), QStringLiteral("FILE.png"), QStringLiteral("the image to write"), out);
    cli.windowSize(size, false);
    if (const auto done = cli.parse(args))
        return *done;
    if (page.isEmpty() || out.isEmpty()) {
        cli.usageError(QString());
        std::fprintf(stderr, "Pages: %s\n", qPrintable(Ui::screenshotPages().join(QStringLiteral(", "))));
        return 2;
    }
    QString error;
    if (!Ui::renderScreenshot(ctx.dbPath, page, size, out, &error)) {
        std::fprintf(stderr, "burnrate screenshot: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("%s\n", qPrintable(out));
    return 0;
}
