// Azure and Google Cloud: testConnection() against the loopback fakes (ok, a rejected secret or
// key, a revoked token, a missing permission — each with its own plain message and no secret in
// it), cancel() in the middle of a paged fetch (one Cancelled, no result, and through the sync
// engine: the store exactly as before), and HttpClient honouring Azure's
// x-ms-ratelimit-*-retry-after headers on 429.
#include "azureconnector.h"
#include "cloudtest.h"
#include "fakeazure.h"
#include "fakegoogle.h"
#include "gcpconnector.h"
#include "httpclient.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Conn;
using namespace TestSupport;

namespace {

const DateWindow kWindow = CloudTest::kFixtureWindow;

// Cancels `c` as soon as the fake has received `requests` requests, then waits for the answer.
CloudTest::FetchRun cancelAfter(Connector &c, const AccountConfig &account, const QString &secret, FakeServer &server,
                                int requests, QList<QList<QVariant>> *finished)
{
    QSignalSpy ok(&c, &Connector::fetchFinished), failed(&c, &Connector::fetchFailed);
    c.fetch(account, secret, kWindow);
    if (!QTest::qWaitFor([&] { return server.requests().size() >= requests; }, 10000))
        qFatal("the fetch never reached request %d", requests);
    c.cancel();
    CloudTest::FetchRun run;
    if (!QTest::qWaitFor([&] { return ok.size() + failed.size() > 0; }, 10000))
        qFatal("cancel never answered");
    QTest::qWait(50); // nothing else may follow
    *finished = ok;
    if (!failed.isEmpty()) {
        run.kind = failed.first().at(0).value<ErrorKind>();
        run.error = failed.first().at(1).toString();
    }
    if (failed.size() + ok.size() != 1)
        qFatal("more than one completion signal");
    return run;
}

// Cancels a fetch while its page 2 (the request with `pageParam`) is held back by a slow answer
// (token + page 1 + page 2 received), then fetches again with the same connector: `rows` records.
template<typename Fake, typename C>
void cancelMidFetch(const char *pageParam, QString (*secretOf)(const Fake &), std::size_t rows)
{
    CloudTest::Rig<Fake, C> rig;
    auto &[fake, c] = rig;
    fake.server.setSlowDelayMs(4000);
    const QString param = QString::fromLatin1(pageParam);
    fake.server.setFaultRule([param](const FakeRequest &r) { return r.queryValue(param).isEmpty() ? -1 : int(Fault::Slow); });
    QList<QList<QVariant>> finished;
    const CloudTest::FetchRun run = cancelAfter(c, fake.account(), secretOf(fake), fake.server, 3, &finished);
    QVERIFY(finished.isEmpty());
    QCOMPARE(run.kind, ErrorKind::Cancelled);
    // The connector is reusable right away.
    fake.server.setFaultRule({});
    const CloudTest::FetchRun again = rig.fetch(fake.account(), secretOf(fake));
    QVERIFY2(again.result, qPrintable(again.error));
    QCOMPARE(again.result->size(), rows);
}

} // namespace

class TestCloudConnect : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<TestResult>();
        qRegisterMetaType<ErrorKind>();
        qRegisterMetaType<std::shared_ptr<FetchResult>>();
    }
    void azureTestConnection();
    void gcpTestConnection();
    void azureCancelMidFetch();
    void gcpCancelMidFetch();
    void cancelledSyncKeepsStore();
    void msRateLimitRetryAfter_data();
    void msRateLimitRetryAfter();
};

