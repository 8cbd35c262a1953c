// Page-cursor loop guards: every paged connector (OpenAI, Anthropic, Azure, BigQuery, Cost
// Explorer) against a loopback server that repeats a page cursor, or never stops paging, must end
// the fetch with a clear error after a bounded number of requests instead of looping forever.

#include "anthropicconnector.h"
#include "awsconnector.h"
#include "azureconnector.h"
#include "cloudtest.h"
#include "domain/translations.h"
#include "fakeazure.h"
#include "fakecostexplorer.h"
#include "fakegoogle.h"
#include "gcpconnector.h"
#include "openaiconnector.h"
#include "pagecursorguard.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Conn;
using CloudTest::FetchRun;
using CloudTest::readData;
using CloudTest::runFetch;
using TestSupport::FakeRequest;
using TestSupport::FakeResponse;

namespace {

// An empty Admin API page (OpenAI and Anthropic share the envelope) naming `next` as the next page.
QByteArray adminPage(const QString &next)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("object"), QStringLiteral("page")},
                                     {QStringLiteral("data"), QJsonArray()},
                                     {QStringLiteral("has_more"), true},
                                     {QStringLiteral("next_page"), next}})
        .toJson(QJsonDocument::Compact);
}

// What a fetch must end with when the server repeated its cursor after `pages` pages.
void verifyRepeated(const FetchRun &run, const QString &source, int pages)
{
    QVERIFY(!run.result);
    QCOMPARE(run.kind, ErrorKind::BadResponse);
    const QString expected = QStringLiteral("%1 sent the same page cursor twice; stopped after %2 pages.").arg(source).arg(pages);
    QVERIFY2(run.error.contains(expected), qPrintable(run.error));
}

} // namespace

class TestPagingGuard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Translations::install(QStringLiteral("en")); } // "%n page(s)" as the app prints it
    void guardAlone();
    void adminReports_data();
    void adminReports();
    void adminNeverEnds();
    void azureRepeatsNextLink();
    void bigQueryRepeatsPageToken();
    void costExplorerRepeatsToken_data();
    void costExplorerRepeatsToken();
};

void TestPagingGuard::guardAlone()
{
    PageCursorGuard guard;
    QVERIFY(!guard.follow(QStringLiteral("X"), QStringLiteral("a")).isEmpty()); // not reset: no page admitted
    guard.reset(4);
    QVERIFY(guard.follow(QStringLiteral("X"), QStringLiteral("a")).isEmpty());
    QVERIFY(guard.follow(QStringLiteral("X"), QStringLiteral("b")).isEmpty());
    QCOMPARE(guard.follow(QStringLiteral("X"), QStringLiteral("a")),
             QStringLiteral("X sent the same page cursor twice; stopped after 3 pages."));
    guard.reset(4);
    QVERIFY(guard.follow(QStringLiteral("X"), QStringLiteral("a")).isEmpty()); // a new read starts afresh
    QVERIFY(guard.follow(QStringLiteral("X"), QStringLiteral("b")).isEmpty());
    QVERIFY(guard.follow(QStringLiteral("X"), QStringLiteral("c")).isEmpty());
    QCOMPARE(guard.follow(QStringLiteral("X"), QStringLiteral("d")), QStringLiteral("X kept sending more pages; stopped after 4 pages."));
    QCOMPARE(guard.pages(), 4);
}

void TestPagingGuard::adminReports_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<int>("cycle"); // the server's cursors go round a cycle of this length
    QTest::newRow("openai, same cursor") << QStringLiteral("openai") << 1;
    QTest::newRow("openai, A B A") << QStringLiteral("openai") << 2;
    QTest::newRow("anthropic, same cursor") << QStringLiteral("anthropic") << 1;
    QTest::newRow("anthropic, A B C A") << QStringLiteral("anthropic") << 3;
}

void TestPagingGuard::adminReports()
{
    QFETCH(QString, provider);
    QFETCH(int, cycle);
    const bool openai = provider == u"openai";
    TestSupport::FakeServer server;
    QVERIFY(server.start());
    const QString usagePath = openai ? QStringLiteral("/v1/organization/usage/completions")
                                     : QStringLiteral("/v1/organizations/usage_report/messages");
    int served = 0;
    server.route("GET", usagePath, [&](const FakeRequest &) {
        return FakeResponse::json(adminPage(QStringLiteral("cur+%1/=").arg(served++ % cycle)));
    });
    std::unique_ptr<Connector> c;
    if (openai)
        c = std::make_unique<OpenAiConnector>();
    else
        c = std::make_unique<AnthropicConnector>();
    c->setRetryPolicy(CloudTest::fastPolicy());
    AccountConfig account;
    account.name = QStringLiteral("looping");
    account.provider = provider;
    account.baseUrl = server.baseUrl();
    const FetchRun run = runFetch(*c, account, openai ? QStringLiteral("sk-admin-test") : QStringLiteral("sk-ant-admin01-test"));
    verifyRepeated(run, QStringLiteral("The %1 usage report").arg(openai ? QStringLiteral("OpenAI") : QStringLiteral("Anthropic")),
                   cycle + 1);
    QCOMPARE(served, cycle + 1); // no request after the repeated cursor
}

