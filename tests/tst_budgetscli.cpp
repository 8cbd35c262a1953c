// `burnrate budgets`: usage errors exit 2, `check` exits 1 while a budget is breached (actual,
// or forecast for budgets that watch it) and 0 otherwise, text and JSON output, alert history.
#include "budgetfixture.h"
#include "domain/money.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using BudgetFixture::day;
using BudgetFixture::sumOf;
using TestSupport::runBurnrate;

class TestBudgetsCli : public QObject {
    Q_OBJECT

    BudgetFixture::StoreCopies m_stores;
    QString freshStore() { return m_stores.fresh(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_stores.init());
    }

    void cliUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no subcommand") << QStringList{};
        QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("add without amount") << QStringList{QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("x")};
        QTest::newRow("add bad amount") << QStringList{QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("x"),
                                                        QStringLiteral("--amount"), QStringLiteral("lots")};
        QTest::newRow("custom without dates")
            << QStringList{QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--amount"),
                           QStringLiteral("10"), QStringLiteral("--period"), QStringLiteral("custom")};
        QTest::newRow("bad threshold")
            << QStringList{QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--amount"),
                           QStringLiteral("10"), QStringLiteral("--thresholds"), QStringLiteral("50,eighty")};
        QTest::newRow("bad --on") << QStringList{QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("x"),
                                                  QStringLiteral("--amount"), QStringLiteral("10"), QStringLiteral("--on"),
                                                  QStringLiteral("vibes")};
        QTest::newRow("bad scope") << QStringList{QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("x"),
                                                   QStringLiteral("--amount"), QStringLiteral("10"), QStringLiteral("--scope"),
                                                   QStringLiteral("colour=red")};
        QTest::newRow("bad as-of") << QStringList{QStringLiteral("check"), QStringLiteral("--as-of"), QStringLiteral("2025-13-01")};
        QTest::newRow("bad format") << QStringList{QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("xml")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("check"), QStringLiteral("--verbose")};
        QTest::newRow("remove without name") << QStringList{QStringLiteral("remove")};
    }
    void cliUsageErrors()
    {
        QFETCH(QStringList, args);
        const QString db = freshStore();
        QString out, err;
        QCOMPARE(runBurnrate(QStringList{QStringLiteral("--db"), db, QStringLiteral("budgets")} + args, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("Usage: burnrate budgets")), qPrintable(err));
        QCOMPARE(runBurnrate({QStringLiteral("--db"), db, QStringLiteral("budgets"), QStringLiteral("list")}, &out, &err), 0);
        QVERIFY2(out.startsWith(QStringLiteral("no budgets")), qPrintable(out)); // nothing was added
    }

    // `burnrate budgets check` for cron: exit 1 while a budget is breached, 0 otherwise.
    void cliCheckExitCodes()
    {
        const QString db = freshStore();
        QString out, err;
        auto budgets = [&](QStringList args) {
            return runBurnrate(QStringList{QStringLiteral("--db"), db, QStringLiteral("budgets")} + args, &out, &err);
        };
        auto check = [&](const char *asOf, const char *format = "text") {
            return budgets({QStringLiteral("check"), QStringLiteral("--as-of"), QString::fromLatin1(asOf),
                            QStringLiteral("--format"), QString::fromLatin1(format)});
        };
        QCOMPARE(check("2025-01-05"), 0);
        QVERIFY2(out.startsWith(QStringLiteral("no budgets")), qPrintable(out));

        QCOMPARE(budgets({QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("search"), QStringLiteral("--amount"),
                          QStringLiteral("1010"), QStringLiteral("--scope"), QStringLiteral("feature=search"),
                          QStringLiteral("--thresholds"), QStringLiteral("50,100"), QStringLiteral("--on"), QStringLiteral("actual")}),
                 0);
        QCOMPARE(check("2025-01-19"), 0);
        QVERIFY2(out.contains(QStringLiteral("959.50")) && out.contains(QStringLiteral("95.0% used")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("ALERT       50% actual")), qPrintable(out)); // fired now
        QCOMPARE(check("2025-01-20", "json"), 1);
        QJsonObject j = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(j.value(QStringLiteral("breached")).toInt(), 1);
        QJsonArray fired = j.value(QStringLiteral("fired")).toArray();
        QCOMPARE(fired.size(), 1);
        QCOMPARE(fired[0].toObject().value(QStringLiteral("percent")).toInt(), 100);
        QCOMPARE(fired[0].toObject().value(QStringLiteral("basis")).toString(), QStringLiteral("actual"));
        const QJsonObject status = j.value(QStringLiteral("budgets")).toArray()[0].toObject();
        QCOMPARE(status.value(QStringLiteral("actual")).toString(), QStringLiteral("1010.00"));
        QCOMPARE(status.value(QStringLiteral("budget")).toString(), QStringLiteral("1010.00"));
        // Still breached on the next run (exit 1), but nothing fires twice.
        QCOMPARE(check("2025-01-20", "json"), 1);
        j = QJsonDocument::fromJson(out.toUtf8()).object();
        QVERIFY(j.value(QStringLiteral("fired")).toArray().isEmpty());
        QCOMPARE(check("2025-02-05"), 0); // a new month

        // Forecast over the amount but actual under: breached only for a budget watching forecast.
        const Cost::BigMoney jan = sumOf({"", ""}, day("2025-01-01"), day("2025-01-31"));
        const QString tight = QString::fromStdString(Cost::formatMoney(jan * 85 / 100 / Cost::kMoneyScale * Cost::kMoneyScale));
        QCOMPARE(budgets({QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("total-actual"), QStringLiteral("--amount"),
                          tight, QStringLiteral("--on"), QStringLiteral("actual")}),
                 0);
        QCOMPARE(check("2025-01-05"), 0);
        QCOMPARE(budgets({QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("total-forecast"), QStringLiteral("--amount"),
                          tight, QStringLiteral("--thresholds"), QStringLiteral("100:forecast")}),
                 0);
        QCOMPARE(check("2025-01-05"), 1);
        QVERIFY2(out.contains(QStringLiteral("BREACHED: forecast")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("ALERT       100% forecast")), qPrintable(out));
        QCOMPARE(budgets({QStringLiteral("remove"), QStringLiteral("total-forecast")}), 0);
        QCOMPARE(check("2025-01-05"), 0);
        QCOMPARE(budgets({QStringLiteral("remove"), QStringLiteral("total-forecast")}), 1);

        // Exact amounts survive the round trip; the history lists what fired.
        QCOMPARE(budgets({QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("exact"), QStringLiteral("--amount"),
                          QStringLiteral("1234.5678901234"), QStringLiteral("--period"), QStringLiteral("quarter")}),
                 0);
        QCOMPARE(budgets({QStringLiteral("list")}), 0);
        QVERIFY2(out.contains(QStringLiteral("1234.5678901234 (1,234.57)")), qPrintable(out));
        QCOMPARE(budgets({QStringLiteral("alerts")}), 0);
        QCOMPARE(out.count(QLatin1Char('\n')), 3); // search 50%, search 100%, total-forecast 100%
    }
};

QTEST_GUILESS_MAIN(TestBudgetsCli)
#include "tst_budgetscli.moc"
