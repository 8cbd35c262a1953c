// OpenRouter activity API: the pure parser on a constructed fixture (exact totals computed here
// from the JSON text, independently of the parser) and on broken copies, the connector against a
// loopback stand-in that checks the management key the way OpenRouter does (Bearer), and syncs
// through Conn::SyncWorker with exact totals, re-syncs that double nothing, and a bad response
// that leaves the store as it was.

#include "adminapitest.h"
#include "openrouterconnector.h"
#include "openrouterparser.h"

#include <QRegularExpression>

using namespace AdminApiTest;
using TestSupport::FakeRequest;
using TestSupport::FakeResponse;
using TestSupport::FakeServer;

namespace {

const QByteArray kKey = "sk-or-v1-management-0123456789";
const QByteArray kInferenceKey = "sk-or-v1-inference-key";
const QString kPath = QStringLiteral("/api/v1/activity");

// The values of `key` in a JSON text, as written (numbers never pass through a double here).
QStringList literals(const QByteArray &json, const QString &key)
{
    QStringList out;
    const QRegularExpression re(QStringLiteral("\"%1\":\\s*([-0-9.]+)").arg(key));
    for (auto it = re.globalMatch(QString::fromUtf8(json)); it.hasNext();)
        out << it.next().captured(1);
    return out;
}

qint64 integerSum(const QByteArray &json, const QString &key)
{
    qint64 n = 0;
    for (const QString &v : literals(json, key))
        n += v.toLongLong();
    return n;
}

// One generated day: two models; its cost has ten decimals so that a double sum would drift.
QByteArray dayItems(const QDate &day)
{
    const int d = day.day();
    const QString dd = QStringLiteral("%1").arg(d, 2, 10, QLatin1Char('0'));
    const QString cheap = QStringLiteral("0.") + dd + QStringLiteral("00000007");
    const QString dear = QStringLiteral("1.") + dd + QStringLiteral("00000003");
    return QStringLiteral(R"({"date":"%1","model":"openai/gpt-4o-mini","model_permaslug":"openai/gpt-4o-mini-2024-07-18",)"
                          R"("endpoint_id":"ep-1","provider_name":"OpenAI","usage":%2,"byok_usage_inference":0,)"
                          R"("requests":%3,"prompt_tokens":%4,"completion_tokens":%5,"reasoning_tokens":0},)"
                          R"({"date":"%1","model":"deepseek/deepseek-r1","model_permaslug":"deepseek/deepseek-r1",)"
                          R"("endpoint_id":"ep-2","provider_name":"DeepInfra","usage":%6,)"
                          R"("requests":2,"prompt_tokens":100,"completion_tokens":900,"reasoning_tokens":%7})")
        .arg(day.toString(Qt::ISODate), cheap)
        .arg(d)
        .arg(1000 + d)
        .arg(200 + d)
        .arg(dear)
        .arg(500 + d)
        .toUtf8();
}

struct DayTotals {
    QStringList money;
    qint64 tokens = 0;
};
void addDay(DayTotals &t, const QDate &day)
{
    const QByteArray items = dayItems(day);
    t.money << literals(items, QStringLiteral("usage"));
    t.tokens += integerSum(items, QStringLiteral("prompt_tokens")) + integerSum(items, QStringLiteral("completion_tokens"));
}

// OpenRouter's answers to a key it does not accept: 401 for an unknown key, 403 for an
// inference key on a management endpoint.
FakeServer::AuthCheck openRouterAuth()
{
    return [](const FakeRequest &req) {
        if (req.header("authorization") == "Bearer " + kKey)
            return FakeResponse{0, {}, {}};
        if (req.header("authorization") == "Bearer " + kInferenceKey)
            return FakeResponse::json(R"({"error":{"code":403,"message":"Only management keys can perform this operation"}})", 403);
        return FakeResponse::json(R"({"error":{"code":401,"message":"No auth credentials found"}})", 401);
    };
}

// The stand-in: the activity of the asked day (every day of March 2025 has some), 400 for a
// malformed date, the last 30 days when none is given.
void serveActivity(FakeServer &server)
{
    server.route("GET", kPath, [](const FakeRequest &req) {
        const QString date = req.queryValue(QStringLiteral("date"));
        if (date.isEmpty())
            return FakeResponse::json(R"({"data":[]})");
        const QDate day = QDate::fromString(date, Qt::ISODate);
        if (!day.isValid())
            return FakeResponse::json(R"({"error":{"code":400,"message":"Invalid date"}})", 400);
        if (day.month() != 3 || day.year() != 2025)
            return FakeResponse::json(R"({"data":[]})");
        return FakeResponse::json("{\"data\":[" + dayItems(day) + "]}");
    }, openRouterAuth());
}

QString sum(const QStringList &values)
{
    QString s;
    if (!TestSupport::decimalSum(values, &s))
        qFatal("not decimals: %s", qPrintable(values.join(QLatin1Char(' '))));
    return s;
}

} // namespace

