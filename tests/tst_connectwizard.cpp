// The Connect-account wizard and the Accounts page, offscreen, against a loopback provider that
// checks the bearer key. Secrets go to the real keychain (the suite runs under dbus-run-session
// with gnome-keyring, see packaging/dev.sh). With BURNRATE_SCREENSHOT_DIR set, every wizard page
// is also saved as a PNG there (the README's screenshots).

#include "accountmanager.h"
#include "accounts/accountspage.h"
#include "accounts/connectwizard.h"
#include "accounts/wizardpages.h"
#include "accounts/wizardrunpages.h"
#include "fakeserver.h"
#include "guitestmain.h"
#include "secretbinding.h"
#include "secretstore.h"
#include "store/store.h"
#include "store/threadcheck.h"
#include "testconnector.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace TestSupport;

namespace {
const QByteArray kKey = "sk-wizard-test-key";

/// Runs `f` while the GUI thread delivers an event (a zero timer), where opening a store
/// aborts the test (store/threadcheck.h); false when it did not run in time.
template <typename F>
bool inEvent(F f)
{
    bool ran = false;
    bool dispatching = false;
    QTimer::singleShot(0, qApp, [&] {
        dispatching = Cost::ThreadCheck::inGuiDispatch();
        f();
        ran = true;
    });
    return QTest::qWaitFor([&] { return ran; }, 5000) && dispatching;
}
} // namespace

class TestConnectWizard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void sourcePageListsEveryConnector();
    void validationStopsBadInput();
    void successfulConnectionSavesAndSyncs();
    void failureMessagesAreDistinct_data();
    void failureMessagesAreDistinct();
    void accountsPageActions();
    void pageLifecycleInsideEvents();
    void screenshots();

private:
    void chooseSource(ConnectWizard &wizard, const QString &id, const QString &name);
    void fillCredentials(ConnectWizard &wizard, const QString &key, const QString &baseUrl);
    Conn::TestResult runTest(ConnectWizard &wizard);
    void snap(QWidget &widget, const QString &name);

    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<LoopbackServer> m_loopback;
    std::unique_ptr<Conn::AccountManager> m_manager;
    int m_run = 0;
};

void TestConnectWizard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    LoopbackConnector::registerIt();
}

void TestConnectWizard::init()
{
    m_db = m_dir.filePath(QStringLiteral("store%1.sqlite").arg(++m_run));
    m_loopback = std::make_unique<LoopbackServer>(kKey, 2);
    const QDate today = QDateTime::currentDateTimeUtc().date();
    m_loopback->provider.data[today.addDays(-2)] = {{QStringLiteral("gpt-4o"), QStringLiteral("1.25"), 1000},
                                           {QStringLiteral("gpt-4o-mini"), QStringLiteral("0.05"), 5000}};
    m_loopback->provider.data[today.addDays(-1)] = {{QStringLiteral("gpt-4o"), QStringLiteral("2.50"), 2000}};
    QString error;
    m_manager = openManager(m_db, 1500, &error);
    QVERIFY2(m_manager, qPrintable(error));
}

void TestConnectWizard::cleanup()
{
    if (m_manager) {
        for (const Conn::AccountConfig &a : m_manager->accounts()) {
            QString error;
            m_manager->removeAccount(a.id, true, &error);
        }
    }
    m_manager.reset();
    m_loopback.reset();
}

void TestConnectWizard::chooseSource(ConnectWizard &wizard, const QString &id, const QString &name)
{
    auto *list = wizard.findChild<QListWidget *>(QStringLiteral("sources"));
    QVERIFY(list);
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == id)
            list->setCurrentRow(row);
    }
    QCOMPARE(wizard.entry()->descriptor.id, id);
    wizard.findChild<QLineEdit *>(QStringLiteral("accountName"))->setText(name);
}

