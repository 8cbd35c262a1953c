// LiteLLM proxy as a connected telemetry source (issue #24): the connector against a loopback
// stand-in of `GET /spend/logs?summarize=false` that checks the key the way the proxy does (Bearer,
// 401 otherwise), one page or paged; syncs through Conn::SyncWorker into the application
// telemetry (never the billing facts), re-syncs that count nothing twice, a 500, a truncated and a
// malformed answer that leave the store as it was; and the command line end to end against a
// FOCUS bill of the same day (`totals --by feature` = the exact split, summing to the bill).

#include "adminapitest.h"
#include "gatewaypages.h"
#include "gatewaytest.h"
#include "litellmconnector.h"
#include "telemetrywindow.h"

using namespace AdminApiTest;
using namespace GatewayTest;
using TestSupport::FakeRequest;
using TestSupport::FakeResponse;
using TestSupport::FakeServer;

namespace {

const QByteArray kKey = "sk-litellm-master-0123456789";
const QString kPath = QStringLiteral("/spend/logs");

// The calls of one day, as the proxy logs them: "chat" at 10:00 (feature in the metadata, 350k
// prompt tokens of which 50k cached, 200k output) and "search" at 23:59:30 (a request tag; 100k / 100k).
QList<QByteArray> dayRows(const QDate &day)
{
    const QByteArray d = day.toString(Qt::ISODate).toLatin1();
    return {
        R"({"request_id":"chatcmpl-)" + d + R"(-1","call_type":"acompletion","spend":0.0021,"startTime":")" + d
            + R"(T10:00:00.120000Z","endTime":")" + d + R"(T10:00:01.020000Z","request_duration_ms":900,)"
            + R"("model":"gpt-4o-2024-08-06","custom_llm_provider":"openai","prompt_tokens":350000,"completion_tokens":200000,)"
            + R"("team_alias":"cx","end_user":"customer-42","request_tags":["prod"],)"
            + R"("metadata":{"feature":"chat","additional_usage_values":{"prompt_tokens_details":{"cached_tokens":50000}}}})",
        R"({"request_id":"chatcmpl-)" + d + R"(-2","startTime":")" + d + R"( 23:59:30","endTime":")" + d
            + R"( 23:59:31","model":"gpt-4o","custom_llm_provider":"openai","prompt_tokens":100000,"completion_tokens":100000,)"
            + R"("request_tags":["env:prod","feature:search"]})",
    };
}
constexpr qint64 kTokensPerDay = 750000;

// The stand-in: every day of March 2025 from start_date to end_date, both included (whichever way
// the proxy reads end_date, the connector must keep to its window); one array, or with `pageSize`
// set, LiteLLM's paged shape {data, page, total_pages} over `page`.
void serveSpendLogs(FakeServer &server, int pageSize = 0, std::function<bool(const QDate &)> has = {})
{
    server.route("GET", kPath, [pageSize, has](const FakeRequest &req) {
        if (req.queryValue(QStringLiteral("summarize")) != QLatin1String("false"))
            return FakeResponse::json(R"([{"startTime":"2025-03-01","spend":1.5}])"); // the per-day summary
        const QDate from = QDate::fromString(req.queryValue(QStringLiteral("start_date")), Qt::ISODate);
        const QDate to = QDate::fromString(req.queryValue(QStringLiteral("end_date")), Qt::ISODate);
        if (!from.isValid() || !to.isValid())
            return FakeResponse::json(R"({"error":{"message":"start_date and end_date required"}})", 400);
        QList<QByteArray> rows;
        for (QDate d = from; d <= to; d = d.addDays(1))
            if (has ? has(d) : (d.year() == 2025 && d.month() == 3))
                rows << dayRows(d);
        if (pageSize == 0)
            return FakeResponse::json("[" + rows.join(',') + "]");
        const int page = req.queryValue(QStringLiteral("page")).isEmpty() ? 1 : req.queryValue(QStringLiteral("page")).toInt();
        const int pages = static_cast<int>((rows.size() + pageSize - 1) / pageSize);
        return FakeResponse::json("{\"data\":[" + rows.mid((page - 1) * pageSize, pageSize).join(',') + "],\"page\":"
                                  + QByteArray::number(page) + ",\"page_size\":" + QByteArray::number(pageSize)
                                  + ",\"total\":" + QByteArray::number(rows.size()) + ",\"total_pages\":" + QByteArray::number(pages)
                                  + "}");
    }, [](const FakeRequest &req) {
        // LiteLLM's answer to a missing or unknown key.
        if (req.header("authorization") == "Bearer " + kKey)
            return FakeResponse{0, {}, {}};
        return FakeResponse::json(R"({"error":{"message":"Authentication Error, Invalid proxy server token passed.","type":"auth_error","code":"401"}})",
                                  401);
    });
}

