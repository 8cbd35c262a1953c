#include "forecast/forecastmethods.h"

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

std::vector<Candidate> exponentialSmoothing(const DailySeries &s, const BacktestPlan &plan)
{
    // Level and season rates from a grid without trend; the damped-trend variant then searches
    // its trend parameters around the chosen rates, which keeps the grid at 26 passes.
    static const double kAlpha[] = {0.03, 0.08, 0.15, 0.25, 0.4, 0.6};
    static const double kGamma[] = {0.02, 0.08, 0.2};
    static const double kBeta[] = {0.005, 0.02};
    static const double kPhi[] = {0.9, 0.98};
    EtsParams best{0.2, 0.0, 0.08, 0.0};
    double bestLoss = std::numeric_limits<double>::infinity();
    int bestAlpha = 0;
    for (int ai = 0; ai < 6; ++ai)
        for (double g : kGamma) {
            const EtsParams p{kAlpha[ai], 0.0, g, 0.0};
            const double l = runEts(s, p, nullptr, nullptr);
            if (l < bestLoss) {
                bestLoss = l;
                best = p;
                bestAlpha = ai;
            }
        }
    EtsParams bestTrend{best.alpha, 0.005 * best.alpha, best.gamma, 0.9};
    double bestTrendLoss = std::numeric_limits<double>::infinity();
    for (int ai : {bestAlpha, std::max(0, bestAlpha - 1)})
        for (double beta : kBeta)
            for (double phi : kPhi) {
                const EtsParams p{kAlpha[ai], beta * kAlpha[ai], best.gamma, phi};
                const double l = runEts(s, p, nullptr, nullptr);
                if (l < bestTrendLoss) {
                    bestTrendLoss = l;
                    bestTrend = p;
                }
            }
    std::vector<Candidate> out{{"holt-winters", Paths(plan.origins.size())},
                               {"holt-winters-damped", Paths(plan.origins.size())},
                               {"theta", {}}};
    runEts(s, best, &plan, &out[0].paths);
    runEts(s, bestTrend, &plan, &out[1].paths);
    // Theta method (SES with drift, Hyndman & Billah 2003): the seasonal level model plus half
    // the least-squares slope of the whole history up to the origin.
    out[2].paths = out[0].paths;
    double st = 0.0, sy = 0.0, stt = 0.0, sty = 0.0, cnt = 0.0;
    std::size_t next = 0;
    for (int t = 0; t < static_cast<int>(s.y.size()) && next < plan.origins.size(); ++t) {
        const double v = s.y[static_cast<std::size_t>(t)];
        if (!std::isnan(v)) {
            st += t;
            sy += v;
            stt += static_cast<double>(t) * t;
            sty += t * v;
            cnt += 1.0;
        }
        for (; next < plan.origins.size() && plan.origins[next] == t; ++next) {
            const double var = stt - st * st / cnt;
            const double slope = cnt > 14.0 && var > 0.0 ? (sty - st * sy / cnt) / var : 0.0;
            auto &path = out[2].paths[next];
            for (std::size_t h = 0; h < path.size(); ++h)
                path[h] += 0.5 * slope * (static_cast<double>(h) + 1.0 / best.alpha);
        }
    }
    return out;
}

} // namespace Analytics::ForecastDetail
