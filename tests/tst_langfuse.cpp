// Langfuse as a connected telemetry source (issue #24): the connector against a loopback stand-in of
// `GET /api/public/v2/observations` that checks the key pair the way Langfuse does (HTTP Basic,
// public key : secret key, 401 otherwise) and pages by `cursor` / `meta.cursor`; syncs through
// Conn::SyncWorker into the application telemetry, re-syncs that count nothing twice, a 500, a
// truncated and a malformed page that leave the store as it was; and the command line end to end
// against a FOCUS bill of the same day.

#include "adminapitest.h"
#include "gatewaypages.h"
#include "gatewaytest.h"
#include "langfuseconnector.h"
#include "telemetrywindow.h"

using namespace AdminApiTest;
using namespace GatewayTest;
using TestSupport::FakeRequest;
using TestSupport::FakeResponse;
using TestSupport::FakeServer;

namespace {

const QByteArray kPublic = "pk-lf-1234-test";
const QByteArray kSecret = "sk-lf-5678-test";
const QString kPath = QStringLiteral("/api/public/v2/observations");

QByteArray pair(const QByteArray &publicKey, const QByteArray &secretKey) { return publicKey + ':' + secretKey; }

// The observations of one day: a "chat" generation at 10:00 (300k uncached input, 50k cached,
// 200k output; feature from a tag), a retrieval span, and a generation of the trace "search" at
// 23:59:30 (100k / 100k; feature from the trace name).
QList<QPair<qint64, QByteArray>> dayObservations(const QDate &day)
{
    const QByteArray d = day.toString(Qt::ISODate).toLatin1();
    return {
        {at(day, 10), R"({"id":"obs-)" + d + R"(-1","traceId":"tr-)" + d + R"(","type":"GENERATION","name":"answer",)"
                          + R"("traceName":"support","startTime":")" + d + R"(T10:00:00.000Z","endTime":")" + d
                          + R"(T10:00:02.500Z","providedModelName":"gpt-4o-2024-08-06",)"
                          + R"("usageDetails":{"input":300000,"input_cached_tokens":50000,"output":200000,"total":550000},)"
                          + R"("costDetails":{"total":2.75},"userId":"customer-42","tags":["prod","feature:chat"],"metadata":{"team":"cx"}})"},
        {at(day, 10), R"({"id":"obs-)" + d + R"(-2","traceId":"tr-)" + d + R"(","type":"SPAN","name":"retrieve","startTime":")" + d
                          + R"(T10:00:00.000Z"})"},
        {at(day, 23, 59), R"({"id":"obs-)" + d + R"(-3","type":"GENERATION","name":"rank","traceName":"search","startTime":")" + d
                              + R"(T23:59:30Z","providedModelName":"gpt-4o","usageDetails":{"input":100000,"output":100000}})"},
    };
}
constexpr qint64 kTokensPerDay = 750000;

// The stand-in: the generations (type=GENERATION is honoured) whose start lies in
// [fromStartTime, toStartTime), on the days `has` picks (default: March 2025), `pageSize` per page
// at most (fewer when `limit` says so), chained by an opaque cursor.
void serveObservations(FakeServer &server, int pageSize = 2, std::function<bool(const QDate &)> has = {})
{
    server.route("GET", kPath, [pageSize, has](const FakeRequest &req) {
        const QDateTime from = QDateTime::fromString(req.queryValue(QStringLiteral("fromStartTime")), Qt::ISODate);
        const QDateTime to = QDateTime::fromString(req.queryValue(QStringLiteral("toStartTime")), Qt::ISODate);
        if (!from.isValid() || !to.isValid())
            return FakeResponse::json(R"({"message":"Invalid request data"})", 400);
        const bool generations = req.queryValue(QStringLiteral("type")) == QLatin1String("GENERATION");
        QList<QByteArray> rows;
        for (QDate d = from.toUTC().date(); d <= to.toUTC().date(); d = d.addDays(1)) {
            if (has ? !has(d) : (d.year() != 2025 || d.month() != 3))
                continue;
            for (const auto &[start, json] : dayObservations(d))
                if (start >= from.toSecsSinceEpoch() && start < to.toSecsSinceEpoch()
                    && (!generations || json.contains("\"GENERATION\"")))
                    rows << json;
        }
        const int limit = std::min(pageSize, req.queryValue(QStringLiteral("limit")).toInt());
        qsizetype first = 0;
        if (const QString cursor = req.queryValue(QStringLiteral("cursor")); !cursor.isEmpty()) {
            bool ok = false;
            if (cursor.startsWith(QLatin1String("c+")) && cursor.endsWith(QLatin1String("/=")))
                first = cursor.mid(2, cursor.size() - 4).toLongLong(&ok);
            if (!ok)
                return FakeResponse::json(R"({"message":"Invalid cursor"})", 400);
        }
        const qsizetype next = first + limit;
        const QByteArray cursor = next < rows.size() ? "\"c+" + QByteArray::number(next) + "/=\"" : QByteArray("null");
        return FakeResponse::json("{\"data\":[" + rows.mid(first, limit).join(',') + "],\"meta\":{\"cursor\":" + cursor + "}}");
    }, [](const FakeRequest &req) {
        if (req.header("authorization") == "Basic " + pair(kPublic, kSecret).toBase64())
            return FakeResponse{0, {}, {}};
        return FakeResponse::json(R"({"message":"Invalid public or secret key"})", 401);
    });
}

