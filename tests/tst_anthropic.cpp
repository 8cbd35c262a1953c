// Anthropic Admin API: the pure parsers on the fixtures (exact totals computed here from the
// JSON), the connector against the loopback fake server (x-api-key + anthropic-version, real
// cursor paging, workspace filter), and full syncs through Conn::SyncWorker with faults.

#include "adminapitest.h"
#include "anthropicconnector.h"
#include "anthropicparser.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace AdminApiTest;
using TestSupport::FakeRequest;
using TestSupport::FakeResponse;
using TestSupport::FakeServer;

namespace {

const QByteArray kKey = "sk-ant-admin01-test-0123456789";
const QString kUsagePath = QStringLiteral("/v1/organizations/usage_report/messages");
const QString kCostPath = QStringLiteral("/v1/organizations/cost_report");
const QString kUsageFixture = QStringLiteral("anthropic/usage_report_messages.group_by_model_workspace.constructed.json");
const QString kCostFixture = QStringLiteral("anthropic/cost_report.group_by_description.constructed.json");

struct Sums {
    qint64 uncached = 0, read = 0, write5m = 0, write1h = 0, output = 0;
    qint64 all() const { return uncached + read + write5m + write1h + output; }
};

// The test's own reading of a usage page (QJsonDocument, no parser involved).
Sums usageSums(const QByteArray &json)
{
    Sums s;
    for (const QJsonValue &bucket : QJsonDocument::fromJson(json).object().value(QStringLiteral("data")).toArray()) {
        for (const QJsonValue &v : bucket.toObject().value(QStringLiteral("results")).toArray()) {
            const QJsonObject r = v.toObject();
            const QJsonObject c = r.value(QStringLiteral("cache_creation")).toObject();
            s.uncached += r.value(QStringLiteral("uncached_input_tokens")).toInteger();
            s.read += r.value(QStringLiteral("cache_read_input_tokens")).toInteger();
            s.write5m += c.value(QStringLiteral("ephemeral_5m_input_tokens")).toInteger();
            s.write1h += c.value(QStringLiteral("ephemeral_1h_input_tokens")).toInteger();
            s.output += r.value(QStringLiteral("output_tokens")).toInteger();
        }
    }
    return s;
}

// Sum of decimal cent strings, as exact currency units ("194.2166" cents → "1.942166").
QString dollarsFromCents(const QStringList &cents)
{
    QString sum;
    if (!TestSupport::decimalSum(cents, &sum))
        qFatal("bad cents");
    const auto value = Cost::parseBigMoney(sum.toStdString());
    if (!value || *value % 100 != 0)
        qFatal("cents not exactly divisible");
    return money(*value / 100);
}

QStringList costAmounts(const QByteArray &json)
{
    QStringList out;
    for (const QJsonValue &bucket : QJsonDocument::fromJson(json).object().value(QStringLiteral("data")).toArray())
        for (const QJsonValue &v : bucket.toObject().value(QStringLiteral("results")).toArray())
            out << v.toObject().value(QStringLiteral("amount")).toString();
    return out;
}

QString iso(qint64 epoch)
{
    return QDateTime::fromSecsSinceEpoch(epoch, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

// Generated days for paging / fault tests.
struct Day {
    qint64 uncached, read, write5m, write1h, output;
    QString inputCents, outputCents; // decimal strings in cents, up to 8 decimals
};
Day dayData(qint64 dayStart)
{
    const qint64 i = dayStart / 86400 % 1000;
    return {50000 + i * 13, 200000 + i * 7, 4096 + i, i % 3 == 0 ? 0 : 1024 + i, 9000 + i * 3,
            QStringLiteral("%1.%2").arg(1500 + i).arg(12345678 + i), QStringLiteral("%1.05").arg(2700 + i)};
}

QJsonObject bucket(qint64 d, const QJsonArray &results)
{
    return {{QStringLiteral("starting_at"), iso(d)}, {QStringLiteral("ending_at"), iso(d + 86400)},
            {QStringLiteral("results"), results}};
}

QByteArray envelope(const QJsonArray &data, const QString &next)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("has_more"), !next.isEmpty()},
                                     {QStringLiteral("next_page"), next.isEmpty() ? QJsonValue() : QJsonValue(next)}})
        .toJson(QJsonDocument::Compact);
}

