#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

/// Internals of Analytics::forecastDaily: the candidate methods and the backtest plan they share.
/// Every method forecasts from several origins in one call so that a rolling-origin backtest costs
/// little more than one fit (one filtering pass, or one prefix sum of normal equations).
namespace Analytics::ForecastDetail {

/// A contiguous daily series: index 0 is the first day, NaN marks a missing day.
struct DailySeries {
    std::vector<double> y; ///< values after anomaly cleaning (what models fit)
    int weekday0 = 0;      ///< weekday of index 0, 0 = Monday
    double scale = 1.0;    ///< robust noise scale of y (for regularisation and clipping)
};

/// Forecast origins (last training index, ascending) and how many days ahead each one needs.
/// The last origin is the end of the series and carries the requested horizon.
struct BacktestPlan {
    std::vector<int> origins;
    std::vector<int> horizons;
};

/// Forecasts per origin: paths[o][h - 1].
using Paths = std::vector<std::vector<double>>;

/// One candidate's forecasts from every origin of a plan.
struct Candidate {
    std::string name;
    Paths paths;
};

/// Mean absolute error over the plan's backtest origins (all but the last) of the forecasts
/// `predict(origin, h)` (h from 1), each horizon up to `maxHorizon` weighted equally; `truth` may
/// contain NaN (skipped). Infinity when nothing is scored.
template <typename Predict>
double backtestMaeOf(const BacktestPlan &plan, const std::vector<double> &truth, int maxHorizon, Predict predict)
{
    std::vector<double> sum(static_cast<std::size_t>(maxHorizon), 0.0);
    std::vector<int> count(static_cast<std::size_t>(maxHorizon), 0);
    const int n = static_cast<int>(truth.size());
    for (std::size_t o = 0; o + 1 < plan.origins.size(); ++o) {
        const int T = plan.origins[o];
        const int hmax = std::min({plan.horizons[o], maxHorizon, n - 1 - T});
        for (int h = 1; h <= hmax; ++h) {
            const double y = truth[static_cast<std::size_t>(T + h)];
            if (std::isnan(y))
                continue;
            sum[static_cast<std::size_t>(h - 1)] += std::fabs(y - predict(o, h));
            ++count[static_cast<std::size_t>(h - 1)];
        }
    }
    double total = 0.0;
    int used = 0;
    for (int h = 0; h < maxHorizon; ++h) {
        if (count[static_cast<std::size_t>(h)] > 0) {
            total += sum[static_cast<std::size_t>(h)] / count[static_cast<std::size_t>(h)];
            ++used;
        }
    }
    return used ? total / used : std::numeric_limits<double>::infinity();
}

/// backtestMaeOf() of precomputed paths (paths[o][h - 1]).
double backtestMae(const Paths &paths, const BacktestPlan &plan, const std::vector<double> &truth, int maxHorizon);

/// Seasonal naive: the last observed value on the same weekday.
Candidate seasonalNaive(const DailySeries &s, const BacktestPlan &plan);

/// Mean of the same weekday over the last `weeks` weeks (median when `robust`).
Candidate weeklyMean(const DailySeries &s, const BacktestPlan &plan, int weeks);

/// Additive Holt-Winters with a weekly season, without and with a damped trend, and the Theta
/// method built on the former (three candidates); parameters from a small grid of one-step errors.
std::vector<Candidate> exponentialSmoothing(const DailySeries &s, const BacktestPlan &plan);

/// Least squares on calendar terms: piecewise-linear trend, weekday effects and (when `yearly`)
/// Fourier yearly terms, with a decaying correction from the latest residuals.
Candidate calendarRegression(const DailySeries &s, const BacktestPlan &plan, bool yearly, int horizonLimit);

/// Last year's weekday-adjusted values around the same date, shifted to the current level.
Candidate yearlyAnalog(const DailySeries &s, const BacktestPlan &plan);

/// The q-quantile (0..1) of v, linearly interpolated; NaN when v is empty.
double quantile(std::vector<double> v, double q);

/// Relative size of forecast errors by time of year (mean 1), for indices 0..length-1, learnt
/// from the weekly differences of `y` when it spans two years or more; all ones otherwise.
std::vector<double> seasonalVolatility(const std::vector<double> &y, int length);

/// Forecast error scale by horizon and day, and the quantiles of errors in units of that scale.
struct ErrorModel {
    double a = 0.0;
    double b = 0.5;
    double q80 = 1.2816 * 1.2533; // normal quantiles in units of mean absolute error
    double q95 = 1.9600 * 1.2533;
    std::vector<double> volatility; ///< per series index, see seasonalVolatility
    /// Error scale h days after an origin, for the day at index t.
    double scale(int h, int t) const;
};

/// Fits the error model to the backtest errors of `paths` against `truth`.
ErrorModel calibrate(const Paths &paths, const BacktestPlan &plan, const std::vector<double> &truth,
                     double fallbackScale, std::vector<double> volatility);

/// Replaces gross anomalies by NaN so that fits are not pulled by them; returns how many.
int cleanAnomalies(std::vector<double> &y, int weekday0, double threshold, double &noiseScale);

} // namespace Analytics::ForecastDetail
