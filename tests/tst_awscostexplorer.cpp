// GetCostAndUsage parsing (pure): fixtures in tests/data/aws, exact money, Bedrock model / token
// kind decoding, unknown usage types kept, broken copies rejected with the field named.

#include "awscostexplorer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Conn;

namespace {

QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(BURNRATE_TEST_DATA "/aws/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}

// Exact sum of every UnblendedCost amount in a response, computed from the JSON itself.
Cost::BigMoney fixtureSum(const QByteArray &json)
{
    Cost::BigMoney sum = 0;
    const QJsonArray days = QJsonDocument::fromJson(json).object().value(QStringLiteral("ResultsByTime")).toArray();
    for (const QJsonValue &day : days) {
        QList<QJsonObject> metrics;
        for (const QJsonValue &g : day.toObject().value(QStringLiteral("Groups")).toArray())
            metrics << g.toObject().value(QStringLiteral("Metrics")).toObject();
        const QJsonObject total = day.toObject().value(QStringLiteral("Total")).toObject();
        if (!total.isEmpty())
            metrics << total;
        for (const QJsonObject &m : std::as_const(metrics)) {
            Cost::Money v = 0;
            const std::string text =
                m.value(QStringLiteral("UnblendedCost")).toObject().value(QStringLiteral("Amount")).toString().toStdString();
            if (Cost::parseMoney(text, v) != Cost::ParseStatus::Ok)
                qFatal("bad amount in fixture");
            sum += v;
        }
    }
    return sum;
}

Cost::BigMoney recordSum(const FetchResult &r)
{
    Cost::BigMoney sum = 0;
    for (const Cost::Record &rec : r.records())
        sum += rec.amount(Cost::Amount::Billed);
    return sum;
}

Aws::ParseOptions options(bool aiOnly, const QString &tagKey = {})
{
    Aws::ParseOptions o;
    o.billingAccount = QStringLiteral("acct");
    o.tagKey = tagKey;
    o.aiServicesOnly = aiOnly;
    return o;
}

QString s(std::string_view v) { return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size())); }

} // namespace

class TestAwsCostExplorer : public QObject {
    Q_OBJECT
private slots:
    void pagesWithExactTotals();
    void bedrockDecoding();
    void tagGroups();
    void ungroupedAndNonAi();
    void unknownUsageTypesKept();
    void brokenResponses_data();
    void brokenResponses();
    void requestBody();
    void errors();
};

