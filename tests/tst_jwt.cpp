// RS256 JWTs on OpenSSL: the RFC 7515 A.2 vector, round trips, tampering, bad keys, and the
// Google service-account assertion.
#include "fakegoogle.h"
#include "gcptoken.h"
#include "jwt.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>

using namespace Conn;

namespace {

QByteArray readData(const QString &relative)
{
    QFile f(TestSupport::dataPath(relative));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

using TestSupport::freshRsaKeyPem; // a throwaway RSA key for this test run only

// RFC 7515 Appendix A.2: JWS Signing Input and the expected signature (RSASSA-PKCS1-v1_5 is
// deterministic, so our output must equal it byte for byte).
const QByteArray kRfcInput = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
const QByteArray kRfcSignature = "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw";

} // namespace

class TestJwt : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void base64Url()
    {
        QCOMPARE(base64UrlEncode(QByteArray("\xfb\xff\xfe", 3)), QByteArray("-__-"));
        QCOMPARE(base64UrlEncode("{\"alg\":\"RS256\"}"), QByteArray("eyJhbGciOiJSUzI1NiJ9"));
        QByteArray out;
        QVERIFY(base64UrlDecode("-__-", out));
        QCOMPARE(out, QByteArray("\xfb\xff\xfe", 3));
        QVERIFY(!base64UrlDecode("ab+/", out)); // standard alphabet is not base64url
        QVERIFY(!base64UrlDecode("a b", out));
    }

    void rfc7515Vector()
    {
        const QByteArray priv = readData(QStringLiteral("gcp/rfc7515_a2_private.pem"));
        const QByteArray pub = readData(QStringLiteral("gcp/rfc7515_a2_public.pem"));
        QVERIFY(!priv.isEmpty() && !pub.isEmpty());
        QByteArray sig;
        QString error;
        QVERIFY2(signRs256(kRfcInput, priv, sig, &error), qPrintable(error));
        QCOMPARE(base64UrlEncode(sig), kRfcSignature);
        QVERIFY(verifyRs256(kRfcInput, sig, pub, &error));
        QVERIFY(verifyJwtRs256(kRfcInput + '.' + kRfcSignature, pub, nullptr, nullptr, &error));
        // One changed byte of the payload or of the signature fails.
        QByteArray tampered = kRfcInput;
        tampered[tampered.size() - 2] = 'X';
        QVERIFY(!verifyRs256(tampered, sig, pub, &error));
        QCOMPARE(error, QStringLiteral("invalid RS256 signature"));
        sig[10] = static_cast<char>(sig[10] ^ 1);
        QVERIFY(!verifyRs256(kRfcInput, sig, pub, &error));
    }