void TestConnectWizard::fillCredentials(ConnectWizard &wizard, const QString &key, const QString &baseUrl)
{
    auto *line = wizard.findChild<QLineEdit *>(QStringLiteral("cred_api_key"));
    QVERIFY(line);
    QCOMPARE(line->echoMode(), QLineEdit::Password);
    line->setText(key);
    wizard.findChild<QLineEdit *>(QStringLiteral("baseUrl"))->setText(baseUrl);
}

Conn::TestResult TestConnectWizard::runTest(ConnectWizard &wizard)
{
    auto *page = qobject_cast<WizardTestPage *>(wizard.page(ConnectWizard::TestPageId));
    if (page->isTesting()) {
        QSignalSpy done(page, &WizardTestPage::testDone);
        done.wait(15000);
    }
    return page->result();
}

void TestConnectWizard::snap(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("BURNRATE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QApplication::processEvents();
    QVERIFY(widget.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

void TestConnectWizard::sourcePageListsEveryConnector()
{
    ConnectWizard wizard(m_manager.get());
    wizard.show();
    auto *list = wizard.findChild<QListWidget *>(QStringLiteral("sources"));
    QStringList ids;
    for (int row = 0; row < list->count(); ++row)
        ids << list->item(row)->data(Qt::UserRole).toString();
    for (const char *id : {"openai", "anthropic", "focus-folder", "aws", "azure", "gcp", "loopback"})
        QVERIFY2(ids.contains(QString::fromLatin1(id)), id);
    // A name is suggested and Next is possible at once.
    QVERIFY(!wizard.findChild<QLineEdit *>(QStringLiteral("accountName"))->text().isEmpty());
    QVERIFY(wizard.currentPage()->isComplete());
}

void TestConnectWizard::validationStopsBadInput()
{
    ConnectWizard wizard(m_manager.get());
    wizard.show();
    chooseSource(wizard, QStringLiteral("loopback"), QStringLiteral("Loop"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::CredentialsPageId));
    // No key: stays, says why.
    fillCredentials(wizard, QString(), m_loopback->server.baseUrl());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::CredentialsPageId));
    // Plain http to a non-loopback host is refused.
    fillCredentials(wizard, QString::fromLatin1(kKey), QStringLiteral("http://example.com"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::CredentialsPageId));
    bool saidHttps = false;
    for (QLabel *label : wizard.currentPage()->findChildren<QLabel *>())
        saidHttps = saidHttps || (label->isVisible() && label->text().contains(QStringLiteral("HTTPS")));
    QVERIFY(saidHttps);
    // A duplicate account name is refused on the first page.
    QString error;
    Conn::AccountConfig existing;
    existing.name = QStringLiteral("Taken");
    existing.provider = QStringLiteral("loopback");
    QVERIFY2(m_manager->addAccount(existing, QStringLiteral("x"), &error) != 0, qPrintable(error));
    wizard.back();
    chooseSource(wizard, QStringLiteral("loopback"), QStringLiteral("Taken"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::SourcePageId));
}

void TestConnectWizard::successfulConnectionSavesAndSyncs()
{
    ConnectWizard wizard(m_manager.get());
    wizard.show();
    chooseSource(wizard, QStringLiteral("loopback"), QStringLiteral("Loop prod"));
    wizard.next();
    fillCredentials(wizard, QString::fromLatin1(kKey), m_loopback->server.baseUrl());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::OptionsPageId));
    auto *history = wizard.findChild<QWidget *>(QStringLiteral("opt_history_days"));
    QVERIFY(history);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::TestPageId));
    QVERIFY(!wizard.currentPage()->isComplete()); // not before the test has passed
    const Conn::TestResult result = runTest(wizard);
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY(wizard.currentPage()->isComplete());
    QCOMPARE(m_manager->accounts().size(), 0); // nothing saved before "Save and sync"

    auto *syncPage = qobject_cast<WizardSyncPage *>(wizard.page(ConnectWizard::SyncPageId));
    QSignalSpy synced(syncPage, &WizardSyncPage::syncDone);
    wizard.next(); // saves off the GUI thread, then moves on
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(ConnectWizard::SyncPageId), 30000);
    QVERIFY(synced.count() > 0 || synced.wait(30000));
    QCOMPARE(synced.first().first().toBool(), true);
    QVERIFY(wizard.currentPage()->isComplete());

    const auto account = m_manager->accountByName(QStringLiteral("Loop prod"));
    QVERIFY(account);
    QCOMPARE(account->provider, QStringLiteral("loopback"));
    QCOMPARE(account->baseUrl, m_loopback->server.baseUrl());
    // The key is in the keychain and only there.
    const Conn::SecretResult secret = Conn::readSecret(Conn::accountSecretKey(account->id));
    QVERIFY2(secret.ok, qPrintable(secret.error));
    QCOMPARE(Conn::unbindSecret(secret.value).secret, QString::fromLatin1(kKey));
    QCOMPARE(Conn::unbindSecret(secret.value).hosts, QStringList{QStringLiteral("127.0.0.1")}); // bound to where it was entered for
    QFile db(m_db);
    QVERIFY(db.open(QIODevice::ReadOnly));
    QVERIFY(!db.readAll().contains(kKey));
    // Three charges landed.
    Cost::Store store;
    QVERIFY(store.open(m_db.toStdString()));
    QCOMPARE(store.factCount(), 3);
    QVERIFY(m_manager->status(account->id).lastSuccess.isValid());

    // Editing: another host for the stored key asks for the key again, on the credentials page.
    ConnectWizard edit(m_manager.get(), *account);
    edit.show();
    edit.next();
    QCOMPARE(edit.currentId(), int(ConnectWizard::CredentialsPageId));
    const QString away = QStringLiteral("http://localhost:%1").arg(m_loopback->server.port());
    edit.findChild<QLineEdit *>(QStringLiteral("baseUrl"))->setText(away);
    edit.next();
    QCOMPARE(edit.currentId(), int(ConnectWizard::CredentialsPageId)); // stays
    bool told = false;
    for (const QLabel *label : edit.findChildren<QLabel *>())
        told = told || (label->isVisible() && label->text() == QStringLiteral("The secret for account Loop prod was entered for 127.0.0.1; the account now points to localhost. Enter the secret again for the new host."));
    QVERIFY(told);
    fillCredentials(edit, QString::fromLatin1(kKey), away); // entered again: accepted
    edit.next();
    QCOMPARE(edit.currentId(), int(ConnectWizard::OptionsPageId));
}

