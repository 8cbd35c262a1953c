// Alert channels: the Slack-compatible webhook (JSON body, retries, failures recorded without the
// secret URL), the persisted alert history, the settings dialog writing the URL to the keychain
// only, and budget alerts posted once per period. Keychain cases need a Secret Service (run
// under dbus-run-session with gnome-keyring, as CI does) and are skipped without one.
#include "alerts/alertcenter.h"
#include "alerts/alerthistorydialog.h"
#include "alerts/alertsettingsdialog.h"
#include "alerts/budgetalertwatcher.h"
#include "budget/budgetstore.h"
#include "budgetfixture.h"
#include "fakeserver.h"
#include "guitestmain.h"
#include "secretstore.h"
#include "store/store.h"
#include "webhooksender.h"

#include <QApplication>
#include <QCheckBox>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::Fault;
using TestSupport::FakeResponse;
using TestSupport::FakeServer;

namespace {

const QString kHookPath = QStringLiteral("/services/T0001/B0002/s3cr3tT0k3nXYZ");

Conn::RetryPolicy fastPolicy()
{
    Conn::RetryPolicy p = Conn::WebhookSender::defaultPolicy();
    p.baseDelayMs = 5;
    p.maxDelayMs = 20;
    p.timeoutMs = 3000;
    return p;
}

Ui::AlertMessage message(const QString &title)
{
    return {QStringLiteral("budget"), title, QStringLiteral("Spend of 812.40 has reached 80% of 1,000.00"),
            QStringLiteral("warning"), QDateTime(QDate(2025, 3, 14), QTime(9, 30), Qt::UTC)};
}

// True when any file under `dir` contains `needle`.
bool anyFileContains(const QString &dir, const QByteArray &needle)
{
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            return true;
    }
    return false;
}

bool keychainAvailable(QString *why)
{
    QString error;
    if (Conn::writeSecret(QStringLiteral("test/probe"), QStringLiteral("x"), &error)) {
        Conn::deleteSecret(QStringLiteral("test/probe"), nullptr);
        return true;
    }
    *why = error;
    return false;
}

} // namespace

