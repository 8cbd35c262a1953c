#include "secretstore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>

namespace Conn {

namespace {

// The keychain service every entry is filed under: "burnrate", or BURNRATE_KEYCHAIN_SERVICE when
// set (the test suite gives each test its own, so tests running side by side never share an entry
// and never touch a developer's real "burnrate" entries).
const QString &service()
{
    static const QString name = qEnvironmentVariable("BURNRATE_KEYCHAIN_SERVICE", QStringLiteral("burnrate"));
    return name;
}

// Runs a QtKeychain job to completion on the calling thread. QtKeychain jobs are asynchronous
// (D-Bus / libsecret callbacks); a local event loop waits for `finished`. No timeout of our own:
// the Secret Service answers or D-Bus times out (25 s) and the job reports an error.
void runJob(QKeychain::Job &job)
{
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    loop.exec();
}

QString describe(const QKeychain::Job &job, const QString &action)
{
    QString why;
    switch (job.error()) {
    case QKeychain::NoBackendAvailable:
        why = QCoreApplication::translate("Conn", "no OS keychain is available (on Linux a Secret Service such as "
                                                  "gnome-keyring or KWallet must be running)");
        break;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        why = QCoreApplication::translate("Conn", "access to the keychain was denied (is it locked?)");
        break;
    case QKeychain::EntryNotFound:
        why = QCoreApplication::translate("Conn", "no such entry in the keychain");
        break;
    default:
        why = job.errorString();
        break;
    }
    return QCoreApplication::translate("Conn", "Cannot %1 the secret in the OS keychain: %2").arg(action, why);
}

} // namespace

QString accountSecretKey(qint64 accountId) { return QStringLiteral("account/%1").arg(accountId); }

SecretResult readSecret(const QString &key)
{
    SecretResult result;
    QKeychain::ReadPasswordJob job(service());
    job.setInsecureFallback(false);
    job.setKey(key);
    runJob(job);
    if (job.error() != QKeychain::NoError) {
        result.notFound = job.error() == QKeychain::EntryNotFound;
        result.error = describe(job, QCoreApplication::translate("Conn", "read"));
        return result;
    }
    result.ok = true;
    result.value = job.textData();
    return result;
}

bool writeSecret(const QString &key, const QString &value, QString *error)
{
    QKeychain::WritePasswordJob job(service());
    job.setInsecureFallback(false);
    job.setKey(key);
    job.setTextData(value);
    runJob(job);
    if (job.error() != QKeychain::NoError) {
        if (error)
            *error = describe(job, QCoreApplication::translate("Conn", "store"));
        return false;
    }
    return true;
}

bool deleteSecret(const QString &key, QString *error)
{
    QKeychain::DeletePasswordJob job(service());
    job.setInsecureFallback(false);
    job.setKey(key);
    runJob(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound) {
        if (error)
            *error = describe(job, QCoreApplication::translate("Conn", "delete"));
        return false;
    }
    return true;
}

} // namespace Conn
