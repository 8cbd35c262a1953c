// Azure Cost Management: meter decoding, the Query parser on the fixtures (exact money from the
// numbers' text), and the connector against a loopback Entra ID + Cost Management that check
// client id / secret and the bearer token: paging, token caching, 429, auth failures, malformed
// and truncated answers, and a full sync into a temporary store.
#include "accountstore.h"
#include "analytics/analytics.h"
#include "azureconnector.h"
#include "azuremeter.h"
#include "azureparser.h"
#include "domain/timeparse.h"
#include "fakeazure.h"
#include "httpclient.h"
#include "secretstore.h"
#include "store/store.h"
#include "syncengine.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QTest>

using namespace Conn;
using TestSupport::FakeRequest;
using TestSupport::FakeResponse;
using TestSupport::FakeServer;
using TestSupport::Fault;

namespace {

using CloudTest::billedTotal;
using CloudTest::FetchRun;
using CloudTest::money;
using CloudTest::readData;
using CloudTest::fastPolicy;
using TestSupport::FakeAzure;
const QString kPage1 = TestSupport::kAzurePage1;
const QString kPage2 = TestSupport::kAzurePage2;
const QString kSub = TestSupport::kAzureSub;
const QString kQueryPath = TestSupport::kAzureQueryPath;
const QString kSecret = TestSupport::kAzureSecret;

using TestSupport::firstNumbers;

Cost::Money fixtureSum(const QStringList &files)
{
    QStringList values;
    for (const QString &f : files)
        values << firstNumbers(readData(f));
    QString sum;
    if (!TestSupport::decimalSum(values, &sum))
        qFatal("fixture numbers are not plain decimals");
    return money(sum);
}

// A decimal rounded half-to-even to ten places, by string arithmetic (independent of parseMoney).
QString roundTen(const QString &literal)
{
    const qsizetype dot = literal.indexOf(QLatin1Char('.'));
    if (dot < 0 || literal.size() - dot - 1 <= 10)
        return literal;
    const QString kept = literal.left(dot + 11);
    const QString rest = literal.mid(dot + 11);
    const bool moreThanHalf = rest[0] > QLatin1Char('5') || (rest[0] == QLatin1Char('5') && rest.mid(1).contains(QRegularExpression(QStringLiteral("[1-9]"))));
    const bool half = rest[0] == QLatin1Char('5') && !moreThanHalf;
    const bool odd = (kept.back().digitValue() % 2) == 1;
    if (!moreThanHalf && !(half && odd))
        return kept;
    QString sum;
    TestSupport::decimalSum({kept, QStringLiteral("0.0000000001")}, &sum);
    return sum;
}

using CloudTest::runFetch;
using Rig = CloudTest::Rig<FakeAzure, AzureConnector>;

} // namespace

class TestAzure : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void meters_data();
    void meters();
    void parsePages();
    void exactNumberText();
    void specExample();
    void malformed_data();
    void malformed();
    void records();
    void queryBodyAndScopes();
    void fetchPagesWithCachedToken();
    void rateLimitedThenOk();
    void authFailures();
    void badAnswers();
    void syncIntoStore();
};

void TestAzure::meters_data()
{
    TestSupport::addColumns<QString>({"meter", "model", "kind", "deployment", "version"});
    QTest::addColumn<bool>("batch");
    QStringList lines = QString::fromUtf8(readData(QStringLiteral("azure/meters.csv"))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 20);
    lines.removeFirst(); // header
    for (const QString &line : lines) {
        const QStringList f = line.split(QLatin1Char(','));
        QCOMPARE(f.size(), 6);
        QTest::newRow(qPrintable(f[0])) << f[0] << f[1] << f[2] << f[3] << f[4] << (f[5] == QStringLiteral("1"));
    }
    QTest::newRow("empty") << QString() << QString() << QString() << QString() << QString() << false;
}

