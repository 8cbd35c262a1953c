#include "forecast/forecastmethods.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Analytics::ForecastDetail {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double median(std::vector<double> &v)
{
    if (v.empty())
        return kNaN;
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    double m = *mid;
    if (v.size() % 2 == 0)
        m = 0.5 * (m + *std::max_element(v.begin(), mid));
    return m;
}

// Centred rolling median over [t - half, t + half], observed values only. The window is kept
// sorted and slid one day at a time.
std::vector<double> rollingMedian(const std::vector<double> &y, int half)
{
    const int n = static_cast<int>(y.size());
    std::vector<double> out(y.size(), kNaN), win;
    win.reserve(static_cast<std::size_t>(2 * half + 2));
    auto add = [&](int j) {
        const double v = y[static_cast<std::size_t>(j)];
        if (!std::isnan(v))
            win.insert(std::upper_bound(win.begin(), win.end(), v), v);
    };
    auto remove = [&](int j) {
        const double v = y[static_cast<std::size_t>(j)];
        if (!std::isnan(v))
            win.erase(std::lower_bound(win.begin(), win.end(), v));
    };
    for (int j = 0; j < std::min(n, half); ++j)
        add(j);
    for (int t = 0; t < n; ++t) {
        if (t + half < n)
            add(t + half);
        if (t - half - 1 >= 0)
            remove(t - half - 1);
        const std::size_t m = win.size();
        if (m > 0)
            out[static_cast<std::size_t>(t)] = m % 2 ? win[m / 2] : 0.5 * (win[m / 2 - 1] + win[m / 2]);
    }
    return out;
}

} // namespace

int cleanAnomalies(std::vector<double> &y, int weekday0, double threshold, double &noiseScale)
{
    const int n = static_cast<int>(y.size());
    noiseScale = 0.0;
    // Weekday effects from deviations around a two-week running median, then the residual of the
    // weekday-adjusted series around its own running median. A level shift moves the median within
    // a week, so only isolated departures are flagged.
    const std::vector<double> base = rollingMedian(y, 7);
    std::vector<double> byDay[7];
    for (int t = 0; t < n; ++t)
        if (!std::isnan(y[static_cast<std::size_t>(t)]))
            byDay[(weekday0 + t) % 7].push_back(y[static_cast<std::size_t>(t)] - base[static_cast<std::size_t>(t)]);
    double dayEffect[7];
    for (int d = 0; d < 7; ++d) {
        dayEffect[d] = median(byDay[d]);
        if (std::isnan(dayEffect[d]))
            dayEffect[d] = 0.0;
    }
    std::vector<double> adjusted(y.size());
    for (int t = 0; t < n; ++t)
        adjusted[static_cast<std::size_t>(t)] = y[static_cast<std::size_t>(t)] - dayEffect[(weekday0 + t) % 7];
    const std::vector<double> level = rollingMedian(adjusted, 3);
    std::vector<double> resid, absResid;
    for (int t = 0; t < n; ++t)
        if (!std::isnan(adjusted[static_cast<std::size_t>(t)]))
            resid.push_back(adjusted[static_cast<std::size_t>(t)] - level[static_cast<std::size_t>(t)]);
    if (resid.size() < 14)
        return 0;
    for (double r : resid)
        absResid.push_back(std::fabs(r));
    std::vector<double> tmp = absResid;
    double sigma = 1.4826 * median(tmp);
    if (!(sigma > 0.0)) {
        double s = 0.0;
        for (double a : absResid)
            s += a;
        sigma = 1.2533 * s / static_cast<double>(absResid.size());
    }
    // The running-median residual understates the noise of the series itself; widen it.
    noiseScale = sigma * 1.2;
    if (!(sigma > 0.0) || threshold <= 0.0)
        return 0;
    // Never remove more than 2% of the points: beyond that the "anomalies" are the series.
    const double cap = quantile(absResid, 0.98);
    const double limit = std::max(threshold * sigma, cap);
    int removed = 0;
    for (int t = 0; t < n; ++t) {
        double &v = y[static_cast<std::size_t>(t)];
        if (std::isnan(v))
            continue;
        // The newest days may be the start of a level shift rather than a spike: be lenient there.
        const double lim = t >= n - 3 ? 2.0 * limit : limit;
        if (std::fabs(adjusted[static_cast<std::size_t>(t)] - level[static_cast<std::size_t>(t)]) > lim) {
            v = kNaN;
            ++removed;
        }
    }
    return removed;
}

double backtestMae(const Paths &paths, const BacktestPlan &plan, const std::vector<double> &truth, int maxHorizon)
{
    return backtestMaeOf(plan, truth, maxHorizon,
                         [&paths](std::size_t o, int h) { return paths[o][static_cast<std::size_t>(h - 1)]; });
}

