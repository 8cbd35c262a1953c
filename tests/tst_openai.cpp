// OpenAI Admin API: the pure parsers on the fixtures (exact totals computed here from the JSON,
// independently of the parser), the connector against the loopback fake server (Bearer auth,
// real cursor paging), and full syncs through Conn::SyncWorker with injected faults.

#include "adminapitest.h"
#include "openaiconnector.h"
#include "openaiparser.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace AdminApiTest;
using TestSupport::FakeRequest;
using TestSupport::FakeResponse;
using TestSupport::FakeServer;

namespace {

const QByteArray kKey = "sk-admin-test-0123456789";
const QString kUsagePath = QStringLiteral("/v1/organization/usage/completions");
const QString kCostsPath = QStringLiteral("/v1/organization/costs");
const qint64 kFixtureDay = 1748736000; // 2025-06-01, the constructed fixtures' first bucket

struct Sums {
    qint64 input = 0, cached = 0, output = 0, requests = 0;
};

// The test's own reading of a usage page: plain QJsonDocument sums, no parser involved.
Sums usageSums(const QByteArray &json)
{
    Sums s;
    const QJsonArray data = QJsonDocument::fromJson(json).object().value(QStringLiteral("data")).toArray();
    for (const QJsonValue &bucket : data) {
        for (const QJsonValue &v : bucket.toObject().value(QStringLiteral("results")).toArray()) {
            const QJsonObject r = v.toObject();
            s.input += r.value(QStringLiteral("input_tokens")).toInteger();
            s.cached += r.value(QStringLiteral("input_cached_tokens")).toInteger();
            s.output += r.value(QStringLiteral("output_tokens")).toInteger();
            s.requests += r.value(QStringLiteral("num_model_requests")).toInteger();
        }
    }
    return s;
}

// Exact sum of every `"value": <number>` literal of a costs page, by decimal text.
QString costSum(const QList<QByteArray> &pages)
{
    static const QRegularExpression kValue(QStringLiteral(R"("value"\s*:\s*(-?[0-9.eE+-]+))"));
    QStringList values;
    for (const QByteArray &page : pages)
        for (auto it = kValue.globalMatch(QString::fromUtf8(page)); it.hasNext();)
            values << it.next().captured(1);
    QString sum;
    if (!TestSupport::decimalSum(values, &sum))
        qFatal("bad decimal in cost fixture");
    return sum;
}

// Generated data for the paging / fault tests: day i of the epoch has fixed, distinct numbers.
struct Day {
    qint64 input, cached, output, requests;
    QString inputCost, outputCost; // decimal literals with ten decimals
};
Day dayData(qint64 dayStart)
{
    const qint64 i = dayStart / 86400 % 1000;
    return {100000 + i * 37, 30000 + i * 11, 20000 + i * 5, 40 + i,
            QStringLiteral("%1.%2").arg(i % 7).arg(1234567891 + i * 7), QStringLiteral("0.%1").arg(9876543210 - i)};
}

QByteArray usagePage(const QList<qint64> &days, const QString &next)
{
    QJsonArray data;
    for (qint64 d : days) {
        const Day x = dayData(d);
        QJsonObject r{{QStringLiteral("object"), QStringLiteral("organization.usage.completions.result")},
                      {QStringLiteral("input_tokens"), x.input}, {QStringLiteral("input_cached_tokens"), x.cached},
                      {QStringLiteral("output_tokens"), x.output}, {QStringLiteral("num_model_requests"), x.requests},
                      {QStringLiteral("model"), QStringLiteral("gpt-4o-2024-08-06")},
                      {QStringLiteral("project_id"), QStringLiteral("proj_gen")}, {QStringLiteral("batch"), false}};
        data.append(QJsonObject{{QStringLiteral("object"), QStringLiteral("bucket")}, {QStringLiteral("start_time"), d},
                                {QStringLiteral("end_time"), d + 86400}, {QStringLiteral("results"), QJsonArray{r}}});
    }
    QJsonObject page{{QStringLiteral("object"), QStringLiteral("page")}, {QStringLiteral("data"), data},
                     {QStringLiteral("has_more"), !next.isEmpty()},
                     {QStringLiteral("next_page"), next.isEmpty() ? QJsonValue() : QJsonValue(next)}};
    return QJsonDocument(page).toJson(QJsonDocument::Compact);
}

// Cost amounts are written as raw literals (QJsonDocument would go through double).
QByteArray costPage(const QList<qint64> &days, const QString &next)
{
    QStringList buckets;
    for (qint64 d : days) {
        const Day x = dayData(d);
        auto result = [](const QString &item, const QString &value) {
            return QStringLiteral(R"({"object":"organization.costs.result","amount":{"value":%1,"currency":"usd"},)"
                                  R"("line_item":"%2","project_id":"proj_gen"})").arg(value, item);
        };
        buckets << QStringLiteral(R"({"object":"bucket","start_time":%1,"end_time":%2,"results":[%3,%4]})")
                       .arg(d).arg(d + 86400)
                       .arg(result(QStringLiteral("gpt-4o-2024-08-06, input"), x.inputCost),
                            result(QStringLiteral("gpt-4o-2024-08-06, output"), x.outputCost));
    }
    return QStringLiteral(R"({"object":"page","data":[%1],"has_more":%2,"next_page":%3})")
        .arg(buckets.join(QLatin1Char(',')), next.isEmpty() ? QStringLiteral("false") : QStringLiteral("true"),
             next.isEmpty() ? QStringLiteral("null") : QLatin1Char('"') + next + QLatin1Char('"'))
        .toUtf8();
}

bool openAiWindow(const FakeRequest &req, qint64 *from, qint64 *to)
{
    bool a = false, b = false;
    *from = req.queryValue(QStringLiteral("start_time")).toLongLong(&a);
    *to = req.queryValue(QStringLiteral("end_time")).toLongLong(&b);
    return a && b;
}

// OpenAI's answer to a missing or wrong Bearer token: 401 with its error body.
FakeServer::AuthCheck openAiAuth()
{
    return [](const FakeRequest &req) {
        if (req.header("authorization") == "Bearer " + kKey)
            return FakeResponse{0, {}, {}};
        if (req.header("authorization") == "Bearer sk-admin-readonly")
            return FakeResponse::json(R"({"error":{"message":"You have insufficient permissions for this operation.",)"
                                      R"("type":"invalid_request_error","param":null,"code":null}})", 403);
        return FakeResponse::json(fixture(QStringLiteral("openai/error_401.constructed.json")), 401);
    };
}

Conn::AccountConfig account(const FakeServer &server, const QString &history = QStringLiteral("14"))
{
    return AdminApiTest::account(QStringLiteral("openai"), server, history);
}

struct Expected {
    qint64 tokens = 0, cached = 0, requests = 0;
    QString billed;
};
Expected expectedDays(qint64 from, int days)
{
    Expected e;
    QStringList money;
    for (int i = 0; i < days; ++i) {
        const Day x = dayData(from + i * 86400);
        e.tokens += x.input + x.output;
        e.cached += x.cached;
        e.requests += x.requests;
        money << x.inputCost << x.outputCost;
    }
    TestSupport::decimalSum(money, &e.billed);
    return e;
}

} // namespace

