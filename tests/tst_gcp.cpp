// Google Cloud billing export via BigQuery: Vertex SKU decoding, the jobs.query /
// getQueryResults parser on the fixtures, and the connector against a loopback Google token
// endpoint that verifies the RS256 JWT with the key's public half and a BigQuery API that checks
// the bearer token: paging, polling, token caching, throttling, auth failures, malformed and
// truncated answers, and a full sync into a temporary store.
#include "accountstore.h"
#include "analytics/analytics.h"
#include "bigqueryparser.h"
#include "domain/timeparse.h"
#include "fakegoogle.h"
#include "gcpconnector.h"
#include "gcpsku.h"
#include "jwt.h"
#include "secretstore.h"
#include "store/store.h"
#include "syncengine.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Conn;
using TestSupport::FakeRequest;
using TestSupport::FakeResponse;
using TestSupport::FakeServer;
using TestSupport::Fault;

namespace {

using CloudTest::billedTotal;
using CloudTest::FetchRun;
using CloudTest::fastPolicy;
using CloudTest::money;
using CloudTest::readData;
using TestSupport::FakeGoogle;
using TestSupport::gcpColumn;
const QString kPage1 = TestSupport::kGcpPage1;
const QString kPage2 = TestSupport::kGcpPage2;
const QString kProject = TestSupport::kGcpProject;
const QString kJob = TestSupport::kGcpJob;
const QString kEmail = TestSupport::kGcpEmail;

Cost::Money fixtureSum(const QStringList &values)
{
    QString sum;
    if (!TestSupport::decimalSum(values, &sum))
        qFatal("fixture values are not plain decimals");
    return money(sum);
}

// Net billed of both pages = Σ cost + Σ credits.
Cost::Money fixtureNet() { return fixtureSum(gcpColumn({kPage1, kPage2}, QStringLiteral("cost")) + gcpColumn({kPage1, kPage2}, QStringLiteral("credits"))); }

using TestSupport::freshRsaKeyPem;

using CloudTest::runFetch;
using Rig = CloudTest::Rig<FakeGoogle, GcpConnector>;

} // namespace

class TestGcp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void skus_data();
    void skus();
    void parsePages();
    void malformed_data();
    void malformed();
    void records();
    void sqlAndBody();
    void fetchPagesWithCachedToken();
    void pollsUnfinishedJob();
    void throttledThenOk();
    void authFailures();
    void badAnswers();
    void syncIntoStore();
};

void TestGcp::skus_data()
{
    TestSupport::addColumns<QString>({"sku", "model", "kind", "publisher"});
    QTest::addColumn<QString>("flags"); // b = batch, g = global, t = thinking, l = long context
    QStringList lines = QString::fromUtf8(readData(QStringLiteral("gcp/vertex_skus.csv"))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 15);
    lines.removeFirst(); // header
    for (const QString &line : lines) {
        const QStringList f = line.split(QLatin1Char(','));
        QCOMPARE(f.size(), 5);
        QTest::newRow(qPrintable(f[0])) << f[0] << f[1] << f[2] << f[3] << f[4];
    }
}

void TestGcp::skus()
{
    QFETCH(QString, sku);
    QFETCH(QString, model);
    QFETCH(QString, kind);
    QFETCH(QString, publisher);
    QFETCH(QString, flags);
    const VertexSku s = parseVertexSku(sku.toStdString());
    QCOMPARE(QString::fromStdString(s.model), model);
    QCOMPARE(QString::fromLatin1(Cost::tokenKindName(s.kind).data(), qsizetype(Cost::tokenKindName(s.kind).size())), kind);
    QCOMPARE(QString::fromStdString(s.publisher), publisher);
    QCOMPARE(s.batch, flags.contains(QLatin1Char('b')));
    QCOMPARE(s.global, flags.contains(QLatin1Char('g')));
    QCOMPARE(s.thinking, flags.contains(QLatin1Char('t')));
    QCOMPARE(s.longContext, flags.contains(QLatin1Char('l')));
}