qint64 tokensOf(const std::vector<Telemetry::Usage> &usage)
{
    qint64 n = 0;
    for (const Telemetry::Usage &u : usage)
        n += u.inputTokens + u.cachedInputTokens + u.cacheWriteTokens + u.outputTokens;
    return n;
}

std::string source(const Conn::AccountConfig &config)
{
    return Conn::TelemetryWindow::sourceOf(config);
}

} // namespace

class TstLiteLlm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerTypes(); }
    void registeredAsTelemetrySource();
    void pagesParse();
    void fetchKeepsToTheWindow_data();
    void fetchKeepsToTheWindow();
    void testConnectionMessages();
    void syncCountsEachCallOnce();
    void failuresKeepTheStore_data();
    void failuresKeepTheStore();
    void commandLineThroughTheBill();
};

void TstLiteLlm::registeredAsTelemetrySource()
{
    const auto entry = Conn::ConnectorRegistry::find(QStringLiteral("litellm"));
    QVERIFY(entry);
    QVERIFY(entry->descriptor.telemetry);
    QVERIFY(entry->descriptor.needsSecret);
    QCOMPARE(entry->descriptor.credentials.size(), 1);
    QVERIFY(entry->descriptor.credentials.first().secret); // the key goes to the keychain only
    QVERIFY(!entry->descriptor.defaultBaseUrl.isEmpty());
    QVERIFY(!Conn::ConnectorRegistry::find(QStringLiteral("openrouter"))->descriptor.telemetry);
}

void TstLiteLlm::pagesParse()
{
    // The fixture of the file import is a valid one-page answer.
    std::vector<Telemetry::Usage> usage;
    bool more = true;
    QString next, error;
    QVERIFY2(Conn::GatewayPages::parseLiteLlm(fixture(QStringLiteral("telemetry/litellm-spendlogs.json")), usage, &more, &next, &error),
             qPrintable(error));
    QCOMPARE(usage.size(), std::size_t(3));
    QVERIFY(!more);
    usage.clear();
    QVERIFY2(Conn::GatewayPages::parseLiteLlm(fixture(QStringLiteral("telemetry/litellm-spendlogs-paged.json")), usage, &more, &next,
                                              &error),
             qPrintable(error));
    QVERIFY(more);
    QCOMPARE(next, QStringLiteral("3"));
    QCOMPARE(usage.size(), std::size_t(1));
    QCOMPARE(usage.front().feature, std::string("triage"));
    QCOMPARE(usage.front().team, std::string("support"));
    QCOMPARE(usage.front().inputTokens + usage.front().outputTokens, std::int64_t(2220));
    QVERIFY(Conn::GatewayPages::parseLiteLlm(R"({"data":[],"page":3,"total_pages":3})", usage, &more, &next, &error));
    QVERIFY(!more);
    // Broken pages: an error, nothing appended.
    QVERIFY(!Conn::GatewayPages::parseLiteLlm(R"({"data":[],"page":"two","total_pages":3})", usage, &more, &next, &error));
    QVERIFY2(error.contains(QLatin1String("page")), qPrintable(error));
    QVERIFY(!Conn::GatewayPages::parseLiteLlm(R"([{"request_id":"x","startTime":"2025-03-01T00:00:00Z","model":"m","prompt_tokens":-4}])",
                                              usage, &more, &next, &error));
    QVERIFY2(error.contains(QLatin1String("prompt_tokens")), qPrintable(error));
    QVERIFY(!Conn::GatewayPages::parseLiteLlm(R"([{"request_id":"x","startTime")", usage, &more, &next, &error));
    QCOMPARE(usage.size(), std::size_t(1)); // the fixture's call only
}