void TestAwsCostExplorer::pagesWithExactTotals()
{
    FetchResult out;
    Aws::PageInfo page;
    QString error;
    Aws::ParseOptions opts = options(true);
    opts.billingAccount = QStringLiteral("111122223333");
    const QByteArray p1 = fixture("GetCostAndUsage.response.service_usagetype.page1.constructed.json");
    const QByteArray p2 = fixture("GetCostAndUsage.response.service_usagetype.page2.constructed.json");
    QVERIFY2(Aws::parseCostAndUsage(p1, opts, out, &page, &error), qPrintable(error));
    QCOMPARE(page.nextPageToken, QStringLiteral("AAMA-EFRSURBSGhpZW5vbV9leGFtcGxlX3Rva2Vu"));
    QCOMPARE(page.kept, 5);
    QVERIFY(page.estimated);
    QVERIFY2(Aws::parseCostAndUsage(p2, opts, out, &page, &error), qPrintable(error));
    QVERIFY(page.nextPageToken.isEmpty());
    QCOMPARE(out.size(), std::size_t(6));
    QCOMPARE(recordSum(out), fixtureSum(p1) + fixtureSum(p2));
    QCOMPARE(Cost::formatMoney(recordSum(out)), std::string("23.606")); // 0.081+0.05+12.345+9.87+1.2+0.06
    const Cost::Record &last = out.records().back();
    QCOMPARE(last.chargeStart, QDateTime(QDate(2025, 6, 2), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch());
    QCOMPARE(last.chargeEnd - last.chargeStart, qint64(86400));
    QCOMPARE(s(last.dim(Cost::Dim::BillingAccount)), QStringLiteral("111122223333"));
    QCOMPARE(s(last.dim(Cost::Dim::Currency)), QStringLiteral("USD"));
    QCOMPARE(s(last.dim(Cost::Dim::Provider)), QStringLiteral("AWS"));
    QCOMPARE(s(last.dim(Cost::Dim::Region)), QStringLiteral("us-east-1"));
    QCOMPARE(s(last.extras), QStringLiteral("{\"Estimated\":true}"));
}

void TestAwsCostExplorer::bedrockDecoding()
{
    FetchResult out;
    Aws::PageInfo page;
    QString error;
    QVERIFY(Aws::parseCostAndUsage(fixture("GetCostAndUsage.response.service_usagetype.page1.constructed.json"),
                                   options(true), out, &page, &error));
    struct Want {
        const char *model;
        Cost::TokenKind kind;
        qint64 tokens;
        const char *unit;
    };
    const Want want[] = {
        {"nova-lite", Cost::TokenKind::Input, 1350000, "1K Tokens"},
        {"nova-lite", Cost::TokenKind::Output, 208333, "1K Tokens"},
        {"claude-sonnet-4", Cost::TokenKind::Input, 4115000, "1M Tokens"},
        {"claude-sonnet-4", Cost::TokenKind::Output, 658000, "1M Tokens"},
        {"claude-sonnet-4", Cost::TokenKind::CachedInput, 4000000, "1M Tokens"},
    };
    QCOMPARE(out.size(), std::size(want));
    for (std::size_t i = 0; i < std::size(want); ++i) {
        const Cost::Record &r = out.records()[i];
        QCOMPARE(s(r.dim(Cost::Dim::Model)), QLatin1String(want[i].model));
        QCOMPARE(r.tokenKind, want[i].kind);
        QCOMPARE(r.tokens, want[i].tokens);
        QCOMPARE(s(r.dim(Cost::Dim::PricingUnit)), QLatin1String(want[i].unit));
        QCOMPARE(s(r.dim(Cost::Dim::ServiceCategory)), QStringLiteral("AI and Machine Learning"));
    }
    QCOMPARE(s(out.records()[2].dim(Cost::Dim::Publisher)), QStringLiteral("AWS Marketplace"));
    QCOMPARE(s(out.records()[2].dim(Cost::Dim::UsageType)), QStringLiteral("USE1-MP:USE1_InputTokenCount-Units"));
    QCOMPARE(out.records()[2].amount(Cost::Amount::Billed), Cost::Money(123450000000)); // 12.345 exactly
}

void TestAwsCostExplorer::tagGroups()
{
    FetchResult out;
    Aws::PageInfo page;
    QString error;
    const QByteArray json = fixture("GetCostAndUsage.response.tag.constructed.json");
    QVERIFY(Aws::parseCostAndUsage(json, options(true, QStringLiteral("team")), out, &page,
                                   &error));
    QCOMPARE(out.size(), std::size_t(2));
    QCOMPARE(s(out.records()[0].dim(Cost::Dim::Tags)), QStringLiteral("{\"team\":\"search\"}"));
    QVERIFY(out.records()[1].dim(Cost::Dim::Tags).empty()); // "team$" = untagged
    QCOMPARE(recordSum(out), fixtureSum(json));
    QCOMPARE(out.records()[0].chargeEnd - out.records()[0].chargeStart, qint64(30 * 86400));
    QVERIFY(out.records()[0].extras.empty()); // Estimated false
}

void TestAwsCostExplorer::ungroupedAndNonAi()
{
    const QByteArray json = fixture("GetCostAndUsage.response.ungrouped_monthly.constructed.json");
    FetchResult out;
    Aws::PageInfo page;
    QString error;
    QVERIFY(Aws::parseCostAndUsage(json, options(false), out, &page, &error));
    QCOMPARE(out.size(), std::size_t(2));
    QCOMPARE(recordSum(out), fixtureSum(json));
    QCOMPARE(out.records()[0].amount(Cost::Amount::Billed), Cost::Money(15234411904227)); // 1523.4411904227
    QVERIFY(out.records()[0].dim(Cost::Dim::Model).empty());

    FetchResult aiOnly;
    QVERIFY(Aws::parseCostAndUsage(json, options(true), aiOnly, &page, &error));
    QCOMPARE(aiOnly.size(), std::size_t(0)); // no SERVICE group: nothing is known to be Bedrock
    QCOMPARE(page.rows, 2);
}

void TestAwsCostExplorer::unknownUsageTypesKept()
{
    const QByteArray json = R"J({"GroupDefinitions":[{"Type":"DIMENSION","Key":"SERVICE"},{"Type":"DIMENSION","Key":"USAGE_TYPE"}],
      "ResultsByTime":[{"TimePeriod":{"Start":"2025-06-01","End":"2025-06-02"},"Total":{},"Groups":[
        {"Keys":["Amazon Bedrock","USE1-NovaLite-Customization-Training"],"Metrics":{"UnblendedCost":{"Amount":"7.5","Unit":"USD"}}},
        {"Keys":["Amazon Bedrock","USW2-Nova2.0Lite-cache-write-input-token-count"],"Metrics":{"UnblendedCost":{"Amount":"0.2","Unit":"USD"},"UsageQuantity":{"Amount":"10","Unit":"N/A"}}},
        {"Keys":["Claude Sonnet 4.5 (Amazon Bedrock Edition)","USE1-MP:USE1_output_tokens_standard-Units"],"Metrics":{"UnblendedCost":{"Amount":"3","Unit":"USD"}}},
        {"Keys":["Amazon EC2","USE1-BoxUsage:t3.micro"],"Metrics":{"UnblendedCost":{"Amount":"0.0000000001","Unit":"USD"}}}
      ],"Estimated":false}]})J";
    FetchResult out;
    Aws::PageInfo page;
    QString error;
    QVERIFY2(Aws::parseCostAndUsage(json, options(true), out, &page, &error),
             qPrintable(error));
    QCOMPARE(page.rows, 4);
    QCOMPARE(out.size(), std::size_t(3)); // EC2 left out in the Bedrock-only scope
    QCOMPARE(s(out.records()[0].dim(Cost::Dim::Model)), QStringLiteral("USE1-NovaLite-Customization-Training"));
    QCOMPARE(out.records()[0].tokens, qint64(-1));
    QCOMPARE(s(out.records()[1].dim(Cost::Dim::Model)), QStringLiteral("nova2.0-lite"));
    QCOMPARE(out.records()[1].tokenKind, Cost::TokenKind::CacheWrite);
    QCOMPARE(s(out.records()[1].dim(Cost::Dim::Region)), QStringLiteral("us-west-2"));
    QCOMPARE(s(out.records()[2].dim(Cost::Dim::Model)), QStringLiteral("claude-sonnet-4-5"));
    QCOMPARE(out.records()[2].tokenKind, Cost::TokenKind::Output);

    FetchResult all;
    QVERIFY(Aws::parseCostAndUsage(json, options(false), all, &page, &error));
    QCOMPARE(all.size(), std::size_t(4));
    QCOMPARE(all.records()[3].amount(Cost::Amount::Billed), Cost::Money(1));
    QVERIFY(all.records()[3].dim(Cost::Dim::Model).empty());
}