void TestConnectWizard::failureMessagesAreDistinct_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("headline");
    QTest::newRow("401") << QStringLiteral("sk-wrong") << QString() << int(Conn::ErrorKind::Unauthorized)
                         << QStringLiteral("401");
    QTest::newRow("403") << QStringLiteral("readonly") << QString() << int(Conn::ErrorKind::Forbidden)
                         << QStringLiteral("403");
    // The descriptor's default address is https://loopback.invalid: .invalid never resolves.
    QTest::newRow("dns") << QString::fromLatin1(kKey) << QStringLiteral("default") << int(Conn::ErrorKind::Dns)
                         << QStringLiteral("DNS");
    QTest::newRow("tls") << QString::fromLatin1(kKey) << QStringLiteral("tls") << int(Conn::ErrorKind::Tls)
                         << QStringLiteral("TLS");
    QTest::newRow("timeout") << QString::fromLatin1(kKey) << QStringLiteral("slow") << int(Conn::ErrorKind::Timeout)
                             << QStringLiteral("in time");
}

void TestConnectWizard::failureMessagesAreDistinct()
{
    QFETCH(QString, key);
    QFETCH(QString, url);
    QFETCH(int, kind);
    QFETCH(QString, headline);

    // TLS: an https URL to a loopback port that answers in plain HTTP.
    QTcpServer plain;
    QString baseUrl = m_loopback->server.baseUrl();
    if (url == QStringLiteral("default")) {
        baseUrl.clear();
    } else if (url == QStringLiteral("tls")) {
        baseUrl = QStringLiteral("https://127.0.0.1:%1").arg(m_loopback->server.port());
    } else if (url == QStringLiteral("slow")) {
        m_loopback->server.setSlowDelayMs(4000);
        m_loopback->server.injectFault(Fault::Slow, 1);
    }
    ConnectWizard wizard(m_manager.get());
    wizard.show();
    chooseSource(wizard, QStringLiteral("loopback"), QStringLiteral("Loop"));
    wizard.next();
    fillCredentials(wizard, key, baseUrl);
    wizard.next();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::TestPageId));
    const Conn::TestResult result = runTest(wizard);
    QVERIFY(!result.ok);
    QCOMPARE(int(result.kind), kind);
    QVERIFY(!wizard.currentPage()->isComplete());
    auto *label = wizard.findChild<QLabel *>(QStringLiteral("testHeadline"));
    QVERIFY2(label->text().contains(headline), qPrintable(label->text()));
    QVERIFY(!wizard.findChild<QLabel *>(QStringLiteral("testMessage"))->text().isEmpty());
    // Not saved: the user fixes the input and tests again.
    QCOMPARE(m_manager->accounts().size(), 0);
}

