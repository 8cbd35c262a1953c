#pragma once

// Header-only helpers shared by the OpenAI and Anthropic connector tests (tst_openai,
// tst_anthropic): a paged fake report endpoint over generated days, a synchronous sync run
// through Conn::SyncWorker into a temp store, and exact totals read back from the store.
// Header-only because burnrate_test_support does not link burnrate_connectors.

#include "accountmanager.h"
#include "accountstore.h"
#include "analytics/analytics.h"
#include "fakeserver.h"
#include "store/store.h"
#include "syncworker.h"
#include "testsupport.h"

#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <functional>

namespace AdminApiTest {

/// The bytes of tests/data/<relative>.
inline QByteArray fixture(const QString &relative)
{
    QFile f(TestSupport::dataPath(relative));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(relative));
    return f.readAll();
}

/// A report endpoint that answers one bucket per UTC day of the requested window, `pageSize`
/// buckets per page, chained by `page=<cursor>` — real cursor paging over generated data.
struct PagedDays {
    /// Reads the requested [from, to) from the request (provider-specific parameters).
    std::function<bool(const TestSupport::FakeRequest &, qint64 *from, qint64 *to)> window;
    /// Renders one page holding `days` (bucket starts); `nextPage` empty = the last page.
    std::function<QByteArray(const QList<qint64> &days, const QString &nextPage)> page;
    int pageSize = 2;
};

inline TestSupport::FakeServer::Handler pagedDaysHandler(const PagedDays &spec)
{
    return [spec](const TestSupport::FakeRequest &req) {
        qint64 from = 0, to = 0;
        if (!spec.window(req, &from, &to) || to <= from)
            return TestSupport::FakeResponse::json(R"({"error":{"message":"bad window"}})", 400);
        QList<qint64> days;
        for (qint64 d = from; d < to; d += 86400)
            days.push_back(d);
        const QString cursor = req.queryValue(QStringLiteral("page"));
        qsizetype first = 0;
        if (!cursor.isEmpty()) {
            // Cursors look like base64 ("cur+4/=") so that their encoding on the wire matters.
            bool ok = false;
            if (cursor.startsWith(QLatin1String("cur+")) && cursor.endsWith(QLatin1String("/=")))
                first = cursor.mid(4, cursor.size() - 6).toLongLong(&ok);
            if (!ok)
                return TestSupport::FakeResponse::json(R"({"error":{"message":"bad page"}})", 400);
        }
        const QList<qint64> slice = days.mid(first, spec.pageSize);
        const qsizetype next = first + spec.pageSize;
        return TestSupport::FakeResponse::json(
            spec.page(slice, next < days.size() ? QStringLiteral("cur+%1/=").arg(next) : QString()));
    };
}

/// An account of `provider` served by `server`, first synced `history` days back.
inline Conn::AccountConfig account(const QString &provider, const TestSupport::FakeServer &server,
                                   const QString &history = QStringLiteral("14"))
{
    Conn::AccountConfig a;
    a.name = QStringLiteral("acme-") + provider;
    a.provider = provider;
    a.baseUrl = server.baseUrl();
    a.options.insert(QStringLiteral("history_days"), history);
    return a;
}

/// A retry policy short enough for tests (still honours Retry-After up to 3 s).
inline Conn::RetryPolicy fastPolicy(int maxAttempts = 3)
{
    Conn::RetryPolicy p;
    p.maxAttempts = maxAttempts;
    p.timeoutMs = 2000;
    p.baseDelayMs = 10;
    p.maxDelayMs = 50;
    p.maxServerDelayMs = 3000;
    return p;
}

/// Adds `account` to the store at `dbPath` (or finds it by name) and syncs it once through
/// Conn::SyncWorker on this thread, as `today`. Returns the account's outcome.
inline Conn::SyncOutcome runSync(const QString &dbPath, Conn::AccountConfig account, const QString &secret,
                                 const QDate &today, const Conn::RetryPolicy &policy = fastPolicy())
{
    qRegisterMetaType<Conn::SyncOutcome>();
    {
        Cost::Store store;
        if (!store.open(dbPath.toStdString()))
            qFatal("cannot open %s", store.error().c_str());
        Conn::AccountStore accounts(store.db());
        QString error;
        if (const auto existing = accounts.byName(account.name))
            account.id = existing->id;
        else
            account.id = accounts.add(account, &error);
        if (account.id == 0)
            qFatal("cannot add the account: %s", qPrintable(error));
        account = *accounts.byId(account.id); // synced as stored (base URL normalised), as the app does
    }
    Conn::SyncWorker worker(dbPath, policy, today, {Conn::SyncJob{account, secret, QString()}});
    QSignalSpy finished(&worker, &Conn::SyncWorker::accountFinished);
    QSignalSpy all(&worker, &Conn::SyncWorker::allFinished);
    worker.run();
    if (all.isEmpty() && !all.wait(60000))
        qFatal("sync did not finish");
    return finished.isEmpty() ? Conn::SyncOutcome{} : finished.first().first().value<Conn::SyncOutcome>();
}

