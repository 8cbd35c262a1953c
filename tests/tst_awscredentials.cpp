// AWS credentials: ~/.aws/credentials and ~/.aws/config parsing (temp files), profile resolution,
// keychain-packed keys.

#include "awscredentials.h"
#include "connector.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Conn;

namespace {

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

const QByteArray kCredentials = "# comment\n"
                                "[default]\n"
                                "aws_access_key_id = AKIADEFAULT\n"
                                "aws_secret_access_key = secretDefault\n"
                                "\n"
                                "[dev]\r\n"
                                "aws_access_key_id=AKIADEV\r\n"
                                "aws_secret_access_key=dev/Secret+Key\r\n"
                                "aws_session_token = FQoGZXIvYXdzEXAMPLE==\r\n"
                                "; another comment\n"
                                "[config-only-override]\n"
                                "aws_access_key_id = AKIAFROMCREDS\n";

const QByteArray kConfig = "[default]\n"
                           "region = eu-west-1\n"
                           "[profile dev]\n"
                           "region = us-west-2\n"
                           "s3 =\n"
                           "  max_concurrent_requests = 20\n"
                           "output = json\n"
                           "[profile config-only-override]\n"
                           "aws_access_key_id = AKIAFROMCONFIG\n"
                           "aws_secret_access_key = fromConfig\n"
                           "[profile keysinconfig]\n"
                           "aws_access_key_id = AKIACFG\n"
                           "aws_secret_access_key = cfgSecret\n"
                           "[profile sso]\n"
                           "sso_session = corp\n"
                           "sso_account_id = 123\n"
                           "[profile assume]\n"
                           "role_arn = arn:aws:iam::123:role/x\n"
                           "source_profile = default\n"
                           "[profile halfway]\n"
                           "aws_access_key_id = AKIAHALF\n"
                           "[sso-session corp]\n"
                           "sso_start_url = https://example.awsapps.com/start\n";

} // namespace

class TestAwsCredentials : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void parsesSections();
    void profiles_data();
    void profiles();
    void malformed_data();
    void malformed();
    void missingFiles();
    void keychainSecret();
    void environmentPaths();

private:
    QTemporaryDir m_dir;
    QString m_creds, m_config;
};

void TestAwsCredentials::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_creds = write(m_dir, QStringLiteral("credentials"), kCredentials);
    m_config = write(m_dir, QStringLiteral("config"), kConfig);
}

void TestAwsCredentials::parsesSections()
{
    AwsIniSections sections;
    QString error;
    QVERIFY2(parseAwsIni(kConfig, true, QStringLiteral("config"), &sections, &error), qPrintable(error));
    // "[profile dev]" → "dev"; "[sso-session corp]" is not a profile.
    QCOMPARE(sections.keys(), (QStringList{QStringLiteral("assume"), QStringLiteral("config-only-override"),
                                           QStringLiteral("default"), QStringLiteral("dev"), QStringLiteral("halfway"),
                                           QStringLiteral("keysinconfig"), QStringLiteral("sso")}));
    QCOMPARE(sections[QStringLiteral("dev")].value(QStringLiteral("output")), QStringLiteral("json"));
    QVERIFY(!sections[QStringLiteral("dev")].contains(QStringLiteral("max_concurrent_requests"))); // nested s3 block
    QCOMPARE(awsProfileNames(m_creds, m_config),
             (QStringList{QStringLiteral("assume"), QStringLiteral("config-only-override"), QStringLiteral("default"),
                          QStringLiteral("dev"), QStringLiteral("halfway"), QStringLiteral("keysinconfig"),
                          QStringLiteral("sso")}));
}

void TestAwsCredentials::profiles_data()
{
    TestSupport::addColumns<QString>({"profile", "keyId", "secret", "token", "region"});
    QTest::addColumn<QString>("error"); // substring; empty = must succeed
    QTest::newRow("default") << "default" << "AKIADEFAULT" << "secretDefault" << "" << "eu-west-1" << "";
    QTest::newRow("session token, CRLF") << "dev" << "AKIADEV" << "dev/Secret+Key" << "FQoGZXIvYXdzEXAMPLE==" << "us-west-2" << "";
    QTest::newRow("credentials file wins") << "config-only-override" << "AKIAFROMCREDS" << "fromConfig" << "" << "" << "";
    QTest::newRow("keys in config") << "keysinconfig" << "AKIACFG" << "cfgSecret" << "" << "" << "";
    QTest::newRow("sso") << "sso" << "" << "" << "" << "" << "sso_session";
    QTest::newRow("assume role") << "assume" << "" << "" << "" << "" << "role_arn";
    QTest::newRow("no secret") << "halfway" << "" << "" << "" << "" << "has no aws_secret_access_key";
    QTest::newRow("unknown") << "nope" << "" << "" << "" << "" << "\"nope\" was not found";
}