class TstOpenRouter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerTypes(); }
    void parsesFixtureExactly();
    void rejectsBrokenPayloads_data();
    void rejectsBrokenPayloads();
    void registeredForCliAndWizard();
    void fetchAsksEachCompletedDayWithTheManagementKey();
    void testConnectionMessages();
    void syncStoresExactTotals();
    void badResponseKeepsTheStore();
    void sdkBaseUrl();
    void neverAsksPastTheRetention();
};

void TstOpenRouter::parsesFixtureExactly()
{
    const QByteArray json = fixture(QStringLiteral("openrouter/activity.constructed.json"));
    Conn::OpenRouterActivityPage page;
    QString error;
    QVERIFY2(Conn::parseOpenRouterActivity(json, page, &error), qPrintable(error));
    QCOMPARE(page.rows.size(), std::size_t(4));
    Conn::FetchResult result;
    Conn::appendOpenRouterRecords(page.rows, {QStringLiteral("acme")}, result);

    QCOMPARE(fetchTotals(result).billed, sum(literals(json, QStringLiteral("usage"))));
    QCOMPARE(tokensOf(result, Cost::TokenKind::Input), integerSum(json, QStringLiteral("prompt_tokens")));
    // Reasoning is part of the completion tokens: counted once, as output.
    QCOMPARE(tokensOf(result, Cost::TokenKind::Output), integerSum(json, QStringLiteral("completion_tokens")));
    qint64 requests = 0, reasoning = 0;
    const qint64 day = QDateTime(QDate(2025, 8, 24), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    for (const Cost::Record &r : result.records()) {
        requests += r.requests > 0 ? r.requests : 0;
        if (r.dim(Cost::Dim::UsageType).ends_with(", reasoning"))
            reasoning += r.tokens;
        QCOMPARE(r.chargeStart, day);
        QCOMPARE(r.chargeEnd, day + 86400);
        QCOMPARE(r.dim(Cost::Dim::Provider), std::string_view("OpenRouter"));
        QCOMPARE(r.dim(Cost::Dim::BillingAccount), std::string_view("acme"));
        QCOMPARE(r.dim(Cost::Dim::Currency), std::string_view("USD"));
        QVERIFY(!r.dim(Cost::Dim::HostProvider).empty());
    }
    QCOMPARE(requests, integerSum(json, QStringLiteral("requests")));
    QCOMPARE(reasoning, integerSum(json, QStringLiteral("reasoning_tokens")));

    // Models are canonicalised as for the other providers; the serving provider is kept apart.
    QString billedSonnet;
    Cost::BigMoney sonnet = 0;
    for (const Cost::Record &r : result.records())
        if (r.dim(Cost::Dim::Model) == "claude-sonnet-4")
            sonnet += r.amount(Cost::Amount::Billed);
    QCOMPARE(money(sonnet), sum({QStringLiteral("0.2000000002"), QStringLiteral("0.0013")}));
    const auto first = result.records().front();
    QCOMPARE(first.dim(Cost::Dim::Model), std::string_view("gpt-4.1"));
    QCOMPARE(first.dim(Cost::Dim::HostProvider), std::string_view("OpenAI"));
}

void TstOpenRouter::rejectsBrokenPayloads_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("where");
    const QByteArray good = R"({"date":"2025-08-24","model":"m/x-1","usage":0.5,"requests":1,"prompt_tokens":1,"completion_tokens":2,"reasoning_tokens":1})";
    auto with = [&good](const char *from, const char *to) {
        QByteArray b = good;
        b.replace(from, to);
        return QByteArray("{\"data\":[") + good + "," + b + "]}";
    };
    QTest::newRow("not JSON") << QByteArray("<html>busy</html>") << QStringLiteral("malformed JSON");
    QTest::newRow("cut short") << QByteArray(R"({"data":[{"date":"2025-08-24","usa)") << QStringLiteral("malformed JSON");
    QTest::newRow("no data") << QByteArray(R"({"items":[]})") << QStringLiteral("data");
    QTest::newRow("data not an array") << QByteArray(R"({"data":{}})") << QStringLiteral("data");
    QTest::newRow("item not an object") << QByteArray(R"({"data":[3]})") << QStringLiteral("data[0]");
    QTest::newRow("usage text") << with("0.5", "\"cheap\"") << QStringLiteral("data[1].usage");
    QTest::newRow("usage missing") << with("\"usage\":0.5,", "") << QStringLiteral("data[1].usage");
    QTest::newRow("negative tokens") << with("\"prompt_tokens\":1", "\"prompt_tokens\":-1") << QStringLiteral("data[1].prompt_tokens");
    QTest::newRow("fractional requests") << with("\"requests\":1", "\"requests\":1.5") << QStringLiteral("data[1].requests");
    QTest::newRow("bad date") << with("2025-08-24", "24/08/2025") << QStringLiteral("data[1].date");
    QTest::newRow("no model") << with("\"model\":\"m/x-1\",", "") << QStringLiteral("data[1].model");
    QTest::newRow("reasoning beyond completion") << with("\"reasoning_tokens\":1", "\"reasoning_tokens\":3")
                                                 << QStringLiteral("data[1].reasoning_tokens");
}

