#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>

class MainWindow;
class Page;

namespace Ui {

/// Page names the screenshot command accepts (e.g. "overview").
QStringList screenshotPages();

/// Opens the store at `dbPath`, builds the main window at `size` offscreen, shows `page`, waits
/// until its data has loaded and its charts have laid out, then runs `action` on it (its result
/// is returned). False with `error` when the page cannot be shown.
bool withLoadedPage(const QString &dbPath, const QString &page, const QSize &size,
                    const std::function<bool(MainWindow &window, Page &page, QString *error)> &action, QString *error);

/// Opens the store at `dbPath`, builds the main window at `size` offscreen, shows `page`
/// once its data has loaded, and saves a PNG. False with `error` when anything fails.
bool renderScreenshot(const QString &dbPath, const QString &page, const QSize &size, const QString &outPath,
                      QString *error);

} // namespace Ui
