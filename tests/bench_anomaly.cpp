// Prints how long Analytics::scoreSeries takes for 1,000 daily series of 365 points and for 100
// hourly series of 90 days (2,160 points), the same through the app's scan path
// (Analytics::detectAnomalies: scoring plus grouping flagged points into anomalies, on exact
// money), and a whole-store scan (runAnomalyScan: queries, scoring, root causes, storing) of a
// 180-day demo workspace. A benchmark, not a test: it prints figures and never fails on a time.
#include "anomaly/anomalydetector.h"
#include "anomaly/anomalyscan.h"
#include "domain/timeparse.h"
#include "import/demogenerator.h"
#include "store/store.h"

#include <QDir>
#include <QTemporaryDir>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <numbers>
#include <random>
#include <vector>

namespace {

// CPU time of the calling thread: the "one core" figure, whatever else the machine is running.
double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Series {
    std::vector<std::int64_t> t;
    std::vector<double> v;
};

// Cost-like series: a level with a trend, weekly (and for hourly data daily) seasonality,
// multiplicative noise, now and then a spike, a level shift, a zero or a missing point.
Series makeSeries(std::mt19937_64 &rng, int points, std::int64_t step)
{
    std::uniform_real_distribution<double> uni(0.0, 1.0);
    std::normal_distribution<double> noise(0.0, 1.0);
    const double level = 10.0 + 990.0 * uni(rng);
    const double trend = (uni(rng) - 0.4) * 0.004 * static_cast<double>(step) / 86400.0;
    const double weekly = 0.4 * uni(rng);
    const double daily = step < 86400 ? 0.6 * uni(rng) : 0.0;
    const double sigma = 0.03 + 0.15 * uni(rng);
    const int shiftAt = uni(rng) < 0.3 ? static_cast<int>(uni(rng) * points) : -1;
    Series s;
    s.t.reserve(static_cast<std::size_t>(points));
    s.v.reserve(static_cast<std::size_t>(points));
    const std::int64_t start = 1704067200; // 2024-01-01
    for (int i = 0; i < points; ++i) {
        const std::int64_t t = start + i * step;
        const double days = static_cast<double>(t - start) / 86400.0;
        double v = level * (1.0 + trend * i);
        v *= 1.0 + weekly * std::sin(2.0 * std::numbers::pi * days / 7.0);
        v *= 1.0 + daily * std::sin(2.0 * std::numbers::pi * days);
        if (shiftAt >= 0 && i >= shiftAt)
            v *= 1.5;
        v *= std::exp(sigma * noise(rng));
        if (uni(rng) < 0.01)
            v *= 4.0;
        if (uni(rng) < 0.005)
            v = 0.0;
        s.t.push_back(t);
        s.v.push_back(uni(rng) < 0.01 ? std::nan("") : v);
    }
    return s;
}

void run(const char *label, int count, int points, std::int64_t step)
{
    std::mt19937_64 rng(20240601);
    std::vector<Series> all;
    all.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        all.push_back(makeSeries(rng, points, step));

    const auto start = std::chrono::steady_clock::now();
    const double cpu0 = threadCpuSeconds();
    double checksum = 0.0;
    long alerts = 0;
    for (const auto &s : all) {
        const auto scores = Analytics::scoreSeries(s.t, s.v);
        for (double x : scores) {
            checksum += x;
            alerts += x >= Analytics::alertThreshold(Analytics::Sensitivity::Normal);
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu = threadCpuSeconds() - cpu0;
    std::printf("scoreSeries: %s, %d series x %d points: %.3f s total (%.3f s CPU of this thread), %.3f ms per series,"
                " %.2f us per point (%ld alerts, checksum %.6g)\n",
                label, count, points, seconds, cpu, 1e3 * seconds / count,
                1e6 * seconds / (static_cast<double>(count) * points), alerts, checksum);
}

void runScanPath(const char *label, int count, int points, Analytics::AnomalyGrain grain)
{
    std::mt19937_64 rng(20240601);
    const std::int64_t step = Analytics::anomalyGrainSeconds(grain);
    std::vector<Analytics::SeriesData> all;
    for (int i = 0; i < count; ++i) {
        const Series s = makeSeries(rng, points, step);
        Analytics::SeriesData d;
        d.grain = grain;
        d.start = s.t.front();
        for (double v : s.v)
            d.values.push_back(Cost::fromDouble(std::isfinite(v) ? v : 0.0));
        all.push_back(std::move(d));
    }
    const auto start = std::chrono::steady_clock::now();
    const double cpu0 = threadCpuSeconds();
    std::size_t anomalies = 0;
    for (const auto &d : all)
        anomalies += Analytics::detectAnomalies(d, Analytics::Sensitivity::Normal, Cost::kMoneyScale, {}).size();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("detectAnomalies: %s, %d series x %d points: %.3f s total (%.3f s CPU of this thread, %zu anomalies)\n",
                label, count, points, seconds, threadCpuSeconds() - cpu0, anomalies);
}

void runStoreScan()
{
    QTemporaryDir dir;
    Cost::Store store;
    if (!dir.isValid() || !store.open(QDir(dir.path()).filePath(QStringLiteral("demo.sqlite")).toStdString()))
        return;
    Cost::DemoOptions options;
    options.endDay = Cost::daysFromCivil(2025, 6, 30);
    options.days = 180;
    Cost::IngestResult ingest;
    std::string error;
    if (!Cost::generateDemo(store.db(), options, {}, nullptr, ingest, error)) {
        std::printf("demo failed: %s\n", error.c_str());
        return;
    }
    Analytics::ScanResult result;
    const auto cpu0 = std::clock();
    if (!Analytics::runAnomalyScan(store.db(), result, error)) {
        std::printf("scan failed: %s\n", error.c_str());
        return;
    }
    const double cpu = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
    std::printf("runAnomalyScan: 180-day demo store (%lld charges), %d series, %lld points: %.3f s wall, %.3f s CPU,"
                " %d anomalies\n",
                static_cast<long long>(ingest.rows), result.series, static_cast<long long>(result.points), result.seconds, cpu,
                result.found);
}

} // namespace

int main(int argc, char **argv)
{
    const int scale = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1;
    run("daily", 1000 * scale, 365, 86400);
    run("hourly", 100 * scale, 90 * 24, 3600);
    runScanPath("daily", 1000 * scale, 365, Analytics::AnomalyGrain::Day);
    runScanPath("hourly", 100 * scale, 90 * 24, Analytics::AnomalyGrain::Hour);
    runStoreScan();
    return 0;
}
