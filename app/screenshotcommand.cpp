#include "commands.h"

#include "shell/screenshot.h"

#include <QSize>

#include <cstdio>

int runScreenshotCommand(const CommandContext &ctx, const QStringList &args)
{
    QString page, out;
    QSize size(1440, 900);
    for (int i = 0; i < args.size(); ++i) {
        const QString a = args[i];
        if (a == QStringLiteral("--page") && i + 1 < args.size()) {
            page = args[++i];
        } else if (a == QStringLiteral("--out") && i + 1 < args.size()) {
            out = args[++i];
        } else if (a == QStringLiteral("--size") && i + 1 < args.size()) {
            const QStringList wh = args[++i].split(QLatin1Char('x'));
            bool okW = false, okH = false;
            if (wh.size() == 2)
                size = QSize(wh[0].toInt(&okW), wh[1].toInt(&okH));
            if (!okW || !okH || size.width() < 320 || size.height() < 240) {
                std::fprintf(stderr, "burnrate screenshot: --size must be WxH, at least 320x240\n");
                return 2;
            }
        } else {
            std::fprintf(stderr, "Usage: burnrate screenshot --page NAME --out FILE.png [--size WxH]\n");
            return 2;
        }
    }
    if (page.isEmpty() || out.isEmpty()) {
        std::fprintf(stderr, "Usage: burnrate screenshot --page NAME --out FILE.png [--size WxH]\nPages: %s\n",
                     qPrintable(Ui::screenshotPages().join(QStringLiteral(", "))));
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