/// The exact store total of `metric` under `filters` (money units, or tokens).
inline Cost::BigMoney storeTotal(const QString &dbPath, Analytics::Metric metric,
                                 const std::vector<Analytics::Filter> &filters = {})
{
    Cost::Store store;
    if (!store.open(dbPath.toStdString()))
        qFatal("cannot open %s", store.error().c_str());
    Analytics::TotalsRequest request;
    request.metric = metric;
    request.filters = filters;
    std::vector<Analytics::TotalsRow> rows;
    std::string error;
    if (!Analytics::totals(store.db(), request, rows, error))
        qFatal("totals failed: %s", error.c_str());
    Cost::BigMoney sum = 0;
    for (const auto &r : rows)
        sum += r.value;
    return sum;
}

/// Registers the connector signal types for QSignalSpy.
inline void registerTypes()
{
    qRegisterMetaType<Conn::TestResult>();
    qRegisterMetaType<Conn::ErrorKind>();
    qRegisterMetaType<std::shared_ptr<Conn::FetchResult>>();
    qRegisterMetaType<Conn::SyncOutcome>();
}

/// Runs connector.testConnection and waits for its answer.
inline Conn::TestResult testConnection(Conn::Connector &connector, const Conn::AccountConfig &config, const QString &key)
{
    QSignalSpy spy(&connector, &Conn::Connector::testFinished);
    connector.testConnection(config, key);
    if (spy.isEmpty() && !spy.wait(10000))
        return Conn::TestResult{false, Conn::ErrorKind::Timeout, QStringLiteral("no answer")};
    return spy.first().first().value<Conn::TestResult>();
}

/// Runs connector.fetch for one window and waits; null with *error on failure.
inline std::shared_ptr<Conn::FetchResult> fetchWindow(Conn::Connector &connector, const Conn::AccountConfig &config,
                                                      const QString &key, const Conn::DateWindow &window,
                                                      QString *error = nullptr)
{
    QSignalSpy done(&connector, &Conn::Connector::fetchFinished);
    QSignalSpy failed(&connector, &Conn::Connector::fetchFailed);
    connector.fetch(config, key, window);
    if (!QTest::qWaitFor([&] { return !done.isEmpty() || !failed.isEmpty(); }, 20000) || !failed.isEmpty()) {
        if (error)
            *error = failed.isEmpty() ? QStringLiteral("timeout") : failed.first().at(1).toString();
        return {};
    }
    return done.first().first().value<std::shared_ptr<Conn::FetchResult>>();
}

/// Tokens of one kind in a fetched window.
inline qint64 tokensOf(const Conn::FetchResult &result, Cost::TokenKind kind)
{
    qint64 n = 0;
    for (const Cost::Record &r : result.records())
        if (r.tokenKind == kind && r.tokens > 0)
            n += r.tokens;
    return n;
}

/// Money as the exact decimal text tests compare (TestSupport::decimalSum's format).
inline QString money(Cost::BigMoney value) { return QString::fromStdString(Cost::formatMoney(value)); }

/// Tokens as a plain integer.
inline qint64 tokens(Cost::BigMoney value) { return static_cast<qint64>(value); }

