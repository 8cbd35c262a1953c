#pragma once

#include "budget/budgetevaluation.h"
#include "store/sqlitedb.h"

#include <QMetaType>

#include <cstdint>
#include <string>
#include <vector>

/// The data of a budget burn-down chart: cumulative actual spend through the last known day,
/// then the cumulative forecast with its 80% and 95% cone, against the budget line and its
/// thresholds. Built from Budgets::evaluate, so the cone ends exactly at the status' projection.
namespace Budgets {

/// One day of the period. Cumulative currency units (drawing only; exact sums are in `status`).
struct BurnDownPoint {
    std::int64_t day = 0;
    double actual = 0.0;   ///< cumulative actual spend; NaN after the last known day
    double forecast = 0.0; ///< cumulative projection; NaN before the last known day
    double lo80 = 0.0, hi80 = 0.0, lo95 = 0.0, hi95 = 0.0;
};

struct BurnDown {
    BudgetStatus status;
    std::vector<BurnDownPoint> points; ///< every day of the period, in order
    double amount = 0.0;               ///< the budget line
};

/// Evaluates `budget` as of `asOfDay` and builds its burn-down; false with `error` on a store failure.
bool burnDown(Cost::SqliteDb &db, const Budget &budget, std::int64_t asOfDay, BurnDown &out, std::string &error,
              const EvaluateOptions &options = {});

/// Where a budget stands: actual spend over it, the projection over it, or on track.
enum class Standing { OnTrack, ForecastOver, Over };
Standing standing(const BudgetStatus &status);

/// The day the projection first reaches the budget amount (0 when it does not within the period).
std::int64_t projectedCrossingDay(const BurnDown &b);

} // namespace Budgets

Q_DECLARE_METATYPE(Budgets::BurnDown)
