// The Connect-account wizard for the sources added by issue #20, offscreen: FOCUS export in
// Amazon S3 (credentials as for AWS, bucket options, no "how far back", the test page's listing
// summary, save and sync against the loopback S3 with the secret in the keychain only) and
// OpenRouter (management key, save and sync against a loopback activity API).
#include "accountmanager.h"
#include "cloudtest.h"
#include "fakes3.h"
#include "focusbuckettest.h"
#include "guitestmain.h"
#include "secretbinding.h"
#include "wizardaccounts.h"
#include "wizardtest.h"

#include <QLabel>
#include <QSpinBox>
#include <QTemporaryDir>

using namespace TestSupport;
using namespace FocusBucketTest;

class TestBucketWizard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void s3FocusPages();
    void openRouterPages();

private:
    WizardAccounts m_accounts;
};

void TestBucketWizard::init()
{
    bool skip = false;
    const QString why = m_accounts.open(&skip);
    if (skip)
        QSKIP(qPrintable(why));
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestBucketWizard::cleanup()
{
    m_accounts.close();
}

void TestBucketWizard::s3FocusPages()
{
    FakeS3 s3;
    QVERIFY(s3.start());
    QStringList billed;
    const QString part = QStringLiteral("billing/focus/data/BILLING_PERIOD=2025-03/e-1/focus-00001.csv.gz");
    s3.put(part, gzip(focusPart(3, 1, 31, 1, &billed)), at(2));
    s3.put(QStringLiteral("billing/focus/metadata/BILLING_PERIOD=2025-03/focus-Manifest.json"),
           "{\"dataFiles\":[\"s3://exports/" + part.toUtf8() + "\"]}", at(2));

    ConnectWizard wizard(m_accounts.manager.get());
    wizard.resize(760, 640);
    wizard.show();
    QVERIFY(WizardTest::chooseSource(wizard, QStringLiteral("s3-focus"), QStringLiteral("FOCUS bucket")));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::CredentialsPageId));
    auto *help = wizard.findChild<QLabel *>(QStringLiteral("credentialsHelp"));
    QVERIFY(help && help->text().contains(QStringLiteral("s3:GetObject")));
    auto *keyId = wizard.findChild<QLineEdit *>(QStringLiteral("cred_access_key_id"));
    auto *secret = wizard.findChild<QLineEdit *>(QStringLiteral("cred_secret_access_key"));
    QVERIFY(keyId && secret);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    keyId->setText(QString::fromLatin1(FakeS3::kKeyId));
    secret->setText(QString::fromLatin1(FakeS3::kSecret));
    wizard.findChild<QLineEdit *>(QStringLiteral("baseUrl"))->setText(s3.server.baseUrl());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::OptionsPageId));
    QVERIFY(!wizard.findChild<QSpinBox *>(QStringLiteral("opt_history_days"))); // an export has no "how far back"
    wizard.findChild<QLineEdit *>(QStringLiteral("opt_bucket"))->setText(FakeS3::kBucket);
    wizard.findChild<QLineEdit *>(QStringLiteral("opt_prefix"))->setText(QStringLiteral("billing/focus"));
    wizard.findChild<QLineEdit *>(QStringLiteral("opt_region"))->setText(QString::fromLatin1(FakeS3::kRegion));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::TestPageId));
    const Conn::TestResult result = WizardTest::testResult(wizard);
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY2(result.message.contains(QLatin1String("1 manifest")), qPrintable(result.message));
    QVERIFY(WizardTest::snap(wizard, QStringLiteral("wizard-s3-focus-test")));

    QVERIFY(WizardTest::saveAndSync(wizard));
    QCOMPARE(CloudTest::totalsBy(m_accounts.db, {"provider"}).value(QStringLiteral("Amazon Web Services")),
             Cost::BigMoney(CloudTest::decimalSum(billed)));
    QCOMPARE(m_accounts.secretOnlyInKeychain(QStringLiteral("FOCUS bucket"), FakeS3::kSecret), QString());
}

void TestBucketWizard::openRouterPages()
{
    FakeServer server;
    QVERIFY(server.start());
    const QByteArray key = "sk-or-v1-wizard-management";
    server.route("GET", QStringLiteral("/api/v1/activity"), [](const FakeRequest &) {
        return FakeResponse::json(R"({"data":[]})");
    }, FakeServer::requireHeader("authorization", "Bearer " + key));

    ConnectWizard wizard(m_accounts.manager.get());
    wizard.resize(760, 640);
    wizard.show();
    QVERIFY(WizardTest::chooseSource(wizard, QStringLiteral("openrouter"), QStringLiteral("OpenRouter")));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::CredentialsPageId));
    auto *secret = wizard.findChild<QLineEdit *>(QStringLiteral("cred_api_key"));
    QVERIFY(secret);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    secret->setText(QString::fromLatin1(key));
    wizard.findChild<QLineEdit *>(QStringLiteral("baseUrl"))->setText(server.baseUrl() + QStringLiteral("/api/v1"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::OptionsPageId));
    wizard.findChild<QLineEdit *>(QStringLiteral("opt_history_days"))->setText(QStringLiteral("2"));
    wizard.next();
    const Conn::TestResult result = WizardTest::testResult(wizard);
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY(WizardTest::saveAndSync(wizard));
    QVERIFY(!server.requestsFor(QStringLiteral("/api/v1/activity")).isEmpty());
    QCOMPARE(m_accounts.secretOnlyInKeychain(QStringLiteral("OpenRouter"), key), QString());
}

BURNRATE_GUI_TEST_MAIN(TestBucketWizard)
#include "tst_bucketwizard.moc"