class TstOpenAi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerTypes(); }
    void parsesUsageFixtures_data();
    void parsesUsageFixtures();
    void cachedInputIsNotCountedTwice();
    void parsesCostFixturesExactly_data();
    void parsesCostFixturesExactly();
    void lineItems_data();
    void lineItems();
    void rejectsBrokenPayloads_data();
    void rejectsBrokenPayloads() { checkBrokenPayload(Conn::parseOpenAiUsagePage, Conn::parseOpenAiCostPage); }
    void fetchFollowsEveryPageWithBearerAuth();
    void testConnectionMessages();
    void cancelEndsTheFetch();
    void syncStoresFixtureTotals();
    void syncSurvivesFaults_data();
    void syncSurvivesFaults();
    void failingWindowLeavesOnlyCompleteWindows();
    void sdkBaseUrl_data() { sdkBaseUrlRows(); }
    void sdkBaseUrl();

private:
    void serveGenerated(FakeServer &server, int pageSize = 2)
    {
        server.route("GET", kUsagePath, pagedDaysHandler({openAiWindow, usagePage, pageSize}), openAiAuth());
        server.route("GET", kCostsPath, pagedDaysHandler({openAiWindow, costPage, pageSize}), openAiAuth());
    }
};

void TstOpenAi::parsesUsageFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("docs example") << QStringLiteral("openai/usage_completions.docs-example.json");
    QTest::newRow("page 1") << QStringLiteral("openai/usage_completions.group_by_model_batch.page1.constructed.json");
    QTest::newRow("page 2 (empty bucket)") << QStringLiteral("openai/usage_completions.group_by_model_batch.page2.constructed.json");
}