QByteArray usagePage(const QList<qint64> &days, const QString &next)
{
    QJsonArray data;
    for (qint64 d : days) {
        const Day x = dayData(d);
        data.append(bucket(d, QJsonArray{QJsonObject{
            {QStringLiteral("uncached_input_tokens"), x.uncached}, {QStringLiteral("cache_read_input_tokens"), x.read},
            {QStringLiteral("cache_creation"), QJsonObject{{QStringLiteral("ephemeral_5m_input_tokens"), x.write5m},
                                                           {QStringLiteral("ephemeral_1h_input_tokens"), x.write1h}}},
            {QStringLiteral("output_tokens"), x.output}, {QStringLiteral("model"), QStringLiteral("claude-sonnet-4-20250514")},
            {QStringLiteral("workspace_id"), QStringLiteral("wrkspc_gen")}, {QStringLiteral("api_key_id"), QJsonValue()}}}));
    }
    return envelope(data, next);
}

QByteArray costPage(const QList<qint64> &days, const QString &next)
{
    QJsonArray data;
    for (qint64 d : days) {
        const Day x = dayData(d);
        auto result = [](const QString &cents, const char *tokenType) {
            return QJsonObject{{QStringLiteral("currency"), QStringLiteral("USD")}, {QStringLiteral("amount"), cents},
                               {QStringLiteral("workspace_id"), QStringLiteral("wrkspc_gen")},
                               {QStringLiteral("cost_type"), QStringLiteral("tokens")},
                               {QStringLiteral("model"), QStringLiteral("claude-sonnet-4-20250514")},
                               {QStringLiteral("token_type"), QString::fromLatin1(tokenType)}};
        };
        data.append(bucket(d, QJsonArray{result(x.inputCents, "uncached_input_tokens"), result(x.outputCents, "output_tokens")}));
    }
    return envelope(data, next);
}

bool anthropicWindow(const FakeRequest &req, qint64 *from, qint64 *to)
{
    const QDateTime a = QDateTime::fromString(req.queryValue(QStringLiteral("starting_at")), Qt::ISODate);
    const QDateTime b = QDateTime::fromString(req.queryValue(QStringLiteral("ending_at")), Qt::ISODate);
    *from = a.toSecsSinceEpoch();
    *to = b.toSecsSinceEpoch();
    return a.isValid() && b.isValid();
}

FakeResponse anthropicError(int status, const char *type, const char *message)
{
    return FakeResponse::json(QStringLiteral(R"({"type":"error","error":{"type":"%1","message":"%2"},"request_id":"req_test"})")
                                  .arg(QString::fromLatin1(type), QString::fromLatin1(message))
                                  .toUtf8(),
                              status);
}

// Anthropic's checks: x-api-key (401 authentication_error), a permission-less key (403), and
// the mandatory anthropic-version header (400).
FakeServer::AuthCheck anthropicAuth()
{
    return [](const FakeRequest &req) {
        if (req.header("x-api-key") == "sk-ant-admin01-readonly")
            return anthropicError(403, "permission_error", "This key cannot read usage.");
        if (req.header("x-api-key") != kKey)
            return anthropicError(401, "authentication_error", "invalid x-api-key");
        if (req.header("anthropic-version") != "2023-06-01")
            return anthropicError(400, "invalid_request_error", "anthropic-version: header is required");
        return FakeResponse{0, {}, {}};
    };
}

Conn::AccountConfig account(const FakeServer &server, const QString &history = QStringLiteral("14"))
{
    return AdminApiTest::account(QStringLiteral("anthropic"), server, history);
}

struct Expected {
    qint64 tokens = 0, cacheWrite = 0;
    QString billed;
};
Expected expectedDays(qint64 from, int days)
{
    Expected e;
    QStringList cents;
    for (int i = 0; i < days; ++i) {
        const Day x = dayData(from + i * 86400);
        e.tokens += x.uncached + x.read + x.write5m + x.write1h + x.output;
        e.cacheWrite += x.write5m + x.write1h;
        cents << x.inputCents << x.outputCents;
    }
    e.billed = dollarsFromCents(cents);
    return e;
}

} // namespace

