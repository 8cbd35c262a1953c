#include "shell/screenshot.h"

#include "shell/mainwindow.h"
#include "shell/page.h"
#include "store/pgdb.h"

#include <QCoreApplication>
#include <QEvent>
#include <QEventLoop>
#include <QFileInfo>
#include <QImage>
#include <QPixmap>
#include <QTimer>

namespace Ui {

namespace {
constexpr int kLoadTimeoutMs = 60000;

// Runs an event loop until `quitSignal` fires or `timeoutMs` passes; true when it fired.
template <typename Sender, typename Signal>
bool waitFor(Sender *sender, Signal quitSignal, int timeoutMs)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    bool fired = false;
    QObject::connect(sender, quitSignal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    loop.exec();
    return fired;
}

} // namespace

QStringList screenshotPages()
{
    return MainWindow::pageIds();
}

bool withLoadedPage(const QString &dbPath, const QString &page, const QSize &size,
                    const std::function<bool(MainWindow &window, Page &page, QString *error)> &action, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!screenshotPages().contains(page))
        return fail(QStringLiteral("unknown page '%1' (pages: %2)").arg(page, screenshotPages().join(QStringLiteral(", "))));
    if (!Cost::PgDb::isPostgresLocation(dbPath.toStdString()) && !QFileInfo::exists(dbPath))
        return fail(QStringLiteral("no store at %1").arg(dbPath));

    MainWindow window(dbPath);
    window.setMinimumSize(0, 0);
    window.resize(size);
    window.showPage(page);
    Page *target = window.page(page);
    window.show();
    if (!target->isLoaded() && !waitFor(target, &Page::loaded, kLoadTimeoutMs))
        return fail(QStringLiteral("page '%1' did not load within %2 s").arg(page).arg(kLoadTimeoutMs / 1000));

    // loaded() comes after the page's charts have rebuilt and laid out (Page::whenDrawn); a
    // layout still queued (a resize) is applied now rather than after some guessed delay.
    // One layout pass can post another (a child's new minimum reaches a scroll area only then).
    for (int pass = 0; pass < 8; ++pass)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);

    return action(window, *target, error);
}

bool renderScreenshot(const QString &dbPath, const QString &page, const QSize &size, const QString &outPath,
                      QString *error)
{
    return withLoadedPage(dbPath, page, size, [&](MainWindow &window, Page &, QString *err) {
        const QImage image = window.grab().toImage();
        if (image.isNull()) {
            if (err)
                *err = QStringLiteral("could not render the window");
            return false;
        }
        if (!image.save(outPath, "PNG")) {
            if (err)
                *err = QStringLiteral("cannot write %1").arg(outPath);
            return false;
        }
        return true;
    }, error);
}

} // namespace Ui
