// The Recommendations page (issue #19 item 2) on the demo store: it lists what the engine finds,
// ranked, with the total per month; Open in Simulator carries the scenario into the Simulator page;
// Dismiss and Snooze (with a reason) hide a row until undone or until the date; a done
// recommendation shows in Realised with its measured saving; the PDF report has the section.
#include "domain/timeparse.h"
#include "domain/translations.h"
#include "format/dates.h"
#include "format/money.h"
#include "guitestmain.h"
#include "recommend/recommend.h"
#include "recommend/recommendscan.h"
#include "recommend/recommendtext.h"
#include "recommendations/dismissdialog.h"
#include "recommendations/recommendationspage.h"
#include "report/recommendationsection.h"
#include "shell/mainwindow.h"
#include "simulation/scenario.h"
#include "simulator/simulatorpage.h"
#include "store/store.h"
#include "testsupport.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>

namespace {

constexpr int kLoadTimeoutMs = 60000;
const std::int64_t kEnd = Cost::daysFromCivil(2026, 3, 18);
constexpr auto kCents = Format::Precision::Cents;

} // namespace

class TestRecommendationsPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    std::vector<Recommend::Recommendation> m_found; // what the engine finds in the last 30 days

    bool load(RecommendationsPage &page)
    {
        QSignalSpy loaded(&page, &Page::loaded);
        page.show(); // a hidden page does not load
        page.setDateRange(kEnd - 29, kEnd);
        page.reload();
        return loaded.wait(kLoadTimeoutMs);
    }

    QString cell(QTableWidget *table, int row, int col) const
    {
        const QTableWidgetItem *item = table->item(row, col);
        return item ? item->text() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Translations::install(QStringLiteral("en")); // "%n recommendation(s)" as the app prints it
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_db = m_dir.filePath(QStringLiteral("demo.sqlite"));
        std::string error;
        QVERIFY2(TestSupport::writeDemoStore(m_db, kEnd, 60, &error), error.c_str());
        Cost::Store store;
        QVERIFY(store.open(m_db.toStdString()));
        Simulation::UsageQuery query;
        query.fromDay = kEnd - 29;
        query.toDay = kEnd;
        Recommend::Scan scan;
        QVERIFY2(Recommend::scan(store.db(), query, scan, error), error.c_str());
        m_found = scan.found;
        QVERIFY(m_found.size() >= 2);
    }

    void listsWhatTheEngineFinds()
    {
        RecommendationsPage page(m_db);
        page.setToday(kEnd + 1);
        QVERIFY(load(page));
        QTableWidget *table = page.table();
        QCOMPARE(table->rowCount(), static_cast<int>(m_found.size()));
        Cost::BigMoney total = 0;
        for (int row = 0; row < table->rowCount(); ++row) {
            const Recommend::Recommendation &r = m_found[static_cast<std::size_t>(row)];
            total += r.result.monthly;
            QCOMPARE(cell(table, row, 0), Recommend::kindText(Recommend::kindName(r.kind)));
            QCOMPARE(cell(table, row, 1), Recommend::scopeText(r.feature, r.model, r.provider));
            QCOMPARE(cell(table, row, 2), Format::money(r.result.monthly, QStringLiteral("USD"), kCents));
            QCOMPARE(cell(table, row, 5), QStringLiteral("Open"));
        }
        const QString summary = page.summaryLabel()->text();
        QVERIFY2(summary.contains(Format::money(total, QStringLiteral("USD"), kCents)), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("from %1 open recommendations").arg(m_found.size())), qPrintable(summary));
        // The first row is selected and its evidence shown.
        QCOMPARE(table->currentRow(), 0);
        QVERIFY(page.evidenceLabel()->text().contains(QString::fromStdString(m_found.front().evidence).toHtmlEscaped()));
        // Everything found is remembered, open.
        Cost::Store store;
        QVERIFY(store.open(m_db.toStdString()));
        QCOMPARE(store.db().scalar("SELECT count(*) FROM recommendation WHERE status = 'open'"), static_cast<std::int64_t>(m_found.size()));
    }

    void openInSimulatorCarriesTheScenario()
    {
        MainWindow window(m_db);
        window.show();
        window.showPage(QStringLiteral("recommendations"));
        auto *page = qobject_cast<RecommendationsPage *>(window.page(QStringLiteral("recommendations")));
        QVERIFY(page);
        page->setToday(kEnd + 1);
        // The window sets the page's range (its default): wait for that load.
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded() && !page->rows().empty(), kLoadTimeoutMs);
        page->table()->selectRow(1);
        const Recommend::Recommendation want = *page->rows()[1].recommendation;
        int opened = 0;
        Simulation::Scenario scenario;
        connect(page, &RecommendationsPage::openInSimulator, this, [&](const Simulation::Scenario &s) {
            scenario = s;
            ++opened;
        });
        page->openSelectedInSimulator();
        QCOMPARE(opened, 1);
        QCOMPARE(QString::fromStdString(Simulation::scenarioToJson(scenario)),
                 QString::fromStdString(Simulation::scenarioToJson(want.scenario)));
        QCOMPARE(window.currentPageId(), QStringLiteral("simulator"));
        auto *simulator = qobject_cast<SimulatorPage *>(window.page(QStringLiteral("simulator")));
        QVERIFY(simulator);
        // The editor holds the recommendation's scenario (its name and steps; the period is the window's).
        const auto stepsOnly = [](const Simulation::Scenario &s) {
            Simulation::Scenario only;
            only.name = s.name;
            only.steps = s.steps;
            return Simulation::scenarioToJson(only);
        };
        QCOMPARE(stepsOnly(simulator->currentScenario()), stepsOnly(want.scenario));
    }

    void dismissAndUndo()
    {
        RecommendationsPage page(m_db);
        page.setToday(kEnd + 1);
        QVERIFY(load(page));
        const int rows = page.table()->rowCount();
        const std::string key = Recommend::recommendationKey(m_found.front());
        page.table()->selectRow(0);
        QSignalSpy loaded(&page, &Page::loaded);
        page.dismissSelected(QStringLiteral("quality matters more here"));
        QVERIFY(loaded.wait(kLoadTimeoutMs));
        QCOMPARE(page.table()->rowCount(), rows - 1);
        QVERIFY(page.statusLabel()->text().startsWith(QStringLiteral("Dismissed")));
        {
            Cost::Store store;
            QVERIFY(store.open(m_db.toStdString()));
            std::map<std::string, Recommend::Tracked> tracked;
            std::string error;
            QVERIFY(Recommend::loadTracked(store.db(), tracked, error));
            QCOMPARE(tracked.at(key).status, Recommend::Status::Dismissed);
            QCOMPARE(tracked.at(key).reason, std::string("quality matters more here"));
        }
        // The total leaves it out; shown again (marked) with "Show dismissed and snoozed".
        QVERIFY(page.summaryLabel()->text().contains(QStringLiteral("from %1 open").arg(rows - 1)));
        page.showHiddenBox()->setChecked(true);
        QCOMPARE(page.table()->rowCount(), rows);
        QCOMPARE(cell(page.table(), 0, 5), QStringLiteral("Dismissed"));
        page.showHiddenBox()->setChecked(false);
        // Ctrl+Z puts it back.
        page.undo();
        QVERIFY(loaded.wait(kLoadTimeoutMs));
        QCOMPARE(page.table()->rowCount(), rows);
        QCOMPARE(cell(page.table(), 0, 5), QStringLiteral("Open"));
    }

    void snoozeUntilADate()
    {
        RecommendationsPage page(m_db);
        page.setToday(kEnd + 1);
        QVERIFY(load(page));
        const int rows = page.table()->rowCount();
        page.table()->selectRow(0);
        QSignalSpy loaded(&page, &Page::loaded);
        page.snoozeSelected(QStringLiteral("after the launch"), kEnd + 8);
        QVERIFY(loaded.wait(kLoadTimeoutMs));
        QCOMPARE(page.table()->rowCount(), rows - 1);
        page.showHiddenBox()->setChecked(true);
        QCOMPARE(cell(page.table(), 0, 5), QStringLiteral("Snoozed until %1").arg(Format::shortDate(kEnd + 8, true)));
        page.showHiddenBox()->setChecked(false);
        // The day after the snooze it is back.
        page.setToday(kEnd + 9);
        QVERIFY(load(page));
        QCOMPARE(page.table()->rowCount(), rows);
    }

    void aStoreThatCannotBeWrittenStillShowsThem()
    {
        Cost::Store store;
        QVERIFY(store.open(m_db.toStdString()));
        QVERIFY(store.db().exec("PRAGMA query_only = 1"));
        const RecommendationsPage::Snapshot s = RecommendationsPage::query(store, kEnd - 29, kEnd, kEnd + 1);
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.found.size(), m_found.size());
        QVERIFY2(s.warning.contains(QStringLiteral("cannot update recommendations")), qPrintable(s.warning));
        QVERIFY(!s.tracked.empty()); // what earlier loads remembered, read
    }

    void exportsTheGuardrailsQuotas()
    {
        RecommendationsPage page(m_db);
        page.setToday(kEnd + 9); // after snoozeUntilADate's snooze of the top row (the guardrail) ran out
        QVERIFY(load(page));
        const QString path = m_dir.filePath(QStringLiteral("quotas.json"));
        page.exportQuotas(Recommend::QuotaFormat::LiteLlm, path);
        std::vector<Recommend::Recommendation> guardrails;
        for (const auto &row : page.rows())
            if (row.status == Recommend::Status::Open && row.recommendation->kind == Recommend::Kind::Guardrail)
                guardrails.push_back(*row.recommendation);
        QVERIFY(!guardrails.empty()); // the demo's runaway agent
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        // The file the command line writes for the same guardrails.
        QCOMPARE(f.readAll().toStdString(), Recommend::quotaFile(guardrails, Recommend::QuotaFormat::LiteLlm,
                                                                   page.snapshot().fromDay, page.snapshot().toDay, "USD"));
        QVERIFY(page.statusLabel()->text().startsWith(QStringLiteral("Wrote %1 suggested limit").arg(guardrails.size())));
    }

    void dialogAsksForReasonAndDate()
    {
        DismissDialog snooze(DismissDialog::Mode::Snooze, QStringLiteral("Batch tier: x"), kEnd);
        QCOMPARE(snooze.untilDay(), kEnd + 30);
        QCOMPARE(Format::dayOfDate(snooze.dateEdit()->minimumDate()), kEnd + 1);
        snooze.reasonEdit()->setText(QStringLiteral("  next quarter  "));
        QCOMPARE(snooze.reason(), QStringLiteral("next quarter"));
        DismissDialog dismiss(DismissDialog::Mode::Dismiss, QStringLiteral("Batch tier: x"), kEnd);
        QVERIFY(!dismiss.dateEdit());
        QCOMPARE(dismiss.untilDay(), 0);
    }

    void realisedShowsTheMeasuredSaving()
    {
        const std::string key = Recommend::recommendationKey(m_found.back());
        {
            Cost::Store store;
            QVERIFY(store.open(m_db.toStdString()));
            QVERIFY(store.db().exec("UPDATE recommendation SET status = 'done', realised_monthly = 123400000000, realised_from = "
                                    + std::to_string(kEnd - 29) + ", realised_to = " + std::to_string(kEnd) + " WHERE key = '" + key + "'"));
        }
        RecommendationsPage page(m_db);
        page.setToday(kEnd + 9); // after the snooze of snoozeUntilADate
        QVERIFY(load(page));
        QCOMPARE(page.realisedTable()->rowCount(), 1);
        QCOMPARE(cell(page.realisedTable(), 0, 3), QStringLiteral("+$12.34"));
        QCOMPARE(page.table()->rowCount(), static_cast<int>(m_found.size()) - 1);

        // The PDF report has the section, with the realised one.
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is needed");
        Report::registerRecommendationSection();
        Report::ReportRequest r;
        r.fromDay = kEnd - 29;
        r.toDay = kEnd;
        QString text, error;
        QStringList titles;
        QVERIFY2(TestSupport::reportText(m_db, r, m_dir.filePath(QStringLiteral("report.pdf")), &text, &titles, &error),
                 qPrintable(error));
        QVERIFY2(titles.contains(QStringLiteral("Savings recommendations")), qPrintable(titles.join(QLatin1Char(','))));
        text = text.simplified();
        QVERIFY(text.contains(QStringLiteral("Savings recommendations")));
        QVERIFY2(text.contains(Format::money(m_found.front().result.monthly, QStringLiteral("USD"), kCents)), qPrintable(text.right(3000)));
        QVERIFY(text.contains(QStringLiteral("Realised")));
        QVERIFY(text.contains(QStringLiteral("+$12.34")));
    }
};

BURNRATE_GUI_TEST_MAIN(TestRecommendationsPage)
#include "tst_recommendationspage.moc"