void TstOpenRouter::rejectsBrokenPayloads()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, where);
    Conn::OpenRouterActivityPage page;
    QString error;
    QVERIFY(!Conn::parseOpenRouterActivity(body, page, &error));
    QVERIFY2(error.contains(where), qPrintable(error));
    QVERIFY(page.rows.empty() || !error.isEmpty());
}

void TstOpenRouter::registeredForCliAndWizard()
{
    // `accounts add --provider openrouter` and the wizard's source list both read the registry.
    const auto entry = Conn::ConnectorRegistry::find(QStringLiteral("openrouter"));
    QVERIFY(entry);
    QCOMPARE(entry->descriptor.displayName, QStringLiteral("OpenRouter"));
    QVERIFY(entry->descriptor.needsSecret);
    QCOMPARE(entry->descriptor.credentials.size(), 1);
    QVERIFY(entry->descriptor.credentials.first().secret); // the key goes to the keychain only
    QCOMPARE(Conn::ConnectorRegistry::normalisedBaseUrl(QStringLiteral("openrouter"),
                                                        QStringLiteral("https://openrouter.ai/api/v1/")),
             QStringLiteral("https://openrouter.ai"));
}

void TstOpenRouter::fetchAsksEachCompletedDayWithTheManagementKey()
{
    ConnectorBench<Conn::OpenRouterConnector> bench;
    serveActivity(bench.server);
    Conn::AccountConfig config = account(QStringLiteral("openrouter"), bench.server);
    config.options.insert(QStringLiteral("api_key_hash"), QStringLiteral("abc123"));
    const Conn::DateWindow window{QDate(2025, 3, 1), QDate(2025, 3, 8)};
    QString error;
    const auto result = fetchWindow(bench.connector, config, QString::fromLatin1(kKey), window, &error);
    QVERIFY2(result, qPrintable(error));

    const QList<FakeRequest> requests = bench.server.requestsFor(kPath);
    QCOMPARE(requests.size(), 7);
    QStringList dates;
    for (const FakeRequest &r : requests) {
        QCOMPARE(r.header("authorization"), QByteArray("Bearer ") + kKey);
        QCOMPARE(r.queryValue(QStringLiteral("api_key_hash")), QStringLiteral("abc123"));
        dates << r.queryValue(QStringLiteral("date"));
    }
    QCOMPARE(dates.first(), QStringLiteral("2025-03-01"));
    QCOMPARE(dates.last(), QStringLiteral("2025-03-07"));
    DayTotals want;
    for (QDate d = window.from; d < window.to; d = d.addDays(1))
        addDay(want, d);
    QCOMPARE(fetchTotals(*result).billed, sum(want.money));
    QCOMPARE(fetchTotals(*result).tokens, want.tokens);
    QCOMPARE(result->requests, 7);
}

void TstOpenRouter::testConnectionMessages()
{
    ConnectorBench<Conn::OpenRouterConnector> bench;
    serveActivity(bench.server);
    const Conn::AccountConfig config = account(QStringLiteral("openrouter"), bench.server);
    const Conn::TestResult ok = bench.test(config, QString::fromLatin1(kKey));
    QVERIFY2(ok.ok, qPrintable(ok.message));

    const Conn::TestResult wrong = bench.test(config, QStringLiteral("sk-or-v1-wrong"));
    QCOMPARE(wrong.kind, Conn::ErrorKind::Unauthorized);
    QVERIFY2(wrong.message.contains(QLatin1String("401")) && wrong.message.contains(QLatin1String("management key")),
             qPrintable(wrong.message));
    QVERIFY(!wrong.message.contains(QLatin1String("sk-or-v1-wrong"))); // never echo the key

    const Conn::TestResult inference = bench.test(config, QString::fromLatin1(kInferenceKey));
    QCOMPARE(inference.kind, Conn::ErrorKind::Forbidden);
    QVERIFY2(inference.message.contains(QLatin1String("403")) && inference.message.contains(QLatin1String("management key")),
             qPrintable(inference.message));

    const qsizetype before = bench.server.requests().size();
    const Conn::TestResult empty = bench.test(config, QString());
    QCOMPARE(empty.kind, Conn::ErrorKind::Config);
    QCOMPARE(bench.server.requests().size(), before);
}

