// Writing to a PostgreSQL team store: `burnrate import` there gives what it gives in a SQLite
// file, and a role the server's grants let only read cannot write. Runs against the throw-away
// cluster the test command starts (BURNRATE_TEST_PG). tst_reliability_teamstore runs the
// multi-process tests there too.
#include "domain/timeparse.h"
#include "store/pgdb.h"
#include "store/store.h"
#include "teamstoretest.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace Cost;
using TestSupport::runBurnrate;

namespace {

const char *const kDimensions[] = {"provider", "service", "model", "token_kind", "feature", "team", "day", "month", "publisher",
                                   "billing_account", "sub_account", "region", "charge_category", "sku_meter", "usage_type",
                                   "resource", "currency", "endpoint"};

// `location` with its user= parameter replaced.
QString asUser(const QString &location, const QString &user)
{
    QUrl url(location);
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("user"));
    query.addQueryItem(QStringLiteral("user"), user);
    url.setQuery(query);
    return url.toString();
}

} // namespace

class TestTeamStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_files; // the FOCUS files in tests/data/focus that import, and the 4,000-row reliability export
    QString m_reader;    // a role this test creates, dropped at the end

    QStringList totalsEverywhere(const QString &db)
    {
        QStringList outputs;
        for (const char *by : kDimensions) {
            QString out, err;
            const int code = runBurnrate({QStringLiteral("--db"), db, QStringLiteral("totals"), QStringLiteral("--by"),
                                          QString::fromLatin1(by)},
                                         &out, &err);
            outputs << (code == 0 ? out : QStringLiteral("exit %1: %2").arg(code).arg(err));
        }
        for (const char *metric : {"effective", "list", "tokens", "requests"}) {
            QString out, err;
            runBurnrate({QStringLiteral("--db"), db, QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("model,day"),
                         QStringLiteral("--metric"), QString::fromLatin1(metric)},
                        &out, &err);
            outputs << out + err;
        }
        return outputs;
    }

    // The stored anomalies, one line each, in a fixed order (the same SQL on either backend).
    static QString anomalyRows(const QString &db)
    {
        Store store;
        if (!store.open(db.toStdString(), Store::TeamStore::ReadOnly))
            return QString::fromStdString(store.error());
        SqliteStmt st(store.db(), "SELECT series_dim, series_value, grain, start, \"end\", actual, expected, band_low, band_high,"
                                  " explanation, status FROM anomaly ORDER BY series_dim, series_value, grain, start");
        QString rows;
        while (st.step()) {
            for (int c = 0; c < 11; ++c)
                rows += QString::fromUtf8(st.text(c).data(), static_cast<qsizetype>(st.text(c).size())) + QLatin1Char('|');
            rows += QLatin1Char('\n');
        }
        return rows + QString::fromStdString(st.error());
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (TestSupport::testCluster().isEmpty())
            QFAIL("BURNRATE_TEST_PG is not set: run the suite with packaging/dev.sh test, which starts a throw-away PostgreSQL");
        QDirIterator it(TestSupport::dataPath(QStringLiteral("focus")), {QStringLiteral("*.csv")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            if (!file.contains(QStringLiteral("/saas_examples/"))) // spreadsheet artefacts the importer refuses (its README)
                m_files << file;
        }
        m_files.sort();
        QVERIFY(m_files.size() >= 14);
        const QString exported = m_dir.filePath(QStringLiteral("export4000.csv"));
        QProcess gunzip;
        gunzip.setStandardOutputFile(exported);
        gunzip.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), TestSupport::dataPath(QStringLiteral("reliability/focus4000.csv.gz"))});
        QVERIFY(gunzip.waitForFinished(30000) && gunzip.exitCode() == 0);
        m_files << exported;
    }

    void cleanupTestCase()
    {
        TestSupport::dropTestDatabases();
        if (!m_reader.isEmpty()) {
            PgDb admin;
            if (admin.open(TestSupport::testCluster().toStdString()))
                admin.exec("DROP ROLE IF EXISTS " + m_reader.toStdString());
        }
    }

    // The acceptance of the issue: the test FOCUS files imported into a team store give the totals
    // a SQLite store gives, by every dimension and metric; so does importing them once more (every
    // file identical: skipped) and a restatement of the big export.
    void importGivesTheTotalsOfSqlite()
    {
        const QString file = m_dir.filePath(QStringLiteral("import.sqlite"));
        const QString team = TestSupport::newTeamStore();
        QVERIFY(!team.isEmpty());
        for (const QString &db : {file, team}) {
            QString out, err;
            QVERIFY2(runBurnrate(QStringList{QStringLiteral("--db"), db, QStringLiteral("import")} + m_files, &out, &err) == 0,
                     qPrintable(db + QStringLiteral(": ") + err));
            QVERIFY2(out.contains(QStringLiteral("total: 4035 rows imported, 0 skipped, 0 replaced")), qPrintable(out));
        }
        const QStringList expected = totalsEverywhere(file);
        QCOMPARE(totalsEverywhere(team), expected);
        QVERIFY(expected.first().count(QLatin1Char('\n')) > 3);

        // Every file again (nothing changes), then the big export restated: one cost changed.
        QFile in(m_files.last());
        QVERIFY(in.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = in.readAll().split('\n');
        const int billed = static_cast<int>(lines.first().split(',').indexOf("BilledCost"));
        QVERIFY(billed > 0);
        QList<QByteArray> fields = lines[7].split(',');
        fields[billed] = "1234.5678901234";
        lines[7] = fields.join(',');
        const QString restated = m_dir.filePath(QStringLiteral("restated.csv"));
        QFile out(restated);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(lines.join('\n')) > 0);
        out.close();
        for (const QString &db : {file, team}) {
            QString text, err;
            QCOMPARE(runBurnrate(QStringList{QStringLiteral("--db"), db, QStringLiteral("import")} + m_files, &text, &err), 0);
            QVERIFY2(text.contains(QStringLiteral("total: 0 rows imported, 4035 skipped")), qPrintable(text));
            QCOMPARE(runBurnrate({QStringLiteral("--db"), db, QStringLiteral("import"), restated}, &text, &err), 0);
            QVERIFY2(text.contains(QStringLiteral("replaced")) && !text.contains(QStringLiteral(" 0 replaced")), qPrintable(text));
        }
        const QStringList afterRestatement = totalsEverywhere(file);
        QVERIFY(afterRestatement != expected);
        QCOMPARE(totalsEverywhere(team), afterRestatement);
        // The anomalies the imports' scans opened are the same rows.
        const QString fileAnomalies = anomalyRows(file);
        QVERIFY(fileAnomalies.count(QLatin1Char('\n')) >= 5);
        QCOMPARE(anomalyRows(team), fileAnomalies);
    }

    // The commands that work on a team store, in the order a team would use them, give there what
    // they give on a copy of the same store in a file: rules, budgets and their alerts, prices,
    // contracts, a saved scenario, recommendations, anomalies, a FOCUS folder account and its sync,
    // the FOCUS export.
    void commandsGiveWhatTheyGiveOnSqlite()
    {
        const QString file = m_dir.filePath(QStringLiteral("demo.sqlite"));
        std::string error;
        QVERIFY2(TestSupport::writeDemoStore(file, Cost::daysFromCivil(2026, 3, 31), 60, &error), error.c_str());
        const QString team = TestSupport::newTeamStore(file);
        QVERIFY(!team.isEmpty());
        const QString exports = m_dir.filePath(QStringLiteral("exports"));
        QVERIFY(QDir().mkpath(exports));
        QVERIFY(QFile::copy(m_files.last(), exports + QStringLiteral("/export.csv")));
        auto write = [&](const QString &name, const QByteArray &text) {
            QFile f(m_dir.filePath(name));
            return f.open(QIODevice::WriteOnly) && f.write(text) == text.size() ? f.fileName() : QString();
        };
        const QString rules = write(QStringLiteral("rules.json"),
                                    R"({"burnrate_allocation_rules": 1, "rules": [{"name": "gpt", "dimension": "model",)"
                                    R"( "match": "exact", "pattern": "gpt-4o", "enabled": true, "targets": [{"feature": "chatbot",)"
                                    R"( "team": "support", "share": 60}, {"feature": "search", "share": 40}]}]})");
        const QString scenario = write(QStringLiteral("scenario.json"),
                                       R"({"burnrate_scenario": 1, "name": "cheaper chatbot", "period": {"from": "2026-03-01",)"
                                       R"( "to": "2026-03-31"}, "steps": [{"type": "model_swap", "features": ["chatbot"],)"
                                       R"( "from_model": "gpt-4o", "to_model": "gpt-4o-mini", "share_pct": 40}]})");
        QVERIFY(!rules.isEmpty() && !scenario.isEmpty());
        const QList<QStringList> commands{
            {QStringLiteral("rules"), QStringLiteral("import"), rules},
            {QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("feature,team")},
            {QStringLiteral("rules"), QStringLiteral("list")},
            {QStringLiteral("budgets"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("all"), QStringLiteral("--amount"),
             QStringLiteral("1000"), QStringLiteral("--period"), QStringLiteral("month")},
            {QStringLiteral("budgets"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("gpt"), QStringLiteral("--amount"),
             QStringLiteral("50"), QStringLiteral("--period"), QStringLiteral("month"), QStringLiteral("--scope"),
             QStringLiteral("model=gpt-4o")},
            {QStringLiteral("budgets"), QStringLiteral("check"), QStringLiteral("--as-of"), QStringLiteral("2026-03-31")},
            {QStringLiteral("budgets"), QStringLiteral("alerts")},
            {QStringLiteral("budgets"), QStringLiteral("remove"), QStringLiteral("all")},
            {QStringLiteral("budgets"), QStringLiteral("list")},
            {QStringLiteral("prices"), QStringLiteral("import"), TestSupport::dataPath(QStringLiteral("prices/model_prices_and_context_window.json"))},
            {QStringLiteral("prices"), QStringLiteral("check")},
            {QStringLiteral("contracts"), QStringLiteral("import"), TestSupport::dataPath(QStringLiteral("contracts-demo.json"))},
            {QStringLiteral("contracts"), QStringLiteral("status")},
            {QStringLiteral("simulate"), QStringLiteral("--scenario"), scenario, QStringLiteral("--save")},
            {QStringLiteral("recommend")},
            {QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"), QStringLiteral("focus-folder"),
             QStringLiteral("--name"), QStringLiteral("exports"), QStringLiteral("--option"), QStringLiteral("path=") + exports},
            {QStringLiteral("sync")},
            {QStringLiteral("anomalies")},
            {QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("provider,month")},
        };
        // Timings (a decimal comma in de_DE), the account's last success and the alerts' firing times
        // differ from run to run.
        static const QRegularExpression varying(QStringLiteral(R"( in [0-9.,]+ s|\([0-9.,]+ s\)|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\+00:00|Z))"));
        for (const QStringList &command : commands) {
            QString fileOut, teamOut, err;
            const int fileCode = runBurnrate(QStringList{QStringLiteral("--db"), file} + command, &fileOut, &err);
            QString fileText = fileOut + err;
            fileText.remove(varying);
            const int teamCode = runBurnrate(QStringList{QStringLiteral("--db"), team} + command, &teamOut, &err);
            QString teamText = teamOut + err;
            teamText.remove(varying);
            const QString what = command.join(QLatin1Char(' '));
            const bool breached = what.startsWith(QLatin1String("budgets check")) && fileCode == 1; // its exit code for cron
            QVERIFY2(fileCode == 0 || breached, qPrintable(what + QStringLiteral(": ") + fileText));
            QCOMPARE(teamCode, fileCode);
            QVERIFY2(teamText == fileText, qPrintable(what + QStringLiteral("\n--- file:\n") + fileText + QStringLiteral("--- team store:\n") + teamText));
        }
        const QString fileFocus = m_dir.filePath(QStringLiteral("file.csv")), teamFocus = m_dir.filePath(QStringLiteral("team.csv"));
        QString out, err;
        QCOMPARE(runBurnrate({QStringLiteral("--db"), file, QStringLiteral("export-focus"), QStringLiteral("--out"), fileFocus}, &out, &err), 0);
        QCOMPARE(runBurnrate({QStringLiteral("--db"), team, QStringLiteral("export-focus"), QStringLiteral("--out"), teamFocus}, &out, &err), 0);
        QFile a(fileFocus), b(teamFocus);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        const QByteArray focus = a.readAll();
        QVERIFY(focus.count('\n') > 1000);
        QVERIFY(b.readAll() == focus);
    }

    // SQLite keeps what succeeded around a failed statement; PostgreSQL answers a COMMIT after one
    // by rolling back and reporting success. Through SqliteDb that COMMIT fails, and nothing is stored.
    void aFailedStatementIsNeverCommitted()
    {
        const QString team = TestSupport::newTeamStore();
        QVERIFY(!team.isEmpty());
        Store store;
        QVERIFY2(store.open(team.toStdString(), Store::TeamStore::ReadWrite), store.error().c_str());
        SqliteDb &db = store.db();
        QVERIFY(db.exec("BEGIN IMMEDIATE"));
        QVERIFY(db.exec("INSERT INTO setting(key, value) VALUES ('kept?', 'no')"));
        QVERIFY(!db.exec("INSERT INTO no_such_table VALUES (1)"));
        QVERIFY(!db.exec("COMMIT"));
        QVERIFY2(QString::fromStdString(db.error()).contains(QStringLiteral("nothing was stored")), db.error().c_str());
        QVERIFY(!db.inTransaction());
        QCOMPARE(db.scalar("SELECT count(*) FROM setting WHERE key = 'kept?'", -1), 0);
        // The same through a savepoint that began the transaction (SQLite's SAVEPOINT outside one).
        QVERIFY(db.exec("SAVEPOINT outer_step"));
        QVERIFY(db.exec("INSERT INTO setting(key, value) VALUES ('kept?', 'no')"));
        QVERIFY(!db.exec("SELECT no_such_column FROM setting"));
        QVERIFY(!db.exec("RELEASE outer_step"));
        QVERIFY(!db.inTransaction());
        QCOMPARE(db.scalar("SELECT count(*) FROM setting WHERE key = 'kept?'", -1), 0);
        // A transaction left open is not joined (SQLite refuses BEGIN there; the server would only warn).
        QVERIFY(db.exec("BEGIN IMMEDIATE"));
        QVERIFY(!db.exec("BEGIN IMMEDIATE"));
        QVERIFY(db.exec("ROLLBACK"));
        // And a clean one commits.
        QVERIFY(db.exec("SAVEPOINT outer_step"));
        QVERIFY(db.exec("INSERT INTO setting(key, value) VALUES ('kept?', 'yes')"));
        QVERIFY(db.exec("RELEASE outer_step"));
        QVERIFY(!db.inTransaction());
        QCOMPARE(db.scalar("SELECT count(*) FROM setting WHERE key = 'kept?'", -1), 1);
    }

    // A role the grants let read: browses (totals), cannot import; the message says why, the
    // server itself refuses its writes, and the store is as it was.
    void readOnlyRoleCannotWrite()
    {
        const QString team = TestSupport::newTeamStore();
        QVERIFY(!team.isEmpty());
        QString out, err;
        QCOMPARE(runBurnrate({QStringLiteral("--db"), team, QStringLiteral("import"), m_files.last()}, &out, &err), 0);
        m_reader = QStringLiteral("burnrate_reader_%1").arg(QCoreApplication::applicationPid());
        const std::string database = QUrl(team).path().mid(1).toStdString();
        {
            PgDb admin;
            QVERIFY(admin.open(team.toStdString()));
            const std::string role = m_reader.toStdString();
            QVERIFY2(admin.exec("CREATE ROLE " + role + " LOGIN; GRANT CONNECT ON DATABASE " + database + " TO " + role
                                + "; GRANT USAGE ON SCHEMA public TO " + role + "; GRANT SELECT ON ALL TABLES IN SCHEMA public TO "
                                + role),
                     admin.error().c_str());
        }
        const QString reader = asUser(team, m_reader);
        QString asOwner, asReader;
        const QStringList totals{QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("model")};
        QCOMPARE(runBurnrate(QStringList{QStringLiteral("--db"), team} + totals, &asOwner, &err), 0);
        QVERIFY2(runBurnrate(QStringList{QStringLiteral("--db"), reader} + totals, &asReader, &err) == 0, qPrintable(err));
        QCOMPARE(asReader, asOwner);

        QCOMPARE(runBurnrate({QStringLiteral("--db"), reader, QStringLiteral("import"), m_files.first()}, &out, &err), 1);
        QVERIFY2(err.contains(QStringLiteral("is read-only for ") + m_reader)
                     && err.contains(QStringLiteral("not import, sync or edit")),
                 qPrintable(err));
        // It browses what the store holds: budgets, rules, prices.
        for (const QStringList &browse : {QStringList{QStringLiteral("budgets"), QStringLiteral("list")},
                                          QStringList{QStringLiteral("rules"), QStringLiteral("list")},
                                          QStringList{QStringLiteral("prices"), QStringLiteral("list")}})
            QVERIFY2(runBurnrate(QStringList{QStringLiteral("--db"), reader} + browse, &out, &err) == 0, qPrintable(err));
        QCOMPARE(runBurnrate({QStringLiteral("--db"), reader, QStringLiteral("budgets"), QStringLiteral("add"), QStringLiteral("--name"),
                              QStringLiteral("x"), QStringLiteral("--amount"), QStringLiteral("1")},
                             &out, &err),
                 1);
        QVERIFY2(err.contains(QStringLiteral("is read-only for ") + m_reader), qPrintable(err));
        // Where the app connects as the grants allow (its pages browse), a change it tries is refused
        // by the server, in words: an account added by the reader.
        QCOMPARE(runBurnrate({QStringLiteral("--db"), reader, QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
                              QStringLiteral("focus-folder"), QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--option"),
                              QStringLiteral("path=") + m_dir.path()},
                             &out, &err),
                 1);
        QVERIFY2(err.contains(QStringLiteral("the team store refuses this change: user ") + m_reader + QStringLiteral(" may only read it")),
                 qPrintable(err));
        // Not the app's check alone: the server refuses the role's writes.
        PgDb direct;
        QVERIFY(direct.open(reader.toStdString()));
        QVERIFY(!direct.exec("DELETE FROM fact"));
        QVERIFY2(QString::fromStdString(direct.error()).contains(QStringLiteral("permission denied")), direct.error().c_str());
        QVERIFY(!direct.exec("INSERT INTO setting(key, value) VALUES ('x', 'y')"));
        QCOMPARE(runBurnrate(QStringList{QStringLiteral("--db"), team} + totals, &out, &err), 0);
        QCOMPARE(out, asOwner);
    }
};

QTEST_GUILESS_MAIN(TestTeamStore)
#include "tst_teamstore.moc"