QString secret() { return Conn::packSecret({{QStringLiteral("public_key"), QString::fromLatin1(kPublic)},
                                            {QStringLiteral("secret_key"), QString::fromLatin1(kSecret)}}); }

} // namespace

class TstLangfuse : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerTypes(); }
    void registeredAsTelemetrySource();
    void keyPairForms_data();
    void keyPairForms();
    void pagesParse();
    void fetchFollowsTheCursor();
    void testConnectionMessages();
    void syncCountsEachCallOnce();
    void failuresKeepTheStore_data();
    void failuresKeepTheStore();
    void commandLineThroughTheBill();
};

void TstLangfuse::registeredAsTelemetrySource()
{
    const auto entry = Conn::ConnectorRegistry::find(QStringLiteral("langfuse"));
    QVERIFY(entry);
    QVERIFY(entry->descriptor.telemetry);
    QCOMPARE(entry->descriptor.credentials.size(), 2);
    for (const Conn::CredentialField &f : entry->descriptor.credentials)
        QVERIFY(f.secret); // both keys go to the keychain, packed into one entry
    QCOMPARE(entry->descriptor.defaultBaseUrl, QStringLiteral("https://cloud.langfuse.com"));
}

void TstLangfuse::keyPairForms_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("ok");
    QTest::newRow("packed (the wizard)") << secret() << true;
    QTest::newRow("public:secret (the CLI)") << QStringLiteral(" pk-lf-1234-test:sk-lf-5678-test\n") << true;
    QTest::newRow("JSON (the CLI)") << QStringLiteral(R"({"public_key":"pk-lf-1234-test","secret_key":"sk-lf-5678-test"})") << true;
    QTest::newRow("public key only") << QStringLiteral("pk-lf-1234-test") << false;
    QTest::newRow("secret key missing") << QStringLiteral(R"({"public_key":"pk-lf-1234-test","secret_key":""})") << false;
}

void TstLangfuse::keyPairForms()
{
    QFETCH(QString, secret);
    QFETCH(bool, ok);
    QString publicKey, secretKey;
    QCOMPARE(Conn::LangfuseConnector::keyPair(secret, &publicKey, &secretKey), ok);
    if (ok) {
        QCOMPARE(publicKey, QString::fromLatin1(kPublic));
        QCOMPARE(secretKey, QString::fromLatin1(kSecret));
    }
}