void TestGcp::parsePages()
{
    BigQueryPage p1, p2;
    QString error;
    QVERIFY2(parseBigQueryPage(readData(kPage1), p1, &error), qPrintable(error));
    QVERIFY2(parseBigQueryPage(readData(kPage2), p2, &error), qPrintable(error));
    QVERIFY(p1.jobComplete && p2.jobComplete);
    QCOMPARE(p1.pageToken, QStringLiteral("BFYQ2ZXVAEAQAAASA4EAAEEAQCAAKGQIBCDAQQ"));
    QVERIFY(p2.pageToken.isEmpty());
    QCOMPARE(p1.jobId, kJob);
    QCOMPARE(p1.location, QStringLiteral("US"));
    QCOMPARE(p1.totalRows, qint64(3));
    QCOMPARE(p1.fields.size(), 8);
    QCOMPARE(p1.rows.size(), std::size_t(2));
    std::vector<GcpCostRow> rows;
    QVERIFY2(parseGcpCostRows(p1, rows, &error) && parseGcpCostRows(p2, rows, &error), qPrintable(error));
    QCOMPARE(rows.size(), std::size_t(3));
    QCOMPARE(rows[1].cost, money(QStringLiteral("0.525")));
    QCOMPARE(*rows[1].credits, money(QStringLiteral("-0.1")));
    QCOMPARE(rows[2].day, Cost::daysFromCivil(2025, 6, 2));
    QCOMPARE(rows[0].quantity, 1065040.0);
    Cost::BigMoney cost = 0;
    for (const GcpCostRow &r : rows)
        cost += r.cost;
    QCOMPARE(cost, Cost::BigMoney(fixtureSum(gcpColumn({kPage1, kPage2}, QStringLiteral("cost")))));

    BigQueryPage pending;
    QVERIFY(parseBigQueryPage(R"({"jobReference":{"jobId":"j1","location":"EU"},"jobComplete":false})", pending, &error));
    QVERIFY(!pending.jobComplete);
    QCOMPARE(pending.jobId, QStringLiteral("j1"));
}

void TestGcp::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    const QByteArray p1 = readData(kPage1);
    QTest::newRow("truncated") << p1.left(p1.size() / 2) << QStringLiteral("not valid JSON");
    QTest::newRow("short row") << QByteArray(p1).replace(", {\"v\": \"USD\"}]}", "]}") << QStringLiteral("row 1 has 7 cells for 8 schema fields");
    QTest::newRow("no schema") << QByteArray(R"({"jobComplete":true,"rows":[]})") << QStringLiteral("missing field \"schema.fields\"");
    QTest::newRow("job errors") << QByteArray(R"({"jobComplete":true,"errors":[{"message":"Table not found"}]})") << QStringLiteral("Table not found");
    QTest::newRow("rate limit body") << readData(QStringLiteral("gcp/bigquery_error_429.constructed.json")) << QStringLiteral("Exceeded rate limits");
    QTest::newRow("bad cost") << QByteArray(p1).replace("{\"v\": \"0.3195\"}", "{\"v\": \"abc\"}") << QStringLiteral("row 1, field \"cost\": not a number");
    QTest::newRow("bad day") << QByteArray(p1).replace("{\"v\": \"2025-06-01\"}", "{\"v\": \"06/01/2025\"}") << QStringLiteral("field \"day\": not a date");
    QTest::newRow("no cost") << QByteArray(p1).replace("\"name\": \"cost\"", "\"name\": \"kost\"") << QStringLiteral("needs the fields day, cost and currency");
}

