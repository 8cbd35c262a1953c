#pragma once

// Header-only helpers shared by the OpenAI and Anthropic connector tests (tst_openai,
// tst_anthropic): a paged fake report endpoint over generated days, a synchronous sync run
// through Conn::SyncWorker into a temp store, and exact totals read back from the store.
// Header-only because burnrate_test_support does not link burnrate_connectors.

#include "accountstore.h"
#include "analytics/analytics.h"
#include "fakeserver.h"
#include "store/store.h"
#include "syncworker.h"
#include "testsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

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
    }
    Conn::SyncWorker worker(dbPath, policy, today);
    QSignalSpy finished(&worker, &Conn::SyncWorker::accountFinished);
    QSignalSpy all(&worker, &Conn::SyncWorker::allFinished);
    worker.run({Conn::SyncJob{account, secret, QString()}});
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

} // namespace AdminApiTest