void TstLiteLlm::fetchKeepsToTheWindow_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<QStringList>("pages");
    QTest::newRow("one answer") << 0 << QStringList{QString()};
    // Two days served (the window's and end_date's) at one call per page: four pages.
    QTest::newRow("paged") << 1 << QStringList{QString(), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4")};
}

void TstLiteLlm::fetchKeepsToTheWindow()
{
    QFETCH(int, pageSize);
    QFETCH(QStringList, pages);
    ConnectorBench<Conn::LiteLlmConnector> bench;
    serveSpendLogs(bench.server, pageSize);
    const Conn::AccountConfig config = account(QStringLiteral("litellm"), bench.server);
    const Conn::DateWindow window{QDate(2025, 3, 4), QDate(2025, 3, 5)};
    QString error;
    const auto result = fetchWindow(bench.connector, config, QString::fromLatin1(kKey), window, &error);
    QVERIFY2(result, qPrintable(error));
    const QList<FakeRequest> requests = bench.server.requestsFor(kPath);
    QCOMPARE(cursors(requests), pages);
    for (const FakeRequest &r : requests) {
        QCOMPARE(r.header("authorization"), QByteArray("Bearer ") + kKey);
        QCOMPARE(r.queryValue(QStringLiteral("summarize")), QStringLiteral("false"));
        QCOMPARE(r.queryValue(QStringLiteral("start_date")), QStringLiteral("2025-03-04"));
        QCOMPARE(r.queryValue(QStringLiteral("end_date")), QStringLiteral("2025-03-05"));
    }
    // 03-05's calls came too: dropped. Telemetry, not charges.
    QVERIFY(result->records().empty());
    QCOMPARE(result->usage.size(), std::size_t(2));
    QCOMPARE(tokensOf(result->usage), kTokensPerDay);
    for (const Telemetry::Usage &u : result->usage)
        QVERIFY(u.startSeconds >= window.fromEpoch() && u.startSeconds < window.toEpoch());
    const auto chat = std::find_if(result->usage.begin(), result->usage.end(), [](const auto &u) { return u.feature == "chat"; });
    QVERIFY(chat != result->usage.end());
    QCOMPARE(chat->cachedInputTokens, std::int64_t(50000));
    QCOMPARE(chat->inputTokens, std::int64_t(300000));
    QCOMPARE(chat->team, std::string("cx"));
    QCOMPARE(chat->user, std::string("customer-42"));
    QCOMPARE(chat->latencyMs, std::int64_t(900));
}

void TstLiteLlm::testConnectionMessages()
{
    ConnectorBench<Conn::LiteLlmConnector> bench;
    serveSpendLogs(bench.server);
    const Conn::AccountConfig config = account(QStringLiteral("litellm"), bench.server);
    const Conn::TestResult ok = bench.test(config, QString::fromLatin1(kKey));
    QVERIFY2(ok.ok, qPrintable(ok.message));

    const Conn::TestResult wrong = bench.test(config, QStringLiteral("sk-virtual-user-key"));
    QCOMPARE(wrong.kind, Conn::ErrorKind::Unauthorized);
    QVERIFY2(wrong.message.contains(QLatin1String("401")) && wrong.message.contains(QLatin1String("master key")),
             qPrintable(wrong.message));
    QVERIFY(!wrong.message.contains(QLatin1String("sk-virtual-user-key"))); // never echo the key

    const qsizetype before = bench.server.requests().size();
    const Conn::TestResult empty = bench.test(config, QString());
    QCOMPARE(empty.kind, Conn::ErrorKind::Config);
    QCOMPARE(bench.server.requests().size(), before);
}

