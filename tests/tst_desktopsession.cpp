// The desktop session (#17 item 2): a second launch on the same store hands its files to the
// running window (which imports them) instead of opening a second copy; the window's geometry and
// page come back; File → Open store switches the window to another store and recent stores are
// remembered.
#include "analytics/analytics.h"
#include "guitestmain.h"
#include "shell/desktopsession.h"
#include "shell/importcontroller.h"
#include "shell/mainwindow.h"
#include "shell/page.h"
#include "store/store.h"
#include "testsupport.h"

#include <QDir>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int kTimeoutMs = 60000;

Cost::BigMoney total(const QString &db)
{
    Cost::Store store;
    std::vector<Analytics::TotalsRow> rows;
    std::string error;
    if (!store.open(db.toStdString()) || !Analytics::totals(store.db(), {}, rows, error))
        return -1;
    return rows.empty() ? 0 : rows.front().value;
}

QString fixture()
{
    return TestSupport::dataPath(QStringLiteral("focus/synthetic/synthetic_focus_1.2_ai_tokens.csv"));
}

} // namespace

class TestDesktopSession : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BurnrateTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_desktopsession"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void secondLaunchHandsOffItsFiles()
    {
        const QString db = m_dir.filePath(QStringLiteral("running.sqlite"));
        DesktopSession session;
        session.open(db);
        QVERIFY(session.window() && session.window()->isVisible());
        QSignalSpy received(&session, &DesktopSession::filesReceived);
        QSignalSpy finished(session.window()->importController(), &ImportController::finished);
        // The real executable, as a user's second launch (or a file manager's %F) runs it.
        QString out, err;
        const int code = TestSupport::runBurnrateLive({QStringLiteral("--db"), db, fixture()}, {}, &out, &err);
        QCOMPARE(code, 0);
        QVERIFY2(out.contains(QStringLiteral("already open on")) && out.contains(QStringLiteral("handed it 1 file(s)")), qPrintable(out + err));
        QCOMPARE(received.count(), 1);
        QCOMPARE(received.at(0).at(0).toStringList(), QStringList{QFileInfo(fixture()).absoluteFilePath()});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QCOMPARE(total(db), Cost::BigMoney(846'000'000'000)); // the fixture's $84.60, once

        // Without files the second launch only raises the window; a store with no running copy
        // is not taken by this one.
        QCOMPARE(TestSupport::runBurnrateLive({QStringLiteral("--db"), db}, {}, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("raised its window")), qPrintable(out));
        QVERIFY(!DesktopSession::handOff(m_dir.filePath(QStringLiteral("other.sqlite")), {}, 500));
    }

    void windowComesBackAsLeft()
    {
        const QString db = m_dir.filePath(QStringLiteral("geometry.sqlite"));
        {
            DesktopSession session;
            session.open(db);
            MainWindow *window = session.window();
            QVERIFY(window->showPage(QStringLiteral("budgets")));
            window->resize(1111, 707);
            window->close();
        }
        DesktopSession again;
        again.open(db);
        QCOMPARE(again.window()->currentPageId(), QStringLiteral("budgets"));
        QCOMPARE(again.window()->size(), QSize(1111, 707));
    }

    void openStoreSwitchesAndRemembers()
    {
        const QString a = m_dir.filePath(QStringLiteral("a.sqlite"));
        const QString b = m_dir.filePath(QStringLiteral("b.sqlite"));
        DesktopSession session;
        session.open(a);
        QPointer<MainWindow> first = session.window();
        Q_EMIT first->openStoreRequested(b); // File → Open store… picked b
        QVERIFY(session.window() && session.window() != first);
        QCOMPARE(session.window()->storePath(), b);
        QTRY_VERIFY(first.isNull()); // the window on a closes and goes
        const QStringList recent = DesktopSession::recentStores();
        QCOMPARE(recent.value(0), QFileInfo(b).canonicalFilePath());
        QCOMPARE(recent.value(1), QFileInfo(a).canonicalFilePath());
        // Later launches on b reach this session; a is no longer served.
        QVERIFY(!DesktopSession::handOff(a, {}, 500));
    }

    // Open store… on a store another copy already has open: that copy takes it (one per store).
    void openStoreOpenElsewhere()
    {
        const QString mine = m_dir.filePath(QStringLiteral("mine.sqlite"));
        const QString theirs = m_dir.filePath(QStringLiteral("theirs.sqlite"));
        QProcess other;
        // Its settings (recent stores) go to a scratch place, not the user's.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("other-config")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        other.setProcessEnvironment(env);
        other.start(QStringLiteral(BURNRATE_BINARY), {QStringLiteral("--db"), theirs});
        QVERIFY(other.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(DesktopSession::handOff(theirs, {}, 500), kTimeoutMs); // it listens
        DesktopSession session;
        session.open(mine);
        MainWindow *window = session.window();
        Q_EMIT window->openStoreRequested(theirs);
        QCOMPARE(session.window(), window); // not switched: the other copy has it
        QCOMPARE(window->storePath(), mine);
        QVERIFY2(window->statusBar()->currentMessage().contains(QStringLiteral("already open")),
                 qPrintable(window->statusBar()->currentMessage()));
        QVERIFY(DesktopSession::handOff(theirs, {}, 2000)); // still served by the other copy
        other.kill();
        other.waitForFinished();
    }
};

BURNRATE_GUI_TEST_MAIN(TestDesktopSession)
#include "tst_desktopsession.moc"
