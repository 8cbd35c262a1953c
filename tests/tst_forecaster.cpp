// Analytics::forecastDaily and `burnrate forecast`: accuracy on series with known structure,
// interval shape and coverage, missing days and the CLI's file contract.
#include "domain/timeparse.h"
#include "forecast/forecaster.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

namespace {

constexpr std::int64_t kFirstDay = 19358; // 2023-01-01

// A known daily signal: level + slope * t + a weekday pattern.
double signal(int t, double level, double slope, double weekly)
{
    static const double kPattern[7] = {0.6, 0.8, 0.9, 1.0, 0.7, -1.6, -2.4};
    return level + slope * t + weekly * kPattern[(t + 6) % 7];
}

std::vector<double> noisySeries(int days, double level, double slope, double weekly, double sigma, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0.0, sigma);
    std::vector<double> y(static_cast<std::size_t>(days));
    for (int t = 0; t < days; ++t)
        y[static_cast<std::size_t>(t)] = signal(t, level, slope, weekly) + noise(rng);
    return y;
}

double meanAbsErrorVsSignal(const Analytics::ForecastResult &r, int days, double level, double slope, double weekly)
{
    double sum = 0.0;
    for (std::size_t h = 0; h < r.points.size(); ++h)
        sum += std::fabs(r.points[h].forecast - signal(days + static_cast<int>(h), level, slope, weekly));
    return sum / static_cast<double>(r.points.size());
}

void checkNested(const Analytics::ForecastResult &r)
{
    for (const auto &p : r.points) {
        QVERIFY2(std::isfinite(p.lo95) && std::isfinite(p.hi95), Cost::formatDay(p.day).c_str());
        QVERIFY(p.lo95 <= p.lo80);
        QVERIFY(p.lo80 <= p.forecast);
        QVERIFY(p.forecast <= p.hi80);
        QVERIFY(p.hi80 <= p.hi95);
    }
}

QString writeCsv(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text);
    return path;
}

} // namespace

