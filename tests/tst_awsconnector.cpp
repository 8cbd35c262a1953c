// AwsConnector against a loopback fake Cost Explorer that RECOMPUTES every SigV4 signature from
// the request and the known secret (and rejects wrong ones the way AWS does), plus paging,
// throttling, auth failures, broken responses, tag splits and a full sync into the store.

#include "accountstore.h"
#include "analytics/analytics.h"
#include "awsconnector.h"
#include "cloudtest.h"
#include "fakecostexplorer.h"
#include "secretstore.h"
#include "store/store.h"
#include "syncengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Conn;
using namespace TestSupport;

namespace {

AccountConfig accountFor(const FakeCostExplorer &fake)
{
    AccountConfig a;
    a.id = 1;
    a.name = QStringLiteral("aws-prod");
    a.provider = QStringLiteral("aws");
    a.baseUrl = fake.server.baseUrl();
    a.options.insert(QStringLiteral("account_id"), QStringLiteral("111122223333"));
    return a;
}

QString secretFor(const QByteArray &secret, const QByteArray &token = {})
{
    return packSecret({{QStringLiteral("access_key_id"), QString::fromLatin1(kKeyId)},
                       {QStringLiteral("secret_access_key"), QString::fromLatin1(secret)},
                       {QStringLiteral("session_token"), QString::fromLatin1(token)}});
}

using CloudTest::fastPolicy;
using CloudTest::FetchRun;

using CloudTest::runFetch;
using Rig = CloudTest::Rig<FakeCostExplorer, AwsConnector>;

} // namespace

class TestAwsConnector : public QObject {
    Q_OBJECT
private slots:
    void registered();
    void pagingWithVerifiedSignatures();
    void wrongSecretRejected();
    void unknownKeyAndMissingToken();
    void sessionTokenSigned();
    void throttlingThenSuccess();
    void throttlingGivesUp();
    void cancelWhileThrottled();
    void brokenResponses_data();
    void brokenResponses();
    void testConnection();
    void requestEstimate();
    void syncCommandPrintsEstimate();
    void tagSplitKeepsTotals();
    void syncIntoStore();
};

void TestAwsConnector::registered()
{
    const auto entry = ConnectorRegistry::find(QStringLiteral("aws"));
    QVERIFY(entry);
    QCOMPARE(entry->descriptor.defaultBaseUrl, QStringLiteral("https://ce.us-east-1.amazonaws.com"));
    QVERIFY(entry->descriptor.permissionsHelp.contains(QStringLiteral("ce:GetCostAndUsage")));
    QVERIFY(entry->descriptor.permissionsHelp.contains(QStringLiteral("US$0.01")));
    std::unique_ptr<Connector> c(entry->create(nullptr));
    QVERIFY(qobject_cast<AwsConnector *>(c.get()));
}

void TestAwsConnector::pagingWithVerifiedSignatures()
{
    Rig rig;
    auto &[fake, c] = rig;
    const FetchRun run = runFetch(c, accountFor(fake), secretFor(kSecret));
    QVERIFY2(run.result, qPrintable(run.error));
    QCOMPARE(fake.verified, 2);
    QCOMPARE(run.result->requests, 2);
    QCOMPARE(run.result->size(), std::size_t(6));
    QCOMPARE(recordSum(*run.result), fixtureSum(kPage1) + fixtureSum(kPage2));
    QVERIFY(run.result->note.contains(QStringLiteral("2 Cost Explorer requests")));

    // Page 2 repeats the identical request plus NextPageToken (Cost Explorer rejects changed ones).
    const QList<FakeRequest> reqs = fake.server.requests();
    QCOMPARE(reqs.size(), 2);
    QJsonObject first = QJsonDocument::fromJson(reqs[0].body).object();
    QJsonObject second = QJsonDocument::fromJson(reqs[1].body).object();
    QCOMPARE(second.take(QStringLiteral("NextPageToken")).toString(), QStringLiteral("AAMA-EFRSURBSGhpZW5vbV9leGFtcGxlX3Rva2Vu"));
    QCOMPARE(first, second);
    QCOMPARE(first.value(QStringLiteral("TimePeriod")).toObject().value(QStringLiteral("Start")).toString(), QStringLiteral("2025-06-01"));
    QCOMPARE(first.value(QStringLiteral("TimePeriod")).toObject().value(QStringLiteral("End")).toString(), QStringLiteral("2025-06-03"));
    QCOMPARE(first.value(QStringLiteral("Granularity")).toString(), QStringLiteral("DAILY"));
    QVERIFY(!reqs[0].header("authorization").contains(kSecret));
}

