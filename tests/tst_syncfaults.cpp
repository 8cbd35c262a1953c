// Faults during a sync: a `burnrate sync` child process killed with SIGKILL at twenty moments
// leaves an intact store whose sync windows are each complete or absent, and a re-sync then
// stores exactly what the server serves; a sync waiting for another writer of the store ends
// promptly on Cancel and says it is waiting meanwhile.
// Needs a Secret Service (dbus-run-session + gnome-keyring, as CI runs the suite).

#include "adminapitest.h"
#include "cloudtest.h"
#include "store/sqlitedb.h"
#include "syncworker.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTimer>

using AdminApiTest::pagedDaysHandler;
using TestSupport::FakeRequest;
using TestSupport::FakeResponse;
using TestSupport::FakeServer;

namespace {

const QByteArray kKey = "sk-admin-syncfaults-0123456789";
const qint64 kDay = 86400;

// What the server bills for the UTC day starting at `dayStart`: a distinct decimal per day.
QString dayCost(qint64 dayStart)
{
    const qint64 i = dayStart / kDay % 1000;
    return QStringLiteral("%1.%2").arg(i % 9 + 1).arg(1000000007 + i * 7919);
}

QString pageJson(const QStringList &buckets, const QString &next)
{
    return QStringLiteral(R"({"object":"page","data":[%1],"has_more":%2,"next_page":%3})")
        .arg(buckets.join(QLatin1Char(',')), next.isEmpty() ? QStringLiteral("false") : QStringLiteral("true"),
             next.isEmpty() ? QStringLiteral("null") : QLatin1Char('"') + next + QLatin1Char('"'));
}

QByteArray usagePage(const QList<qint64> &days, const QString &next)
{
    QStringList buckets;
    for (qint64 d : days)
        buckets << QStringLiteral(R"({"object":"bucket","start_time":%1,"end_time":%2,"results":[]})").arg(d).arg(d + kDay);
    return pageJson(buckets, next).toUtf8();
}

QByteArray costPage(const QList<qint64> &days, const QString &next)
{
    QStringList buckets;
    for (qint64 d : days)
        buckets << QStringLiteral(R"({"object":"bucket","start_time":%1,"end_time":%2,"results":[{"object":"organization.costs.result",)"
                                  R"("amount":{"value":%3,"currency":"usd"},"line_item":"gpt-4o, input","project_id":"p"}]})")
                       .arg(d).arg(d + kDay).arg(dayCost(d));
    return pageJson(buckets, next).toUtf8();
}

bool openAiWindow(const FakeRequest &req, qint64 *from, qint64 *to)
{
    bool a = false, b = false;
    *from = req.queryValue(QStringLiteral("start_time")).toLongLong(&a);
    *to = req.queryValue(QStringLiteral("end_time")).toLongLong(&b);
    return a && b;
}

// A loopback OpenAI Admin API: one day per page, every request counted; `onServed(n)` runs after
// the n-th answer has been handed to the server.
struct FakeOpenAi {
    FakeServer server;
    int served = 0;
    std::function<void(int)> onServed;

    FakeOpenAi()
    {
        const auto auth = FakeServer::requireHeader("authorization", "Bearer " + kKey);
        for (const auto &[path, render] : {std::pair{QStringLiteral("/v1/organization/usage/completions"), &usagePage},
                                           std::pair{QStringLiteral("/v1/organization/costs"), &costPage}}) {
            const auto handler = pagedDaysHandler({openAiWindow, render, 1});
            server.route("GET", path, [this, handler](const FakeRequest &r) {
                const FakeResponse answer = handler(r);
                const int n = ++served;
                if (onServed)
                    QTimer::singleShot(0, &server, [this, n] { onServed(n); });
                return answer;
            }, auth);
        }
    }
};

// The store's billed total per UTC day ("yyyy-MM-dd" → exact amount).
QMap<QString, Cost::BigMoney> perDay(const QString &db)
{
    return CloudTest::totalsBy(db, {"day"});
}

QString integrity(const QString &db)
{
    Cost::Store store;
    if (!store.open(db.toStdString()))
        return QString::fromStdString(store.error());
    Cost::SqliteStmt check(store.db(), "PRAGMA integrity_check");
    if (!check.step())
        return QStringLiteral("no answer");
    return QString::fromUtf8(check.text(0).data(), static_cast<qsizetype>(check.text(0).size()));
}

} // namespace

class TestSyncFaults : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    // Starts `burnrate --db DB ARGS...` with `stdinBytes`; the caller keeps the event loop turning.
    static std::unique_ptr<QProcess> start(const QString &db, const QStringList &args, const QByteArray &stdinBytes = {})
    {
        auto p = std::make_unique<QProcess>();
        p->start(QStringLiteral(BURNRATE_BINARY), QStringList{QStringLiteral("--db"), db} + args);
        if (p->waitForStarted()) {
            p->write(stdinBytes);
            p->closeWriteChannel();
        }
        return p;
    }
    static bool finish(QProcess &p, int timeoutMs = 60000)
    {
        return QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, timeoutMs);
    }

private Q_SLOTS:
    void initTestCase();
    void killDuringSync();
    void cancelWhileWaitingForTheStore();
};

void TestSyncFaults::initTestCase()
{
    QString why;
    if (!CloudTest::keychainAvailable(&why))
        QSKIP(qPrintable(why));
    QVERIFY(m_dir.isValid());
}