void TestConnectWizard::accountsPageActions()
{
    // An account with synced data, then the page's pause / remove-with-data actions.
    Conn::AccountConfig config;
    config.name = QStringLiteral("Loop page");
    config.provider = QStringLiteral("loopback");
    config.baseUrl = m_loopback->server.baseUrl();
    QString error;
    const qint64 id = m_manager->addAccount(config, QString::fromLatin1(kKey), &error);
    QVERIFY2(id != 0, qPrintable(error));

    AccountsPage page(m_db);
    page.resize(1000, 600);
    page.show();
    page.setDateRange(0, 1);
    QSignalSpy loaded(&page, &Page::loaded);
    page.reload();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(page.table()->rowCount(), 1);
    QCOMPARE(page.table()->item(0, 0)->text(), QStringLiteral("Loop page"));
    page.selectAccount(id);
    QCOMPARE(page.selectedId(), id);

    QSignalSpy changed(&page, &AccountsPage::storeChanged);
    page.syncSelected();
    QVERIFY(changed.wait(30000));
    Cost::Store store;
    QVERIFY(store.open(m_db.toStdString()));
    QCOMPARE(store.factCount(), 3);
    QVERIFY(loaded.wait(10000));
    QVERIFY(page.table()->item(0, 2)->text().startsWith(QStringLiteral("Up to date")));
    snap(page, QStringLiteral("accounts"));

    page.selectAccount(id);
    QSignalSpy paused(&page, &AccountsPage::pauseFinished); // the store step runs off the GUI thread
    loaded.clear();
    page.togglePausedSelected();
    QTRY_COMPARE_WITH_TIMEOUT(paused.count(), 1, 10000);
    QVERIFY(paused.first().at(0).toBool());
    QVERIFY(m_manager->account(id)->paused);
    QVERIFY(!loaded.isEmpty() || loaded.wait(10000));
    QCOMPARE(page.table()->item(0, 2)->text(), QStringLiteral("Paused"));

    page.selectAccount(id);
    QSignalSpy removed(&page, &AccountsPage::removeFinished); // the erase runs off the GUI thread
    QVERIFY(page.removeAccount(id, true));
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 30000);
    QVERIFY(removed.first().at(0).toBool());
    QCOMPARE(store.factCount(), 0);
    QVERIFY(!m_manager->account(id));
    QVERIFY(Conn::readSecret(Conn::accountSecretKey(id)).notFound);
}