class TstAnthropic : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerTypes(); }
    void parsesUsageFixtures_data();
    void parsesUsageFixtures();
    void parsesCostInCentsExactly();
    void rejectsBrokenPayloads_data();
    void rejectsBrokenPayloads() { checkBrokenPayload(Conn::parseAnthropicUsagePage, Conn::parseAnthropicCostPage); }
    void fetchPagesWithAnthropicHeaders();
    void workspaceFilter();
    void testConnectionMessages();
    void syncStoresFixtureTotals();
    void syncSurvivesFaults_data();
    void syncSurvivesFaults();
    void failingWindowLeavesOnlyCompleteWindows();
    void sdkBaseUrl_data() { sdkBaseUrlRows(); }
    void sdkBaseUrl();

private:
    void serveGenerated(FakeServer &server)
    {
        server.route("GET", kUsagePath, pagedDaysHandler({anthropicWindow, usagePage, 2}), anthropicAuth());
        server.route("GET", kCostPath, pagedDaysHandler({anthropicWindow, costPage, 2}), anthropicAuth());
    }
    std::shared_ptr<Conn::FetchResult> fetch(const Conn::AccountConfig &config, const Conn::DateWindow &window,
                                             QString *error = nullptr)
    {
        Conn::AnthropicConnector connector;
        connector.setRetryPolicy(fastPolicy());
        return fetchWindow(connector, config, QString::fromLatin1(kKey), window, error);
    }
};

void TstAnthropic::parsesUsageFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("docs example") << QStringLiteral("anthropic/usage_report_messages.docs-example.json");
    QTest::newRow("by model and workspace") << kUsageFixture;
}

void TstAnthropic::parsesUsageFixtures()
{
    QFETCH(QString, file);
    const QByteArray json = fixture(file);
    const Sums want = usageSums(json);
    Conn::AnthropicUsagePage page;
    QString error;
    QVERIFY2(Conn::parseAnthropicUsagePage(json, page, &error), qPrintable(error));
    QVERIFY(page.hasMore);
    QCOMPARE(page.nextPage, QJsonDocument::fromJson(json).object().value(QStringLiteral("next_page")).toString());
    Conn::FetchResult result;
    Conn::appendAnthropicUsageRecords(page.rows, {QStringLiteral("org")}, result);
    QCOMPARE(tokensOf(result, Cost::TokenKind::Input), want.uncached);
    QCOMPARE(tokensOf(result, Cost::TokenKind::CachedInput), want.read);
    QCOMPARE(tokensOf(result, Cost::TokenKind::CacheWrite), want.write5m + want.write1h);
    QCOMPARE(tokensOf(result, Cost::TokenKind::Output), want.output);
    qint64 all = 0;
    for (const Cost::Record &r : result.records()) {
        all += r.tokens;
        QCOMPARE(r.amount(Cost::Amount::Billed), Cost::Money(0));
        QCOMPARE(r.requests, qint64(-1)); // the usage report has no request counts
        QCOMPARE(r.dim(Cost::Dim::Provider), std::string_view("Anthropic"));
    }
    QCOMPARE(all, want.all());
}

void TstAnthropic::parsesCostInCentsExactly()
{
    const QByteArray json = fixture(kCostFixture);
    Conn::AnthropicCostPage page;
    QString error;
    QVERIFY2(Conn::parseAnthropicCostPage(json, page, &error), qPrintable(error));
    Conn::FetchResult result;
    Conn::appendAnthropicCostRecords(page.rows, {QStringLiteral("org")}, result);
    Cost::BigMoney billed = 0;
    for (const Cost::Record &r : result.records()) {
        billed += r.amount(Cost::Amount::Billed);
        QCOMPARE(r.tokens, qint64(-1));
    }
    QCOMPARE(money(billed), dollarsFromCents(costAmounts(json)));
    QCOMPARE(money(billed), QStringLiteral("1.942166")); // 194.2166 cents
    // "0.7296" cents of Haiku input is exactly $0.007296.
    QCOMPARE(result.records()[4].amount(Cost::Amount::Billed), Cost::Money(72'960'000));
    QCOMPARE(result.records()[4].tokenKind, Cost::TokenKind::Input);
    QCOMPARE(result.records()[2].tokenKind, Cost::TokenKind::CachedInput);
    QCOMPARE(result.records()[3].tokenKind, Cost::TokenKind::CacheWrite);
    QCOMPARE(result.records()[3].dim(Cost::Dim::Model), std::string_view("claude-sonnet-4")); // canonical (modelname.h)
    QCOMPARE(result.records()[3].dim(Cost::Dim::SkuId), std::string_view("claude-sonnet-4-20250514")); // the dated id kept
}

