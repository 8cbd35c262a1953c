// The Overview page and the import controller, driven through the real MainWindow offscreen:
// the tiles show exactly what Analytics computes, the chart stacks the top models, range
// changes reload, and imports (successful, cancelled, broken) reach the store and the page.
#include "analytics/analytics.h"
#include "analytics/periods.h"
#include "budgets/budgetspage.h"
#include "charts/stackedcostchart.h"
#include "domain/timeparse.h"
#include "forecasts/forecastpage.h"
#include "format/format.h"
#include "guitestmain.h"
#include "testsupport.h"
#include "import/demogenerator.h"
#include "import/focusimporter.h"
#include "overview/kpitile.h"
#include "overview/overviewpage.h"
#include "shell/daterangebar.h"
#include "shell/importcontroller.h"
#include "shell/mainwindow.h"
#include "spend/spendfilter.h"
#include "store/store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QStatusBar>
#include <QTest>
#include <QWizard>
#include <QTextStream>

#include <atomic>

namespace {

constexpr int kLoadTimeoutMs = 60000;

const char *const kModels[] = {"model-a", "model-b", "model-c", "model-d", "model-e", "model-f",
                               "model-g", "model-h", "model-i", "model-j", "model-k"};
const char *const kFeatures[] = {"chatbot", "search", "summarize"};

// Writes a FOCUS CSV with `rows` charges: one per (day, model) in turn, each model costing a
// different amount so that the ranking is stable. Returns false when the file cannot be written.
bool writeFocusCsv(const QString &path, int rows, std::int64_t firstDay, int models)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QTextStream out(&file);
    out << "BilledCost,EffectiveCost,ListCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,BillingPeriodStart,"
           "BillingPeriodEnd,ProviderName,BillingAccountId,ServiceName,ServiceCategory,SkuMeter,ConsumedQuantity,"
           "ConsumedUnit,x_Model,x_Feature\n";
    for (int i = 0; i < rows; ++i) {
        const int model = i % models;
        const std::int64_t day = firstDay + (i / models) % 60;
        const std::string date = Cost::formatDay(day);
        int y;
        unsigned m, d;
        Cost::civilFromDays(day, y, m, d);
        const std::string periodStart = Cost::formatDay(Cost::daysFromCivil(y, m, 1));
        const std::string periodEnd = Cost::formatDay(Cost::daysFromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1));
        // Cents that differ per row and per model; the total is exact in decimal.
        const int cents = (models - model) * 1000 + (i % 97);
        const QString cost = QStringLiteral("%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0'));
        out << cost << ',' << cost << ',' << cost << ",USD," << date.c_str() << "T00:00:00Z," << date.c_str()
            << "T01:00:00Z," << periodStart.c_str() << "T00:00:00Z," << periodEnd.c_str()
            << "T00:00:00Z,Example AI,acct-1,Example Inference,AI and Machine Learning,Input Tokens,"
            << (1000 + i % 500) << ",Tokens," << kModels[model] << ',' << kFeatures[i % 3] << '\n';
    }
    out.flush();
    return out.status() == QTextStream::Ok;
}

Analytics::OverviewKpis expectedKpis(const QString &dbPath, std::int64_t asOfDay)
{
    Cost::Store store;
    Analytics::OverviewKpis kpis;
    std::string error;
    if (!store.open(dbPath.toStdString()) || !Analytics::overviewKpis(store.db(), asOfDay, kpis, error))
        qWarning("overviewKpis failed: %s", error.c_str());
    return kpis;
}

struct StoreFacts {
    std::int64_t rows = -1;
    Cost::BigMoney billed = -1;
    bool operator==(const StoreFacts &o) const { return rows == o.rows && billed == o.billed; }
};

StoreFacts storeFacts(const QString &dbPath)
{
    StoreFacts facts;
    Cost::Store store;
    if (!store.open(dbPath.toStdString()))
        return facts;
    facts.rows = store.factCount();
    Analytics::TotalsRequest request;
    std::vector<Analytics::TotalsRow> rows;
    std::string error;
    if (Analytics::totals(store.db(), request, rows, error))
        facts.billed = rows.empty() ? 0 : rows.front().value;
    return facts;
}