void TestConnectWizard::pageLifecycleInsideEvents()
{
    // Add, pause, edit and remove through the Accounts page and the wizard, each step while the
    // GUI thread delivers an event: a store connection opened there aborts the test.
    std::unique_ptr<AccountsPage> page;
    QVERIFY(inEvent([&] {
        page = std::make_unique<AccountsPage>(m_db);
        page->resize(1000, 600);
        page->show();
        page->setDateRange(0, 1);
        page->reload();
    }));
    QTRY_VERIFY_WITH_TIMEOUT(page->table()->isHidden(), 10000); // loaded: no account yet

    // Add through the wizard.
    QVERIFY(inEvent([&] { page->connectAccount(); }));
    QPointer<ConnectWizard> wizard = page->findChild<ConnectWizard *>();
    QVERIFY(wizard);
    chooseSource(*wizard, QStringLiteral("loopback"), QStringLiteral("Loop life"));
    QVERIFY(inEvent([&] { wizard->next(); }));
    fillCredentials(*wizard, QString::fromLatin1(kKey), m_loopback->server.baseUrl());
    QVERIFY(inEvent([&] { wizard->next(); }));
    QVERIFY(inEvent([&] { wizard->next(); }));
    QCOMPARE(wizard->currentId(), int(ConnectWizard::TestPageId));
    QVERIFY(runTest(*wizard).ok);
    auto *syncPage = qobject_cast<WizardSyncPage *>(wizard->page(ConnectWizard::SyncPageId));
    QSignalSpy synced(syncPage, &WizardSyncPage::syncDone);
    QVERIFY(inEvent([&] { wizard->next(); }));
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ConnectWizard::SyncPageId), 30000);
    QVERIFY(synced.count() > 0 || synced.wait(30000));
    QVERIFY(synced.first().first().toBool());
    const auto added = m_manager->accountByName(QStringLiteral("Loop life"));
    QVERIFY(added);
    QVERIFY(!added->paused);
    const qint64 id = added->id;
    QCOMPARE(Conn::unbindSecret(Conn::readSecret(Conn::accountSecretKey(id)).value).secret, QString::fromLatin1(kKey));
    QVERIFY(inEvent([&] { wizard->accept(); }));
    QTRY_VERIFY(!wizard);
    QTRY_COMPARE_WITH_TIMEOUT(page->table()->rowCount(), 1, 10000);
    QCOMPARE(page->table()->item(0, 0)->text(), QStringLiteral("Loop life"));

    // Pause.
    QSignalSpy paused(page.get(), &AccountsPage::pauseFinished);
    QVERIFY(inEvent([&] {
        page->selectAccount(id);
        page->togglePausedSelected();
    }));
    QTRY_COMPARE_WITH_TIMEOUT(paused.count(), 1, 10000);
    QVERIFY(paused.first().at(0).toBool());
    QVERIFY(m_manager->account(id)->paused);
    QTRY_COMPARE_WITH_TIMEOUT(page->table()->item(0, 2)->text(), QStringLiteral("Paused"), 10000);

    // Edit: rename, keep the stored secret.
    QVERIFY(inEvent([&] {
        page->selectAccount(id);
        page->editSelected();
    }));
    wizard = page->findChild<ConnectWizard *>();
    QVERIFY(wizard && wizard->isEditing());
    wizard->findChild<QLineEdit *>(QStringLiteral("accountName"))->setText(QStringLiteral("Loop renamed"));
    for (int n = 0; n < 3; ++n)
        QVERIFY(inEvent([&] { wizard->next(); }));
    QCOMPARE(wizard->currentId(), int(ConnectWizard::TestPageId));
    QVERIFY(runTest(*wizard).ok); // with the secret from the keychain
    syncPage = qobject_cast<WizardSyncPage *>(wizard->page(ConnectWizard::SyncPageId));
    QSignalSpy resynced(syncPage, &WizardSyncPage::syncDone);
    QVERIFY(inEvent([&] { wizard->next(); }));
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ConnectWizard::SyncPageId), 30000);
    QVERIFY(resynced.count() > 0 || resynced.wait(30000));
    QCOMPARE(m_manager->account(id)->name, QStringLiteral("Loop renamed"));
    QCOMPARE(Conn::unbindSecret(Conn::readSecret(Conn::accountSecretKey(id)).value).secret, QString::fromLatin1(kKey));
    QVERIFY(inEvent([&] { wizard->accept(); }));
    QTRY_VERIFY(!wizard);
    QTRY_COMPARE_WITH_TIMEOUT(page->table()->item(0, 0)->text(), QStringLiteral("Loop renamed"), 10000);

    // Remove with its data.
    QSignalSpy removed(page.get(), &AccountsPage::removeFinished);
    bool started = false;
    QVERIFY(inEvent([&] { started = page->removeAccount(id, true); }));
    QVERIFY(started);
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 30000);
    QVERIFY(removed.first().at(0).toBool());
    QVERIFY(!m_manager->account(id));
    QVERIFY(Conn::readSecret(Conn::accountSecretKey(id)).notFound);
    QTRY_VERIFY_WITH_TIMEOUT(page->table()->isHidden(), 10000);
    QVERIFY(inEvent([&] { page.reset(); }));
}

