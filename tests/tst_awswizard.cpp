// The AWS pages of the Connect-account wizard (offscreen): credential fields and help text from
// the AWS descriptor, keys or a ~/.aws profile, options, and a connection test against the
// signature-verifying fake Cost Explorer. Screenshots go to $BURNRATE_SCREENSHOT_DIR when set.

#include "accountmanager.h"
#include "accounts/connectwizard.h"
#include "accounts/wizardrunpages.h"
#include "awsconnector.h"
#include "fakecostexplorer.h"
#include "guitestmain.h"
#include "testconnector.h"
#include "wizardtest.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace TestSupport;

class TestAwsWizard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void keysPage();
    void profileConnectionTest();

private:
    void openCredentials(ConnectWizard &wizard);

    QTemporaryDir m_dir;
    std::unique_ptr<Conn::AccountManager> m_manager;
};

void TestAwsWizard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_manager = TestSupport::openManager(m_dir.filePath(QStringLiteral("store.sqlite")), 3000, &error);
    QVERIFY2(m_manager, qPrintable(error));
}

void TestAwsWizard::openCredentials(ConnectWizard &wizard)
{
    wizard.resize(760, 640);
    wizard.show();
    QVERIFY(WizardTest::chooseSource(wizard, QStringLiteral("aws"), QStringLiteral("AWS prod")));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::CredentialsPageId));
}

void TestAwsWizard::keysPage()
{
    ConnectWizard wizard(m_manager.get());
    openCredentials(wizard);
    auto *keyId = wizard.findChild<QLineEdit *>(QStringLiteral("cred_access_key_id"));
    auto *secret = wizard.findChild<QLineEdit *>(QStringLiteral("cred_secret_access_key"));
    QVERIFY(keyId && secret);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QVERIFY(wizard.findChild<QPlainTextEdit *>(QStringLiteral("cred_session_token")));
    QVERIFY(wizard.findChild<QLineEdit *>(QStringLiteral("cred_profile")));
    auto *help = wizard.findChild<QLabel *>(QStringLiteral("credentialsHelp"));
    QVERIFY(help);
    QVERIFY(help->text().contains(QStringLiteral("ce:GetCostAndUsage")));
    QVERIFY(help->text().contains(QStringLiteral("US$0.01")));
    keyId->setText(QStringLiteral("AKIAIOSFODNN7EXAMPLE"));
    secret->setText(QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    WizardTest::snap(wizard, QStringLiteral("wizard-aws-credentials"));

    // Nothing entered at all: the page says so and stays.
    keyId->clear();
    secret->clear();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::CredentialsPageId));
}

void TestAwsWizard::profileConnectionTest()
{
    FakeCostExplorer fake;
    QVERIFY(fake.server.start());
    // A ~/.aws/credentials profile with the fake's key; only its name goes through the wizard.
    const QString credsPath = m_dir.filePath(QStringLiteral("credentials"));
    {
        QFile f(credsPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[billing]\naws_access_key_id = " + kKeyId + "\naws_secret_access_key = " + kSecret + "\n");
    }
    qputenv("AWS_SHARED_CREDENTIALS_FILE", credsPath.toUtf8());
    qputenv("AWS_CONFIG_FILE", m_dir.filePath(QStringLiteral("no-config")).toUtf8());

    ConnectWizard wizard(m_manager.get());
    openCredentials(wizard);
    wizard.findChild<QLineEdit *>(QStringLiteral("cred_profile"))->setText(QStringLiteral("billing"));
    wizard.findChild<QLineEdit *>(QStringLiteral("baseUrl"))->setText(fake.server.baseUrl());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::OptionsPageId));
    auto *scope = wizard.findChild<QComboBox *>(QStringLiteral("opt_scope"));
    QVERIFY(scope);
    QCOMPARE(scope->currentText(), QStringLiteral("bedrock"));
    QVERIFY(wizard.findChild<QWidget *>(QStringLiteral("opt_tag_key")));
    QVERIFY(wizard.findChild<QWidget *>(QStringLiteral("opt_region")));
    QVERIFY(wizard.findChild<QWidget *>(QStringLiteral("opt_history_days")));
    WizardTest::snap(wizard, QStringLiteral("wizard-aws-options"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::TestPageId));
    const Conn::TestResult result = WizardTest::testResult(wizard);
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY(result.message.contains(QStringLiteral("profile billing")));
    QCOMPARE(fake.verified, 1); // the profile's key signed the request
    // Before "Save and sync": what the initial sync costs (default 90 days = three 31-day windows).
    auto *note = wizard.findChild<QLabel *>(QStringLiteral("requestNote"));
    QVERIFY(note && note->isVisible());
    QCOMPARE(note->text(), QStringLiteral("Initial sync: ") + Conn::AwsConnector::estimateRequests(wizard.config(), 3).text);
    QVERIFY2(note->text().contains(QStringLiteral("3 Cost Explorer requests")) && note->text().contains(QStringLiteral("US$0.03")),
             qPrintable(note->text()));
    WizardTest::snap(wizard, QStringLiteral("wizard-aws-test"));
    qunsetenv("AWS_SHARED_CREDENTIALS_FILE");
    qunsetenv("AWS_CONFIG_FILE");
}

BURNRATE_GUI_TEST_MAIN(TestAwsWizard)
#include "tst_awswizard.moc"
