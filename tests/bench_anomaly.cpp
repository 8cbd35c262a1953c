// Prints how long Analytics::scoreSeries takes for 1,000 daily series of 365 points and for 100
// hourly series of 90 days (2,160 points). A benchmark, not a test: it prints figures and never
// fails on a time.
#include "anomalydetector.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numbers>
#include <random>
#include <vector>

namespace {

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
    std::printf("scoreSeries: %s, %d series x %d points: %.3f s total, %.3f ms per series, %.2f us per point"
                " (%ld alerts, checksum %.6g)\n",
                label, count, points, seconds, 1e3 * seconds / count, 1e6 * seconds / (static_cast<double>(count) * points),
                alerts, checksum);
}

} // namespace

int main(int argc, char **argv)
{
    const int scale = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1;
    run("daily", 1000 * scale, 365, 86400);
    run("hourly", 100 * scale, 90 * 24, 3600);
    return 0;
}
