#include "accountmanager.h"

#include "connectorregistry.h"
#include "secretbinding.h"
#include "store/store.h"
#include "task/task.h"

#include <QCoreApplication>
#include <QTimer>

namespace Conn {

AccountManager::AccountManager(QString dbPath, QObject *parent)
    : QObject(parent)
    , m_dbPath(std::move(dbPath))
    , m_engine(new SyncEngine(m_dbPath, this))
    , m_runner(new Task::Runner(this, Task::Runner::Policy::Every))
{
    qRegisterMetaType<Conn::TestResult>();
    m_testPolicy.maxAttempts = 2;
    m_testPolicy.timeoutMs = 20000;
    // Sync status changes show in account lists.
    connect(m_engine, &SyncEngine::accountFinished, this, &AccountManager::accountsChanged);
}

AccountManager::~AccountManager() = default;

bool AccountManager::open(QString *error)
{
    m_store = std::make_unique<Cost::Store>();
    if (!m_store->open(m_dbPath.toStdString(), Cost::Store::TeamStore::AsGranted)) {
        if (error)
            *error = QString::fromStdString(m_store->error());
        m_store.reset();
        return false;
    }
    m_accounts = std::make_unique<AccountStore>(m_store->db());
    resnapshot();
    return true;
}

void AccountManager::resnapshot()
{
    if (m_accounts)
        m_snapshot = m_accounts->list();
}

void AccountManager::refresh(std::function<void(const QString &error)> done)
{
    step(*m_runner, [](Cost::SqliteDb &, AccountStore &, qint64 &) { return QString(); },
         [this, done = std::move(done)](qint64, const QString &error) {
             Q_EMIT accountsChanged();
             if (done)
                 done(error);
         });
}

std::optional<AccountConfig> AccountManager::snapshotAccount(qint64 id) const
{
    for (const AccountConfig &a : m_snapshot)
        if (a.id == id)
            return a;
    return std::nullopt;
}

std::optional<AccountConfig> AccountManager::snapshotAccountByName(const QString &name) const
{
    for (const AccountConfig &a : m_snapshot)
        if (a.name == name)
            return a;
    return std::nullopt;
}

void AccountManager::step(Task::Runner &runner, Change change, std::function<void(qint64 id, const QString &error)> done)
{
    runner.run(
        m_dbPath,
        [change = std::move(change)](Task::Context &context) {
            StepResult result;
            AccountStore store(context.db());
            result.error = change(context.db(), store, result.id);
            result.accounts = store.list();
            return result;
        },
        [this, done = std::move(done)](Task::Outcome<StepResult> &outcome) {
            if (!outcome.ok()) {
                done(0, outcome.error);
                return;
            }
            m_snapshot = outcome.value.accounts;
            done(outcome.value.id, outcome.value.error);
        });
}

bool AccountManager::checkSecret(const AccountConfig &config, const QString &secret, bool *needsSecret, QString *error)
{
    const auto entry = ConnectorRegistry::find(config.provider);
    *needsSecret = entry && entry->descriptor.needsSecret;
    if (*needsSecret && secret.isEmpty()) {
        *error = tr("The %1 connector needs a secret (API key or credentials).").arg(entry->descriptor.displayName);
        return false;
    }
    return true;
}

void AccountManager::addAccount(const AccountConfig &config, const QString &secret,
                                std::function<void(qint64 id, const QString &error)> done)
{
    QString error;
    bool needsSecret = false;
    if (!checkSecret(config, secret, &needsSecret, &error)) {
        done(0, error);
        return;
    }
    // As in the synchronous addAccount(): the row commits paused on the pool, the keychain
    // call runs here with no transaction open anywhere, then the pool un-pauses the row.
    AccountConfig staged = config;
    staged.paused = config.paused || needsSecret;
    Change insert = [staged](Cost::SqliteDb &db, AccountStore &store, qint64 &id) {
        QString error;
        if (!db.exec("BEGIN IMMEDIATE"))
            return QString::fromStdString(db.error());
        id = store.add(staged, &error);
        if (id == 0 || !db.exec("COMMIT")) {
            if (id != 0)
                error = QString::fromStdString(db.error());
            id = 0;
            db.exec("ROLLBACK");
        }
        return error;
    };
    step(*m_runner, std::move(insert), [this, config, secret, needsSecret, done](qint64 id, const QString &error) {
        if (id == 0) {
            done(0, error);
            return;
        }
        auto finish = [this, done](qint64 id) {
            Q_EMIT accountsChanged();
            done(id, QString());
        };
        if (!needsSecret) {
            finish(id);
            return;
        }
        QString keychainError;
        AccountConfig added = config;
        added.id = id;
        if (!storeAccountSecret(added, secret, &keychainError)) {
            undoAdd(id, keychainError, done); // no account without its secret
            return;
        }
        if (config.paused) {
            finish(id);
            return;
        }
        Change resume = [id](Cost::SqliteDb &, AccountStore &store, qint64 &) {
            QString error;
            store.setPaused(id, false, &error);
            return error;
        };
        step(*m_runner, std::move(resume), [this, id, done, finish](qint64, const QString &error) {
            if (error.isEmpty()) {
                finish(id);
                return;
            }
            QString ignored;
            deleteSecret(accountSecretKey(id), &ignored); // no secret without its account
            undoAdd(id, error, done);
        });
    });
}

void AccountManager::undoAdd(qint64 id, const QString &error, const std::function<void(qint64, const QString &)> &done)
{
    step(*m_runner,
         [id](Cost::SqliteDb &, AccountStore &store, qint64 &) {
             QString ignored;
             store.remove(id, false, &ignored);
             return QString();
         },
         [error, done](qint64, const QString &) { done(0, error); });
}

void AccountManager::updateAccount(const AccountConfig &config, const std::optional<QString> &secret,
                                   std::function<void(bool ok, const QString &error)> done)
{
    QString error;
    const bool newSecret = secret && !secret->isEmpty();
    const auto before = snapshotAccount(config.id);
    if (newSecret ? !storeAccountSecret(config, *secret, &error) : before && !secretFollowsEdit(*before, config, &error)) {
        done(false, error);
        return;
    }
    step(*m_runner,
         [config](Cost::SqliteDb &, AccountStore &store, qint64 &) {
             QString error;
             store.update(config, &error);
             return error;
         },
         [this, done = std::move(done)](qint64, const QString &error) {
             if (error.isEmpty())
                 Q_EMIT accountsChanged();
             done(error.isEmpty(), error);
         });
}

void AccountManager::setPaused(qint64 id, bool paused, std::function<void(bool ok, const QString &error)> done)
{
    step(*m_runner,
         [id, paused](Cost::SqliteDb &, AccountStore &store, qint64 &) {
             QString error;
             store.setPaused(id, paused, &error);
             return error;
         },
         [this, done = std::move(done)](qint64, const QString &error) {
             if (error.isEmpty())
                 Q_EMIT accountsChanged();
             done(error.isEmpty(), error);
         });
}

QList<AccountConfig> AccountManager::accounts() { return m_accounts ? m_accounts->list() : QList<AccountConfig>(); }

std::optional<AccountConfig> AccountManager::account(qint64 id)
{
    return m_accounts ? m_accounts->byId(id) : std::nullopt;
}

std::optional<AccountConfig> AccountManager::accountByName(const QString &name)
{
    return m_accounts ? m_accounts->byName(name) : std::nullopt;
}

SyncStatus AccountManager::status(qint64 id) { return m_accounts ? m_accounts->status(id) : SyncStatus(); }

qint64 AccountManager::addAccount(const AccountConfig &config, const QString &secret, QString *error)
{
    if (!m_accounts) {
        *error = tr("The store is not open.");
        return 0;
    }
    bool needsSecret = false;
    if (!checkSecret(config, secret, &needsSecret, error))
        return 0;
    // No transaction may stay open across the keychain call (QtKeychain spins a nested event
    // loop): the row commits first, paused so that no sync picks it up without its secret, and
    // is taken back out when the keychain refuses the secret.
    AccountConfig staged = config;
    staged.paused = config.paused || needsSecret;
    Cost::SqliteDb &db = m_store->db();
    if (!db.exec("BEGIN IMMEDIATE")) {
        *error = QString::fromStdString(db.error());
        return 0;
    }
    const qint64 id = m_accounts->add(staged, error);
    if (id == 0 || !db.exec("COMMIT")) {
        if (id != 0)
            *error = QString::fromStdString(db.error());
        db.exec("ROLLBACK");
        return 0;
    }
    if (needsSecret) {
        QString ignored;
        AccountConfig added = config;
        added.id = id;
        if (!storeAccountSecret(added, secret, error)) {
            m_accounts->remove(id, false, &ignored); // no account without its secret
            return 0;
        }
        if (!config.paused && !m_accounts->setPaused(id, false, error)) {
            deleteSecret(accountSecretKey(id), &ignored); // no secret without its account
            m_accounts->remove(id, false, &ignored);
            return 0;
        }
    }
    resnapshot();
    Q_EMIT accountsChanged();
    return id;
}

bool AccountManager::updateAccount(const AccountConfig &config, const std::optional<QString> &secret, QString *error)
{
    if (!m_accounts) {
        *error = tr("The store is not open.");
        return false;
    }
    const bool newSecret = secret && !secret->isEmpty();
    const auto before = m_accounts->byId(config.id);
    if (newSecret ? !storeAccountSecret(config, *secret, error) : before && !secretFollowsEdit(*before, config, error))
        return false;
    if (!m_accounts->update(config, error))
        return false;
    resnapshot();
    Q_EMIT accountsChanged();
    return true;
}

bool AccountManager::setPaused(qint64 id, bool paused, QString *error)
{
    if (!m_accounts || !m_accounts->setPaused(id, paused, error))
        return false;
    resnapshot();
    Q_EMIT accountsChanged();
    return true;
}

bool AccountManager::removeAccount(qint64 id, bool deleteData, QString *error)
{
    if (!m_accounts) {
        *error = tr("The store is not open.");
        return false;
    }
    if (!canRemove(error) || !m_accounts->remove(id, deleteData, error))
        return false;
    resnapshot();
    return forgetSecret(id, error);
}

void AccountManager::removeAccount(qint64 id, bool deleteData, Task::Runner &runner,
                                   std::function<void(bool ok, const QString &error)> done)
{
    QString error;
    if (!canRemove(&error)) {
        done(false, error);
        return;
    }
    step(
        runner,
        [id, deleteData](Cost::SqliteDb &, AccountStore &store, qint64 &) {
            QString error;
            store.remove(id, deleteData, &error);
            return error;
        },
        [this, id, done = std::move(done)](qint64, QString error) {
            // The store step committed (or failed) on the pool; the keychain is this thread's.
            const bool ok = error.isEmpty() && forgetSecret(id, &error);
            done(ok, error);
        });
}

bool AccountManager::canRemove(QString *error) const
{
    if (m_engine->isRunning()) {
        *error = tr("A sync is running; cancel it or wait before removing an account.");
        return false;
    }
    return true;
}

bool AccountManager::forgetSecret(qint64 id, QString *error)
{
    QString keychainError;
    const bool removed = deleteSecret(accountSecretKey(id), &keychainError);
    Q_EMIT accountsChanged();
    if (!removed) {
        *error = tr("The account was removed, but its keychain entry could not be deleted: %1").arg(keychainError);
        return false;
    }
    return true;
}

quint64 AccountManager::testConnection(const AccountConfig &given, const QString &secret)
{
    AccountConfig config = given; // the wizard tests before it saves: the same base URL the store keeps
    config.baseUrl = ConnectorRegistry::normalisedBaseUrl(config.provider, config.baseUrl);
    const quint64 generation = ++m_generation;
    if (m_tester) {
        m_tester->disconnect(this);
        m_tester->cancel();
        m_tester->deleteLater();
    }
    auto finish = [this, generation](const TestResult &r) {
        QTimer::singleShot(0, this, [this, generation, r] { Q_EMIT testFinished(generation, r); });
    };
    Connector *connector = ConnectorRegistry::create(config.provider, this);
    if (!connector) {
        finish(TestResult{false, ErrorKind::Config, tr("Unknown provider \"%1\".").arg(config.provider)});
        return generation;
    }
    QString key = secret;
    if (key.isEmpty() && config.id != 0 && connector->descriptor().needsSecret) {
        const SecretResult stored = loadAccountSecret(config); // only to the host(s) it was entered for
        if (!stored.ok) {
            delete connector;
            finish(TestResult{false, ErrorKind::Config, stored.error});
            return generation;
        }
        key = stored.value;
    }
    m_tester = connector;
    connector->setRetryPolicy(m_testPolicy);
    connect(connector, &Connector::testFinished, this, [this, connector, generation](const TestResult &r) {
        connector->deleteLater();
        if (generation == m_generation)
            Q_EMIT testFinished(generation, r);
    });
    connector->testConnection(config, key);
    return generation;
}

bool AccountManager::sync(const QList<qint64> &ids, QString *error)
{
    resnapshot(); // the command line reads the open store; the GUI has no connection here
    QList<AccountConfig> chosen;
    if (ids.isEmpty()) {
        for (const AccountConfig &a : m_snapshot)
            if (!a.paused)
                chosen.push_back(a);
    } else {
        for (qint64 id : ids) {
            if (const auto a = snapshotAccount(id))
                chosen.push_back(*a);
        }
    }
    if (chosen.isEmpty()) {
        *error = ids.isEmpty() ? tr("There is no active account to sync.") : tr("No such account.");
        return false;
    }
    return m_engine->start(chosen, error);
}

} // namespace Conn
