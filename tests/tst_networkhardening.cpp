// Hostile or broken servers (issue #15): bodies capped with a clear error, server delays clamped
// (a "Retry-After: 1e300" is not undefined behaviour), an HttpClient destroyed mid-request calls
// nobody back, numbers read the same in every locale, and server texts stored without secrets;
// HTTP errors name the URL without its query and end retries in a sentence (issue #20).
#include "fakeserver.h"

#include "domain/numtext.h"
#include "failuretext.h"
#include "httpclient.h"
#include "redact.h"
#include "secretbinding.h"
#include "webhooksender.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <QSignalSpy>
#include <QTest>

#include <clocale>
#include <memory>

using TestSupport::FakeResponse;
using TestSupport::FakeServer;

class TestNetworkHardening : public QObject {
    Q_OBJECT

    static Conn::HttpResponse fetch(Conn::HttpClient &http, const QString &url)
    {
        Conn::HttpResponse got;
        bool called = false;
        Conn::HttpRequest req;
        req.url = QUrl(url);
        http.send(req, [&](const Conn::HttpResponse &r) {
            got = r;
            called = true;
        });
        if (!QTest::qWaitFor([&] { return called; }, 20000))
            got.error = QStringLiteral("no answer");
        return got;
    }

private Q_SLOTS:
    // The hosts a secret is bound to: the base URL's, Azure's sign-in host, a GCP key's token_uri
    // host; a change of any of them is refused with a message naming both hosts.
    void secretsAreBoundToTheirHosts()
    {
        Conn::AccountConfig openai;
        openai.name = QStringLiteral("prod");
        openai.provider = QStringLiteral("openai");
        QCOMPARE(Conn::secretHosts(openai, QStringLiteral("sk-admin-x")), QStringList{QStringLiteral("api.openai.com")});
        const Conn::BoundSecret bound = Conn::unbindSecret(Conn::bindSecret(QStringLiteral("sk-admin-x"), {QStringLiteral("api.openai.com")}));
        QCOMPARE(bound.secret, QStringLiteral("sk-admin-x"));
        QVERIFY(Conn::checkSecretHosts(openai, bound).isEmpty());
        openai.baseUrl = QStringLiteral("https://EVIL.example/v1");
        QCOMPARE(Conn::checkSecretHosts(openai, bound),
                 QStringLiteral("The secret for account prod was entered for api.openai.com; the account now points to "
                                "evil.example. Enter the secret again for the new host."));
        // A secret stored before binding existed (or a packed one) reads back as unbound.
        const QString packed = Conn::packSecret({{QStringLiteral("client_secret"), QStringLiteral("s")}});
        QCOMPARE(Conn::unbindSecret(packed).secret, packed);
        QVERIFY(Conn::unbindSecret(packed).hosts.isEmpty());

        Conn::AccountConfig azure;
        azure.name = QStringLiteral("az");
        azure.provider = QStringLiteral("azure");
        QCOMPARE(Conn::secretHosts(azure, packed),
                 (QStringList{QStringLiteral("management.azure.com"), QStringLiteral("login.microsoftonline.com")}));
        const Conn::BoundSecret azureBound{packed, Conn::secretHosts(azure, packed)};
        azure.options.insert(QStringLiteral("login_url"), QStringLiteral("https://login.evil.example"));
        QVERIFY(Conn::checkSecretHosts(azure, azureBound).contains(QStringLiteral("now points to login.evil.example")));

        Conn::AccountConfig gcp;
        gcp.name = QStringLiteral("g");
        gcp.provider = QStringLiteral("gcp");
        auto key = [](const QString &tokenUri) {
            return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("service_account")},
                                                               {QStringLiteral("client_email"), QStringLiteral("a@b.iam")},
                                                               {QStringLiteral("private_key"), QStringLiteral("-----BEGIN PRIVATE KEY-----")},
                                                               {QStringLiteral("token_uri"), tokenUri}})
                                         .toJson());
        };
        const QString good = key(QStringLiteral("https://oauth2.googleapis.com/token"));
        QCOMPARE(Conn::secretHosts(gcp, good),
                 (QStringList{QStringLiteral("bigquery.googleapis.com"), QStringLiteral("oauth2.googleapis.com")}));
        // The same account with a key whose token_uri points elsewhere: the assertion would go there.
        const Conn::BoundSecret gcpBound{key(QStringLiteral("https://token.evil.example/token")), Conn::secretHosts(gcp, good)};
        QVERIFY(Conn::checkSecretHosts(gcp, gcpBound).contains(QStringLiteral("now points to token.evil.example")));
    }

    void oversizedBodyIsStoppedWithAClearError()
    {
        FakeServer server;
        QVERIFY(server.start());
        server.route("GET", QStringLiteral("/big"), [](const auto &) {
            return FakeResponse::json("[\"" + QByteArray(3 << 20, 'x') + "\"]");
        });
        Conn::HttpClient http;
        Conn::RetryPolicy policy;
        policy.maxBodyBytes = 1 << 20;
        policy.baseDelayMs = 1;
        http.setPolicy(policy);
        const auto r = fetch(http, server.baseUrl() + QStringLiteral("/big"));
        QVERIFY(!r.ok);
        QCOMPARE(r.errorKind, Conn::ErrorKind::BadResponse);
        QVERIFY2(r.error.contains(QStringLiteral("larger than 1 MiB")), qPrintable(r.error));
        QCOMPARE(r.attempts, 1); // not retried: the next answer would be as large
        QVERIFY(r.body.isEmpty());
    }

    // A body that stops short of its Content-Length is an error, whatever Qt reports: a CI run saw
    // a cut-short S3 object arrive as a success and get imported.
    void bodyShortOfItsLengthIsCounted_data()
    {
        QTest::addColumn<QByteArray>("length");
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<int>("status");
        QTest::addColumn<qint64>("missing");
        QTest::newRow("whole") << QByteArray("40") << QByteArray() << QByteArray("GET") << 200 << qint64(0);
        QTest::newRow("cut short") << QByteArray(" 100 ") << QByteArray() << QByteArray("GET") << 200 << qint64(60);
        QTest::newRow("identity") << QByteArray("100") << QByteArray("identity") << QByteArray("POST") << 200 << qint64(60);
        QTest::newRow("gzip (length of the compressed bytes)") << QByteArray("100") << QByteArray("gzip") << QByteArray("GET")
                                                               << 200 << qint64(0);
        QTest::newRow("no length") << QByteArray() << QByteArray() << QByteArray("GET") << 200 << qint64(0);
        QTest::newRow("not a number") << QByteArray("lots") << QByteArray() << QByteArray("GET") << 200 << qint64(0);
        QTest::newRow("HEAD") << QByteArray("100") << QByteArray() << QByteArray("HEAD") << 200 << qint64(0);
        QTest::newRow("304") << QByteArray("100") << QByteArray() << QByteArray("GET") << 304 << qint64(0);
    }
    void bodyShortOfItsLengthIsCounted()
    {
        QFETCH(QByteArray, length);
        QFETCH(QByteArray, encoding);
        QFETCH(QByteArray, method);
        QFETCH(int, status);
        QFETCH(qint64, missing);
        QHash<QByteArray, QByteArray> headers;
        if (!length.isEmpty())
            headers.insert("content-length", length);
        if (!encoding.isEmpty())
            headers.insert("content-encoding", encoding);
        QCOMPARE(Conn::HttpClient::missingBytes(headers, method, status, 40), missing);
    }

    // A compressed answer Qt unpacks is whole, even when unpacked it is shorter than the
    // Content-Length of its compressed bytes (a tiny JSON body deflated grows).
    void compressedAnswersAreWhole()
    {
        FakeServer server;
        QVERIFY(server.start());
        const QByteArray plain = "{}";
        const QByteArray packed = qCompress(plain).mid(4); // a zlib stream: Content-Encoding deflate
        QVERIFY(packed.size() > plain.size());
        server.route("GET", QStringLiteral("/small"), [packed](const auto &) {
            return FakeResponse{200, packed, {{"Content-Type", "application/json"}, {"Content-Encoding", "deflate"}}};
        });
        Conn::HttpClient http;
        const auto r = fetch(http, server.baseUrl() + QStringLiteral("/small"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.body, plain);
    }

    // Many cut-short answers in a row: every one an error, none a success with half a body.
    void cutShortAnswersAreNeverASuccess()
    {
        FakeServer server;
        QVERIFY(server.start());
        server.route("GET", QStringLiteral("/object"), [](const auto &) {
            return FakeResponse{200, QByteArray(64 << 10, 'x'), {{"Content-Type", "text/csv"}}};
        });
        server.injectFault(TestSupport::Fault::Truncate, 40);
        Conn::HttpClient http;
        Conn::RetryPolicy policy;
        policy.maxAttempts = 1;
        http.setPolicy(policy);
        for (int i = 0; i < 40; ++i) {
            Conn::HttpRequest req;
            req.url = QUrl(server.baseUrl() + QStringLiteral("/object"));
            req.expectJson = false;
            Conn::HttpResponse got;
            bool called = false;
            http.send(req, [&](const Conn::HttpResponse &r) {
                got = r;
                called = true;
            });
            QVERIFY(QTest::qWaitFor([&] { return called; }, 20000));
            QVERIFY2(!got.ok, qPrintable(QStringLiteral("request %1 took %2 bytes as a whole answer").arg(i).arg(got.body.size())));
            QCOMPARE(got.errorKind, Conn::ErrorKind::Network);
        }
    }

    void absurdServerDelaysAreClamped_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("Retry-After 1e300") << QByteArray("Retry-After") << QByteArray("1e300");
        QTest::newRow("Retry-After -5") << QByteArray("Retry-After") << QByteArray("-5");
        QTest::newRow("Retry-After nan") << QByteArray("Retry-After") << QByteArray("nan");
        QTest::newRow("retry-after-ms 1e308") << QByteArray("retry-after-ms") << QByteArray("1e308");
        QTest::newRow("x-ms throttling inf") << QByteArray("x-ms-ratelimit-microsoft.costmanagement-qpu-retry-after")
                                              << QByteArray("inf");
        QTest::newRow("reset 99999999999999h") << QByteArray("x-ratelimit-reset-requests") << QByteArray("99999999999999h");
    }
    void absurdServerDelaysAreClamped()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        FakeServer server;
        QVERIFY(server.start());
        int calls = 0;
        server.route("GET", QStringLiteral("/limited"), [&](const auto &) {
            if (calls++ == 0)
                return FakeResponse{429, "{\"error\":\"slow down\"}", {{header, value}}};
            return FakeResponse::json("{}");
        });
        Conn::HttpClient http;
        Conn::RetryPolicy policy;
        policy.maxServerDelayMs = 200;
        policy.baseDelayMs = 1;
        policy.maxDelayMs = 200;
        http.setPolicy(policy);
        QSignalSpy retrying(&http, &Conn::HttpClient::retrying);
        const auto r = fetch(http, server.baseUrl() + QStringLiteral("/limited"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(retrying.size(), 1);
        const int delay = retrying.first().at(1).toInt();
        QVERIFY2(delay >= 0 && delay <= 200, qPrintable(QString::number(delay)));
    }

    // The owner goes away while a request is in flight: nothing may call back into it.
    void destroyingTheClientMidRequestCallsNobody()
    {
        FakeServer server;
        QVERIFY(server.start());
        server.setSlowDelayMs(500);
        server.injectFault(TestSupport::Fault::Slow, 3);
        server.route("GET", QStringLiteral("/slow"), [](const auto &) { return FakeResponse::json("{}"); });
        auto owner = std::make_unique<QObject>();
        auto *http = new Conn::HttpClient(owner.get());
        auto calledBack = std::make_shared<bool>(false);
        for (int i = 0; i < 3; ++i) {
            Conn::HttpRequest req;
            req.url = QUrl(server.baseUrl() + QStringLiteral("/slow"));
            http->send(req, [calledBack](const Conn::HttpResponse &) { *calledBack = true; });
        }
        QTest::qWait(100); // the requests are on the wire
        owner.reset();
        QTest::qWait(800); // the server answers now; nobody is there to hear it
        QVERIFY(!*calledBack);
    }

    void numbersReadTheSameInEveryLocale()
    {
        const char *previous = std::setlocale(LC_NUMERIC, nullptr);
        const std::string saved = previous ? previous : "C";
        // A comma-decimal locale when the machine has one (the CI's German run sets it for the
        // whole suite); the parser must not depend on it either way.
        std::setlocale(LC_NUMERIC, "de_DE.UTF-8");
        double v = 0;
        QVERIFY(Cost::parseNumber("1.5", v));
        QCOMPARE(v, 1.5);
        QVERIFY(Cost::parseNumber("  +2.25e3", v));
        QCOMPARE(v, 2250.0);
        QVERIFY(!Cost::parseNumber("1,5", v));
        QVERIFY(!Cost::parseNumber("1.5x", v));
        QVERIFY(!Cost::parseNumber("nan", v));
        QVERIFY(!Cost::parseNumber("1e400", v));
        QVERIFY(!Cost::parseNumber("", v));
        std::setlocale(LC_NUMERIC, saved.c_str());
    }

    void webhookTextsCannotPingAChannel()
    {
        const QJsonObject payload =
            QJsonDocument::fromJson(Conn::WebhookSender::body(QStringLiteral("feature <!channel> & <@U123|x> spent $5"))).object();
        QCOMPARE(payload.value(QStringLiteral("text")).toString(),
                 QStringLiteral("feature &lt;!channel&gt; &amp; &lt;@U123|x&gt; spent $5"));
    }

    // A 404 names the URL that was requested, without its query (it may hold a key or signature).
    void httpErrorNamesTheUrl()
    {
        FakeServer server;
        QVERIFY(server.start());
        server.route("GET", QStringLiteral("/v1/v1/organization/costs"), [](const TestSupport::FakeRequest &) {
            return FakeResponse::json("{\"error\":{\"message\":\"Invalid URL (GET /v1/v1/organization/costs)\\nSee the docs.\",\"type\":\"invalid_request_error\"}}", 404);
        });
        Conn::HttpClient http;
        const QUrl url(server.baseUrl() + QStringLiteral("/v1/v1/organization/costs?start_time=1&key=sk-admin-abcdefghijklmnop1234"));
        const Conn::HttpResponse r = fetch(http, url.toString());
        QCOMPARE(r.errorKind, Conn::ErrorKind::Http);
        QCOMPARE(r.error, QStringLiteral("127.0.0.1 answered HTTP 404 for %1/v1/v1/organization/costs: Invalid URL (GET "
                                         "/v1/v1/organization/costs).")
                              .arg(server.baseUrl()));
        QCOMPARE(Conn::FailureText::shownUrl(QUrl(QStringLiteral("https://user:pw@gw.example/keys/sk-admin-abcdefghijkl123/x?sig=1#f"))),
                 QStringLiteral("https://gw.example/keys/[redacted]/x"));
    }

    // "(gave up after 5 attempts)" no longer follows a sentence that already ended.
    void gaveUpIsASentence()
    {
        FakeServer server;
        QVERIFY(server.start());
        server.route("GET", QStringLiteral("/busy"), [](const TestSupport::FakeRequest &) {
            return FakeResponse::json("{\"error\":{\"message\":\"overloaded\"}}", 503);
        });
        Conn::HttpClient http;
        Conn::RetryPolicy policy;
        policy.maxAttempts = 3;
        policy.baseDelayMs = 10;
        http.setPolicy(policy);
        const Conn::HttpResponse r = fetch(http, server.baseUrl() + QStringLiteral("/busy"));
        QCOMPARE(r.attempts, 3);
        QCOMPARE(r.error, QStringLiteral("127.0.0.1 had a server error (HTTP 503); try again later. Gave up after 3 attempts."));
    }

    void serverTextsLoseAnythingLikeAKey_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");
        QTest::newRow("OpenAI key") << QStringLiteral("Incorrect API key provided: sk-admin-abcdefghijklmnopqrstuv1234.")
                                    << QStringLiteral("sk-admin-abcdefghijklmnopqrstuv1234");
        QTest::newRow("Anthropic key") << QStringLiteral("invalid x-api-key sk-ant-admin01-AbCdEf123456")
                                       << QStringLiteral("sk-ant-admin01-AbCdEf123456");
        QTest::newRow("AWS access key") << QStringLiteral("The security token AKIAIOSFODNN7EXAMPLE is invalid")
                                        << QStringLiteral("AKIAIOSFODNN7EXAMPLE");
        QTest::newRow("bearer token") << QStringLiteral("header was Bearer abc.def-ghi_jkl")
                                      << QStringLiteral("abc.def-ghi_jkl");
        QTest::newRow("long mixed run") << QStringLiteral("secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY rejected")
                                        << QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        QTest::newRow("private key") << QStringLiteral("bad key -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY----- end")
                                     << QStringLiteral("MIIEvQIBADANBg");
    }
    void serverTextsLoseAnythingLikeAKey()
    {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        const QString clean = Conn::redactSecrets(text);
        QVERIFY2(!clean.contains(secret), qPrintable(clean));
        QVERIFY2(clean.contains(QStringLiteral("[redacted")), qPrintable(clean));
        // Plain words and hosts stay readable.
        for (const QString &plain : {QStringLiteral("api.openai.com answered HTTP 404: Not found"),
                                     QStringLiteral("management.azure.com: /subscriptions/00000000-1111-2222-3333-444444444444/providers/x not found"),
                                     QStringLiteral("The security token included in the request is invalid.")})
            QCOMPARE(Conn::redactSecrets(plain), plain);
    }
};

QTEST_GUILESS_MAIN(TestNetworkHardening)
#include "tst_networkhardening.moc"