void TestAwsConnector::wrongSecretRejected()
{
    Rig rig;
    auto &[fake, c] = rig;
    const FetchRun run = runFetch(c, accountFor(fake), secretFor("not-the-secret"));
    QVERIFY(!run.result);
    QCOMPARE(run.kind, ErrorKind::Unauthorized);
    QVERIFY2(run.error.contains(QStringLiteral("InvalidSignatureException")), qPrintable(run.error));
    QVERIFY(run.error.contains(QStringLiteral("rejected the credentials")));
    QVERIFY(!run.error.contains(QStringLiteral("not-the-secret")));
    // Issue #20 item 5: AWS's first line whole, not cut at 300 characters inside the canonical request.
    QVERIFY2(run.error.contains(QStringLiteral("Check your AWS Secret Access Key and signing method. Consult the service "
                                               "documentation for details.)")),
             qPrintable(run.error));
    QVERIFY2(!run.error.contains(QStringLiteral("Canonical")) && !run.error.contains(QStringLiteral("host:")), qPrintable(run.error));
    QCOMPARE(fake.server.requests().size(), 1); // auth failures are not retried
    QCOMPARE(fake.verified, 0);
}

void TestAwsConnector::unknownKeyAndMissingToken()
{
    Rig rig;
    auto &[fake, c] = rig;
    fake.sessionToken = "IQoJb3JpZ2luX2VjEXAMPLETOKEN";
    // Right key and secret, but the temporary credentials' token is missing.
    FetchRun run = runFetch(c, accountFor(fake), secretFor(kSecret));
    QCOMPARE(run.kind, ErrorKind::Unauthorized);
    QVERIFY2(run.error.contains(QStringLiteral("UnrecognizedClientException")), qPrintable(run.error));
    // Unknown access key id.
    const QString other = packSecret({{QStringLiteral("access_key_id"), QStringLiteral("AKIAUNKNOWN")},
                                      {QStringLiteral("secret_access_key"), QString::fromLatin1(kSecret)}});
    run = runFetch(c, accountFor(fake), other);
    QCOMPARE(run.kind, ErrorKind::Unauthorized);
    QVERIFY(run.error.contains(QStringLiteral("The security token included in the request is invalid")));
}

void TestAwsConnector::sessionTokenSigned()
{
    Rig rig;
    auto &[fake, c] = rig;
    fake.sessionToken = "IQoJb3JpZ2luX2VjEXAMPLETOKEN";
    const FetchRun run = runFetch(c, accountFor(fake), secretFor(kSecret, fake.sessionToken));
    QVERIFY2(run.result, qPrintable(run.error));
    QCOMPARE(fake.verified, 2);
    QVERIFY(fake.server.requests().first().header("authorization").contains("x-amz-security-token"));
}

void TestAwsConnector::throttlingThenSuccess()
{
    Rig rig;
    auto &[fake, c] = rig;
    fake.throttleNext = 2; // ThrottlingException, then LimitExceededException (HTTP 400 bodies)
    QSignalSpy progress(&c, &Connector::fetchProgress);
    const FetchRun run = runFetch(c, accountFor(fake), secretFor(kSecret));
    QVERIFY2(run.result, qPrintable(run.error));
    QCOMPARE(fake.server.requests().size(), 4); // 2 throttled + 2 pages
    QCOMPARE(fake.verified, 4);                 // every retry re-signed and verified
    QCOMPARE(run.result->requests, 4);
    QCOMPARE(recordSum(*run.result), fixtureSum(kPage1) + fixtureSum(kPage2));
    bool sawThrottle = false;
    for (const auto &args : progress)
        sawThrottle = sawThrottle || args.at(2).toString().contains(QStringLiteral("LimitExceededException"));
    QVERIFY(sawThrottle);
}

void TestAwsConnector::throttlingGivesUp()
{
    Rig rig;
    auto &[fake, c] = rig;
    fake.throttleNext = 100;
    const FetchRun run = runFetch(c, accountFor(fake), secretFor(kSecret));
    QVERIFY(!run.result);
    QCOMPARE(run.kind, ErrorKind::RateLimited);
    QVERIFY2(run.error.contains(QStringLiteral("throttling")), qPrintable(run.error));
    QCOMPARE(fake.server.requests().size(), fastPolicy().maxAttempts);
}