void TstLangfuse::pagesParse()
{
    std::vector<Telemetry::Usage> usage;
    bool more = true;
    QString next, error;
    QVERIFY2(Conn::GatewayPages::parseLangfuse(fixture(QStringLiteral("telemetry/langfuse-observations.json")), usage, &more, &next, &error),
             qPrintable(error));
    QCOMPARE(usage.size(), std::size_t(2)); // the span does not count
    QVERIFY(!more);
    QVERIFY2(Conn::GatewayPages::parseLangfuse(fixture(QStringLiteral("telemetry/langfuse-observations-cursor.json")), usage, &more,
                                               &next, &error),
             qPrintable(error));
    QVERIFY(more);
    QCOMPARE(next, QStringLiteral("eyJsYXN0SWQiOiJvYnMtMDEwMSIsInQiOjE3NzI0Mzk3MDB9"));
    QCOMPARE(usage.size(), std::size_t(3));
    QCOMPARE(usage.back().feature, std::string("inbox-triage"));
    QCOMPARE(usage.back().team, std::string("support"));
    QVERIFY(!Conn::GatewayPages::parseLangfuse(R"({"data":[],"meta":{"cursor":7}})", usage, &more, &next, &error));
    QVERIFY2(error.contains(QLatin1String("meta.cursor")), qPrintable(error));
    QVERIFY(!Conn::GatewayPages::parseLangfuse(R"({"data":[{"id":"o","type":"GENERATION","startTime":"2025-03-01T00:00:00Z",)"
                                               R"("providedModelName":"gpt-4o","usageDetails":{"input":"many"}}],"meta":{}})",
                                               usage, &more, &next, &error));
    QVERIFY2(error.contains(QLatin1String("input")), qPrintable(error));
    QCOMPARE(usage.size(), std::size_t(3));
}

void TstLangfuse::fetchFollowsTheCursor()
{
    ConnectorBench<Conn::LangfuseConnector> bench;
    serveObservations(bench.server);
    const Conn::AccountConfig config = account(QStringLiteral("langfuse"), bench.server);
    const Conn::DateWindow window{QDate(2025, 3, 4), QDate(2025, 3, 7)};
    QString error;
    const auto result = fetchWindow(bench.connector, config, secret(), window, &error);
    QVERIFY2(result, qPrintable(error));
    const QList<FakeRequest> requests = bench.server.requestsFor(kPath);
    QStringList cursors;
    for (const FakeRequest &r : requests) {
        QCOMPARE(r.header("authorization"), "Basic " + pair(kPublic, kSecret).toBase64());
        QCOMPARE(r.queryValue(QStringLiteral("type")), QStringLiteral("GENERATION"));
        QCOMPARE(r.queryValue(QStringLiteral("fromStartTime")), QStringLiteral("2025-03-04T00:00:00Z"));
        QCOMPARE(r.queryValue(QStringLiteral("toStartTime")), QStringLiteral("2025-03-07T00:00:00Z"));
        QCOMPARE(r.queryValue(QStringLiteral("limit")), QStringLiteral("1000"));
        QVERIFY(!r.queryValue(QStringLiteral("fields")).contains(QLatin1String("io"))); // never prompts or completions
        cursors << r.queryValue(QStringLiteral("cursor"));
    }
    // Six generations, two per page; the cursor travels percent-encoded ('+' and '/').
    QCOMPARE(cursors, (QStringList{QString(), QStringLiteral("c+2/="), QStringLiteral("c+4/=")}));
    QVERIFY(result->records().empty());
    QCOMPARE(result->usage.size(), std::size_t(6));
    qint64 tokens = 0;
    for (const Telemetry::Usage &u : result->usage)
        tokens += u.inputTokens + u.cachedInputTokens + u.cacheWriteTokens + u.outputTokens;
    QCOMPARE(tokens, 3 * kTokensPerDay);
    const Telemetry::Usage &chat = result->usage.front();
    QCOMPARE(chat.feature, std::string("chat"));
    QCOMPARE(chat.team, std::string("cx"));
    QCOMPARE(chat.user, std::string("customer-42"));
    QCOMPARE(chat.inputTokens, std::int64_t(300000));
    QCOMPARE(chat.cachedInputTokens, std::int64_t(50000));
    QCOMPARE(result->usage[1].feature, std::string("search"));
}

void TstLangfuse::testConnectionMessages()
{
    ConnectorBench<Conn::LangfuseConnector> bench;
    serveObservations(bench.server);
    const Conn::AccountConfig config = account(QStringLiteral("langfuse"), bench.server);
    const Conn::TestResult ok = bench.test(config, secret());
    QVERIFY2(ok.ok, qPrintable(ok.message));
    QCOMPARE(bench.server.requestsFor(kPath).last().queryValue(QStringLiteral("limit")), QStringLiteral("1")); // a cheap request

    const Conn::TestResult wrong = bench.test(config, QString::fromLatin1(pair(kPublic, "sk-lf-wrong")));
    QCOMPARE(wrong.kind, Conn::ErrorKind::Unauthorized);
    QVERIFY2(wrong.message.contains(QLatin1String("401")) && wrong.message.contains(QLatin1String("API Keys")), qPrintable(wrong.message));
    QVERIFY(!wrong.message.contains(QLatin1String("sk-lf-wrong")));

    const qsizetype before = bench.server.requests().size();
    const Conn::TestResult half = bench.test(config, QString::fromLatin1(kPublic));
    QCOMPARE(half.kind, Conn::ErrorKind::Config);
    QVERIFY2(half.message.contains(QLatin1String("secret key")), qPrintable(half.message));
    QCOMPARE(bench.server.requests().size(), before);
}

