// FOCUS export: conformance of the CSV, exact allocation splits, and the round trip
// export → import into a new store → identical totals per provider, model, token kind,
// feature, team and day (the analytics `burnrate totals` uses), on the demo workspace and on
// every valid FOCUS fixture; the command line (--from/--to/--filter, bad paths).
#include "testsupport.h"

#include "allocation/allocation.h"
#include "analytics/analytics.h"
#include "domain/timeparse.h"
#include "export/focusexport.h"
#include "export/focusrowwriter.h"
#include "import/focusimporter.h"
#include "store/store.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Cost;

namespace {

using Filters = std::vector<Analytics::Filter>;

const std::vector<std::string> kRoundTripDims = {"provider", "model", "token_kind", "feature", "team", "day"};

// Every totals row of `by` and `metric` as "key|key|…=amount" lines, sorted (the test's view of a store).
QStringList totalsLines(SqliteDb &db, const std::vector<std::string> &by, Analytics::Metric metric,
                        const Filters &filters = {}, std::optional<std::int64_t> from = {},
                        std::optional<std::int64_t> to = {})
{
    Analytics::TotalsRequest req;
    req.by = by;
    req.metric = metric;
    req.filters = filters;
    req.fromDay = from;
    req.toDay = to;
    std::vector<Analytics::TotalsRow> rows;
    std::string error;
    if (!Analytics::totals(db, req, rows, error))
        return {QStringLiteral("error: ") + QString::fromStdString(error)};
    QStringList out;
    for (const auto &r : rows) {
        if (r.value == 0 && metric == Analytics::Metric::Tokens)
            continue; // a charge without tokens adds no token row
        QStringList keys;
        for (const auto &k : r.keys)
            keys << QString::fromStdString(k);
        out << keys.join(QLatin1Char('|')) + QLatin1Char('=') + QString::fromStdString(formatMoney(r.value, 0));
    }
    out.sort();
    return out;
}

bool importInto(SqliteDb &db, const QString &file, std::string &error)
{
    FocusImporter importer(db);
    const auto r = importer.importFile(file.toStdString(), Ingestor::newBatch(db));
    if (!r.ok)
        error = r.error.toString();
    return r.ok;
}

QStringList focusFixtures()
{
    QStringList files;
    QDirIterator it(TestSupport::dataPath(QStringLiteral("focus")), {QStringLiteral("*.csv")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        if (!f.contains(QStringLiteral("saas_examples"))) // not valid FOCUS (fixtures README)
            files << f;
    }
    files.sort();
    return files;
}

QList<QStringList> readCsv(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return TestSupport::parseCsv(QString::fromUtf8(f.readAll()), TestSupport::CsvRecordEnd::AnyLineBreak);
}

// A rule that splits every charge of `model` three ways with shares that do not divide evenly.
Allocation::Rule splitRule(const char *model)
{
    return {"split " + std::string(model), "model", model, Allocation::Match::Exact,
            {{"alpha", "team-a", 333333}, {"beta", "team-b", 333333}, {"gamma", "", 333334}}, true};
}

} // namespace

class TestFocusExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    QString path(const QString &suffix) { return m_dir.filePath(QStringLiteral("f%1%2").arg(++m_n).arg(suffix)); }