void TstOpenAi::parsesUsageFixtures()
{
    QFETCH(QString, file);
    const QByteArray json = fixture(file);
    const Sums want = usageSums(json);
    Conn::OpenAiUsagePage page;
    QString error;
    QVERIFY2(Conn::parseOpenAiUsagePage(json, page, &error), qPrintable(error));
    Conn::FetchResult result;
    Conn::appendOpenAiUsageRecords(page.rows, {QStringLiteral("org-test")}, result);

    QCOMPARE(tokensOf(result, Cost::TokenKind::Input), want.input - want.cached);
    QCOMPARE(tokensOf(result, Cost::TokenKind::CachedInput), want.cached);
    QCOMPARE(tokensOf(result, Cost::TokenKind::Output), want.output);
    qint64 all = 0, requests = 0;
    for (const Cost::Record &r : result.records()) {
        all += r.tokens > 0 ? r.tokens : 0;
        requests += r.requests > 0 ? r.requests : 0;
        QCOMPARE(r.amount(Cost::Amount::Billed), Cost::Money(0)); // billed comes from the costs endpoint
        QCOMPARE(r.dim(Cost::Dim::Provider), std::string_view("OpenAI"));
        QCOMPARE(r.dim(Cost::Dim::BillingAccount), std::string_view("org-test"));
    }
    QCOMPARE(all, want.input + want.output);
    QCOMPARE(requests, want.requests);
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QCOMPARE(page.hasMore, root.value(QStringLiteral("has_more")).toBool());
    QCOMPARE(page.nextPage, root.value(QStringLiteral("next_page")).toString());
}

void TstOpenAi::cachedInputIsNotCountedTwice()
{
    // The docs example: input_tokens 1000 of which 800 cached, output 500.
    Conn::OpenAiUsagePage page;
    QString error;
    QVERIFY(Conn::parseOpenAiUsagePage(fixture(QStringLiteral("openai/usage_completions.docs-example.json")), page, &error));
    Conn::FetchResult result;
    Conn::appendOpenAiUsageRecords(page.rows, {QStringLiteral("org")}, result);
    QCOMPARE(tokensOf(result, Cost::TokenKind::Input), qint64(200));       // uncached only
    QCOMPARE(tokensOf(result, Cost::TokenKind::CachedInput), qint64(800));
    QCOMPARE(tokensOf(result, Cost::TokenKind::Output), qint64(500));
    qint64 all = 0;
    for (const Cost::Record &r : result.records())
        all += r.tokens;
    QCOMPARE(all, qint64(1500)); // not 2300: cached tokens are part of input_tokens
}