void TestPagingGuard::adminNeverEnds()
{
    // A server that answers has_more with a fresh cursor forever: stopped at the policy's page cap
    // (5000 by default; 40 here to keep the test short).
    TestSupport::FakeServer server;
    QVERIFY(server.start());
    int served = 0;
    server.route("GET", QStringLiteral("/v1/organization/usage/completions"), [&](const FakeRequest &) {
        return FakeResponse::json(adminPage(QStringLiteral("page-%1").arg(++served)));
    });
    OpenAiConnector c;
    RetryPolicy policy = CloudTest::fastPolicy();
    policy.maxPages = 40;
    c.setRetryPolicy(policy);
    AccountConfig account;
    account.name = QStringLiteral("endless");
    account.provider = QStringLiteral("openai");
    account.baseUrl = server.baseUrl();
    const FetchRun run = runFetch(c, account, QStringLiteral("sk-admin-test"));
    QVERIFY(!run.result);
    QCOMPARE(run.kind, ErrorKind::BadResponse);
    QCOMPARE(run.error, QStringLiteral("The OpenAI usage report kept sending more pages; stopped after 40 pages."));
    QCOMPARE(served, 40);
}

void TestPagingGuard::azureRepeatsNextLink()
{
    // Page 2 (reached through page 1's nextLink) names that same nextLink again.
    CloudTest::Rig<TestSupport::FakeAzure, AzureConnector> rig;
    QByteArray p1 = readData(TestSupport::kAzurePage1);
    p1.replace("https://management.azure.com", rig.fake.server.baseUrl().toUtf8());
    rig.fake.page2Override = p1;
    const FetchRun run = rig.fetch(rig.fake.account(), packSecret({{QStringLiteral("client_secret"), TestSupport::kAzureSecret}}));
    verifyRepeated(run, QStringLiteral("Azure Cost Management"), 2);
    QCOMPARE(rig.fake.queryRequests(), 2);
}

void TestPagingGuard::bigQueryRepeatsPageToken()
{
    // getQueryResults answers the first page again, with the pageToken it was just asked for.
    CloudTest::Rig<TestSupport::FakeGoogle, GcpConnector> rig;
    const QString jobPath = QStringLiteral("/bigquery/v2/projects/") + TestSupport::kGcpProject + QStringLiteral("/queries/")
        + TestSupport::kGcpJob;
    int pages = 0;
    rig.fake.server.route("GET", jobPath, [&](const FakeRequest &) {
        ++pages;
        return FakeResponse::json(readData(TestSupport::kGcpPage1));
    });
    const FetchRun run = rig.fetch(rig.fake.account(), rig.fake.goodKey());
    verifyRepeated(run, QStringLiteral("BigQuery"), 2);
    QCOMPARE(pages, 1); // jobs.query gave page 1, getQueryResults the repeat; nothing after
}

void TestPagingGuard::costExplorerRepeatsToken_data()
{
    QTest::addColumn<int>("cycle");
    QTest::newRow("same token") << 1;
    QTest::newRow("A B A") << 2;
}

void TestPagingGuard::costExplorerRepeatsToken()
{
    QFETCH(int, cycle);
    CloudTest::Rig<TestSupport::FakeCostExplorer, AwsConnector> rig;
    int served = 0;
    rig.fake.server.route("POST", QStringLiteral("/"), [&](const FakeRequest &) {
        QJsonObject page = QJsonDocument::fromJson(TestSupport::kPage1).object();
        page.insert(QStringLiteral("NextPageToken"), QStringLiteral("token-%1").arg(served++ % cycle));
        return FakeResponse::json(QJsonDocument(page).toJson(QJsonDocument::Compact));
    }, [&](const FakeRequest &r) { return rig.fake.verify(r); });
    AccountConfig account;
    account.name = QStringLiteral("aws-looping");
    account.provider = QStringLiteral("aws");
    account.baseUrl = rig.fake.server.baseUrl();
    const FetchRun run = rig.fetch(account, packSecret({{QStringLiteral("access_key_id"), QString::fromLatin1(TestSupport::kKeyId)},
                                                        {QStringLiteral("secret_access_key"), QString::fromLatin1(TestSupport::kSecret)}}));
    verifyRepeated(run, QStringLiteral("Cost Explorer"), cycle + 1);
    QCOMPARE(served, cycle + 1);
    QCOMPARE(rig.fake.verified, cycle + 1); // every request was the signed one
}

QTEST_GUILESS_MAIN(TestPagingGuard)
#include "tst_pagingguard.moc"