void TstAnthropic::rejectsBrokenPayloads_data()
{
    addBrokenPayloadColumns();
    const QByteArray usage = fixture(kUsageFixture);
    const QByteArray cost = fixture(kCostFixture);
    QTest::newRow("truncated") << true << usage.left(usage.size() - 40) << "malformed JSON";
    QTest::newRow("bad time") << true << QByteArray(usage).replace("2025-06-01T00:00:00Z", "yesterday")
                              << "data[0].starting_at";
    QTest::newRow("tokens as text") << true << QByteArray(usage).replace("\"output_tokens\": 2210", "\"output_tokens\": \"2210\"")
                                    << "data[0].results[1].output_tokens";
    QTest::newRow("cache_creation not an object") << true
                                                  << QByteArray(usage).replace("\"cache_creation\": {\"ephemeral_1h_input_tokens\": 0, \"ephemeral_5m_input_tokens\": 0}", "\"cache_creation\": 5")
                                                  << "data[0].results[1].cache_creation";
    QTest::newRow("amount not a decimal") << false << QByteArray(cost).replace("\"54.702\"", "\"54,702\"")
                                          << "data[0].results[0].amount";
    QTest::newRow("amount missing") << false << QByteArray(cost).replace("\"amount\": \"0.884\",", "")
                                    << "data[0].results[5].amount";
}

void TstAnthropic::fetchPagesWithAnthropicHeaders()
{
    FakeServer server;
    QVERIFY(server.start());
    serveGenerated(server);
    const Conn::DateWindow window{QDate(2025, 3, 1), QDate(2025, 3, 8)};
    QString error;
    const auto result = fetch(account(server), window, &error);
    QVERIFY2(result, qPrintable(error));
    const auto usage = server.requestsFor(kUsagePath);
    QCOMPARE(usage.size(), 4); // 7 days, 2 per page
    QCOMPARE(server.requestsFor(kCostPath).size(), 4);
    for (const FakeRequest &r : usage) {
        QCOMPARE(r.header("x-api-key"), kKey);
        QCOMPARE(r.header("anthropic-version"), QByteArray("2023-06-01"));
        QVERIFY(r.header("authorization").isEmpty());
        QCOMPARE(r.queryValue(QStringLiteral("starting_at")), QStringLiteral("2025-03-01T00:00:00Z"));
        QCOMPARE(r.queryValue(QStringLiteral("ending_at")), QStringLiteral("2025-03-08T00:00:00Z"));
        QCOMPARE(r.query.allQueryItemValues(QStringLiteral("group_by[]")),
                 (QStringList{QStringLiteral("model"), QStringLiteral("workspace_id")}));
    }
    QCOMPARE(cursors(usage), sevenDayCursors());
    const Expected want = expectedDays(kFirstDay, 7);
    const FetchTotals got = fetchTotals(*result);
    QCOMPARE(got.tokens, want.tokens);
    QCOMPARE(tokensOf(*result, Cost::TokenKind::CacheWrite), want.cacheWrite);
    QCOMPARE(got.billed, want.billed);
}

