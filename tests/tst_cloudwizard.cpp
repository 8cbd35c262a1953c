// The Azure and Google Cloud pages of the Connect-account wizard, offscreen: credential fields
// and help text from the descriptors, what the pages refuse, the connection test against the
// loopback Entra ID / Cost Management and Google token / BigQuery fakes (each a clear message on
// failure), then "Save and sync" into the store with the secret in the keychain only.
// Screenshots go to $BURNRATE_SCREENSHOT_DIR when set.
#include "accountmanager.h"
#include "cloudtest.h"
#include "secretbinding.h"
#include "fakeazure.h"
#include "fakegoogle.h"
#include "guitestmain.h"
#include "wizardtest.h"
#include "accounts/secrettextedit.h"

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolButton>

#include <algorithm>

using namespace TestSupport;

class TestCloudWizard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void azurePages();
    void azureBadClient();
    void gcpPages();
    void gcpBadKey();

private:
    void openCredentials(ConnectWizard &wizard, const QString &source, const QString &name);
    void setHistory(ConnectWizard &wizard, int days);
    QMap<QString, Cost::BigMoney> stored() { return CloudTest::totalsBy(m_db, {"provider", "model"}); }
    void checkSecretOnlyInKeychain(const QString &name, const QByteArray &secretPart);

    QTemporaryDir m_dir;
    QString m_db;
    int m_run = 0;
    std::unique_ptr<Conn::AccountManager> m_manager;
};

void TestCloudWizard::init()
{
    QString why;
    if (!CloudTest::keychainAvailable(&why))
        QSKIP(qPrintable(why));
    m_db = m_dir.filePath(QStringLiteral("store%1.sqlite").arg(++m_run));
    m_manager = std::make_unique<Conn::AccountManager>(m_db);
    QString error;
    QVERIFY2(m_manager->open(&error), qPrintable(error));
    Conn::RetryPolicy quick = CloudTest::fastPolicy();
    quick.maxAttempts = 1;
    m_manager->setTestPolicy(quick);
}

void TestCloudWizard::cleanup()
{
    if (m_manager)
        for (const Conn::AccountConfig &a : m_manager->accounts()) {
            QString error;
            m_manager->removeAccount(a.id, true, &error); // also removes the keychain entry
        }
    m_manager.reset();
}

void TestCloudWizard::openCredentials(ConnectWizard &wizard, const QString &source, const QString &name)
{
    wizard.resize(760, 640);
    wizard.show();
    QVERIFY(WizardTest::chooseSource(wizard, source, name));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::CredentialsPageId));
}

void TestCloudWizard::setHistory(ConnectWizard &wizard, int days)
{
    auto *history = wizard.findChild<QSpinBox *>(QStringLiteral("opt_history_days"));
    QVERIFY(history);
    history->setValue(days);
}

void TestCloudWizard::checkSecretOnlyInKeychain(const QString &name, const QByteArray &secretPart)
{
    const auto account = m_manager->accountByName(name);
    QVERIFY(account);
    const Conn::SecretResult secret = Conn::readSecret(Conn::accountSecretKey(account->id));
    QVERIFY2(secret.ok, qPrintable(secret.error));
    QVERIFY(Conn::unbindSecret(secret.value).secret.toUtf8().contains(secretPart));
    QFile db(m_db);
    QVERIFY(db.open(QIODevice::ReadOnly));
    QVERIFY(!db.readAll().contains(secretPart));
}