void TestGcp::malformed()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    BigQueryPage page;
    std::vector<GcpCostRow> rows;
    QString error;
    QVERIFY(!(parseBigQueryPage(body, page, &error) && parseGcpCostRows(page, rows, &error)));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestGcp::records()
{
    BigQueryPage p1, p2;
    std::vector<GcpCostRow> rows;
    QVERIFY(parseBigQueryPage(readData(kPage1), p1, nullptr) && parseBigQueryPage(readData(kPage2), p2, nullptr));
    QVERIFY(parseGcpCostRows(p1, rows, nullptr) && parseGcpCostRows(p2, rows, nullptr));
    rows[0].labels = R"([{"key":"team","value":"search"},{"key":"feature","value":"chat"}])";
    FetchResult res;
    QCOMPARE(appendGcpRecords(rows, QStringLiteral("012345-6789AB-CDEF01"), res), std::size_t(4)); // 3 usage + 1 credit
    const Cost::Record &r = res.records()[0];
    QCOMPARE(r.dim(Cost::Dim::Provider), std::string_view("Google Cloud"));
    QCOMPARE(r.dim(Cost::Dim::Publisher), std::string_view("Google"));
    QCOMPARE(r.dim(Cost::Dim::Service), std::string_view("Vertex AI"));
    QCOMPARE(r.dim(Cost::Dim::Model), std::string_view("gemini-2.5-flash"));
    QCOMPARE(r.tokenKind, Cost::TokenKind::Input);
    QCOMPARE(r.tokens, std::int64_t(1065040));
    QCOMPARE(r.dim(Cost::Dim::SkuMeter), std::string_view("Gemini 2.5 Flash GA Text Input - Predictions"));
    QCOMPARE(r.dim(Cost::Dim::BillingAccount), std::string_view("012345-6789AB-CDEF01"));
    QCOMPARE(r.dim(Cost::Dim::Tags), std::string_view(R"({"feature":"chat","team":"search"})"));
    QCOMPARE(r.chargeStart, Cost::daysFromCivil(2025, 6, 1) * 86400);
    const Cost::Record &credit = res.records()[2];
    QCOMPARE(credit.dim(Cost::Dim::ChargeCategory), std::string_view("Credit"));
    QCOMPARE(credit.amount(Cost::Amount::Billed), money(QStringLiteral("-0.1")));
    QCOMPARE(credit.tokenKind, Cost::TokenKind::Output);
    QCOMPARE(billedTotal(res), Cost::BigMoney(fixtureNet()));
}

void TestGcp::sqlAndBody()
{
    const auto entry = ConnectorRegistry::find(QStringLiteral("gcp"));
    QVERIFY(entry);
    QCOMPARE(entry->descriptor.credentials.size(), 1);
    QVERIFY(entry->descriptor.credentials[0].secret && entry->descriptor.credentials[0].multiline && entry->descriptor.credentials[0].filePath);
    AccountConfig a;
    a.options = {{QStringLiteral("table"), QStringLiteral("my-billing-project.billing_export.gcp_billing_export_v1_012345_6789AB_CDEF01")}};
    QString error;
    const QString sql = GcpConnector::billingSql(a, &error);
    QVERIFY(sql.contains(QStringLiteral("FROM `my-billing-project.billing_export.gcp_billing_export_v1_012345_6789AB_CDEF01`")));
    QVERIFY(sql.contains(QStringLiteral("service.description IN ('Vertex AI'")));
    QVERIFY(sql.contains(QStringLiteral("CAST(cost AS NUMERIC)")));
    const QJsonObject body = QJsonDocument::fromJson(GcpConnector::queryBody(a, sql, CloudTest::kFixtureWindow)).object();
    const QJsonObject fixture = QJsonDocument::fromJson(readData(QStringLiteral("gcp/bigquery_jobs_query.request.constructed.json"))).object();
    for (const char *key : {"queryParameters", "useLegacySql", "parameterMode", "location"})
        QCOMPARE(body.value(QLatin1String(key)), fixture.value(QLatin1String(key)));
    a.options.insert(QStringLiteral("export_type"), QStringLiteral("focus"));
    a.options.insert(QStringLiteral("services"), QStringLiteral("all"));
    const QString focus = GcpConnector::billingSql(a, &error);
    QVERIFY(focus.contains(QStringLiteral("SUM(CAST(BilledCost AS NUMERIC)) AS cost")) && !focus.contains(QStringLiteral(" IN (")));
    a.options.insert(QStringLiteral("table"), QStringLiteral("x`; DROP TABLE y; --"));
    QVERIFY(GcpConnector::billingSql(a, &error).isEmpty());
    QVERIFY(error.contains(QStringLiteral("not a BigQuery table name")));
}