void TstOpenAi::parsesCostFixturesExactly_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("docs example") << QStringLiteral("openai/costs.docs-example.json");
    QTest::newRow("by line item") << QStringLiteral("openai/costs.group_by_line_item_project.constructed.json");
}

void TstOpenAi::parsesCostFixturesExactly()
{
    QFETCH(QString, file);
    const QByteArray json = fixture(file);
    Conn::OpenAiCostPage page;
    QString error;
    QVERIFY2(Conn::parseOpenAiCostPage(json, page, &error), qPrintable(error));
    Conn::FetchResult result;
    Conn::appendOpenAiCostRecords(page.rows, {QStringLiteral("org")}, result);
    Cost::BigMoney billed = 0;
    for (const Cost::Record &r : result.records()) {
        billed += r.amount(Cost::Amount::Billed);
        QCOMPARE(r.tokens, qint64(-1)); // tokens come from the usage endpoint
        QCOMPARE(r.dim(Cost::Dim::Currency), std::string_view("USD"));
    }
    QCOMPARE(money(billed), costSum({json}));
}

void TstOpenAi::lineItems_data()
{
    QTest::addColumn<QString>("item");
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("kind");
    QTest::newRow("input") << "gpt-4o-2024-08-06, input" << "gpt-4o" << int(Cost::TokenKind::Input);
    QTest::newRow("output") << "gpt-4o-mini-2024-07-18, output" << "gpt-4o-mini" << int(Cost::TokenKind::Output);
    QTest::newRow("cached") << "gpt-4o-2024-08-06, cached input" << "gpt-4o" << int(Cost::TokenKind::CachedInput);
    QTest::newRow("batch") << "o3-mini, batch output" << "o3-mini" << int(Cost::TokenKind::Output);
    QTest::newRow("bare model") << "gpt-4o" << "gpt-4o" << int(Cost::TokenKind::None);
    QTest::newRow("no model") << "Web search tool calls" << "" << int(Cost::TokenKind::None);
}

void TstOpenAi::lineItems()
{
    QFETCH(QString, item);
    QFETCH(QString, model);
    QFETCH(int, kind);
    const auto [m, k] = Conn::openAiLineItem(item.toStdString());
    QCOMPARE(QString::fromStdString(m), model);
    QCOMPARE(int(k), kind);
}

void TstOpenAi::rejectsBrokenPayloads_data()
{
    addBrokenPayloadColumns();
    const QByteArray good = fixture(QStringLiteral("openai/usage_completions.group_by_model_batch.page1.constructed.json"));
    QTest::newRow("truncated") << true << good.left(good.size() / 2) << "malformed JSON";
    QTest::newRow("data not an array") << true << QByteArray(R"({"data":{},"has_more":false})") << "data";
    QTest::newRow("tokens as text") << true << QByteArray(good).replace("\"input_tokens\": 1250000", "\"input_tokens\": \"many\"")
                                    << "data[0].results[0].input_tokens";
    QTest::newRow("cached above input") << true << QByteArray(good).replace("\"input_cached_tokens\": 600000", "\"input_cached_tokens\": 1250001")
                                        << "data[0].results[0].input_cached_tokens";
    QTest::newRow("negative output") << true << QByteArray(good).replace("\"output_tokens\": 1100000", "\"output_tokens\": -3")
                                     << "data[0].results[1].output_tokens";
    QTest::newRow("more without cursor") << true << QByteArray(R"({"data":[],"has_more":true,"next_page":null})") << "next_page";
    QTest::newRow("amount missing") << false << QByteArray(R"({"data":[{"start_time":1,"end_time":2,"results":[{"line_item":"x"}]}]})")
                                    << "data[0].results[0].amount";
    QTest::newRow("amount not a number") << false
                                         << QByteArray(R"({"data":[{"start_time":1,"end_time":2,"results":[{"amount":{"value":"abc","currency":"usd"}}]}]})")
                                         << "data[0].results[0].amount.value";
}

