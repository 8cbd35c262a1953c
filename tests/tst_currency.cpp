// A store billed in two currencies (OpenAI in USD, an Azure account in EUR): amounts are never
// added across currencies. Pages show one currency — the largest, or the one the filter picks —
// and say what the others billed; the spend page's note switches currency. Every other view
// (Anomalies, Forecast, Budgets, Simulator, the report) follows the same rule.

#include "analytics/currency.h"
#include "analytics/rollupscan.h"
#include "anomalies/anomaliespage.h"
#include "anomalies/anomalytablemodel.h"
#include "anomalies/anomalyscanner.h"
#include "budgets/budgetspage.h"
#include "domain/timeparse.h"
#include "forecasts/forecastpage.h"
#include "guitestmain.h"
#include "import/focusimporter.h"
#include "pricing/simulationusage.h"
#include "report/reportdata.h"
#include "shell/daterangebar.h"
#include "shell/mainwindow.h"
#include "spend/currencynote.h"
#include "spend/spendfilter.h"
#include "spend/spendpage.h"
#include "store/store.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int kLoadTimeoutMs = 60000;
const std::int64_t kFirstDay = Cost::daysFromCivil(2025, 6, 1);
constexpr int kDays = 10;

Cost::BigMoney money(const char *text)
{
    Cost::Money m = 0;
    Cost::parseMoney(text, m);
    return m;
}

QString iso(std::int64_t day) { return QString::fromStdString(Cost::formatTimestamp(day * 86400)); }

// Every day: OpenAI 10.25 USD, Microsoft (Azure OpenAI) 3.50 EUR.
bool writeExport(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QString csv = QStringLiteral("ChargePeriodStart,ChargePeriodEnd,BillingPeriodStart,BillingPeriodEnd,BilledCost,"
                                 "BillingCurrency,ProviderName,BillingAccountId,ServiceName,ChargeCategory\n");
    const QString period = iso(Cost::daysFromCivil(2025, 6, 1)) + u',' + iso(Cost::daysFromCivil(2025, 7, 1));
    for (int d = 0; d < kDays; ++d) {
        const QString when = iso(kFirstDay + d) + u',' + iso(kFirstDay + d + 1) + u',' + period;
        csv += when + QStringLiteral(",10.25,USD,OpenAI,org-1,OpenAI API,Usage\n");
        csv += when + QStringLiteral(",3.50,EUR,Microsoft,sub-1,Azure OpenAI,Usage\n");
    }
    return f.write(csv.toUtf8()) > 0;
}

// The test's whole period with `filters`, as a report request or a usage query (both have
// fromDay, toDay and filters).
template<typename Query>
Query periodQuery(std::vector<Analytics::Filter> filters)
{
    Query query;
    query.fromDay = kFirstDay;
    query.toDay = kFirstDay + kDays - 1;
    query.filters = std::move(filters);
    return query;
}

Report::ReportData report(Cost::Store &store, std::vector<Analytics::Filter> filters)
{
    Report::ReportData data;
    std::string error;
    if (!Report::gatherReportData(store.db(), periodQuery<Report::ReportRequest>(std::move(filters)), data, {}, nullptr, error))
        qFatal("gatherReportData: %s", error.c_str());
    return data;
}

std::string simulationCurrency(Cost::Store &store, std::vector<Analytics::Filter> filters)
{
    Simulation::UsageSnapshot usage;
    std::string error;
    if (!Simulation::loadUsage(store.db(), periodQuery<Simulation::UsageQuery>(std::move(filters)), usage, error))
        qFatal("loadUsage: %s", error.c_str());
    return usage.currency;
}

Analytics::SpendPageData page(Cost::Store &store, std::vector<Analytics::Filter> filters)
{
    Analytics::SpendPageRequest request;
    request.query.dimension = "provider";
    request.query.fromDay = kFirstDay;
    request.query.toDay = kFirstDay + kDays - 1;
    request.query.filters = std::move(filters);
    Analytics::SpendPageData data;
    std::string error;
    if (!Analytics::spendPage(store.db(), request, data, error))
        qFatal("spendPage: %s", error.c_str());
    return data;
}

} // namespace

