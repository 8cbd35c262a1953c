#pragma once

// Header-only helpers for offscreen tests of the Connect-account wizard (tst_awswizard,
// tst_cloudwizard): pick a source, wait for the connection test, save a screenshot of the
// wizard into $BURNRATE_SCREENSHOT_DIR when it is set. Include from tests linking burnrate_ui.

#include "accounts/connectwizard.h"
#include "accounts/wizardrunpages.h"

#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

namespace WizardTest {

/// Selects source `id` and names the account; false when the source is not listed.
inline bool chooseSource(ConnectWizard &wizard, const QString &id, const QString &name)
{
    auto *list = wizard.findChild<QListWidget *>(QStringLiteral("sources"));
    if (!list)
        return false;
    bool found = false;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == id) {
            list->setCurrentRow(row);
            found = true;
        }
    }
    wizard.findChild<QLineEdit *>(QStringLiteral("accountName"))->setText(name);
    return found;
}

/// The test page's result once its running test has answered.
inline Conn::TestResult testResult(ConnectWizard &wizard)
{
    auto *page = qobject_cast<WizardTestPage *>(wizard.page(ConnectWizard::TestPageId));
    if (page->isTesting()) {
        QSignalSpy done(page, &WizardTestPage::testDone);
        done.wait(15000);
    }
    return page->result();
}

/// Clicks "Save and sync" and waits for the initial sync; its outcome (false on timeout).
inline bool saveAndSync(ConnectWizard &wizard)
{
    auto *syncPage = qobject_cast<WizardSyncPage *>(wizard.page(ConnectWizard::SyncPageId));
    QSignalSpy synced(syncPage, &WizardSyncPage::syncDone);
    wizard.next(); // the save runs off the GUI thread; the wizard moves on once it is written
    if (!QTest::qWaitFor([&] { return wizard.currentId() == ConnectWizard::SyncPageId; }, 30000)
        || (synced.isEmpty() && !synced.wait(30000)))
        return false;
    return synced.first().first().toBool();
}

/// Saves a PNG of `widget` as $BURNRATE_SCREENSHOT_DIR/<name>.png when that variable is set.
inline bool snap(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("BURNRATE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return true;
    QApplication::processEvents(); // pending layout/paint of the offscreen window before grabbing
    return widget.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace WizardTest