    void roundTripAndWrongKey()
    {
        const QByteArray key = freshRsaKeyPem();
        QString error;
        const QJsonObject claims{{QStringLiteral("iss"), QStringLiteral("a@b")}, {QStringLiteral("n"), 42}};
        const QByteArray jwt = makeJwtRs256(QJsonObject{{QStringLiteral("kid"), QStringLiteral("k1")}}, claims, key, &error);
        QVERIFY2(!jwt.isEmpty(), qPrintable(error));
        QCOMPARE(jwt.count('.'), 2);
        QJsonObject header, gotClaims;
        const QByteArray pub = publicKeyPem(key, &error);
        QVERIFY(pub.startsWith("-----BEGIN PUBLIC KEY-----"));
        QVERIFY2(verifyJwtRs256(jwt, pub, &header, &gotClaims, &error), qPrintable(error));
        QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("RS256"));
        QCOMPARE(header.value(QStringLiteral("kid")).toString(), QStringLiteral("k1"));
        QCOMPARE(gotClaims, claims);
        // The RFC key's public half does not verify a token signed with this key.
        QVERIFY(!verifyJwtRs256(jwt, readData(QStringLiteral("gcp/rfc7515_a2_public.pem")), nullptr, nullptr, &error));
        QVERIFY(!verifyJwtRs256("a.b", pub, nullptr, nullptr, &error));
        QVERIFY(error.contains(QStringLiteral("three")));
    }

    void independentOpensslCli()
    {
        // Cross-check with the openssl command-line tool (a separate implementation path).
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl command not installed");
        const QByteArray key = freshRsaKeyPem();
        QString error;
        QByteArray sig;
        QVERIFY(signRs256("payload to sign", key, sig, &error));
        QTemporaryDir dir;
        auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        };
        write(QStringLiteral("pub.pem"), publicKeyPem(key, &error));
        write(QStringLiteral("sig.bin"), sig);
        write(QStringLiteral("data.txt"), "payload to sign");
        QProcess p;
        p.setWorkingDirectory(dir.path());
        p.start(openssl, {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-verify"), QStringLiteral("pub.pem"),
                          QStringLiteral("-signature"), QStringLiteral("sig.bin"), QStringLiteral("data.txt")});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().contains("Verified OK"));
    }

    void badKeys()
    {
        QByteArray sig;
        QString error;
        QVERIFY(!signRs256("x", "not a key", sig, &error));
        QVERIFY(error.contains(QStringLiteral("not a readable")));
        QVERIFY(!error.contains(QStringLiteral("not a key"))); // never echoes key material
        // An EC key cannot make RS256.
        EVP_PKEY *ec = EVP_EC_gen("P-256");
        BIO *bio = BIO_new(BIO_s_mem());
        PEM_write_bio_PrivateKey(bio, ec, nullptr, nullptr, 0, nullptr, nullptr);
        char *data = nullptr;
        const long n = BIO_get_mem_data(bio, &data);
        const QByteArray ecPem(data, static_cast<qsizetype>(n));
        BIO_free(bio);
        EVP_PKEY_free(ec);
        QVERIFY(ecPem.contains("PRIVATE KEY"));
        QVERIFY(!signRs256("x", ecPem, sig, &error));
        QVERIFY(error.contains(QStringLiteral("not an RSA key")));
        // A key whose newlines were escaped ("\n" as two characters) still loads.
        QByteArray escaped = readData(QStringLiteral("gcp/rfc7515_a2_private.pem"));
        escaped.replace("\n", "\\n");
        QVERIFY2(signRs256(kRfcInput, escaped, sig, &error), qPrintable(error));
        QCOMPARE(base64UrlEncode(sig), kRfcSignature);
    }

    void serviceAccountKeyAndAssertion()
    {
        const QByteArray priv = readData(QStringLiteral("gcp/rfc7515_a2_private.pem"));
        const QJsonObject keyJson{{QStringLiteral("type"), QStringLiteral("service_account")},
                                  {QStringLiteral("project_id"), QStringLiteral("proj-1")},
                                  {QStringLiteral("private_key_id"), QStringLiteral("kid-9")},
                                  {QStringLiteral("private_key"), QString::fromLatin1(priv)},
                                  {QStringLiteral("client_email"), QStringLiteral("burnrate@proj-1.iam.gserviceaccount.com")},
                                  {QStringLiteral("token_uri"), QStringLiteral("https://oauth2.googleapis.com/token")}};
        ServiceAccountKey key;
        QString error;
        QVERIFY2(parseServiceAccountKey(QJsonDocument(keyJson).toJson(), key, &error), qPrintable(error));
        QCOMPARE(key.projectId, QStringLiteral("proj-1"));
        const QByteArray jwt = serviceAccountAssertion(key, QStringLiteral("https://www.googleapis.com/auth/bigquery.readonly"), 1700000000, &error);
        QJsonObject header, claims;
        QVERIFY(verifyJwtRs256(jwt, readData(QStringLiteral("gcp/rfc7515_a2_public.pem")), &header, &claims, &error));
        QCOMPARE(header.value(QStringLiteral("kid")).toString(), QStringLiteral("kid-9"));
        QCOMPARE(header.value(QStringLiteral("typ")).toString(), QStringLiteral("JWT"));
        QCOMPARE(claims.value(QStringLiteral("iss")).toString(), key.clientEmail);
        QCOMPARE(claims.value(QStringLiteral("aud")).toString(), QStringLiteral("https://oauth2.googleapis.com/token"));
        QCOMPARE(claims.value(QStringLiteral("scope")).toString(), QStringLiteral("https://www.googleapis.com/auth/bigquery.readonly"));
        QCOMPARE(claims.value(QStringLiteral("iat")).toInteger(), 1700000000);
        QCOMPARE(claims.value(QStringLiteral("exp")).toInteger(), 1700003600);

        QVERIFY(!parseServiceAccountKey("{\"type\": \"authorized_user\"}", key, &error));
        QVERIFY(error.contains(QStringLiteral("authorized_user")));
        QVERIFY(!parseServiceAccountKey("{\"type\": \"service_account\", \"private_key\": \"x\"}", key, &error));
        QVERIFY(error.contains(QStringLiteral("client_email")));
        QVERIFY(!parseServiceAccountKey("{truncated", key, &error));
        QVERIFY(error.contains(QStringLiteral("not a JSON key file")));
    }
};

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