void TestAzure::meters()
{
    QFETCH(QString, meter);
    QFETCH(QString, model);
    QFETCH(QString, kind);
    QFETCH(QString, deployment);
    QFETCH(QString, version);
    QFETCH(bool, batch);
    const AzureMeter m = parseAzureMeter(meter.toStdString());
    QCOMPARE(QString::fromStdString(m.model), model);
    QCOMPARE(QString::fromLatin1(Cost::tokenKindName(m.kind).data(), qsizetype(Cost::tokenKindName(m.kind).size())), kind);
    QCOMPARE(QString::fromStdString(m.deployment), deployment);
    QCOMPARE(QString::fromStdString(m.version), version);
    QCOMPARE(m.batch, batch);
}

void TestAzure::parsePages()
{
    AzureQueryPage p1, p2;
    QString error;
    QVERIFY2(parseAzureQueryPage(readData(kPage1), p1, &error), qPrintable(error));
    QVERIFY2(parseAzureQueryPage(readData(kPage2), p2, &error), qPrintable(error));
    QCOMPARE(p1.rows.size(), std::size_t(4));
    QCOMPARE(p2.rows.size(), std::size_t(1));
    QVERIFY(p1.nextLink.contains(QStringLiteral("$skiptoken=AQAAAA%3D%3D")));
    QVERIFY(p2.nextLink.isEmpty());
    const AzureCostRow &r = p1.rows[2];
    QCOMPARE(r.day, Cost::daysFromCivil(2025, 6, 1));
    QCOMPARE(r.meter, std::string("gpt-4o-mini-0718-Inp-glbl Tokens"));
    QCOMPARE(r.meterSubCategory, std::string("Azure OpenAI"));
    QCOMPARE(r.currency, std::string("USD"));
    QCOMPARE(r.cost, money(QStringLiteral("0.00207345")));
    QVERIFY(r.extras.find("CostUSD") != std::string::npos); // unmapped columns kept verbatim
    QCOMPARE(p2.rows[0].day, Cost::daysFromCivil(2025, 6, 2));
    Cost::BigMoney total = 0;
    for (const auto *p : {&p1, &p2})
        for (const AzureCostRow &row : p->rows)
            total += row.cost;
    QCOMPARE(total, Cost::BigMoney(fixtureSum({kPage1, kPage2})));
    // 204 No Content is an empty last page.
    AzureQueryPage empty;
    QVERIFY(parseAzureQueryPage(QByteArray(), empty, &error));
    QVERIFY(empty.rows.empty() && empty.nextLink.isEmpty());
}

void TestAzure::exactNumberText()
{
    // 123456789.0123456789 has 19 significant digits: a double cannot hold it, the text can.
    const QByteArray body = R"({"properties":{"nextLink":null,"columns":[{"name":"PreTaxCost","type":"Number"},
        {"name":"UsageDate","type":"Number"},{"name":"Currency","type":"String"}],
        "rows":[[123456789.0123456789,20250601,"EUR"],[1.5e-3,20250601,"EUR"],[0.12345678901,20250601,"EUR"],[7,20250601,"EUR"]]}})";
    AzureQueryPage p;
    QString error;
    QVERIFY2(parseAzureQueryPage(body, p, &error), qPrintable(error));
    QCOMPARE(p.rows[0].cost, Cost::Money(1234567890123456789LL));
    QCOMPARE(p.rows[1].cost, Cost::Money(15000000));
    QCOMPARE(p.rows[2].cost, Cost::Money(1234567890)); // 11th decimal rounded half-to-even
    QCOMPARE(p.rows[3].cost, Cost::Money(70000000000LL));
    QCOMPARE(p.roundedCells, 1);
    QCOMPARE(p.rows[0].currency, std::string("EUR"));
}

