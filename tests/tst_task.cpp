// Task::Runner, the one background-task primitive: the Latest policy drops superseded outcomes,
// Every delivers all, cancel() reaches the body, progress arrives while the body runs, a store
// that cannot be opened is an error without running the body, and a destroyed runner delivers
// nothing. Bodies block on semaphores the test releases, so no assertion depends on timing.
#include "task/task.h"

#include <QFile>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <memory>

namespace {

// Lets every finished task post its callout, then delivers what was posted: after this, an
// outcome that was going to reach `done` has reached it.
void settle()
{
    QVERIFY(QThreadPool::globalInstance()->waitForDone(30000));
    QCoreApplication::sendPostedEvents();
}

// The semaphores a blocking body uses to say it runs and to wait for the test.
struct Gate {
    QSemaphore started;
    QSemaphore proceed;
};

// A gate that opens when the test function returns, also after a failed check, so that no
// body stays blocked on the pool.
struct OpenOnExit {
    std::shared_ptr<Gate> gate = std::make_shared<Gate>();
    ~OpenOnExit() { gate->proceed.release(100); }
};

} // namespace

class TestTask : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }
    void latestDropsSupersededOutcome();
    void everyDeliversAll();
    void cancelReachesTheBody();
    void progressArrivesWhileRunning();
    void progressOfADroppedTaskIsNotShown();
    void unopenableStoreIsAnErrorWithoutRunningTheBody();
    void destroyingTheRunnerDropsOutcomes();
    void runOpensAStoreOnThePoolThread();
    void writeReportsTheStoreError_data();
    void writeReportsTheStoreError();

private:
    QString dbPath() const { return m_dir.filePath(QStringLiteral("task.sqlite")); }
    QTemporaryDir m_dir;
};

void TestTask::latestDropsSupersededOutcome()
{
    Task::Runner runner(nullptr, Task::Runner::Policy::Latest);
    QSignalSpy busy(&runner, &Task::Runner::busyChanged);
    OpenOnExit guard;
    auto gate = guard.gate;
    auto firstSawCancel = std::make_shared<std::atomic_bool>(false);
    QList<int> delivered;
    runner.compute(
        [gate, firstSawCancel](Task::Context &context) {
            gate->started.release();
            gate->proceed.acquire();
            *firstSawCancel = context.isCanceled();
            return 1;
        },
        [&delivered](Task::Outcome<int> &o) { delivered << o.value; });
    QVERIFY(gate->started.tryAcquire(1, 30000)); // the first body runs
    runner.compute([](Task::Context &) { return 2; }, [&delivered](Task::Outcome<int> &o) { delivered << o.value; });
    gate->proceed.release();
    settle();
    QCOMPARE(delivered, QList<int>{2});
    QVERIFY(*firstSawCancel); // superseding cancels the older body
    // One busy period: the second run took over without a busy → idle → busy flicker.
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
    QVERIFY(!runner.isBusy());
}

void TestTask::everyDeliversAll()
{
    Task::Runner runner(nullptr, Task::Runner::Policy::Every);
    QList<int> delivered;
    for (int i = 1; i <= 5; ++i)
        runner.compute([i](Task::Context &) { return i; }, [&delivered](Task::Outcome<int> &o) { delivered << o.value; });
    QVERIFY(runner.isBusy());
    QTRY_COMPARE(delivered.size(), 5);
    std::sort(delivered.begin(), delivered.end()); // pool threads finish in any order
    QCOMPARE(delivered, (QList<int>{1, 2, 3, 4, 5}));
    QVERIFY(!runner.isBusy());
}

void TestTask::cancelReachesTheBody()
{
    Task::Runner runner(nullptr, Task::Runner::Policy::Every);
    OpenOnExit guard;
    auto gate = guard.gate;
    struct Seen {
        bool canceled = false;
        bool flag = false;
    };
    std::optional<Task::Outcome<Seen>> outcome;
    runner.compute(
        [gate](Task::Context &context) {
            gate->started.release();
            gate->proceed.acquire();
            return Seen{context.isCanceled(), context.cancelFlag() && context.cancelFlag()->load()};
        },
        [&outcome](Task::Outcome<Seen> &o) { outcome = o; });
    QVERIFY(gate->started.tryAcquire(1, 30000));
    runner.cancel();
    gate->proceed.release();
    QTRY_VERIFY(outcome.has_value());
    QVERIFY(outcome->value.canceled);
    QVERIFY(outcome->value.flag); // code below polling an atomic sees the same cancel
    QVERIFY(outcome->canceled);

    // The next task starts uncancelled.
    outcome.reset();
    runner.compute([](Task::Context &context) { return Seen{context.isCanceled(), context.cancelFlag()->load()}; },
                   [&outcome](Task::Outcome<Seen> &o) { outcome = o; });
    QTRY_VERIFY(outcome.has_value());
    QVERIFY(!outcome->value.canceled);
    QVERIFY(!outcome->value.flag);
    QVERIFY(!outcome->canceled);
}

