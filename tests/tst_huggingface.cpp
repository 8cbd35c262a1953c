// Hugging Face Inference Endpoints (estimated cost): the pure endpoint-list parser on the fixtures
// and broken copies; the estimate from two observations with a state change between them, checked
// per endpoint and UTC hour against hand-computed minutes and money; the connector against a
// loopback stand-in that checks the token the way Hugging Face does (Bearer hf_…, else 401);
// syncs through Conn::SyncWorker (exact totals, a re-sync that doubles nothing, failures that
// leave charges and observed states as they were); and `burnrate totals --by provider`.

#include "adminapitest.h"
#include "cloudtest.h"
#include "huggingfaceconnector.h"
#include "huggingfaceendpoints.h"
#include "huggingfaceprices.h"
#include "huggingfacestaterun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <map>

using namespace AdminApiTest;
using TestSupport::Fault;
using TestSupport::FakeRequest;
using TestSupport::FakeResponse;
using TestSupport::FakeServer;

namespace {

const QByteArray kToken = "hf_burnrateTestToken0123456789";
const QString kPath = QStringLiteral("/v2/endpoint/acme");
// The two observations: 2025-03-14 10:00 and 13:20 UTC (the API's Date header).
const QByteArray kFirstDate = "Fri, 14 Mar 2025 10:00:00 GMT";
const QByteArray kSecondDate = "Fri, 14 Mar 2025 13:20:00 GMT";
const qint64 kT1 = QDateTime(QDate(2025, 3, 14), QTime(10, 0), QTimeZone::utc()).toSecsSinceEpoch();
const qint64 kT2 = QDateTime(QDate(2025, 3, 14), QTime(13, 20), QTimeZone::utc()).toSecsSinceEpoch();

qint64 hourOf(int hour) { return QDateTime(QDate(2025, 3, 14), QTime(hour, 0), QTimeZone::utc()).toSecsSinceEpoch(); }

FakeServer::AuthCheck huggingFaceAuth()
{
    return [](const FakeRequest &req) {
        if (req.header("authorization") == "Bearer " + kToken)
            return FakeResponse{0, {}, {}};
        return FakeResponse::json(R"({"error":"Unauthorized"})", 401);
    };
}

// The stand-in answers the endpoint list of `fixture` as of `date`.
void serve(FakeServer &server, const QString &fixtureName, const QByteArray &date)
{
    const QByteArray body = fixture(QStringLiteral("huggingface/") + fixtureName);
    server.route("GET", kPath, [body, date](const FakeRequest &) {
        FakeResponse r = FakeResponse::json(body);
        r.headers.append({QByteArrayLiteral("Date"), date});
        return r;
    }, huggingFaceAuth());
}

Conn::AccountConfig hfAccount(const FakeServer &server)
{
    Conn::AccountConfig a = account(QStringLiteral("huggingface"), server, QStringLiteral("2"));
    a.options.insert(QStringLiteral("namespace"), QStringLiteral("acme"));
    return a;
}

std::vector<Conn::HuggingFaceEndpoint> endpoints(const QString &name)
{
    std::vector<Conn::HuggingFaceEndpoint> out;
    QString error;
    if (!Conn::parseHuggingFaceEndpoints(fixture(QStringLiteral("huggingface/") + name), out, &error))
        qFatal("fixture %s: %s", qPrintable(name), qPrintable(error));
    return out;
}

QString dec(const char *text) { return QString::fromLatin1(text); }

// The store's rows of hf_endpoint_state and their latest observation, as one comparable text.
QString observedStates(const QString &db)
{
    Cost::Store store;
    if (!store.open(db.toStdString()))
        qFatal("cannot open the store");
    return QStringLiteral("%1 rows, last seen %2")
        .arg(store.db().scalar("SELECT count(*) FROM hf_endpoint_state"))
        .arg(store.db().scalar("SELECT max(last_seen) FROM hf_endpoint_state"));
}

} // namespace