void TestAwsConnector::cancelWhileThrottled()
{
    FakeCostExplorer fake;
    QVERIFY(fake.server.start());
    fake.throttleNext = 100;
    RetryPolicy slow = fastPolicy();
    slow.baseDelayMs = slow.maxDelayMs = 60000; // the back-off would wait a minute
    AwsConnector c;
    c.setRetryPolicy(slow);
    QSignalSpy ok(&c, &Connector::fetchFinished), failed(&c, &Connector::fetchFailed);
    c.fetch(accountFor(fake), secretFor(kSecret), CloudTest::kFixtureWindow);
    QTRY_COMPARE(fake.server.requests().size(), 1);
    QTest::qWait(50); // the throttled answer arrives and the back-off starts
    c.cancel();
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).value<ErrorKind>(), ErrorKind::Cancelled);
    QTest::qWait(50);
    QCOMPARE(ok.size(), 0);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(fake.server.requests().size(), 1);
}

void TestAwsConnector::brokenResponses_data()
{
    QTest::addColumn<int>("fault"); // -1 = corrupt page 2 (valid JSON, bad amount)
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("malformed JSON") << int(TestSupport::Fault::MalformedJson) << int(ErrorKind::BadResponse)
                                    << QStringLiteral("malformed JSON");
    QTest::newRow("truncated body") << int(TestSupport::Fault::Truncate) << int(ErrorKind::Network)
                                    << QStringLiteral("connection");
    QTest::newRow("bad amount on page 2") << -1 << int(ErrorKind::BadResponse)
                                          << QStringLiteral("ResultsByTime[0].Groups[0].Metrics.UnblendedCost.Amount");
}

void TestAwsConnector::brokenResponses()
{
    QFETCH(int, fault);
    QFETCH(int, kind);
    QFETCH(QString, message);
    FakeCostExplorer fake;
    QVERIFY(fake.server.start());
    if (fault >= 0)
        fake.server.injectFault(static_cast<TestSupport::Fault>(fault), fastPolicy().maxAttempts);
    else
        fake.corruptPage2 = true;
    AwsConnector c;
    c.setRetryPolicy(fastPolicy());
    const FetchRun run = runFetch(c, accountFor(fake), secretFor(kSecret));
    QVERIFY(!run.result); // nothing of the window is handed over
    QCOMPARE(int(run.kind), kind);
    QVERIFY2(run.error.contains(message, Qt::CaseInsensitive), qPrintable(run.error));
    if (fault < 0) // what was stored is said by the shared sync path (syncIntoStore), for every source
        QVERIFY2(run.error.contains(QStringLiteral("(page 2)")), qPrintable(run.error));
}

void TestAwsConnector::testConnection()
{
    Rig rig;
    auto &[fake, c] = rig;
    QSignalSpy spy(&c, &Connector::testFinished);
    c.testConnection(accountFor(fake), secretFor(kSecret));
    QTRY_COMPARE(spy.size(), 1);
    TestResult r = spy.takeFirst().first().value<TestResult>();
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY(r.message.contains(QStringLiteral("1 request")));
    QCOMPARE(fake.server.requests().size(), 1);

    c.testConnection(accountFor(fake), secretFor("wrong"));
    QTRY_COMPARE(spy.size(), 1);
    r = spy.takeFirst().first().value<TestResult>();
    QVERIFY(!r.ok);
    QCOMPARE(r.kind, ErrorKind::Unauthorized);
    QVERIFY(r.message.contains(QStringLiteral("secret access key")));

    // No credentials at all: a configuration error before any request.
    c.testConnection(accountFor(fake), QString());
    QTRY_COMPARE(spy.size(), 1);
    r = spy.takeFirst().first().value<TestResult>();
    QCOMPARE(r.kind, ErrorKind::Config);
    QCOMPARE(fake.server.requests().size(), 2);
}

