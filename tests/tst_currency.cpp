// A store billed in two currencies (OpenAI in USD, an Azure account in EUR): amounts are never
// added across currencies. Pages show one currency — the largest, or the one the filter picks —
// and say what the others billed; the spend page's note switches currency.

#include "analytics/rollupscan.h"
#include "domain/timeparse.h"
#include "guitestmain.h"
#include "import/focusimporter.h"
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
