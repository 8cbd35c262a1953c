#pragma once

// Header-only helpers shared by the cloud connector tests (tst_awsconnector, tst_azure, tst_gcp,
// tst_cloudmodels): one fetch of a window, a sync of accounts through the real Conn::SyncEngine
// (secrets in the keychain), and exact store totals grouped by dimensions. Header-only because
// burnrate_test_support does not link burnrate_connectors.

#include "accountstore.h"
#include "analytics/analytics.h"
#include "connector.h"
#include "failuretext.h"
#include "secretstore.h"
#include "store/store.h"
#include "syncengine.h"
#include "testsupport.h"

#include <QFile>
#include <QMap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace CloudTest {

/// The bytes of tests/data/<relative> (empty when missing).
inline QByteArray readData(const QString &relative)
{
    QFile f(TestSupport::dataPath(relative));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Short retries for tests (Retry-After still honoured up to the default 120 s cap).
inline Conn::RetryPolicy fastPolicy()
{
    Conn::RetryPolicy p;
    p.maxAttempts = 3;
    p.timeoutMs = 5000;
    p.baseDelayMs = 10;
    p.maxDelayMs = 40;
    return p;
}

/// An exact decimal literal as money (qFatal on a bad literal: fixtures are the test's own).
inline Cost::Money money(const QString &decimal)
{
    Cost::Money m = 0;
    if (Cost::parseMoney(decimal.toStdString(), m) != Cost::ParseStatus::Ok)
        qFatal("bad decimal %s", qPrintable(decimal));
    return m;
}

/// Exact sum of decimal literals.
inline Cost::Money decimalSum(const QStringList &values)
{
    QString sum;
    if (!TestSupport::decimalSum(values, &sum))
        qFatal("not plain decimals: %s", qPrintable(values.join(QLatin1Char(' '))));
    return money(sum);
}

/// What one fetch() ended with.
struct FetchRun {
    std::shared_ptr<Conn::FetchResult> result;
    Conn::ErrorKind kind = Conn::ErrorKind::None;
    QString error;
};

/// The two days the cloud fixtures cover: [2025-06-01, 2025-06-03).
inline const Conn::DateWindow kFixtureWindow{QDate(2025, 6, 1), QDate(2025, 6, 3)};

/// Runs connector.fetch(window) and waits for its completion signal (qFatal unless exactly one).
inline FetchRun runFetch(Conn::Connector &c, const Conn::AccountConfig &account, const QString &secret,
                         const Conn::DateWindow &window = kFixtureWindow)
{
    FetchRun run;
    QSignalSpy ok(&c, &Conn::Connector::fetchFinished), failed(&c, &Conn::Connector::fetchFailed);
    c.fetch(account, secret, window);
    if (!QTest::qWaitFor([&] { return ok.size() + failed.size() > 0; }, 15000))
        qFatal("fetch never finished");
    QTest::qWait(20); // nothing else may follow
    if (ok.size() + failed.size() != 1)
        qFatal("more than one completion signal");
    if (!ok.isEmpty())
        run.result = ok.first().first().value<std::shared_ptr<Conn::FetchResult>>();
    else {
        run.kind = failed.first().at(0).value<Conn::ErrorKind>();
        run.error = failed.first().at(1).toString();
    }
    return run;
}

/// Runs connector.testConnection and waits for its answer.
inline Conn::TestResult runTest(Conn::Connector &c, const Conn::AccountConfig &account, const QString &secret)
{
    QSignalSpy spy(&c, &Conn::Connector::testFinished);
    c.testConnection(account, secret);
    if (spy.isEmpty() && !spy.wait(15000))
        qFatal("testConnection never finished");
    return spy.first().first().value<Conn::TestResult>();
}

/// A started loopback fake (FakeAzure, FakeGoogle, FakeCostExplorer: anything with a `server`)
/// and its connector with fastPolicy(); each test builds its own.
template<typename Fake, typename C>
struct Rig {
    Fake fake;
    C connector;
    Rig()
    {
        if (!fake.server.start())
            qFatal("the fake server did not start");
        connector.setRetryPolicy(fastPolicy());
    }
    /// One fetch of `window` through the connector.
    FetchRun fetch(const Conn::AccountConfig &account, const QString &secret, const Conn::DateWindow &window = kFixtureWindow)
    {
        return runFetch(connector, account, secret, window);
    }
};

/// Billed total of a fetched window.
inline Cost::BigMoney billedTotal(const Conn::FetchResult &r)
{
    Cost::BigMoney t = 0;
    for (const Cost::Record &rec : r.records())
        t += rec.amount(Cost::Amount::Billed);
    return t;
}

/// True when a keychain (Secret Service) answers; else *why says so (tests QSKIP with it).
inline bool keychainAvailable(QString *why)
{
    QString error;
    if (!Conn::writeSecret(QStringLiteral("burnrate-test/cloud-probe"), QStringLiteral("x"), &error)) {
        *why = QStringLiteral("no keychain (run under dbus-run-session with gnome-keyring): ") + error;
        return false;
    }
    Conn::deleteSecret(QStringLiteral("burnrate-test/cloud-probe"), &error);
    return true;
}

/// Adds `account` to the store at dbPath (id set) and puts `secret` in the keychain for it.
inline bool addAccount(const QString &dbPath, Conn::AccountConfig &account, const QString &secret, QString *error)
{
    Cost::Store store;
    if (!store.open(dbPath.toStdString())) {
        *error = QString::fromStdString(store.error());
        return false;
    }
    Conn::AccountStore accounts(store.db());
    account.id = accounts.add(account, error);
    return account.id > 0 && Conn::writeSecret(Conn::accountSecretKey(account.id), secret, error);
}

/// Removes the keychain entries addAccount() made.
inline void forgetSecrets(const QList<Conn::AccountConfig> &accounts)
{
    QString ignored;
    for (const Conn::AccountConfig &a : accounts)
        Conn::deleteSecret(Conn::accountSecretKey(a.id), &ignored);
}

/// Syncs `accounts` once through the real Conn::SyncEngine as of `today`; every outcome, in order.
inline QList<Conn::SyncOutcome> syncAll(const QString &dbPath, const QList<Conn::AccountConfig> &accounts, const QDate &today)
{
    Conn::SyncEngine engine(dbPath);
    engine.setRetryPolicy(fastPolicy());
    engine.setToday(today);
    QSignalSpy finished(&engine, &Conn::SyncEngine::finished);
    QString error;
    if (!engine.start(accounts, &error))
        qFatal("sync did not start: %s", qPrintable(error));
    if (!finished.wait(30000) || finished.isEmpty())
        qFatal("sync did not finish");
    // One outcome per account, in order; callers read them with value(i), so a missing one fails
    // the test's own check (a default outcome is not ok) instead of reading past the end.
    return finished.first().first().value<QList<Conn::SyncOutcome>>();
}

/// One account (history_days 3) in a store in a temporary folder, its secret in the keychain;
/// sync() runs it as of 2025-06-02: one window [2025-05-31, 2025-06-03) that holds the fixtures'
/// two days. The keychain entry is removed again with the object.
struct StoreSync {
    QTemporaryDir dir;
    QString dbPath = dir.filePath(QStringLiteral("store.db"));
    Conn::AccountConfig account;
    QString error; ///< why the account could not be added (ready() false)

    StoreSync(Conn::AccountConfig config, const QString &secret) : account(std::move(config))
    {
        account.options.insert(QStringLiteral("history_days"), QStringLiteral("3"));
        m_ready = addAccount(dbPath, account, secret, &error);
    }
    ~StoreSync() { forgetSecrets({account}); }
    bool ready() const { return m_ready; }
    Conn::SyncOutcome sync() const;

private:
    bool m_ready = false;
};

/// Exact store totals of `metric` grouped by `by`, keyed "v1/v2/…".
inline QMap<QString, Cost::BigMoney> totalsBy(const QString &dbPath, std::vector<std::string> by,
                                              Analytics::Metric metric = Analytics::Metric::Billed)
{
    Cost::Store store;
    if (!store.open(dbPath.toStdString()))
        qFatal("cannot open store");
    std::vector<Analytics::TotalsRow> rows;
    std::string error;
    Analytics::TotalsRequest req;
    req.by = std::move(by);
    req.metric = metric;
    if (!Analytics::totals(store.db(), req, rows, error))
        qFatal("totals: %s", error.c_str());
    QMap<QString, Cost::BigMoney> out;
    for (const auto &r : rows) {
        QStringList keys;
        for (const std::string &k : r.keys)
            keys << QString::fromStdString(k);
        out[keys.join(QLatin1Char('/'))] += r.value;
    }
    return out;
}

/// A failed re-sync of StoreSync's one window says, in the words of the shared sync path, that it
/// stored nothing of it and what to do next (issue #20 item 5: every source, not only AWS).
inline bool saysNothingOfTheWindowWasStored(const Conn::SyncOutcome &o)
{
    return o.error.endsWith(QStringLiteral("Stored: nothing from this sync; what earlier syncs stored is kept. Not stored: %1; "
                                           "the next sync fetches it. ")
                                .arg(TestSupport::days(QDate(2025, 5, 31), QDate(2025, 6, 2)))
                            + Conn::FailureText::nextStep(o.kind));
}

inline Conn::SyncOutcome StoreSync::sync() const { return syncAll(dbPath, {account}, QDate(2025, 6, 2)).value(0); }

} // namespace CloudTest