void TestTask::progressArrivesWhileRunning()
{
    Task::Runner runner;
    QSignalSpy progress(&runner, &Task::Runner::progress);
    OpenOnExit guard;
    auto gate = guard.gate;
    bool done = false;
    runner.compute(
        [gate](Task::Context &context) {
            context.setProgress(40, QStringLiteral("reading"));
            gate->proceed.acquire();
            context.setProgress(90, QStringLiteral("writing"));
            context.setProgress(100, QStringLiteral("finishing"));
        },
        [&done](Task::Outcome<std::monostate> &) { done = true; });
    QTRY_COMPARE(progress.count(), 1); // shown while the body still waits
    QCOMPARE(progress.at(0).at(0).toInt(), 40);
    QCOMPARE(progress.at(0).at(1).toString(), QStringLiteral("reading"));
    QVERIFY(!done);
    gate->proceed.release();
    QTRY_VERIFY(done);
    // Bursts are coalesced, but the newest progress always arrives, before the outcome.
    QVERIFY(progress.count() >= 2);
    QCOMPARE(progress.last().at(0).toInt(), 100);
    QCOMPARE(progress.last().at(1).toString(), QStringLiteral("finishing"));
}

void TestTask::progressOfADroppedTaskIsNotShown()
{
    Task::Runner runner;
    QSignalSpy progress(&runner, &Task::Runner::progress);
    OpenOnExit guard;
    auto gate = guard.gate;
    runner.compute(
        [gate](Task::Context &context) {
            gate->proceed.acquire();
            context.setProgress(50, QStringLiteral("stale"));
        },
        [](Task::Outcome<std::monostate> &) {});
    runner.invalidate();
    QVERIFY(!runner.isBusy());
    gate->proceed.release();
    settle();
    QCOMPARE(progress.count(), 0);
}

void TestTask::unopenableStoreIsAnErrorWithoutRunningTheBody()
{
    // A store "inside" a regular file cannot be created.
    const QString file = m_dir.filePath(QStringLiteral("plain-file"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a directory");
    f.close();

    Task::Runner runner;
    auto ran = std::make_shared<std::atomic_bool>(false);
    std::optional<Task::Outcome<int>> outcome;
    runner.run(
        file + QStringLiteral("/store.sqlite"),
        [ran](Task::Context &) {
            *ran = true;
            return 7;
        },
        [&outcome](Task::Outcome<int> &o) { outcome = o; });
    QTRY_VERIFY(outcome.has_value());
    QVERIFY(!outcome->ok());
    QVERIFY2(outcome->error.contains(QStringLiteral("cannot open store")), qPrintable(outcome->error));
    QCOMPARE(outcome->value, 0);
    QVERIFY(!*ran);
}

void TestTask::destroyingTheRunnerDropsOutcomes()
{
    auto runner = std::make_unique<Task::Runner>();
    QSignalSpy progress(runner.get(), &Task::Runner::progress);
    OpenOnExit guard;
    auto gate = guard.gate;
    auto sawCancel = std::make_shared<std::atomic_bool>(false);
    int delivered = 0;
    runner->compute(
        [gate, sawCancel](Task::Context &context) {
            gate->started.release();
            gate->proceed.acquire();
            *sawCancel = context.isCanceled();
            context.setProgress(100, QStringLiteral("after the owner left"));
            return 1;
        },
        [&delivered](Task::Outcome<int> &) { ++delivered; });
    QVERIFY(gate->started.tryAcquire(1, 30000));
    runner.reset();
    gate->proceed.release();
    settle();
    QCOMPARE(delivered, 0);
    QCOMPARE(progress.count(), 0);
    QVERIFY(*sawCancel);
}

void TestTask::runOpensAStoreOnThePoolThread()
{
    Task::Runner runner;
    std::optional<Task::Outcome<int>> outcome;
    runner.run(
        dbPath(),
        [](Task::Context &context) {
            if (!context.store().isOpen() || QThread::currentThread() == QCoreApplication::instance()->thread())
                return -1;
            return context.store().schemaVersion();
        },
        [&outcome](Task::Outcome<int> &o) { outcome = o; });
    QTRY_VERIFY(outcome.has_value());
    QVERIFY(outcome->ok());
    QCOMPARE(outcome->value, Cost::Store::kSchemaVersion);
}

void TestTask::writeReportsTheStoreError_data()
{
    QTest::addColumn<bool>("succeeds");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");
    QTest::newRow("success") << true << QString() << QString();
    QTest::newRow("failure with a reason") << false << QStringLiteral("name taken") << QStringLiteral("name taken");
    QTest::newRow("failure without a reason") << false << QString() << QStringLiteral("the store did not change");
}

void TestTask::writeReportsTheStoreError()
{
    QFETCH(bool, succeeds);
    QFETCH(QString, message);
    QFETCH(QString, expected);
    Task::Runner runner(nullptr, Task::Runner::Policy::Every);
    std::optional<QString> error;
    runner.write(
        dbPath(),
        [succeeds, message](Cost::SqliteDb &db, std::string &e) {
            if (!db.exec("CREATE TABLE IF NOT EXISTS t (x INTEGER)"))
                return false;
            e = message.toStdString();
            return succeeds;
        },
        [&error](const QString &e) { error = e; });
    QTRY_VERIFY(error.has_value());
    QCOMPARE(*error, expected);
}

QTEST_GUILESS_MAIN(TestTask)
#include "tst_task.moc"