OverviewPage *overview(MainWindow &window)
{
    return qobject_cast<OverviewPage *>(window.page(QStringLiteral("overview")));
}

} // namespace

class TestOverviewPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Money reads "$12,345" whatever the machine's locale ("C" formats as US English).
        QLocale::setDefault(QLocale::c());
        qRegisterMetaType<Cost::ImportJob::Summary>();
    }

    // Days still arriving are hatched and named in the legend, not read as a fall; the first day
    // always counts as complete, and complete data draws no hatch.
    void partialDaysAreHatched()
    {
        Analytics::DailyBreakdown d;
        d.firstDay = Cost::daysFromCivil(2025, 6, 1);
        d.days = 5;
        d.names = {"gpt-4o", "Other"};
        d.values = {{100, 110, 105, 120, 30}, {10, 12, 11, 9, 2}};
        d.seriesTotals = {0, 0};
        StackedCostChart chart;
        chart.resize(800, 400);
        chart.show();
        chart.setData(d, QStringLiteral("USD"), (d.firstDay + 4) * 86400 + 9 * 3600); // June 5, 9:00
        QCOMPARE(chart.seriesCount(), 2);
        QVERIFY2(chart.partialNote().contains(QStringLiteral("Partial")), qPrintable(chart.partialNote()));
        QCOMPARE(chart.seriesNames(), QStringList({QStringLiteral("gpt-4o"), QStringLiteral("Other")}));
        chart.setData(d, QStringLiteral("USD"), (d.firstDay + 5) * 86400);
        QVERIFY(chart.partialNote().isEmpty());
        chart.setData(d, QStringLiteral("USD"));
        QVERIFY(chart.partialNote().isEmpty());
        chart.setData(d, QStringLiteral("USD"), d.firstDay * 86400 + 3600); // everything partial: from the second day
        QVERIFY(!chart.partialNote().isEmpty());
    }

    void pagesAreRegistered()
    {
        QVERIFY(MainWindow::pageIds().contains(QStringLiteral("overview")));
    }

    void tilesAndChartShowTheAnalytics()
    {
        const QString path = m_dir.filePath(QStringLiteral("demo.sqlite"));
        const std::int64_t endDay = Cost::daysFromCivil(2025, 6, 18);
        {
            std::string error;
            QVERIFY2(TestSupport::writeDemoStore(path, endDay, 150, &error), error.c_str());
        }

        MainWindow window(path);
        window.resize(1280, 800);
        window.show();
        OverviewPage *page = overview(window);
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded(), kLoadTimeoutMs);
        QVERIFY(!page->isShowingEmptyState());

        // Default range: the 90 days ending at the last day with data.
        QCOMPARE(window.dateRangeBar()->toDay(), endDay);
        QCOMPARE(window.dateRangeBar()->fromDay(), endDay - 89);
        QCOMPARE(page->toDay(), endDay);

        const Analytics::OverviewKpis k = expectedKpis(path, endDay);
        const QString currency = QString::fromStdString(k.currency);
        QCOMPARE(currency, QStringLiteral("USD"));
        QVERIFY(k.monthToDate > 0 && k.last30 > 0 && k.previous30 > 0);
        QCOMPARE(page->monthToDateTile()->value(), Format::money(k.monthToDate, currency, Format::Precision::WholeFromThousand));
        QCOMPARE(page->last30Tile()->value(), Format::money(k.last30, currency, Format::Precision::WholeFromThousand));
        QCOMPARE(page->topModelTile()->value(), QString::fromStdString(k.topModel));
        QVERIFY(page->topModelTile()->detail().startsWith(Format::money(k.topModelCost, currency, Format::Precision::WholeFromThousand)));
        QCOMPARE(page->topFeatureTile()->value(), QString::fromStdString(k.topFeature));
        QVERIFY(page->topFeatureTile()->detail().startsWith(Format::money(k.topFeatureCost, currency, Format::Precision::WholeFromThousand)));
        QCOMPARE(page->tokensTile()->value(), Format::compactCount(k.tokens30));

        // Money on tiles reads like "$12,345": whole dollars with grouping (the test runs in C.UTF-8).
        static const QRegularExpression wholeDollars(QStringLiteral("^\\$\\d{1,3}(,\\d{3})+$"));
        QVERIFY2(wholeDollars.match(page->last30Tile()->value()).hasMatch(), qPrintable(page->last30Tile()->value()));
        const long long last30Dollars = static_cast<long long>((k.last30 + Cost::kMoneyScale / 2) / Cost::kMoneyScale);
        QCOMPARE(page->last30Tile()->value().remove(QLatin1Char('$')).remove(QLatin1Char(',')).toLongLong(),
                 last30Dollars);

        // The change is coloured by direction: more spend is bad news.
        double percent = 0;
        QVERIFY(Format::percentChange(Cost::toDouble(k.last30), Cost::toDouble(k.previous30), percent));
        QVERIFY(page->last30Tile()->detail().contains(Format::signedPercent(percent)));
        QCOMPARE(page->last30Tile()->tone(), percent > 0 ? KpiTile::Tone::Bad : KpiTile::Tone::Good);

        // The demo has ten models: the top eight and "Other".
        StackedCostChart *chart = page->chart();
        QCOMPARE(chart->seriesCount(), OverviewPage::kTopModels + 1);
        QCOMPARE(chart->seriesNames().last(), QStringLiteral("Other"));
        QCOMPARE(chart->seriesNames().first(), QString::fromStdString(chart->data().names.front()));
        QCOMPARE(chart->data().days, 90);
        QVERIFY(chart->dateTickLabels().size() >= 2 && chart->dateTickLabels().size() <= 12);
        QVERIFY(chart->moneyTickLabels().size() >= 3);
        QCOMPARE(chart->moneyTickLabels().first(), QStringLiteral("$0"));

        // A burst of range changes: only the last one is shown.
        QSignalSpy loaded(page, &Page::loaded);
        window.dateRangeBar()->setPreset(DateRangeBar::Preset::Last7Days);
        window.dateRangeBar()->setPreset(DateRangeBar::Preset::All);
        window.dateRangeBar()->setPreset(DateRangeBar::Preset::LastMonth);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded() && loaded.count() >= 1, kLoadTimeoutMs);
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(chart->data().firstDay, Cost::daysFromCivil(2025, 5, 1));
        QCOMPARE(chart->data().days, 31);
        // KPIs are as of the range end (May 31).
        const Analytics::OverviewKpis may = expectedKpis(path, Cost::daysFromCivil(2025, 5, 31));
        QCOMPARE(page->monthToDateTile()->value(), Format::money(may.monthToDate, currency, Format::Precision::WholeFromThousand));
    }

    // Issue #23 item 4: "month to date" is one number (Analytics::monthToDate: the 1st through
    // today, today's spend so far included) on the Overview, Forecast and Budgets pages and in
    // `burnrate budgets check`, also while today is still being billed.
    void monthToDateAgreesEverywhere()
    {
        const QString path = m_dir.filePath(QStringLiteral("today.sqlite"));
        const std::int64_t today = Analytics::todayUtc();
        Cost::BigMoney monthToDate = 0;
        {
            Cost::Store store;
            QVERIFY(store.open(path.toStdString()));
            Cost::DemoOptions options;
            options.endDay = today;
            options.endTime = today * 86400 + 2 * 3600; // today is two hours old: a partial day
            options.days = 60;
            Cost::IngestResult result;
            std::string error;
            QVERIFY2(Cost::generateDemo(store.db(), options, {}, nullptr, result, error), error.c_str());
            QVERIFY2(Analytics::monthToDateSpend(store.db(), today, {}, monthToDate, error), error.c_str());
            Analytics::TotalsRequest todaySoFar; // the partial day has spend that month to date includes
            todaySoFar.fromDay = today;
            todaySoFar.toDay = today;
            std::vector<Analytics::TotalsRow> rows;
            QVERIFY(Analytics::totals(store.db(), todaySoFar, rows, error) && !rows.empty() && rows.front().value > 0);
        }
        QVERIFY(monthToDate > 0);
        QString out, err;
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), path, QStringLiteral("budgets"), QStringLiteral("add"),
                                           QStringLiteral("--name"), QStringLiteral("all"), QStringLiteral("--amount"),
                                           QStringLiteral("100000000"), QStringLiteral("--on"), QStringLiteral("actual")},
                                          &out, &err),
                 0);

        // `burnrate budgets check`: a monthly budget on all spend has spent the month to date.
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), path, QStringLiteral("budgets"), QStringLiteral("check"),
                                           QStringLiteral("--format"), QStringLiteral("json")},
                                          &out, &err),
                 0);
        const QJsonObject status = QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("budgets")).toArray()[0].toObject();
        QCOMPARE(status.value(QStringLiteral("actual")).toString(), QString::fromStdString(Cost::formatMoney(monthToDate)));

        MainWindow window(path);
        window.resize(1280, 800);
        window.show();
        OverviewPage *page = overview(window);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded(), kLoadTimeoutMs);
        QCOMPARE(page->toDay(), today);
        QCOMPARE(page->monthToDateTile()->value(), Format::money(monthToDate, QStringLiteral("USD"), Format::Precision::WholeFromThousand));

        QVERIFY(window.showPage(QStringLiteral("budgets")));
        auto *budgets = qobject_cast<BudgetsPage *>(window.page(QStringLiteral("budgets")));
        QTRY_VERIFY_WITH_TIMEOUT(budgets->isLoaded() && !budgets->snapshot().budgets.empty(), kLoadTimeoutMs);
        QCOMPARE(budgets->snapshot().budgets.front().status.actual, monthToDate);

        QVERIFY(window.showPage(QStringLiteral("forecast")));
        auto *forecast = qobject_cast<ForecastPage *>(window.page(QStringLiteral("forecast")));
        QTRY_VERIFY_WITH_TIMEOUT(forecast->isLoaded() && forecast->view().ok, kLoadTimeoutMs);
        QCOMPARE(forecast->selectedSeries(), (Analytics::SeriesRef{}));
        QCOMPARE(qRound64(forecast->view().month.actual * 100), qRound64(Cost::toDouble(monthToDate) * 100));
    }

    // Issue #23 item 5: a drill-down ("Provider: Anthropic") narrows the Overview too, like the
    // hint promises ("narrow every page to it"); clearing it brings the whole spend back.
    void drillDownNarrowsOverview()
    {
        const QString path = m_dir.filePath(QStringLiteral("drill.sqlite"));
        const std::int64_t endDay = Cost::daysFromCivil(2025, 6, 18);
        std::string error;
        QVERIFY2(TestSupport::writeDemoStore(path, endDay, 90, &error), error.c_str());
        Cost::BigMoney all = 0, narrowed = 0;
        std::string provider;
        {
            Cost::Store store;
            QVERIFY(store.open(path.toStdString()));
            Analytics::TotalsRequest byProvider;
            byProvider.by = {"provider"};
            std::vector<Analytics::TotalsRow> rows;
            QVERIFY(Analytics::totals(store.db(), byProvider, rows, error) && rows.size() >= 2);
            provider = rows.front().keys[0];
            QVERIFY(Analytics::monthToDateSpend(store.db(), endDay, {}, all, error));
            QVERIFY(Analytics::monthToDateSpend(store.db(), endDay, {{"provider", provider}}, narrowed, error));
        }
        QVERIFY(narrowed > 0 && narrowed < all);

        MainWindow window(path);
        window.resize(1280, 800);
        window.show();
        OverviewPage *page = overview(window);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded(), kLoadTimeoutMs);
        const auto tile = [](Cost::BigMoney v) { return Format::money(v, QStringLiteral("USD"), Format::Precision::WholeFromThousand); };
        QCOMPARE(page->monthToDateTile()->value(), tile(all));

        const std::shared_ptr<SpendFilter> filter = SpendFilter::forStore(path);
        QSignalSpy loaded(page, &Page::loaded);
        filter->narrow(QStringLiteral("provider"), QString::fromStdString(provider));
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && page->isLoaded(), kLoadTimeoutMs);
        QCOMPARE(page->monthToDateTile()->value(), tile(narrowed));

        filter->clear();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 2 && page->isLoaded(), kLoadTimeoutMs);
        QCOMPARE(page->monthToDateTile()->value(), tile(all));
    }

    // Issue #23 item 5: with "Last month" picked the tiles are named for the days they show (not
    // "Month to date" / "Last 30 days" while showing May); at the latest data they are again.
    void tilesAreNamedForTheirRange()
    {
        const QString path = m_dir.filePath(QStringLiteral("named.sqlite"));
        const std::int64_t endDay = Cost::daysFromCivil(2025, 6, 18);
        std::string error;
        QVERIFY2(TestSupport::writeDemoStore(path, endDay, 90, &error), error.c_str());
        MainWindow window(path);
        window.resize(1280, 800);
        window.show();
        OverviewPage *page = overview(window);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded(), kLoadTimeoutMs);
        QCOMPARE(page->monthToDateTile()->caption(), QStringLiteral("Month to date"));
        QCOMPARE(page->last30Tile()->caption(), QStringLiteral("Last 30 days"));

        QSignalSpy loaded(page, &Page::loaded);
        window.dateRangeBar()->setPreset(DateRangeBar::Preset::LastMonth);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && page->isLoaded(), kLoadTimeoutMs);
        QCOMPARE(page->monthToDateTile()->caption(), QStringLiteral("May 2025"));
        QCOMPARE(page->last30Tile()->caption(), QStringLiteral("30 days to May 31"));
        for (KpiTile *tile : {page->topModelTile(), page->topFeatureTile(), page->tokensTile()})
            QVERIFY2(tile->caption().endsWith(QStringLiteral("30 days to May 31")), qPrintable(tile->caption()));
        // The figures are those as of May 31.
        const Analytics::OverviewKpis want = expectedKpis(path, Cost::daysFromCivil(2025, 5, 31));
        QCOMPARE(page->monthToDateTile()->value(), Format::money(want.monthToDate, QStringLiteral("USD"), Format::Precision::WholeFromThousand));

        window.dateRangeBar()->setCustomRange(endDay - 40, endDay - 10);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 2 && page->isLoaded(), kLoadTimeoutMs);
        QCOMPARE(page->monthToDateTile()->caption(), QStringLiteral("Month to Jun 8"));

        window.dateRangeBar()->setPreset(DateRangeBar::Preset::Last7Days);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 3 && page->isLoaded(), kLoadTimeoutMs);
        QCOMPARE(page->monthToDateTile()->caption(), QStringLiteral("Month to date"));
        QCOMPARE(page->last30Tile()->caption(), QStringLiteral("Last 30 days"));
    }

    // Issue #23 item 5: a page the range does not reach disables the picker and says why; a page
    // it reaches in part keeps the picker and says what it sets; the others show no note.
    void rangePickerSaysWhereItDoesNotApply()
    {
        const QString path = m_dir.filePath(QStringLiteral("notes.sqlite"));
        std::string error;
        QVERIFY2(TestSupport::writeDemoStore(path, Cost::daysFromCivil(2025, 6, 18), 40, &error), error.c_str());
        MainWindow window(path);
        window.resize(1280, 800);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(overview(window)->isLoaded(), kLoadTimeoutMs);
        auto *note = window.findChild<QLabel *>(QStringLiteral("rangeNote"));
        QVERIFY(note);
        for (const QString &id : MainWindow::pageIds()) {
            QVERIFY(window.showPage(id));
            const bool none = id == QLatin1String("budgets") || id == QLatin1String("accounts");
            const bool partial = id == QLatin1String("forecast");
            QCOMPARE(window.dateRangeBar()->isEnabled(), !none);
            QVERIFY2(note->isVisible() == (none || partial), qPrintable(id));
            if (none || partial)
                QVERIFY2(!note->text().isEmpty() && window.dateRangeBar()->toolTip() == note->text(), qPrintable(id));
        }
        QVERIFY(window.showPage(QStringLiteral("budgets")));
        QVERIFY(note->text().contains(QStringLiteral("current period")));
    }

    void emptyStoreOffersDemoAndImport()
    {
        const QString path = m_dir.filePath(QStringLiteral("empty.sqlite"));
        MainWindow window(path);
        window.show();
        OverviewPage *page = overview(window);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded(), kLoadTimeoutMs);
        QVERIFY(page->isShowingEmptyState());
        auto *demo = page->findChild<QPushButton *>(QStringLiteral("loadDemoButton"));
        auto *import = page->findChild<QPushButton *>(QStringLiteral("importButton"));
        QVERIFY(demo && demo->isVisible());
        QVERIFY(import && import->isVisible());
        // Connecting an account is the main way in (#17): the default button opens the wizard.
        auto *connectButton = page->findChild<QPushButton *>(QStringLiteral("connectAccountButton"));
        QVERIFY(connectButton && connectButton->isVisible() && connectButton->isDefault());
        connectButton->click();
        QCOMPARE(window.currentPage(), window.page(QStringLiteral("accounts")));
        QWizard *wizard = nullptr;
        QTRY_VERIFY((wizard = window.findChild<QWizard *>()) != nullptr && wizard->isVisible());
        wizard->reject();
        QVERIFY(window.showPage(QStringLiteral("overview")));
        QSignalSpy demoRequested(page, &Page::demoRequested);
        QSignalSpy importRequested(page, &Page::importRequested);
        QSignalSpy busy(window.importController(), &ImportController::busyChanged);
        QSignalSpy finished(window.importController(), &ImportController::finished);
        demo->click();
        QCOMPARE(demoRequested.count(), 1);
        QCOMPARE(importRequested.count(), 0);
        // The empty store needs no confirmation: the demo starts and the page fills.
        QCOMPARE(busy.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kLoadTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded() && !page->isShowingEmptyState(), kLoadTimeoutMs);
        QCOMPARE(page->chart()->seriesCount(), OverviewPage::kTopModels + 1);
    }

    void importSucceedsAndReloads()
    {
        const QString path = m_dir.filePath(QStringLiteral("import.sqlite"));
        const QString csv = m_dir.filePath(QStringLiteral("small.csv"));
        const std::int64_t firstDay = Cost::daysFromCivil(2025, 3, 1);
        QVERIFY(writeFocusCsv(csv, 11 * 60, firstDay, 11));

        MainWindow window(path);
        window.show();
        OverviewPage *page = overview(window);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded(), kLoadTimeoutMs);
        QVERIFY(page->isShowingEmptyState());

        ImportController *controller = window.importController();
        QSignalSpy finished(controller, &ImportController::finished);
        QSignalSpy failed(controller, &ImportController::failed);
        controller->importFiles({csv});
        QVERIFY(controller->isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kLoadTimeoutMs);
        QCOMPARE(failed.count(), 0);
        const auto summary = finished.first().at(0).value<Cost::ImportJob::Summary>();
        QVERIFY(!summary.cancelled);
        QCOMPARE(summary.files, 1);
        QCOMPARE(summary.rows, 11 * 60);
        QVERIFY2(controller->lastMessage().contains(QStringLiteral("660 rows imported, 0 skipped, 0 replaced")),
                 qPrintable(controller->lastMessage()));
        // A success is a status message, not a box to dismiss (#17 item 2).
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("importOutcome")));
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("660 rows imported, 0 skipped, 0 replaced")),
                 qPrintable(window.statusBar()->currentMessage()));
        QCOMPARE(storeFacts(path).rows, 11 * 60);

        // The page picks the new data up on its own, ending at the file's last day.
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded() && !page->isShowingEmptyState(), kLoadTimeoutMs);
        QCOMPARE(page->toDay(), firstDay + 59);
        QCOMPARE(page->chart()->seriesCount(), OverviewPage::kTopModels + 1);
        QCOMPARE(page->topModelTile()->value(), QStringLiteral("model-a"));
        const Analytics::OverviewKpis k = expectedKpis(path, firstDay + 59);
        QCOMPARE(page->last30Tile()->value(), Format::money(k.last30, QStringLiteral("USD"), Format::Precision::WholeFromThousand));
    }

    // Issue #23 item 10: rows dated outside the range shown say where they went, and the
    // outcome offers to show them there.
    void importOutsideTheRangeSaysWhere()
    {
        const QString path = m_dir.filePath(QStringLiteral("elsewhere.sqlite"));
        const QString recent = m_dir.filePath(QStringLiteral("recent.csv"));
        const QString old = m_dir.filePath(QStringLiteral("old.csv"));
        const std::int64_t recentDay = Cost::daysFromCivil(2025, 3, 1);
        const std::int64_t oldDay = Cost::daysFromCivil(2024, 6, 3);
        QVERIFY(writeFocusCsv(recent, 120, recentDay, 2));
        QVERIFY(writeFocusCsv(old, 4, oldDay, 1)); // Jun 3–6, 2024

        MainWindow window(path);
        window.show();
        OverviewPage *page = overview(window);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded(), kLoadTimeoutMs);
        ImportController *controller = window.importController();
        QSignalSpy finished(controller, &ImportController::finished);
        controller->importFiles({recent});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kLoadTimeoutMs);
        QVERIFY2(!controller->lastMessage().contains(QStringLiteral("outside")), qPrintable(controller->lastMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded() && !page->isShowingEmptyState(), kLoadTimeoutMs);
        const qint64 shownFrom = window.dateRangeBar()->fromDay(), shownTo = window.dateRangeBar()->toDay();
        QVERIFY(shownFrom > oldDay + 3);
        delete window.findChild<QMessageBox *>(QStringLiteral("importOutcome"));

        controller->importFiles({old});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kLoadTimeoutMs);
        const auto summary = finished.at(1).at(0).value<Cost::ImportJob::Summary>();
        QCOMPARE(summary.rows, 4);
        QCOMPARE(summary.firstDay, oldDay);
        QCOMPARE(summary.lastDay, oldDay + 3);
        const QString expected = QStringLiteral("The rows are dated June 2024 \u2014 outside the range shown (%1).")
                                     .arg(Format::dayRange(shownFrom, shownTo));
        QVERIFY2(controller->lastMessage().contains(expected), qPrintable(controller->lastMessage()));
        auto *box = window.findChild<QMessageBox *>(QStringLiteral("importOutcome"));
        QVERIFY(box);
        auto *show = box->findChild<QPushButton *>(QStringLiteral("showImported"));
        QVERIFY(show);
        QCOMPARE(show->text(), QStringLiteral("Show June 2024"));
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded(), kLoadTimeoutMs);
        show->click();
        QCOMPARE(window.dateRangeBar()->fromDay(), oldDay);
        QCOMPARE(window.dateRangeBar()->toDay(), oldDay + 3);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded() && page->toDay() == oldDay + 3, kLoadTimeoutMs);
    }

    void brokenFileNamesTheLine()
    {
        const QString path = m_dir.filePath(QStringLiteral("broken.sqlite"));
        const QString csv = m_dir.filePath(QStringLiteral("broken.csv"));
        QVERIFY(writeFocusCsv(csv, 20, Cost::daysFromCivil(2025, 3, 1), 4));
        {
            QFile file(csv);
            QVERIFY(file.open(QIODevice::Append));
            file.write("12.x,1,1,USD,2025-03-02T00:00:00Z,2025-03-02T01:00:00Z,2025-03-01T00:00:00Z,"
                       "2025-04-01T00:00:00Z,Example AI,acct-1,Example Inference,AI and Machine Learning,"
                       "Input Tokens,10,Tokens,model-a,search\n");
        }
        MainWindow window(path);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(overview(window)->isLoaded(), kLoadTimeoutMs);
        ImportController *controller = window.importController();
        QSignalSpy failed(controller, &ImportController::failed);
        controller->importFiles({csv});
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kLoadTimeoutMs);
        const QString message = failed.first().at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("broken.csv:22:")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("BilledCost")), qPrintable(message));
        QVERIFY(controller->lastMessage().contains(QStringLiteral("unchanged")));
        QCOMPARE(storeFacts(path).rows, 0);
        QVERIFY(!controller->isBusy());
    }

    void cancelLeavesStoreUnchanged()
    {
        const QString path = m_dir.filePath(QStringLiteral("cancel.sqlite"));
        const QString small = m_dir.filePath(QStringLiteral("before.csv"));
        const QString big = m_dir.filePath(QStringLiteral("big.csv"));
        QVERIFY(writeFocusCsv(small, 300, Cost::daysFromCivil(2025, 1, 1), 5));
        QVERIFY(writeFocusCsv(big, 200000, Cost::daysFromCivil(2025, 1, 1), 11));
        {
            Cost::Store store;
            QVERIFY(store.open(path.toStdString()));
            Cost::FocusImporter importer(store.db());
            QVERIFY(importer.importFile(small.toStdString(), Cost::Ingestor::newBatch(store.db())).ok);
        }
        const StoreFacts before = storeFacts(path);
        QCOMPARE(before.rows, 300);

        MainWindow window(path);
        window.show();
        ImportController *controller = window.importController();
        QSignalSpy finished(controller, &ImportController::finished);
        QSignalSpy failed(controller, &ImportController::failed);
        bool clicked = false;
        int percentAtCancel = -1;
        // The worker parses faster than a busy GUI thread may deliver its progress, so it waits
        // (on its own thread) after its first batch until Cancel has been pressed: the test
        // cancels mid-way whatever the machine's speed, and the worker's own check decides.
        QSemaphore cancelPressed;
        std::atomic<bool> held{false};
        controller->setBatchHook([&](int percent) {
            if (percent > 0 && !held.exchange(true))
                cancelPressed.tryAcquire(1, kLoadTimeoutMs);
        });
        // Press Cancel as soon as the worker reports its first batch: a user cancelling mid-way.
        connect(controller, &ImportController::progress, this, [&](int percent) {
            if (clicked || percent <= 0 || !controller->progressDialog())
                return;
            auto *button = controller->progressDialog()->findChild<QPushButton *>();
            QVERIFY(button);
            clicked = true;
            percentAtCancel = percent;
            button->click();
            cancelPressed.release();
            // The dialog stays up, saying so, until the worker has really stopped.
            QVERIFY(controller->progressDialog());
            QVERIFY(!controller->progressDialog()->wasCanceled());
            QCOMPARE(controller->progressDialog()->labelText(), QStringLiteral("Cancelling\u2026"));
            QVERIFY(!button->isEnabled());
        });
        controller->importFiles({big});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, kLoadTimeoutMs);
        QVERIFY(clicked);
        QVERIFY2(percentAtCancel < 100, qPrintable(QString::number(percentAtCancel)));
        QCOMPARE(failed.count(), 0);
        const auto summary = finished.first().at(0).value<Cost::ImportJob::Summary>();
        QVERIFY(summary.cancelled);
        QCOMPARE(summary.files, 0);
        QVERIFY2(controller->lastMessage().contains(QStringLiteral("unchanged")), qPrintable(controller->lastMessage()));
        QVERIFY(!controller->isBusy());
        QTRY_VERIFY(!controller->progressDialog());
        QVERIFY(storeFacts(path) == before);

        // The same file imports fine afterwards (nothing half-written blocks it).
        controller->setBatchHook({});
        controller->importFiles({big});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kLoadTimeoutMs);
        const auto second = finished.at(1).at(0).value<Cost::ImportJob::Summary>();
        QVERIFY(!second.cancelled);
        QCOMPARE(second.rows, 200000);
    }
};

BURNRATE_GUI_TEST_MAIN(TestOverviewPage)
#include "tst_overviewpage.moc"
