// Conn secret store over the real Secret Service (run inside dbus-run-session with an unlocked
// gnome-keyring, as CI does). The no-keychain failure is covered by tst_accountscli.
#include "secretstore.h"

#include <QTest>
#include <QUuid>

class TstSecretStore : public QObject {
    Q_OBJECT

private:
    QString m_key = QStringLiteral("burnrate-test/secret-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(Conn::writeSecret(m_key, QStringLiteral("probe"), &error),
                 qPrintable(QStringLiteral("no Secret Service (run under dbus-run-session + gnome-keyring): ") + error));
    }

    void roundTripOverwriteDelete()
    {
        QString error;
        const QString value = QStringLiteral("sk-admin-ünïcode-\u20ac-") + QString(200, QLatin1Char('x'));
        QVERIFY2(Conn::writeSecret(m_key, value, &error), qPrintable(error));
        Conn::SecretResult r = Conn::readSecret(m_key);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.value, value);

        QVERIFY(Conn::writeSecret(m_key, QStringLiteral("second"), &error));
        QCOMPARE(Conn::readSecret(m_key).value, QStringLiteral("second"));

        QVERIFY2(Conn::deleteSecret(m_key, &error), qPrintable(error));
        r = Conn::readSecret(m_key);
        QVERIFY(!r.ok);
        QVERIFY(r.notFound);
        QVERIFY(r.value.isEmpty());
        QVERIFY(!r.error.isEmpty());
        QVERIFY(Conn::deleteSecret(m_key, &error)); // deleting a missing entry succeeds
    }

    void keysAreSeparate()
    {
        QString error;
        const QString a = m_key + QStringLiteral("/a"), b = m_key + QStringLiteral("/b");
        QVERIFY(Conn::writeSecret(a, QStringLiteral("A"), &error));
        QVERIFY(Conn::writeSecret(b, QStringLiteral("B"), &error));
        QCOMPARE(Conn::readSecret(a).value, QStringLiteral("A"));
        QCOMPARE(Conn::readSecret(b).value, QStringLiteral("B"));
        QVERIFY(Conn::deleteSecret(a, &error));
        QCOMPARE(Conn::readSecret(b).value, QStringLiteral("B"));
        QVERIFY(Conn::deleteSecret(b, &error));
        QCOMPARE(Conn::accountSecretKey(42), QStringLiteral("account/42"));
    }
};

QTEST_GUILESS_MAIN(TstSecretStore)
#include "tst_secretstore.moc"