void TstOpenRouter::syncStoresExactTotals()
{
    SyncBench bench;
    serveActivity(bench.server);
    const Conn::AccountConfig config = account(QStringLiteral("openrouter"), bench.server);
    DayTotals want;
    for (QDate d = QDate(2025, 3, 1); d <= kToday; d = d.addDays(1))
        addDay(want, d);
    // Synced on 03-14, then on 03-15: the second run re-reads the restated days and adds 03-15;
    // nothing doubles.
    for (int run = 0; run < 2; ++run) {
        if (run == 1)
            addDay(want, kToday.addDays(1));
        const Conn::SyncOutcome outcome = bench.sync(config, kKey, kToday.addDays(run));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(bench.billed(), sum(want.money));
        QCOMPARE(bench.tokenCount(), want.tokens);
    }
    // Unit economics join on the canonical model.
    QVERIFY(bench.tokenCount({{"model", "deepseek-r1"}, {"token_kind", "output"}}) > 0);
}

void TstOpenRouter::badResponseKeepsTheStore()
{
    SyncBench bench;
    serveActivity(bench.server);
    const Conn::AccountConfig config = account(QStringLiteral("openrouter"), bench.server);
    const Conn::SyncOutcome first = bench.sync(config, kKey);
    QVERIFY2(first.ok, qPrintable(first.error));
    const QString billed = bench.billed();
    const qint64 tokensBefore = bench.tokenCount();

    // The next run's first window (03-13 on) meets a broken answer for 03-14.
    bench.server.route("GET", kPath, [](const FakeRequest &req) {
        if (req.queryValue(QStringLiteral("date")) == QLatin1String("2025-03-14"))
            return FakeResponse::json(R"({"data":[{"date":"2025-03-14","model":"x/y-1","usage":"lots"}]})");
        return FakeResponse::json("{\"data\":[" + dayItems(QDate::fromString(req.queryValue(QStringLiteral("date")), Qt::ISODate)) + "]}");
    }, openRouterAuth());
    const Conn::SyncOutcome second = bench.sync(config, kKey, kToday.addDays(1));
    QVERIFY(!second.ok);
    QCOMPARE(second.kind, Conn::ErrorKind::BadResponse);
    QVERIFY2(second.error.contains(QLatin1String("data[0].usage")), qPrintable(second.error));
    QCOMPARE(bench.billed(), billed);
    QCOMPARE(bench.tokenCount(), tokensBefore);
}

void TstOpenRouter::sdkBaseUrl()
{
    // The SDKs' base URL ("https://openrouter.ai/api/v1") works as given.
    SyncBench bench;
    serveActivity(bench.server);
    const QStringList paths = sdkBaseUrlPaths(bench, account(QStringLiteral("openrouter"), bench.server), kKey,
                                              QStringLiteral("/api/v1"));
    QCOMPARE(paths, QStringList{kPath});
}

// OpenRouter serves the last 30 days only. An account last synced 40 days ago resumes 29 days back:
// asking for the restated day 41 days back would get an empty answer that replaces what was stored.
void TstOpenRouter::neverAsksPastTheRetention()
{
    const QDate today(2026, 3, 31);
    Conn::SyncStatus status;
    status.firstDay = today.addDays(-80);
    status.syncedThrough = today.addDays(-40);
    const auto windows = Conn::planWindows(Conn::OpenRouterConnector::staticDescriptor(), Conn::AccountConfig(), status, today, nullptr);
    QVERIFY(!windows.isEmpty());
    QCOMPARE(windows.first().from, today.addDays(-29));
    QCOMPARE(windows.last().to, today.addDays(1));
    // Within the 30 days it resumes at the restated day as before.
    status.syncedThrough = today.addDays(-5);
    QCOMPARE(Conn::planWindows(Conn::OpenRouterConnector::staticDescriptor(), Conn::AccountConfig(), status, today, nullptr).first().from,
             today.addDays(-6));
}

QTEST_GUILESS_MAIN(TstOpenRouter)
#include "tst_openrouter.moc"
