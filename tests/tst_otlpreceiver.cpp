// The OTLP/HTTP receiver (connectors/otlp): answers by the OTLP rules and stores each request's
// model calls before it answers; and end to end, the real OpenTelemetry JS SDK exporter (protobuf,
// gzip or not, keep-alive) sends to `burnrate telemetry serve`, which stores exactly what was sent
// and stops cleanly on SIGTERM; a FOCUS bill of the same day is then split by those spans.
#include "testsupport.h"

#include "otlptestdata.h"
#include "otlp/otlpprotobuf.h"
#include "otlp/otlpreceiver.h"
#include "store/store.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

#include <csignal>

namespace {

struct Reply {
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;
};

QByteArray gzip(const QByteArray &data)
{
    z_stream z{};
    deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(static_cast<qsizetype>(deflateBound(&z, static_cast<uLong>(data.size()))), '\0');
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(static_cast<qsizetype>(z.total_out));
    deflateEnd(&z);
    return out;
}


} // namespace

class TestOtlpReceiver : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QNetworkAccessManager m_net;

    Reply post(quint16 port, const QByteArray &body, const QByteArray &type, const QByteArray &encoding = {},
               const QByteArray &token = {})
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/traces").arg(port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, type);
        if (!encoding.isEmpty())
            request.setRawHeader("Content-Encoding", encoding);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply *reply = m_net.post(request, body);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Reply r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(), reply->rawHeader("Retry-After")};
        reply->deleteLater();
        return r;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // A body the real SDK exporter sent (captured): the generated classes read the upstream
    // field numbers, so counts, ids, times and attributes come out as sent.
    void parsesTheSdkProtobuf()
    {
        QFile f(TestSupport::dataPath(QStringLiteral("telemetry/otlp-sdk-request.pb")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray body = f.readAll();
        std::vector<Telemetry::Usage> usage;
        Telemetry::OtlpSummary summary;
        std::string error;
        QVERIFY2(Otlp::parseOtlpProtobuf(std::string_view(body.constData(), static_cast<std::size_t>(body.size())), {}, usage,
                                         summary, error),
                 error.c_str());
        QCOMPARE(summary.spans, 4);
        QCOMPARE(usage.size(), std::size_t(4));
        std::int64_t input = 0, output = 0;
        for (const auto &u : usage) {
            input += u.inputTokens;
            output += u.outputTokens;
            QCOMPARE(u.provider, std::string("openai"));
            QCOMPARE(u.team, std::string("cx"));
            QCOMPARE(u.latencyMs, 800);
            QCOMPARE(u.id.size(), std::size_t(32 + 1 + 16)); // hex trace id : hex span id
        }
        QCOMPARE(input, 800000);
        QCOMPARE(output, 300000);
        QCOMPARE(usage[0].feature, std::string("chat"));
        QCOMPARE(usage[0].model, std::string("gpt-4o-2024-08-06"));
        QCOMPARE(usage[0].startSeconds, TestSupport::day("2026-03-01") * 86400 + 3600);
        QCOMPARE(usage[2].feature, std::string("search"));
        // Truncated, it is refused as a whole.
        usage.clear();
        QVERIFY(!Otlp::parseOtlpProtobuf(std::string_view(body.constData(), static_cast<std::size_t>(body.size() - 7)), {}, usage,
                                         summary, error));
        QVERIFY(usage.empty());
    }

    void answersByTheOtlpRules()
    {
        Cost::Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("rules.sqlite")).toStdString()));
        Otlp::Receiver::Options options;
        options.port = 0;
        options.bearerToken = "s3cret-token";
        options.maxBodyBytes = 4096;
        Otlp::Receiver receiver(store.db(), options);
        std::string error;
        QVERIFY2(receiver.listen(error), error.c_str());
        const quint16 port = receiver.port();
        const auto input = [&] { return store.db().scalar("SELECT coalesce(sum(input), 0) FROM telemetry_usage"); };

        Reply r = post(port, TestSupport::otlpSpanJson("eee19b7ec3c1b174", 1000), "application/json", {}, "s3cret-token");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{}"));
        QCOMPARE(input(), 1000); // stored before the answer

        // The exporter retries what it saw no answer to: the same span counts once.
        r = post(port, gzip(TestSupport::otlpSpanJson("eee19b7ec3c1b174", 1000)), "application/json", "gzip", "s3cret-token");
        QCOMPARE(r.status, 200);
        QCOMPARE(input(), 1000);
        QCOMPARE(receiver.stats().duplicates, 1);
        r = post(port, gzip(TestSupport::otlpSpanJson("0102030405060708", 500)), "application/json", "gzip", "s3cret-token");
        QCOMPARE(r.status, 200);
        QCOMPARE(input(), 1500);

        r = post(port, TestSupport::otlpSpanJson("a1a2a3a4a5a6a7a8", 7), "application/json", {}, "wrong");
        QCOMPARE(r.status, 401);
        r = post(port, TestSupport::otlpSpanJson("a1a2a3a4a5a6a7a8", 7), "application/json");
        QCOMPARE(r.status, 401);
        r = post(port, TestSupport::otlpSpanJson("a1a2a3a4a5a6a7a8", 7), "text/plain", {}, "s3cret-token");
        QCOMPARE(r.status, 415);
        r = post(port, "{\"resourceSpans\": 5}", "application/json", {}, "s3cret-token");
        QCOMPARE(r.status, 400);
        QVERIFY2(r.body.contains("resourceSpans: expected an array"), r.body.constData());
        r = post(port, QByteArray(5000, ' '), "application/json", {}, "s3cret-token");
        QCOMPARE(r.status, 413);
        r = post(port, gzip(QByteArray(5000, ' ')), "application/json", "gzip", "s3cret-token"); // a small zip bomb
        QCOMPARE(r.status, 413);
        r = post(port, "\x0a\x05garbage", "application/x-protobuf", {}, "s3cret-token");
        QCOMPARE(r.status, 400);
        QCOMPARE(input(), 1500); // nothing refused was stored
        QCOMPARE(receiver.stats().refused, 7);
    }

    void busyStoreAsksToRetry()
    {
        const std::string path = m_dir.filePath(QStringLiteral("busy.sqlite")).toStdString();
        Cost::Store store, other;
        QVERIFY(store.open(path));
        QVERIFY(other.open(path));
        std::atomic_bool giveUp{true}; // no waiting: answer at once
        store.db().setBusyWait(&giveUp, {});
        Otlp::Receiver::Options options;
        options.port = 0;
        Otlp::Receiver receiver(store.db(), options);
        std::string error;
        QVERIFY(receiver.listen(error));
        QVERIFY(other.db().exec("BEGIN IMMEDIATE")); // another process writing
        const Reply r = post(receiver.port(), TestSupport::otlpSpanJson("eee19b7ec3c1b174", 1000), "application/json");
        QCOMPARE(r.status, 503);
        QCOMPARE(r.retryAfter, QByteArray("1"));
        QVERIFY(other.db().exec("COMMIT"));
        QCOMPARE(post(receiver.port(), TestSupport::otlpSpanJson("eee19b7ec3c1b174", 1000), "application/json").status, 200);
        QCOMPARE(store.db().scalar("SELECT sum(input) FROM telemetry_usage"), 1000);
    }

    // Requests queued on other connections while the receiver works: past the allowed wait it answers
    // 429 with Retry-After and stores nothing of that request; what it acknowledged is stored, and
    // the refused ones sent again after the pause are stored exactly once.
    void fallsBehindAsksToBackOff()
    {
        Cost::Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("behind.sqlite")).toStdString()));
        Otlp::Receiver::Options options;
        options.port = 0;
        options.maxQueueWaitMs = 0; // any request waiting behind another is too long a wait
        Otlp::Receiver receiver(store.db(), options);
        std::string error;
        QVERIFY2(receiver.listen(error), error.c_str());
        const auto request = [](const QByteArray &body) {
            return "POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        };
        const std::array<const char *, 4> spans{"1111111111111111", "2222222222222222", "3333333333333333", "4444444444444444"};
        std::array<std::unique_ptr<QTcpSocket>, 4> sockets;
        for (auto &socket : sockets) {
            socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, receiver.port());
            QVERIFY(socket->waitForConnected(5000));
        }
        QTest::qWait(100); // the receiver accepts the four connections; none has sent anything yet
        // All four requests are in the receiver's sockets before it handles the first.
        for (std::size_t i = 0; i < sockets.size(); ++i) {
            sockets[i]->write(request(TestSupport::otlpSpanJson(spans[i], 100 * static_cast<int>(i + 1))));
            QVERIFY(sockets[i]->waitForBytesWritten(5000));
        }
        std::vector<std::size_t> refused;
        int acknowledged = 0;
        for (std::size_t i = 0; i < sockets.size(); ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(sockets[i]->bytesAvailable() > 0 && sockets[i]->peek(4096).contains("\r\n\r\n"), 10000);
            const QByteArray answer = sockets[i]->readAll();
            const int status = answer.mid(9, 3).toInt();
            if (status == 429) {
                QVERIFY2(answer.contains("\r\nRetry-After: 1\r\n") || answer.contains("\r\nretry-after: 1\r\n"), answer.constData());
                refused.push_back(i);
            } else {
                QCOMPARE(status, 200);
                acknowledged = 100 * static_cast<int>(i + 1);
            }
        }
        // The first three handled each had requests waiting behind them; the last had none.
        QCOMPARE(refused.size(), std::size_t(3));
        QCOMPARE(receiver.stats().behind, 3);
        const auto input = [&] { return store.db().scalar("SELECT coalesce(sum(input), 0) FROM telemetry_usage"); };
        QCOMPARE(input(), acknowledged); // only the acknowledged request's span
        // Sent again one at a time (as an exporter would after Retry-After): all stored, once.
        for (const std::size_t i : refused)
            QCOMPARE(post(receiver.port(), TestSupport::otlpSpanJson(spans[i], 100 * static_cast<int>(i + 1)), "application/json").status, 200);
        QCOMPARE(input(), 1000);
        QCOMPARE(receiver.stats().duplicates, 0);
    }

    // Bounded memory: a connection over the limit is answered 503 with Retry-After and closed before
    // its request is read; the ones within the limit are served.
    void connectionsOverTheLimitAreTurnedAway()
    {
        Cost::Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("limit.sqlite")).toStdString()));
        Otlp::Receiver::Options options;
        options.port = 0;
        options.maxConnections = 2;
        Otlp::Receiver receiver(store.db(), options);
        std::string error;
        QVERIFY2(receiver.listen(error), error.c_str());
        std::array<std::unique_ptr<QTcpSocket>, 3> sockets;
        for (auto &socket : sockets) {
            socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, receiver.port());
            QVERIFY(socket->waitForConnected(5000));
            QTest::qWait(50); // accepted in this order
        }
        QTRY_COMPARE_WITH_TIMEOUT(receiver.stats().turnedAway, 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(sockets[2]->bytesAvailable() > 0 || sockets[2]->state() != QAbstractSocket::ConnectedState, 5000);
        const QByteArray answer = sockets[2]->readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 503 ") && answer.contains("Retry-After: 1"), answer.constData());
        const QByteArray body = TestSupport::otlpSpanJson("5555555555555555", 700);
        for (int i = 0; i < 2; ++i) {
            sockets[i]->write("POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                              + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            QVERIFY(sockets[i]->waitForBytesWritten(5000));
            QTRY_VERIFY_WITH_TIMEOUT(sockets[i]->peek(4096).contains("\r\n\r\n"), 10000);
            QVERIFY(sockets[i]->readAll().startsWith("HTTP/1.1 200 "));
        }
        QCOMPARE(store.db().scalar("SELECT coalesce(sum(input), 0) FROM telemetry_usage"), 700);
        QCOMPARE(receiver.stats().duplicates, 1);
    }

    // The real OpenTelemetry JS SDK (tests/e2e/otel-js, installed by packaging/dev.sh test).
    void realSdkExporterEndToEnd_data()
    {
        QTest::addColumn<bool>("gzip");
        QTest::newRow("protobuf") << false;
        QTest::newRow("protobuf, gzip") << true;
    }

    void realSdkExporterEndToEnd()
    {
        QFETCH(bool, gzip);
        const QString sdk = qEnvironmentVariable("BURNRATE_OTEL_JS");
        if (sdk.isEmpty())
            QSKIP("BURNRATE_OTEL_JS is not set: run through packaging/dev.sh test, which installs the SDK");
        QVERIFY2(QFile::exists(sdk + QStringLiteral("/node_modules/@opentelemetry/exporter-trace-otlp-proto")), qPrintable(sdk));
        const QString db = m_dir.filePath(gzip ? QStringLiteral("e2e-gzip.sqlite") : QStringLiteral("e2e.sqlite"));
        QProcess server;
        server.start(QStringLiteral(BURNRATE_BINARY),
                     {QStringLiteral("--db"), db, QStringLiteral("telemetry"), QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(server.waitForStarted());
        QString banner;
        QTRY_VERIFY_WITH_TIMEOUT((banner += QString::fromUtf8(server.readAllStandardOutput())).contains(QStringLiteral("/v1/traces")), 30000);
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("(http://[0-9.:]+/v1/traces)")).match(banner);
        QVERIFY2(m.hasMatch(), qPrintable(banner));

        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REPEAT"), QStringLiteral("25")); // 100 spans, batches of 50
        if (gzip)
            env.insert(QStringLiteral("GZIP"), QStringLiteral("1"));
        node.setProcessEnvironment(env);
        node.setWorkingDirectory(sdk);
        node.start(QStringLiteral("node"), {sdk + QStringLiteral("/send.js"), m.captured(1)});
        QVERIFY2(node.waitForFinished(60000), "node did not finish");
        QVERIFY2(node.exitCode() == 0, node.readAllStandardError().constData());

        ::kill(static_cast<pid_t>(server.processId()), SIGTERM);
        QVERIFY(server.waitForFinished(30000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        const QString out = banner + QString::fromUtf8(server.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("100 model calls stored")), qPrintable(out));

        Cost::Store store;
        QVERIFY(store.open(db.toStdString()));
        auto &d = store.db();
        // 25 rounds of chat 300k+100k and search 200k+200k input; 100k+50k and 50k+100k output.
        QCOMPARE(d.scalar("SELECT sum(input) FROM telemetry_usage WHERE feature = 'chat'"), 25 * 400000);
        QCOMPARE(d.scalar("SELECT sum(input) FROM telemetry_usage WHERE feature = 'search'"), 25 * 400000);
        QCOMPARE(d.scalar("SELECT sum(output) FROM telemetry_usage"), 25 * 300000);
        QCOMPARE(d.scalar("SELECT sum(requests) FROM telemetry_usage"), 100);
        QCOMPARE(d.scalar("SELECT count(DISTINCT model) FROM telemetry_usage"), 1); // gpt-4o, canonical
        QCOMPARE(d.scalar("SELECT count(*) FROM telemetry_usage WHERE team <> 'cx'"), 0); // service.namespace

        // The bill of the same day, imported after the spans: `totals --by feature` splits it by them.
        const QString bill = m_dir.filePath(gzip ? QStringLiteral("e2e-gzip-bill.csv") : QStringLiteral("e2e-bill.csv"));
        {
            QFile f(bill);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(TestSupport::focusTokenCsv({{"2026-03-01", "OpenAI", "gpt-4o-2024-08-06", "Input", "10.00", "25000000", ""},
                                                {"2026-03-01", "OpenAI", "gpt-4o-2024-08-06", "Output", "6.00", "10000000", ""}}));
        }
        QString cli, err;
        QVERIFY2(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("import"), bill}, &cli, &err) == 0, qPrintable(err));
        QVERIFY2(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("feature")},
                                          &cli, &err)
                     == 0,
                 qPrintable(err));
        // Input: 10M chat and 10M search tokens of 25M billed → 40 % each of $10.00, 20 % untracked.
        // Output: 3.75M each of 10M billed → 37.5 % each of $6.00, 25 % untracked.
        QCOMPARE(cli, QStringLiteral("feature,billed,rows\nchat,6.25,2\nsearch,6.25,2\n(untracked),3.50,2\n"));
        QVERIFY2(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("team")},
                                          &cli, &err)
                     == 0,
                 qPrintable(err));
        QCOMPARE(cli, QStringLiteral("team,billed,rows\ncx,12.50,4\n,3.50,2\n"));
        QVERIFY2(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("provider")},
                                          &cli, &err)
                     == 0,
                 qPrintable(err));
        QCOMPARE(cli, QStringLiteral("provider,billed,rows\nOpenAI,16.00,2\n"));
    }
};

QTEST_GUILESS_MAIN(TestOtlpReceiver)
#include "tst_otlpreceiver.moc"
