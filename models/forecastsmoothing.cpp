#include "forecastmethods.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Analytics::ForecastDetail {

namespace {

struct EtsParams {
    double alpha;
    double beta;
    double gamma;
    double phi;
};

// One filtering pass of additive Holt-Winters (error-correction form, weekly season). Returns the
// mean absolute one-step error after a warm-up; when `paths` is given, forecasts from each origin
// of `plan` are recorded as the pass goes by.
double runEts(const DailySeries &s, const EtsParams &p, const BacktestPlan *plan, Paths *paths)
{
    const auto &y = s.y;
    const int n = static_cast<int>(y.size());
    // Initial state from the first four weeks.
    double level = 0.0;
    int count = 0;
    const int init = std::min(n, 28);
    for (int t = 0; t < init; ++t)
        if (!std::isnan(y[static_cast<std::size_t>(t)])) {
            level += y[static_cast<std::size_t>(t)];
            ++count;
        }
    level = count ? level / count : 0.0;
    double season[7] = {0, 0, 0, 0, 0, 0, 0};
    int seasonCount[7] = {0, 0, 0, 0, 0, 0, 0};
    for (int t = 0; t < init; ++t)
        if (!std::isnan(y[static_cast<std::size_t>(t)])) {
            season[(s.weekday0 + t) % 7] += y[static_cast<std::size_t>(t)] - level;
            ++seasonCount[(s.weekday0 + t) % 7];
        }
    for (int d = 0; d < 7; ++d)
        season[d] = seasonCount[d] ? season[d] / seasonCount[d] : 0.0;
    double trend = 0.0;
    double loss = 0.0;
    int scored = 0;
    const int warmup = std::min(28, n / 3);
    std::size_t next = 0;
    // A robust pass: errors beyond 4 noise scales update the state as if they were 4 scales, so a
    // leftover spike cannot drag the level.
    const double clip = 4.0 * s.scale;
    for (int t = 0; t < n; ++t) {
        const int d = (s.weekday0 + t) % 7;
        const double v = y[static_cast<std::size_t>(t)];
        if (std::isnan(v)) {
            level += p.phi * trend;
            trend *= p.phi;
        } else {
            const double e = v - (level + p.phi * trend + season[d]);
            if (t >= warmup) {
                loss += std::fabs(e);
                ++scored;
            }
            const double ec = clip > 0.0 ? std::clamp(e, -clip, clip) : e;
            level += p.phi * trend + p.alpha * ec;
            trend = p.phi * trend + p.beta * ec;
            season[d] += p.gamma * ec;
        }
        while (plan && next < plan->origins.size() && plan->origins[next] == t) {
            std::vector<double> path(static_cast<std::size_t>(plan->horizons[next]));
            double damp = 0.0, phiPow = 1.0;
            for (int h = 1; h <= plan->horizons[next]; ++h) {
                phiPow *= p.phi;
                damp += phiPow;
                path[static_cast<std::size_t>(h - 1)] = level + damp * trend + season[(s.weekday0 + t + h) % 7];
            }
            (*paths)[next] = std::move(path);
            ++next;
        }
    }
    return scored ? loss / scored : std::numeric_limits<double>::infinity();
}

} // namespace

Candidate exponentialSmoothing(const DailySeries &s, const BacktestPlan &plan, bool trend)
{
    static const double kAlpha[] = {0.03, 0.08, 0.15, 0.25, 0.4, 0.6};
    static const double kGamma[] = {0.02, 0.08, 0.2};
    static const EtsParams kTrend[] = {{0, 0.005, 0, 0.9}, {0, 0.02, 0, 0.9}, {0, 0.005, 0, 0.98}, {0, 0.02, 0, 0.98}};
    EtsParams best{0.2, 0.0, 0.08, 0.0};
    double bestLoss = std::numeric_limits<double>::infinity();
    for (double a : kAlpha)
        for (double g : kGamma) {
            if (g > 1.0 - a)
                continue;
            if (!trend) {
                const EtsParams p{a, 0.0, g, 0.0};
                const double l = runEts(s, p, nullptr, nullptr);
                if (l < bestLoss) {
                    bestLoss = l;
                    best = p;
                }
                continue;
            }
            for (const auto &tp : kTrend) {
                const EtsParams p{a, tp.beta * a, g, tp.phi};
                const double l = runEts(s, p, nullptr, nullptr);
                if (l < bestLoss) {
                    bestLoss = l;
                    best = p;
                }
            }
        }
    Candidate c{trend ? "holt-winters-damped" : "holt-winters", Paths(plan.origins.size())};
    runEts(s, best, &plan, &c.paths);
    return c;
}

} // namespace Analytics::ForecastDetail
