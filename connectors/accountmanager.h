#pragma once

#include "accountstore.h"
#include "connector.h"
#include "syncengine.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace Cost {
class Store;
}
namespace Task {
class Runner;
}

namespace Conn {

/// The accounts API for the GUI (wizard, accounts page) and the CLI: account CRUD with the
/// secret kept in the OS keychain, asynchronous connection tests, and syncs through the owned
/// SyncEngine (progress / cancel / per-account outcome signals).
/// Threading: create and use on one thread (the GUI thread); it opens its own store connection
/// there. CRUD calls are short SQLite statements plus, for secrets, a blocking keychain round
/// trip that never runs inside a store transaction. Errors are returned as plain messages;
/// nothing here shows UI.
class AccountManager : public QObject {
    Q_OBJECT
public:
    explicit AccountManager(QString dbPath, QObject *parent = nullptr);
    ~AccountManager() override;

    /// Opens the store (creating / migrating it); false with *error.
    bool open(QString *error);
    const QString &dbPath() const { return m_dbPath; }

    QList<AccountConfig> accounts();
    std::optional<AccountConfig> account(qint64 id);
    std::optional<AccountConfig> accountByName(const QString &name);
    SyncStatus status(qint64 id);

    /// Adds the account and, when its connector needs one, stores `secret` in the keychain under
    /// accountSecretKey(id) once the row has committed. All or nothing: a keychain failure
    /// leaves no account behind, a failing store step no secret.
    /// Returns the new id, or 0 with *error.
    qint64 addAccount(const AccountConfig &config, const QString &secret, QString *error);
    /// Updates name, base URL, options, paused; a `secret` replaces the stored one.
    bool updateAccount(const AccountConfig &config, const std::optional<QString> &secret, QString *error);
    bool setPaused(qint64 id, bool paused, QString *error);
    /// Removes the account and its keychain entry; deleteData also removes every charge it
    /// brought in (otherwise they stay, as a source no longer synced).
    bool removeAccount(qint64 id, bool deleteData, QString *error);
    /// The same with the store step (erasing the charges may take a while) on `runner`'s pool
    /// thread, then the keychain entry on this thread; `done(ok, error)` follows on this thread.
    void removeAccount(qint64 id, bool deleteData, Task::Runner &runner,
                       std::function<void(bool ok, const QString &error)> done);

    /// Starts an asynchronous connection test on this thread and returns its generation;
    /// testFinished(generation, result) follows. An empty `secret` with config.id set uses the
    /// stored secret. A newer test supersedes (cancels) an older one.
    quint64 testConnection(const AccountConfig &config, const QString &secret = {});
    /// Policy for connection tests (default: 2 attempts, 20 s timeout).
    void setTestPolicy(const RetryPolicy &policy) { m_testPolicy = policy; }

    /// Syncs the given accounts (all unpaused ones when empty) on the engine's worker thread.
    bool sync(const QList<qint64> &ids, QString *error);
    /// The engine (connect to its progress / accountFinished / finished signals; cancel()).
    SyncEngine *engine() { return m_engine; }

Q_SIGNALS:
    void accountsChanged();
    void testFinished(quint64 generation, const Conn::TestResult &result);

private:
    bool canRemove(QString *error) const;
    /// Deletes the account's keychain entry and announces the change.
    bool forgetSecret(qint64 id, QString *error);

    QString m_dbPath;
    std::unique_ptr<Cost::Store> m_store;
    std::unique_ptr<AccountStore> m_accounts;
    SyncEngine *m_engine = nullptr;
    QPointer<Connector> m_tester;
    quint64 m_generation = 0;
    RetryPolicy m_testPolicy;
};

} // namespace Conn