class TstHuggingFace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerTypes(); }
    void parsesEndpoints();
    void rejectsBrokenPayloads_data();
    void rejectsBrokenPayloads();
    void priceTable();
    void estimatesExactMinutesPerHour();
    void registeredForCliAndWizard();
    void testConnectionMessages();
    void syncStoresExactEstimate();
    void failuresKeepTheStore_data();
    void failuresKeepTheStore();
    void cancelStoresNothing();
    void totalsByProviderShowTheEstimate();
    void cliAddTestSync();
};

void TstHuggingFace::parsesEndpoints()
{
    const auto list = endpoints(QStringLiteral("endpoints-1.json"));
    QCOMPARE(list.size(), std::size_t(6));
    const Conn::HuggingFaceEndpoint &chat = list[0];
    QCOMPARE(chat.name, std::string("chat-a10g"));
    QCOMPARE(chat.repository, std::string("meta-llama/Llama-3.1-8B-Instruct"));
    QCOMPARE(chat.vendor, std::string("aws"));
    QCOMPARE(chat.region, std::string("us-east-1"));
    QCOMPARE(chat.instanceType, std::string("nvidia-a10g"));
    QCOMPARE(chat.instanceSize, std::string("x1"));
    QCOMPARE(chat.state, std::string("running"));
    QCOMPARE(chat.updatedAt, hourOf(8) + 30 * 60);
    QCOMPARE(chat.billedReplicas(), qint64(1));
    // Initializing with two replicas on their way: both are paid for.
    QCOMPARE(list[3].state, std::string("initializing"));
    QCOMPARE(list[3].billedReplicas(), qint64(2));
    // Paused, scaled to zero and failed endpoints cost nothing; absent counts and accelerator are empty.
    QCOMPARE(list[1].billedReplicas(), qint64(0));
    QCOMPARE(list[2].billedReplicas(), qint64(0));
    QCOMPARE(list[4].billedReplicas(), qint64(0));
    QCOMPARE(list[4].readyReplica, qint64(0));
    QVERIFY(list[4].accelerator.empty());
}

void TstHuggingFace::rejectsBrokenPayloads_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("where");
    const QByteArray good = R"({"name":"a","compute":{"instanceType":"nvidia-t4","instanceSize":"x1"},)"
                            R"("provider":{"vendor":"aws","region":"us-east-1"},)"
                            R"("status":{"state":"running","updatedAt":"2025-03-14T08:00:00Z","readyReplica":1}})";
    auto with = [&good](const char *from, const char *to) {
        QByteArray b = good;
        b.replace(from, to);
        return QByteArray("{\"items\":[") + good + "," + b + "]}";
    };
    QTest::newRow("not JSON") << QByteArray("<html>Bad gateway</html>") << QStringLiteral("malformed JSON");
    QTest::newRow("cut short") << QByteArray(R"({"items":[{"name":"a","sta)") << QStringLiteral("malformed JSON");
    QTest::newRow("items not an array") << QByteArray(R"({"items":{}})") << QStringLiteral("items");
    QTest::newRow("item not an object") << QByteArray(R"({"items":[3]})") << QStringLiteral("items[0]");
    QTest::newRow("no name") << with("\"name\":\"a\",", "") << QStringLiteral("items[1].name");
    QTest::newRow("no state") << with("\"state\":\"running\",", "") << QStringLiteral("items[1].status.state");
    QTest::newRow("status not an object") << with("\"status\":{", "\"status\":3,\"x\":{") << QStringLiteral("items[1].status");
    QTest::newRow("negative replicas") << with("\"readyReplica\":1", "\"readyReplica\":-1")
                                       << QStringLiteral("items[1].status.readyReplica");
    QTest::newRow("bad updatedAt") << with("2025-03-14T08:00:00Z", "yesterday") << QStringLiteral("items[1].status.updatedAt");
}

void TstHuggingFace::rejectsBrokenPayloads()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, where);
    std::vector<Conn::HuggingFaceEndpoint> out;
    QString error;
    QVERIFY(!Conn::parseHuggingFaceEndpoints(body, out, &error));
    QVERIFY2(error.contains(where), qPrintable(error));
    QVERIFY(out.empty());
}