void TestAzure::specExample()
{
    // The verbatim azure-rest-api-specs example: take the 200 body as the literal bytes.
    const QByteArray file = readData(QStringLiteral("azure/SubscriptionQueryGrouping.2023-11-01.example.json"));
    const qsizetype start = file.indexOf('{', file.indexOf("\"body\""));
    int depth = 0;
    qsizetype end = start;
    for (; end < file.size(); ++end) {
        depth += file[end] == '{' ? 1 : file[end] == '}' ? -1 : 0;
        if (depth == 0)
            break;
    }
    AzureQueryPage p;
    QString error;
    QVERIFY2(parseAzureQueryPage(file.mid(start, end - start + 1), p, &error), qPrintable(error));
    QCOMPARE(p.rows.size(), std::size_t(4));
    QVERIFY(!p.rows[0].hasDay); // granularity "None": no UsageDate
    QCOMPARE(p.rows[1].resourceGroup, std::string("Ict_StratAndPlan_GoldSprova_Prod_1"));
    const QStringList literals = firstNumbers(file);
    QCOMPARE(literals.size(), 4);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(p.rows[std::size_t(i)].cost, money(roundTen(literals[i])));
    QCOMPARE(p.roundedCells, 4);
    FetchResult res;
    QCOMPARE(appendAzureRecords(p.rows, {}, res), std::size_t(0)); // undated rows are not charges
}

void TestAzure::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    const QByteArray p1 = readData(kPage1);
    QTest::newRow("truncated") << p1.left(p1.size() / 2) << QStringLiteral("not valid JSON");
    QTest::newRow("empty object") << QByteArray("{}") << QStringLiteral("missing field \"properties\"");
    QTest::newRow("short row") << QByteArray(p1).replace(", \"USD\"]", "]") << QStringLiteral("row 1 has 6 values for 7 columns");
    QTest::newRow("cost text") << QByteArray(p1).replace("[3.52415,", "[\"abc\",")
                               << QStringLiteral("row 1, column \"Cost\": not a number (\"abc\")");
    QTest::newRow("bad date") << QByteArray(p1).replace("1.026495, 20250601", "1.026495, 20250631")
                              << QStringLiteral("row 2, column \"UsageDate\": not a date");
    QTest::newRow("no currency") << QByteArray(p1).replace("\"Currency\"", "\"Curr\"") << QStringLiteral("no \"Currency\" column");
    QTest::newRow("no cost") << QByteArray(p1).replace("\"name\": \"Cost\"", "\"name\": \"Kost\"") << QStringLiteral("no cost column");
    QTest::newRow("error 429") << readData(QStringLiteral("azure/error_429.json")) << QStringLiteral("error 429: Too many requests");
}

