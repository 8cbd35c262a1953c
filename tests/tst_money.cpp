// Exact money: parsing decimal text, rounding beyond ten decimals, formatting.
#include "domain/money.h"

#include <QTest>

using namespace Cost;

class TestMoney : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("status");
        QTest::addColumn<qlonglong>("units");
        const int ok = int(ParseStatus::Ok), rounded = int(ParseStatus::Rounded), bad = int(ParseStatus::Invalid);
        QTest::newRow("integer") << "42" << ok << 420000000000LL;
        QTest::newRow("decimal") << "3.6118320000" << ok << 36118320000LL;
        QTest::newRow("ten decimals") << "0.0023148188" << ok << 23148188LL;
        QTest::newRow("negative") << "-12.5" << ok << -125000000000LL;
        QTest::newRow("plus") << "+1" << ok << 10000000000LL;
        QTest::newRow("leading dot") << ".5" << ok << 5000000000LL;
        QTest::newRow("exponent") << "1.2e-5" << ok << 120000LL;
        QTest::newRow("big exponent") << "3E2" << ok << 3000000000000LL;
        QTest::newRow("half even down") << "0.00000000005" << rounded << 0LL;
        QTest::newRow("half even up") << "0.00000000015" << rounded << 2LL;
        QTest::newRow("round up") << "0.000000000151" << rounded << 2LL;
        QTest::newRow("currency") << "$10,000.00 " << bad << 0LL;
        QTest::newRow("thousands") << "10,000.00" << bad << 0LL;
        QTest::newRow("space") << " 1" << bad << 0LL;
        QTest::newRow("word") << "abc" << bad << 0LL;
        QTest::newRow("empty exponent") << "1e" << bad << 0LL;
        QTest::newRow("overflow") << "1e12" << int(ParseStatus::Overflow) << 0LL;
        QTest::newRow("max") << "922337203.6854775807" << ok << 9223372036854775807LL;
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(int, status);
        QFETCH(qlonglong, units);
        Money m = 0;
        QCOMPARE(int(parseMoney(text.toStdString(), m)), status);
        if (status == int(ParseStatus::Ok) || status == int(ParseStatus::Rounded))
            QCOMPARE(qlonglong(m), units);
    }

    void format_data()
    {
        QTest::addColumn<qlonglong>("units");
        QTest::addColumn<int>("minDecimals");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0LL << 2 << "0.00";
        QTest::newRow("cents") << 125000000000LL << 2 << "12.50";
        QTest::newRow("tiny") << 1LL << 2 << "0.0000000001";
        QTest::newRow("negative") << -36118320000LL << 2 << "-3.611832";
        QTest::newRow("integer") << 420000000000LL << 0 << "42";
    }
    void format()
    {
        QFETCH(qlonglong, units);
        QFETCH(int, minDecimals);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(formatMoney(units, minDecimals)), text);
    }

    void bigSumsDoNotOverflow()
    {
        BigMoney total = 0;
        for (int i = 0; i < 100; ++i)
            total += 9000000000000000000LL; // 100 × $900M
        QCOMPARE(QString::fromStdString(formatMoney(total, 2)), QStringLiteral("90000000000.00"));
        QVERIFY(parseBigMoney("90000000000.00").value() == total);
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