void TestCloudConnect::azureTestConnection()
{
    CloudTest::Rig<FakeAzure, AzureConnector> rig;
    auto &[fake, c] = rig;
    fake.emptyResult = true;
    const QString secret = packSecret({{QStringLiteral("client_secret"), kAzureSecret}});
    TestResult t = CloudTest::runTest(c, fake.account(), secret);
    QVERIFY2(t.ok, qPrintable(t.message));
    QVERIFY2(t.message.contains(QStringLiteral("Connected to Azure Cost Management")), qPrintable(t.message));
    QCOMPARE(fake.queryRequests(), 1); // one small query
    // The query asked for one day, yesterday.
    const QJsonObject period = QJsonDocument::fromJson(fake.bodies.first()).object().value(QStringLiteral("timePeriod")).toObject();
    const QDate yesterday = QDateTime::currentDateTimeUtc().date().addDays(-1);
    QVERIFY2(period.value(QStringLiteral("from")).toString().startsWith(yesterday.toString(Qt::ISODate)), qPrintable(period.value(QStringLiteral("from")).toString()));

    t = CloudTest::runTest(c, fake.account(), packSecret({{QStringLiteral("client_secret"), QStringLiteral("not-the-secret")}}));
    QVERIFY(!t.ok);
    QCOMPARE(t.kind, ErrorKind::Unauthorized);
    QVERIFY2(t.message.contains(QStringLiteral("client secret")) && t.message.contains(QStringLiteral("AADSTS7000215")), qPrintable(t.message));
    QVERIFY(!t.message.contains(QStringLiteral("not-the-secret")));

    fake.revokeTokens = true;
    t = CloudTest::runTest(c, fake.account(), secret);
    QCOMPARE(t.kind, ErrorKind::Unauthorized);
    QVERIFY2(t.message.contains(QStringLiteral("401")), qPrintable(t.message));
    fake.revokeTokens = false;
    fake.forbid = true;
    t = CloudTest::runTest(c, fake.account(), secret);
    QCOMPARE(t.kind, ErrorKind::Forbidden);
    QVERIFY2(t.message.contains(QStringLiteral("Cost Management Reader")), qPrintable(t.message));
}

void TestCloudConnect::gcpTestConnection()
{
    CloudTest::Rig<FakeGoogle, GcpConnector> rig;
    auto &[fake, c] = rig;
    fake.emptyResult = true;
    TestResult t = CloudTest::runTest(c, fake.account(), fake.goodKey());
    QVERIFY2(t.ok, qPrintable(t.message));
    QVERIFY2(t.message.contains(QStringLiteral("Connected to BigQuery")), qPrintable(t.message));
    QCOMPARE(fake.queryBodies.size(), 1);
    const QDate yesterday = QDateTime::currentDateTimeUtc().date().addDays(-1);
    QVERIFY2(fake.queryBodies.first().contains(yesterday.toString(Qt::ISODate).toUtf8()), fake.queryBodies.first().constData());

    // A key Google does not know: the token endpoint rejects the JWT signature.
    const QByteArray stranger = freshRsaKeyPem();
    t = CloudTest::runTest(c, fake.account(), fake.keyJson(stranger));
    QVERIFY(!t.ok);
    QCOMPARE(t.kind, ErrorKind::Unauthorized);
    QVERIFY2(t.message.contains(QStringLiteral("invalid_grant")), qPrintable(t.message));
    QVERIFY(!t.message.contains(QStringLiteral("PRIVATE KEY")));

    fake.revokeTokens = true;
    t = CloudTest::runTest(c, fake.account(), fake.goodKey());
    QCOMPARE(t.kind, ErrorKind::Unauthorized);
    QVERIFY2(t.message.contains(QStringLiteral("401")), qPrintable(t.message));
    fake.revokeTokens = false;
    fake.forbid = true;
    t = CloudTest::runTest(c, fake.account(), fake.goodKey());
    QCOMPARE(t.kind, ErrorKind::Forbidden);
    QVERIFY2(t.message.contains(QStringLiteral("BigQuery Job User")), qPrintable(t.message));
}

void TestCloudConnect::azureCancelMidFetch()
{
    cancelMidFetch<FakeAzure, AzureConnector>("$skiptoken", [](const FakeAzure &) { return kAzureSecret; }, 5);
}

void TestCloudConnect::gcpCancelMidFetch()
{
    // Three rows and one credit.
    cancelMidFetch<FakeGoogle, GcpConnector>("pageToken", [](const FakeGoogle &fake) { return fake.goodKey(); }, 4);
}