void TstHuggingFace::priceTable()
{
    // As published (huggingface.co/docs/inference-endpoints/support/pricing).
    QCOMPARE(money(*Conn::huggingFaceHourlyPrice("aws", "intel-spr", "x1")), dec("0.033"));
    QCOMPARE(money(*Conn::huggingFaceHourlyPrice("aws", "nvidia-a10g", "x1")), dec("1.00"));
    QCOMPARE(money(*Conn::huggingFaceHourlyPrice("gcp", "nvidia-h100", "x8")), dec("80.00"));
    QVERIFY(!Conn::huggingFaceHourlyPrice("aws", "nvidia-b200", "x8"));
    QVERIFY(!Conn::huggingFaceHourlyPrice("azure", "nvidia-a10g", "x1")); // vendor matters
}

// Observed at 10:00 (fixture 1) and 13:20 (fixture 2); hand-computed per endpoint and hour:
//  chat-a10g  running since 08:30, paused at 11:10 ($1/h):  08h 30 min $0.50, 09h 60 $1.00,
//             10h 60 $1.00, 11h 10 min $0.1666666667 (10/60 rounded half up at 10^-10).
//  embed-cpu  paused, running since 12:05 ($0.067/h):   12h 55 min $0.0614166667, 13h 20 min $0.0223333333.
//  nightly-l4 scaled to zero, running since 13:00 ($0.8/h): 13h 20 min $0.2666666667.
//  big-t4     initializing since 09:45:30 (cut to 09:45) with 2 replicas, running from 10:20 with
//             2 ($3/h): 09h 15×2 = 30 replica-min $1.50, 10h (20+40)×2 = 120 $6.00, 11h 120 $6.00,
//             12h 120 $6.00, 13h 20×2 = 40 $2.00.
//  broken     failed: nothing.  mystery (aws nvidia-b200 x8, no price): 09h–12h 60 min, 13h 20, cost 0.
void TstHuggingFace::estimatesExactMinutesPerHour()
{
    std::vector<Conn::HuggingFaceStateRun> log;
    Conn::mergeHuggingFaceObservations(log, endpoints(QStringLiteral("endpoints-1.json")), kT1);
    QCOMPARE(log.size(), std::size_t(6));
    Conn::mergeHuggingFaceObservations(log, endpoints(QStringLiteral("endpoints-2.json")), kT2);
    QCOMPARE(log.size(), std::size_t(10)); // four endpoints changed state: a second run each

    const qint64 from = QDateTime(QDate(2025, 3, 13), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    Conn::FetchResult result;
    Conn::HuggingFaceEstimateNotes notes;
    Conn::appendHuggingFaceCharges(log, "acme", from, from + 2 * 86400, result, &notes);

    struct Want {
        const char *endpoint;
        int hour;
        int replicaMinutes;
        const char *cost;
    };
    const Want want[] = {
        {"big-t4", 9, 30, "1.50"},        {"big-t4", 10, 120, "6.00"},      {"big-t4", 11, 120, "6.00"},
        {"big-t4", 12, 120, "6.00"},      {"big-t4", 13, 40, "2.00"},       {"chat-a10g", 8, 30, "0.50"},
        {"chat-a10g", 9, 60, "1.00"},     {"chat-a10g", 10, 60, "1.00"},    {"chat-a10g", 11, 10, "0.1666666667"},
        {"embed-cpu", 12, 55, "0.0614166667"}, {"embed-cpu", 13, 20, "0.0223333333"},
        {"mystery", 9, 60, "0.00"},       {"mystery", 10, 60, "0.00"},      {"mystery", 11, 60, "0.00"},
        {"mystery", 12, 60, "0.00"},      {"mystery", 13, 20, "0.00"},      {"nightly-l4", 13, 20, "0.2666666667"},
    };
    std::map<std::pair<std::string, qint64>, std::pair<double, QString>> got;
    for (const Cost::Record &r : result.records()) {
        QCOMPARE(r.chargeEnd - r.chargeStart, qint64(3600));
        QCOMPARE(r.amount(Cost::Amount::Billed), r.amount(Cost::Amount::Effective));
        QCOMPARE(r.amount(Cost::Amount::Billed), r.amount(Cost::Amount::List));
        QCOMPARE(r.consumedQuantity, r.pricingQuantity);
        const auto key = std::make_pair(std::string(r.dim(Cost::Dim::ResourceName)), r.chargeStart);
        QVERIFY2(!got.count(key), "one record per endpoint and hour");
        got[key] = {r.consumedQuantity, money(r.amount(Cost::Amount::Billed))};
    }
    QCOMPARE(got.size(), std::size(want));
    for (const Want &w : want) {
        const auto it = got.find({std::string(w.endpoint), hourOf(w.hour)});
        QVERIFY2(it != got.end(), qPrintable(QStringLiteral("%1 at %2h").arg(QLatin1String(w.endpoint)).arg(w.hour)));
        QCOMPARE(it->second.first, w.replicaMinutes / 60.0);
        QCOMPARE(it->second.second, dec(w.cost));
    }
    QCOMPARE(fetchTotals(result).billed, dec("24.5170833334"));
    QCOMPARE(notes.unpriced, std::vector<std::string>{"aws nvidia-b200 x8 (endpoint \"mystery\")"});

    // The shape the hour-billed decoder reads (the shared contract), on chat-a10g at 08h.
    const auto chat = std::find_if(result.records().begin(), result.records().end(), [](const Cost::Record &r) {
        return r.dim(Cost::Dim::ResourceName) == "chat-a10g" && r.chargeStart == hourOf(8);
    });
    QVERIFY(chat != result.records().end());
    QCOMPARE(chat->dim(Cost::Dim::Provider), std::string_view("Hugging Face"));
    QCOMPARE(chat->dim(Cost::Dim::Service), std::string_view("Inference Endpoints"));
    QCOMPARE(chat->dim(Cost::Dim::ServiceCategory), std::string_view("AI and Machine Learning"));
    QCOMPARE(chat->dim(Cost::Dim::ChargeCategory), std::string_view("Usage"));
    QCOMPARE(chat->dim(Cost::Dim::ResourceId), std::string_view("acme/chat-a10g"));
    QCOMPARE(chat->dim(Cost::Dim::ResourceType), std::string_view("Inference Endpoint"));
    QCOMPARE(chat->dim(Cost::Dim::Region), std::string_view("us-east-1"));
    QCOMPARE(chat->dim(Cost::Dim::UsageType), std::string_view("hf-endpoint:aws:nvidia-a10g:x1"));
    QCOMPARE(chat->dim(Cost::Dim::ConsumedUnit), std::string_view("Hours"));
    QCOMPARE(chat->dim(Cost::Dim::PricingUnit), std::string_view("Hours"));
    QVERIFY(chat->dim(Cost::Dim::Model).empty());
    QCOMPARE(chat->dim(Cost::Dim::Tags),
             std::string_view(R"({"burnrate:estimated":"true","model":"meta-llama/Llama-3.1-8B-Instruct"})"));
    QCOMPARE(chat->dim(Cost::Dim::ChargeDescription), std::string_view("Estimated: aws nvidia-a10g x1 at $1.00/h"));

    // A window holds only its own hours: the day before has none, 14 March all of them.
    Conn::FetchResult before;
    Conn::appendHuggingFaceCharges(log, "acme", from, from + 86400, before);
    QVERIFY(before.empty());
}

void TstHuggingFace::registeredForCliAndWizard()
{
    const auto entry = Conn::ConnectorRegistry::find(QStringLiteral("huggingface"));
    QVERIFY(entry);
    QCOMPARE(entry->descriptor.displayName, QStringLiteral("Hugging Face"));
    QCOMPARE(entry->descriptor.defaultBaseUrl, QStringLiteral("https://api.endpoints.huggingface.cloud"));
    QVERIFY(entry->descriptor.needsSecret);
    QCOMPARE(entry->descriptor.credentials.size(), 2);
    QCOMPARE(entry->descriptor.credentials[0].key, QStringLiteral("namespace"));
    QVERIFY(!entry->descriptor.credentials[0].secret); // kept with the options
    QCOMPARE(entry->descriptor.credentials[1].key, QStringLiteral("token"));
    QVERIFY(entry->descriptor.credentials[1].secret); // the keychain only
    QVERIFY(entry->descriptor.helpUrl.contains(QLatin1String("huggingface.co/settings/tokens")));
}

void TstHuggingFace::testConnectionMessages()
{
    ConnectorBench<Conn::HuggingFaceConnector> bench;
    serve(bench.server, QStringLiteral("endpoints-1.json"), kFirstDate);
    Conn::AccountConfig config = hfAccount(bench.server);
    const Conn::TestResult ok = bench.test(config, QString::fromLatin1(kToken));
    QVERIFY2(ok.ok, qPrintable(ok.message));
    QVERIFY2(ok.message.contains(QLatin1String("6 endpoint")) && ok.message.contains(QLatin1String("acme")), qPrintable(ok.message));
    QCOMPARE(bench.server.requestsFor(kPath).size(), 1);
    QCOMPARE(bench.server.requestsFor(kPath).first().header("authorization"), QByteArray("Bearer ") + kToken);

    const Conn::TestResult wrong = bench.test(config, QStringLiteral("hf_wrongToken"));
    QCOMPARE(wrong.kind, Conn::ErrorKind::Unauthorized);
    QVERIFY2(wrong.message.contains(QLatin1String("401")) && wrong.message.contains(QLatin1String("huggingface.co/settings/tokens")),
             qPrintable(wrong.message));
    QVERIFY(!wrong.message.contains(QLatin1String("hf_wrongToken"))); // never echo the token

    const qsizetype before = bench.server.requests().size();
    config.options.remove(QStringLiteral("namespace"));
    const Conn::TestResult noNamespace = bench.test(config, QString::fromLatin1(kToken));
    QCOMPARE(noNamespace.kind, Conn::ErrorKind::Config);
    QVERIFY2(noNamespace.message.contains(QLatin1String("namespace")), qPrintable(noNamespace.message));
    QCOMPARE(bench.server.requests().size(), before);
}

void TstHuggingFace::syncStoresExactEstimate()
{
    SyncBench bench;
    const Conn::AccountConfig config = hfAccount(bench.server);
    serve(bench.server, QStringLiteral("endpoints-1.json"), kFirstDate);
    const Conn::SyncOutcome first = bench.sync(config, kToken);
    QVERIFY2(first.ok, qPrintable(first.error));
    // 10:00: chat-a10g 08:30–10:00 $1.50, big-t4 09:45–10:00 × 2 replicas $1.50, mystery unpriced.
    QCOMPARE(bench.billed(), dec("3.00"));
    QCOMPARE(first.rows, qint64(4));
    QCOMPARE(first.notices.size(), 1);
    QVERIFY2(first.notices.first().contains(QLatin1String("aws nvidia-b200 x8")), qPrintable(first.notices.first()));

    // 13:20, after the state changes: everything since, nothing twice.
    serve(bench.server, QStringLiteral("endpoints-2.json"), kSecondDate);
    const Conn::SyncOutcome second = bench.sync(config, kToken);
    QVERIFY2(second.ok, qPrintable(second.error));
    QCOMPARE(bench.billed(), dec("24.5170833334"));
    const std::pair<const char *, const char *> perEndpoint[] = {{"chat-a10g", "2.6666666667"}, {"embed-cpu", "0.08375"},
                                                                 {"nightly-l4", "0.2666666667"}, {"big-t4", "21.50"},
                                                                 {"broken", "0.00"},              {"mystery", "0.00"}};
    for (const auto &[endpoint, cost] : perEndpoint)
        QCOMPARE(bench.billed({{"resource", endpoint}}), money(*Cost::parseBigMoney(cost)));
    QCOMPARE(bench.billed({{"provider", "Hugging Face"}}), dec("24.5170833334"));

    // The same answer again (a re-sync of the same window): the window is restated, not added.
    const Conn::SyncOutcome again = bench.sync(config, kToken);
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(bench.billed(), dec("24.5170833334"));
    QCOMPARE(observedStates(bench.db), QStringLiteral("10 rows, last seen %1").arg(kT2));
}

void TstHuggingFace::failuresKeepTheStore_data()
{
    QTest::addColumn<int>("fault"); // -1: the token is refused
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("says");
    QTest::newRow("401") << -1 << int(Conn::ErrorKind::Unauthorized) << QStringLiteral("huggingface.co/settings/tokens");
    QTest::newRow("500") << int(Fault::ServerError) << int(Conn::ErrorKind::Server) << QStringLiteral("500");
    QTest::newRow("truncated body") << int(Fault::Truncate) << int(Conn::ErrorKind::Network) << QStringLiteral("Stored");
}

void TstHuggingFace::failuresKeepTheStore()
{
    QFETCH(int, fault);
    QFETCH(int, kind);
    QFETCH(QString, says);
    SyncBench bench;
    const Conn::AccountConfig config = hfAccount(bench.server);
    serve(bench.server, QStringLiteral("endpoints-1.json"), kFirstDate);
    QVERIFY(bench.sync(config, kToken).ok);
    const QString billed = bench.billed();
    const QString states = observedStates(bench.db);

    // The next answer would change the estimate, but it does not arrive whole.
    serve(bench.server, QStringLiteral("endpoints-2.json"), kSecondDate);
    if (fault >= 0)
        bench.server.setFaultRule([fault](const FakeRequest &) { return fault; });
    const Conn::SyncOutcome failed = bench.sync(config, fault < 0 ? QByteArray("hf_revokedToken") : kToken);
    QVERIFY(!failed.ok);
    QCOMPARE(int(failed.kind), kind);
    QVERIFY2(failed.error.contains(says), qPrintable(failed.error));
    QVERIFY2(failed.error.contains(QLatin1String("Stored")), qPrintable(failed.error)); // what was kept
    QVERIFY(!failed.error.contains(QLatin1String("hf_revokedToken")));
    QCOMPARE(bench.billed(), billed);
    QCOMPARE(observedStates(bench.db), states);

    // Once the API answers again, the estimate catches up exactly.
    bench.server.setFaultRule({});
    QVERIFY(bench.sync(config, kToken).ok);
    QCOMPARE(bench.billed(), dec("24.5170833334"));
}

// Cancelled while the endpoint list is on its way: neither charges nor observed states change.
void TstHuggingFace::cancelStoresNothing()
{
    SyncBench bench;
    const Conn::AccountConfig config = hfAccount(bench.server);
    serve(bench.server, QStringLiteral("endpoints-1.json"), kFirstDate);
    QVERIFY(bench.sync(config, kToken).ok);
    const QString billed = bench.billed();
    const QString states = observedStates(bench.db);

    Conn::AccountConfig stored;
    {
        Cost::Store store;
        QVERIFY(store.open(bench.db.toStdString()));
        const auto found = Conn::AccountStore(store.db()).byName(config.name);
        QVERIFY(found);
        stored = *found;
    }
    serve(bench.server, QStringLiteral("endpoints-2.json"), kSecondDate);
    bench.server.setSlowDelayMs(4000);
    bench.server.injectFault(Fault::Slow, 1);
    const qsizetype before = bench.server.requestsFor(kPath).size();
    Conn::RetryPolicy patient = fastPolicy();
    patient.timeoutMs = 10000;
    Conn::SyncWorker worker(bench.db, patient, kToday, {Conn::SyncJob{stored, QString::fromLatin1(kToken), QString()}});
    QSignalSpy finished(&worker, &Conn::SyncWorker::accountFinished);
    QSignalSpy all(&worker, &Conn::SyncWorker::allFinished);
    worker.run();
    QTRY_VERIFY_WITH_TIMEOUT(bench.server.requestsFor(kPath).size() > before, 10000); // the list is on its way
    worker.cancelCurrent();
    QTRY_VERIFY_WITH_TIMEOUT(!all.isEmpty(), 10000);
    QCOMPARE(finished.size(), 1);
    const auto outcome = finished.first().first().value<Conn::SyncOutcome>();
    QVERIFY(outcome.cancelled);
    QCOMPARE(outcome.windows, 0);
    QCOMPARE(bench.billed(), billed);
    QCOMPARE(observedStates(bench.db), states);
}

void TstHuggingFace::totalsByProviderShowTheEstimate()
{
    SyncBench bench;
    const Conn::AccountConfig config = hfAccount(bench.server);
    serve(bench.server, QStringLiteral("endpoints-1.json"), kFirstDate);
    QVERIFY(bench.sync(config, kToken).ok);
    serve(bench.server, QStringLiteral("endpoints-2.json"), kSecondDate);
    QVERIFY(bench.sync(config, kToken).ok);

    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), bench.dir.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), bench.dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), bench.dir.filePath(QStringLiteral("data")));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(BURNRATE_BINARY), {QStringLiteral("--db"), bench.db, QStringLiteral("totals"), QStringLiteral("--by"),
                                              QStringLiteral("provider"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QJsonArray rows = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.first().toObject();
    QCOMPARE(row.value(QStringLiteral("provider")).toString(), QStringLiteral("Hugging Face"));
    QCOMPARE(row.value(QStringLiteral("billed")).toString(), dec("24.5170833334"));
}

// `burnrate accounts add --provider huggingface` (token on standard input), `accounts test`,
// `sync`: as of now, one endpoint running for two hours on an a10g ($2.00) and one on an instance
// without a price, which the sync names.
void TstHuggingFace::cliAddTestSync()
{
    QString why;
    if (!CloudTest::keychainAvailable(&why))
        QSKIP(qPrintable(why));
    QDateTime now = QDateTime::currentDateTimeUtc();
    now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
    const QByteArray since = now.addSecs(-7200).toString(Qt::ISODate).toLatin1();
    const QByteArray body = R"({"items":[{"name":"chat","model":{"repository":"m/chat"},)"
                            R"("compute":{"instanceType":"nvidia-a10g","instanceSize":"x1"},"provider":{"vendor":"aws","region":"us-east-1"},)"
                            R"("status":{"state":"running","updatedAt":")" + since + R"(","readyReplica":1,"targetReplica":1}},)"
                            R"({"name":"mystery","compute":{"instanceType":"nvidia-b200","instanceSize":"x8"},"provider":{"vendor":"aws"},)"
                            R"("status":{"state":"running","updatedAt":")" + since + R"(","readyReplica":1}}]})";
    const QByteArray date = QLocale::c().toString(now, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
    SyncBench bench;
    bench.server.route("GET", kPath, [body, date](const FakeRequest &) {
        FakeResponse r = FakeResponse::json(body);
        r.headers.append({QByteArrayLiteral("Date"), date});
        return r;
    }, huggingFaceAuth());

    struct Run {
        int code = -1;
        QString out, err;
    };
    auto burnrate = [&](const QStringList &args, const QByteArray &input = {}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), bench.dir.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), bench.dir.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(BURNRATE_BINARY), QStringList{QStringLiteral("--db"), bench.db} + args);
        Run r;
        if (!p.waitForStarted())
            return r;
        p.write(input);
        p.closeWriteChannel();
        // The fake server lives on this thread: keep its events turning until the child exits.
        (void)QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 60000);
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    };
    const Run add = burnrate({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"), QStringLiteral("huggingface"),
                              QStringLiteral("--name"), QStringLiteral("hf"), QStringLiteral("--base-url"), bench.server.baseUrl(),
                              QStringLiteral("--option"), QStringLiteral("namespace=acme")},
                             kToken + '\n');
    QVERIFY2(add.code == 0, qPrintable(add.err));
    const Run test = burnrate({QStringLiteral("accounts"), QStringLiteral("test"), QStringLiteral("hf")});
    QVERIFY2(test.code == 0 && test.out.contains(QLatin1String("Connected to Hugging Face")), qPrintable(test.out + test.err));
    const Run sync = burnrate({QStringLiteral("sync"), QStringLiteral("--account"), QStringLiteral("hf")});
    QVERIFY2(sync.code == 0, qPrintable(sync.err));
    QVERIFY2(sync.out.contains(QLatin1String("note: No hourly price is known for aws nvidia-b200 x8")), qPrintable(sync.out));
    QCOMPARE(bench.billed({{"provider", "Hugging Face"}}), dec("2.00"));
    // The token went to the keychain, never into the store.
    QFile store(bench.db);
    QVERIFY(store.open(QIODevice::ReadOnly));
    QVERIFY(!store.readAll().contains(kToken));
    const Run remove = burnrate({QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("hf"), QStringLiteral("--delete-data")});
    QCOMPARE(remove.code, 0);
}

QTEST_GUILESS_MAIN(TstHuggingFace)
#include "tst_huggingface.moc"
