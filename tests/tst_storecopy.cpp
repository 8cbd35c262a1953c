// burnrate store copy: a whole store between SQLite and a PostgreSQL team store, exact both ways,
// all or nothing. Runs against the throw-away cluster the test command starts (BURNRATE_TEST_PG).
#include "domain/timeparse.h"
#include "import/demogenerator.h"
#include "import/ingestor.h"
#include "store/pgdb.h"
#include "store/store.h"
#include "store/storecopy.h"
#include "teamstoretest.h"
#include "testsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <limits>

using namespace Cost;

namespace {

// Every row of every table (and the id counters and schema version), each value with its type
// and exact bits, sorted: equal snapshots are equal stores.
std::map<std::string, std::vector<std::string>> snapshot(const QString &path)
{
    Store store;
    if (!store.open(path.toStdString()))
        return {{"error", {store.error()}}};
    std::map<std::string, std::vector<std::string>> tables;
    std::vector<std::string> names;
    SqliteStmt list(store.db(), "SELECT name FROM sqlite_master WHERE type = 'table'");
    while (list.step())
        names.emplace_back(list.text(0));
    for (const auto &name : names) {
        std::vector<std::string> columns;
        SqliteStmt info(store.db(), "SELECT name FROM pragma_table_info(?)");
        info.bind(1, std::string_view(name));
        while (info.step())
            columns.emplace_back(info.text(0));
        std::string sql = "SELECT ";
        for (const auto &c : columns)
            sql += "typeof(\"" + c + "\"), \"" + c + "\", ";
        sql += "0 FROM \"" + name + '"';
        SqliteStmt rows(store.db(), sql);
        auto &out = tables[name];
        while (rows.step()) {
            std::string row;
            for (int c = 0; c < static_cast<int>(columns.size()) * 2; c += 2) {
                const std::string type(rows.text(c));
                row += type + ':';
                if (type == "integer") {
                    row += std::to_string(rows.int64(c + 1));
                } else if (type == "real") {
                    const double v = rows.real(c + 1);
                    std::uint64_t bits;
                    std::memcpy(&bits, &v, sizeof bits);
                    row += std::to_string(bits);
                } else if (type == "text") {
                    row += std::string(rows.text(c + 1));
                }
                row += '\x1f';
            }
            out.push_back(row);
        }
        std::sort(out.begin(), out.end());
    }
    tables["user_version"] = {std::to_string(store.schemaVersion())};
    return tables;
}

// A store with a bit of everything: 60 days of the demo (charges, allocations, anomalies, budgets…)
// and values that test the copy's text form: tabs, newlines, backslashes, "\N", non-ASCII text,
// reals that are whole numbers in an untyped column, tiny and huge numbers.
bool makeStore(const QString &path)
{
    Store store;
    if (!store.open(path.toStdString()))
        return false;
    DemoOptions o;
    o.endDay = daysFromCivil(2026, 3, 31);
    o.days = 60;
    IngestResult r;
    std::string error;
    if (!generateDemo(store.db(), o, {}, nullptr, r, error))
        return false;
    SqliteStmt s(store.db(), "INSERT INTO setting(key, value) VALUES ('copy-test', ?)");
    s.bind(1, std::string_view("tab\there\nnew line\r\\ backslash \\N ünïcødé \"quoted\" 'single' €"));
    const std::string huge = std::to_string(std::numeric_limits<std::int64_t>::max());
    const std::string tiny = std::to_string(std::numeric_limits<std::int64_t>::min());
    return s.exec()
        && store.db().exec("INSERT INTO fact(partition_id, combo_id, start, duration, billed, consumed, pricing_qty, tokens)"
                           " VALUES (0, 0, 0, 0, 0, 3.0, 1e-300, " + huge + "),"
                           " (0, 0, 1, 0, 0, 12345678901234567, -2.5e300, " + tiny + "),"
                           " (0, 0, 2, 0, 0, 0.1, NULL, NULL)")
        // An AUTOINCREMENT counter past the highest id: a removed budget's id is never reused.
        && store.db().exec("INSERT INTO budget(name, period, amount, created_at) VALUES ('kept', 'month', 1, 'x'), ('removed', 'month', 2, 'x');"
                           "DELETE FROM budget WHERE name = 'removed'");
}

} // namespace