void TestCloudConnect::cancelledSyncKeepsStore()
{
    QString why;
    if (!CloudTest::keychainAvailable(&why))
        QSKIP(qPrintable(why));
    FakeAzure azure;
    FakeGoogle google;
    QVERIFY(azure.server.start() && google.server.start());
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("cancel.db"));
    AccountConfig a = azure.account(), g = google.account();
    a.options.insert(QStringLiteral("history_days"), QStringLiteral("3"));
    g.options.insert(QStringLiteral("history_days"), QStringLiteral("3"));
    QString error;
    QVERIFY2(CloudTest::addAccount(db, a, kAzureSecret, &error) && CloudTest::addAccount(db, g, google.goodKey(), &error), qPrintable(error));
    const QDate today(2025, 6, 2);
    for (const SyncOutcome &o : CloudTest::syncAll(db, {a, g}, today))
        QVERIFY2(o.ok, qPrintable(o.error));
    const auto before = CloudTest::totalsBy(db, {"provider", "model", "token_kind", "day"});
    QCOMPARE(before.size(), 8); // Azure: 4 on 06-01, 1 on 06-02; Google: 2 on 06-01, 1 on 06-02

    // Both clouds now hold back page 2; the re-sync is cancelled while each waits for it.
    for (FakeServer *s : {&azure.server, &google.server}) {
        s->setSlowDelayMs(4000);
        s->setFaultRule([](const FakeRequest &r) {
            return r.queryValue(QStringLiteral("$skiptoken")).isEmpty() && r.queryValue(QStringLiteral("pageToken")).isEmpty() ? -1
                                                                                                                          : int(Fault::Slow);
        });
    }
    for (int i = 0; i < 2; ++i) {
        FakeServer &server = i == 0 ? azure.server : google.server;
        server.clearRequests();
        SyncEngine engine(db);
        engine.setRetryPolicy(CloudTest::fastPolicy());
        engine.setToday(today);
        QSignalSpy finished(&engine, &SyncEngine::finished);
        QVERIFY(engine.start({i == 0 ? a : g}, &error));
        auto secondPageAsked = [&] {
            for (const FakeRequest &r : server.requests())
                if (!r.queryValue(QStringLiteral("$skiptoken")).isEmpty() || !r.queryValue(QStringLiteral("pageToken")).isEmpty())
                    return true;
            return false;
        };
        QVERIFY(QTest::qWaitFor(secondPageAsked, 10000));
        engine.cancel();
        QVERIFY(finished.wait(10000));
        const SyncOutcome o = finished.first().first().value<QList<SyncOutcome>>().first();
        QVERIFY(!o.ok);
        QVERIFY(o.cancelled);
        QCOMPARE(o.windows, 0);
        QCOMPARE(CloudTest::totalsBy(db, {"provider", "model", "token_kind", "day"}), before);
    }
    CloudTest::forgetSecrets({a, g});
}

void TestCloudConnect::msRateLimitRetryAfter_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("minDelayMs");
    QTest::newRow("cost management qpu") << QByteArray("x-ms-ratelimit-microsoft.costmanagement-qpu-retry-after") << QByteArray("2") << 2000;
    QTest::newRow("cost management entity") << QByteArray("x-ms-ratelimit-microsoft.costmanagement-entity-retry-after") << QByteArray("1") << 1000;
    QTest::newRow("consumption") << QByteArray("x-ms-ratelimit-microsoft.consumption-retry-after") << QByteArray("1") << 1000;
    QTest::newRow("retry-after-ms") << QByteArray("x-ms-retry-after-ms") << QByteArray("1500") << 1500;
}

void TestCloudConnect::msRateLimitRetryAfter()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    QFETCH(int, minDelayMs);
    FakeServer server;
    QVERIFY(server.start());
    int calls = 0;
    server.route("POST", QStringLiteral("/q"), [&](const FakeRequest &) {
        if (++calls == 1) // Azure's 429: no Retry-After, only its own rate-limit headers
            return FakeResponse{429, R"({"error":{"code":"429","message":"Too many requests. Please retry."}})", {{header, value}}};
        return FakeResponse::json(R"({"ok":true})");
    });
    HttpClient http;
    http.setPolicy(CloudTest::fastPolicy()); // own backoff: 10–40 ms
    QSignalSpy retrying(&http, &HttpClient::retrying);
    HttpResponse got;
    bool done = false;
    HttpRequest req;
    req.method = "POST";
    req.url = QUrl(server.baseUrl() + QStringLiteral("/q"));
    http.send(req, [&](const HttpResponse &r) { got = r; done = true; });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 10000));
    QVERIFY2(got.ok, qPrintable(got.error));
    QCOMPARE(got.attempts, 2);
    QCOMPARE(retrying.size(), 1);
    const int delay = retrying.first().at(1).toInt();
    QVERIFY2(delay >= minDelayMs, qPrintable(QString::number(delay))); // the server's word, not our 10 ms backoff
}

QTEST_MAIN(TestCloudConnect)
#include "tst_cloudconnect.moc"
