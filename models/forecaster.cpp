#include "forecaster.h"

#include "forecastmethods.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <cstdlib>

namespace Analytics {

using namespace ForecastDetail;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kMinObservations = 21;   // below this: a flat forecast from the recent mean
constexpr int kMaxBacktestHorizon = 60; // longer horizons extrapolate the error growth
constexpr int kMinTraining = 28;
constexpr int kYearlyDays = 700;        // about two years before yearly terms are fitted
constexpr double kAnomalyThreshold = 6.0;

int weekdayOf(std::int64_t day)
{
    // 1970-01-01 was a Thursday; 0 = Monday.
    return static_cast<int>(((day + 3) % 7 + 7) % 7);
}

double quantile(std::vector<double> v, double q)
{
    if (v.empty())
        return kNaN;
    std::sort(v.begin(), v.end());
    const double pos = q * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(pos);
    const auto hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

// Error scale by horizon, s(h) = a * h^b, fitted to the backtest's mean absolute error per horizon.
struct ErrorModel {
    double a = 0.0;
    double b = 0.5;
    double q80 = 1.2816 * 1.2533; // normal quantiles in units of mean absolute error
    double q95 = 1.9600 * 1.2533;
    double scale(int h) const { return a * std::pow(static_cast<double>(h), b); }
};

ErrorModel calibrate(const Paths &paths, const BacktestPlan &plan, const std::vector<double> &truth, double fallbackScale)
{
    ErrorModel model;
    const int n = static_cast<int>(truth.size());
    const int hmax = plan.horizons.empty() ? 0 : *std::max_element(plan.horizons.begin(), plan.horizons.end() - 1);
    std::vector<double> sum(static_cast<std::size_t>(std::max(hmax, 1)), 0.0);
    std::vector<int> count(sum.size(), 0);
    struct Error {
        int h;
        double e;
    };
    std::vector<Error> errors;
    for (std::size_t o = 0; o + 1 < plan.origins.size(); ++o) {
        const int T = plan.origins[o];
        for (int h = 1; h <= std::min(plan.horizons[o], n - 1 - T); ++h) {
            const double y = truth[static_cast<std::size_t>(T + h)];
            if (std::isnan(y))
                continue;
            const double e = std::fabs(y - paths[o][static_cast<std::size_t>(h - 1)]);
            sum[static_cast<std::size_t>(h - 1)] += e;
            ++count[static_cast<std::size_t>(h - 1)];
            errors.push_back({h, e});
        }
    }
    // Weighted least squares of log mean error on log horizon.
    double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (std::size_t h = 0; h < sum.size(); ++h) {
        if (count[h] == 0 || sum[h] <= 0.0)
            continue;
        const double w = count[h];
        const double lx = std::log(static_cast<double>(h + 1));
        const double ly = std::log(sum[h] / count[h]);
        sw += w;
        sx += w * lx;
        sy += w * ly;
        sxx += w * lx * lx;
        sxy += w * lx * ly;
    }
    if (errors.size() < 10 || sw <= 0.0) {
        model.a = fallbackScale > 0.0 ? fallbackScale : 1.0;
        return model;
    }
    const double var = sxx - sx * sx / sw;
    model.b = var > 1e-12 ? std::clamp((sxy - sx * sy / sw) / var, 0.0, 0.5) : 0.0;
    model.a = std::exp((sy - model.b * sx) / sw);
    if (!(model.a > 0.0))
        model.a = fallbackScale > 0.0 ? fallbackScale : 1.0;
    std::vector<double> z;
    z.reserve(errors.size());
    for (const auto &e : errors)
        z.push_back(e.e / model.scale(e.h));
    model.q80 = quantile(z, 0.80);
    model.q95 = std::max(quantile(z, 0.95), model.q80 * 1.2);
    return model;
}

ForecastResult flatForecast(std::int64_t firstDay, const std::vector<double> &values, int horizon, bool nonNegative)
{
    ForecastResult res;
    res.method = "recent-mean";
    res.backtestMae = kNaN;
    res.seasonalNaiveMae = kNaN;
    std::vector<double> obs;
    for (double v : values)
        if (!std::isnan(v))
            obs.push_back(v);
    double level = 0.0, spread = 0.0;
    if (!obs.empty()) {
        const std::size_t k = std::min<std::size_t>(obs.size(), 7);
        level = std::accumulate(obs.end() - static_cast<std::ptrdiff_t>(k), obs.end(), 0.0) / static_cast<double>(k);
        for (double v : obs)
            spread += (v - level) * (v - level);
        spread = obs.size() > 1 ? std::sqrt(spread / static_cast<double>(obs.size() - 1)) : std::fabs(level) * 0.5;
    }
    const auto n = static_cast<std::int64_t>(values.size());
    for (int h = 1; h <= horizon; ++h) {
        const double s = spread * std::sqrt(1.0 + h / 7.0);
        ForecastPoint p{firstDay + n - 1 + h, level, level - 1.2816 * s, level + 1.2816 * s, level - 1.96 * s,
                        level + 1.96 * s};
        if (nonNegative) {
            p.lo80 = std::max(0.0, p.lo80);
            p.lo95 = std::max(0.0, p.lo95);
        }
        res.points.push_back(p);
    }
    return res;
}

BacktestPlan makePlan(int n, int horizon)
{
    BacktestPlan plan;
    const int hb = std::min(horizon, kMaxBacktestHorizon);
    const int origins = std::getenv("FC_ORIG") ? std::atoi(std::getenv("FC_ORIG")) : 52;
    for (int j = origins; j >= 1; --j) {
        const int t = n - 1 - 7 * j;
        if (t + 1 >= std::max(kMinTraining, n / 3)) {
            plan.origins.push_back(t);
            plan.horizons.push_back(std::min(hb, n - 1 - t));
        }
    }
    plan.origins.push_back(n - 1);
    plan.horizons.push_back(horizon);
    return plan;
}

// Strictly positive series are modelled in logs, where multiplicative seasonality and
// level-proportional errors become additive and constant; the point forecast is then a median.
// Not when a few values sit near zero: in logs they would dominate the fit.
bool preferLog(const std::vector<double> &raw)
{
    std::vector<double> obs;
    for (double v : raw) {
        if (std::isnan(v))
            continue;
        if (v <= 0.0)
            return false;
        obs.push_back(v);
    }
    const char *mode = std::getenv("FC_LOGMODE");
    if (mode && mode[0] == '0')
        return false;
    return quantile(obs, 0.02) > quantile(obs, 0.5) / 20.0;
}

Paths exponentiate(Paths paths)
{
    for (auto &path : paths)
        for (double &v : path)
            v = std::exp(v);
    return paths;
}

Paths average(const std::vector<const Candidate *> &members)
{
    Paths out = members.front()->paths;
    for (std::size_t m = 1; m < members.size(); ++m)
        for (std::size_t o = 0; o < out.size(); ++o)
            for (std::size_t h = 0; h < out[o].size(); ++h)
                out[o][h] += members[m]->paths[o][h];
    for (auto &path : out)
        for (double &v : path)
            v /= static_cast<double>(members.size());
    return out;
}

} // namespace

ForecastResult forecastDaily(std::int64_t firstDay, const std::vector<double> &values, int horizon)
{
    if (horizon <= 0)
        return {{}, "none", kNaN, kNaN, 0, 0};
    std::vector<double> raw(values);
    int observed = 0;
    bool nonNegative = true;
    for (double &v : raw) {
        if (!std::isfinite(v)) {
            v = kNaN;
            continue;
        }
        ++observed;
        nonNegative = nonNegative && v >= 0.0;
    }
    const int n = static_cast<int>(raw.size());
    if (observed < kMinObservations)
        return flatForecast(firstDay, raw, horizon, nonNegative);

    const bool useLog = preferLog(raw);
    std::vector<double> work = raw;
    if (useLog)
        for (double &v : work)
            v = std::log(v);
    DailySeries s;
    s.y = work;
    s.weekday0 = weekdayOf(firstDay);
    const int anomalies = cleanAnomalies(s.y, s.weekday0, kAnomalyThreshold, s.scale);
    const BacktestPlan plan = makePlan(n, horizon);
    const int hb = std::min(horizon, kMaxBacktestHorizon);

    std::vector<Candidate> candidates;
    candidates.push_back(seasonalNaive(s, plan));
    candidates.push_back(weeklyMean(s, plan, 4));
    candidates.push_back(exponentialSmoothing(s, plan, false));
    candidates.push_back(exponentialSmoothing(s, plan, true));
    candidates.push_back(calendarRegression(s, plan, n >= kYearlyDays, hb));
    if (plan.origins.front() - 364 * ((hb + 366) / 364) - 27 >= 0)
        candidates.push_back(yearlyAnalog(s, plan));

    std::vector<std::pair<double, const Candidate *>> ranked;
    for (const auto &c : candidates)
        ranked.emplace_back(backtestMae(c.paths, plan, s.y, hb), &c);
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &l, const auto &r) { return l.first < r.first; });

    if (const char *force = std::getenv("FC_FORCE")) {
        for (auto &r : ranked)
            if (r.second->name == force)
                r.first = -1.0;
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto &l, const auto &r) { return l.first < r.first; });
        ranked.resize(1);
    }
    // The best single method, or the mean of the best two or three when that backtests better.
    std::vector<const Candidate *> chosen{ranked.front().second};
    Paths paths = ranked.front().second->paths;
    double bestMae = ranked.front().first;
    for (std::size_t k = 2; k <= std::min<std::size_t>(3, ranked.size()); ++k) {
        std::vector<const Candidate *> members;
        for (std::size_t i = 0; i < k; ++i)
            members.push_back(ranked[i].second);
        Paths combined = average(members);
        const double mae = backtestMae(combined, plan, s.y, hb);
        if (mae < bestMae) {
            bestMae = mae;
            chosen = members;
            paths = std::move(combined);
        }
    }

    ForecastResult res;
    for (const Candidate *c : chosen)
        res.method += (res.method.empty() ? "" : "+") + c->name;
    res.backtestOrigins = static_cast<int>(plan.origins.size()) - 1;
    res.anomaliesIgnored = anomalies;
    res.backtestMae = backtestMae(useLog ? exponentiate(paths) : paths, plan, raw, hb);
    res.seasonalNaiveMae = backtestMae(useLog ? exponentiate(candidates.front().paths) : candidates.front().paths, plan, raw, hb);
    const ErrorModel errors = calibrate(paths, plan, work, s.scale);
    if (useLog)
        res.method += " (log)";
    const std::vector<double> &final = paths.back();
    for (int h = 1; h <= horizon; ++h) {
        const double f = final[static_cast<std::size_t>(h - 1)];
        const double sc = errors.scale(h);
        ForecastPoint p{firstDay + n - 1 + h, f, f - errors.q80 * sc, f + errors.q80 * sc, f - errors.q95 * sc,
                        f + errors.q95 * sc};
        if (useLog) {
            p.forecast = std::exp(p.forecast);
            p.lo80 = std::exp(p.lo80);
            p.hi80 = std::exp(p.hi80);
            p.lo95 = std::exp(p.lo95);
            p.hi95 = std::exp(p.hi95);
        }
        if (nonNegative) {
            p.forecast = std::max(0.0, p.forecast);
            p.lo80 = std::max(0.0, p.lo80);
            p.lo95 = std::max(0.0, p.lo95);
            p.hi80 = std::max(p.forecast, p.hi80);
            p.hi95 = std::max(p.hi80, p.hi95);
        }
        res.points.push_back(p);
    }
    return res;
}

void reconcileToTotal(const ForecastResult &total, std::vector<ForecastResult> &parts)
{
    if (parts.empty())
        return;
    for (std::size_t i = 0; i < total.points.size(); ++i) {
        double sum = 0.0;
        for (const auto &part : parts)
            if (i < part.points.size())
                sum += part.points[i].forecast;
        const double target = total.points[i].forecast;
        for (auto &part : parts) {
            if (i >= part.points.size())
                continue;
            ForecastPoint &p = part.points[i];
            if (sum > 0.0 && target >= 0.0 && p.forecast >= 0.0) {
                // Proportional: keeps zero parts at zero and non-negative parts non-negative.
                const double f = target / sum;
                p.forecast *= f;
                p.lo80 *= f;
                p.hi80 *= f;
                p.lo95 *= f;
                p.hi95 *= f;
            } else {
                const double shift = (target - sum) / static_cast<double>(parts.size());
                p.forecast += shift;
                p.lo80 += shift;
                p.hi80 += shift;
                p.lo95 += shift;
                p.hi95 += shift;
            }
        }
    }
}

} // namespace Analytics