void TstOpenAi::fetchFollowsEveryPageWithBearerAuth()
{
    ConnectorBench<Conn::OpenAiConnector> bench;
    const FakeServer &server = bench.server;
    serveGenerated(bench.server, 2);
    Conn::AccountConfig config = account(server);
    config.options.insert(QStringLiteral("projects"), QStringLiteral("proj_gen, proj_other"));
    const Conn::DateWindow window{QDate(2025, 3, 1), QDate(2025, 3, 8)};
    QString error;
    const auto result = fetchWindow(bench.connector, config, QString::fromLatin1(kKey), window, &error);
    QVERIFY2(result, qPrintable(error));

    // 7 days at 2 buckets per page = 4 pages per report, each after the cursor of the last.
    const auto usage = server.requestsFor(kUsagePath);
    const auto costs = server.requestsFor(kCostsPath);
    QCOMPARE(usage.size(), 4);
    QCOMPARE(costs.size(), 4);
    for (const FakeRequest &r : usage) {
        QCOMPARE(r.header("authorization"), QByteArray("Bearer ") + kKey);
        QCOMPARE(r.query.allQueryItemValues(QStringLiteral("group_by")),
                 (QStringList{QStringLiteral("model"), QStringLiteral("project_id"), QStringLiteral("batch")}));
        QCOMPARE(r.query.allQueryItemValues(QStringLiteral("project_ids")),
                 (QStringList{QStringLiteral("proj_gen"), QStringLiteral("proj_other")}));
        QCOMPARE(r.queryValue(QStringLiteral("bucket_width")), QStringLiteral("1d"));
        QCOMPARE(r.queryValue(QStringLiteral("start_time")), QString::number(window.fromEpoch()));
        QCOMPARE(r.queryValue(QStringLiteral("end_time")), QString::number(window.toEpoch()));
    }
    QCOMPARE(cursors(usage), sevenDayCursors());
    // On the wire the cursor is fully percent-encoded ('+' would otherwise read as a space).
    QVERIFY2(usage[1].query.toString(QUrl::FullyEncoded).contains(QLatin1String("page=cur%2B2%2F%3D")),
             qPrintable(usage[1].query.toString(QUrl::FullyEncoded)));
    QCOMPARE(costs.first().query.allQueryItemValues(QStringLiteral("group_by")),
             (QStringList{QStringLiteral("line_item"), QStringLiteral("project_id")}));
    QCOMPARE(result->requests, 8);

    for (const Cost::Record &r : result->records()) {
        QVERIFY(r.chargeStart >= window.fromEpoch() && r.chargeStart < window.toEpoch());
        QCOMPARE(r.dim(Cost::Dim::SubAccount), std::string_view("proj_gen"));
    }
    const Expected want = expectedDays(kFirstDay, 7);
    QCOMPARE(fetchTotals(*result).tokens, want.tokens);
    QCOMPARE(tokensOf(*result, Cost::TokenKind::CachedInput), want.cached);
    QCOMPARE(fetchTotals(*result).billed, want.billed);
}

void TstOpenAi::testConnectionMessages()
{
    ConnectorBench<Conn::OpenAiConnector> bench;
    serveGenerated(bench.server);
    auto test = [&](const QString &key) { return bench.test(account(bench.server), key); };
    const Conn::TestResult ok = test(QString::fromLatin1(kKey));
    QVERIFY2(ok.ok, qPrintable(ok.message));

    const Conn::TestResult wrong = test(QStringLiteral("sk-admin-wrong"));
    QVERIFY(!wrong.ok);
    QCOMPARE(wrong.kind, Conn::ErrorKind::Unauthorized);
    QVERIFY2(wrong.message.contains(QLatin1String("401")) && wrong.message.contains(QLatin1String("sk-admin-")),
             qPrintable(wrong.message));
    QVERIFY(!wrong.message.contains(QLatin1String("sk-admin-wrong"))); // never echo the key

    const Conn::TestResult forbidden = test(QStringLiteral("sk-admin-readonly"));
    QCOMPARE(forbidden.kind, Conn::ErrorKind::Forbidden);
    QVERIFY2(forbidden.message.contains(QLatin1String("403")), qPrintable(forbidden.message));

    // A project key is refused before any request, with the reason.
    const qsizetype before = bench.server.requests().size();
    const Conn::TestResult project = test(QStringLiteral("sk-proj-abc"));
    QCOMPARE(project.kind, Conn::ErrorKind::Config);
    QVERIFY2(project.message.contains(QLatin1String("admin key")), qPrintable(project.message));
    QCOMPARE(bench.server.requests().size(), before);
}