class TestCurrency : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("two-currencies.sqlite"));
        const QString csv = m_dir.filePath(QStringLiteral("export.csv"));
        QVERIFY(writeExport(csv));
        Cost::Store store;
        QVERIFY(store.open(m_path.toStdString()));
        Cost::FocusImporter importer(store.db());
        const auto r = importer.importFile(csv.toStdString(), Cost::Ingestor::newBatch(store.db()));
        QVERIFY2(r.ok, r.error.toString().c_str());
    }

    void spendPageShowsOneCurrency()
    {
        Cost::Store store;
        QVERIFY(store.open(m_path.toStdString()));
        // No currency filter: the largest (USD) only, EUR named apart.
        Analytics::SpendPageData usd = page(store, {});
        QCOMPARE(usd.currency, std::string("USD"));
        QVERIFY(usd.breakdown.total == money("102.50"));
        QCOMPARE(usd.breakdown.rows.size(), std::size_t(1));
        QCOMPARE(usd.breakdown.rows[0].key, std::string("OpenAI"));
        QCOMPARE(usd.otherCurrencies.size(), std::size_t(1));
        QCOMPARE(usd.otherCurrencies[0].first, std::string("EUR"));
        QVERIFY(usd.otherCurrencies[0].second == money("35.00"));
        QVERIFY(usd.breakdown.query.filters.empty()); // the page's own query is what was asked
        Cost::BigMoney series = 0;
        for (const auto &s : usd.exact)
            for (Cost::BigMoney v : s)
                series += v;
        QVERIFY(series == money("102.50"));

        // The currency filter picks EUR.
        Analytics::SpendPageData eur = page(store, {{"currency", "EUR"}});
        QCOMPARE(eur.currency, std::string("EUR"));
        QVERIFY(eur.breakdown.total == money("35.00"));
        QCOMPARE(eur.breakdown.rows.at(0).key, std::string("Microsoft"));
        QCOMPARE(eur.otherCurrencies.size(), std::size_t(1));
        QVERIFY(eur.otherCurrencies[0].second == money("102.50"));

        // Another filter that leaves one currency: nothing else to name.
        Analytics::SpendPageData azure = page(store, {{"provider", "Microsoft"}});
        QCOMPARE(azure.currency, std::string("EUR"));
        QVERIFY(azure.breakdown.total == money("35.00"));
        QVERIFY(azure.otherCurrencies.empty());
    }

    void overviewShowsOneCurrency()
    {
        Cost::Store store;
        QVERIFY(store.open(m_path.toStdString()));
        Analytics::OverviewKpis kpis;
        Analytics::DailyBreakdown daily;
        std::string error;
        QVERIFY2(Analytics::overviewPage(store.db(), kFirstDay, kFirstDay + kDays - 1, 5, kpis, daily, error), error.c_str());
        QCOMPARE(kpis.currency, std::string("USD"));
        QVERIFY(kpis.last30 == money("102.50"));
        QVERIFY(kpis.monthToDate == money("102.50"));
        QCOMPARE(kpis.otherCurrencies.size(), std::size_t(1));
        QVERIFY(kpis.otherCurrencies[0] == Analytics::CurrencyAmount("EUR", money("35.00")));
        Cost::BigMoney total = 0;
        for (Cost::BigMoney t : daily.seriesTotals)
            total += t;
        QVERIFY(total == money("102.50"));
    }

    void rule_data()
    {
        QTest::addColumn<QString>("billed"); // "CODE=amount,…"
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("currency");
        QTest::newRow("largest") << "EUR=35.00,USD=102.50" << "" << "USD";
        QTest::newRow("filter wins") << "EUR=35.00,USD=102.50" << "EUR" << "EUR";
        QTest::newRow("filter without charges") << "USD=1" << "GBP" << "GBP";
        QTest::newRow("tie: alphabetical") << "USD=5,EUR=5,GBP=1" << "" << "EUR";
        QTest::newRow("nothing billed") << "" << "" << "";
    }
    void rule()
    {
        QFETCH(QString, billed);
        QFETCH(QString, filter);
        QFETCH(QString, currency);
        std::vector<Analytics::CurrencyAmount> totals;
        for (const QString &b : billed.split(u',', Qt::SkipEmptyParts))
            totals.emplace_back(b.section(u'=', 0, 0).toStdString(), money(b.section(u'=', 1).toUtf8().constData()));
        QCOMPARE(QString::fromStdString(Analytics::pickDisplayCurrency(totals, filter.toStdString())), currency);
    }

    // The spend pages' choice (USD, the larger) is every view's: the rule itself, the Forecast
    // and Budgets pages' loads, the report (whose figures are then USD only) and the Simulator's
    // usage (which the CLI's simulate prints).
    void everyViewShowsTheSpendPagesCurrency()
    {
        Cost::Store store;
        QVERIFY(store.open(m_path.toStdString()));
        const std::int64_t lastDay = kFirstDay + kDays - 1;
        const std::string spend = page(store, {}).currency;
        QCOMPARE(spend, std::string("USD"));
        const QString expected = QString::fromStdString(spend);
        QCOMPARE(Analytics::displayCurrency(store.db(), kFirstDay, lastDay), spend);
        QCOMPARE(Analytics::displayCurrency(store.db()), spend);

        const ForecastPage::Snapshot forecast = ForecastPage::query(store, {}, 14);
        QVERIFY2(forecast.view.ok, forecast.view.error.c_str());
        QCOMPARE(forecast.view.currency, spend);
        const ForecastPage::Snapshot forecastModel = ForecastPage::query(store, {"provider", "OpenAI"}, 14);
        QCOMPARE(forecastModel.view.currency, spend);

        const BudgetsPage::Snapshot budgets = BudgetsPage::query(store, lastDay);
        QVERIFY2(budgets.error.isEmpty(), qPrintable(budgets.error));
        QCOMPARE(budgets.currency, expected);

        const Report::ReportData data = report(store, {});
        QCOMPARE(data.currency, expected);
        QVERIFY(data.total == money("102.50")); // never 137.50: EUR is not added in
        QVERIFY(data.byProvider.rows.size() == 1 && data.byProvider.rows[0].key == "OpenAI");

        QCOMPARE(simulationCurrency(store, {}), spend);
    }

    // With the currency filter on EUR, every view that takes filters shows EUR.
    void everyViewFollowsTheCurrencyFilter()
    {
        Cost::Store store;
        QVERIFY(store.open(m_path.toStdString()));
        const std::vector<Analytics::Filter> eur = {{"currency", "EUR"}};
        QCOMPARE(page(store, eur).currency, std::string("EUR"));
        QCOMPARE(Analytics::displayCurrency(store.db(), kFirstDay, kFirstDay + kDays - 1, eur), std::string("EUR"));
        const Report::ReportData data = report(store, eur);
        QCOMPARE(data.currency, QStringLiteral("EUR"));
        QVERIFY(data.total == money("35.00"));
        QCOMPARE(simulationCurrency(store, eur), std::string("EUR"));
        // A filter that leaves EUR only picks it without naming it.
        QCOMPARE(report(store, {{"provider", "Microsoft"}}).currency, QStringLiteral("EUR"));
        QCOMPARE(simulationCurrency(store, {{"provider", "Microsoft"}}), std::string("EUR"));
    }

    void anomaliesPageShowsTheSpendPagesCurrency()
    {
        AnomaliesPage anomalies(m_path);
        anomalies.setDateRange(kFirstDay, kFirstDay + kDays - 1);
        anomalies.show();
        QVERIFY(QTest::qWaitFor([&] { return anomalies.isLoaded() && !anomalies.isBusy() && !anomalies.scanner()->isRunning(); },
                                kLoadTimeoutMs));
        QCOMPARE(anomalies.model()->currency(), QStringLiteral("USD"));
    }

    void noteSwitchesTheSpendPage()
    {
        MainWindow window(m_path);
        window.resize(1440, 900);
        window.dateRangeBar()->setCustomRange(kFirstDay, kFirstDay + kDays - 1);
        window.showPage(QStringLiteral("by-provider"));
        window.show();
        auto *byProvider = qobject_cast<SpendPage *>(window.page(QStringLiteral("by-provider")));
        QVERIFY(byProvider);
        QTRY_VERIFY_WITH_TIMEOUT(byProvider->isLoaded(), kLoadTimeoutMs);
        auto *note = byProvider->findChild<CurrencyNote *>();
        QVERIFY(note);
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QStringLiteral("Amounts in USD only")), qPrintable(note->text()));
        QVERIFY2(note->text().contains(QStringLiteral("href=\"EUR\"")), qPrintable(note->text()));
        QCOMPARE(byProvider->snapshot().currency, QStringLiteral("USD"));

        // The link narrows every page to EUR; the note then names USD.
        Q_EMIT note->linkActivated(QStringLiteral("EUR"));
        QString value;
        QVERIFY(byProvider->filter()->contains(QStringLiteral("currency"), &value));
        QCOMPARE(value, QStringLiteral("EUR"));
        QTRY_COMPARE_WITH_TIMEOUT(byProvider->snapshot().currency, QStringLiteral("EUR"), kLoadTimeoutMs);
        QVERIFY(byProvider->snapshot().breakdown.total == money("35.00"));
        QTRY_VERIFY(note->text().contains(QStringLiteral("Amounts in EUR only")));
        QVERIFY(note->text().contains(QStringLiteral("href=\"USD\"")));

        if (!qEnvironmentVariableIsEmpty("BURNRATE_SCREENSHOT_DIR")) {
            byProvider->filter()->remove(QStringLiteral("currency"));
            QTRY_COMPARE_WITH_TIMEOUT(byProvider->snapshot().currency, QStringLiteral("USD"), kLoadTimeoutMs);
            QTRY_VERIFY(byProvider->isLoaded());
            QTest::qWait(200);
            window.grab().save(qEnvironmentVariable("BURNRATE_SCREENSHOT_DIR") + QStringLiteral("/two-currencies.png"));
        }
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

BURNRATE_GUI_TEST_MAIN(TestCurrency)
#include "tst_currency.moc"