namespace {

double lastObserved(const std::vector<double> &y, int T)
{
    for (int j = T; j >= 0; --j)
        if (!std::isnan(y[static_cast<std::size_t>(j)]))
            return y[static_cast<std::size_t>(j)];
    return 0.0;
}

} // namespace

Candidate seasonalNaive(const DailySeries &s, const BacktestPlan &plan)
{
    Candidate c{"seasonal-naive", {}};
    for (std::size_t o = 0; o < plan.origins.size(); ++o) {
        const int T = plan.origins[o];
        std::vector<double> path(static_cast<std::size_t>(plan.horizons[o]));
        double week[7];
        for (int k = 0; k < 7; ++k) {
            int j = T - k;
            while (j >= 0 && std::isnan(s.y[static_cast<std::size_t>(j)]))
                j -= 7;
            week[(s.weekday0 + T - k) % 7] = j >= 0 ? s.y[static_cast<std::size_t>(j)] : lastObserved(s.y, T);
        }
        for (int h = 1; h <= plan.horizons[o]; ++h)
            path[static_cast<std::size_t>(h - 1)] = week[(s.weekday0 + T + h) % 7];
        c.paths.push_back(std::move(path));
    }
    return c;
}

Candidate weeklyMean(const DailySeries &s, const BacktestPlan &plan, int weeks)
{
    Candidate c{"weekly-mean-" + std::to_string(weeks), {}};
    for (std::size_t o = 0; o < plan.origins.size(); ++o) {
        const int T = plan.origins[o];
        double week[7];
        for (int k = 0; k < 7; ++k) {
            double sum = 0.0;
            int count = 0;
            for (int j = T - k; j >= 0 && count < weeks && j > T - 7 * 3 * weeks; j -= 7) {
                if (!std::isnan(s.y[static_cast<std::size_t>(j)])) {
                    sum += s.y[static_cast<std::size_t>(j)];
                    ++count;
                }
            }
            week[(s.weekday0 + T - k) % 7] = count ? sum / count : lastObserved(s.y, T);
        }
        std::vector<double> path(static_cast<std::size_t>(plan.horizons[o]));
        for (int h = 1; h <= plan.horizons[o]; ++h)
            path[static_cast<std::size_t>(h - 1)] = week[(s.weekday0 + T + h) % 7];
        c.paths.push_back(std::move(path));
    }
    return c;
}

Candidate yearlyAnalog(const DailySeries &s, const BacktestPlan &plan)
{
    Candidate c{"yearly-analog", {}};
    const auto &y = s.y;
    auto windowMean = [&](int from, int to, const double *profile) {
        double sum = 0.0;
        int count = 0;
        for (int j = std::max(0, from); j <= to; ++j) {
            const double v = y[static_cast<std::size_t>(j)];
            if (!std::isnan(v)) {
                sum += v - profile[(s.weekday0 + j) % 7];
                ++count;
            }
        }
        return count ? sum / count : std::numeric_limits<double>::quiet_NaN();
    };
    for (std::size_t o = 0; o < plan.origins.size(); ++o) {
        const int T = plan.origins[o];
        // Weekday profile of the last twelve weeks, centred.
        double profile[7] = {0, 0, 0, 0, 0, 0, 0};
        int counts[7] = {0, 0, 0, 0, 0, 0, 0};
        const double zero[7] = {0, 0, 0, 0, 0, 0, 0};
        const double mean84 = windowMean(T - 83, T, zero);
        for (int j = std::max(0, T - 83); j <= T; ++j) {
            if (!std::isnan(y[static_cast<std::size_t>(j)])) {
                profile[(s.weekday0 + j) % 7] += y[static_cast<std::size_t>(j)] - mean84;
                ++counts[(s.weekday0 + j) % 7];
            }
        }
        for (int d = 0; d < 7; ++d)
            profile[d] = counts[d] ? profile[d] / counts[d] : 0.0;
        const double recent = windowMean(T - 27, T, profile);
        std::vector<double> path(static_cast<std::size_t>(plan.horizons[o]));
        for (int h = 1; h <= plan.horizons[o]; ++h) {
            const int lag = 364 * ((h + 3 + 363) / 364);
            const double then = windowMean(T - lag - 27, T - lag, profile);
            const double analog = windowMean(T + h - lag - 3, T + h - lag + 3, profile);
            double v = recent;
            if (!std::isnan(then) && !std::isnan(analog) && T - lag - 27 >= 0)
                v = analog + (recent - then);
            path[static_cast<std::size_t>(h - 1)] = v + profile[(s.weekday0 + T + h) % 7];
        }
        c.paths.push_back(std::move(path));
    }
    return c;
}

} // namespace Analytics::ForecastDetail