/// Synced as of 2025-03-14 with 14 days of history: two 7-day windows, 03-01..03-07 and 03-08..03-14.
inline const QDate kToday(2025, 3, 14);
/// 2025-03-01 00:00 UTC, the first generated day of those windows.
inline const qint64 kFirstDay = QDateTime(QDate(2025, 3, 1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();

/// Tokens (positive counts) and billed money of a fetched window.
struct FetchTotals {
    qint64 tokens = 0;
    QString billed;
};
inline FetchTotals fetchTotals(const Conn::FetchResult &result)
{
    FetchTotals t;
    Cost::BigMoney billed = 0;
    for (const Cost::Record &r : result.records()) {
        t.tokens += r.tokens > 0 ? r.tokens : 0;
        billed += r.amount(Cost::Amount::Billed);
    }
    t.billed = money(billed);
    return t;
}

/// The `page` cursors of `requests`, in order (empty for the first page).
inline QStringList cursors(const QList<TestSupport::FakeRequest> &requests)
{
    QStringList out;
    for (const TestSupport::FakeRequest &r : requests)
        out << r.queryValue(QStringLiteral("page"));
    return out;
}

/// What pagedDaysHandler's cursors are for 7 days at 2 buckets per page.
inline QStringList sevenDayCursors()
{
    return {QString(), QStringLiteral("cur+2/="), QStringLiteral("cur+4/="), QStringLiteral("cur+6/=")};
}

/// Whether a pure page parser accepts `body`; its message in *error.
template<typename Page>
bool parses(bool (*parse)(const QByteArray &, Page &, QString *), const QByteArray &body, QString *error)
{
    Page page;
    return parse(body, page, error);
}

/// The columns of a broken-payload test: which parser (usage or cost), the body, and what the
/// error must name.
inline void addBrokenPayloadColumns()
{
    QTest::addColumn<bool>("usage");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("where");
}

/// Checks the current broken-payload row: its parser refuses the body and names `where`.
template<typename UsagePage, typename CostPage>
void checkBrokenPayload(bool (*parseUsage)(const QByteArray &, UsagePage &, QString *),
                        bool (*parseCost)(const QByteArray &, CostPage &, QString *))
{
    QFETCH(bool, usage);
    QFETCH(QByteArray, body);
    QFETCH(QString, where);
    QString error;
    QVERIFY(!(usage ? parses(parseUsage, body, &error) : parses(parseCost, body, &error)));
    QVERIFY2(error.contains(where), qPrintable(error));
}

/// The transport faults every Admin API sync must survive (one `fault` column of Fault values).
inline void addFaultRows()
{
    QTest::addColumn<int>("fault");
    QTest::newRow("429 Retry-After") << int(TestSupport::Fault::RateLimit);
    QTest::newRow("500") << int(TestSupport::Fault::ServerError);
    QTest::newRow("dropped connection") << int(TestSupport::Fault::Drop);
    QTest::newRow("truncated body") << int(TestSupport::Fault::Truncate);
    QTest::newRow("malformed JSON") << int(TestSupport::Fault::MalformedJson);
}

/// A started loopback server and a store in a temporary folder, for one sync test.
struct SyncBench {
    TestSupport::FakeServer server;
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("store.sqlite"));

    SyncBench()
    {
        if (!server.start())
            qFatal("the fake server did not start");
    }
    /// runSync() into this store.
    Conn::SyncOutcome sync(const Conn::AccountConfig &account, const QByteArray &key, const QDate &today = kToday) const
    {
        return runSync(db, account, QString::fromLatin1(key), today);
    }
    /// The store's billed total under `filters`, as exact decimal text.
    QString billed(const std::vector<Analytics::Filter> &filters = {}) const
    {
        return money(storeTotal(db, Analytics::Metric::Billed, filters));
    }
    /// The store's token total under `filters`.
    qint64 tokenCount(const std::vector<Analytics::Filter> &filters = {}) const
    {
        return tokens(storeTotal(db, Analytics::Metric::Tokens, filters));
    }
};

/// The SDK way of writing a base URL ("…/v1", "…/v1/"): rows for sdkBaseUrl tests.
inline void sdkBaseUrlRows()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("/v1") << QStringLiteral("/v1");
    QTest::newRow("/v1/") << QStringLiteral("/v1/");
    QTest::newRow("/V1//") << QStringLiteral("/V1//");
}

/// `account` with its base URL ending in `suffix`, tested the wizard's way (AccountManager,
/// before it is saved) and synced the app's way; both must succeed. Returns the paths requested.
inline QStringList sdkBaseUrlPaths(SyncBench &bench, Conn::AccountConfig account, const QByteArray &key,
                                   const QString &suffix)
{
    account.baseUrl += suffix;
    Conn::AccountManager manager(bench.db);
    QSignalSpy tested(&manager, &Conn::AccountManager::testFinished);
    manager.testConnection(account, QString::fromLatin1(key));
    if (!tested.wait(20000))
        qFatal("the connection test did not finish");
    const auto test = tested.first().at(1).value<Conn::TestResult>();
    if (!test.ok)
        qFatal("the connection test failed: %s", qPrintable(test.message));
    const Conn::SyncOutcome outcome = bench.sync(account, key);
    if (!outcome.ok)
        qFatal("the sync failed: %s", qPrintable(outcome.error));
    QStringList paths;
    for (const TestSupport::FakeRequest &r : bench.server.requests())
        paths << r.path;
    paths.removeDuplicates();
    return paths;
}

/// A SyncBench with a connector of type C (fastPolicy()), for fetch and connection tests.
template<typename C>
struct ConnectorBench : SyncBench {
    C connector;
    ConnectorBench() { connector.setRetryPolicy(fastPolicy()); }
    /// testConnection() of `account` with `key`.
    Conn::TestResult test(const Conn::AccountConfig &account, const QString &key)
    {
        return testConnection(connector, account, key);
    }
};

} // namespace AdminApiTest