    // Exports `from` with `req`, imports the file into a new store, and compares every totals
    // view the acceptance names (each dimension alone and all six together) for every metric.
    void roundTrip(SqliteDb &from, const Export::FocusExportRequest &req = {}, QString *csvOut = nullptr)
    {
        const QString csv = path(QStringLiteral(".csv"));
        Export::FocusExportResult result;
        std::string error;
        QVERIFY2(Export::exportFocus(from, csv.toStdString(), req, {}, nullptr, result, error), error.c_str());
        QVERIFY(result.rows > 0);
        Store copy;
        QVERIFY(copy.open(path(QStringLiteral(".sqlite")).toStdString()));
        QVERIFY2(importInto(copy.db(), csv, error), error.c_str());
        for (auto metric : {Analytics::Metric::Billed, Analytics::Metric::Effective, Analytics::Metric::List,
                            Analytics::Metric::Tokens}) {
            std::vector<std::vector<std::string>> views{kRoundTripDims};
            for (const auto &d : kRoundTripDims)
                views.push_back({d});
            for (const auto &by : views) {
                const QStringList want = totalsLines(from, by, metric, req.filters, req.fromDay, req.toDay);
                const QStringList got = totalsLines(copy.db(), by, metric);
                QVERIFY(metric == Analytics::Metric::Tokens || !want.isEmpty());
                if (got != want) {
                    for (qsizetype i = 0; i < std::max(want.size(), got.size()); ++i)
                        if (want.value(i) != got.value(i)) {
                            qWarning() << "first difference at" << i << "want" << want.value(i) << "got" << got.value(i);
                            break;
                        }
                }
                QCOMPARE(got, want);
            }
        }
        if (csvOut)
            *csvOut = csv;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void roundTripDemoWithSplittingRule()
    {
        Store store;
        std::string error;
        QVERIFY2(TestSupport::openDemoStore(store, path(QStringLiteral(".sqlite")), TestSupport::day("2025-06-30"), 21, &error),
                 error.c_str());
        QVERIFY2(Allocation::saveRules(store.db(), {splitRule("gpt-4o")}, error), error.c_str());
        // The rule really splits: three features for gpt-4o.
        QCOMPARE(totalsLines(store.db(), {"feature"}, Analytics::Metric::Billed, {{"model", "gpt-4o"}}).size(), 3);
        QString csv;
        roundTrip(store.db(), {}, &csv);
        if (QTest::currentTestFailed())
            return;
        // The split rows of one charge add up to it exactly, and each charge became three rows.
        Export::FocusExportResult result;
        QVERIFY(Export::exportFocus(store.db(), path(QStringLiteral(".csv")).toStdString(), {}, {}, nullptr, result, error));
        QVERIFY(result.splitCharges > 0);
        QCOMPARE(result.rows, result.charges + 2 * result.splitCharges);
        QCOMPARE(result.charges, store.factCount());
    }

    void splitPartsAddUpToTheCharge()
    {
        Store store;
        QVERIFY(store.open(path(QStringLiteral(".sqlite")).toStdString()));
        const QString in = path(QStringLiteral(".csv"));
        QFile f(in);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("ProviderName,BillingAccountId,ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,x_Model\n"
                "OpenAI,acct,2025-06-01T00:00:00Z,2025-06-01T01:00:00Z,1.0000000001,0.9999999999,m1\n"
                "OpenAI,acct,2025-06-01T01:00:00Z,2025-06-01T02:00:00Z,0.0000000002,0.0000000001,m1\n"
                "OpenAI,acct,2025-06-01T02:00:00Z,2025-06-01T03:00:00Z,-0.0000000007,0,m1\n");
        f.close();
        std::string error;
        QVERIFY2(importInto(store.db(), in, error), error.c_str());
        QVERIFY2(Allocation::saveRules(store.db(), {splitRule("m1")}, error), error.c_str());
        QString csv;
        roundTrip(store.db(), {}, &csv);
        if (QTest::currentTestFailed())
            return;
        const auto rows = readCsv(csv);
        QCOMPARE(rows.size(), 1 + 3 * 3);
        const QStringList header = rows.front();
        const auto col = [&](const char *name) { return header.indexOf(QLatin1String(name)); };
        QVERIFY(col("BilledCost") >= 0 && col("x_BurnrateFeature") >= 0 && col("ChargePeriodStart") >= 0);
        // Per charge (same start): the parts' BilledCost sums to the charge, exactly.
        QMap<QString, QStringList> parts;
        QSet<QString> features;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            parts[rows[i][col("ChargePeriodStart")]] << rows[i][col("BilledCost")];
            features << rows[i][col("x_BurnrateFeature")];
        }
        QCOMPARE(features, (QSet<QString>{QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma")}));
        const QMap<QString, QString> want{{QStringLiteral("2025-06-01T00:00:00Z"), QStringLiteral("1.0000000001")},
                                          {QStringLiteral("2025-06-01T01:00:00Z"), QStringLiteral("0.0000000002")},
                                          {QStringLiteral("2025-06-01T02:00:00Z"), QStringLiteral("-0.0000000007")}};
        for (auto it = want.begin(); it != want.end(); ++it) {
            QString sum;
            QVERIFY(TestSupport::decimalSum(parts.value(it.key()), &sum));
            QCOMPARE(sum, it.value());
        }
    }

    void roundTripFixtures_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &f : focusFixtures())
            QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
    }
    void roundTripFixtures()
    {
        QFETCH(QString, file);
        Store store;
        QVERIFY(store.open(path(QStringLiteral(".sqlite")).toStdString()));
        std::string error;
        QVERIFY2(importInto(store.db(), file, error), error.c_str());
        roundTrip(store.db());
    }

    void roundTripRangeAndFilters_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QStringList>("filters");
        QTest::newRow("range") << "2025-06-10" << "2025-06-12" << QStringList{};
        QTest::newRow("provider") << "" << "" << QStringList{QStringLiteral("provider=OpenAI")};
        QTest::newRow("feature of a split") << "2025-06-14" << "" << QStringList{QStringLiteral("feature=beta")};
        QTest::newRow("team and token kind") << "" << "2025-06-20"
                                             << QStringList{QStringLiteral("team=team-a"), QStringLiteral("token_kind=output")};
    }
    void roundTripRangeAndFilters()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QStringList, filters);
        Store store;
        std::string error;
        QVERIFY2(TestSupport::openDemoStore(store, path(QStringLiteral(".sqlite")), TestSupport::day("2025-06-30"), 21, &error),
                 error.c_str());
        QVERIFY2(Allocation::saveRules(store.db(), {splitRule("gpt-4o")}, error), error.c_str());
        Export::FocusExportRequest req;
        if (!from.isEmpty())
            req.fromDay = TestSupport::day(qPrintable(from));
        if (!to.isEmpty())
            req.toDay = TestSupport::day(qPrintable(to));
        for (const QString &f : filters)
            req.filters.emplace_back(f.section(QLatin1Char('='), 0, 0).toStdString(), f.section(QLatin1Char('='), 1).toStdString());
        QString csv;
        roundTrip(store.db(), req, &csv);
        if (QTest::currentTestFailed())
            return;
        // Nothing outside the range or the filters was written.
        const auto rows = readCsv(csv);
        const int start = rows.front().indexOf(QStringLiteral("ChargePeriodStart"));
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const QString day = rows[i][start].left(10);
            QVERIFY2((from.isEmpty() || day >= from) && (to.isEmpty() || day <= to), qPrintable(day));
        }
    }

    void conformance()
    {
        Store store;
        std::string error;
        QVERIFY2(TestSupport::openDemoStore(store, path(QStringLiteral(".sqlite")), TestSupport::day("2025-06-30"), 3, &error),
                 error.c_str());
        QVERIFY2(importInto(store.db(), TestSupport::dataPath(QStringLiteral("focus/synthetic/synthetic_focus_1.2_ai_tokens.csv")),
                            error),
                 error.c_str());
        const QString csv = path(QStringLiteral(".csv"));
        Export::FocusExportResult result;
        QVERIFY2(Export::exportFocus(store.db(), csv.toStdString(), {}, {}, nullptr, result, error), error.c_str());
        const auto rows = readCsv(csv);
        QCOMPARE(rows.size(), result.rows + 1);
        const QStringList header = rows.front();
        // The 57 FOCUS 1.2 columns first, in the order of the fixture that has them all.
        const auto fixture = readCsv(TestSupport::dataPath(QStringLiteral("focus/synthetic/synthetic_focus_1.2_ai_tokens.csv")));
        QCOMPARE(fixture.front().size(), 57);
        QCOMPARE(header.mid(0, 57), fixture.front());
        for (qsizetype i = 57; i < header.size(); ++i)
            QVERIFY2(header[i].startsWith(QStringLiteral("x_")), qPrintable(header[i])); // custom columns carry x_
        const auto col = [&](const char *name) { return header.indexOf(QLatin1String(name)); };
        const char *notNull[] = {"BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency",
                                 "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory", "ChargeDescription",
                                 "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost",
                                 "EffectiveCost", "InvoiceIssuerName", "ListCost", "ProviderName", "PublisherName",
                                 "ServiceCategory", "ServiceName", "ServiceSubcategory"};
        const QRegularExpression decimal(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?$"));
        const QRegularExpression instant(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"));
        const QStringList categories{QStringLiteral("Usage"), QStringLiteral("Purchase"), QStringLiteral("Tax"),
                                     QStringLiteral("Credit"), QStringLiteral("Adjustment")};
        int tokenRows = 0;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const QStringList &r = rows[i];
            QCOMPARE(r.size(), header.size());
            for (const char *name : notNull)
                QVERIFY2(!r[col(name)].isEmpty(), name);
            for (const char *name : {"BilledCost", "EffectiveCost", "ListCost", "ContractedCost"})
                QVERIFY2(decimal.match(r[col(name)]).hasMatch(), qPrintable(r[col(name)]));
            for (const char *name : {"ChargePeriodStart", "ChargePeriodEnd", "BillingPeriodStart", "BillingPeriodEnd"})
                QVERIFY2(instant.match(r[col(name)]).hasMatch(), qPrintable(r[col(name)]));
            QVERIFY(categories.contains(r[col("ChargeCategory")]));
            QVERIFY(r[col("ChargeClass")].isEmpty() || r[col("ChargeClass")] == QStringLiteral("Correction"));
            if (categories.indexOf(r[col("ChargeCategory")]) <= 1) { // Usage and Purchase have a pricing quantity
                QVERIFY(!r[col("PricingQuantity")].isEmpty());
                QVERIFY(!r[col("PricingUnit")].isEmpty());
            }
            const QString kind = r[col("x_BurnrateTokenKind")];
            if (kind.isEmpty())
                continue;
            ++tokenRows;
            const QJsonObject details = QJsonDocument::fromJson(r[col("SkuPriceDetails")].toUtf8()).object();
            QVERIFY2(!details.value(QStringLiteral("ModelId")).toString().isEmpty(), qPrintable(r[col("SkuPriceDetails")]));
            const QString direction = details.value(QStringLiteral("TokenDirection")).toString();
            const QString cache = details.value(QStringLiteral("TokenCacheAction")).toString();
            if (kind == QStringLiteral("output"))
                QCOMPARE(direction, QStringLiteral("Output"));
            else if (kind == QStringLiteral("cached_input"))
                QCOMPARE(direction + QLatin1Char('/') + cache, QStringLiteral("Input/Read"));
            else if (kind == QStringLiteral("cache_write"))
                QCOMPARE(direction + QLatin1Char('/') + cache, QStringLiteral("Input/Write"));
            else if (kind == QStringLiteral("input"))
                QCOMPARE(direction + QLatin1Char('/') + cache, QStringLiteral("Input/Uncached"));
        }
        QVERIFY(tokenRows > 0);
        // The fixture's verbatim columns come back: its tax row keeps its category and amount.
        bool tax = false;
        for (qsizetype i = 1; i < rows.size(); ++i)
            tax = tax || (rows[i][col("ChargeCategory")] == QStringLiteral("Tax") && rows[i][col("BilledCost")] == QStringLiteral("8.1"));
        QVERIFY(tax);
    }

    void moneyIsExact()
    {
        std::string s;
        Export::appendMoney(s, 0);
        s += ' ';
        Export::appendMoney(s, -1);
        s += ' ';
        Export::appendMoney(s, std::numeric_limits<Money>::max());
        s += ' ';
        Export::appendMoney(s, std::numeric_limits<Money>::min());
        s += ' ';
        Export::appendMoney(s, 12 * kMoneyScale + 5 * kMoneyScale / 10);
        QCOMPARE(QString::fromStdString(s),
                 QStringLiteral("0 -0.0000000001 922337203.6854775807 -922337203.6854775808 12.5"));
    }

    void cancelledExportWritesNoFile()
    {
        Store store;
        std::string error;
        QVERIFY2(TestSupport::openDemoStore(store, path(QStringLiteral(".sqlite")), TestSupport::day("2025-06-30"), 30, &error),
                 error.c_str());
        QVERIFY(store.factCount() > 8192);
        const QString csv = path(QStringLiteral(".csv"));
        std::atomic_bool cancel{false};
        QList<int> percents;
        Export::FocusExportResult result;
        const bool ok = Export::exportFocus(store.db(), csv.toStdString(), {}, [&](int p) {
            percents << p;
            cancel = true;
        }, &cancel, result, error);
        QVERIFY2(ok, error.c_str());
        QVERIFY(result.cancelled);
        QCOMPARE(percents.size(), 1);
        QVERIFY(!QFileInfo::exists(csv));
        QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral("*.csv*")}).filter(QFileInfo(csv).fileName()).isEmpty());
    }

    void commandLine()
    {
        const QString db = path(QStringLiteral(".sqlite"));
        std::string error;
        QVERIFY2(TestSupport::writeDemoStore(db, TestSupport::day("2025-06-30"), 5, &error), error.c_str());
        const QString csv = path(QStringLiteral(".csv"));
        QString out, err;
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("export-focus"), QStringLiteral("--from"),
                                           QStringLiteral("2025-06-28"), QStringLiteral("--filter"),
                                           QStringLiteral("provider=OpenAI"), QStringLiteral("--out"), csv},
                                          &out, &err),
                 0);
        const auto rows = readCsv(csv);
        QVERIFY(rows.size() > 1);
        QVERIFY2(out.startsWith(QStringLiteral("%1 rows written to ").arg(rows.size() - 1)), qPrintable(out));
        const int provider = rows.front().indexOf(QStringLiteral("ProviderName"));
        for (qsizetype i = 1; i < rows.size(); ++i)
            QCOMPARE(rows[i][provider], QStringLiteral("OpenAI"));

        // A path that cannot be written: says which, fails.
        const QString bad = m_dir.filePath(QStringLiteral("no-such-dir/out.csv"));
        QVERIFY(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("export-focus"), QStringLiteral("--out"), bad},
                                         &out, &err)
                != 0);
        QVERIFY2(err.contains(QStringLiteral("cannot write ") + bad), qPrintable(err));
        // The filter dimensions are those of `totals --filter`.
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("export-focus"), QStringLiteral("--filter"),
                                           QStringLiteral("colour=red"), QStringLiteral("--out"), csv},
                                          &out, &err),
                 2);
        QVERIFY2(err.contains(QStringLiteral("unknown dimension 'colour'")), qPrintable(err));
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("export-focus")}, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("--out is required")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestFocusExport)
#include "tst_focusexport.moc"
