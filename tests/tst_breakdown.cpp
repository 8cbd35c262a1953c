// Page data: per-dimension series at every grain, table rows with change, tokens and unit
// economics, filters — all consistent with the exact totals.
#include "analytics.h"
#include "breakdown.h"
#include "demogenerator.h"
#include "store.h"
#include "timeparse.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Cost;
using namespace Analytics;

class TestBreakdown : public QObject {
    Q_OBJECT

    BigMoney total(std::int64_t from, std::int64_t to, std::vector<Filter> filters = {})
    {
        TotalsRequest req;
        req.fromDay = from;
        req.toDay = to;
        req.filters = std::move(filters);
        std::vector<TotalsRow> rows;
        std::string error;
        totals(m_store.db(), req, rows, error);
        return rows.empty() ? 0 : rows[0].value;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("b.sqlite")).toStdString()));
        DemoOptions o;
        o.endDay = m_end;
        o.days = 90;
        IngestResult r;
        std::string error;
        QVERIFY2(generateDemo(m_store.db(), o, {}, nullptr, r, error), error.c_str());
    }

    void grains_data()
    {
        QTest::addColumn<QString>("dimension");
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("grain");
        QTest::addColumn<int>("buckets");
        QTest::newRow("model by day") << "model" << 30 << int(Grain::Day) << 30;
        QTest::newRow("feature by hour") << "feature" << 1 << int(Grain::Hour) << 24;
        QTest::newRow("provider by week") << "provider" << 28 << int(Grain::Week) << 5; // 2026-03-04 is a Wednesday
        QTest::newRow("team by month") << "team" << 60 << int(Grain::Month) << 3;
    }
    void grains()
    {
        QFETCH(QString, dimension);
        QFETCH(int, days);
        QFETCH(int, grain);
        QFETCH(int, buckets);
        BreakdownQuery q;
        q.dimension = dimension.toStdString();
        q.toDay = m_end - 1;
        q.fromDay = q.toDay - days + 1;
        q.grain = static_cast<Grain>(grain);
        q.topN = 3;
        Breakdown b;
        std::string error;
        QVERIFY2(breakdown(m_store.db(), q, b, error), error.c_str());
        QCOMPARE(int(b.bucketStarts.size()), buckets);
        QCOMPARE(b.total, total(q.fromDay, q.toDay));
        BigMoney rowSum = 0;
        double shares = 0;
        for (const auto &r : b.rows) {
            rowSum += r.cost;
            shares += r.share;
        }
        QCOMPARE(rowSum, b.total);
        QVERIFY(std::abs(shares - 1.0) < 1e-9);
        // The series add up to the total (doubles, drawing only) and show top N + Other.
        QCOMPARE(int(b.seriesNames.size()), std::min<int>(int(b.rows.size()), 3) + (b.rows.size() > 3 ? 1 : 0));
        double seriesSum = 0;
        for (const auto &s : b.seriesValues)
            for (double v : s)
                seriesSum += v;
        QVERIFY2(std::abs(seriesSum - toDouble(b.total)) < 1e-4, qPrintable(QString::number(seriesSum - toDouble(b.total))));
        for (std::size_t i = 1; i < b.rows.size(); ++i)
            QVERIFY(b.rows[i - 1].cost >= b.rows[i].cost);
        QCOMPARE(b.previousTotal, total(q.fromDay - days, q.fromDay - 1));
    }

    void unitEconomicsAndFilters()
    {
        BreakdownQuery q;
        q.dimension = "model";
        q.toDay = m_end - 1;
        q.fromDay = q.toDay - 13;
        q.filters = {{"feature", "classify"}};
        Breakdown b;
        std::string error;
        QVERIFY2(breakdown(m_store.db(), q, b, error), error.c_str());
        QCOMPARE(b.total, total(q.fromDay, q.toDay, q.filters));
        const auto it = std::find_if(b.rows.begin(), b.rows.end(), [](const BreakdownRow &r) { return r.key == "llama-3-70b"; });
        QVERIFY(it != b.rows.end());
        // The demo bills llama-3-70b at $0.99 per million input and output tokens.
        QVERIFY(std::abs(it->costPerMillion(0) - 0.99) < 1e-6);
        QVERIFY(std::abs(it->costPerMillion(3) - 0.99) < 1e-6);
        QVERIFY(std::abs(it->blendedCostPerMillion() - 0.99) < 1e-6);
        QVERIFY(it->requests > 0);
        QVERIFY(it->tokensPerRequest() > 100);
        QVERIFY(std::isnan(it->cachedInputShare()) || it->cachedInputShare() == 0.0);
        for (const auto &r : b.rows)
            QVERIFY(r.key == "gpt-4o-mini" || r.key == "llama-3-70b" || r.key == "gemini-2.0-flash");
    }

    void badQueries()
    {
        BreakdownQuery q;
        q.dimension = "colour";
        q.fromDay = m_end - 5;
        q.toDay = m_end;
        Breakdown b;
        std::string error;
        QVERIFY(!breakdown(m_store.db(), q, b, error));
        QVERIFY(!error.empty());
    }

private:
    QTemporaryDir m_dir;
    Store m_store;
    const std::int64_t m_end = daysFromCivil(2026, 3, 31);
};

QTEST_GUILESS_MAIN(TestBreakdown)
#include "tst_breakdown.moc"