void TestAwsConnector::requestEstimate()
{
    AccountConfig a;
    AwsRequestEstimate e = AwsConnector::estimateRequests(a, 3);
    QCOMPARE(e.requests, 3);
    QVERIFY2(e.text.contains(QStringLiteral("3 Cost Explorer requests")), qPrintable(e.text));
    QVERIFY(e.text.contains(QStringLiteral("0.03")));
    a.options.insert(QStringLiteral("tag_key"), QStringLiteral("team"));
    e = AwsConnector::estimateRequests(a, 3);
    QCOMPARE(e.requests, 6);
    // The engine's plan for a first sync of 90 days in 31-day windows: 3 windows.
    const QList<DateWindow> windows =
        planWindows(AwsConnector::staticDescriptor(), AccountConfig(), SyncStatus(), QDate(2025, 6, 30), nullptr);
    QCOMPARE(windows.size(), 3);
}

void TestAwsConnector::syncCommandPrintsEstimate()
{
    QString why;
    if (!CloudTest::keychainAvailable(&why))
        QSKIP(qPrintable(why));
    FakeCostExplorer fake;
    fake.emptyResults = true; // a real, verified answer without Bedrock days: the sync succeeds
    QVERIFY(fake.server.start());
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("cli.db"));
    QString out, err;
    const QStringList add{QStringLiteral("--db"), db, QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
                          QStringLiteral("aws"), QStringLiteral("--base-url"), fake.server.baseUrl(), QStringLiteral("--option"),
                          QStringLiteral("history_days=70")};
    QCOMPARE(runBurnrateLive(add + QStringList{QStringLiteral("--name"), QStringLiteral("aws-cli")}, secretFor(kSecret).toUtf8(), &out, &err), 0);
    QCOMPARE(runBurnrateLive(add + QStringList{QStringLiteral("--name"), QStringLiteral("aws-tags"), QStringLiteral("--option"),
                                                QStringLiteral("tag_key=team")},
                             secretFor(kSecret).toUtf8(), &out, &err),
             0);

    // 70 days in 31-day windows = 3 windows: 3 requests, 6 with a tag split; printed before the sync runs.
    QCOMPARE(runBurnrateLive({QStringLiteral("--db"), db, QStringLiteral("sync"), QStringLiteral("--account"), QStringLiteral("aws-cli")}, {},
                             &out, &err),
             0);
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 2, qPrintable(out + err));
    QCOMPARE(lines[0], QStringLiteral("aws-cli: This sync makes at least 3 Cost Explorer requests (AWS charges US$0.01 each: US$0.03); "
                                      "results that span several pages add one request per page."));
    QVERIFY2(lines[1].startsWith(QStringLiteral("aws-cli: 0 charges written")), qPrintable(lines[1]));
    QCOMPARE(fake.verified, 3); // the estimate was the truth: one signed request per window
    QCOMPARE(runBurnrateLive({QStringLiteral("--db"), db, QStringLiteral("sync")}, {}, &out, &err), 0);
    QVERIFY2(out.contains(QStringLiteral("aws-tags: This sync makes at least 6 Cost Explorer requests (AWS charges US$0.01 each: US$0.06)")),
             qPrintable(out));
    // aws-cli was synced through today: its re-sync covers the restatement window only, one window.
    QVERIFY2(out.contains(QStringLiteral("aws-cli: This sync makes at least 1 Cost Explorer request (AWS charges US$0.01 each: US$0.01)")),
             qPrintable(out));
    QCOMPARE(runBurnrateLive({QStringLiteral("--db"), db, QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("aws-cli")}, {}), 0);
    QCOMPARE(runBurnrateLive({QStringLiteral("--db"), db, QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("aws-tags")}, {}), 0);
}

