#pragma once

// Header-only: the store and account manager a wizard test drives (tst_bucketwizard,
// tst_gatewaywizard) — a fresh store per test function, connection tests with one quick attempt,
// and every account removed with its secret afterwards.

#include "accountmanager.h"
#include "cloudtest.h"
#include "secretbinding.h"

#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <memory>

struct WizardAccounts {
    QTemporaryDir dir;
    QString db;
    int run = 0;
    std::unique_ptr<Conn::AccountManager> manager;

    /// Opens a new store and its manager: empty on success, else why the test cannot run (no
    /// keychain: `*skip` is set) or what failed.
    QString open(bool *skip)
    {
        QString why;
        *skip = !CloudTest::keychainAvailable(&why);
        if (*skip)
            return why;
        db = dir.filePath(QStringLiteral("store%1.sqlite").arg(++run));
        manager = std::make_unique<Conn::AccountManager>(db);
        QString error;
        if (!manager->open(&error))
            return error;
        Conn::RetryPolicy quick = CloudTest::fastPolicy();
        quick.maxAttempts = 1;
        manager->setTestPolicy(quick);
        return {};
    }

    /// Removes every account with its secret and closes the manager.
    void close()
    {
        if (manager)
            for (const Conn::AccountConfig &a : manager->accounts()) {
                QString error;
                manager->removeAccount(a.id, true, &error);
            }
        manager.reset();
    }

    /// Empty when account `name`'s secret (containing `secretPart`) is in the keychain and nowhere in
    /// the store file; else what is wrong.
    QString secretOnlyInKeychain(const QString &name, const QByteArray &secretPart) const
    {
        const auto account = manager->accountByName(name);
        if (!account)
            return QStringLiteral("no account %1").arg(name);
        const Conn::SecretResult secret = Conn::readSecret(Conn::accountSecretKey(account->id));
        if (!secret.ok)
            return secret.error;
        if (!Conn::unbindSecret(secret.value).secret.toUtf8().contains(secretPart))
            return QStringLiteral("the keychain holds another secret");
        QFile file(db);
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read the store");
        return file.readAll().contains(secretPart) ? QStringLiteral("the secret is in the store file") : QString();
    }
};