void TestAwsCredentials::profiles()
{
    QFETCH(QString, profile);
    QFETCH(QString, keyId);
    QFETCH(QString, secret);
    QFETCH(QString, token);
    QFETCH(QString, region);
    QFETCH(QString, error);
    AwsCredentials c;
    QString why;
    const bool ok = loadAwsProfile(profile, m_creds, m_config, &c, &why);
    if (!error.isEmpty()) {
        QVERIFY(!ok);
        QVERIFY2(why.contains(error), qPrintable(why));
        return;
    }
    QVERIFY2(ok, qPrintable(why));
    QCOMPARE(c.accessKeyId, keyId);
    QCOMPARE(c.secretAccessKey, secret);
    QCOMPARE(c.sessionToken, token);
    QCOMPARE(c.region, region);
    QVERIFY(c.source.contains(profile));
    QVERIFY(!c.source.contains(secret)); // the source never names a secret
}

void TestAwsCredentials::malformed_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("where");
    QTest::newRow("no equals") << QByteArray("[default]\naws_access_key_id AKIA\n") << QStringLiteral("creds:2:");
    QTest::newRow("open section") << QByteArray("# x\n\n[default\n") << QStringLiteral("creds:3:");
    QTest::newRow("before section") << QByteArray("aws_access_key_id = AKIA\n") << QStringLiteral("creds:1:");
}

void TestAwsCredentials::malformed()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, where);
    AwsIniSections sections;
    QString error;
    QVERIFY(!parseAwsIni(text, false, QStringLiteral("creds"), &sections, &error));
    QVERIFY2(error.startsWith(where), qPrintable(error));

    // Through loadAwsProfile the message names the real file.
    QTemporaryDir dir;
    const QString path = write(dir, QStringLiteral("credentials"), text);
    AwsCredentials c;
    QVERIFY(!loadAwsProfile(QStringLiteral("default"), path, dir.filePath(QStringLiteral("none")), &c, &error));
    QVERIFY2(error.contains(QStringLiteral("credentials:")), qPrintable(error));
}

void TestAwsCredentials::missingFiles()
{
    QTemporaryDir dir;
    AwsCredentials c;
    QString error;
    QVERIFY(!loadAwsProfile(QStringLiteral("default"), dir.filePath(QStringLiteral("a")), dir.filePath(QStringLiteral("b")),
                            &c, &error));
    QVERIFY(error.contains(QStringLiteral("was not found")));
    // Only a config file is fine.
    QVERIFY2(loadAwsProfile(QStringLiteral("keysinconfig"), dir.filePath(QStringLiteral("a")), m_config, &c, &error),
             qPrintable(error));
    QCOMPARE(c.accessKeyId, QStringLiteral("AKIACFG"));
}

void TestAwsCredentials::keychainSecret()
{
    AwsCredentials c;
    QString error;
    const QString packed = packSecret({{QStringLiteral("access_key_id"), QStringLiteral(" AKIAKEY ")},
                                       {QStringLiteral("secret_access_key"), QStringLiteral("s3cr3t")},
                                       {QStringLiteral("session_token"), QStringLiteral("tok")}});
    QVERIFY2(resolveAwsCredentials({}, packed, &c, &error), qPrintable(error));
    QCOMPARE(c.accessKeyId, QStringLiteral("AKIAKEY"));
    QCOMPARE(c.toSigV4().secretAccessKey, QByteArray("s3cr3t"));
    QCOMPARE(c.toSigV4().sessionToken, QByteArray("tok"));
    QVERIFY(!resolveAwsCredentials({}, packSecret({{QStringLiteral("access_key_id"), QStringLiteral("AKIA")}}), &c, &error));
    QVERIFY(error.contains(QStringLiteral("secret access key")));
    QVERIFY(!resolveAwsCredentials({}, QString(), &c, &error));
}

void TestAwsCredentials::environmentPaths()
{
    // The standard AWS variables point at other files; option "profile" reads them.
    qputenv("AWS_SHARED_CREDENTIALS_FILE", m_creds.toUtf8());
    qputenv("AWS_CONFIG_FILE", m_config.toUtf8());
    QCOMPARE(awsCredentialsFilePath(), m_creds);
    QCOMPARE(awsConfigFilePath(), m_config);
    AwsCredentials c;
    QString error;
    QVERIFY2(resolveAwsCredentials({{QStringLiteral("profile"), QStringLiteral("dev")}}, QString(), &c, &error),
             qPrintable(error));
    QCOMPARE(c.accessKeyId, QStringLiteral("AKIADEV"));
    QCOMPARE(c.region, QStringLiteral("us-west-2"));
    // A profile named inside the secret JSON (as piped to `burnrate accounts add`).
    QVERIFY2(resolveAwsCredentials({}, packSecret({{QStringLiteral("profile"), QStringLiteral("default")}}), &c, &error),
             qPrintable(error));
    QCOMPARE(c.accessKeyId, QStringLiteral("AKIADEFAULT"));
    qunsetenv("AWS_SHARED_CREDENTIALS_FILE");
    qunsetenv("AWS_CONFIG_FILE");
    QVERIFY(awsCredentialsFilePath().endsWith(QStringLiteral("/.aws/credentials")));
}

QTEST_GUILESS_MAIN(TestAwsCredentials)
#include "tst_awscredentials.moc"