void TestConnectWizard::screenshots()
{
    if (qEnvironmentVariable("BURNRATE_SCREENSHOT_DIR").isEmpty())
        QSKIP("set BURNRATE_SCREENSHOT_DIR to render the wizard's pages");
    for (const char *id : {"openai", "anthropic", "aws", "azure", "gcp", "focus-folder"}) {
        ConnectWizard wizard(m_manager.get());
        wizard.resize(720, 600);
        wizard.show();
        const QString source = QString::fromLatin1(id);
        chooseSource(wizard, source, Conn::ConnectorRegistry::find(source)->descriptor.displayName);
        if (source == QStringLiteral("openai"))
            snap(wizard, QStringLiteral("wizard-source"));
        wizard.next();
        if (wizard.currentId() == ConnectWizard::OptionsPageId) {
            snap(wizard, QStringLiteral("wizard-options-%1").arg(source));
            continue;
        }
        snap(wizard, QStringLiteral("wizard-credentials-%1").arg(source));
        if (source == QStringLiteral("openai")) {
            for (QLineEdit *line : wizard.currentPage()->findChildren<QLineEdit *>())
                if (line->objectName().startsWith(QStringLiteral("cred_")))
                    line->setText(QStringLiteral("sk-admin-example"));
            wizard.next();
            QCOMPARE(wizard.currentId(), int(ConnectWizard::OptionsPageId));
            snap(wizard, QStringLiteral("wizard-options-openai"));
        }
    }
    // The test and sync pages, against the loopback provider.
    ConnectWizard wizard(m_manager.get());
    wizard.resize(720, 600);
    wizard.show();
    chooseSource(wizard, QStringLiteral("loopback"), QStringLiteral("Production"));
    wizard.next();
    fillCredentials(wizard, QString::fromLatin1(kKey), m_loopback->server.baseUrl());
    wizard.next();
    wizard.next();
    QVERIFY(runTest(wizard).ok);
    snap(wizard, QStringLiteral("wizard-test"));
    auto *syncPage = qobject_cast<WizardSyncPage *>(wizard.page(ConnectWizard::SyncPageId));
    QSignalSpy synced(syncPage, &WizardSyncPage::syncDone);
    wizard.next();
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(ConnectWizard::SyncPageId), 30000);
    QVERIFY(synced.count() > 0 || synced.wait(30000));
    snap(wizard, QStringLiteral("wizard-sync"));
}

BURNRATE_GUI_TEST_MAIN(TestConnectWizard)
#include "tst_connectwizard.moc"
