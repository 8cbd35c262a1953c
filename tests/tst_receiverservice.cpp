// The OTLP receiver inside the app (issue #24 item 1): Otlp::ReceiverService runs it on an I/O
// thread with its own store connection, and the Accounts page's "Receive OpenTelemetry" box turns
// it on (off by default, loopback by default), asks for the bearer token kept in the keychain
// ("New token…"), says where it listens and how many calls it stored, and tells the pages.
// Keychain cases need a Secret Service (packaging/dev.sh test starts one) and QSKIP without.
#include "accounts/accountspage.h"
#include "accounts/mappingdialog.h"
#include "accounts/receiverpanel.h"
#include "cloudtest.h"
#include "domain/translations.h"
#include "guitestmain.h"
#include "otlptestdata.h"
#include "otlp/receiverservice.h"
#include "secretstore.h"
#include "store/store.h"
#include "telemetry/mapping.h"

#include <QEventLoop>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>

#include <csignal>

namespace {

constexpr int kTimeoutMs = 20000;


// A port nothing listens on now.
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

qint64 storedInputTokens(const QString &path)
{
    Cost::Store store;
    if (!store.open(path.toStdString()))
        return -1;
    return store.db().scalar("SELECT coalesce(sum(input), 0) FROM telemetry_usage");
}

} // namespace