class TestAlertCenter : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeServer m_server;
    int m_stores = 0;

    QString newStore()
    {
        const QString path = m_dir.filePath(QStringLiteral("alerts%1.sqlite").arg(++m_stores));
        Cost::Store store;
        if (!store.open(path.toStdString()))
            qFatal("cannot create the store");
        return path;
    }
    QString hookUrl() const { return m_server.baseUrl() + kHookPath; }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BurnrateTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_alertcenter"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.start());
        m_server.route("POST", kHookPath, [](const TestSupport::FakeRequest &) {
            return FakeResponse{200, "ok", {{"Content-Type", "text/plain"}}};
        });
    }

    void init()
    {
        m_server.clearRequests();
        m_server.clearFaults();
    }

    void webhookPostsSlackJson()
    {
        Ui::AlertCenter center(newStore());
        center.webhookSender()->setPolicy(fastPolicy());
        center.setWebhookUrlProvider([this](QString *) { return hookUrl(); });
        center.post(message(QStringLiteral("Budget \u201cAI total\u201d reached 80%")));
        QTRY_COMPARE(center.pendingDeliveries(), 0);

        const QList<TestSupport::FakeRequest> requests = m_server.requestsFor(kHookPath);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests[0].method, QByteArray("POST"));
        QVERIFY(requests[0].header("content-type").startsWith("application/json"));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(requests[0].body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(doc.isObject());
        QCOMPARE(doc.object().keys(), QStringList{QStringLiteral("text")});
        const QString text = doc.object().value(QStringLiteral("text")).toString();
        QVERIFY2(text.contains(QStringLiteral("Budget \u201cAI total\u201d reached 80%")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Spend of 812.40 has reached 80% of 1,000.00")));

        const QList<Ui::AlertRecord> history = center.history();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history[0].webhookStatus, QStringLiteral("delivered"));
        QCOMPARE(history[0].message.kind, QStringLiteral("budget"));
        // Offscreen there is no tray: nothing shown, but the alert is still recorded.
        QCOMPARE(history[0].trayShown, false);
    }

    void webhookRetriesAfterServerError()
    {
        Ui::AlertCenter center(newStore());
        center.webhookSender()->setPolicy(fastPolicy());
        center.setWebhookUrlProvider([this](QString *) { return hookUrl(); });
        m_server.injectFault(Fault::ServerError, 1);
        center.post(message(QStringLiteral("retry me")));
        QTRY_COMPARE(center.pendingDeliveries(), 0);
        QCOMPARE(m_server.requestsFor(kHookPath).size(), 2);
        QCOMPARE(center.history().at(0).webhookStatus, QStringLiteral("delivered"));
    }

    void webhookFailureRecordedWithoutSecret()
    {
        Ui::AlertCenter center(newStore());
        Conn::RetryPolicy p = fastPolicy();
        p.maxAttempts = 3;
        center.webhookSender()->setPolicy(p);
        center.setWebhookUrlProvider([this](QString *) { return hookUrl(); });
        m_server.injectFault(Fault::ServerError, 5);
        QSignalSpy changed(&center, &Ui::AlertCenter::historyChanged);
        center.post(message(QStringLiteral("will fail")));
        QTRY_COMPARE(center.pendingDeliveries(), 0);
        QCOMPARE(m_server.requestsFor(kHookPath).size(), 3); // bounded attempts
        const Ui::AlertRecord r = center.history().at(0);
        QCOMPARE(r.webhookStatus, QStringLiteral("failed"));
        QVERIFY(r.webhookError.contains(QStringLiteral("500")));
        QVERIFY2(!r.webhookError.contains(QStringLiteral("s3cr3t")), qPrintable(r.webhookError));
        QVERIFY(changed.count() >= 2); // recorded, then the delivery outcome
    }

    void historyPersistsAcrossRestarts()
    {
        const QString path = newStore();
        {
            Ui::AlertCenter center(path);
            center.setWebhookUrlProvider([](QString *) { return QString(); }); // no webhook configured
            center.post(message(QStringLiteral("first")));
            center.post({QStringLiteral("anomaly"), QStringLiteral("second"), QStringLiteral("body"),
                         QStringLiteral("critical"), QDateTime(QDate(2025, 3, 15), QTime(8, 0), Qt::UTC)});
        }
        Ui::AlertCenter reopened(path);
        QTRY_VERIFY(reopened.isLoaded()); // the stored history is read off the GUI thread
        const QList<Ui::AlertRecord> history = reopened.history();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history[0].message.title, QStringLiteral("second")); // newest first
        QCOMPARE(history[0].message.severity, QStringLiteral("critical"));
        QCOMPARE(history[1].message.at, QDateTime(QDate(2025, 3, 14), QTime(9, 30), Qt::UTC));
        QCOMPARE(history[1].webhookStatus, QString());

        AlertHistoryDialog dialog(&reopened);
        QCOMPARE(dialog.table()->rowCount(), 2);
        QVERIFY(dialog.table()->item(0, 3)->text().startsWith(QStringLiteral("second")));
        QCOMPARE(dialog.table()->item(1, 4)->text(), AlertHistoryDialog::tr("history only"));
    }

    void insecureUrlRefused()
    {
        Ui::AlertCenter center(newStore());
        center.setWebhookUrlProvider([](QString *) { return QStringLiteral("http://hooks.example.com/services/abc"); });
        center.post(message(QStringLiteral("plain http")));
        QTRY_COMPARE(center.pendingDeliveries(), 0);
        const Ui::AlertRecord r = center.history().at(0);
        QCOMPARE(r.webhookStatus, QStringLiteral("failed"));
        QVERIFY(!r.webhookError.contains(QStringLiteral("/services/abc")));
    }

    void budgetAlertsPostedOncePerPeriod()
    {
        const QString path = m_dir.filePath(QStringLiteral("budgets.sqlite"));
        QVERIFY(BudgetFixture::writeStore(path));
        {
            Cost::Store store;
            QVERIFY(store.open(path.toStdString()));
            Budgets::Budget b;
            b.name = "Chatbot";
            b.scopeDim = "feature";
            b.scopeValue = "chatbot";
            b.amount = 2000 * Cost::kMoneyScale; // about 2,700 a month: 50% and 80% cross mid-month
            b.thresholds = {{50, true, false}, {80, true, false}};
            std::string error;
            QVERIFY2(Budgets::addBudget(store.db(), b, error), error.c_str());
        }
        Ui::AlertCenter center(path);
        center.setWebhookUrlProvider([](QString *) { return QString(); });
        BudgetAlertWatcher watcher(path, &center);
        watcher.setAsOfDay(BudgetFixture::day("2025-03-25"));
        QSignalSpy checked(&watcher, &BudgetAlertWatcher::checked);
        watcher.check();
        QTRY_COMPARE(checked.count(), 1);
        QCOMPARE(checked.at(0).at(0).toInt(), 2);
        QList<Ui::AlertRecord> history = center.history();
        QCOMPARE(history.size(), 2);
        for (const Ui::AlertRecord &r : history) {
            QCOMPARE(r.message.kind, QStringLiteral("budget"));
            QVERIFY(r.message.title.contains(QStringLiteral("Chatbot")));
            // The body in the user's locale, with the store's currency.
            QVERIFY2(r.message.body.contains(QStringLiteral("Chatbot")) && r.message.body.contains(QLatin1Char('$')),
                     qPrintable(r.message.body));
        }
        // The same period again (e.g. after the next import or a restart): nothing new fires.
        watcher.check();
        QTRY_COMPARE(checked.count(), 2);
        QCOMPARE(checked.at(1).at(0).toInt(), 0);
        QCOMPARE(center.history().size(), 2);
    }

    void settingsWriteUrlToKeychainOnly()
    {
        QString why;
        if (!keychainAvailable(&why))
            QSKIP(qPrintable(QStringLiteral("no Secret Service: %1").arg(why)));
        // Whatever webhook the keychain held before (a developer's own) is put back afterwards.
        const Conn::SecretResult before = Conn::readSecret(Conn::webhookSecretKey());
        const auto restore = qScopeGuard([before] {
            QString ignored;
            if (before.ok && !before.value.isEmpty())
                Conn::writeSecret(Conn::webhookSecretKey(), before.value, &ignored);
            else
                Conn::deleteSecret(Conn::webhookSecretKey(), &ignored);
        });
        const QString path = newStore();
        Ui::AlertCenter center(path);
        center.webhookSender()->setPolicy(fastPolicy());
        {
            AlertSettingsDialog dialog(&center);
            dialog.urlEdit()->setText(QStringLiteral("ftp://nope"));
            QVERIFY(!dialog.save()); // refused, nothing stored
            dialog.urlEdit()->setText(hookUrl());
            dialog.trayBox()->setChecked(false);
            QVERIFY(dialog.save());
            QVERIFY(dialog.urlEdit()->text().isEmpty()); // never shown back
            // The test button posts to the stored URL once the field is empty.
            QSignalSpy tested(&dialog, &AlertSettingsDialog::testFinished);
            QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
            QTRY_COMPARE(tested.count(), 1);
            QVERIFY2(tested.at(0).at(0).toBool(), qPrintable(tested.at(0).at(1).toString()));
            QCOMPARE(m_server.requestsFor(kHookPath).size(), 1);
            QVERIFY(!dialog.statusLabel()->text().contains(QStringLiteral("s3cr3t")));
        }
        QCOMPARE(center.trayEnabled(), false);
        const Conn::SecretResult stored = Conn::readSecret(Conn::webhookSecretKey());
        QVERIFY2(stored.ok, qPrintable(stored.error));
        QCOMPARE(stored.value, hookUrl());

        // Alerts now go to the keychain's URL (the default provider).
        center.post(message(QStringLiteral("via keychain")));
        QTRY_COMPARE(center.pendingDeliveries(), 0);
        QCOMPARE(center.history().at(0).webhookStatus, QStringLiteral("delivered"));

        // The secret is nowhere on disk: not in the store, its WAL, or the settings.
        QSettings().sync();
        QVERIFY(!anyFileContains(m_dir.path(), "s3cr3tT0k3n"));
        QVERIFY(!anyFileContains(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation), "s3cr3tT0k3n"));
        QString error;
        QVERIFY(Conn::deleteSecret(Conn::webhookSecretKey(), &error));
        center.setTrayEnabled(true);
    }
};

BURNRATE_GUI_TEST_MAIN(TestAlertCenter)
#include "tst_alertcenter.moc"