void TestAzure::malformed()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    AzureQueryPage p;
    QString error;
    QVERIFY(!parseAzureQueryPage(body, p, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY(error.startsWith(QStringLiteral("Azure Cost Management response: ")));
}

void TestAzure::records()
{
    AzureQueryPage p1, p2;
    QVERIFY(parseAzureQueryPage(readData(kPage1), p1, nullptr) && parseAzureQueryPage(readData(kPage2), p2, nullptr));
    FetchResult res;
    AzureRecordContext ctx{kSub, QStringLiteral("Azure prod")};
    QCOMPARE(appendAzureRecords(p1.rows, ctx, res) + appendAzureRecords(p2.rows, ctx, res), std::size_t(5));
    const Cost::Record &r = res.records()[0];
    QCOMPARE(r.dim(Cost::Dim::Provider), std::string_view("Microsoft"));
    QCOMPARE(r.dim(Cost::Dim::Publisher), std::string_view("OpenAI"));
    QCOMPARE(r.dim(Cost::Dim::Service), std::string_view("Azure OpenAI"));
    QCOMPARE(r.dim(Cost::Dim::Model), std::string_view("gpt-4o"));
    QCOMPARE(r.tokenKind, Cost::TokenKind::Input);
    QCOMPARE(r.dim(Cost::Dim::SkuMeter), std::string_view("gpt 4o 0513 Input global Tokens"));
    QCOMPARE(r.dim(Cost::Dim::ResourceName), std::string_view("aoai-prod"));
    QCOMPARE(r.dim(Cost::Dim::ResourceType), std::string_view("microsoft.cognitiveservices/accounts"));
    QCOMPARE(r.dim(Cost::Dim::SubAccount), kSub.toStdString());
    QCOMPARE(r.dim(Cost::Dim::BillingAccount), kSub.toStdString());
    QCOMPARE(r.dim(Cost::Dim::Currency), std::string_view("USD"));
    QCOMPARE(r.chargeStart, Cost::daysFromCivil(2025, 6, 1) * 86400);
    QCOMPARE(r.chargeEnd - r.chargeStart, std::int64_t(86400));
    QCOMPARE(res.records()[4].dim(Cost::Dim::Model), std::string_view("gpt-4o"));
    QCOMPARE(res.records()[4].tokenKind, Cost::TokenKind::CachedInput);
    QCOMPARE(billedTotal(res), Cost::BigMoney(fixtureSum({kPage1, kPage2})));
}

void TestAzure::queryBodyAndScopes()
{
    const auto entry = ConnectorRegistry::find(QStringLiteral("azure"));
    QVERIFY(entry);
    QStringList keys, secrets;
    for (const CredentialField &f : entry->descriptor.credentials)
        (f.secret ? secrets : keys) << f.key;
    QCOMPARE(keys, (QStringList{QStringLiteral("tenant_id"), QStringLiteral("client_id")}));
    QCOMPARE(secrets, QStringList{QStringLiteral("client_secret")});
    AccountConfig a;
    a.options = {{QStringLiteral("subscription_id"), kSub}};
    const QJsonObject body = QJsonDocument::fromJson(AzureConnector::queryBody(a, CloudTest::kFixtureWindow)).object();
    const QJsonObject fixture = QJsonDocument::fromJson(readData(QStringLiteral("azure/query.request.openai_daily.constructed.json"))).object();
    QCOMPARE(body.value(QStringLiteral("type")), fixture.value(QStringLiteral("type")));
    QCOMPARE(body.value(QStringLiteral("timeframe")), fixture.value(QStringLiteral("timeframe")));
    QCOMPARE(body.value(QStringLiteral("timePeriod")), fixture.value(QStringLiteral("timePeriod"))); // [06-01, 06-03) → 06-02T23:59:59Z
    const QJsonObject ds = body.value(QStringLiteral("dataset")).toObject();
    QCOMPARE(ds.value(QStringLiteral("granularity")).toString(), QStringLiteral("Daily"));
    // The fixture's grouping plus the unit of measure, and the quantity summed (issue #20 item 2:
    // without them Azure OpenAI rows had cost but no tokens).
    QJsonArray grouping = fixture.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("grouping")).toArray();
    grouping.insert(2, QJsonObject{{QStringLiteral("type"), QStringLiteral("Dimension")}, {QStringLiteral("name"), QStringLiteral("UnitOfMeasure")}});
    QCOMPARE(ds.value(QStringLiteral("grouping")).toArray(), grouping);
    QCOMPARE(ds.value(QStringLiteral("aggregation")).toObject().value(QStringLiteral("totalQuantity")).toObject(),
             (QJsonObject{{QStringLiteral("name"), QStringLiteral("UsageQuantity")}, {QStringLiteral("function"), QStringLiteral("Sum")}}));
    QVERIFY(ds.contains(QStringLiteral("filter")));
    a.options.insert(QStringLiteral("services"), QStringLiteral("all"));
    a.options.insert(QStringLiteral("tag_key"), QStringLiteral("team"));
    const QJsonObject all = QJsonDocument::fromJson(AzureConnector::queryBody(a, CloudTest::kFixtureWindow)).object().value(QStringLiteral("dataset")).toObject();
    QVERIFY(!all.contains(QStringLiteral("filter")));
    QCOMPARE(all.value(QStringLiteral("grouping")).toArray().last().toObject().value(QStringLiteral("type")).toString(), QStringLiteral("TagKey"));

    QString error;
    QCOMPARE(AzureConnector::scopePath(a, &error), QStringLiteral("subscriptions/") + kSub);
    a.options.insert(QStringLiteral("scope_type"), QStringLiteral("resource_group"));
    QVERIFY(AzureConnector::scopePath(a, &error).isEmpty());
    QVERIFY(error.contains(QStringLiteral("resource group")));
    a.options.insert(QStringLiteral("resource_group"), QStringLiteral("rg-ai"));
    QCOMPARE(AzureConnector::scopePath(a, &error), QStringLiteral("subscriptions/%1/resourceGroups/rg-ai").arg(kSub));
    a.options.insert(QStringLiteral("scope_type"), QStringLiteral("billing_account"));
    a.options.insert(QStringLiteral("billing_account_id"), QStringLiteral("70664866"));
    QCOMPARE(AzureConnector::scopePath(a, &error), QStringLiteral("providers/Microsoft.Billing/billingAccounts/70664866"));
}