void TestCloudWizard::azurePages()
{
    FakeAzure fake;
    QVERIFY(fake.server.start());
    ConnectWizard wizard(m_manager.get());
    openCredentials(wizard, QStringLiteral("azure"), QStringLiteral("Azure prod"));
    auto *help = wizard.findChild<QLabel *>(QStringLiteral("credentialsHelp"));
    QVERIFY(help && help->text().contains(QStringLiteral("Cost Management Reader")) && help->text().contains(QStringLiteral("learn.microsoft.com")));
    auto *tenant = wizard.findChild<QLineEdit *>(QStringLiteral("cred_tenant_id"));
    auto *client = wizard.findChild<QLineEdit *>(QStringLiteral("cred_client_id"));
    auto *secret = wizard.findChild<QLineEdit *>(QStringLiteral("cred_client_secret"));
    QVERIFY(tenant && client && secret);
    QCOMPARE(tenant->echoMode(), QLineEdit::Normal); // ids are not secrets
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    tenant->setText(QStringLiteral("tenant-1"));
    client->setText(QStringLiteral("app-123"));
    wizard.next(); // no client secret: the page says so and stays
    QCOMPARE(wizard.currentId(), int(ConnectWizard::CredentialsPageId));
    secret->setText(kAzureSecret);
    wizard.findChild<QLineEdit *>(QStringLiteral("baseUrl"))->setText(fake.server.baseUrl());
    QVERIFY(WizardTest::snap(wizard, QStringLiteral("wizard-azure-credentials")));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::OptionsPageId));
    QCOMPARE(wizard.findChild<QComboBox *>(QStringLiteral("opt_scope_type"))->currentText(), QStringLiteral("subscription"));
    QCOMPARE(wizard.findChild<QComboBox *>(QStringLiteral("opt_services"))->currentText(), QStringLiteral("ai"));
    wizard.findChild<QLineEdit *>(QStringLiteral("opt_subscription_id"))->setText(kAzureSub);
    wizard.findChild<QLineEdit *>(QStringLiteral("opt_login_url"))->setText(fake.server.baseUrl());
    setHistory(wizard, 2);
    fake.emptyResult = true; // yesterday had no charges: the test still proves token and permission
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::TestPageId));
    const Conn::TestResult result = WizardTest::testResult(wizard);
    QVERIFY2(result.ok, qPrintable(result.message));
    QCOMPARE(fake.tokenRequests(), 1);
    QCOMPARE(m_manager->accounts().size(), 0); // nothing saved before "Save and sync"
    QVERIFY(!wizard.findChild<QLabel *>(QStringLiteral("requestNote"))->isVisible()); // Azure queries are not billed
    QVERIFY(WizardTest::snap(wizard, QStringLiteral("wizard-azure-test")));

    fake.emptyResult = false;
    fake.shiftToWindow = true; // the fixture's two days become yesterday and today
    QVERIFY(WizardTest::saveAndSync(wizard));
    QVERIFY(WizardTest::snap(wizard, QStringLiteral("wizard-azure-sync")));
    const auto models = stored();
    QCOMPARE(models.keys(), (QStringList{QStringLiteral("Microsoft/gpt-4o"), QStringLiteral("Microsoft/gpt-4o-mini")}));
    Cost::BigMoney total = 0;
    for (Cost::BigMoney v : models)
        total += v;
    QCOMPARE(total, Cost::BigMoney(CloudTest::decimalSum(firstNumbers(CloudTest::readData(kAzurePage1))
                                                         + firstNumbers(CloudTest::readData(kAzurePage2)))));
    checkSecretOnlyInKeychain(QStringLiteral("Azure prod"), kAzureSecret.toUtf8());
}

void TestCloudWizard::azureBadClient()
{
    FakeAzure fake;
    QVERIFY(fake.server.start());
    ConnectWizard wizard(m_manager.get());
    openCredentials(wizard, QStringLiteral("azure"), QStringLiteral("Azure wrong app"));
    wizard.findChild<QLineEdit *>(QStringLiteral("cred_tenant_id"))->setText(QStringLiteral("tenant-1"));
    wizard.findChild<QLineEdit *>(QStringLiteral("cred_client_id"))->setText(QStringLiteral("app-999"));
    wizard.findChild<QLineEdit *>(QStringLiteral("cred_client_secret"))->setText(kAzureSecret);
    wizard.findChild<QLineEdit *>(QStringLiteral("baseUrl"))->setText(fake.server.baseUrl());
    wizard.next();
    wizard.findChild<QLineEdit *>(QStringLiteral("opt_subscription_id"))->setText(kAzureSub);
    wizard.findChild<QLineEdit *>(QStringLiteral("opt_login_url"))->setText(fake.server.baseUrl());
    wizard.next();
    const Conn::TestResult result = WizardTest::testResult(wizard);
    QVERIFY(!result.ok);
    QCOMPARE(result.kind, Conn::ErrorKind::Unauthorized);
    const QString shown = wizard.findChild<QLabel *>(QStringLiteral("testMessage"))->text();
    QVERIFY2(shown.contains(QStringLiteral("AADSTS700016")) && shown.contains(QStringLiteral("Go Back")), qPrintable(shown));
    QVERIFY(!shown.contains(kAzureSecret));
    QVERIFY(!wizard.currentPage()->isComplete()); // no "Save and sync" after a failed test
    QCOMPARE(fake.queryRequests(), 0);
}

// The GCP key is a secret: masked by default (its text is never painted nor copied), shown by the
// "Show" toggle beside it, masked again when toggled back.
namespace {
void verifyMaskedKeyField(QPlainTextEdit *key, const QString &text)
{
    auto *masked = qobject_cast<SecretTextEdit *>(key);
    QVERIFY(masked);
    QVERIFY(masked->isMasked());
    QToolButton *show = nullptr;
    for (QToolButton *b : key->parentWidget()->findChildren<QToolButton *>())
        if (b->text() == QStringLiteral("Show"))
            show = b;
    QVERIFY(show);
    // What is painted depends on the text's length only while masked: two keys of one length look alike.
    QString other = text;
    std::reverse(other.begin(), other.end());
    auto paint = [&](const QString &t) {
        key->setPlainText(t);
        return key->viewport()->grab().toImage();
    };
    QCOMPARE(paint(text), paint(other));
    QGuiApplication::clipboard()->setText(QStringLiteral("before"));
    key->selectAll();
    key->copy();
    QVERIFY(!QGuiApplication::clipboard()->text().contains(QStringLiteral("PRIVATE KEY")));
    show->click();
    QVERIFY(!masked->isMasked());
    QVERIFY(paint(text) != paint(other)); // shown: the text itself is painted
    show->click();
    QVERIFY(masked->isMasked());
    key->clear();
}
} // namespace