class TestStoreCopy : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_template; // made once by makeStore(); each test copies it

    // The test store, copied into `dir` as original.sqlite.
    QString originalIn(const QTemporaryDir &dir) const
    {
        const QString path = dir.filePath(QStringLiteral("original.sqlite"));
        return QFile::copy(m_template, path) ? path : QString();
    }

    static QString newDatabase() { return TestSupport::newTestDatabase(); }

    // A new database holding a copy of the store at `original`; empty when the copy failed.
    QString copiedToServer(const QString &original)
    {
        const QString team = newDatabase();
        StoreCopySummary s;
        std::string error;
        if (copyStore(original.toStdString(), team.toStdString(), s, error))
            return team;
        qWarning("store copy failed: %s", error.c_str());
        return {};
    }

    static std::int64_t pgScalar(const QString &location, const char *sql)
    {
        PgDb db;
        if (!db.open(location.toStdString()))
            return -1;
        const PgResult r = db.query(sql);
        return r.ok() && r.rows() == 1 && !r.isNull(0, 0) ? std::stoll(std::string(r.text(0, 0))) : -1;
    }

    static QStringList leftovers(const QTemporaryDir &dir)
    {
        return QDir(dir.path()).entryList({QStringLiteral("*.partial-*")}, QDir::Files);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (TestSupport::testCluster().isEmpty())
            QFAIL("BURNRATE_TEST_PG is not set: run the suite with packaging/dev.sh test, which starts a throw-away PostgreSQL");
        m_template = m_dir.filePath(QStringLiteral("template.sqlite"));
        QVERIFY(makeStore(m_template));
    }

    void cleanupTestCase() { TestSupport::dropTestDatabases(); }

    void roundTripIsExact()
    {
        QTemporaryDir dir;
        const QString original = originalIn(dir);
        const QString back = dir.filePath(QStringLiteral("back.sqlite"));
        QVERIFY(!original.isEmpty());
        const QString team = newDatabase();

        StoreCopySummary there;
        std::string error;
        QVERIFY2(copyStore(original.toStdString(), team.toStdString(), there, error), error.c_str());
        QVERIFY(there.charges > 50000);
        QVERIFY(there.tables.size() >= 30);
        // The server's own sums agree with the file's, to the nano-unit (numeric: no overflow).
        PgDb pg;
        QVERIFY(pg.open(team.toStdString()));
        const PgResult billed = pg.query("SELECT sum(billed)::text, count(*) FROM fact");
        QVERIFY(billed.ok());
        QCOMPARE(std::string(billed.text(0, 0)), formatMoney(there.billed * kMoneyScale, 0));
        QCOMPARE(std::stoll(std::string(billed.text(0, 1))), there.charges);
        // New rows on the server continue after the copied ids.
        QVERIFY(pgScalar(team, "SELECT nextval(pg_get_serial_sequence('fact', 'id'))") > there.charges);

        StoreCopySummary home;
        QVERIFY2(copyStore(team.toStdString(), back.toStdString(), home, error), error.c_str());
        QCOMPARE(home.billed, there.billed);
        QCOMPARE(home.rows, there.rows);
        QVERIFY(leftovers(dir).isEmpty());
        const auto a = snapshot(original);
        const auto b = snapshot(back);
        QCOMPARE(a.size(), b.size());
        for (const auto &[table, rows] : a) {
            const auto it = b.find(table);
            QVERIFY2(it != b.end(), table.c_str());
            QVERIFY2(it->second == rows, ("table " + table + " differs after the round trip").c_str());
        }
        // The account id offset and the budget counter past its highest id came back.
        QCOMPARE(a.at("sqlite_sequence").size(), std::size_t(2));
    }

    void totalsAgreeThroughTheCommandLine()
    {
        QTemporaryDir dir;
        const QString original = originalIn(dir);
        const QString back = dir.filePath(QStringLiteral("back.sqlite"));
        QVERIFY(!original.isEmpty());
        const QString team = newDatabase();
        QString out, err;
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--from"), original,
                                           QStringLiteral("--to"), team}, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("read back and identical")), qPrintable(out + err));
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--from"), team,
                                           QStringLiteral("--to"), back}, &out, &err), 0);
        for (const char *by : {"provider", "service", "model", "token_kind", "feature", "team", "day", "month", "publisher",
                               "billing_account", "sub_account", "region", "charge_category", "sku_meter", "usage_type",
                               "resource", "currency", "endpoint"}) {
            QString before, after;
            const QStringList args{QStringLiteral("totals"), QStringLiteral("--by"), QString::fromLatin1(by)};
            QCOMPARE(TestSupport::runBurnrate(QStringList{QStringLiteral("--db"), original} + args, &before, &err), 0);
            QCOMPARE(TestSupport::runBurnrate(QStringList{QStringLiteral("--db"), back} + args, &after, &err), 0);
            QVERIFY2(before.count(QLatin1Char('\n')) > 1 || std::strcmp(by, "endpoint") == 0, by);
            QCOMPARE(after, before);
        }
    }

    void occupiedTargetsAreRefused()
    {
        QTemporaryDir dir;
        const QString original = originalIn(dir);
        QVERIFY(!original.isEmpty());
        const QString team = copiedToServer(original);
        QVERIFY(!team.isEmpty());
        StoreCopySummary s;
        std::string error;
        const std::int64_t charges = pgScalar(team, "SELECT count(*) FROM fact");
        // Into a database that holds a store already: refused, the store unchanged.
        QVERIFY(!copyStore(original.toStdString(), team.toStdString(), s, error));
        QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("already holds tables of a Burnrate store")), error.c_str());
        QCOMPARE(pgScalar(team, "SELECT count(*) FROM fact"), charges);
        // Its tables dropped (the server functions stay), the database takes a copy again.
        {
            PgDb db;
            QVERIFY(db.open(team.toStdString()));
            QVERIFY2(db.exec("DO $$ DECLARE r record; BEGIN FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = "
                             "'public' LOOP EXECUTE 'DROP TABLE ' || quote_ident(r.tablename); END LOOP; END $$"),
                     db.error().c_str());
        }
        QVERIFY2(copyStore(original.toStdString(), team.toStdString(), s, error), error.c_str());
        QCOMPARE(pgScalar(team, "SELECT count(*) FROM fact"), charges);
        // Onto an existing file: refused, the file untouched.
        const QByteArray before = [&] { QFile f(original); f.open(QIODevice::ReadOnly); return f.readAll(); }();
        QVERIFY(!copyStore(team.toStdString(), original.toStdString(), s, error));
        QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("exists already")), error.c_str());
        QFile f(original);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll() == before);
        // From a database without a store, and from a missing file: said so, nothing created.
        const QString empty = newDatabase();
        const QString target = dir.filePath(QStringLiteral("new.sqlite"));
        QVERIFY(!copyStore(empty.toStdString(), target.toStdString(), s, error));
        QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("holds no Burnrate store")), error.c_str());
        QVERIFY(!QFile::exists(target));
        QVERIFY(!copyStore(dir.filePath(QStringLiteral("missing.sqlite")).toStdString(), empty.toStdString(), s, error));
        QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("no store there")), error.c_str());
        QCOMPARE(pgScalar(empty, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), 0);
        QVERIFY(leftovers(dir).isEmpty());
    }

    void aFailedCopyLeavesNothing()
    {
        QTemporaryDir dir;
        const QString original = originalIn(dir);
        QVERIFY(!original.isEmpty());
        {
            // A value the team store's type cannot hold (SQLite keeps text in an INTEGER column).
            Store store;
            QVERIFY(store.open(original.toStdString()));
            QVERIFY(store.db().exec("UPDATE fact SET tokens = 'lots' WHERE id = (SELECT max(id) FROM fact)"));
        }
        const QString team = newDatabase();
        StoreCopySummary s;
        std::string error;
        QVERIFY(!copyStore(original.toStdString(), team.toStdString(), s, error));
        QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("lots")), error.c_str());
        QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("tokens")), error.c_str());
        QCOMPARE(pgScalar(team, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), 0);
        QCOMPARE(s.rows, 0);

        // Cancelled half-way through the charges, in both directions: nothing is left behind.
        {
            Store store;
            QVERIFY(store.open(original.toStdString()));
            QVERIFY(store.db().exec("UPDATE fact SET tokens = 1 WHERE tokens = 'lots'"));
        }
        std::atomic_bool cancel{false};
        auto stopInFacts = [&](const std::string &table, std::int64_t rows) {
            if (table == "fact" && rows >= 50000)
                cancel = true;
        };
        QVERIFY(!copyStore(original.toStdString(), team.toStdString(), s, error, stopInFacts, &cancel));
        QCOMPARE(QString::fromStdString(error), QStringLiteral("cancelled"));
        QCOMPARE(pgScalar(team, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), 0);
        cancel = false;
        QVERIFY2(copyStore(original.toStdString(), team.toStdString(), s, error), error.c_str());
        const QString target = dir.filePath(QStringLiteral("back.sqlite"));
        QVERIFY(!copyStore(team.toStdString(), target.toStdString(), s, error, stopInFacts, &cancel));
        QVERIFY(!QFile::exists(target));
        QVERIFY(leftovers(dir).isEmpty());
    }

    void teamStoresAreNamedWithoutTheirPassword()
    {
        QCOMPARE(PgDb::redacted("postgresql://ann:hunter2@db.example.com:5432/costs"),
                 std::string("postgresql://ann:***@db.example.com:5432/costs"));
        QCOMPARE(PgDb::redacted("postgres://db.example.com/costs?user=ann&password=hunter2&sslmode=require"),
                 std::string("postgres://db.example.com/costs?user=ann&password=***&sslmode=require"));
        QCOMPARE(PgDb::redacted("service=costs password='hun ter2' user=ann"), std::string("service=costs password=*** user=ann"));
        QCOMPARE(PgDb::redacted("postgresql://ann@db.example.com/costs"), std::string("postgresql://ann@db.example.com/costs"));
        // Off loopback, without an sslmode of its own, a connection verifies the server's certificate
        // and name; loopback, Unix sockets and an explicit sslmode are left as given.
        auto sslmode = [](const char *location) {
            std::string error;
            const auto p = PgDb::connectionParameters(location, error);
            return !p ? "error: " + error : p->count("sslmode") ? p->at("sslmode") : std::string("(libpq default)");
        };
        QCOMPARE(sslmode("postgresql://ann@db.example.com/costs"), std::string("verify-full"));
        QCOMPARE(sslmode("postgresql://ann@localhost/costs?hostaddr=192.0.2.7"), std::string("verify-full"));
        QCOMPARE(sslmode("postgresql://ann@db.example.com/costs?sslmode=require"), std::string("require"));
        QCOMPARE(sslmode("postgresql://ann@localhost:5432/costs"), std::string("(libpq default)"));
        QCOMPARE(sslmode("postgresql://ann@127.0.0.1/costs"), std::string("(libpq default)"));
        QCOMPARE(sslmode("postgresql:///costs?host=/run/postgresql"), std::string("(libpq default)"));
        QVERIFY(sslmode("postgresql://ann@db/costs?nonsense=1").rfind("error: ", 0) == 0);
        QVERIFY(PgDb::isPostgresLocation("postgresql://ann@db/costs"));
        QVERIFY(PgDb::isPostgresLocation("service=costs"));
        QVERIFY(!PgDb::isPostgresLocation("/home/ann/postgresql.sqlite"));
        // Commands not checked on PostgreSQL yet say so, and no message echoes the password.
        QString out, err;
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), QStringLiteral("postgresql://ann:hunter2@localhost/costs"),
                                           QStringLiteral("demo")},
                                          &out, &err),
                 1);
        QVERIFY2(err.contains(QStringLiteral("burnrate demo: this does not work on a team store yet (README: Team store lists"
                                             " what does); burnrate store copy --from "
                                             "postgresql://ann:***@localhost/costs --to FILE.sqlite")),
                 qPrintable(err));
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), QStringLiteral("postgresql://ann:hunter2@127.0.0.1:1/costs"),
                                           QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("model")},
                                          &out, &err),
                 1);
        QVERIFY2(err.contains(QStringLiteral("cannot open the team store postgresql://ann:***@127.0.0.1:1/costs")), qPrintable(err));
        QVERIFY(!err.contains(QStringLiteral("hunter2")));
    }

    // The commands that read a team store answer from the server what they answer from the file:
    // `totals` by every dimension, every metric, allocated ones (feature, team: the server's
    // alloc()), months (its strftime), date ranges and filters; `coverage`, `endpoints --wide`,
    // and `forecast --series` (its history leaves out a last day still being billed: the server's
    // strftime('%s', …) reads when the import ran).
    void readingCommandsOnTheTeamStore()
    {
        QTemporaryDir dir;
        const QString original = originalIn(dir);
        QVERIFY(!original.isEmpty());
        const QString team = copiedToServer(original);
        QVERIFY(!team.isEmpty());
        QList<QStringList> queries;
        for (const char *by : {"provider", "service", "model", "token_kind", "feature", "team", "day", "month", "publisher",
                               "billing_account", "sub_account", "region", "charge_category", "sku_meter", "usage_type",
                               "resource", "currency", "endpoint"})
            queries << QStringList{QStringLiteral("--by"), QString::fromLatin1(by)};
        for (const char *metric : {"effective", "list", "tokens"})
            queries << QStringList{QStringLiteral("--by"), QStringLiteral("feature,model"), QStringLiteral("--metric"),
                                   QString::fromLatin1(metric)};
        queries << QStringList{QStringLiteral("--by"), QStringLiteral("team,month"), QStringLiteral("--from"),
                               QStringLiteral("2026-02-10"), QStringLiteral("--to"), QStringLiteral("2026-03-05"),
                               QStringLiteral("--format"), QStringLiteral("json")};
        queries << QStringList{QStringLiteral("--by"), QStringLiteral("day"), QStringLiteral("--filter"),
                               QStringLiteral("provider=OpenAI"), QStringLiteral("--filter"), QStringLiteral("team=support")};
        for (QStringList &query : queries)
            query.prepend(QStringLiteral("totals"));
        queries << QStringList{QStringLiteral("coverage")} << QStringList{QStringLiteral("endpoints"), QStringLiteral("--wide")}
                << QStringList{QStringLiteral("forecast"), QStringLiteral("--series"), QStringLiteral("model=gpt-4o"),
                               QStringLiteral("--horizon"), QStringLiteral("30")};
        for (const QStringList &query : queries) {
            QString file, server, err;
            const QStringList &args = query;
            QCOMPARE(TestSupport::runBurnrate(QStringList{QStringLiteral("--db"), original} + args, &file, &err), 0);
            QVERIFY2(TestSupport::runBurnrate(QStringList{QStringLiteral("--db"), team} + args, &server, &err) == 0,
                     qPrintable(query.join(QLatin1Char(' ')) + QStringLiteral(": ") + err));
            QVERIFY2(file.count(QLatin1Char('\n')) > 1 || query.contains(QStringLiteral("endpoint")), qPrintable(query.join(QLatin1Char(' '))));
            QVERIFY2(server == file, qPrintable(query.join(QLatin1Char(' '))));
        }
    }
};

QTEST_GUILESS_MAIN(TestStoreCopy)
#include "tst_storecopy.moc"