void TestAzure::fetchPagesWithCachedToken()
{
    Rig rig;
    auto &[fake, c] = rig;
    FetchRun run = runFetch(c, fake.account(), packSecret({{QStringLiteral("client_secret"), kSecret}}));
    QVERIFY2(run.result, qPrintable(run.error));
    QCOMPARE(run.result->size(), std::size_t(5));
    QCOMPARE(billedTotal(*run.result), Cost::BigMoney(fixtureSum({kPage1, kPage2})));
    QCOMPARE(fake.tokenRequests(), 1);
    QCOMPARE(fake.queryRequests(), 2);
    QCOMPARE(fake.bodies[0], fake.bodies[1]); // the same body is re-posted to nextLink
    const auto queries = fake.server.requestsFor(kQueryPath);
    QCOMPARE(queries[1].queryValue(QStringLiteral("$skiptoken")), QStringLiteral("AQAAAA=="));
    QCOMPARE(queries[0].header("authorization"), QByteArray("Bearer tok-1"));
    // A second window reuses the cached token; a plain (unpacked) secret works too.
    run = runFetch(c, fake.account(), kSecret);
    QVERIFY2(run.result, qPrintable(run.error));
    QCOMPARE(fake.tokenRequests(), 1);
    QCOMPARE(fake.queryRequests(), 4);
}

void TestAzure::rateLimitedThenOk()
{
    Rig rig;
    auto &[fake, c] = rig;
    QVERIFY(runFetch(c, fake.account(), kSecret).result); // token now cached
    fake.server.setRetryAfterSeconds(1);
    fake.server.injectFault(Fault::RateLimit, 1);
    const FetchRun run = runFetch(c, fake.account(), kSecret);
    QVERIFY2(run.result, qPrintable(run.error));
    QCOMPARE(billedTotal(*run.result), Cost::BigMoney(fixtureSum({kPage1, kPage2})));
    QCOMPARE(run.result->requests, 2);
    QCOMPARE(fake.server.requests().size(), 1 + 2 + 3); // token, first fetch, 429 + two pages
    // Cost Management's own x-ms-ratelimit-*-retry-after on an answer delays the next page.
    HttpResponse h;
    h.headers.insert("x-ms-ratelimit-microsoft.costmanagement-qpu-retry-after", "2");
    h.headers.insert("x-ms-ratelimit-microsoft.costmanagement-entity-retry-after", "1");
    QCOMPARE(AzureConnector::msRateLimitWaitSeconds(h), 2);
    QByteArray p1 = readData(kPage1);
    p1.replace("https://management.azure.com", fake.server.baseUrl().toUtf8());
    fake.server.route("POST", kQueryPath, [p1](const FakeRequest &r) {
        if (!r.queryValue(QStringLiteral("$skiptoken")).isEmpty())
            return FakeResponse::json(readData(kPage2));
        FakeResponse resp = FakeResponse::json(p1);
        resp.headers.push_back({"x-ms-ratelimit-microsoft.costmanagement-qpu-retry-after", "1"});
        return resp;
    });
    QSignalSpy progress(&c, &Connector::fetchProgress);
    const FetchRun paced = runFetch(c, fake.account(), kSecret);
    QVERIFY2(paced.result, qPrintable(paced.error));
    QCOMPARE(billedTotal(*paced.result), Cost::BigMoney(fixtureSum({kPage1, kPage2})));
    bool waited = false;
    for (const QList<QVariant> &args : progress)
        waited = waited || args.at(2).toString().contains(QStringLiteral("wait 1 second"));
    QVERIFY(waited);

    // Throttled on every attempt: a clear rate-limit failure.
    fake.server.injectFault(Fault::RateLimit, 3);
    const FetchRun limited = runFetch(c, fake.account(), kSecret);
    QCOMPARE(limited.kind, ErrorKind::RateLimited);
    QVERIFY2(limited.error.contains(QStringLiteral("429")), qPrintable(limited.error));
}