void TestGcp::fetchPagesWithCachedToken()
{
    Rig rig;
    auto &[fake, c] = rig;
    FetchRun run = runFetch(c, fake.account(), fake.goodKey());
    QVERIFY2(run.result, qPrintable(run.error));
    QCOMPARE(run.result->size(), std::size_t(4));
    QCOMPARE(billedTotal(*run.result), Cost::BigMoney(fixtureNet()));
    QCOMPARE(run.result->requests, 2);
    QCOMPARE(fake.tokenRequests(), 1);
    QCOMPARE(fake.claimsSeen.size(), 1);
    const auto gets = fake.server.requestsFor(QStringLiteral("/bigquery/v2/projects/my-billing-project/queries/") + kJob);
    QCOMPARE(gets.size(), 1);
    QCOMPARE(gets[0].header("authorization"), QByteArray("Bearer ya29.test-1"));
    const QJsonObject sent = QJsonDocument::fromJson(fake.queryBodies[0]).object();
    QCOMPARE(sent.value(QStringLiteral("queryParameters")).toArray()[0].toObject().value(QStringLiteral("parameterValue")).toObject().value(QStringLiteral("value")).toString(),
             QStringLiteral("2025-06-01 00:00:00+00"));
    run = runFetch(c, fake.account(), fake.goodKey()); // cached token
    QVERIFY2(run.result, qPrintable(run.error));
    QCOMPARE(fake.tokenRequests(), 1);
}

void TestGcp::pollsUnfinishedJob()
{
    Rig rig;
    auto &[fake, c] = rig;
    fake.pendingFirst = true;
    const FetchRun run = runFetch(c, fake.account(), fake.goodKey());
    QVERIFY2(run.result, qPrintable(run.error));
    QCOMPARE(billedTotal(*run.result), Cost::BigMoney(fixtureNet()));
    QCOMPARE(run.result->requests, 3); // query (pending), results page 1, page 2
}

void TestGcp::throttledThenOk()
{
    Rig rig;
    auto &[fake, c] = rig;
    QVERIFY(runFetch(c, fake.account(), fake.goodKey()).result);
    fake.server.setRetryAfterSeconds(1);
    fake.server.injectFault(Fault::RateLimit, 1); // HTTP 429 + Retry-After
    FetchRun run = runFetch(c, fake.account(), fake.goodKey());
    QVERIFY2(run.result, qPrintable(run.error));
    QCOMPARE(billedTotal(*run.result), Cost::BigMoney(fixtureNet()));
    fake.rateLimitedAnswers = 1; // BigQuery's 403 rateLimitExceeded is retried too
    run = runFetch(c, fake.account(), fake.goodKey());
    QVERIFY2(run.result, qPrintable(run.error));
    QCOMPARE(billedTotal(*run.result), Cost::BigMoney(fixtureNet()));
    fake.rateLimitedAnswers = 10;
    run = runFetch(c, fake.account(), fake.goodKey());
    QCOMPARE(run.kind, ErrorKind::RateLimited);
    QVERIFY2(run.error.contains(QStringLiteral("Exceeded rate limits")), qPrintable(run.error));
}

