// The Anomalies page, offscreen, on the demo workspace (which has a runaway agent, a silent drop,
// a price cut and a model launch): the scan runs off the GUI thread on first load, the table lists
// the anomalies, the selected one shows its series with flagged points and its root causes, and
// feedback (with undo) and the scan settings reach the store.
#include "anomalies/anomaliespage.h"
#include "anomalies/anomalychart.h"
#include "anomalies/anomalytablemodel.h"
#include "anomaly/anomalystore.h"
#include "domain/timeparse.h"
#include "guitestmain.h"
#include "import/demogenerator.h"
#include "store/store.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {

const std::int64_t kEndDay = Cost::daysFromCivil(2025, 6, 30);
constexpr int kDays = 70;

Analytics::Anomaly storedAnomaly(const QString &path, qint64 id)
{
    Cost::Store store;
    Analytics::Anomaly a;
    std::string error;
    if (store.open(path.toStdString()))
        Analytics::AnomalyStore(store.db()).get(id, a, error);
    return a;
}

} // namespace

class TestAnomaliesPage : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

    bool waitLoaded(AnomaliesPage &page)
    {
        return QTest::qWaitFor([&] { return page.isLoaded() && !page.isBusy() && !page.scanner()->isRunning(); }, 60000);
    }

    // The page over the whole demo period, shown and loaded.
    bool showLoaded(AnomaliesPage &page)
    {
        page.resize(1200, 800);
        page.setDateRange(kEndDay - kDays + 1, kEndDay);
        page.show();
        return waitLoaded(page);
    }

    // The anomaly id of the table's selected row, or 0 when no row is selected.
    static qint64 selectedId(AnomaliesPage &page)
    {
        const QModelIndexList rows = page.table()->selectionModel()->selectedRows();
        return rows.isEmpty() ? 0 : rows.first().data(AnomalyTableModel::kIdRole).toLongLong();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("demo.sqlite"));
        Cost::Store store;
        QVERIFY(store.open(m_path.toStdString()));
        Cost::DemoOptions options;
        options.endDay = kEndDay;
        options.days = kDays;
        Cost::IngestResult result;
        std::string error;
        QVERIFY2(Cost::generateDemo(store.db(), options, {}, nullptr, result, error), error.c_str());
    }

    void listsAnomaliesWithChartAndCauses()
    {
        AnomaliesPage page(m_path);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(showLoaded(page));
        // The demo's runaway agent (20 days before the end) is among them.
        QVERIFY(page.model()->rowCount() > 0);
        bool runaway = false;
        for (const Analytics::Anomaly &a : page.model()->anomalies())
            runaway = runaway || (a.series.dimension == "feature" && a.series.value == "agent" && a.impact() > 0);
        QVERIFY(runaway);
        // The first row is selected and its detail shown: chart with flagged points, causes, buttons.
        QVERIFY(page.detailPanel()->anomalyId() > 0);
        QTRY_VERIFY(!page.detailPanel()->chart()->isRebuildPending());
        QVERIFY(page.detailPanel()->chart()->flaggedCount() > 0);
        QVERIFY(!page.detailPanel()->chart()->timeTickLabels().isEmpty());
        QVERIFY(page.detailPanel()->causeList()->topLevelItemCount() > 0);
        QVERIFY(page.detailPanel()->expectedButton()->isEnabled());
        QVERIFY(!page.detailPanel()->undoButton()->isEnabled());
        const QImage shot = page.grab().toImage();
        QVERIFY(!shot.isNull());
    }

    void feedbackWithUndo()
    {
        AnomaliesPage page(m_path);
        QVERIFY(showLoaded(page));
        const qint64 id = page.detailPanel()->anomalyId();
        QVERIFY(id > 0);
        QSignalSpy written(&page, &AnomaliesPage::writeFinished);
        page.detailPanel()->notExpectedButton()->click();
        QTRY_COMPARE(written.size(), 1);
        QCOMPARE(written.at(0).at(0).toString(), QString());
        QCOMPARE(storedAnomaly(m_path, id).status, Analytics::AnomalyStatus::NotExpected);
        QVERIFY(waitLoaded(page));
        QVERIFY(page.selectAnomaly(id));
        QTRY_VERIFY(page.detailPanel()->anomalyId() == id && page.detailPanel()->undoButton()->isEnabled());
        page.detailPanel()->undoButton()->click();
        QTRY_COMPARE(written.size(), 2);
        QCOMPARE(storedAnomaly(m_path, id).status, Analytics::AnomalyStatus::New);
        QVERIFY(waitLoaded(page));
    }

    // Issue #23 item 11: Ctrl+Z undoes the latest verdict, even with another anomaly shown.
    void ctrlZUndoesTheVerdict()
    {
        AnomaliesPage page(m_path);
        QVERIFY(showLoaded(page));
        QVERIFY(QTest::qWaitForWindowActive(&page));
        const qint64 id = page.detailPanel()->anomalyId();
        QVERIFY(id > 0);
        QSignalSpy written(&page, &AnomaliesPage::writeFinished);
        page.detailPanel()->notExpectedButton()->click();
        QTRY_COMPARE(written.size(), 1);
        QCOMPARE(storedAnomaly(m_path, id).status, Analytics::AnomalyStatus::NotExpected);
        QVERIFY(waitLoaded(page));
        const QAbstractItemModel *rows = page.table()->model();
        // Up or down is said by an arrow and a sign, not by the colour alone (#17 item 5).
        // (A negative amount is written the locale's way: "-$38", "−$38" or "($38.27)".)
        for (int r = 0; r < rows->rowCount(); ++r) {
            const QModelIndex cell = rows->index(r, AnomalyTableModel::Impact);
            const QString impact = cell.data().toString();
            const bool up = cell.data(AnomalyTableModel::kSortRole).toDouble() > 0;
            const QString signs = up ? QStringLiteral("+") : QStringLiteral("-\u2212(");
            QVERIFY2(impact.startsWith(up ? QStringLiteral("\u25B2 ") : QStringLiteral("\u25BC ")) && impact.size() > 2
                         && signs.contains(impact.at(2)),
                     qPrintable(impact));
        }
        for (int r = 0; r < rows->rowCount(); ++r) { // another anomaly shown: Ctrl+Z still undoes the verdict given
            if (rows->index(r, 0).data(AnomalyTableModel::kIdRole).toLongLong() != id) {
                page.table()->selectRow(r);
                break;
            }
        }
        page.table()->setFocus();
        QTest::keyClick(page.table(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(written.size(), 2);
        QCOMPARE(written.at(1).at(0).toString(), QString());
        QCOMPARE(storedAnomaly(m_path, id).status, Analytics::AnomalyStatus::New);
        QVERIFY(waitLoaded(page));
        QTRY_COMPARE(page.detailPanel()->anomalyId(), id); // the undone anomaly is the one shown
        // Nothing left to undo: Ctrl+Z writes nothing.
        QTest::keyClick(page.table(), Qt::Key_Z, Qt::ControlModifier);
        QTest::qWait(200);
        QCOMPARE(written.size(), 2);
    }

    // Issue #23 item 8: marking one anomaly Expected re-baselines its series, but the chart keeps its
    // band and expected line (the band before the new level while the series re-learns it).
    void expectedKeepsTheBand()
    {
        AnomaliesPage page(m_path);
        QVERIFY(showLoaded(page));
        const qint64 id = page.detailPanel()->anomalyId();
        QVERIFY(id > 0);
        QTRY_VERIFY(!page.detailPanel()->chart()->isRebuildPending());
        const int points = static_cast<int>(page.detailPanel()->chart()->data().points.size());
        const int banded = page.detailPanel()->chart()->bandedCount();
        QVERIFY(banded > 0);
        QSignalSpy written(&page, &AnomaliesPage::writeFinished);
        page.detailPanel()->expectedButton()->click();
        QTRY_COMPARE(written.size(), 1);
        QVERIFY(waitLoaded(page));
        QVERIFY(page.selectAnomaly(id));
        QTRY_VERIFY(page.detailPanel()->anomalyId() == id && !page.isBusy());
        QTRY_VERIFY(!page.detailPanel()->chart()->isRebuildPending());
        QCOMPARE(page.detailPanel()->chart()->data().highlightStart, storedAnomaly(m_path, id).start);
        QCOMPARE(static_cast<int>(page.detailPanel()->chart()->data().points.size()), points);
        QVERIFY2(page.detailPanel()->chart()->bandedCount() >= banded,
                 qPrintable(QStringLiteral("%1 of %2 points with a band, %3 before").arg(page.detailPanel()->chart()->bandedCount()).arg(points).arg(banded)));
        // Undo, so that the other tests see the demo's anomalies as they were.
        QVERIFY(page.detailPanel()->undoButton()->isEnabled());
        page.detailPanel()->undoButton()->click();
        QTRY_COMPARE(written.size(), 2);
        QVERIFY(waitLoaded(page));
    }

    // Issue #23 item 8: the detail pane shows the selected anomaly, or none when nothing is selected,
    // also after a rescan.
    void detailFollowsTheSelection()
    {
        AnomaliesPage page(m_path);
        QVERIFY(showLoaded(page));
        QVERIFY(page.model()->rowCount() > 1);
        page.table()->setCurrentIndex(page.table()->model()->index(1, 0));
        QTRY_VERIFY(page.detailPanel()->anomalyId() == selectedId(page) && !page.isBusy());
        QVERIFY(selectedId(page) > 0);
        // Deselected (Ctrl+click on the selected row): the pane lets go of it.
        page.table()->selectionModel()->clearSelection();
        QTRY_COMPARE(page.detailPanel()->anomalyId(), qint64(0));
        // Selected again, then rescanned: the pane shows what is selected once the page has reloaded.
        page.table()->setCurrentIndex(page.table()->model()->index(1, 0));
        page.table()->selectRow(1);
        QTRY_VERIFY(page.detailPanel()->anomalyId() == selectedId(page) && selectedId(page) > 0);
        QSignalSpy written(&page, &AnomaliesPage::writeFinished);
        page.findChild<QPushButton *>(QStringLiteral("rescan"))->click();
        QTRY_COMPARE(written.size(), 1);
        QVERIFY(waitLoaded(page));
        QTRY_VERIFY(!page.isBusy());
        QCOMPARE(page.detailPanel()->anomalyId(), selectedId(page));
        // A rescan that drops every anomaly leaves nothing selected and nothing in the pane.
        page.minImpactBox()->setValue(1e8);
        QTRY_COMPARE(written.size(), 2);
        QTRY_VERIFY(waitLoaded(page) && page.model()->rowCount() == 0);
        QTRY_VERIFY(!page.isBusy());
        QCOMPARE(selectedId(page), qint64(0));
        QCOMPARE(page.detailPanel()->anomalyId(), qint64(0));
        page.minImpactBox()->setValue(10);
        QTRY_COMPARE(written.size(), 3);
        QVERIFY(waitLoaded(page));
    }

    void settingsReachTheStore()
    {
        AnomaliesPage page(m_path);
        QVERIFY(showLoaded(page));
        const int before = page.model()->rowCount();
        QSignalSpy written(&page, &AnomaliesPage::writeFinished);
        page.minImpactBox()->setValue(1e8); // more than any incident: nothing is an anomaly
        QTRY_COMPARE(written.size(), 1);
        QTRY_VERIFY(waitLoaded(page) && page.model()->rowCount() == 0);
        Cost::Store store;
        QVERIFY(store.open(m_path.toStdString()));
        Analytics::AnomalySettings settings;
        std::string error;
        QVERIFY(Analytics::AnomalyStore(store.db()).loadSettings(settings, error));
        QCOMPARE(settings.minImpact, Cost::Money(100'000'000) * Cost::kMoneyScale);
        page.minImpactBox()->setValue(10);
        QTRY_COMPARE(written.size(), 2);
        QTRY_VERIFY(waitLoaded(page) && page.model()->rowCount() == before);
    }
};

BURNRATE_GUI_TEST_MAIN(TestAnomaliesPage)
#include "tst_anomaliespage.moc"