void TestAzure::authFailures()
{
    Rig rig;
    auto &[fake, c] = rig;
    FetchRun run = runFetch(c, fake.account(), QStringLiteral("wrong"));
    QCOMPARE(run.kind, ErrorKind::Unauthorized);
    QVERIFY2(run.error.contains(QStringLiteral("Entra ID")) && run.error.contains(QStringLiteral("AADSTS7000215"))
                 && run.error.contains(QStringLiteral("client secret")),
             qPrintable(run.error));
    QVERIFY(!run.error.contains(QStringLiteral("wrong"))); // the secret never appears in messages
    QCOMPARE(fake.queryRequests(), 0);

    AccountConfig other = fake.account();
    other.options.insert(QStringLiteral("client_id"), QStringLiteral("app-999"));
    run = runFetch(c, other, kSecret);
    QCOMPARE(run.kind, ErrorKind::Unauthorized);
    QVERIFY(run.error.contains(QStringLiteral("AADSTS700016")));

    fake.revokeTokens = true; // the data API rejects the bearer token
    run = runFetch(c, fake.account(), kSecret);
    QCOMPARE(run.kind, ErrorKind::Unauthorized);
    QVERIFY2(run.error.contains(QStringLiteral("401")), qPrintable(run.error));
    fake.revokeTokens = false;
    fake.forbid = true;
    run = runFetch(c, fake.account(), kSecret);
    QCOMPARE(run.kind, ErrorKind::Forbidden);
    QVERIFY2(run.error.contains(QStringLiteral("Cost Management Reader")), qPrintable(run.error));

    AccountConfig noTenant = fake.account();
    noTenant.options.remove(QStringLiteral("tenant_id"));
    run = runFetch(c, noTenant, kSecret);
    QCOMPARE(run.kind, ErrorKind::Config);
    QVERIFY(run.error.contains(QStringLiteral("tenant id")));
}

void TestAzure::badAnswers()
{
    Rig rig;
    auto &[fake, c] = rig;
    QVERIFY(runFetch(c, fake.account(), kSecret).result); // token cached: faults hit the Query API

    fake.corruptPage2 = true; // valid JSON, bad cost on page 2: the whole window fails
    FetchRun run = runFetch(c, fake.account(), kSecret);
    QVERIFY(!run.result);
    QCOMPARE(run.kind, ErrorKind::BadResponse);
    QVERIFY2(run.error.contains(QStringLiteral("row 1, column \"Cost\"")) && run.error.contains(QStringLiteral("page 2")),
             qPrintable(run.error));
    fake.corruptPage2 = false;

    fake.server.injectFault(Fault::MalformedJson, 3);
    run = runFetch(c, fake.account(), kSecret);
    QCOMPARE(run.kind, ErrorKind::BadResponse);
    QVERIFY2(run.error.contains(QStringLiteral("malformed")), qPrintable(run.error));

    fake.server.injectFault(Fault::Truncate, 3);
    run = runFetch(c, fake.account(), kSecret);
    QVERIFY(!run.result);
    QCOMPARE(run.kind, ErrorKind::Network);

    // A nextLink pointing elsewhere is not followed (the bearer token stays home).
    QByteArray p1 = readData(kPage1);
    fake.server.route("POST", kQueryPath, [p1](const FakeRequest &) { return FakeResponse::json(p1); });
    run = runFetch(c, fake.account(), kSecret);
    QCOMPARE(run.kind, ErrorKind::BadResponse);
    QVERIFY2(run.error.contains(QStringLiteral("management.azure.com")), qPrintable(run.error));
}

