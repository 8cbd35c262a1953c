// CSV export of the spend pages: RFC 4180 quoting, the table's CSV equal to the model's data
// (every column, in the order shown, exact money), and the time chart's CSV holding one row per
// bucket and series with exact amounts that add up to the breakdown's total.
#include "analytics/breakdown.h"
#include "analytics/exactseries.h"
#include "charts/timecostchart.h"
#include "charts/topnbarchart.h"
#include "domain/timeparse.h"
#include "export/csvexport.h"
#include "guitestmain.h"
#include "testsupport.h"
#include "import/demogenerator.h"
#include "spend/breakdowntablemodel.h"
#include "store/store.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

// An independent RFC 4180 reader: quoted fields, doubled quotes, CRLF records.
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    return TestSupport::parseCsv(QString::fromUtf8(bytes), TestSupport::CsvRecordEnd::CrLf);
}

Cost::BigMoney money(const QString &text)
{
    const auto value = Cost::parseBigMoney(text.toStdString());
    return value ? *value : Cost::BigMoney(-1);
}

} // namespace

class TestCsvExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Cost::Store m_store;
    const std::int64_t m_end = Cost::daysFromCivil(2026, 3, 31);

    Analytics::Breakdown load(const std::string &dimension, Analytics::Grain grain, int days)
    {
        Analytics::BreakdownQuery q;
        q.dimension = dimension;
        q.toDay = m_end;
        q.fromDay = m_end - days + 1;
        q.grain = grain;
        q.topN = 5;
        return TestSupport::loadBreakdown(m_store.db(), q);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        std::string error;
        QVERIFY2(TestSupport::openDemoStore(m_store, m_dir.filePath(QStringLiteral("c.sqlite")), m_end, 120, &error), error.c_str());
    }

    void quoting_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("plain") << QStringLiteral("gpt-4o") << QStringLiteral("gpt-4o");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("two\nlines") << QStringLiteral("\"two\nlines\"");
        QTest::newRow("carriage return") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
        QTest::newRow("edge space") << QStringLiteral(" padded") << QStringLiteral("\" padded\"");
        QTest::newRow("unicode") << QStringLiteral("caf\u00E9 \u2014 \u4E2D") << QStringLiteral("caf\u00E9 \u2014 \u4E2D");
    }
    void quoting()
    {
        QFETCH(QString, value);
        QFETCH(QString, field);
        QCOMPARE(CsvExport::field(value), field);
        // And it reads back as the value, in a record among others.
        const QByteArray bytes = CsvExport::encode({{QStringLiteral("x"), value, QStringLiteral("y")}});
        QVERIFY(bytes.endsWith("\r\n"));
        const QList<QStringList> rows = parseCsv(bytes);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first(), (QStringList{QStringLiteral("x"), value, QStringLiteral("y")}));
    }

    void tableCsvEqualsModel_data()
    {
        QTest::addColumn<QString>("dimension");
        QTest::addColumn<int>("sortColumn");
        QTest::newRow("model by cost") << QStringLiteral("model") << int(BreakdownTableModel::Cost);
        QTest::newRow("feature by change") << QStringLiteral("feature") << int(BreakdownTableModel::Change);
        QTest::newRow("token kind by name") << QStringLiteral("token_kind") << int(BreakdownTableModel::Name);
        QTest::newRow("provider by cost per request") << QStringLiteral("provider") << int(BreakdownTableModel::CostPerRequest);
    }
    void tableCsvEqualsModel()
    {
        QFETCH(QString, dimension);
        QFETCH(int, sortColumn);
        const Analytics::Breakdown b = load(dimension.toStdString(), Analytics::Grain::Day, 60);
        BreakdownTableModel model;
        model.setBreakdown(b, dimension, QStringLiteral("USD"));
        model.sort(sortColumn, Qt::AscendingOrder);

        const QString path = m_dir.filePath(dimension + QStringLiteral(".csv"));
        QString error;
        QVERIFY2(CsvExport::write(path, CsvExport::modelRows(&model, model.exportHeader(), BreakdownTableModel::ExportRole), &error),
                 qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = parseCsv(file.readAll());

        QCOMPARE(rows.size(), model.rowCount() + 1);
        QCOMPARE(rows.first(), model.exportHeader());
        QCOMPARE(rows.first().size(), model.columnCount());
        QCOMPARE(rows.first().at(BreakdownTableModel::Cost), QStringLiteral("Cost (USD)"));
        Cost::BigMoney sum = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            const QStringList &line = rows.at(r + 1);
            QCOMPARE(line.size(), model.columnCount());
            for (int c = 0; c < model.columnCount(); ++c)
                QCOMPARE(line.at(c), model.data(model.index(r, c), BreakdownTableModel::ExportRole).toString());
            // In the order shown, with exact money and exact counts.
            const Analytics::BreakdownRow &shown = model.rowAt(r);
            QCOMPARE(line.at(BreakdownTableModel::Name), model.data(model.index(r, 0)).toString());
            QVERIFY(money(line.at(BreakdownTableModel::Cost)) == shown.cost);
            QCOMPARE(line.at(BreakdownTableModel::Cost), QString::fromStdString(Cost::formatMoney(shown.cost)));
            QCOMPARE(line.at(BreakdownTableModel::Tokens), shown.tokens > 0 ? QString::number(shown.tokens) : QString());
            const double share = line.at(BreakdownTableModel::Share).toDouble();
            QVERIFY(std::abs(share - shown.share * 100) < 1e-9);
            sum += money(line.at(BreakdownTableModel::Cost));
        }
        QVERIFY(sum == b.total);
    }

    void timeChartCsvIsExact_data()
    {
        QTest::addColumn<int>("grain");
        QTest::addColumn<int>("days");
        QTest::newRow("hourly") << int(Analytics::Grain::Hour) << 2;
        QTest::newRow("daily") << int(Analytics::Grain::Day) << 30;
        QTest::newRow("weekly") << int(Analytics::Grain::Week) << 90;
        QTest::newRow("monthly") << int(Analytics::Grain::Month) << 120;
    }
    void timeChartCsvIsExact()
    {
        QFETCH(int, grain);
        QFETCH(int, days);
        const Analytics::Breakdown b = load("model", static_cast<Analytics::Grain>(grain), days);
        std::vector<std::vector<Cost::BigMoney>> exact;
        std::string error;
        QVERIFY2(Analytics::exactSeries(m_store.db(), b, exact, error), error.c_str());
        QCOMPARE(exact.size(), b.seriesNames.size());

        TimeCostChart chart;
        TimeCostChart::Data data;
        data.grain = b.query.grain;
        data.bucketStarts.assign(b.bucketStarts.begin(), b.bucketStarts.end());
        data.currency = QStringLiteral("USD");
        for (std::size_t s = 0; s < exact.size(); ++s)
            data.series.push_back({QString::fromStdString(b.seriesNames[s]), QString::fromStdString(b.seriesNames[s]),
                                   s + 1 == exact.size() && b.rows.size() > 5, exact[s]});
        chart.setData(data);
        const QList<QStringList> rows = parseCsv(CsvExport::encode(chart.exportRows()));
        QCOMPARE(rows.first(), (QStringList{QStringLiteral("Bucket start"), QStringLiteral("Series"), QStringLiteral("Cost (USD)")}));
        QCOMPARE(rows.size(), 1 + static_cast<int>(b.bucketStarts.size() * b.seriesNames.size()));

        // The exact series add up to each top value's cost and to the total; the doubles agree.
        Cost::BigMoney total = 0;
        std::vector<Cost::BigMoney> perSeries(exact.size(), 0);
        for (int r = 1; r < rows.size(); ++r) {
            // Bucket by bucket, the series in stacking order.
            const QStringList &line = rows.at(r);
            const auto s = static_cast<std::size_t>(r - 1) % data.series.size();
            const auto bucket = static_cast<std::size_t>(r - 1) / data.series.size();
            QCOMPARE(line.at(1), data.series[s].name);
            QVERIFY(money(line.at(2)) == exact[s][bucket]);
            const Cost::BigMoney value = money(line.at(2));
            QVERIFY(value >= 0);
            perSeries[s] += value;
            total += value;
        }
        QVERIFY(total == b.total);
        for (std::size_t s = 0; s < exact.size(); ++s) {
            double drawn = 0;
            for (double v : b.seriesValues[s])
                drawn += v;
            QVERIFY(std::abs(drawn - Cost::toDouble(perSeries[s])) < 1e-4);
            if (s < 5 && s < b.rows.size())
                QVERIFY(perSeries[s] == b.rows[s].cost);
        }
        // The first bucket's date is written ISO (with the hour when hourly).
        const QString firstBucket = rows.at(1).at(0);
        QCOMPARE(firstBucket.size(), grain == int(Analytics::Grain::Hour) ? 20 : 10);

        // A hidden series is not in the picture, so not in the export.
        chart.setSeriesHidden(data.series.front().name, true);
        const QList<QStringList> hidden = chart.exportRows();
        QCOMPARE(hidden.size(), 1 + static_cast<int>(b.bucketStarts.size() * (b.seriesNames.size() - 1)));
        for (const QStringList &line : hidden)
            QVERIFY(line.at(1) != data.series.front().name);
    }

    void topChartCsv()
    {
        TopNBarChart chart;
        chart.setItems({{QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o"), false, 1234567890123LL, 0.75},
                        {QStringLiteral("Other"), QString(), true, 411522630041LL, 0.25}},
                       QStringLiteral("USD"), QStringLiteral("Model"));
        const QList<QStringList> rows = parseCsv(CsvExport::encode(chart.exportRows()));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0), (QStringList{QStringLiteral("Model"), QStringLiteral("Cost (USD)"), QStringLiteral("Share (%)")}));
        QCOMPARE(rows.at(1), (QStringList{QStringLiteral("gpt-4o"), QStringLiteral("123.4567890123"), QStringLiteral("75")}));
        QCOMPARE(rows.at(2), (QStringList{QStringLiteral("Other"), QStringLiteral("41.1522630041"), QStringLiteral("25")}));
    }

    void writeFailureIsReported()
    {
        QString error;
        QVERIFY(!CsvExport::write(m_dir.filePath(QStringLiteral("missing/dir/x.csv")), {{QStringLiteral("a")}}, &error));
        QVERIFY(!error.isEmpty());
    }
};

BURNRATE_GUI_TEST_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
