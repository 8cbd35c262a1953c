#pragma once

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

/// Mean absolute error of paths over the plan's backtest origins (all but the last), each
/// horizon weighted equally; `truth` may contain NaN (skipped). Infinity when nothing is scored.
double backtestMae(const Paths &paths, const BacktestPlan &plan, const std::vector<double> &truth, int maxHorizon);

/// Seasonal naive: the last observed value on the same weekday.
Candidate seasonalNaive(const DailySeries &s, const BacktestPlan &plan);

/// Mean of the same weekday over the last `weeks` weeks (median when `robust`).
Candidate weeklyMean(const DailySeries &s, const BacktestPlan &plan, int weeks);

/// Additive Holt-Winters with optional damped trend, weekly season, parameters from a small grid.
Candidate exponentialSmoothing(const DailySeries &s, const BacktestPlan &plan, bool trend);

/// Least squares on calendar terms: piecewise-linear trend, weekday effects and (when `yearly`)
/// Fourier yearly terms, with a decaying correction from the latest residuals.
Candidate calendarRegression(const DailySeries &s, const BacktestPlan &plan, bool yearly, int horizonLimit);

/// Last year's weekday-adjusted values around the same date, shifted to the current level.
Candidate yearlyAnalog(const DailySeries &s, const BacktestPlan &plan);

/// Replaces gross anomalies by NaN so that fits are not pulled by them; returns how many.
int cleanAnomalies(std::vector<double> &y, int weekday0, double threshold, double &noiseScale);

} // namespace Analytics::ForecastDetail