class TestForecaster : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void weeklyTrendWithinTolerance_data()
    {
        QTest::addColumn<int>("days");
        TestSupport::addColumns<double>({"level", "slope", "weekly", "sigma"});
        QTest::newRow("one year, rising") << 365 << 100.0 << 0.1 << 10.0 << 2.0;
        QTest::newRow("two years, falling") << 800 << 500.0 << -0.2 << 40.0 << 8.0;
        QTest::newRow("ten weeks") << 70 << 50.0 << 0.0 << 5.0 << 1.0;
        QTest::newRow("crosses zero") << 400 << -20.0 << 0.1 << 6.0 << 1.5;
    }
    void weeklyTrendWithinTolerance()
    {
        QFETCH(int, days);
        QFETCH(double, level);
        QFETCH(double, slope);
        QFETCH(double, weekly);
        QFETCH(double, sigma);
        const auto y = noisySeries(days, level, slope, weekly, sigma, 7);
        const auto r = Analytics::forecastDaily(kFirstDay, y, 28);
        QCOMPARE(r.points.size(), std::size_t(28));
        const double mae = meanAbsErrorVsSignal(r, days, level, slope, weekly);
        // The weekday pattern alone is worth ~weekly; a good forecast stays within noise.
        QVERIFY2(mae < 1.5 * sigma, qPrintable(QStringLiteral("MAE vs signal %1, sigma %2, method %3")
                                                    .arg(mae).arg(sigma).arg(QString::fromStdString(r.method))));
        QVERIFY(r.backtestMae < r.seasonalNaiveMae);
        checkNested(r);
    }

    void intervalsNestAndWiden()
    {
        const auto y = noisySeries(500, 80.0, 0.05, 8.0, 3.0, 11);
        const auto r = Analytics::forecastDaily(kFirstDay, y, 90);
        checkNested(r);
        const double firstWeek = r.points[3].hi95 - r.points[3].lo95;
        const double lastWeek = r.points[87].hi95 - r.points[87].lo95;
        QVERIFY(lastWeek >= firstWeek);
    }

    void missingDaysHandled()
    {
        auto y = noisySeries(400, 60.0, 0.02, 6.0, 1.5, 3);
        std::mt19937 rng(5);
        for (auto &v : y)
            if (rng() % 5 == 0)
                v = std::nan("");
        for (int t = 200; t < 214; ++t)
            y[static_cast<std::size_t>(t)] = std::nan(""); // a two-week hole
        y.back() = 60.0 + 0.02 * 399 + 6.0 * 0.6;
        const auto r = Analytics::forecastDaily(kFirstDay, y, 30);
        QCOMPARE(r.points.size(), std::size_t(30));
        for (std::size_t h = 0; h < r.points.size(); ++h)
            QCOMPARE(r.points[h].day, kFirstDay + 400 + static_cast<std::int64_t>(h));
        QVERIFY(meanAbsErrorVsSignal(r, 400, 60.0, 0.02, 6.0) < 2.5);
        checkNested(r);
    }

    void robustToSpikesAndLevelShift()
    {
        auto y = noisySeries(450, 100.0, 0.0, 10.0, 2.0, 21);
        for (int t = 400; t < 450; ++t)
            y[static_cast<std::size_t>(t)] += 40.0; // a level shift seven weeks before the end
        for (int t : {120, 260, 431, 440})
            y[static_cast<std::size_t>(t)] += 400.0; // isolated spikes
        const auto r = Analytics::forecastDaily(kFirstDay, y, 21);
        double mae = 0.0;
        for (std::size_t h = 0; h < r.points.size(); ++h)
            mae += std::fabs(r.points[h].forecast - 40.0 - signal(450 + static_cast<int>(h), 100.0, 0.0, 10.0));
        mae /= static_cast<double>(r.points.size());
        QVERIFY2(mae < 5.0, qPrintable(QStringLiteral("MAE %1 method %2").arg(mae).arg(QString::fromStdString(r.method))));
    }

    void coverageNearNominal()
    {
        // Many independent noisy series, each scored on its own next 30 days.
        int in80 = 0, in95 = 0, total = 0;
        for (unsigned seed = 1; seed <= 40; ++seed) {
            const int days = 420;
            auto y = noisySeries(days + 30, 200.0 + seed, 0.05, 12.0, 6.0, seed);
            const std::vector<double> future(y.begin() + days, y.end());
            y.resize(days);
            const auto r = Analytics::forecastDaily(kFirstDay, y, 30);
            for (std::size_t h = 0; h < future.size(); ++h) {
                const auto &p = r.points[h];
                in80 += p.lo80 <= future[h] && future[h] <= p.hi80;
                in95 += p.lo95 <= future[h] && future[h] <= p.hi95;
                ++total;
            }
        }
        const double c80 = double(in80) / total, c95 = double(in95) / total;
        QVERIFY2(c80 > 0.72 && c80 < 0.90, qPrintable(QStringLiteral("80 percent coverage %1").arg(c80)));
        QVERIFY2(c95 > 0.88 && c95 < 0.995, qPrintable(QStringLiteral("95 percent coverage %1").arg(c95)));
    }

    void shortSeriesStillForecasts()
    {
        const std::vector<double> y{5, 6, 5, 7, 6, 5, std::nan(""), 6, 7};
        const auto r = Analytics::forecastDaily(kFirstDay, y, 10);
        QCOMPARE(r.points.size(), std::size_t(10));
        QCOMPARE(r.points.front().day, kFirstDay + 9);
        checkNested(r);
        QVERIFY(std::fabs(r.points.front().forecast - 6.0) < 1.5);
    }

    void nonNegativeSeriesStayNonNegative()
    {
        std::vector<double> y(200, 0.0);
        for (std::size_t t = 0; t < y.size(); ++t)
            y[t] = t % 7 < 5 ? 3.0 + (t % 3) : 0.0; // weekends cost nothing
        const auto r = Analytics::forecastDaily(kFirstDay, y, 14);
        for (const auto &p : r.points)
            QVERIFY(p.lo95 >= 0.0 && p.forecast >= 0.0);
    }

    void partsReconcileToTotal()
    {
        const auto a = noisySeries(300, 40.0, 0.0, 4.0, 1.0, 1);
        const auto b = noisySeries(300, 60.0, 0.05, 6.0, 2.0, 2);
        std::vector<double> sum(a.size());
        for (std::size_t i = 0; i < a.size(); ++i)
            sum[i] = a[i] + b[i];
        const auto total = Analytics::forecastDaily(kFirstDay, sum, 30);
        std::vector<Analytics::ForecastResult> parts{Analytics::forecastDaily(kFirstDay, a, 30),
                                                     Analytics::forecastDaily(kFirstDay, b, 30)};
        Analytics::reconcileToTotal(total, parts);
        for (std::size_t h = 0; h < total.points.size(); ++h) {
            QVERIFY(std::fabs(parts[0].points[h].forecast + parts[1].points[h].forecast - total.points[h].forecast)
                    < 1e-9 * std::fabs(total.points[h].forecast) + 1e-12);
            checkNested(parts[0]);
        }
    }

    void cliWritesOneRowPerDayAfterTheLastDate()
    {
        QTemporaryDir dir;
        QByteArray csv = "\"ds\",\"y\"\n";
        const auto y = noisySeries(120, 30.0, 0.0, 3.0, 1.0, 9);
        for (int t = 0; t < 120; ++t)
            if (t % 17 != 5) // some days missing
                csv += QByteArray("\"") + Cost::formatDay(kFirstDay + t).c_str() + "\"," + QByteArray::number(y[t]) + "\n";
        const QString in = writeCsv(dir, QStringLiteral("in.csv"), csv);
        const QString out = dir.filePath(QStringLiteral("out.csv"));
        QString err;
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("forecast"), QStringLiteral("--input"), in,
                                           QStringLiteral("--horizon"), QStringLiteral("45"), QStringLiteral("--output"), out},
                                          nullptr, &err),
                 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 46);
        QCOMPARE(lines[0], QByteArray("date,forecast,lo80,hi80,lo95,hi95"));
        for (int i = 1; i <= 45; ++i) {
            const QList<QByteArray> fields = lines[i].split(',');
            QCOMPARE(fields.size(), 6);
            QCOMPARE(fields[0].toStdString(), Cost::formatDay(kFirstDay + 119 + i));
        }
    }

    void cliReportsBadInput_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad date") << QByteArray("date,value\n2024-01-01,3\n2024-13-02,4\n") << QStringLiteral("in.csv:3:");
        QTest::newRow("bad value") << QByteArray("date,value\n2024-01-01,3\n2024-01-02,abc\n") << QStringLiteral("in.csv:3:");
        QTest::newRow("duplicate") << QByteArray("date,value\n2024-01-01,3\n2024-01-01,4\n") << QStringLiteral("in.csv:3:");
        QTest::newRow("no rows") << QByteArray("date,value\n") << QStringLiteral("no data rows");
    }
    void cliReportsBadInput()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString in = writeCsv(dir, QStringLiteral("in.csv"), csv);
        QString err;
        const int rc = TestSupport::runBurnrate({QStringLiteral("forecast"), QStringLiteral("--input"), in,
                                                 QStringLiteral("--horizon"), QStringLiteral("7"), QStringLiteral("--output"),
                                                 dir.filePath(QStringLiteral("out.csv"))},
                                                nullptr, &err);
        QCOMPARE(rc, 1);
        QVERIFY2(err.contains(expected), qPrintable(err));
    }

    void cliUsageErrors()
    {
        QString err;
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("forecast"), QStringLiteral("--input"), QStringLiteral("x.csv"),
                                           QStringLiteral("--output"), QStringLiteral("y.csv")},
                                          nullptr, &err),
                 2);
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("forecast"), QStringLiteral("--input"), QStringLiteral("x.csv"),
                                           QStringLiteral("--horizon"), QStringLiteral("zero"), QStringLiteral("--output"),
                                           QStringLiteral("y.csv")},
                                          nullptr, &err),
                 2);
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("forecast"), QStringLiteral("--input"),
                                           QStringLiteral("/nonexistent/x.csv"), QStringLiteral("--horizon"),
                                           QStringLiteral("7"), QStringLiteral("--output"), QStringLiteral("y.csv")},
                                          nullptr, &err),
                 1);
        QVERIFY(err.contains(QStringLiteral("/nonexistent/x.csv")));
    }
};

QTEST_GUILESS_MAIN(TestForecaster)
#include "tst_forecaster.moc"