void TestGcp::authFailures()
{
    Rig rig;
    auto &[fake, c] = rig;
    // A key the token endpoint does not trust: the JWT signature check fails.
    FetchRun run = runFetch(c, fake.account(), fake.keyJson(freshRsaKeyPem()));
    QCOMPARE(run.kind, ErrorKind::Unauthorized);
    QVERIFY2(run.error.contains(QStringLiteral("invalid_grant")) && run.error.contains(QStringLiteral("Invalid JWT Signature")),
             qPrintable(run.error));
    QVERIFY(fake.issued.isEmpty());
    QVERIFY(fake.server.requestsFor(QStringLiteral("/bigquery/v2/projects/my-billing-project/queries")).isEmpty());

    run = runFetch(c, fake.account(), QStringLiteral("{\"type\": \"service_account\"}"));
    QCOMPARE(run.kind, ErrorKind::Config);
    QVERIFY(run.error.contains(QStringLiteral("client_email")));

    QVERIFY(runFetch(c, fake.account(), fake.goodKey()).result);
    fake.issued.clear(); // tokens revoked: BigQuery answers 401
    run = runFetch(c, fake.account(), fake.goodKey());
    QCOMPARE(run.kind, ErrorKind::Unauthorized);
    QVERIFY2(run.error.contains(QStringLiteral("401")), qPrintable(run.error));
    run = runFetch(c, fake.account(), fake.goodKey()); // the rejected token was dropped: a fresh one works
    QVERIFY2(run.result, qPrintable(run.error));
}

void TestGcp::badAnswers()
{
    Rig rig;
    auto &[fake, c] = rig;
    QVERIFY(runFetch(c, fake.account(), fake.goodKey()).result);
    fake.corruptPage2 = true;
    FetchRun run = runFetch(c, fake.account(), fake.goodKey());
    QVERIFY(!run.result);
    QCOMPARE(run.kind, ErrorKind::BadResponse);
    QVERIFY2(run.error.contains(QStringLiteral("field \"cost\"")) && run.error.contains(QStringLiteral("page 2")), qPrintable(run.error));
    fake.corruptPage2 = false;
    fake.server.injectFault(Fault::MalformedJson, 3);
    run = runFetch(c, fake.account(), fake.goodKey());
    QCOMPARE(run.kind, ErrorKind::BadResponse);
    fake.server.injectFault(Fault::Truncate, 3);
    run = runFetch(c, fake.account(), fake.goodKey());
    QCOMPARE(run.kind, ErrorKind::Network);
}

void TestGcp::syncIntoStore()
{
    QString why;
    if (!CloudTest::keychainAvailable(&why))
        QSKIP(qPrintable(why));
    FakeGoogle fake;
    QVERIFY(fake.server.start());
    const CloudTest::StoreSync store(fake.account(), fake.goodKey());
    QVERIFY2(store.ready(), qPrintable(store.error));
    auto models = [&] { return CloudTest::totalsBy(store.dbPath, {"provider", "model", "token_kind"}); };

    const SyncOutcome first = store.sync();
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(first.rows, qint64(4));
    const QMap<QString, Cost::BigMoney> before = models();
    QCOMPARE(before.size(), 2);
    // Input: 0.3195 + 0.15; output: 0.525 less a 0.1 credit.
    QCOMPARE(before.value(QStringLiteral("Google Cloud/gemini-2.5-flash/input")), Cost::BigMoney(money(QStringLiteral("0.4695"))));
    QCOMPARE(before.value(QStringLiteral("Google Cloud/gemini-2.5-flash/output")), Cost::BigMoney(money(QStringLiteral("0.425"))));
    QCOMPARE(before.value(QStringLiteral("Google Cloud/gemini-2.5-flash/input")) + before.value(QStringLiteral("Google Cloud/gemini-2.5-flash/output")),
             Cost::BigMoney(fixtureNet()));
    const QMap<QString, Cost::BigMoney> tokens = CloudTest::totalsBy(store.dbPath, {"token_kind"}, Analytics::Metric::Tokens);
    QCOMPARE(tokens.value(QStringLiteral("input")), Cost::BigMoney(1065040 + 500000));

    fake.corruptPage2 = true; // a failed re-sync leaves the stored window exactly as it was
    const SyncOutcome second = store.sync();
    QVERIFY(!second.ok);
    QVERIFY2(second.error.contains(QStringLiteral("cost")), qPrintable(second.error));
    QVERIFY2(CloudTest::saysNothingOfTheWindowWasStored(second), qPrintable(second.error));
    QCOMPARE(models(), before);
}

QTEST_MAIN(TestGcp)
#include "tst_gcp.moc"