class TestReceiverService : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QNetworkAccessManager m_net;

    int post(quint16 port, const QByteArray &body, const QByteArray &token = {})
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/traces").arg(port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply *reply = m_net.post(request, body);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }

    QString newStore(const char *name)
    {
        const QString path = m_dir.filePath(QString::fromLatin1(name));
        Cost::Store store;
        return store.open(path.toStdString()) ? path : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BurnrateTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_receiverservice"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        QVERIFY(Translations::install(QStringLiteral("en"))); // English plurals, as the app installs them
    }

    // The service answers on its own thread (this one only waits for replies), writes through its
    // own connection, refuses without the token, and stops without losing an acknowledged call.
    void serviceReceivesOnItsOwnThread()
    {
        const QString path = newStore("service.sqlite");
        QVERIFY(!path.isEmpty());
        Otlp::ReceiverService service(path);
        QSignalSpy started(&service, &Otlp::ReceiverService::started);
        QSignalSpy stored(&service, &Otlp::ReceiverService::stored);
        QSignalSpy refused(&service, &Otlp::ReceiverService::refused);
        Otlp::Receiver::Options options;
        options.port = 0;
        options.bearerToken = "s3cret";
        service.start(options);
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, kTimeoutMs);
        const auto port = started.at(0).at(1).value<quint16>();
        QVERIFY(port != 0);
        QCOMPARE(started.at(0).at(0).toString(), QStringLiteral("127.0.0.1"));

        QCOMPARE(post(port, TestSupport::otlpSpanJson("0102030405060708", 700)), 401);
        QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, kTimeoutMs);
        QCOMPARE(refused.at(0).at(0).toInt(), 401);
        QCOMPARE(post(port, TestSupport::otlpSpanJson("0102030405060708", 700), "s3cret"), 200);
        QCOMPARE(post(port, TestSupport::otlpSpanJson("0102030405060708", 700), "s3cret"), 200); // the same span again
        QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 2, kTimeoutMs);
        QCOMPARE(stored.at(0).at(0).toLongLong(), 1LL);
        QCOMPARE(stored.at(1).at(1).toLongLong(), 1LL); // a duplicate, not counted again
        service.stop();
        QVERIFY(!service.isRunning());
        QCOMPARE(storedInputTokens(path), 700LL);

        // A port already taken: failed() with the reason, and the thread ends.
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        QSignalSpy failed(&service, &Otlp::ReceiverService::failed);
        options.port = taken.serverPort();
        service.start(options);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTimeoutMs);
        QVERIFY2(failed.at(0).at(0).toString().contains(QString::number(taken.serverPort())), qPrintable(failed.at(0).at(0).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(!service.isRunning(), kTimeoutMs);
    }

    // The attribute mapping in the app: shown as stored, checked as the JSON format is (a mistake
    // keeps the dialog open and the store unchanged), stored off the GUI thread.
    void mappingDialogEditsTheStoredMapping()
    {
        const QString path = newStore("mapping.sqlite");
        {
            MappingDialog dialog(path);
            QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded(), kTimeoutMs);
            QCOMPARE(dialog.featureEdit()->text(), QStringLiteral("app.feature, service.name"));
            if (const QString dir = qEnvironmentVariable("BURNRATE_SCREENSHOT_DIR"); !dir.isEmpty()) {
                dialog.show();
                dialog.grab().save(dir + QStringLiteral("/telemetry-attributes.png"));
            }
            dialog.featureEdit()->setText(QStringLiteral("llm use case"));
            dialog.accept();
            QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("not an attribute name")), qPrintable(dialog.statusLabel()->text()));
            QSignalSpy saved(&dialog, &MappingDialog::saved);
            dialog.featureEdit()->setText(QStringLiteral(" llm.use_case ,, app.feature"));
            dialog.userEdit()->clear();
            dialog.accept();
            QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kTimeoutMs);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        Cost::Store store;
        QVERIFY(store.open(path.toStdString()));
        Telemetry::Mapping m;
        std::string error;
        QVERIFY(Telemetry::loadMapping(store.db(), m, error));
        QCOMPARE(m.feature, (std::vector<std::string>{"llm.use_case", "app.feature"}));
        QCOMPARE(m.team, Telemetry::Mapping{}.team);
        QVERIFY(m.user.empty());
    }

    // `burnrate telemetry serve` asks for the token the app keeps in the keychain.
    void cliServeAsksForTheKeychainToken()
    {
        QString why;
        if (!CloudTest::keychainAvailable(&why))
            QSKIP(qPrintable(why));
        QString error;
        QVERIFY2(Conn::writeSecret(Conn::otlpTokenSecretKey(), QStringLiteral("cli-token"), &error), qPrintable(error));
        const QString path = newStore("cli.sqlite");
        QProcess server;
        server.start(QStringLiteral(BURNRATE_BINARY), {QStringLiteral("--db"), path, QStringLiteral("telemetry"),
                                                        QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(server.waitForStarted());
        QString banner;
        QTRY_VERIFY_WITH_TIMEOUT((banner += QString::fromUtf8(server.readAllStandardOutput())).contains(QStringLiteral("/v1/traces")),
                                 kTimeoutMs);
        QVERIFY2(banner.contains(QStringLiteral("bearer token")), qPrintable(banner));
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral(":(\\d+)/v1/traces")).match(banner);
        QVERIFY2(m.hasMatch(), qPrintable(banner));
        const auto port = static_cast<quint16>(m.captured(1).toUInt());
        QCOMPARE(post(port, TestSupport::otlpSpanJson("d1d2d3d4d5d6d7d8", 9)), 401);
        QCOMPARE(post(port, TestSupport::otlpSpanJson("d1d2d3d4d5d6d7d8", 9), "cli-token"), 200);
        ::kill(static_cast<pid_t>(server.processId()), SIGTERM);
        QVERIFY(server.waitForFinished(kTimeoutMs));
        QCOMPARE(server.exitCode(), 0);
        QCOMPARE(storedInputTokens(path), 9LL);
        QVERIFY(Conn::deleteSecret(Conn::otlpTokenSecretKey(), &error));
    }

    // The Accounts page's box: off by default; on, it listens on loopback and remembers it; a new
    // token (keychain) is asked for at once; the pages hear of stored calls; off closes the port.
    void accountsPageBoxTurnsTheReceiverOn()
    {
        QString why;
        if (!CloudTest::keychainAvailable(&why))
            QSKIP(qPrintable(why));
        QString error;
        Conn::deleteSecret(Conn::otlpTokenSecretKey(), &error);
        const QString path = newStore("page.sqlite");
        const quint16 port = freePort();
        QSettings().setValue(QStringLiteral("telemetry/receiver/port"), port);
        {
            AccountsPage page(path);
            ReceiverPanel *box = page.receiverPanel();
            QVERIFY(box);
            QVERIFY(box->isCheckable());
            QVERIFY(!box->isChecked());
            QVERIFY(!box->service()->isRunning());
            QSignalSpy changed(&page, &AccountsPage::storeChanged);

            box->setReceiving(true);
            QTRY_VERIFY_WITH_TIMEOUT(box->statusLabel()->text().contains(QStringLiteral("127.0.0.1:%1").arg(port)), kTimeoutMs);
            QVERIFY(QSettings().value(QStringLiteral("telemetry/receiver/enabled")).toBool());
            QCOMPARE(post(port, TestSupport::otlpSpanJson("a1a2a3a4a5a6a7a8", 300)), 200); // no token yet

            const QString token = box->newToken();
            QVERIFY(!token.isEmpty());
            QCOMPARE(Conn::readSecret(Conn::otlpTokenSecretKey()).value, token);
            QTRY_VERIFY_WITH_TIMEOUT(box->statusLabel()->text().contains(QStringLiteral("token")), kTimeoutMs);
            QCOMPARE(post(port, TestSupport::otlpSpanJson("b1b2b3b4b5b6b7b8", 40)), 401);
            QCOMPARE(post(port, TestSupport::otlpSpanJson("b1b2b3b4b5b6b7b8", 40), token.toUtf8()), 200);
            QTRY_VERIFY2_WITH_TIMEOUT(box->statusLabel()->text().contains(QStringLiteral("1 model call stored")),
                                      qPrintable(box->statusLabel()->text()), kTimeoutMs);
            QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, kTimeoutMs);

            box->removeToken();
            QVERIFY(Conn::readSecret(Conn::otlpTokenSecretKey()).notFound);
            box->setReceiving(false);
            QVERIFY(!box->service()->isRunning());
            QCOMPARE(box->statusLabel()->text(), QStringLiteral("Off"));
            QVERIFY(!QSettings().value(QStringLiteral("telemetry/receiver/enabled")).toBool());
            QCOMPARE(post(port, TestSupport::otlpSpanJson("c1c2c3c4c5c6c7c8", 5)), 0); // connection refused: nothing listens
        }
        QCOMPARE(storedInputTokens(path), 340LL);

        // Left on, it is on again at the next start.
        QSettings().setValue(QStringLiteral("telemetry/receiver/enabled"), true);
        AccountsPage again(path);
        QVERIFY(again.receiverPanel()->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(again.receiverPanel()->service()->isRunning(), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(again.receiverPanel()->statusLabel()->text().contains(QString::number(port)), kTimeoutMs);
        QSettings().clear();
    }
};

BURNRATE_GUI_TEST_MAIN(TestReceiverService)
#include "tst_receiverservice.moc"