void TestAzure::syncIntoStore()
{
    QString why;
    if (!CloudTest::keychainAvailable(&why))
        QSKIP(qPrintable(why));
    FakeAzure fake;
    QVERIFY(fake.server.start());
    const CloudTest::StoreSync store(fake.account(), packSecret({{QStringLiteral("client_secret"), kSecret}}));
    QVERIFY2(store.ready(), qPrintable(store.error));
    auto models = [&] { return CloudTest::totalsBy(store.dbPath, {"provider", "model", "token_kind"}); };

    const SyncOutcome first = store.sync();
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(first.rows, qint64(5));
    const QMap<QString, Cost::BigMoney> before = models();
    QCOMPARE(before.size(), 5);
    QCOMPARE(before.value(QStringLiteral("Microsoft/gpt-4o/input")), Cost::BigMoney(money(QStringLiteral("3.52415"))));
    QCOMPARE(before.value(QStringLiteral("Microsoft/gpt-4o/output")), Cost::BigMoney(money(QStringLiteral("1.026495"))));
    QCOMPARE(before.value(QStringLiteral("Microsoft/gpt-4o/cached_input")), Cost::BigMoney(money(QStringLiteral("0.0221184"))));
    QCOMPARE(before.value(QStringLiteral("Microsoft/gpt-4o-mini/input")), Cost::BigMoney(money(QStringLiteral("0.00207345"))));
    Cost::BigMoney total = 0;
    for (Cost::BigMoney v : before)
        total += v;
    QCOMPARE(total, Cost::BigMoney(fixtureSum({kPage1, kPage2})));
    QCOMPARE(CloudTest::totalsBy(store.dbPath, {"day"}).size(), 2);
    // Issue #20 item 2: tokens per model are what the stand-in served, quantity x unit of measure
    // (gpt-4o: 704.83 + 68.433 thousand and 0.017695 million; gpt-4o-mini: 13.823 + 2.274 thousand).
    const QMap<QString, Cost::BigMoney> tokens = CloudTest::totalsBy(store.dbPath, {"model"}, Analytics::Metric::Tokens);
    QCOMPARE(tokens.value(QStringLiteral("gpt-4o")), Cost::BigMoney(704830 + 68433 + 17695));
    QCOMPARE(tokens.value(QStringLiteral("gpt-4o-mini")), Cost::BigMoney(13823 + 2274));
    const QMap<QString, Cost::BigMoney> kinds = CloudTest::totalsBy(store.dbPath, {"model", "token_kind"}, Analytics::Metric::Tokens);
    QCOMPARE(kinds.value(QStringLiteral("gpt-4o/cached_input")), Cost::BigMoney(17695));
    QCOMPARE(kinds.value(QStringLiteral("gpt-4o-mini/output")), Cost::BigMoney(2274));
    // The stand-in serves quantity and unit only when the query asks for them: it was asked.
    const QJsonObject dataset = QJsonDocument::fromJson(fake.bodies.first()).object().value(QStringLiteral("dataset")).toObject();
    QVERIFY(QJsonDocument(dataset).toJson().contains("UnitOfMeasure"));

    // A re-sync whose second page is broken fails and leaves the stored window exactly as it was.
    fake.corruptPage2 = true;
    const SyncOutcome second = store.sync();
    QVERIFY(!second.ok);
    QVERIFY2(second.error.contains(QStringLiteral("Cost")), qPrintable(second.error));
    QVERIFY2(CloudTest::saysNothingOfTheWindowWasStored(second), qPrintable(second.error));
    QCOMPARE(models(), before);
}

QTEST_MAIN(TestAzure)
#include "tst_azure.moc"
