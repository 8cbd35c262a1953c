// The By provider page's contracts card: hidden without contracts; with them, list vs contract vs
// billed per provider (a 20% discount: contract = 0.8 × list), an unused commitment as its own
// line, and a credit's balance — checked through the card's CSV export (exact decimals).
#include "contracts/contractjson.h"
#include "contracts/contractstore.h"
#include "domain/timeparse.h"
#include "forecasts/forecastpage.h"
#include "guitestmain.h"
#include "import/focusimporter.h"
#include "import/ingestor.h"
#include "shell/mainwindow.h"
#include "spend/contractscard.h"
#include "spend/spendpage.h"
#include "store/store.h"
#include "testsupport.h"

#include <QFile>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::day;

namespace {

constexpr int kLoadTimeoutMs = 60000;

bool makeStore(const QString &db, const QString &csv, const char *contractsJson, std::string &error)
{
    QFile f(csv);
    if (!f.open(QIODevice::WriteOnly) || f.write(TestSupport::tokenFocusCsv("2026-03-01", "2026-04-10")) <= 0)
        return false;
    f.close();
    Cost::Store store;
    if (!store.open(db.toStdString()))
        return false;
    Cost::FocusImporter importer(store.db());
    const auto imported = importer.importFile(csv.toStdString(), Cost::Ingestor::newBatch(store.db()));
    if (!imported.ok) {
        error = imported.error.toString();
        return false;
    }
    if (!contractsJson)
        return true;
    std::vector<Contracts::Contract> contracts;
    Contracts::ImportResult result;
    return Contracts::fromJson(contractsJson, contracts, error) && Contracts::importContracts(store.db(), contracts, false, result, error);
}

SpendPage *openByProvider(MainWindow &window)
{
    window.resize(1440, 900);
    window.show();
    window.showPage(QStringLiteral("by-provider"));
    return qobject_cast<SpendPage *>(window.page(QStringLiteral("by-provider")));
}

} // namespace

class TestContractsCard : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void hiddenWithoutContracts()
    {
        const QString db = m_dir.filePath(QStringLiteral("plain.sqlite"));
        std::string error;
        QVERIFY2(makeStore(db, m_dir.filePath(QStringLiteral("plain.csv")), nullptr, error), error.c_str());
        MainWindow window(db);
        SpendPage *page = openByProvider(window);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded(), kLoadTimeoutMs);
        QVERIFY(page->contractsCard());
        QVERIFY(!page->contractsCard()->isVisible());
        window.showPage(QStringLiteral("by-model")); // the other spend pages have no card
        QVERIFY(!qobject_cast<SpendPage *>(window.page(QStringLiteral("by-model")))->contractsCard());
        window.showPage(QStringLiteral("forecast"));
        auto *forecast = qobject_cast<ForecastPage *>(window.page(QStringLiteral("forecast")));
        QTRY_VERIFY_WITH_TIMEOUT(forecast->isLoaded(), kLoadTimeoutMs);
        QVERIFY(!forecast->contractsLabel()->isVisible());
    }

    void listContractBilledAndLines()
    {
        const QString db = m_dir.filePath(QStringLiteral("contracts.sqlite"));
        std::string error;
        QVERIFY2(makeStore(db, m_dir.filePath(QStringLiteral("contracts.csv")), R"({"burnrate_contracts": 1, "contracts": [
          {"name": "all", "provider": "OpenAI", "from": "2026-03-01", "discount_pct": "20",
           "commitments": [{"type": "monthly_minimum", "amount": "310"}], "credits": [{"amount": "20", "note": "promo"}]}]})",
                           error),
                 error.c_str());
        MainWindow window(db);
        SpendPage *page = openByProvider(window);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded(), kLoadTimeoutMs);
        ContractsCard *card = page->contractsCard();
        QVERIFY(card && card->isVisible());
        const QList<QStringList> rows = card->exportRows();
        // Pricing: header, OpenAI (billed first), Anthropic; then the lines' header and lines.
        QCOMPARE(rows.value(0), (QStringList{QStringLiteral("Provider"), QStringLiteral("Billed"), QStringLiteral("At contract prices"),
                                             QStringLiteral("At list prices"), QStringLiteral("Contract saves")}));
        const QStringList openAi = rows.value(1);
        QCOMPARE(openAi.value(0), QStringLiteral("OpenAI"));
        QCOMPARE(openAi.value(1), QStringLiteral("114.80")); // 41 days × $2.80
        const auto contract = Cost::parseBigMoney(openAi.value(2).toStdString());
        const auto list = Cost::parseBigMoney(openAi.value(3).toStdString());
        QVERIFY(contract && list && *list > 0);
        QCOMPARE(*contract * 10, *list * 8);
        QCOMPARE(Cost::parseBigMoney(openAi.value(4).toStdString()), std::optional<Cost::BigMoney>(*list - *contract));
        const QStringList anthropic = rows.value(2);
        QCOMPARE(anthropic.value(0), QStringLiteral("Anthropic"));
        QCOMPARE(anthropic.value(2), anthropic.value(3)); // no contract: list
        QCOMPARE(anthropic.value(4), QStringLiteral("0.00"));

        // March is complete and $223.20 short of $310: its own "Unused commitment" line.
        QCOMPARE(rows.value(3).value(1), QStringLiteral("Line"));
        QStringList march, april, credit;
        for (const QStringList &row : rows.mid(4)) {
            if (row.value(1) == QStringLiteral("Unused commitment"))
                march = row;
            else if (row.value(1) == QStringLiteral("monthly minimum"))
                april = row;
            else if (row.value(1).startsWith(QStringLiteral("credit")))
                credit = row;
        }
        QCOMPARE(march.mid(3, 3), (QStringList{QStringLiteral("310.00"), QStringLiteral("86.80"), QStringLiteral("223.20")}));
        QVERIFY2(march.value(6).contains(QStringLiteral("on top of usage")), qPrintable(march.join(QLatin1Char('|'))));
        QCOMPARE(april.value(4), QStringLiteral("28.00")); // Apr 1–10
        QVERIFY2(april.value(6).startsWith(QStringLiteral("Forecast: ")), qPrintable(april.join(QLatin1Char('|'))));
        QCOMPARE(credit.value(1), QStringLiteral("credit \u00B7 promo"));
        QCOMPARE(credit.mid(3, 3), (QStringList{QStringLiteral("20.00"), QStringLiteral("20.00"), QStringLiteral("0.00")}));
        QVERIFY2(credit.value(6).startsWith(QStringLiteral("Used up on ")), qPrintable(credit.join(QLatin1Char('|'))));
        // Every row is visible without scrolling the table.
        QTableView *lines = card->linesTable();
        QCOMPARE(lines->model()->rowCount(), 3);
        QVERIFY(lines->visualRect(lines->model()->index(2, 0)).bottom() <= lines->viewport()->height());

        // The Forecast page says where this month's commitment is heading (the credit is used up).
        window.showPage(QStringLiteral("forecast"));
        auto *forecast = qobject_cast<ForecastPage *>(window.page(QStringLiteral("forecast")));
        QTRY_VERIFY_WITH_TIMEOUT(forecast->isLoaded(), kLoadTimeoutMs);
        QVERIFY(forecast->contractsLabel()->isVisible());
        const QString text = forecast->contractsLabel()->text();
        QVERIFY2(text.startsWith(QStringLiteral("Contracts \u2014 all (monthly minimum, April 2026): Forecast: ")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("promo")), qPrintable(text));
    }
};

BURNRATE_GUI_TEST_MAIN(TestContractsCard)
#include "tst_contractscard.moc"
