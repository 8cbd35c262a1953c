#include "forecast/forecaster.h"

#include "forecast/forecastmethods.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace Analytics {

using namespace ForecastDetail;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kMinObservations = 21;   // below this: a flat forecast from the recent mean
constexpr int kMaxBacktestHorizon = 60; // longer horizons extrapolate the error growth
constexpr int kMinTraining = 28;
constexpr int kBacktestOrigins = 52;    // weekly origins over the last year
constexpr int kYearlyDays = 700;        // about two years before yearly terms are fitted
constexpr double kAnomalyThreshold = 6.0;

int weekdayOf(std::int64_t day)
{
    // 1970-01-01 was a Thursday; 0 = Monday.
    return static_cast<int>(((day + 3) % 7 + 7) % 7);
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
    const int origins = kBacktestOrigins;
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

// Everything fitted in one space (the values as given, or their logs).
struct SpaceFit {
    bool log = false;
    std::vector<double> work; ///< transformed values, anomalies kept (for interval calibration)
    DailySeries series;       ///< transformed values, anomalies removed (for fitting)
    int anomalies = 0;
    std::vector<Candidate> candidates;
    std::string method;
    Paths paths; ///< the chosen forecast from every origin
};

void fitSpace(SpaceFit &fit, const std::vector<double> &raw, int weekday0, const BacktestPlan &plan, int hb, bool yearly)
{
    fit.work = raw;
    if (fit.log)
        for (double &v : fit.work)
            v = std::log(v);
    fit.series.y = fit.work;
    fit.series.weekday0 = weekday0;
    fit.anomalies = cleanAnomalies(fit.series.y, weekday0, kAnomalyThreshold, fit.series.scale);
    const DailySeries &s = fit.series;
    auto &candidates = fit.candidates;
    candidates.push_back(seasonalNaive(s, plan));
    candidates.push_back(weeklyMean(s, plan, 4));
    for (auto &c : exponentialSmoothing(s, plan))
        candidates.push_back(std::move(c));
    candidates.push_back(calendarRegression(s, plan, yearly, hb));
    if (plan.origins.front() - 364 * ((hb + 366) / 364) - 27 >= 0)
        candidates.push_back(yearlyAnalog(s, plan));

    std::vector<std::pair<double, const Candidate *>> ranked;
    for (const auto &c : candidates)
        ranked.emplace_back(backtestMae(c.paths, plan, s.y, hb), &c);
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &l, const auto &r) { return l.first < r.first; });

    // The best single method, or the mean of the best two or three when that backtests better.
    std::vector<const Candidate *> chosen{ranked.front().second};
    fit.paths = ranked.front().second->paths;
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
            fit.paths = std::move(combined);
        }
    }
    for (const Candidate *c : chosen)
        fit.method += (fit.method.empty() ? "" : "+") + c->name;
    if (fit.log)
        fit.method += " (log)";
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

    const BacktestPlan plan = makePlan(n, horizon);
    const int hb = std::min(horizon, kMaxBacktestHorizon);
    const int weekday0 = weekdayOf(firstDay);
    const bool yearly = n >= kYearlyDays;
    // Additive and multiplicative structure both occur (costs are mostly multiplicative): when
    // logs are possible, fit both ways and keep the one that backtests better in original units.
    SpaceFit linear;
    fitSpace(linear, raw, weekday0, plan, hb, yearly);
    SpaceFit logged;
    const SpaceFit *best = &linear;
    if (preferLog(raw)) {
        logged.log = true;
        fitSpace(logged, raw, weekday0, plan, hb, yearly);
        if (backtestMae(exponentiate(logged.paths), plan, linear.series.y, hb)
            < backtestMae(linear.paths, plan, linear.series.y, hb))
            best = &logged;
    }
    const SpaceFit &fit = *best;
    const bool useLog = fit.log;

    ForecastResult res;
    res.method = fit.method;
    res.backtestOrigins = static_cast<int>(plan.origins.size()) - 1;
    res.anomaliesIgnored = fit.anomalies;
    res.backtestMae = backtestMae(useLog ? exponentiate(fit.paths) : fit.paths, plan, raw, hb);
    res.seasonalNaiveMae = backtestMae(linear.candidates.front().paths, plan, raw, hb);
    const ErrorModel errors = calibrate(fit.paths, plan, fit.work, fit.series.scale, seasonalVolatility(fit.work, n + horizon));
    const std::vector<double> &final = fit.paths.back();
    for (int h = 1; h <= horizon; ++h) {
        const double f = final[static_cast<std::size_t>(h - 1)];
        const double sc = errors.scale(h, n - 1 + h);
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
        bool allNonNegative = true;
        int present = 0;
        for (const auto &part : parts)
            if (i < part.points.size()) {
                sum += part.points[i].forecast;
                allNonNegative = allNonNegative && part.points[i].forecast >= 0.0;
                ++present;
            }
        if (present == 0)
            continue;
        const double target = total.points[i].forecast;
        // Proportional when everything is non-negative (zero parts stay zero, shares are kept);
        // otherwise the difference is spread evenly.
        const bool proportional = allNonNegative && sum > 0.0 && target >= 0.0;
        const double factor = proportional ? target / sum : 1.0;
        const double shift = proportional ? 0.0 : (target - sum) / present;
        for (auto &part : parts) {
            if (i >= part.points.size())
                continue;
            ForecastPoint &p = part.points[i];
            for (double *v : {&p.forecast, &p.lo80, &p.hi80, &p.lo95, &p.hi95})
                *v = *v * factor + shift;
        }
    }
}

} // namespace Analytics
