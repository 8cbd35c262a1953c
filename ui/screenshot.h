#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

namespace Ui {

/// Page names the screenshot command accepts (e.g. "overview").
QStringList screenshotPages();

/// Opens the store at `dbPath`, builds the main window at `size` offscreen, shows `page`
/// once its data has loaded, and saves a PNG. False with `error` when anything fails.
bool renderScreenshot(const QString &dbPath, const QString &page, const QSize &size, const QString &outPath,
                      QString *error);

} // namespace Ui