void TstAnthropic::workspaceFilter()
{
    const QByteArray usage = fixture(kUsageFixture);
    const QByteArray cost = fixture(kCostFixture);
    const QByteArray last = R"({"data":[],"has_more":false,"next_page":null})";
    FakeServer server;
    QVERIFY(server.start());
    server.route("GET", kUsagePath, [&](const FakeRequest &r) {
        return FakeResponse::json(r.queryValue(QStringLiteral("page")).isEmpty() ? usage : last);
    }, anthropicAuth());
    server.route("GET", kCostPath, [&](const FakeRequest &) { return FakeResponse::json(cost); }, anthropicAuth());
    const Conn::DateWindow window{QDate(2025, 6, 1), QDate(2025, 6, 2)};

    // "default" = the default workspace (null id): only the Haiku usage row, and every cost row
    // (the fixture's cost rows are all in the default workspace). No server-side id filter.
    Conn::AccountConfig config = account(server);
    config.options.insert(QStringLiteral("workspaces"), QStringLiteral("default"));
    auto result = fetch(config, window);
    QVERIFY(result);
    QCOMPARE(tokensOf(*result, Cost::TokenKind::Output), qint64(2210));
    QCOMPARE(tokensOf(*result, Cost::TokenKind::CachedInput), qint64(0));
    QVERIFY(server.requestsFor(kUsagePath).first().query.allQueryItemValues(QStringLiteral("workspace_ids[]")).isEmpty());
    QCOMPARE(fetchTotals(*result).billed, QStringLiteral("1.942166"));

    // A real workspace id: sent to the usage report, and the default-workspace costs are left out.
    server.clearRequests();
    config.options.insert(QStringLiteral("workspaces"), QStringLiteral("wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ"));
    result = fetch(config, window);
    QVERIFY(result);
    QCOMPARE(tokensOf(*result, Cost::TokenKind::Output), qint64(51234));
    QCOMPARE(server.requestsFor(kUsagePath).first().query.allQueryItemValues(QStringLiteral("workspace_ids[]")),
             QStringList{QStringLiteral("wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ")});
    for (const Cost::Record &r : result->records())
        QCOMPARE(r.amount(Cost::Amount::Billed), Cost::Money(0));
}

void TstAnthropic::testConnectionMessages()
{
    ConnectorBench<Conn::AnthropicConnector> bench;
    serveGenerated(bench.server);
    auto test = [&](const QString &key) { return bench.test(account(bench.server), key); };
    const Conn::TestResult ok = test(QString::fromLatin1(kKey));
    QVERIFY2(ok.ok, qPrintable(ok.message));
    const Conn::TestResult wrong = test(QStringLiteral("sk-ant-admin01-wrong"));
    QCOMPARE(wrong.kind, Conn::ErrorKind::Unauthorized);
    QVERIFY2(wrong.message.contains(QLatin1String("401")) && wrong.message.contains(QLatin1String("Admin API key")),
             qPrintable(wrong.message));
    QVERIFY(!wrong.message.contains(QLatin1String("sk-ant-admin01-wrong")));
    const Conn::TestResult forbidden = test(QStringLiteral("sk-ant-admin01-readonly"));
    QCOMPARE(forbidden.kind, Conn::ErrorKind::Forbidden);
    const qsizetype before = bench.server.requests().size();
    const Conn::TestResult apiKey = test(QStringLiteral("sk-ant-api03-abc"));
    QCOMPARE(apiKey.kind, Conn::ErrorKind::Config);
    QVERIFY2(apiKey.message.contains(QLatin1String("Admin API key")), qPrintable(apiKey.message));
    QCOMPARE(bench.server.requests().size(), before);
}

