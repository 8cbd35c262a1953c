#pragma once

#include "domain/money.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

/// Spending budgets: a limit on one scope of spend over a calendar or custom period, with
/// alert thresholds on actual and on forecast spend. Value types and pure period arithmetic
/// here; storage in budgetstore.h, evaluation in budgetevaluation.h, alerts in budgetalerts.h.
namespace Budgets {

/// The period a budget's amount covers; month and quarter repeat, custom is one fixed range.
enum class PeriodKind { Month, Quarter, Custom };

/// What a threshold is compared with: spend so far, or the projected end-of-period spend.
enum class Basis { Actual, Forecast };

/// One alert level, in percent of the budget amount.
struct Threshold {
    int percent = 100;
    bool onActual = true;   ///< fires when actual spend reaches the level
    bool onForecast = false; ///< fires when the end-of-period forecast reaches the level

    bool operator==(const Threshold &) const = default;
};

/// A budget. The scope is one DIM=VALUE filter of Analytics::totals (empty dim = all spend).
struct Budget {
    std::int64_t id = 0; ///< store id; 0 until saved (ids are never reused)
    std::string name;
    std::string scopeDim;   ///< "" (total), "provider", "model", "feature", "team", ...
    std::string scopeValue;
    PeriodKind period = PeriodKind::Month;
    std::int64_t customStart = 0; ///< inclusive day number (Custom only)
    std::int64_t customEnd = 0;   ///< inclusive day number (Custom only)
    Cost::Money amount = 0;       ///< exact, in the billing currency
    std::vector<Threshold> thresholds; ///< ascending by percent, percents distinct

    /// True when any threshold watches the forecast.
    bool watchesForecast() const;
    /// "all spend" or "DIM=VALUE".
    std::string scopeText() const;

    bool operator==(const Budget &) const = default;
};

/// One inclusive range of days.
struct Period {
    std::int64_t start = 0;
    std::int64_t end = 0;

    /// Number of days in the period.
    std::int64_t days() const { return end - start + 1; }
    bool operator==(const Period &) const = default;
};

/// "month", "quarter" or "custom".
std::string periodKindName(PeriodKind kind);
/// Inverse of periodKindName.
std::optional<PeriodKind> periodKindFromName(const std::string &name);
/// "actual" or "forecast".
std::string basisName(Basis basis);
/// Inverse of basisName.
std::optional<Basis> basisFromName(const std::string &name);

/// The period of `budget` that contains `asOfDay` (the custom range whatever the day).
Period periodFor(const Budget &budget, std::int64_t asOfDay);

/// The default thresholds: 50 and 80 percent on actual, 100 percent on actual and on forecast.
std::vector<Threshold> defaultThresholds();

/// Checks a budget before it is saved; false with a user-readable `error`.
bool validate(const Budget &budget, std::string &error);

} // namespace Budgets
