// FOCUS import into the store: exact sums, restatement, idempotence, bad input, cancel.
#include "analytics/analytics.h"
#include "import/focusimporter.h"
#include "store/store.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Cost;

namespace {

QStringList fixtures(const QString &subdir)
{
    QStringList files;
    QDirIterator it(TestSupport::dataPath(subdir), {QStringLiteral("*.csv")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

QStringList validFixtures()
{
    QStringList files;
    for (const QString &f : fixtures(QStringLiteral("focus")))
        if (!f.contains(QStringLiteral("saas_examples")))
            files << f;
    return files;
}

QString grandTotal(Store &store, Analytics::Metric metric = Analytics::Metric::Billed)
{
    Analytics::TotalsRequest req;
    req.metric = metric;
    std::vector<Analytics::TotalsRow> rows;
    std::string error;
    if (!Analytics::totals(store.db(), req, rows, error))
        return QString::fromStdString("error: " + error);
    return QString::fromStdString(formatMoney(rows.empty() ? 0 : rows.front().value, 2));
}

// Everything a failed import must leave untouched.
QString fingerprint(Store &store)
{
    QStringList parts;
    for (const char *table : {"fact", "dict", "combo", "partition", "partition_rows", "rollup_daily", "import"})
        parts << QString::number(store.db().scalar(std::string("SELECT count(*) FROM ") + table));
    parts << grandTotal(store);
    return parts.join(QLatin1Char('/'));
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

const QByteArray kHeader = "BillingAccountId,ProviderName,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,"
                           "ChargePeriodEnd,BilledCost,EffectiveCost,ServiceName,SkuMeter,SkuPriceDetails,Tags\n";

QByteArray row(const char *account, const char *start, const char *cost, const char *meter = "Input Tokens")
{
    return QByteArray(account) + ",Acme AI,2025-06-01T00:00:00Z,2025-07-01T00:00:00Z," + start + "," + start + "," + cost
        + "," + cost + ",Acme Models," + meter + ",\"{\"\"ModelId\"\":\"\"acme-1\"\"}\",\"{\"\"feature\"\":\"\"chat\"\"}\"\n";
}

} // namespace

class TestFocusImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("store-%1.sqlite").arg(++m_counter)).toStdString();
        QVERIFY2(m_store.open(m_path), m_store.error().c_str());
    }
    void cleanup() { m_store.close(); }

    void eachValidFixtureReproducesItsBilledSum_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &f : validFixtures())
            QTest::newRow(qPrintable(QDir(TestSupport::dataPath(QStringLiteral("focus"))).relativeFilePath(f))) << f;
    }
    void eachValidFixtureReproducesItsBilledSum()
    {
        QFETCH(QString, file);
        QString expected;
        QVERIFY(TestSupport::csvColumnSum(file, QStringLiteral("BilledCost"), &expected));
        FocusImporter importer(m_store.db());
        const auto r = importer.importFile(file.toStdString(), Ingestor::newBatch(m_store.db()));
        QVERIFY2(r.ok, r.error.toString().c_str());
        QVERIFY(r.ingest.rows > 0);
        QCOMPARE(grandTotal(m_store), expected);
    }

    void allValidFixturesImportedOneByOneAddUp()
    {
        FocusImporter importer(m_store.db());
        QStringList expectedParts;
        for (const QString &f : validFixtures()) {
            const auto r = importer.importFile(f.toStdString(), Ingestor::newBatch(m_store.db()));
            QVERIFY2(r.ok, r.error.toString().c_str());
            QString s;
            QVERIFY(TestSupport::csvColumnSum(f, QStringLiteral("BilledCost"), &s));
            expectedParts << s;
        }
        // Sum the per-file sums with the product's exact parser only as an adder.
        BigMoney expected = 0;
        for (const QString &s : expectedParts) {
            Money m = 0;
            QCOMPARE(int(parseMoney(s.toStdString(), m)), int(ParseStatus::Ok));
            expected += m;
        }
        QCOMPARE(grandTotal(m_store), QString::fromStdString(formatMoney(expected, 2)));
    }

    void reimportOfTheSameFileChangesNothing()
    {
        const QString file = TestSupport::dataPath(QStringLiteral("focus/synthetic/synthetic_focus_1.2_ai_tokens.csv"));
        FocusImporter importer(m_store.db());
        const auto first = importer.importFile(file.toStdString(), Ingestor::newBatch(m_store.db()));
        QVERIFY(first.ok);
        const QString before = fingerprint(m_store);
        const auto second = importer.importFile(file.toStdString(), Ingestor::newBatch(m_store.db()));
        QVERIFY2(second.ok, second.error.toString().c_str());
        QCOMPARE(second.ingest.rows, 0);
        QCOMPARE(second.ingest.skipped, first.ingest.rows);
        QCOMPARE(fingerprint(m_store), before);
        QCOMPARE(grandTotal(m_store), QStringLiteral("84.60"));
    }

    void identicalReimportIsRecognisedBeforeParsing()
    {
        // The second import of the same file is skipped from its bytes alone: a file whose rows
        // would no longer parse (same size, same name, one byte changed) is parsed and rejected,
        // so the skip really depends on the content hash.
        const QString file = m_dir.filePath(QStringLiteral("export.csv"));
        const QByteArray good = kHeader + row("acct-1", "2025-06-01T00:00:00Z", "1.5") + row("acct-1", "2025-06-02T00:00:00Z", "2.5");
        writeFile(file, good);
        FocusImporter importer(m_store.db());
        std::vector<ImportProgress> progress;
        importer.setProgressCallback([&](const ImportProgress &p) { progress.push_back(p); });
        const auto first = importer.importFile(file.toStdString(), Ingestor::newBatch(m_store.db()));
        QVERIFY(first.ok);
        const QString before = fingerprint(m_store);
        const qint64 imports = m_store.db().scalar("SELECT count(*) FROM import");
        progress.clear();
        const auto again = importer.importFile(file.toStdString(), Ingestor::newBatch(m_store.db()));
        QVERIFY2(again.ok, again.error.toString().c_str());
        QCOMPARE(again.ingest.skipped, 2);
        QCOMPARE(again.ingest.rows, 0);
        QCOMPARE(fingerprint(m_store), before);
        QCOMPARE(m_store.db().scalar("SELECT count(*) FROM import"), imports); // nothing recorded
        QVERIFY(!progress.empty());
        QCOMPARE(progress.back().bytesRead, progress.back().totalBytes); // the bar reaches the end

        QByteArray broken = good;
        broken[broken.indexOf("2.5")] = 'x'; // BilledCost "x.5": same size, not a number
        writeFile(file, broken);
        const auto bad = importer.importFile(file.toStdString(), Ingestor::newBatch(m_store.db()));
        QVERIFY(!bad.ok);
        QCOMPARE(bad.error.column, std::string("BilledCost"));
        QCOMPARE(fingerprint(m_store), before);

        // Once a newer export has replaced the period, the old file is no longer "already there".
        const QString restated = writeCsv(QStringLiteral("restated.csv"), kHeader + row("acct-1", "2025-06-01T00:00:00Z", "9"));
        QVERIFY(importer.importFile(restated.toStdString(), Ingestor::newBatch(m_store.db())).ok);
        QCOMPARE(grandTotal(m_store), QStringLiteral("9.00"));
        writeFile(file, good);
        const auto back = importer.importFile(file.toStdString(), Ingestor::newBatch(m_store.db()));
        QVERIFY2(back.ok, back.error.toString().c_str());
        QCOMPARE(back.ingest.rows, 2);
        QCOMPARE(grandTotal(m_store), QStringLiteral("4.00"));
    }

    // A store written before model names were unified keeps working: opening it renames the
    // stored models to their one name, so the same model is one row again.
    void olderStoreModelsTakeTheirCanonicalName()
    {
        const QString file = TestSupport::dataPath(QStringLiteral("focus/synthetic/synthetic_focus_1.2_ai_tokens.csv"));
        const std::string path = m_dir.filePath(QStringLiteral("old.sqlite")).toStdString();
        QString totalBefore;
        {
            Store store;
            QVERIFY(store.open(path));
            FocusImporter importer(store.db());
            QVERIFY(importer.importFile(file.toStdString(), Ingestor::newBatch(store.db())).ok);
            totalBefore = grandTotal(store);
            // As an older build stored it: the dated snapshot and a cloud's spelling.
            QVERIFY(store.db().exec("INSERT INTO dict(s) VALUES('gpt-4o-2024-08-06'), ('GPT-4o (Azure OpenAI)')"));
            QVERIFY(store.db().exec("UPDATE combo SET model = (SELECT id FROM dict WHERE s = 'gpt-4o-2024-08-06')"
                                    " WHERE id = (SELECT min(id) FROM combo WHERE model != 0)"));
            QVERIFY(store.db().exec("UPDATE combo SET model = (SELECT id FROM dict WHERE s = 'GPT-4o (Azure OpenAI)')"
                                    " WHERE id = (SELECT max(id) FROM combo WHERE model != 0)"));
            QVERIFY(store.db().scalar("SELECT count(DISTINCT model) FROM combo WHERE model != 0") >= 2);
            QVERIFY(store.db().exec("PRAGMA user_version = 8"));
        }
        Store store;
        QVERIFY2(store.open(path), store.error().c_str());
        QCOMPARE(store.schemaVersion(), Store::kSchemaVersion);
        QCOMPARE(store.db().scalar("SELECT count(*) FROM combo c JOIN dict d ON d.id = c.model"
                                   " WHERE d.s IN ('gpt-4o-2024-08-06', 'GPT-4o (Azure OpenAI)')"), 0);
        QVERIFY(store.db().scalar("SELECT count(*) FROM combo c JOIN dict d ON d.id = c.model WHERE d.s = 'gpt-4o'") >= 2);
        QCOMPARE(grandTotal(store), totalBefore); // renaming moves no money
    }

    void newerExportReplacesThePeriod()
    {
        const QString v1 = writeCsv(QStringLiteral("june.csv"),
                                    kHeader + row("acct-1", "2025-06-01T00:00:00Z", "10.5") + row("acct-1", "2025-06-02T00:00:00Z", "4.25"));
        const QString v2 = writeCsv(QStringLiteral("june-restated.csv"),
                                    kHeader + row("acct-1", "2025-06-01T00:00:00Z", "11.5") + row("acct-1", "2025-06-02T00:00:00Z", "4.25")
                                        + row("acct-1", "2025-06-03T00:00:00Z", "0.0000000001"));
        FocusImporter importer(m_store.db());
        QVERIFY(importer.importFile(v1.toStdString(), Ingestor::newBatch(m_store.db())).ok);
        QCOMPARE(grandTotal(m_store), QStringLiteral("14.75"));
        const auto r = importer.importFile(v2.toStdString(), Ingestor::newBatch(m_store.db()));
        QVERIFY2(r.ok, r.error.toString().c_str());
        QCOMPARE(r.ingest.replaced, 2);
        QCOMPARE(r.ingest.rows, 3);
        QCOMPARE(grandTotal(m_store), QStringLiteral("15.7500000001"));
        QCOMPARE(m_store.db().scalar("SELECT count(*) FROM fact"), 3);
        // The daily rollup follows the replacement exactly.
        QCOMPARE(m_store.db().scalar("SELECT sum(rows) FROM rollup_daily"), 3);
    }

    void otherAccountsAndPeriodsAreKept()
    {
        const QString a = writeCsv(QStringLiteral("a.csv"), kHeader + row("acct-1", "2025-06-01T00:00:00Z", "1"));
        const QString b = writeCsv(QStringLiteral("b.csv"), kHeader + row("acct-2", "2025-06-01T00:00:00Z", "2"));
        FocusImporter importer(m_store.db());
        QVERIFY(importer.importFile(a.toStdString(), Ingestor::newBatch(m_store.db())).ok);
        const auto r = importer.importFile(b.toStdString(), Ingestor::newBatch(m_store.db()));
        QVERIFY(r.ok);
        QCOMPARE(r.ingest.replaced, 0);
        QCOMPARE(grandTotal(m_store), QStringLiteral("3.00"));
    }

    void partsOfOneBatchAddUp()
    {
        const QString a = writeCsv(QStringLiteral("part-0001.csv"), kHeader + row("acct-1", "2025-06-01T00:00:00Z", "1"));
        const QString b = writeCsv(QStringLiteral("part-0002.csv"), kHeader + row("acct-1", "2025-06-02T00:00:00Z", "2"));
        FocusImporter importer(m_store.db());
        const auto batch = Ingestor::newBatch(m_store.db());
        QVERIFY(importer.importFile(a.toStdString(), batch).ok);
        QVERIFY(importer.importFile(b.toStdString(), batch).ok);
        QCOMPARE(grandTotal(m_store), QStringLiteral("3.00"));
    }

    // Parts imported inside one WriteTxn stand or fall together; a part that fails takes only its
    // own rows back; a transaction other code left open is not joined (its rows could be lost).
    void partsInOneWriteStepStandOrFallTogether()
    {
        const QString a = writeCsv(QStringLiteral("run-0001.csv"), kHeader + row("acct-1", "2025-06-01T00:00:00Z", "1"));
        const QString b = writeCsv(QStringLiteral("run-0002.csv"), kHeader + row("acct-1", "2025-06-02T00:00:00Z", "2"));
        const QString bad = writeCsv(QStringLiteral("run-0003.csv"), kHeader + row("acct-1", "2025-06-03T00:00:00Z", "x"));
        FocusImporter importer(m_store.db());
        const QString empty = fingerprint(m_store);
        {
            WriteTxn run(m_store.db());
            QVERIFY(run.begin());
            QVERIFY(!run.nested());
            const auto batch = Ingestor::newBatch(m_store.db());
            QVERIFY(importer.importFile(a.toStdString(), batch).ok);
            QVERIFY(importer.importFile(b.toStdString(), batch).ok);
            QVERIFY(!importer.importFile(bad.toStdString(), batch).ok); // only its own rows go back
            QCOMPARE(grandTotal(m_store), QStringLiteral("3.00"));
            run.rollback(); // the run fails as a whole
        }
        QCOMPARE(fingerprint(m_store), empty);
        {
            WriteTxn run(m_store.db());
            QVERIFY(run.begin());
            const auto batch = Ingestor::newBatch(m_store.db());
            QVERIFY(importer.importFile(a.toStdString(), batch).ok);
            QVERIFY(importer.importFile(b.toStdString(), batch).ok);
            QVERIFY(run.commit());
        }
        QCOMPARE(grandTotal(m_store), QStringLiteral("3.00"));
        QVERIFY(!m_store.db().inTransaction());

        // Someone else's open transaction: the import refuses to start instead of joining it.
        const QString c = writeCsv(QStringLiteral("other.csv"), kHeader + row("acct-2", "2025-06-04T00:00:00Z", "4"));
        QVERIFY(m_store.db().exec("BEGIN"));
        const auto r = importer.importFile(c.toStdString(), 0);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.message.find("transaction") != std::string::npos, r.error.toString().c_str());
        QVERIFY(m_store.db().exec("ROLLBACK"));
        QCOMPARE(grandTotal(m_store), QStringLiteral("3.00"));
    }

    void badInputNamesFileLineAndColumnAndChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("column");
        QTest::newRow("missing BilledCost") << QByteArray("ChargePeriodStart,ServiceName\n2025-06-01,X\n") << QString() << 1
                                            << QStringLiteral("BilledCost");
        QTest::newRow("non-numeric cost") << (kHeader + row("a", "2025-06-01T00:00:00Z", "1") + row("a", "2025-06-01T00:00:00Z", "1.5x"))
                                          << QString() << 3 << QStringLiteral("BilledCost");
        QTest::newRow("bad date") << (kHeader + row("a", "2025-06-01T00:00:00Z", "1") + row("a", "2025-13-01T00:00:00Z", "1"))
                                  << QString() << 3 << QStringLiteral("ChargePeriodStart");
        QByteArray truncated = kHeader + row("a", "2025-06-01T00:00:00Z", "1") + row("a", "2025-06-02T00:00:00Z", "2");
        truncated.chop(40);
        QTest::newRow("truncated") << truncated << QString() << 3 << QString();
        QByteArray openQuote = kHeader + row("a", "2025-06-01T00:00:00Z", "1");
        openQuote += "a,Acme AI,2025-06-01T00:00:00Z,2025-07-01T00:00:00Z,2025-06-02T00:00:00Z,2025-06-02T00:00:00Z,1,1,\"Acme";
        QTest::newRow("unterminated quote") << openQuote << QString() << 3 << QString();
        for (const QString &f : fixtures(QStringLiteral("focus/v1.2/saas_examples")))
            QTest::newRow(qPrintable(QFileInfo(f).fileName())) << QByteArray() << f << 2 << QString(QStringLiteral("*"));
    }
    void badInputNamesFileLineAndColumnAndChangesNothing()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, fixture);
        QFETCH(int, line);
        QFETCH(QString, column);
        // Something already in the store that must survive.
        const QString good = TestSupport::dataPath(QStringLiteral("focus/working_draft_ai/ai_prompt_caching_a.csv"));
        FocusImporter importer(m_store.db());
        QVERIFY(importer.importFile(good.toStdString(), Ingestor::newBatch(m_store.db())).ok);
        const QString before = fingerprint(m_store);

        QString path = fixture;
        if (path.isEmpty()) {
            path = m_dir.filePath(QStringLiteral("bad.csv"));
            writeFile(path, content);
        }
        const auto r = importer.importFile(path.toStdString(), Ingestor::newBatch(m_store.db()));
        QVERIFY(!r.ok);
        QCOMPARE(QString::fromStdString(r.error.file), path);
        QCOMPARE(r.error.line, line);
        if (column != QStringLiteral("*"))
            QCOMPARE(QString::fromStdString(r.error.column), column);
        else
            QVERIFY(!r.error.column.empty());
        QVERIFY(!r.error.message.empty());
        QVERIFY2(QString::fromStdString(r.error.toString()).startsWith(path + QLatin1Char(':') + QString::number(line)),
                 r.error.toString().c_str());
        QCOMPARE(fingerprint(m_store), before);
    }

    void cancelLeavesTheStoreAsItWas()
    {
        const QString big = m_dir.filePath(QStringLiteral("big.csv"));
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kHeader);
            for (int i = 0; i < 60000; ++i)
                f.write(row("acct-9", "2025-06-01T00:00:00Z", "0.01"));
        }
        FocusImporter importer(m_store.db());
        const QString good = TestSupport::dataPath(QStringLiteral("focus/synthetic/synthetic_focus_1.2_ai_tokens.csv"));
        QVERIFY(importer.importFile(good.toStdString(), Ingestor::newBatch(m_store.db())).ok);
        const QString before = fingerprint(m_store);
        std::atomic_bool cancel{false};
        int calls = 0;
        importer.setCancelFlag(&cancel);
        importer.setProgressCallback([&](const ImportProgress &p) {
            ++calls;
            QVERIFY(p.bytesRead <= p.totalBytes);
            cancel = true;
        });
        const auto r = importer.importFile(big.toStdString(), Ingestor::newBatch(m_store.db()));
        QVERIFY(!r.ok);
        QVERIFY(r.cancelled);
        QVERIFY(calls >= 1);
        QCOMPARE(fingerprint(m_store), before);
    }

    void aiColumnsGiveModelAndTokenKind()
    {
        const QString file = TestSupport::dataPath(QStringLiteral("focus/working_draft_ai/ai_prompt_caching_a.csv"));
        FocusImporter importer(m_store.db());
        QVERIFY(importer.importFile(file.toStdString(), Ingestor::newBatch(m_store.db())).ok);
        Analytics::TotalsRequest req;
        req.by = {"model", "token_kind"};
        std::vector<Analytics::TotalsRow> rows;
        std::string error;
        QVERIFY(Analytics::totals(m_store.db(), req, rows, error));
        QStringList got;
        for (const auto &r : rows)
            got << QString::fromStdString(r.keys[0] + "/" + r.keys[1] + "=" + formatMoney(r.value, 2));
        got.sort();
        QCOMPARE(got, QStringList({QStringLiteral("solora-reasoning-pro/cache_write=7.50"),
                                   QStringLiteral("solora-reasoning-pro/cached_input=2.40"),
                                   QStringLiteral("solora-reasoning-pro/input=1.50"),
                                   QStringLiteral("solora-reasoning-pro/output=22.50")}));
        req.metric = Analytics::Metric::Tokens;
        req.by = {"token_kind"};
        QVERIFY(Analytics::totals(m_store.db(), req, rows, error));
        QCOMPARE(rows.size(), std::size_t(4));
        BigMoney tokens = 0;
        for (const auto &r : rows)
            tokens += r.value;
        QCOMPARE(static_cast<long long>(tokens), 12000000LL);
    }

    void unknownColumnsAreKept()
    {
        const QString file = TestSupport::dataPath(
            QStringLiteral("focus/v1.2/commitment_discount_flexibility/one_hundred_percent_utilization_with_commitment_discount_flexibility_with_2_resources.csv"));
        FocusImporter importer(m_store.db());
        QVERIFY(importer.importFile(file.toStdString(), Ingestor::newBatch(m_store.db())).ok);
        SqliteStmt st(m_store.db(), "SELECT d.s FROM fact f JOIN dict d ON d.id = f.extras ORDER BY f.id LIMIT 1");
        QVERIFY(st.step());
        const QString extras = QString::fromUtf8(st.text(0).data(), static_cast<int>(st.text(0).size()));
        QVERIFY2(extras.contains(QStringLiteral("\"x_CommitmentDiscountUnitPrice\":\"2.00\"")), qPrintable(extras));
        QVERIFY2(extras.contains(QStringLiteral("\"CommitmentDiscountStatus\"")) || extras.contains(QStringLiteral("CommitmentDiscountQuantity")),
                 qPrintable(extras));
    }

private:
    // Writes `bytes` to the file `name` in the test's folder; returns its path.
    QString writeCsv(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        writeFile(path, bytes);
        return path;
    }

    QTemporaryDir m_dir;
    Store m_store;
    std::string m_path;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestFocusImport)
#include "tst_focusimport.moc"