void TestSyncFaults::killDuringSync()
{
    FakeOpenAi fake;
    QVERIFY(fake.server.start());
    // The seed: one OpenAI account against the fake (its secret in the keychain, bound to 127.0.0.1), nothing synced.
    const QString seed = m_dir.filePath(QStringLiteral("seed.sqlite"));
    auto add = start(seed, {QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"), QStringLiteral("openai"),
                            QStringLiteral("--name"), QStringLiteral("faults"), QStringLiteral("--base-url"), fake.server.baseUrl(),
                            QStringLiteral("--option"), QStringLiteral("history_days=16")},
                     kKey + '\n');
    QVERIFY(finish(*add));
    QVERIFY2(add->exitCode() == 0, add->readAllStandardError().constData());

    // What a complete sync stores (the child's "today" is the real one): every served day.
    const QString full = m_dir.filePath(QStringLiteral("full.sqlite"));
    QVERIFY(QFile::copy(seed, full));
    auto whole = start(full, {QStringLiteral("sync")});
    QVERIFY(finish(*whole));
    QVERIFY2(whole->exitCode() == 0, whole->readAllStandardError().constData());
    const QMap<QString, Cost::BigMoney> served = perDay(full);
    const int requests = fake.served;
    QVERIFY2(served.size() >= 16, qPrintable(QString::number(served.size())));
    for (auto it = served.cbegin(); it != served.cend(); ++it) { // the test's own figures, not the parser's
        const qint64 dayStart = QDate::fromString(it.key(), Qt::ISODate).startOfDay(QTimeZone::utc()).toSecsSinceEpoch();
        QCOMPARE(it.value(), Cost::BigMoney(CloudTest::money(dayCost(dayStart))));
    }
    QVERIFY(requests >= 30);

    int killedMidway = 0, partial = 0;
    for (int round = 0; round < 20; ++round) {
        const QString db = m_dir.filePath(QStringLiteral("k%1.sqlite").arg(round));
        QVERIFY(QFile::copy(seed, db));
        fake.served = 0;
        std::unique_ptr<QProcess> sync;
        const int killAt = 1 + round * (requests - 1) / 19; // the first answer … the last one
        fake.onServed = [&sync, killAt](int n) {
            if (n == killAt && sync && sync->state() != QProcess::NotRunning)
                sync->kill(); // SIGKILL
        };
        sync = start(db, {QStringLiteral("sync")});
        QVERIFY(finish(*sync));
        fake.onServed = {};
        if (sync->exitStatus() == QProcess::CrashExit)
            ++killedMidway;

        QCOMPARE(integrity(db), QStringLiteral("ok"));
        // Every day stored is a day served, with the served amount; the days of one window
        // (engine windows are 7 days back from today, restated ones included) come all or none:
        // the stored days form a contiguous run starting at the first day served.
        const QMap<QString, Cost::BigMoney> stored = perDay(db);
        for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
            QVERIFY2(served.contains(it.key()), qPrintable(QStringLiteral("round %1: unexpected day %2").arg(round).arg(it.key())));
            QCOMPARE(it.value(), served.value(it.key()));
        }
        const QStringList servedDays = served.keys(), storedDays = stored.keys();
        QCOMPARE(storedDays, servedDays.mid(0, storedDays.size()));
        const int windowDays = 7;
        QVERIFY2(storedDays.size() % windowDays == 0 || storedDays.size() == servedDays.size(),
                 qPrintable(QStringLiteral("round %1: %2 days stored").arg(round).arg(storedDays.size())));
        if (!stored.isEmpty() && stored.size() < served.size())
            ++partial;

        // A re-sync completes the store: exactly what the server serves.
        auto again = start(db, {QStringLiteral("sync")});
        QVERIFY(finish(*again));
        QVERIFY2(again->exitCode() == 0, again->readAllStandardError().constData());
        QCOMPARE(perDay(db), served);
    }
    QVERIFY2(killedMidway >= 15, qPrintable(QString::number(killedMidway))); // the rounds did kill running syncs
    QVERIFY2(partial >= 2, qPrintable(QString::number(partial)));            // and some after a window committed
}

void TestSyncFaults::cancelWhileWaitingForTheStore()
{
    FakeOpenAi fake;
    QVERIFY(fake.server.start());
    const QString db = m_dir.filePath(QStringLiteral("wait.sqlite"));
    Conn::AccountConfig account = AdminApiTest::account(QStringLiteral("openai"), fake.server, QStringLiteral("7"));
    QString error;
    QVERIFY2(CloudTest::addAccount(db, account, QString::fromLatin1(kKey), &error), qPrintable(error));

    // Another connection (another process, as far as SQLite can tell) holds the write lock.
    Cost::Store other;
    QVERIFY(other.open(db.toStdString()));
    QVERIFY(other.db().exec("BEGIN IMMEDIATE"));

    Conn::SyncEngine engine(db);
    engine.setRetryPolicy(CloudTest::fastPolicy());
    QSignalSpy progress(&engine, &Conn::SyncEngine::progress);
    QSignalSpy finished(&engine, &Conn::SyncEngine::finished);
    QVERIFY(engine.start({account}, &error));
    auto waiting = [&] {
        for (const QList<QVariant> &p : std::as_const(progress))
            if (p.at(3).toString() == Conn::SyncWorker::waitingText())
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(waiting(), 15000); // the fetch is done; the sync waits for the lock and says so
    QVERIFY(finished.isEmpty());
    QTest::qWait(500);
    QVERIFY(finished.isEmpty()); // still waiting: the wait has no timeout of its own

    QElapsedTimer clock;
    clock.start();
    engine.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 5000);
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    const auto outcomes = finished.first().first().value<QList<Conn::SyncOutcome>>();
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.first().cancelled);
    QCOMPARE(outcomes.first().kind, Conn::ErrorKind::Cancelled);
    QCOMPARE(outcomes.first().windows, 0);

    QVERIFY(other.db().exec("ROLLBACK"));
    QVERIFY(perDay(db).isEmpty()); // nothing of the waiting window was stored
    CloudTest::forgetSecrets({account});
}

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_syncfaults.moc"