void TstLiteLlm::syncCountsEachCallOnce()
{
    SyncBench bench;
    serveSpendLogs(bench.server);
    const Conn::AccountConfig config = account(QStringLiteral("litellm"), bench.server);
    // Synced on 03-14 (two weeks back), then on 03-15: the second run reads 03-13 and 03-14 again
    // and adds 03-15 only.
    for (int run = 0; run < 2; ++run) {
        const Conn::SyncOutcome outcome = bench.sync(config, kKey, kToday.addDays(run));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QVERIFY(outcome.telemetry);
        Cost::Store store;
        QVERIFY(store.open(bench.db.toStdString()));
        const Conn::SyncStatus status = Conn::AccountStore(store.db()).status(outcome.accountId);
        const qint64 days = std::max(status.firstDay, QDate(2025, 3, 1)).daysTo(kToday.addDays(run)) + 1; // March is served
        QCOMPARE(status.syncedThrough, kToday.addDays(run));
        const Stored s = stored(bench.db, source(config));
        QCOMPARE(s.calls, 2 * days);
        QCOMPARE(s.requests, 2 * days);
        QCOMPARE(s.tokens, kTokensPerDay * days);
        QCOMPARE(outcome.rows, run == 0 ? 2 * days : 2);
        // The Accounts page counts the account's model calls, not charges (it has none).
        QVERIFY(status.telemetry);
        QCOMPARE(status.totalRows, s.requests);
    }
    // Nothing went into the billing facts.
    QCOMPARE(bench.tokenCount(), qint64(0));
    // Removing the account with its data removes its calls.
    Cost::Store store;
    QVERIFY(store.open(bench.db.toStdString()));
    Conn::AccountStore accounts(store.db());
    QString error;
    QVERIFY2(accounts.remove(accounts.byName(config.name)->id, true, &error), qPrintable(error));
    QCOMPARE(stored(bench.db, source(config)), Stored());
}

void TstLiteLlm::failuresKeepTheStore_data()
{
    QTest::addColumn<int>("fault");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("says");
    QTest::newRow("500") << int(TestSupport::Fault::ServerError) << int(Conn::ErrorKind::Server) << QStringLiteral("500");
    QTest::newRow("truncated body") << int(TestSupport::Fault::Truncate) << int(Conn::ErrorKind::Network) << QString();
    QTest::newRow("malformed JSON") << int(TestSupport::Fault::MalformedJson) << int(Conn::ErrorKind::BadResponse)
                                    << QStringLiteral("spend logs");
}

void TstLiteLlm::failuresKeepTheStore()
{
    QFETCH(int, fault);
    QFETCH(int, kind);
    QFETCH(QString, says);
    SyncBench bench;
    serveSpendLogs(bench.server);
    const Conn::AccountConfig config = account(QStringLiteral("litellm"), bench.server);
    const Conn::SyncOutcome first = bench.sync(config, kKey);
    QVERIFY2(first.ok, qPrintable(first.error));
    const Stored before = stored(bench.db, source(config));

    // The next run (03-13, 03-14 again, then 03-15) fails on 03-15, every attempt.
    bench.server.setFaultRule([fault](const FakeRequest &req) {
        return req.queryValue(QStringLiteral("start_date")) == QLatin1String("2025-03-15") ? fault : -1;
    });
    const Conn::SyncOutcome second = bench.sync(config, kKey, kToday.addDays(1));
    QVERIFY(!second.ok);
    QCOMPARE(int(second.kind), kind);
    QVERIFY2(second.error.contains(says) && second.error.contains(QStringLiteral("Not stored: %1").arg(TestSupport::days(QDate(2025, 3, 15), QDate(2025, 3, 15)))), qPrintable(second.error));
    QVERIFY(!second.error.contains(QString::fromLatin1(kKey)));
    QCOMPARE(stored(bench.db, source(config)), before);
    Cost::Store store;
    QVERIFY(store.open(bench.db.toStdString()));
    // 03-13 and 03-14 were read again and kept (nothing new in them); 03-15 is to be fetched.
    QCOMPARE(Conn::AccountStore(store.db()).status(second.accountId).syncedThrough, kToday.addDays(1));
}

void TstLiteLlm::commandLineThroughTheBill()
{
    FakeServer server;
    QVERIFY(server.start());
    serveSpendLogs(server, 0, [](const QDate &d) { return d == cliDay(); });
    cliJoin(QStringLiteral("litellm"), server.baseUrl(), kKey, "sk-wrong-key");
}

QTEST_GUILESS_MAIN(TstLiteLlm)
#include "tst_litellm.moc"
