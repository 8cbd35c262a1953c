// Never a wrong cent (issue #15): any sequence of failed, cancelled and repeated imports of a
// multi-part export ends with the totals of one clean import, and several processes writing one
// store at once (imports, a sync) end with one export's total every round. Run twice: on SQLite
// files, and (tst_reliability_teamstore) on a PostgreSQL team store, where each test's store is a
// new database on the test command's cluster.
#include "teamstoretest.h"
#include "testsupport.h"

#include "import/focusimporter.h"
#include "import/importjob.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using TestSupport::runBurnrate;

namespace {

// BilledCost of the whole 4,000-row export (5230.3282675960; exact sums here drop trailing zeros).
constexpr auto kExportTotal = "5230.328267596";

QStringList readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

bool writeLines(const QString &path, const QStringList &lines)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8()) > 0;
}

// Replaces one CSV field (no quoted commas in the generator's rows).
QString withField(const QString &line, int column, const QString &value)
{
    QStringList fields = line.split(QLatin1Char(','));
    fields[column] = value;
    return fields.join(QLatin1Char(','));
}

} // namespace

class TestReliability : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_all, m_restated, m_restated2;
    QString m_restatedTotal, m_restated2Total;
    QMap<QString, QString> m_parts; // A, B, Bbad, A2 (a renamed copy of A), P1..P3, P3bad

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // The store's billed total over every provider, as `burnrate totals` prints it, re-added exactly.
    QString total(const QString &db)
    {
        QString out, err;
        if (runBurnrate({QStringLiteral("--db"), db, QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("provider"),
                         QStringLiteral("--format"), QStringLiteral("json")},
                        &out, &err)
            != 0)
            return QStringLiteral("totals failed: ") + err;
        QStringList values;
        const QJsonArray rows = QJsonDocument::fromJson(out.toUtf8()).array();
        for (const auto &r : rows)
            values << r.toObject().value(QStringLiteral("billed")).toString();
        QString sum;
        if (values.isEmpty())
            return QStringLiteral("0");
        return TestSupport::decimalSum(values, &sum) ? sum : QStringLiteral("bad totals: ") + out;
    }

    // The daily rollups the charts read agree with the charges, partition by partition.
    static bool rollupsMatchCharges(const QString &db)
    {
        Cost::Store store;
        if (!openStore(store, db))
            return false;
        return store.db().scalar(
                   "SELECT count(*) FROM ("
                   " SELECT partition_id, sum(billed) b, sum(billed + coalesce(effective_delta, 0)) e,"
                   "  sum(billed + coalesce(list_delta, 0)) l, sum(coalesce(tokens, 0)) t, count(*) n FROM fact GROUP BY 1"
                   " EXCEPT SELECT partition_id, sum(billed), sum(effective), sum(list), sum(tokens), sum(rows)"
                   "  FROM rollup_daily GROUP BY 1) differing",
                   -1)
            == 0
            && store.db().scalar("SELECT (SELECT count(*) FROM fact) = (SELECT coalesce(sum(rows), 0) FROM rollup_daily)") == 1;
    }

    int import(const QString &db, const QStringList &names, QString *err = nullptr)
    {
        QStringList args{QStringLiteral("--db"), db, QStringLiteral("import")};
        for (const QString &n : names)
            args << m_parts.value(n, path(n));
        QString out;
        return runBurnrate(args, &out, err);
    }

    static QString exactSum(const QString &file)
    {
        QString sum;
        return TestSupport::csvColumnSum(file, QStringLiteral("BilledCost"), &sum) ? sum : QString();
    }

    // A new store for one test: a file `name` in `dir`, or on the team-store run a new database
    // holding an empty store. With `seed` (a SQLite store), a copy of it.
    static QString newStore(const QTemporaryDir &dir, const QString &name, const QString &seed = QString())
    {
        if (TestSupport::onTeamStore())
            return TestSupport::newTeamStore(seed);
        const QString file = dir.filePath(name);
        return seed.isEmpty() || QFile::copy(seed, file) ? file : QString();
    }

    static bool openStore(Cost::Store &store, const QString &db)
    {
        return store.open(db.toStdString(), Cost::Store::TeamStore::ReadWrite);
    }

    // Starts `burnrate --db DB ARGS...`; the caller waits.
    static std::unique_ptr<QProcess> start(const QString &db, const QStringList &args)
    {
        auto p = std::make_unique<QProcess>();
        p->start(QStringLiteral(BURNRATE_BINARY), QStringList{QStringLiteral("--db"), db} + args);
        return p;
    }