void TestAwsCostExplorer::brokenResponses_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where");
    const QByteArray good = fixture("GetCostAndUsage.response.service_usagetype.page1.constructed.json");
    QTest::newRow("truncated") << good.left(good.size() / 2) << QStringLiteral("byte ");
    QTest::newRow("not an object") << QByteArray("[1,2]") << QStringLiteral("top level");
    QTest::newRow("no ResultsByTime") << QByteArray(R"({"GroupDefinitions":[]})") << QStringLiteral("ResultsByTime");
    QByteArray badAmount = good;
    badAmount.replace(R"("Amount": "0.081")", R"("Amount": "0,081")");
    QTest::newRow("bad amount") << badAmount << QStringLiteral("ResultsByTime[0].Groups[0].Metrics.UnblendedCost.Amount");
    QByteArray badDate = good;
    badDate.replace(R"("Start": "2025-06-01")", R"("Start": "June 1")");
    QTest::newRow("bad date") << badDate << QStringLiteral("ResultsByTime[0].TimePeriod.Start");
    QByteArray missingCost = good;
    missingCost.replace(R"("UnblendedCost": {"Amount": "0.05", "Unit": "USD"},)", "");
    QTest::newRow("missing cost") << missingCost << QStringLiteral("ResultsByTime[0].Groups[1].Metrics.UnblendedCost");
    QByteArray keys = good;
    keys.replace(R"(["Amazon Bedrock", "USE1-NovaLite-output-tokens"])", R"(["Amazon Bedrock"])");
    QTest::newRow("key count") << keys << QStringLiteral("ResultsByTime[0].Groups[1].Keys");
    QByteArray token = good;
    token.replace(R"("NextPageToken": "AAMA-EFRSURBSGhpZW5vbV9leGFtcGxlX3Rva2Vu")", R"("NextPageToken": 7)");
    QTest::newRow("token type") << token << QStringLiteral("NextPageToken");
}

