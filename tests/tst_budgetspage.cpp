// Budgets page and burn-down, offscreen on the budget fixture store (known daily spend): the
// burn-down's cumulative actual equals the fixture's own sums, its cone ends at the status'
// projection, the page lists budgets with their status, and add / remove go through the store
// (removal only after confirmation). Also the report sections' titles and numbers.
#include "budget/budgetburndown.h"
#include "budget/budgetstore.h"
#include "budgetfixture.h"
#include "testsupport.h"
#include "budgets/budgeteditdialog.h"
#include "budgets/budgetspage.h"
#include "budgets/burndownchart.h"
#include "format/format.h"
#include "format/palette.h"
#include "guitestmain.h"
#include "report/bandchart.h"
#include "report/budgetsection.h"
#include "report/forecastsection.h"
#include "report/reportwriter.h"
#include "store/store.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <set>

using BudgetFixture::day;
using BudgetFixture::sumOf;

namespace {

constexpr int kLoadTimeoutMs = 60000;

Budgets::Budget chatbotBudget()
{
    Budgets::Budget b;
    b.name = "Chatbot";
    b.scopeDim = "feature";
    b.scopeValue = "chatbot";
    b.amount = 2500 * Cost::kMoneyScale;
    b.thresholds = {{50, true, false}, {80, true, false}, {100, true, true}};
    return b;
}

// Answers the next modal message box with `button`.
void answerNextMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, [button] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(button)->click();
    });
}

} // namespace

class TestBudgetsPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    const std::int64_t m_asOf = day("2025-03-15");

    bool load(BudgetsPage &page)
    {
        QSignalSpy loaded(&page, &Page::loaded);
        page.setDateRange(m_asOf - 30, m_asOf);
        page.reload();
        return loaded.wait(kLoadTimeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_db = m_dir.filePath(QStringLiteral("budgets.sqlite"));
        QVERIFY(BudgetFixture::writeStore(m_db));
        Cost::Store store;
        QVERIFY(store.open(m_db.toStdString()));
        Budgets::Budget b = chatbotBudget();
        std::string error;
        QVERIFY2(Budgets::addBudget(store.db(), b, error), error.c_str());
    }

    void burnDownMatchesTheFixture()
    {
        Cost::Store store;
        QVERIFY(store.open(m_db.toStdString()));
        Budgets::Budget b;
        std::string error;
        QVERIFY(Budgets::findBudget(store.db(), "Chatbot", b, error));
        Budgets::BurnDown bd;
        QVERIFY2(Budgets::burnDown(store.db(), b, m_asOf, bd, error), error.c_str());
        const BudgetFixture::Scope scope{"feature", "chatbot"};
        QCOMPARE(bd.points.size(), std::size_t(31)); // every day of March
        QCOMPARE(bd.points.front().day, day("2025-03-01"));
        QCOMPARE(bd.amount, 2500.0);
        for (const Budgets::BurnDownPoint &p : bd.points) {
            if (p.day <= m_asOf) {
                QVERIFY(std::abs(p.actual - Cost::toDouble(sumOf(scope, day("2025-03-01"), p.day))) < 1e-6);
            } else {
                QVERIFY(std::isnan(p.actual));
            }
            if (p.day < m_asOf) {
                QVERIFY(std::isnan(p.forecast));
                continue;
            }
            QVERIFY(p.lo95 <= p.lo80 + 1e-9 && p.lo80 <= p.forecast + 1e-9);
            QVERIFY(p.forecast <= p.hi80 + 1e-9 && p.hi80 <= p.hi95 + 1e-9);
        }
        // The cone starts at the actual total of the last known day and ends at the projection.
        const Budgets::BurnDownPoint &start = bd.points[static_cast<std::size_t>(m_asOf - day("2025-03-01"))];
        QCOMPARE(start.forecast, start.actual);
        QVERIFY(std::abs(bd.points.back().forecast - Cost::toDouble(bd.status.projected)) < 1e-6);
        QVERIFY(std::abs(bd.points.back().lo80 - Cost::toDouble(bd.status.projectedLow80)) < 1e-6);
        QVERIFY(std::abs(bd.points.back().hi80 - Cost::toDouble(bd.status.projectedHigh80)) < 1e-6);
        // About 2,750 a month against 2,500: the projection crosses the budget before the 31st.
        const std::int64_t cross = Budgets::projectedCrossingDay(bd);
        QVERIFY(cross > m_asOf && cross <= day("2025-03-31"));
        QCOMPARE(Budgets::standing(bd.status), Budgets::Standing::ForecastOver);

        // Chart data: the budget line and one dotted line per threshold below 100%.
        const BandChart::Data d = BurnDownChart::dataFor(bd, QStringLiteral("USD"));
        QCOMPARE(d.lines.size(), std::size_t(3));
        QCOMPARE(d.lines[0].value, 2500.0);
        QCOMPARE(d.lines[1].value, 1250.0);
        QCOMPARE(d.lines[2].value, 2000.0);
        // Issue #23 item 10: the threshold lines read apart (not one grey), escalating to the budget's red.
        QVERIFY(d.lines[0].colour == Palette::Role::Budget);
        QVERIFY(d.lines[1].colour != d.lines[2].colour);
        const std::set<Palette::Role> roles{BandChart::thresholdRole(50), BandChart::thresholdRole(80), BandChart::thresholdRole(90),
                                            BandChart::thresholdRole(120)};
        QCOMPARE(roles.size(), std::size_t(4));
        for (const Palette *p : {&Palette::light(), &Palette::dark()})
            QVERIFY(p->colour(BandChart::thresholdRole(80)) != p->colour(BandChart::thresholdRole(90)));
    }

    void pageListsBudgetsWithBurnDown()
    {
        BudgetsPage page(m_db);
        page.setAsOfDay(m_asOf);
        page.resize(1200, 760);
        page.show();
        QVERIFY(load(page));
        QCOMPARE(page.table()->rowCount(), 1);
        QCOMPARE(page.table()->item(0, 0)->text(), QStringLiteral("Chatbot"));
        QCOMPARE(page.table()->item(0, 7)->text(), BudgetsPage::tr("Forecast over"));
        QCOMPARE(page.table()->item(0, 3)->text(), Format::money(2500 * Cost::kMoneyScale, QStringLiteral("USD"), Format::Precision::WholeFromThousand));
        QVERIFY(page.captionLabel()->text().contains(QStringLiteral("reaches the budget on")));
        QTRY_VERIFY(!page.chart()->isRebuildPending());
        const QStringList names = page.chart()->seriesNames();
        QVERIFY2(names.contains(QStringLiteral("Spent so far")) && names.contains(QStringLiteral("Projected"))
                     && names.contains(QStringLiteral("80% range")) && names.contains(QStringLiteral("Budget $2,500.00")),
                 qPrintable(names.join(QLatin1Char(','))));
    }

    void editorValidates()
    {
        BudgetEditDialog dialog(Budgets::Budget{}, {{"feature", "chatbot"}, {"model", "gpt-4o"}});
        Budgets::Budget out;
        QString error;
        dialog.nameEdit()->setText(QStringLiteral("Search"));
        dialog.amountEdit()->setText(QStringLiteral("twelve"));
        QVERIFY(!dialog.budget(out, error));
        QVERIFY(error.contains(QStringLiteral("twelve")));
        dialog.amountEdit()->setText(QStringLiteral("1234.56"));
        QVERIFY2(dialog.budget(out, error), qPrintable(error));
        QCOMPARE(out.amount, Cost::Money(12345600000000));
        QCOMPARE(out.thresholds, Budgets::defaultThresholds());
    }

    // Issue #23 item 10: thresholds stay in order while editing, and a new one repeats none.
    void editorKeepsThresholdsInOrder()
    {
        BudgetEditDialog dialog(Budgets::Budget{}, {});
        QTableWidget *table = dialog.thresholdTable();
        auto percents = [table] {
            QList<int> out;
            for (int row = 0; row < table->rowCount(); ++row)
                out << qobject_cast<QSpinBox *>(table->cellWidget(row, 0))->value();
            return out;
        };
        QCOMPARE(percents(), QList<int>({50, 80, 100}));
        dialog.addThreshold();
        QCOMPARE(percents(), QList<int>({50, 80, 100, 110}));
        auto *first = qobject_cast<QSpinBox *>(table->cellWidget(0, 0));
        table->setCurrentCell(0, 0);
        first->setValue(95);
        Q_EMIT first->editingFinished();
        QCOMPARE(percents(), QList<int>({80, 95, 100, 110}));
        QCOMPARE(table->currentRow(), 1); // the edited row is still the current one
        dialog.nameEdit()->setText(QStringLiteral("Ordered"));
        dialog.amountEdit()->setText(QStringLiteral("100"));
        Budgets::Budget out;
        QString error;
        QVERIFY2(dialog.budget(out, error), qPrintable(error));
        QCOMPARE(out.thresholds.size(), std::size_t(4));
        QCOMPARE(out.thresholds[1].percent, 95);
        QVERIFY(out.thresholds[1].onActual && !out.thresholds[1].onForecast); // the row's checks moved with it
    }

    void removeAsksFirst()
    {
        const QString path = m_dir.filePath(QStringLiteral("remove.sqlite"));
        QVERIFY(QFile::copy(m_db, path));
        BudgetsPage page(path);
        page.setAsOfDay(m_asOf);
        page.show();
        QVERIFY(load(page));
        page.selectRow(0);
        QSignalSpy changed(&page, &BudgetsPage::budgetsChanged);
        answerNextMessageBox(QMessageBox::No);
        page.removeBudget();
        QCOMPARE(changed.count(), 0);
        answerNextMessageBox(QMessageBox::Yes);
        page.removeBudget();
        QTRY_COMPARE(changed.count(), 1);
        QSignalSpy loaded(&page, &Page::loaded);
        QVERIFY(loaded.wait(kLoadTimeoutMs));
        QCOMPARE(page.table()->rowCount(), 0);
        Cost::Store store;
        QVERIFY(store.open(path.toStdString()));
        std::vector<Budgets::Budget> left;
        std::string error;
        QVERIFY(Budgets::loadBudgets(store.db(), left, error));
        QVERIFY(left.empty());
    }

    void reportHasForecastAndBudgetSections()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is needed");
        // A period that reaches the store's last day: the forecast follows it (a closed period
        // has no forecast section, tst_report reportWords).
        Report::ReportRequest r;
        r.fromDay = BudgetFixture::lastDay() - 29;
        r.toDay = BudgetFixture::lastDay();
        QString text, reportError;
        QStringList titles;
        QVERIFY2(TestSupport::reportText(m_db, r, m_dir.filePath(QStringLiteral("report.pdf")), &text, &titles, &reportError),
                 qPrintable(reportError));
        QVERIFY2(titles.contains(QStringLiteral("Forecasts")) && titles.contains(QStringLiteral("Budgets")),
                 qPrintable(titles.join(QLatin1Char(','))));
        text = text.simplified();
        QVERIFY(text.contains(QStringLiteral("Burn-down: Chatbot")));
        QVERIFY(text.contains(QStringLiteral("Month-end projections")));

        // The section's numbers are the forecaster's.
        Cost::Store store;
        QVERIFY(store.open(m_db.toStdString()));
        Report::ForecastSection section;
        Report::ReportData data;
        data.request = r;
        std::string error;
        QVERIFY(section.prepare(store.db(), data, error));
        QVERIFY(section.hasContent(data));
        const Analytics::ForecastView want = Analytics::computeForecastView(store.db(), {}, Report::ForecastSection::kHorizon);
        QCOMPARE(section.main().month.projected, want.month.projected);
        QVERIFY(text.contains(Analytics::projectionSentence(want.month, QStringLiteral("USD")).left(40).simplified()));
    }
};

BURNRATE_GUI_TEST_MAIN(TestBudgetsPage)
#include "tst_budgetspage.moc"
