// The demo workspace: realistic shape, hourly, exact rollups, re-runnable.
#include "analytics/analytics.h"
#include "domain/timeparse.h"
#include "import/demogenerator.h"
#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Cost;

class TestDemo : public QObject {
    Q_OBJECT

    int distinct(Store &s, const char *dim)
    {
        Analytics::TotalsRequest req;
        req.by = {dim};
        std::vector<Analytics::TotalsRow> rows;
        std::string error;
        if (!Analytics::totals(s.db(), req, rows, error))
            return -1;
        int n = 0;
        for (const auto &r : rows)
            n += r.keys[0].empty() ? 0 : 1;
        return n;
    }

private Q_SLOTS:
    void shapeAndRerun()
    {
        QTemporaryDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("demo.sqlite")).toStdString()));
        DemoOptions o;
        o.endDay = daysFromCivil(2026, 3, 31);
        o.days = 120;
        IngestResult r;
        std::string error;
        int lastProgress = -1;
        QVERIFY2(generateDemo(store.db(), o, [&](int p) { lastProgress = p; }, nullptr, r, error), error.c_str());
        QCOMPARE(lastProgress, 100);
        QVERIFY(r.rows > 100000);
        QVERIFY(distinct(store, "provider") >= 5);
        QVERIFY(distinct(store, "model") >= 8);
        QVERIFY(distinct(store, "feature") >= 5);
        QVERIFY(distinct(store, "team") >= 5);
        // Hourly data: 24 distinct charge hours a day.
        QCOMPARE(store.db().scalar("SELECT count(DISTINCT start) FROM fact WHERE start / 86400 = "
                                   + std::to_string(o.endDay - 3)),
                 24);
        std::int64_t first = 0, last = 0;
        QVERIFY(Analytics::dataRange(store.db(), first, last));
        QCOMPARE(first, o.endDay - o.days + 1);
        QCOMPARE(last, o.endDay);
        // Rollups equal the facts to the unit.
        QCOMPARE(store.db().scalar("SELECT (SELECT sum(billed) FROM fact) - (SELECT sum(billed) FROM rollup_daily)"), 0);
        // The runaway incident: the agent feature's worst day is several times its median.
        Analytics::TotalsRequest req;
        req.by = {"day"};
        req.filters = {{"feature", "agent"}};
        std::vector<Analytics::TotalsRow> days;
        QVERIFY(Analytics::totals(store.db(), req, days, error));
        std::vector<double> v;
        for (const auto &d : days)
            v.push_back(toDouble(d.value));
        std::vector<double> sorted = v;
        std::sort(sorted.begin(), sorted.end());
        QVERIFY(sorted.back() > 3 * sorted[sorted.size() / 2]);

        const auto before = store.db().scalar("SELECT sum(billed) FROM fact");
        IngestResult again;
        QVERIFY(generateDemo(store.db(), o, {}, nullptr, again, error));
        QCOMPARE(again.replaced, r.rows);
        QCOMPARE(store.db().scalar("SELECT sum(billed) FROM fact"), before);
    }

    void cancelLeavesStoreEmpty()
    {
        QTemporaryDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("demo.sqlite")).toStdString()));
        std::atomic_bool cancel{false};
        DemoOptions o;
        o.endDay = daysFromCivil(2026, 3, 31);
        IngestResult r;
        std::string error;
        QVERIFY(!generateDemo(store.db(), o, [&](int p) { if (p >= 10) cancel = true; }, &cancel, r, error));
        QVERIFY(store.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