void TestAwsConnector::tagSplitKeepsTotals()
{
    FakeCostExplorer fake;
    QVERIFY(fake.server.start());
    QStringList servicesAsked;
    // The split answers: Nova Lite input of 2025-06-01 split 0.05 (search) + 0.031 (untagged);
    // everything else of that service untagged-only is left to the remainder logic.
    fake.splitHandler = [&](const QJsonObject &body) {
        const QString service = body.value(QStringLiteral("Filter")).toObject().value(QStringLiteral("Dimensions")).toObject()
                                    .value(QStringLiteral("Values")).toArray().first().toString();
        servicesAsked << service;
        const QJsonArray groupBy = body.value(QStringLiteral("GroupBy")).toArray();
        if (groupBy.size() != 2 || groupBy[1].toObject().value(QStringLiteral("Key")).toString() != u"team")
            return awsError(400, "ValidationException", "bad GroupBy");
        QByteArray json = R"J({"GroupDefinitions":[{"Type":"DIMENSION","Key":"USAGE_TYPE"},{"Type":"TAG","Key":"team"}],
          "ResultsByTime":[{"TimePeriod":{"Start":"2025-06-01","End":"2025-06-02"},"Total":{},"Groups":[GROUPS],"Estimated":true}]})J";
        const QByteArray groups = service == u"Amazon Bedrock"
            ? R"J({"Keys":["USE1-NovaLite-input-tokens","team$search"],"Metrics":{"UnblendedCost":{"Amount":"0.05","Unit":"USD"},"UsageQuantity":{"Amount":"833.3333","Unit":"N/A"}}},
                 {"Keys":["USE1-NovaLite-input-tokens","team$"],"Metrics":{"UnblendedCost":{"Amount":"0.031","Unit":"USD"},"UsageQuantity":{"Amount":"516.6667","Unit":"N/A"}}})J"
            : R"J({"Keys":["USE1-MP:USE1_InputTokenCount-Units","team$search"],"Metrics":{"UnblendedCost":{"Amount":"10","Unit":"USD"}}})J";
        json.replace("GROUPS", groups);
        return FakeResponse::json(json);
    };
    AwsConnector c;
    c.setRetryPolicy(fastPolicy());
    AccountConfig account = accountFor(fake);
    account.options.insert(QStringLiteral("tag_key"), QStringLiteral("team"));
    const FetchRun run = runFetch(c, account, secretFor(kSecret));
    QVERIFY2(run.result, qPrintable(run.error));
    QCOMPARE(servicesAsked, (QStringList{QStringLiteral("Amazon Bedrock"), QStringLiteral("Claude Sonnet 4 (Amazon Bedrock Edition)")}));
    QCOMPARE(fake.verified, 4); // 2 pages + 2 split queries, all signed
    QCOMPARE(recordSum(*run.result), fixtureSum(kPage1) + fixtureSum(kPage2)); // the split never changes the total

    Cost::BigMoney search = 0, claudeInputRest = 0;
    for (const Cost::Record &r : run.result->records()) {
        if (r.dim(Cost::Dim::Tags) == R"({"team":"search"})")
            search += r.amount(Cost::Amount::Billed);
        if (r.dim(Cost::Dim::UsageType) == "USE1-MP:USE1_InputTokenCount-Units" && r.dim(Cost::Dim::Tags).empty())
            claudeInputRest += r.amount(Cost::Amount::Billed);
        QCOMPARE(r.dim(Cost::Dim::Model).empty(), false);
    }
    QCOMPARE(Cost::formatMoney(search), std::string("10.05"));
    QCOMPARE(Cost::formatMoney(claudeInputRest), std::string("2.345")); // 12.345 − 10 stays untagged
}

void TestAwsConnector::syncIntoStore()
{
    QString why;
    if (!CloudTest::keychainAvailable(&why))
        QSKIP(qPrintable(why));
    FakeCostExplorer fake;
    QVERIFY(fake.server.start());
    const CloudTest::StoreSync store(accountFor(fake), secretFor(kSecret));
    QVERIFY2(store.ready(), qPrintable(store.error));
    auto byModel = [&] { return CloudTest::totalsBy(store.dbPath, {"model", "token_kind"}); };

    const SyncOutcome first = store.sync();
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(first.rows, qint64(6));
    const QMap<QString, Cost::BigMoney> models = byModel();
    QCOMPARE(models.size(), 5);
    QCOMPARE(Cost::formatMoney(models.value(QStringLiteral("nova-lite/input"))), std::string("0.141")); // 0.081 + 0.06
    QCOMPARE(Cost::formatMoney(models.value(QStringLiteral("claude-sonnet-4/cached_input"))), std::string("1.20"));
    Cost::BigMoney total = 0;
    for (Cost::BigMoney v : models)
        total += v;
    QCOMPARE(total, fixtureSum(kPage1) + fixtureSum(kPage2));

    // A re-sync whose second page is broken fails and leaves the stored window exactly as it was.
    fake.corruptPage2 = true;
    const SyncOutcome second = store.sync();
    QVERIFY(!second.ok);
    QVERIFY2(second.error.contains(QStringLiteral("UnblendedCost.Amount")), qPrintable(second.error));
    QVERIFY2(CloudTest::saysNothingOfTheWindowWasStored(second), qPrintable(second.error));
    QCOMPARE(byModel(), models);
}

QTEST_MAIN(TestAwsConnector)
#include "tst_awsconnector.moc"
