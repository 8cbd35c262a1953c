// File → Export FOCUS: the controller runs the export off the GUI thread with a progress
// dialog; it reports rows written, a file it cannot write (naming it), and Cancel (no file).
#include "guitestmain.h"
#include "testsupport.h"

#include "export/focusexportcontroller.h"
#include "store/store.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

class TestFocusExportUi : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

private Q_SLOTS:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("store.sqlite"));
        std::string error;
        QVERIFY2(TestSupport::writeDemoStore(m_db, TestSupport::day("2025-06-30"), 30, &error), error.c_str());
    }

    void exportsWithProgressOffTheGuiThread()
    {
        QWidget window;
        FocusExportController controller(m_db, &window);
        QSignalSpy finished(&controller, &FocusExportController::finished);
        const QString csv = m_dir.filePath(QStringLiteral("out.csv"));
        Export::FocusExportRequest request;
        request.fromDay = TestSupport::day("2025-06-20");
        request.toDay = TestSupport::day("2025-06-30");
        controller.exportTo(csv, request);
        QVERIFY(controller.isBusy());
        QVERIFY(controller.progressDialog());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        const qint64 rows = finished.front().at(1).toLongLong();
        QVERIFY(rows > 0);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count('\n'), rows + 1); // header + rows, no line break inside a field here
        QVERIFY(controller.lastMessage().contains(QStringLiteral("out.csv")));
        QTRY_VERIFY(!controller.progressDialog());
    }

    void unwritablePathIsNamed()
    {
        QWidget window;
        FocusExportController controller(m_db, &window);
        QSignalSpy failed(&controller, &FocusExportController::failed);
        const QString bad = m_dir.filePath(QStringLiteral("missing-dir/out.csv"));
        controller.exportTo(bad, {});
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 60000);
        QVERIFY2(failed.front().at(0).toString().contains(QStringLiteral("cannot write ") + bad),
                 qPrintable(failed.front().at(0).toString()));
    }

    void cancelLeavesNoFile()
    {
        QWidget window;
        FocusExportController controller(m_db, &window);
        QSignalSpy cancelled(&controller, &FocusExportController::cancelled);
        QSignalSpy finished(&controller, &FocusExportController::finished);
        const QString csv = m_dir.filePath(QStringLiteral("cancelled.csv"));
        controller.exportTo(csv, {});
        controller.cancel(); // before the job's first batch: it stops there
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.size() + finished.size(), 1, 60000);
        QCOMPARE(cancelled.size(), 1);
        QVERIFY(!QFileInfo::exists(csv));
    }
};

BURNRATE_GUI_TEST_MAIN(TestFocusExportUi)
#include "tst_focusexportui.moc"