private Q_SLOTS:
    void cleanupTestCase() { TestSupport::dropTestDatabases(); }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_all = path(QStringLiteral("export.csv"));
        QProcess gunzip;
        gunzip.setStandardOutputFile(m_all);
        gunzip.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), TestSupport::dataPath(QStringLiteral("reliability/focus4000.csv.gz"))});
        QVERIFY(gunzip.waitForFinished(30000) && gunzip.exitCode() == 0);
        QCOMPARE(exactSum(m_all), QString::fromLatin1(kExportTotal));

        const QStringList lines = readLines(m_all);
        QCOMPARE(lines.size(), 4001);
        const QString header = lines.first();
        const int billed = header.split(QLatin1Char(',')).indexOf(QStringLiteral("BilledCost"));
        QVERIFY(billed > 0);
        auto part = [&](const QString &name, int from, int count, bool broken = false) {
            QStringList body = lines.mid(from, count);
            if (broken)
                body.last() = withField(body.last(), billed, QStringLiteral("12.3x"));
            QVERIFY(writeLines(path(name + QStringLiteral(".csv")), QStringList{header} + body));
            m_parts.insert(name, path(name + QStringLiteral(".csv")));
        };
        part(QStringLiteral("A"), 1, 2000);
        part(QStringLiteral("B"), 2001, 2000);
        part(QStringLiteral("Bbad"), 2001, 2000, true);
        part(QStringLiteral("P1"), 1, 1333);
        part(QStringLiteral("P2"), 1334, 1333);
        part(QStringLiteral("P3"), 2667, 1334);
        part(QStringLiteral("P3bad"), 2667, 1334, true);
        QVERIFY(QFile::copy(m_parts[QStringLiteral("A")], path(QStringLiteral("A2.csv"))));
        m_parts.insert(QStringLiteral("A2"), path(QStringLiteral("A2.csv")));
        // A restatement of part A alone (one cost changed): it replaces the billing periods A covers.
        QStringList restatedA = QStringList{header} + lines.mid(1, 2000);
        restatedA[10] = withField(restatedA[10], billed, QStringLiteral("100.0000000001"));
        QVERIFY(writeLines(path(QStringLiteral("Ar.csv")), restatedA));
        m_parts.insert(QStringLiteral("Ar"), path(QStringLiteral("Ar.csv")));

        // Two restatements of the whole export: one line's cost changed, and another's too.
        QStringList restated = lines;
        restated[10] = withField(restated[10], billed, QStringLiteral("100.0000000001"));
        QVERIFY(writeLines(path(QStringLiteral("restated.csv")), restated));
        m_restated = path(QStringLiteral("restated.csv"));
        m_restatedTotal = exactSum(m_restated);
        restated[20] = withField(restated[20], billed, QStringLiteral("7"));
        QVERIFY(writeLines(path(QStringLiteral("restated2.csv")), restated));
        m_restated2 = path(QStringLiteral("restated2.csv"));
        m_restated2Total = exactSum(m_restated2);
        QVERIFY(m_restatedTotal != QString::fromLatin1(kExportTotal) && m_restated2Total != m_restatedTotal);
    }

    // Every broken file in tests/data/broken: a message that names the place, never a signal.
    void brokenFilesGiveAClearError_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("place");
        const QStringList rules{QStringLiteral("rules"), QStringLiteral("import")};
        const QStringList prices{QStringLiteral("prices"), QStringLiteral("import")};
        const QStringList scenario{QStringLiteral("simulate"), QStringLiteral("--scenario")};
        const QStringList focus{QStringLiteral("import")};
        auto row = [](const char *name, const QStringList &command, const char *place) {
            QTest::newRow(name) << command << TestSupport::dataPath(QStringLiteral("broken/") + QString::fromLatin1(name))
                                << QString::fromUtf8(place);
        };
        row("rules-name-number.json", rules, "rule 1: field 'name': must be a string, not 42");
        row("rules-enabled-text.json", rules, "rule 1: field 'enabled': must be true or false");
        row("rules-target-number.json", rules, "rule 1 target 1: not an object");
        row("rules-share-huge.json", rules, "rule 1: field share: expected a percentage");
        row("rules-syntax.json", rules, "line 3, column");
        row("rules-bad-utf8.json", rules, "UTF-8");
        row("prices-source-number.json", prices, "models[0] (gpt-4o): field 'source': must be a string");
        row("prices-price-source-array.json", prices, "models[0] (gpt-4o).prices[0]: field 'source'");
        row("prices-input-text.json", prices, "models[0] (gpt-4o).prices[0]");
        row("prices-syntax.json", prices, "line 2, column");
        row("scenario-name-number.json", scenario, "scenario: field 'name': must be a string");
        row("scenario-step-from-number.json", scenario, "steps[0] (model_swap): field 'to_model': must be a string");
        row("scenario-syntax.json", scenario, "line 2, column");
        row("scenario-filter-number.json", scenario, "filters.model");
        row("focus-bad-utf8.csv", focus, "focus-bad-utf8.csv:4: column Tags: the value is not valid UTF-8 (byte 0xFF");
    }
    void brokenFilesGiveAClearError()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, file);
        QFETCH(QString, place);
        QTemporaryDir dir;
        const QString db = newStore(dir, QStringLiteral("s.sqlite"));
        QString out, err;
        const int code = runBurnrate(QStringList{QStringLiteral("--db"), db} + command + QStringList{file}, &out, &err);
        QVERIFY2(code == 1 || code == 2, qPrintable(QStringLiteral("exit %1: %2").arg(code).arg(err)));
        QVERIFY2(err.contains(place), qPrintable(err));
        QCOMPARE(total(db), QStringLiteral("0")); // nothing of a broken file is kept
    }

    // The sequence of the issue: A commits, B fails; B fixed, `import A B` again.
    void retriedMultiPartImportEndsExact()
    {
        QTemporaryDir dir;
        const QString db = newStore(dir, QStringLiteral("retry.sqlite"));
        QString err;
        QCOMPARE(import(db, {QStringLiteral("A"), QStringLiteral("Bbad")}, &err), 1);
        QVERIFY2(err.contains(QStringLiteral("Bbad.csv:2001")), qPrintable(err));
        QCOMPARE(import(db, {QStringLiteral("A"), QStringLiteral("B")}), 0);
        QCOMPARE(total(db), QString::fromLatin1(kExportTotal));
        QVERIFY(rollupsMatchCharges(db));
    }

    void retryVariantsEndExact_data()
    {
        QTest::addColumn<QStringList>("runs"); // each run: the parts of one `burnrate import`, space-separated
        QTest::newRow("part re-ordered") << QStringList{QStringLiteral("A Bbad"), QStringLiteral("B A")};
        QTest::newRow("part renamed") << QStringList{QStringLiteral("A Bbad"), QStringLiteral("A2 B")};
        QTest::newRow("failed twice") << QStringList{QStringLiteral("A Bbad"), QStringLiteral("A Bbad"), QStringLiteral("A B")};
        QTest::newRow("fixed part alone, then all") << QStringList{QStringLiteral("A Bbad"), QStringLiteral("B"), QStringLiteral("A B")};
        QTest::newRow("clean import repeated") << QStringList{QStringLiteral("A B"), QStringLiteral("A B"), QStringLiteral("B A")};
        QTest::newRow("three parts, last failed") << QStringList{QStringLiteral("P1 P2 P3bad"), QStringLiteral("P1 P2 P3")};
        QTest::newRow("three parts, retried with the failing part first")
            << QStringList{QStringLiteral("P1 P2 P3bad"), QStringLiteral("P3 P1 P2")};
        QTest::newRow("three parts, middle one alone first")
            << QStringList{QStringLiteral("P1 P2 P3bad"), QStringLiteral("P2"), QStringLiteral("P1 P2 P3")};
    }
    void retryVariantsEndExact()
    {
        QFETCH(QStringList, runs);
        QTemporaryDir dir;
        const QString db = newStore(dir, QStringLiteral("s.sqlite"));
        for (const QString &run : runs)
            import(db, run.split(QLatin1Char(' ')));
        QCOMPARE(total(db), QString::fromLatin1(kExportTotal));
        QVERIFY(rollupsMatchCharges(db));
    }

    // Cancel between the parts (the app's Cancel while the second file runs), then the retry.
    void cancelledPartThenRetryEndsExact()
    {
        QTemporaryDir dir;
        const QString db = newStore(dir, QStringLiteral("s.sqlite"));
        {
            Cost::Store store;
            QVERIFY(openStore(store, db));
            QString lastText;
            Cost::ImportJob job(
                store, [&] { return lastText.contains(QStringLiteral("2 of 2")); },
                [&](int, const QString &text) { lastText = text; });
            const auto r = job.importFiles({m_parts[QStringLiteral("A")], m_parts[QStringLiteral("B")]});
            QVERIFY(r.ok());
            QVERIFY(r.summary.cancelled);
            QCOMPARE(r.summary.files, 1);
        }
        QCOMPARE(total(db), exactSum(m_parts[QStringLiteral("A")]));
        {
            Cost::Store store;
            QVERIFY(openStore(store, db));
            Cost::ImportJob job(store, {}, {});
            const auto r = job.importFiles({m_parts[QStringLiteral("A")], m_parts[QStringLiteral("B")]});
            QVERIFY2(r.ok(), qPrintable(r.error));
            QCOMPARE(r.summary.skipped, 2000);
        }
        QCOMPARE(total(db), QString::fromLatin1(kExportTotal));
    }

    // Two processes import a restated copy of the stored export at the same time.
    void concurrentRestatementsCountOnce_data()
    {
        QTest::addColumn<bool>("sameRestatement");
        QTest::newRow("the same restatement twice") << true;
        QTest::newRow("two different restatements") << false;
    }
    void concurrentRestatementsCountOnce()
    {
        QFETCH(bool, sameRestatement);
        for (int round = 0; round < 10; ++round) {
            QTemporaryDir dir;
            const QString db = newStore(dir, QStringLiteral("s.sqlite"));
            QCOMPARE(runBurnrate({QStringLiteral("--db"), db, QStringLiteral("import"), m_all}), 0);
            const QString first = dir.filePath(QStringLiteral("copy1.csv"));
            const QString second = dir.filePath(QStringLiteral("copy2.csv"));
            QVERIFY(QFile::copy(m_restated, first));
            QVERIFY(QFile::copy(sameRestatement ? m_restated : m_restated2, second));
            auto p1 = start(db, {QStringLiteral("import"), first});
            auto p2 = start(db, {QStringLiteral("import"), second});
            QVERIFY(p1->waitForFinished(120000) && p2->waitForFinished(120000));
            QVERIFY2(p1->exitStatus() == QProcess::NormalExit && p1->exitCode() == 0, p1->readAllStandardError().constData());
            QVERIFY2(p2->exitStatus() == QProcess::NormalExit && p2->exitCode() == 0, p2->readAllStandardError().constData());
            const QString got = total(db);
            if (sameRestatement)
                QCOMPARE(got, m_restatedTotal);
            else
                QVERIFY2(got == m_restatedTotal || got == m_restated2Total,
                         qPrintable(QStringLiteral("round %1: %2").arg(round).arg(got)));
        }
    }

    // Another process restates part A between the two files of `import A B` (made certain here:
    // it runs when the job reports the second file). Committing B would leave a mix of the two
    // exports; the job notices and imports the whole batch again.
    void restatementBetweenPartsIsNotMixedIn()
    {
        QTemporaryDir dir;
        const QString db = newStore(dir, QStringLiteral("s.sqlite"));
        QCOMPARE(import(db, {QStringLiteral("A"), QStringLiteral("B")}), 0);
        Cost::Store store;
        QVERIFY(openStore(store, db));
        int restatements = 0;
        Cost::ImportJob job(store, {}, [&](int, const QString &text) {
            if (text.startsWith(QStringLiteral("Importing B.csv (2 of 2)")) && restatements == 0)
                restatements += import(db, {QStringLiteral("Ar")}) == 0 ? 1 : 100;
        });
        const auto r = job.importFiles({m_parts[QStringLiteral("A")], m_parts[QStringLiteral("B")]});
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(restatements, 1);
        QCOMPARE(total(db), QString::fromLatin1(kExportTotal)); // A B, imported again after Ar: not a mix
        QCOMPARE(r.summary.files, 2);
        QVERIFY(rollupsMatchCharges(db));

        // The same cut made by hand, one file at a time: B is refused and changes nothing.
        const std::int64_t batch = Cost::Ingestor::newBatch(store.db());
        Cost::FocusImporter importer(store.db());
        QVERIFY(importer.importFile(m_parts[QStringLiteral("A")].toStdString(), batch).ok);
        QCOMPARE(import(db, {QStringLiteral("Ar")}), 0);
        const QString afterRestatement = total(db);
        const auto cut = importer.importFile(m_parts[QStringLiteral("B")].toStdString(), batch);
        QVERIFY(!cut.ok && cut.interleaved);
        QVERIFY2(QString::fromStdString(cut.error.message).contains(QStringLiteral("another import replaced part of this export")),
                 cut.error.message.c_str());
        QCOMPARE(total(db), afterRestatement);
    }

    // `import A B` and a restatement of A alone racing, eight rounds, from an empty store and from
    // one holding A B: every round ends as one of the two orders would, never a mix.
    void multiPartImportRacingARestatementEndsAsOneOrder()
    {
        QTemporaryDir dir;
        auto serial = [&](const QString &name, const QList<QStringList> &runs) {
            const QString db = newStore(dir, name);
            for (const QStringList &run : runs)
                if (import(db, run) != 0)
                    return QStringLiteral("serial import failed");
            return total(db);
        };
        const QStringList ab{QStringLiteral("A"), QStringLiteral("B")}, ar{QStringLiteral("Ar")};
        const QString seeded = dir.filePath(QStringLiteral("seed.sqlite"));
        QCOMPARE(import(seeded, ab), 0);
        // What each serial order leaves, from an empty store and from one holding A B.
        const QStringList fromEmpty{serial(QStringLiteral("e1.sqlite"), {ab, ar}), serial(QStringLiteral("e2.sqlite"), {ar, ab})};
        const QStringList fromSeed{serial(QStringLiteral("s1.sqlite"), {ab, ab, ar}), serial(QStringLiteral("s2.sqlite"), {ab, ar, ab})};
        int mixedAvoided = 0;
        for (int round = 0; round < 8; ++round) {
            const bool seededRound = round % 2 == 1;
            const QStringList &expected = seededRound ? fromSeed : fromEmpty;
            const QString db = newStore(dir, QStringLiteral("race%1.sqlite").arg(round), seededRound ? seeded : QString());
            QVERIFY(!db.isEmpty());
            auto p1 = start(db, {QStringLiteral("import"), m_parts[QStringLiteral("A")], m_parts[QStringLiteral("B")]});
            auto p2 = start(db, {QStringLiteral("import"), m_parts[QStringLiteral("Ar")]});
            QVERIFY(p1->waitForFinished(120000) && p2->waitForFinished(120000));
            const QByteArray err1 = p1->readAllStandardError();
            QVERIFY2(p1->exitStatus() == QProcess::NormalExit && p1->exitCode() == 0, err1.constData());
            QVERIFY2(p2->exitStatus() == QProcess::NormalExit && p2->exitCode() == 0, p2->readAllStandardError().constData());
            mixedAvoided += err1.contains("importing all 2 files again") ? 1 : 0;
            const QString got = total(db);
            QVERIFY2(expected.contains(got), qPrintable(QStringLiteral("round %1: %2, expected one of %3")
                                                            .arg(round).arg(got, expected.join(QStringLiteral(", ")))));
            QVERIFY(rollupsMatchCharges(db));
        }
        qInfo("rounds where the multi-part import was cut into and ran again: %d of 8", mixedAvoided);
    }

    // kill -9 at twenty moments of an import that restates the stored export: the store holds
    // one export or the other, whole, every time.
    void killDuringImportLeavesOneExport()
    {
        QTemporaryDir dir;
        const QString seed = dir.filePath(QStringLiteral("seed.sqlite"));
        QCOMPARE(runBurnrate({QStringLiteral("--db"), seed, QStringLiteral("import"), m_all}), 0);
        int killedMidway = 0;
        for (int round = 0; round < 20; ++round) {
            const QString db = newStore(dir, QStringLiteral("k%1.sqlite").arg(round), seed);
            QVERIFY(!db.isEmpty());
            auto p = start(db, {QStringLiteral("import"), m_restated});
            QVERIFY(p->waitForStarted());
            QTest::qWait(round * 15);
            if (p->state() != QProcess::NotRunning) {
                ++killedMidway;
                p->kill();
                QVERIFY(p->waitForFinished(10000));
            }
            {
                Cost::Store store;
                QVERIFY(openStore(store, db));
                if (!store.db().isPostgres()) { // the server recovers by itself
                    Cost::SqliteStmt check(store.db(), "PRAGMA integrity_check");
                    QVERIFY(check.step());
                    QCOMPARE(QString::fromUtf8(check.text(0).data(), static_cast<qsizetype>(check.text(0).size())), QStringLiteral("ok"));
                }
            }
            QVERIFY(rollupsMatchCharges(db));
            const QString got = total(db);
            QVERIFY2(got == QString::fromLatin1(kExportTotal) || got == m_restatedTotal,
                     qPrintable(QStringLiteral("round %1: %2").arg(round).arg(got)));
        }
        QVERIFY2(killedMidway >= 3, qPrintable(QString::number(killedMidway))); // the rounds did kill running imports
    }

    // A full disk (a file-size limit stands in for it): a clear error, the store as it was.
    void fullDiskLeavesTheStoreAsItWas()
    {
        if (TestSupport::onTeamStore())
            QSKIP("a file-size limit stands in for a full disk under the store's file; a team store's disk is the server's");
        QTemporaryDir dir;
        const QString db = newStore(dir, QStringLiteral("s.sqlite"));
        QCOMPARE(import(db, {QStringLiteral("A")}), 0);
        QProcess p;
        p.start(QStringLiteral("bash"), {QStringLiteral("-c"), QStringLiteral("ulimit -f 100; exec \"$0\" --db \"$1\" import \"$2\""),
                                         QStringLiteral(BURNRATE_BINARY), db, m_all});
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 1, qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("is the disk full")) && err.contains(QStringLiteral("the store is unchanged")), qPrintable(err));
        QCOMPARE(total(db), exactSum(m_parts[QStringLiteral("A")]));
        QVERIFY(rollupsMatchCharges(db));
    }

    // A store that is not one, or is cut short: a message naming it, never a crash.
    void corruptStoreGivesAClearMessage_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QByteArray noise(100000, '\0');
        for (int i = 0; i < noise.size(); ++i)
            noise[i] = static_cast<char>((i * 7919 + 13) % 251);
        QTest::newRow("random bytes") << noise << QStringLiteral("file is not a database");
        const QString whole = path(QStringLiteral("whole.sqlite"));
        if (!QFile::exists(whole))
            import(whole, {QStringLiteral("A")});
        QFile demo(whole);
        QByteArray head;
        if (demo.open(QIODevice::ReadOnly))
            head = demo.read(5000);
        QTest::newRow("cut short") << head << QStringLiteral("database disk image is malformed");
    }
    void corruptStoreGivesAClearMessage()
    {
        if (TestSupport::onTeamStore())
            QSKIP("a damaged store file; a team store's files are the server's");
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QVERIFY(bytes.size() > 1000);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("broken.sqlite"));
        QFile f(db);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
        f.close();
        for (const QStringList &command : {QStringList{QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("provider")},
                                           QStringList{QStringLiteral("import"), m_parts[QStringLiteral("A")]}}) {
            QString out, err;
            const int code = runBurnrate(QStringList{QStringLiteral("--db"), db} + command, &out, &err);
            QCOMPARE(code, 1);
            QVERIFY2(err.contains(db) && err.contains(message), qPrintable(err));
        }
    }

    // Four processes: two imports of one restatement, a sync of a folder holding it, and a budget check.
    void syncAndImportsRacingCountOnce()
    {
        for (int round = 0; round < 10; ++round) {
            QTemporaryDir dir;
            const QString db = newStore(dir, QStringLiteral("s.sqlite"));
            QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("exports"))));
            QVERIFY(QFile::copy(m_restated, dir.filePath(QStringLiteral("exports/restated.csv"))));
            QCOMPARE(runBurnrate({QStringLiteral("--db"), db, QStringLiteral("import"), m_all}), 0);
            QString out, err;
            QCOMPARE(runBurnrate({QStringLiteral("--db"), db, QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
                                  QStringLiteral("focus-folder"), QStringLiteral("--name"), QStringLiteral("exports"), QStringLiteral("--option"),
                                  QStringLiteral("path=") + dir.filePath(QStringLiteral("exports"))},
                                 &out, &err),
                     0);
            const QString copy = dir.filePath(QStringLiteral("copy.csv"));
            QVERIFY(QFile::copy(m_restated, copy));
            std::vector<std::unique_ptr<QProcess>> procs;
            procs.push_back(start(db, {QStringLiteral("sync")}));
            procs.push_back(start(db, {QStringLiteral("import"), copy}));
            procs.push_back(start(db, {QStringLiteral("import"), m_restated}));
            procs.push_back(start(db, {QStringLiteral("budgets"), QStringLiteral("check")}));
            for (auto &p : procs) {
                QVERIFY(p->waitForFinished(120000));
                QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
                         qPrintable(p->arguments().join(QLatin1Char(' ')) + QStringLiteral(": ")
                                    + QString::fromUtf8(p->readAllStandardError())));
            }
            QCOMPARE(total(db), m_restatedTotal);
            QVERIFY(rollupsMatchCharges(db));
        }
    }
};

QTEST_GUILESS_MAIN(TestReliability)
#include "tst_reliability.moc"