void TstOpenAi::cancelEndsTheFetch()
{
    ConnectorBench<Conn::OpenAiConnector> bench;
    serveGenerated(bench.server);
    bench.server.setSlowDelayMs(1500);
    bench.server.injectFault(TestSupport::Fault::Slow, 1);
    Conn::OpenAiConnector &connector = bench.connector;
    QSignalSpy done(&connector, &Conn::Connector::fetchFinished);
    QSignalSpy failed(&connector, &Conn::Connector::fetchFailed);
    QSignalSpy progress(&connector, &Conn::Connector::fetchProgress);
    connector.fetch(account(bench.server), QString::fromLatin1(kKey), Conn::DateWindow{QDate(2025, 3, 1), QDate(2025, 3, 8)});
    QTRY_VERIFY(!progress.isEmpty()); // the first page is on its way
    // Issue #23 item 9: progress in the user's terms, not "window 2025-03-01..2025-03-07: usage, page 1".
    QCOMPARE(progress.first().at(2).toString(),
             QStringLiteral("Fetching usage for %1, page 1").arg(TestSupport::days(QDate(2025, 3, 1), QDate(2025, 3, 7))));
    connector.cancel();
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<Conn::ErrorKind>(), Conn::ErrorKind::Cancelled);
    QVERIFY(done.isEmpty());
}

void TstOpenAi::syncStoresFixtureTotals()
{
    // The constructed fixtures (two usage pages, one costs page) served for the window holding
    // 2025-06-01; every other window gets an empty page.
    const QByteArray page1 = fixture(QStringLiteral("openai/usage_completions.group_by_model_batch.page1.constructed.json"));
    const QByteArray page2 = fixture(QStringLiteral("openai/usage_completions.group_by_model_batch.page2.constructed.json"));
    const QByteArray costs = fixture(QStringLiteral("openai/costs.group_by_line_item_project.constructed.json"));
    const QByteArray empty = R"({"object":"page","data":[],"has_more":false,"next_page":null})";
    SyncBench bench;
    auto serve = [&](QList<QByteArray> pages) {
        return [pages, empty](const FakeRequest &req) {
            qint64 from = 0, to = 0;
            openAiWindow(req, &from, &to);
            if (kFixtureDay < from || kFixtureDay >= to)
                return FakeResponse::json(empty);
            const QString cursor = req.queryValue(QStringLiteral("page"));
            if (cursor.isEmpty())
                return FakeResponse::json(pages.first());
            if (cursor != QLatin1String("page_AAAAAGdGxdEiJdKOAAAAAGcqsYA=") || pages.size() < 2)
                return FakeResponse::json(R"({"error":{"message":"unknown page"}})", 400);
            return FakeResponse::json(pages.value(1));
        };
    };
    bench.server.route("GET", kUsagePath, serve({page1, page2}), openAiAuth());
    bench.server.route("GET", kCostsPath, serve({costs}), openAiAuth());

    const Sums want = usageSums(page1);
    // Synced as of 2025-06-01, then 2025-06-02: the second run re-fetches 2025-06-01 (restatement
    // window) and replaces it; nothing doubles.
    for (int run = 0; run < 2; ++run) {
        const Conn::SyncOutcome outcome = bench.sync(account(bench.server, QStringLiteral("3")), kKey, QDate(2025, 6, 1 + run));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(bench.billed(), costSum({costs}));
        QCOMPARE(bench.tokenCount(), want.input + want.output);
        QCOMPARE(bench.tokenCount({{"token_kind", "cached_input"}}), want.cached);
        QCOMPARE(bench.tokenCount({{"token_kind", "input"}}), want.input - want.cached);
        // Unit economics join: the model's billed input and its tokens land on the same model.
        QCOMPARE(bench.billed({{"model", "gpt-4o"}, {"token_kind", "input"}}), QStringLiteral("2.375"));
    }
    QCOMPARE(bench.server.requestsFor(kUsagePath).size(), 4); // pages 1 and 2, in each run
}

