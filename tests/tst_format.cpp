// The one formatting module: exact money at the edges (integers all the way, no double rounding),
// tile vs table precision, unit money, counts, percentages and dates, through the locale.
#include "format/format.h"

#include <QTest>

#include <cmath>

namespace {

// An exact amount from decimal text ("-0.005", "123456789.995"); 128 bits, so sums of sums fit.
Cost::BigMoney amount(const QString &text)
{
    const auto value = Cost::parseBigMoney(text.toStdString());
    if (!value)
        qFatal("not an amount: %s", qPrintable(text));
    return *value;
}

const QString kNbsp(QChar(0x00A0));

} // namespace

Q_DECLARE_METATYPE(Format::Precision)

class TestFormat : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void cleanupTestCase() { QLocale::setDefault(QLocale::c()); }

    void money_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<Format::Precision>("precision");
        QTest::addColumn<QString>("text");
        const auto cents = Format::Precision::Cents, tile = Format::Precision::WholeFromThousand,
                   all = Format::Precision::AllDecimals;
        const QString usd = QStringLiteral("USD");
        // Half a cent rounds away from zero; one unit (1e-10) less rounds down. US English shows
        // negative money in parentheses (the locale's accounting format).
        QTest::newRow("half cent up") << "0.005" << usd << cents << "$0.01";
        QTest::newRow("just below half a cent") << "0.0049999999" << usd << cents << "$0.00";
        QTest::newRow("negative half cent") << "-0.005" << usd << cents << "($0.01)";
        QTest::newRow("negative rounds to zero, no sign") << "-0.0049999999" << usd << cents << "$0.00";
        QTest::newRow("zero") << "0" << usd << cents << "$0.00";
        // A double holds 123456789.9949999999 as ...995 and would round it up a cent.
        QTest::newRow("no double rounding") << "123456789.9949999999" << usd << cents << "$123,456,789.99";
        QTest::newRow("large half cent") << "123456789.995" << usd << cents << "$123,456,790.00";
        QTest::newRow("negative large") << "-123456789.995" << usd << cents << "($123,456,790.00)";
        QTest::newRow("beyond 2^53 cents") << "987654321987654.325" << usd << cents << "$987,654,321,987,654.33";
        QTest::newRow("beyond 64-bit units") << "123456789012345678901.5" << usd << cents
                                            << "$123,456,789,012,345,678,901.50";
        QTest::newRow("ten decimals to cents") << "0.1234567891" << usd << cents << "$0.12";
        // Tile: whole units from 1,000, cents below.
        QTest::newRow("tile below 1,000") << "812.4" << usd << tile << "$812.40";
        QTest::newRow("tile 999.994") << "999.994" << usd << tile << "$999.99";
        QTest::newRow("tile 1,000") << "1000" << usd << tile << "$1,000";
        QTest::newRow("tile rounds half up") << "12345.5" << usd << tile << "$12,346";
        QTest::newRow("tile rounds down") << "12345.4999999999" << usd << tile << "$12,345";
        QTest::newRow("tile negative") << "-1234.5" << usd << tile << "($1,235)";
        QTest::newRow("tile large half") << "123456789.995" << usd << tile << "$123,456,790";
        QTest::newRow("tile small negative") << "-0.005" << usd << tile << "($0.01)";
        // Every stored decimal (tooltips), at least two.
        QTest::newRow("all ten decimals") << "0.1234567891" << usd << all << "$0.1234567891";
        QTest::newRow("all trims zeros") << "46368.4834363" << usd << all << "$46,368.4834363";
        QTest::newRow("all at least two") << "12" << usd << all << "$12.00";
        QTest::newRow("all smallest negative") << "-0.0000000001" << usd << all << "($0.0000000001)";
        // Symbols.
        QTest::newRow("euro") << "1234.5" << "EUR" << cents << QStringLiteral("\u20AC1,234.50");
        QTest::newRow("pound") << "0.5" << "GBP" << cents << QStringLiteral("\u00A30.50");
        QTest::newRow("yen") << "1500" << "JPY" << tile << QStringLiteral("\u00A51,500");
        QTest::newRow("franc") << "1" << "CHF" << cents << QStringLiteral("CHF") + kNbsp + QStringLiteral("1.00");
        QTest::newRow("unknown code") << "5" << "XYZ" << cents << QStringLiteral("XYZ") + kNbsp + QStringLiteral("5.00");
        QTest::newRow("unknown code negative") << "-5" << "XYZ" << cents << QStringLiteral("(XYZ") + kNbsp + QStringLiteral("5.00)");
        QTest::newRow("no currency: the locale's") << "5" << "" << cents << "$5.00";
    }
    void money()
    {
        QFETCH(QString, value);
        QFETCH(QString, currency);
        QFETCH(Format::Precision, precision);
        QFETCH(QString, text);
        QCOMPARE(Format::money(amount(value), currency, precision), text);
    }

    void signedMoney_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("up") << "1234" << "+$1,234";
        QTest::newRow("down") << "-56" << "($56.00)";
        QTest::newRow("zero") << "0" << "$0.00";
    }
    void signedMoney()
    {
        QFETCH(QString, value);
        QFETCH(QString, text);
        QCOMPARE(Format::signedMoney(amount(value), QStringLiteral("USD"), Format::Precision::WholeFromThousand), text);
    }

    void moneyRange()
    {
        QCOMPARE(Format::moneyRange(amount(QStringLiteral("1200")), amount(QStringLiteral("1450.5")), QStringLiteral("USD"),
                                    Format::Precision::WholeFromThousand),
                 QStringLiteral("$1,200 \u2013 $1,451"));
    }

    // Exact money puts the sign, the symbol and the grouping where the locale's own currency
    // format does (compared on amounts a double holds exactly).
    void moneyFollowsTheLocale_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("value");
        QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany) << "1234567.5";
        QTest::newRow("German negative") << QLocale(QLocale::German, QLocale::Germany) << "-1234.25";
        QTest::newRow("French") << QLocale(QLocale::French, QLocale::France) << "1234567.5";
        QTest::newRow("Indian grouping") << QLocale(QLocale::English, QLocale::India) << "1234567.5";
        QTest::newRow("Japanese") << QLocale(QLocale::Japanese, QLocale::Japan) << "-98765.25";
    }
    void moneyFollowsTheLocale()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, value);
        QLocale::setDefault(locale);
        const QString currency = locale.currencySymbol(QLocale::CurrencyIsoCode);
        const QString expected = locale.toCurrencyString(value.toDouble(), locale.currencySymbol(QLocale::CurrencySymbol), 2);
        QCOMPARE(Format::money(amount(value), currency, Format::Precision::Cents), expected);
    }

    void unitMoney()
    {
        QCOMPARE(Format::unitMoney(1500.0, QStringLiteral("USD"), 0), QStringLiteral("$1,500"));
        QCOMPARE(Format::unitPrice(2.5, QStringLiteral("USD")), QStringLiteral("$2.50"));
        QCOMPARE(Format::unitPrice(0.0123, QStringLiteral("USD")), QStringLiteral("$0.0123"));
        QCOMPARE(Format::unitPrice(0.000000001, QStringLiteral("USD")), QStringLiteral("$0.00000000"));
        QCOMPARE(Format::unitPrice(std::nan(""), QStringLiteral("USD")), QString());
        QCOMPARE(Format::compactUnitMoney(812.0, QStringLiteral("USD")), QStringLiteral("$812"));
        QCOMPARE(Format::compactUnitMoney(41234.0, QStringLiteral("USD")), QStringLiteral("$41.2k"));
        QCOMPARE(Format::compactUnitMoney(999960.0, QStringLiteral("USD")), QStringLiteral("$1.00M"));
        QCOMPARE(Format::compactUnitMoney(1234.0, QStringLiteral("EUR")), QStringLiteral("\u20AC1.23k"));
    }

    void counts_data()
    {
        QTest::addColumn<qlonglong>("value");
        QTest::addColumn<QString>("count");
        QTest::addColumn<QString>("compact");
        QTest::newRow("small") << 999LL << "999" << "999";
        QTest::newRow("thousands") << 1234LL << "1,234" << "1.23K";
        QTest::newRow("tens of millions") << 12345678LL << "12,345,678" << "12.3M";
        QTest::newRow("billions") << 1234567890LL << "1,234,567,890" << "1.23B";
        QTest::newRow("trillions") << 123456789012345LL << "123,456,789,012,345" << "123T";
        QTest::newRow("negative") << -1500LL << "-1,500" << "-1.50K";
    }
    void counts()
    {
        QFETCH(qlonglong, value);
        QFETCH(QString, count);
        QFETCH(QString, compact);
        QCOMPARE(Format::count(value), count);
        QCOMPARE(Format::compactCount(value), compact);
    }

    void percentages_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("share");
        QTest::addColumn<QString>("signedChange");
        QTest::newRow("part") << 0.4644 << "46.4%" << "+0.5%";
        QTest::newRow("whole") << 1.0 << "100.0%" << "+1.0%";
        QTest::newRow("zero") << 0.0 << "0.0%" << "0.0%";
        QTest::newRow("rounds to zero") << -0.0004 << "-0.0%" << "0.0%";
        QTest::newRow("negative") << -4.0 << "-400.0%" << QStringLiteral("\u22124.0%");
        QTest::newRow("unknown") << std::nan("") << QStringLiteral("\u2014") << "new";
        QTest::newRow("infinite") << HUGE_VAL << QStringLiteral("\u2014") << "new";
    }
    void percentages()
    {
        QFETCH(double, value);
        QFETCH(QString, share);
        QFETCH(QString, signedChange);
        QCOMPARE(Format::share(value), share);
        QCOMPARE(Format::signedPercent(value), signedChange);
        if (!std::isfinite(value))
            QCOMPARE(Format::share(value, QString()), QString()); // a blank table cell
        else
            QCOMPARE(Format::percent(value * 100.0), share);
    }

    void percentChange()
    {
        double percent = 0;
        QVERIFY(!Format::percentChange(5.0, 0.0, percent));
        QVERIFY(Format::percentChange(150.0, 100.0, percent));
        QCOMPARE(percent, 50.0);
        QVERIFY(Format::percentChange(-50.0, -100.0, percent));
        QCOMPARE(percent, 50.0);
    }

    void dates_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("shortDate");
        QTest::addColumn<QString>("withYear");
        QTest::addColumn<QString>("month");
        QTest::newRow("epoch") << QDate(1970, 1, 1) << "Jan 1" << "Jan 1, 1970" << "January 1970";
        QTest::newRow("march") << QDate(2026, 3, 3) << "Mar 3" << "Mar 3, 2026" << "March 2026";
        QTest::newRow("leap day") << QDate(2024, 2, 29) << "Feb 29" << "Feb 29, 2024" << "February 2024";
        QTest::newRow("before the epoch") << QDate(1969, 12, 31) << "Dec 31" << "Dec 31, 1969" << "December 1969";
    }
    void dates()
    {
        QFETCH(QDate, date);
        QFETCH(QString, shortDate);
        QFETCH(QString, withYear);
        QFETCH(QString, month);
        const std::int64_t day = Format::dayOfDate(date);
        QCOMPARE(day, date.toJulianDay() - QDate(1970, 1, 1).toJulianDay());
        QCOMPARE(Format::dateOfDay(day), date);
        QCOMPARE(Format::shortDate(day), shortDate);
        QCOMPARE(Format::shortDate(day, true), withYear);
        QCOMPARE(Format::monthYear(day), month);
    }

    void range()
    {
        const std::int64_t first = Format::dayOfDate(QDate(2026, 3, 1));
        QCOMPARE(Format::range(first, first), QStringLiteral("Mar 1, 2026"));
        // Issue #23 item 9: the year once, no brackets inside brackets when a caller adds its own.
        QCOMPARE(Format::range(first, first + 30), QStringLiteral("Mar 1 \u2013 Mar 31, 2026 (31 days)"));
        QCOMPARE(Format::dayRange(first, first + 30), QStringLiteral("Mar 1 \u2013 Mar 31, 2026"));
        const std::int64_t newYear = Format::dayOfDate(QDate(2026, 1, 2));
        QCOMPARE(Format::range(newYear - 3, newYear), QStringLiteral("Dec 30, 2025 \u2013 Jan 2, 2026 (4 days)"));
        QCOMPARE(Format::range(first - 1000, first), QStringLiteral("Jun 5, 2023 \u2013 Mar 1, 2026 (1,001 days)"));
    }

    // One format per context: a day, a timestamp, the date fields, and the brief ranges of progress texts.
    void formatsPerContext_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<QString>("brief");
        QTest::newRow("one day") << QDate(2026, 12, 5) << QDate(2026, 12, 5) << "Dec 5";
        QTest::newRow("same month") << QDate(2026, 12, 2) << QDate(2026, 12, 5) << "Dec 2\u20135";
        QTest::newRow("two months") << QDate(2026, 11, 28) << QDate(2026, 12, 5) << "Nov 28 \u2013 Dec 5";
        QTest::newRow("two years") << QDate(2025, 12, 30) << QDate(2026, 1, 2) << "Dec 30, 2025 \u2013 Jan 2, 2026";
    }
    void formatsPerContext()
    {
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(QString, brief);
        QCOMPARE(Format::briefRange(Format::dayOfDate(from), Format::dayOfDate(to)), brief);
        QCOMPARE(Format::day(QDate(2026, 12, 5)), QStringLiteral("Dec 5, 2026"));
        QCOMPARE(Format::day(QDate(2026, 12, 5)), Format::shortDate(Format::dayOfDate(QDate(2026, 12, 5)), true));
        QCOMPARE(QLocale().toString(QDate(2026, 12, 5), Format::dateEditFormat()), Format::day(QDate(2026, 12, 5)));
        QCOMPARE(Format::timestamp(QDateTime(QDate(2026, 12, 5), QTime(14, 44, 24), Qt::UTC)), QStringLiteral("Dec 5, 2026 14:44"));
        QCOMPARE(Format::timestamp(QDateTime()), QString());
    }

    void labels()
    {
        QCOMPARE(Format::noneLabel(), QStringLiteral("(none)"));
        QLocale::setDefault(QLocale::c()); // the POSIX locale reads as US English
        QCOMPARE(Format::locale().name(), QStringLiteral("en_US"));
        QCOMPARE(Format::currencySymbol(QString()), QStringLiteral("$"));
    }
};

QTEST_GUILESS_MAIN(TestFormat)
#include "tst_format.moc"