void TestAwsCostExplorer::brokenResponses()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, where);
    FetchResult out;
    Aws::PageInfo page;
    QString error;
    QVERIFY(!Aws::parseCostAndUsage(json, options(true), out, &page, &error));
    QVERIFY2(error.contains(where), qPrintable(error));
    QVERIFY(error.startsWith(QStringLiteral("GetCostAndUsage response")));
}

void TestAwsCostExplorer::requestBody()
{
    Aws::CostQuery q;
    q.start = QDate(2025, 6, 1);
    q.end = QDate(2025, 6, 3);
    q.groupBy = {{QStringLiteral("DIMENSION"), QStringLiteral("SERVICE")}, {QStringLiteral("DIMENSION"), QStringLiteral("USAGE_TYPE")}};
    QJsonObject expected = QJsonDocument::fromJson(fixture("GetCostAndUsage.request.service_usagetype.constructed.json")).object();
    expected.remove(QStringLiteral("Filter"));
    QCOMPARE(QJsonDocument::fromJson(q.toJson()).object(), expected);

    q.serviceFilter = QStringLiteral("Amazon Bedrock");
    q.nextPageToken = QStringLiteral("tok");
    const QJsonObject o = QJsonDocument::fromJson(q.toJson()).object();
    QCOMPARE(o.value(QStringLiteral("NextPageToken")).toString(), QStringLiteral("tok"));
    QCOMPARE(o.value(QStringLiteral("Filter")).toObject().value(QStringLiteral("Dimensions")).toObject().value(QStringLiteral("Values")).toArray(),
             QJsonArray{QStringLiteral("Amazon Bedrock")});
}

void TestAwsCostExplorer::errors()
{
    const Aws::AwsError e = Aws::parseAwsError(fixture("error_LimitExceededException.constructed.json"));
    QCOMPARE(e.type, QStringLiteral("LimitExceededException"));
    QVERIFY(e.message.contains(QStringLiteral("rate limit")));
    QVERIFY(Aws::isThrottling(e));
    QVERIFY(!Aws::isAuthError(e));
    const Aws::AwsError t = Aws::parseAwsError(R"({"__type":"ThrottlingException","message":"Rate exceeded"})");
    QVERIFY(Aws::isThrottling(t));
    QCOMPARE(t.message, QStringLiteral("Rate exceeded"));
    QVERIFY(Aws::isAuthError(Aws::parseAwsError(R"({"__type":"com.amazon.coral.service#UnrecognizedClientException","message":"x"})")));
    QVERIFY(Aws::parseAwsError("<html>").type.isEmpty());
    QCOMPARE(Aws::regionFromUsageType(QStringLiteral("APS3-Foo")), QStringLiteral("ap-south-1"));
    QVERIFY(Aws::regionFromUsageType(QStringLiteral("BoxUsage")).isEmpty());
}

QTEST_GUILESS_MAIN(TestAwsCostExplorer)
#include "tst_awscostexplorer.moc"
