#pragma once

#include <cstdint>
#include <string>
#include <vector>

/// Daily forecasting. Pure functions of their arguments (no I/O, no shared state): safe to run on
/// any thread, e.g. in a Task::Runner::compute() body on a snapshot of the series.
namespace Analytics {

/// One forecast day with its central 80% and 95% prediction intervals.
struct ForecastPoint {
    std::int64_t day = 0; ///< days since 1970-01-01
    double forecast = 0.0;
    double lo80 = 0.0;
    double hi80 = 0.0;
    double lo95 = 0.0;
    double hi95 = 0.0;
};

/// A forecast and how the method that produced it did on the series' own recent past.
struct ForecastResult {
    std::vector<ForecastPoint> points; ///< one per day after the last input day, in order
    std::string method;                ///< e.g. "holt-winters-damped" or "regression+holt-winters"
    double backtestMae = 0.0;          ///< rolling-origin MAE of the chosen method (NaN if not backtested)
    double seasonalNaiveMae = 0.0;     ///< the same backtest scored for the seasonal naive forecast
    int backtestOrigins = 0;           ///< how many origins the backtest used
    int anomaliesIgnored = 0;          ///< input days treated as anomalies and left out of the fit
};

/// Forecasts `horizon` days after the last value. `values[i]` is day `firstDay + i`; NaN marks a
/// missing day. Methods are chosen (or averaged) per series by a rolling-origin backtest, and the
/// intervals are calibrated on that backtest's errors by horizon.
ForecastResult forecastDaily(std::int64_t firstDay, const std::vector<double> &values, int horizon);

/// Rescales the point forecasts of `parts` day by day so that they add up to `total`'s (whose
/// own intervals stay authoritative); each part's interval moves with its point. Parts must
/// cover the same days as `total`.
void reconcileToTotal(const ForecastResult &total, std::vector<ForecastResult> &parts);

} // namespace Analytics
