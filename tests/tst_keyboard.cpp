// #17 item 5: every control of every page is reachable with Tab (a walk of the focus chain from the
// navigation list back to it reaches each visible, enabled control; no table or chart traps the
// Tab key), and every control the walk reaches has an accessible name a screen reader can speak.
#include "domain/timeparse.h"
#include "guitestmain.h"
#include "overview/kpitile.h"
#include "shell/mainwindow.h"
#include "shell/page.h"
#include "testsupport.h"

#include <QAbstractItemView>
#include <QAccessible>
#include <QApplication>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int kLoadTimeoutMs = 60000;
constexpr int kMaxTabs = 400;
// Tab may stay in one control for a few presses (a date edit moves from day to month to year)
// before moving on; more than this is a trap (a table whose Tab walks its cells).
constexpr int kMaxTabsInOneControl = 4;

QString describe(const QWidget *w)
{
    return QStringLiteral("%1 '%2'").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
}

QString accessibleName(QWidget *w)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
    return iface ? iface->text(QAccessible::Name).trimmed() : QString();
}

// The controls a keyboard user must reach on the visible page (and the window's own controls).
QList<QWidget *> targets(QWidget &window)
{
    QList<QWidget *> out;
    for (QWidget *w : window.findChildren<QWidget *>()) {
        if (!w->isVisibleTo(&window) || !w->isEnabled() || !(w->focusPolicy() & Qt::TabFocus) || w->focusProxy())
            continue;
        if (w->window() != &window)
            continue; // a popup or dialog
        // A scroll area's viewport is not a stop of its own.
        if (qobject_cast<QAbstractScrollArea *>(w->parentWidget()) && w == qobject_cast<QAbstractScrollArea *>(w->parentWidget())->viewport())
            continue;
        out << w;
    }
    return out;
}

} // namespace

class TestKeyboard : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale::c());
        m_db = m_dir.filePath(QStringLiteral("demo.sqlite"));
        std::string error;
        QVERIFY2(TestSupport::writeDemoStore(m_db, Cost::daysFromCivil(2025, 6, 18), 90, &error), error.c_str());
    }

    void tabReachesEveryControl_data()
    {
        QTest::addColumn<QString>("page");
        for (const QString &id : MainWindow::pageIds())
            QTest::newRow(qPrintable(id)) << id;
    }

    void tabReachesEveryControl()
    {
        QFETCH(QString, page);
        MainWindow window(m_db);
        window.resize(1440, 900);
        window.show();
        QVERIFY(window.showPage(page));
        QTRY_VERIFY_WITH_TIMEOUT(window.currentPage()->isLoaded(), kLoadTimeoutMs);
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));

        QWidget *start = window.findChild<QWidget *>(QStringLiteral("navigation"));
        QVERIFY(start);
        start->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), start);
        QList<QWidget *> visited{start};
        QStringList trapped;
        int stay = 0;
        for (int i = 0; i < kMaxTabs; ++i) {
            QWidget *before = QApplication::focusWidget();
            QTest::keyClick(before, Qt::Key_Tab);
            QWidget *now = QApplication::focusWidget();
            if (now == start)
                break;
            stay = now == before ? stay + 1 : 0;
            if (stay > kMaxTabsInOneControl) {
                trapped << describe(now);
                break;
            }
            if (!visited.contains(now))
                visited << now;
        }
        QVERIFY2(trapped.isEmpty(), qPrintable(QStringLiteral("Tab stays in ") + trapped.join(QStringLiteral(", "))));
        QStringList missing, unnamed;
        for (QWidget *w : targets(window))
            if (!visited.contains(w))
                missing << describe(w);
        for (QWidget *w : std::as_const(visited))
            if (accessibleName(w).isEmpty())
                unnamed << describe(w);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not reached with Tab: ") + missing.join(QStringLiteral(", "))));
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("no accessible name: ") + unnamed.join(QStringLiteral(", "))));
        // KPI tiles are read whole (caption and value), whatever the tile elides.
        for (KpiTile *tile : window.currentPage()->findChildren<KpiTile *>())
            if (!tile->value().isEmpty())
                QCOMPARE(accessibleName(tile), tile->caption() + QStringLiteral(": ") + tile->value());
    }
};

BURNRATE_GUI_TEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
