#include "accountmanager.h"

#include "connectorregistry.h"
#include "secretstore.h"
#include "store/store.h"
#include "task/task.h"

#include <QCoreApplication>
#include <QTimer>

namespace Conn {


AccountManager::AccountManager(QString dbPath, QObject *parent)
    : QObject(parent)
    , m_dbPath(std::move(dbPath))
    , m_engine(new SyncEngine(m_dbPath, this))
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
    if (!m_store->open(m_dbPath.toStdString())) {
        if (error)
            *error = QString::fromStdString(m_store->error());
        m_store.reset();
        return false;
    }
    m_accounts = std::make_unique<AccountStore>(m_store->db());
    return true;
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
    const auto entry = ConnectorRegistry::find(config.provider);
    const bool needsSecret = entry && entry->descriptor.needsSecret;
    if (needsSecret && secret.isEmpty()) {
        *error = tr("The %1 connector needs a secret (API key or credentials).").arg(entry->descriptor.displayName);
        return 0;
    }
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
        if (!writeSecret(accountSecretKey(id), secret, error)) {
            m_accounts->remove(id, false, &ignored); // no account without its secret
            return 0;
        }
        if (!config.paused && !m_accounts->setPaused(id, false, error)) {
            deleteSecret(accountSecretKey(id), &ignored); // no secret without its account
            m_accounts->remove(id, false, &ignored);
            return 0;
        }
    }
    Q_EMIT accountsChanged();
    return id;
}

bool AccountManager::updateAccount(const AccountConfig &config, const std::optional<QString> &secret, QString *error)
{
    if (!m_accounts) {
        *error = tr("The store is not open.");
        return false;
    }
    if (secret && !secret->isEmpty() && !writeSecret(accountSecretKey(config.id), *secret, error))
        return false;
    if (!m_accounts->update(config, error))
        return false;
    Q_EMIT accountsChanged();
    return true;
}

bool AccountManager::setPaused(qint64 id, bool paused, QString *error)
{
    if (!m_accounts || !m_accounts->setPaused(id, paused, error))
        return false;
    Q_EMIT accountsChanged();
    return true;
}

bool AccountManager::removeAccount(qint64 id, bool deleteData, QString *error)
{
    if (!canRemove(error))
        return false;
    if (!m_accounts->remove(id, deleteData, error))
        return false;
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
    runner.run(
        m_dbPath,
        [id, deleteData](Task::Context &context) {
            QString error;
            AccountStore(context.db()).remove(id, deleteData, &error);
            return error;
        },
        [this, id, done = std::move(done)](Task::Outcome<QString> &outcome) {
            QString error = outcome.ok() ? outcome.value : outcome.error;
            // The store step committed (or failed) on the pool; the keychain is this thread's.
            const bool ok = error.isEmpty() && forgetSecret(id, &error);
            done(ok, error);
        });
}

bool AccountManager::canRemove(QString *error) const
{
    if (!m_accounts) {
        *error = tr("The store is not open.");
        return false;
    }
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

quint64 AccountManager::testConnection(const AccountConfig &config, const QString &secret)
{
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
        const SecretResult stored = readSecret(accountSecretKey(config.id));
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
    QList<AccountConfig> chosen;
    if (ids.isEmpty()) {
        for (const AccountConfig &a : accounts())
            if (!a.paused)
                chosen.push_back(a);
    } else {
        for (qint64 id : ids) {
            if (const auto a = account(id))
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