void TstAnthropic::syncStoresFixtureTotals()
{
    const QByteArray usage = fixture(kUsageFixture);
    const QByteArray cost = fixture(kCostFixture);
    const QByteArray last = R"({"data":[],"has_more":false,"next_page":null})";
    const qint64 day = QDateTime(QDate(2025, 6, 1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    SyncBench bench;
    auto serve = [&](const QByteArray &first, const QString &cursor) {
        return [&, first, cursor](const FakeRequest &r) {
            qint64 from = 0, to = 0;
            anthropicWindow(r, &from, &to);
            const QString page = r.queryValue(QStringLiteral("page"));
            if (day < from || day >= to || (!cursor.isEmpty() && page == cursor))
                return FakeResponse::json(last);
            return page.isEmpty() ? FakeResponse::json(first) : anthropicError(400, "invalid_request_error", "bad page");
        };
    };
    bench.server.route("GET", kUsagePath, serve(usage, QStringLiteral("page_MjAyNS0wNi0wMlQwMDowMDowMFo=")), anthropicAuth());
    bench.server.route("GET", kCostPath, serve(cost, QString()), anthropicAuth());
    const Sums want = usageSums(usage);
    for (int run = 0; run < 2; ++run) { // 06-01, then 06-02 re-fetching 06-01: nothing doubles
        const Conn::SyncOutcome outcome = bench.sync(account(bench.server, QStringLiteral("3")), kKey, QDate(2025, 6, 1 + run));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(bench.billed(), dollarsFromCents(costAmounts(cost)));
        QCOMPARE(bench.tokenCount(), want.all());
        QCOMPARE(bench.tokenCount({{"token_kind", "cache_write"}}), want.write5m + want.write1h);
        QCOMPARE(bench.billed({{"model", "claude-3-5-haiku"}}), QStringLiteral("0.016136")); // (0.7296 + 0.884) cents
    }
}

void TstAnthropic::syncSurvivesFaults_data()
{
    addFaultRows();
    QTest::newRow("529 overloaded") << -1;
}

void TstAnthropic::syncSurvivesFaults()
{
    QFETCH(int, fault);
    SyncBench bench;
    serveGenerated(bench.server);
    if (fault >= 0) {
        bench.server.injectFault(static_cast<TestSupport::Fault>(fault), 1);
    } else {
        // Anthropic's own 529 overloaded_error, once, on the third usage request.
        auto usage = pagedDaysHandler({anthropicWindow, usagePage, 2});
        auto count = std::make_shared<int>(0);
        bench.server.route("GET", kUsagePath, [usage, count](const FakeRequest &r) {
            return ++*count == 3 ? anthropicError(529, "overloaded_error", "Overloaded") : usage(r);
        }, anthropicAuth());
    }
    const Conn::SyncOutcome outcome = bench.sync(account(bench.server), kKey);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    const Expected want = expectedDays(kFirstDay, 14);
    QCOMPARE(bench.billed(), want.billed);
    QCOMPARE(bench.tokenCount(), want.tokens);
    QCOMPARE(bench.server.requests().size(), 4 * 4 + 1);
}

void TstAnthropic::failingWindowLeavesOnlyCompleteWindows()
{
    SyncBench bench;
    serveGenerated(bench.server);
    // Every usage page of the second window is malformed: retried, then a clear error.
    auto usage = pagedDaysHandler({anthropicWindow, usagePage, 2});
    bench.server.route("GET", kUsagePath, [usage](const FakeRequest &r) {
        FakeResponse resp = usage(r);
        if (r.queryValue(QStringLiteral("starting_at")) == QLatin1String("2025-03-08T00:00:00Z"))
            resp.body.chop(resp.body.size() / 2);
        return resp;
    }, anthropicAuth());
    const Conn::SyncOutcome outcome = bench.sync(account(bench.server), kKey);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.kind, Conn::ErrorKind::BadResponse);
    QVERIFY2(outcome.error.contains(TestSupport::days(QDate(2025, 3, 8), QDate(2025, 3, 14))) && outcome.error.contains(QLatin1String("JSON")),
             qPrintable(outcome.error));
    QCOMPARE(outcome.windows, 1);
    const Expected want = expectedDays(kFirstDay, 7);
    QCOMPARE(bench.billed(), want.billed);
    QCOMPARE(bench.tokenCount(), want.tokens);
}

void TstAnthropic::sdkBaseUrl()
{
    // Issue #20 item 4: a base URL written the SDK way ("https://api.example.com/v1") worked out to
    // "/v1/v1/…" requests and a 404. It is stored without the "/v1"; the requests keep their paths.
    QFETCH(QString, suffix);
    SyncBench bench;
    serveGenerated(bench.server);
    const QStringList paths = sdkBaseUrlPaths(bench, account(bench.server), kKey, suffix);
    QCOMPARE(paths, (QStringList{kUsagePath, kCostPath}));
    QCOMPARE(bench.billed(), expectedDays(kFirstDay, 14).billed);
}

QTEST_GUILESS_MAIN(TstAnthropic)
#include "tst_anthropic.moc"