void TstLangfuse::syncCountsEachCallOnce()
{
    SyncBench bench;
    serveObservations(bench.server);
    const Conn::AccountConfig config = account(QStringLiteral("langfuse"), bench.server);
    const std::string source = Conn::TelemetryWindow::sourceOf(config);
    QCOMPARE(source, std::string("langfuse:acme-langfuse"));
    // Synced on 03-14, then on 03-15: the second run reads 03-12 to 03-14 again and adds 03-15 only.
    for (int run = 0; run < 2; ++run) {
        const Conn::SyncOutcome outcome = runSync(bench.db, config, secret(), kToday.addDays(run));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        Cost::Store store;
        QVERIFY(store.open(bench.db.toStdString()));
        const Conn::SyncStatus status = Conn::AccountStore(store.db()).status(outcome.accountId);
        const qint64 days = std::max(status.firstDay, QDate(2025, 3, 1)).daysTo(kToday.addDays(run)) + 1; // March is served
        const Stored s = stored(bench.db, source);
        QCOMPARE(s.calls, 2 * days);
        QCOMPARE(s.tokens, kTokensPerDay * days);
        QCOMPARE(outcome.rows, run == 0 ? 2 * days : 2);
    }
    QCOMPARE(bench.tokenCount(), qint64(0)); // nothing in the billing facts
}

void TstLangfuse::failuresKeepTheStore_data()
{
    QTest::addColumn<int>("fault");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("says");
    QTest::newRow("500") << int(TestSupport::Fault::ServerError) << int(Conn::ErrorKind::Server) << QStringLiteral("500");
    QTest::newRow("truncated body") << int(TestSupport::Fault::Truncate) << int(Conn::ErrorKind::Network) << QString();
    QTest::newRow("malformed JSON") << int(TestSupport::Fault::MalformedJson) << int(Conn::ErrorKind::BadResponse)
                                    << QStringLiteral("generations, page 2");
}

void TstLangfuse::failuresKeepTheStore()
{
    QFETCH(int, fault);
    QFETCH(int, kind);
    QFETCH(QString, says);
    SyncBench bench;
    serveObservations(bench.server);
    const Conn::AccountConfig config = account(QStringLiteral("langfuse"), bench.server);
    const Conn::SyncOutcome first = runSync(bench.db, config, secret(), kToday);
    QVERIFY2(first.ok, qPrintable(first.error));
    const Stored before = stored(bench.db, Conn::TelemetryWindow::sourceOf(config));

    // The next run's window (03-12 to 03-15) fails on its second page, every attempt: its first
    // page, with a new day's calls, must not be stored either.
    bench.server.setFaultRule([fault](const FakeRequest &req) { return req.queryValue(QStringLiteral("cursor")).isEmpty() ? -1 : fault; });
    const Conn::SyncOutcome second = runSync(bench.db, config, secret(), kToday.addDays(1));
    QVERIFY(!second.ok);
    QCOMPARE(int(second.kind), kind);
    QVERIFY2(second.error.contains(says) && second.error.contains(QStringLiteral("Not stored: %1").arg(TestSupport::days(QDate(2025, 3, 12), QDate(2025, 3, 15)))), qPrintable(second.error));
    QVERIFY(!second.error.contains(QString::fromLatin1(kSecret)));
    QCOMPARE(stored(bench.db, Conn::TelemetryWindow::sourceOf(config)), before);
}

void TstLangfuse::commandLineThroughTheBill()
{
    FakeServer server;
    QVERIFY(server.start());
    serveObservations(server, 2, [](const QDate &d) { return d == cliDay(); });
    cliJoin(QStringLiteral("langfuse"), server.baseUrl(), pair(kPublic, kSecret), pair(kPublic, "sk-lf-wrong"));
}

QTEST_GUILESS_MAIN(TstLangfuse)
#include "tst_langfuse.moc"
