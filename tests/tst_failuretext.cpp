// Failures a user understands (issue #20 item 5): a provider's message kept to its first
// meaningful line (never cut mid-word or mid-line at a character count), URLs shown without query
// or secrets, sentences joined properly. The HTTP texts themselves: tst_networkhardening.
#include "failuretext.h"

#include <QJsonDocument>
#include <QTest>
#include <QVariant>

namespace {

// What AWS answers for a wrong secret: the first line, then the canonical request it computed.
const QString kAwsSignature = QStringLiteral(
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access "
    "Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request "
    "should have been\n'POST\n/\n\ncontent-type:application/x-amz-json-1.1\nhost:127.0.0.1:53127\nx-amz-date:20250601T000000Z\n"
    "\ncontent-type;host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'\n");

} // namespace

class TestFailureText : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void firstMeaningfulLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("shown");
        QTest::newRow("AWS signature error") << kAwsSignature
                                             << QStringLiteral("The request signature we calculated does not match the signature you "
                                                               "provided. Check your AWS Secret Access Key and signing method. "
                                                               "Consult the service documentation for details.");
        QTest::newRow("blank and brace lines first") << QStringLiteral("\n  {\r\n   Quota exceeded for project  acme.  \r\nat line 3")
                                                     << QStringLiteral("Quota exceeded for project acme.");
        const QString sentence = QStringLiteral("The billing export table was not found in dataset billing_export. ");
        QTest::newRow("long line: whole sentences") << sentence.repeated(6) << sentence.repeated(4).trimmed();
        QTest::newRow("long line without a sentence end")
            << QStringList(80, QStringLiteral("alpha,")).join(QLatin1Char(' '))
            << QStringList(45, QStringLiteral("alpha,")).join(QLatin1Char(' ')).chopped(1) + QChar(0x2026);
        QTest::newRow("a key the server echoed") << QStringLiteral("Incorrect API key provided: sk-admin-abcdefghijklmnopqrstuv1234.")
                                                 << QStringLiteral("Incorrect API key provided: [redacted].");
    }
    void firstMeaningfulLine()
    {
        QFETCH(QString, text);
        QFETCH(QString, shown);
        QCOMPARE(Conn::FailureText::firstMeaningfulLine(text), shown);
    }

    void providerMessage_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("shown");
        QTest::newRow("OpenAI / Anthropic error.message")
            << QByteArray("{\"error\":{\"message\":\"Invalid URL (GET /v1/v1/organization/costs)\",\"type\":\"invalid_request_error\"}}")
            << QStringLiteral("Invalid URL (GET /v1/v1/organization/costs)");
        QTest::newRow("AWS Message")
            << (QByteArray("{\"__type\":\"com.amazon.coral.service#InvalidSignatureException\",\"Message\":")
                + QJsonDocument::fromVariant(QVariantList{kAwsSignature}).toJson(QJsonDocument::Compact).mid(1).chopped(1) + "}")
            << QStringLiteral("The request signature we calculated does not match the signature you provided. Check your AWS "
                              "Secret Access Key and signing method. Consult the service documentation for details.");
        QTest::newRow("AWS message") << QByteArray("{\"__type\":\"ValidationException\",\"message\":\"Start date is after end date.\"}")
                                     << QStringLiteral("Start date is after end date.");
        QTest::newRow("Azure error.message")
            << QByteArray("{\"error\":{\"code\":\"BadRequest\",\"message\":\"Invalid query definition: the dimension 'Foo' is not valid.\\r\\n\\r\\n(Request ID: 4f1f7a1e-0000-1111-2222-333344445555)\"}}")
            << QStringLiteral("Invalid query definition: the dimension 'Foo' is not valid.");
        QTest::newRow("Google error.message")
            << QByteArray("{\"error\":{\"code\":404,\"message\":\"Not found: Table p:d.t was not found in location US\",\"errors\":[{\"reason\":\"notFound\"}],\"status\":\"NOT_FOUND\"}}")
            << QStringLiteral("Not found: Table p:d.t was not found in location US");
        QTest::newRow("OAuth error_description") << QByteArray("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}")
                                                 << QStringLiteral("Invalid JWT Signature.");
        QTest::newRow("error as a string") << QByteArray("{\"error\":\"Not Found\"}") << QStringLiteral("Not Found");
        QTest::newRow("not JSON") << QByteArray("<html><body>Bad Gateway</body></html>") << QString();
    }
    void providerMessage()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, shown);
        QCOMPARE(Conn::FailureText::providerMessage(body), shown);
    }

    void sentences()
    {
        QCOMPARE(Conn::FailureText::sentences(QStringLiteral("The connection failed"), QStringLiteral("Gave up.")),
                 QStringLiteral("The connection failed. Gave up."));
        QCOMPARE(Conn::FailureText::sentences(QStringLiteral("Done."), QStringLiteral("Next.")), QStringLiteral("Done. Next."));
        QCOMPARE(Conn::FailureText::sentences(QStringLiteral("Done."), QString()), QStringLiteral("Done."));
        QCOMPARE(Conn::FailureText::sentences(QString(), QStringLiteral("Next.")), QStringLiteral("Next."));
    }
};

QTEST_GUILESS_MAIN(TestFailureText)
#include "tst_failuretext.moc"
