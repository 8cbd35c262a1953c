#pragma once

#include "budget/budget.h"
#include "forecast/forecaster.h"
#include "store/sqlitedb.h"

#include <QMetaType>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

/// Where a budget stands on a given day. Read-only: call on the thread that owns the connection
/// (a worker, for the UI); the result is a plain value.
namespace Budgets {

/// One watched (threshold, basis) pair and whether the spend has reached it.
struct ThresholdState {
    int percent = 0;
    Basis basis = Basis::Actual;
    bool crossed = false;
};

/// A budget's status for the period containing the as-of day.
struct BudgetStatus {
    Budget budget;
    Period period;
    std::int64_t asOfDay = 0;
    Cost::BigMoney actual = 0;          ///< exact spend from the period start through the as-of day
    Cost::BigMoney projected = 0;       ///< actual plus the forecast of the period's unknown days
    Cost::BigMoney projectedLow80 = 0;  ///< 80% range of `projected` (daily bounds summed: conservative)
    Cost::BigMoney projectedHigh80 = 0;
    std::int64_t forecastDays = 0;      ///< days of the period still forecast (0 = the period is known)
    bool forecastAvailable = false;     ///< false when the scope had no history to forecast from
    std::string forecastMethod;
    double percentUsed = 0.0;           ///< actual / amount × 100 (display only; crossings are exact)
    double projectedPercent = 0.0;      ///< projected / amount × 100
    std::vector<ThresholdState> thresholds; ///< in threshold order, actual before forecast
    std::int64_t lastKnownDay = 0;      ///< the last day whose spend is complete (forecast starts after it)
    /// The forecast added to `actual` per unknown day of the period (beyond what the day has cost so
    /// far), for burn-down charts: summed they give projected / projectedLow80 / projectedHigh80.
    std::vector<Analytics::ForecastPoint> dailyForecast;

    /// Actual spend has reached the amount.
    bool breachedActual() const;
    /// The budget watches the forecast and the projection has reached the amount.
    bool breachedForecast() const;
    /// Either of the above: what `burnrate budgets check` exits 1 for.
    bool breached() const { return breachedActual() || breachedForecast(); }
};

/// Tuning of evaluate().
struct EvaluateOptions {
    /// The current UTC day: data of a day at or after it is still being billed and is forecast
    /// too (the larger of spend so far and the forecast counts). Empty = the system clock.
    std::optional<std::int64_t> today;
    int historyDays = 365; ///< daily history fed to the forecaster
};

/// Evaluates `budget` as of `asOfDay` (inclusive; later charges are ignored). The projection
/// forecasts the scope's daily spend (Analytics::forecastDaily) over every day of the period
/// after the last complete day with data. False with `error` when the store cannot be read.
bool evaluate(Cost::SqliteDb &db, const Budget &budget, std::int64_t asOfDay, BudgetStatus &out, std::string &error,
              const EvaluateOptions &options = {});

/// Evaluates every stored budget as of `asOfDay`, ordered by name.
bool evaluateAll(Cost::SqliteDb &db, std::int64_t asOfDay, std::vector<BudgetStatus> &out, std::string &error,
                 const EvaluateOptions &options = {});

/// The exact spend of `budget`'s scope per day number over [fromDay, toDay] (empty when the
/// range is); false with `error` when the store cannot be read.
bool dailySpend(Cost::SqliteDb &db, const Budget &budget, std::int64_t fromDay, std::int64_t toDay,
                std::map<std::int64_t, Cost::BigMoney> &out, std::string &error);

/// Rounds to cents with thousands separators ("12,345.68"), for people; formatMoney is exact.
std::string humanMoney(Cost::BigMoney value);

} // namespace Budgets

Q_DECLARE_METATYPE(Budgets::BudgetStatus)