void TestCloudWizard::gcpPages()
{
    FakeGoogle fake;
    QVERIFY(fake.server.start());
    ConnectWizard wizard(m_manager.get());
    openCredentials(wizard, QStringLiteral("gcp"), QStringLiteral("GCP billing"));
    auto *help = wizard.findChild<QLabel *>(QStringLiteral("credentialsHelp"));
    QVERIFY(help && help->text().contains(QStringLiteral("BigQuery Job User")) && help->text().contains(QStringLiteral("cloud.google.com")));
    auto *key = wizard.findChild<QPlainTextEdit *>(QStringLiteral("cred_service_account_json"));
    QVERIFY(key);
    verifyMaskedKeyField(key, fake.goodKey());
    if (QTest::currentTestFailed())
        return;
    wizard.next(); // no key: stays
    QCOMPARE(wizard.currentId(), int(ConnectWizard::CredentialsPageId));
    QVERIFY(WizardTest::snap(wizard, QStringLiteral("wizard-gcp-credentials")));
    key->setPlainText(fake.goodKey());
    wizard.findChild<QLineEdit *>(QStringLiteral("baseUrl"))->setText(fake.server.baseUrl());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::OptionsPageId));
    QCOMPARE(wizard.findChild<QComboBox *>(QStringLiteral("opt_export_type"))->currentText(), QStringLiteral("standard"));
    wizard.findChild<QLineEdit *>(QStringLiteral("opt_table"))->setText(fake.account().options.value(QStringLiteral("table")));
    setHistory(wizard, 2);
    fake.emptyResult = true;
    wizard.next();
    const Conn::TestResult result = WizardTest::testResult(wizard);
    QVERIFY2(result.ok, qPrintable(result.message));
    QCOMPARE(fake.tokenRequests(), 1); // the JWT's signature checked out against the key's public half
    QVERIFY(WizardTest::snap(wizard, QStringLiteral("wizard-gcp-test")));

    fake.emptyResult = false;
    fake.shiftToWindow = true;
    QVERIFY(WizardTest::saveAndSync(wizard));
    QVERIFY(WizardTest::snap(wizard, QStringLiteral("wizard-gcp-sync")));
    const auto models = stored();
    QCOMPARE(models.keys(), QStringList{QStringLiteral("Google Cloud/gemini-2.5-flash")});
    QCOMPARE(models.first(), Cost::BigMoney(CloudTest::decimalSum(gcpColumn({kGcpPage1, kGcpPage2}, QStringLiteral("cost"))
                                                                  + gcpColumn({kGcpPage1, kGcpPage2}, QStringLiteral("credits")))));
    checkSecretOnlyInKeychain(QStringLiteral("GCP billing"), "PRIVATE KEY");
}

void TestCloudWizard::gcpBadKey()
{
    FakeGoogle fake;
    QVERIFY(fake.server.start());
    for (const QString &key : {QStringLiteral("{\"type\": \"authorized_user\"}"), fake.keyJson(freshRsaKeyPem())}) {
        ConnectWizard wizard(m_manager.get());
        openCredentials(wizard, QStringLiteral("gcp"), QStringLiteral("GCP wrong key"));
        wizard.findChild<QPlainTextEdit *>(QStringLiteral("cred_service_account_json"))->setPlainText(key);
        wizard.findChild<QLineEdit *>(QStringLiteral("baseUrl"))->setText(fake.server.baseUrl());
        wizard.next();
        wizard.findChild<QLineEdit *>(QStringLiteral("opt_table"))->setText(fake.account().options.value(QStringLiteral("table")));
        wizard.next();
        const Conn::TestResult result = WizardTest::testResult(wizard);
        QVERIFY(!result.ok);
        const QString shown = wizard.findChild<QLabel *>(QStringLiteral("testMessage"))->text();
        if (key.contains(QStringLiteral("authorized_user"))) { // not a service-account key: said before any request
            QCOMPARE(result.kind, Conn::ErrorKind::Config);
            QVERIFY2(shown.contains(QStringLiteral("service")), qPrintable(shown));
        } else { // a key Google does not know: the token endpoint refuses the JWT
            QCOMPARE(result.kind, Conn::ErrorKind::Unauthorized);
            QVERIFY2(shown.contains(QStringLiteral("refused the service-account key")), qPrintable(shown));
        }
        QVERIFY(!shown.contains(QStringLiteral("PRIVATE KEY")));
        QVERIFY(!wizard.currentPage()->isComplete());
    }
    QCOMPARE(fake.queryBodies.size(), 0);
}

BURNRATE_GUI_TEST_MAIN(TestCloudWizard)
#include "tst_cloudwizard.moc"
