// Prints how long Analytics::forecastDaily takes for 1,000 daily series of 365 days, horizon 30.
// A benchmark, not a test: it prints figures and never fails on a time.
#include "forecast/forecaster.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numbers>
#include <random>
#include <vector>

namespace {

// Cost-like series: a level with a trend, a weekday pattern, multiplicative noise, now and then a
// spike, a level shift or a missing day.
std::vector<double> makeSeries(std::mt19937_64 &rng, int days)
{
    std::uniform_real_distribution<double> uni(0.0, 1.0);
    std::normal_distribution<double> noise(0.0, 1.0);
    const double level = 10.0 + 990.0 * uni(rng);
    const double trend = (uni(rng) - 0.4) * 0.004;
    const double weekly = 0.4 * uni(rng);
    const double sigma = 0.03 + 0.15 * uni(rng);
    const int shiftAt = uni(rng) < 0.3 ? static_cast<int>(uni(rng) * days) : -1;
    std::vector<double> y(static_cast<std::size_t>(days));
    for (int t = 0; t < days; ++t) {
        double v = level * (1.0 + trend * t);
        v *= 1.0 + weekly * std::sin(2.0 * std::numbers::pi * t / 7.0);
        if (shiftAt >= 0 && t >= shiftAt)
            v *= 1.5;
        v *= std::exp(sigma * noise(rng));
        if (uni(rng) < 0.01)
            v *= 4.0;
        y[static_cast<std::size_t>(t)] = uni(rng) < 0.01 ? std::nan("") : v;
    }
    return y;
}

} // namespace

int main(int argc, char **argv)
{
    const int seriesCount = argc > 1 ? std::atoi(argv[1]) : 1000;
    const int days = 365;
    const int horizon = 30;
    std::mt19937_64 rng(20240601);
    std::vector<std::vector<double>> series;
    series.reserve(static_cast<std::size_t>(seriesCount));
    for (int i = 0; i < seriesCount; ++i)
        series.push_back(makeSeries(rng, days));

    const auto start = std::chrono::steady_clock::now();
    double checksum = 0.0;
    for (const auto &y : series) {
        const auto result = Analytics::forecastDaily(19000, y, horizon);
        checksum += result.points.back().forecast;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("forecastDaily: %d series x %d days, horizon %d: %.3f s total, %.3f ms per series (checksum %.6g)\n",
                seriesCount, days, horizon, seconds, 1000.0 * seconds / seriesCount, checksum);
    return 0;
}