void TstOpenAi::syncSurvivesFaults_data()
{
    addFaultRows();
    QTest::newRow("slow response") << int(TestSupport::Fault::Slow);
}

void TstOpenAi::syncSurvivesFaults()
{
    QFETCH(int, fault);
    SyncBench bench;
    serveGenerated(bench.server);
    bench.server.setSlowDelayMs(2600); // beyond the 2 s per-attempt timeout of fastPolicy()
    bench.server.injectFault(static_cast<TestSupport::Fault>(fault), 1);
    const Conn::SyncOutcome outcome = bench.sync(account(bench.server), kKey);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.windows, 2);
    const Expected want = expectedDays(kFirstDay, 14);
    QCOMPARE(bench.billed(), want.billed);
    QCOMPARE(bench.tokenCount(), want.tokens);
    // The faulted request was answered again: one more request than pages.
    QCOMPARE(bench.server.requests().size(), 4 * 4 + 1);
}

void TstOpenAi::failingWindowLeavesOnlyCompleteWindows()
{
    SyncBench bench;
    serveGenerated(bench.server);
    const qint64 secondWindow = kFirstDay + 7 * 86400;
    // The costs report of the second window fails every attempt, after its usage pages succeeded.
    auto costs = pagedDaysHandler({openAiWindow, costPage, 2});
    bench.server.route("GET", kCostsPath, [costs, secondWindow](const FakeRequest &req) {
        if (req.queryValue(QStringLiteral("start_time")).toLongLong() == secondWindow)
            return FakeResponse::json(R"({"error":{"message":"The server had an error","type":"server_error"}})", 500);
        return costs(req);
    }, openAiAuth());
    const Conn::SyncOutcome outcome = bench.sync(account(bench.server), kKey);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.kind, Conn::ErrorKind::Server);
    // The failing window named in the user's terms (issue #23 item 9: "Mar 8–14", not "2025-03-08..").
    QVERIFY2(outcome.error.contains(QLatin1String("500")) && outcome.error.contains(TestSupport::days(QDate(2025, 3, 8), QDate(2025, 3, 14))),
             qPrintable(outcome.error));
    QCOMPARE(outcome.windows, 1);
    const Expected want = expectedDays(kFirstDay, 7); // the first window, whole; nothing of the second
    QCOMPARE(bench.billed(), want.billed);
    QCOMPARE(bench.tokenCount(), want.tokens);
}

void TstOpenAi::sdkBaseUrl()
{
    // Issue #20 item 4: a base URL written the SDK way ("https://api.example.com/v1") worked out to
    // "/v1/v1/…" requests and a 404. It is stored without the "/v1"; the requests keep their paths.
    QFETCH(QString, suffix);
    SyncBench bench;
    serveGenerated(bench.server);
    const QStringList paths = sdkBaseUrlPaths(bench, account(bench.server), kKey, suffix);
    QCOMPARE(paths, (QStringList{kUsagePath, kCostsPath}));
    QCOMPARE(bench.billed(), expectedDays(kFirstDay, 14).billed);
}

QTEST_GUILESS_MAIN(TstOpenAi)
#include "tst_openai.moc"
