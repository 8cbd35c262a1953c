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
/// Threading: create and use on one thread. Two ways to use it:
/// - GUI: never call open(). Reads come from snapshot() (loaded by refresh() and after every
///   change on the thread pool; accountsChanged() announces it); writes take a `done` callback:
///   their store steps run on a Task::Runner, keychain calls on this thread, never inside a
///   store transaction. No store connection is ever opened on this thread.
/// - Command line only (outside the GUI event loop): open() the store on this thread and use the
///   synchronous calls marked so below.
/// Errors are returned as plain messages; nothing here shows UI.
class AccountManager : public QObject {
    Q_OBJECT
public:
    explicit AccountManager(QString dbPath, QObject *parent = nullptr);
    ~AccountManager() override;

    /// Command line only: opens the store on this thread (creating / migrating it); false with *error.
    bool open(QString *error);
    const QString &dbPath() const { return m_dbPath; }

    /// GUI: reloads snapshot() on the thread pool; accountsChanged() follows (done(error) too when given).
    void refresh(std::function<void(const QString &error)> done = {});
    /// GUI: the accounts as of the last refresh() or change (kept current by the synchronous calls too).
    const QList<AccountConfig> &snapshot() const { return m_snapshot; }
    std::optional<AccountConfig> snapshotAccount(qint64 id) const;
    std::optional<AccountConfig> snapshotAccountByName(const QString &name) const;

    /// GUI: addAccount() below with the store steps on the pool (row committed paused → keychain
    /// write here → un-paused on the pool; the row is removed again when the keychain refuses).
    /// `done(id, error)` follows on this thread: id 0 with the error on failure.
    void addAccount(const AccountConfig &config, const QString &secret,
                    std::function<void(qint64 id, const QString &error)> done);
    /// GUI: updateAccount() below (keychain here first, then the row on the pool); then done.
    void updateAccount(const AccountConfig &config, const std::optional<QString> &secret,
                       std::function<void(bool ok, const QString &error)> done);
    /// GUI: setPaused() below with the store step on the pool; then done.
    void setPaused(qint64 id, bool paused, std::function<void(bool ok, const QString &error)> done);

    /// Command line only (the store must be open()): the synchronous reads and writes.
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

    /// Syncs the given accounts (all unpaused ones when empty) on the engine's worker thread; the
    /// accounts come from the open store (command line) or else from snapshot() (GUI).
    bool sync(const QList<qint64> &ids, QString *error);
    /// The engine (connect to its progress / accountFinished / finished signals; cancel()).
    SyncEngine *engine() { return m_engine; }

Q_SIGNALS:
    void accountsChanged();
    void testFinished(quint64 generation, const Conn::TestResult &result);

private:
    struct StepResult {
        QString error;
        qint64 id = 0;
        QList<AccountConfig> accounts; ///< the list after the step
    };
    using Change = std::function<QString(Cost::SqliteDb &db, AccountStore &store, qint64 &id)>;
    /// Runs `change` on `runner`'s pool thread, then takes the new list as snapshot() and calls
    /// `done(id, error)` here.
    void step(Task::Runner &runner, Change change, std::function<void(qint64 id, const QString &error)> done);
    /// Removes the row of a half-added account again, then reports `error` through done.
    void undoAdd(qint64 id, const QString &error, const std::function<void(qint64, const QString &)> &done);
    /// Both addAccount(): false with *error when the connector needs a secret and none is given.
    static bool checkSecret(const AccountConfig &config, const QString &secret, bool *needsSecret, QString *error);
    /// After a synchronous change: the snapshot follows the store.
    void resnapshot();
    bool canRemove(QString *error) const;
    /// Deletes the account's keychain entry and announces the change.
    bool forgetSecret(qint64 id, QString *error);

    QString m_dbPath;
    std::unique_ptr<Cost::Store> m_store;
    std::unique_ptr<AccountStore> m_accounts;
    SyncEngine *m_engine = nullptr;
    Task::Runner *m_runner = nullptr; ///< the GUI's store steps (Policy::Every)
    QList<AccountConfig> m_snapshot;
    QPointer<Connector> m_tester;
    quint64 m_generation = 0;
    RetryPolicy m_testPolicy;
};

} // namespace Conn
