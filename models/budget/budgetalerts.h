#pragma once

#include "budget/budgetevaluation.h"
#include "store/sqlitedb.h"

#include <QMetaType>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

/// Budget alerts: a threshold crossing, fired at most once per (budget, period, threshold,
/// basis). The `budget_alert` table is both the guard against re-firing (across restarts and
/// concurrent checks) and the alert history. Delivery (tray, webhook) is the caller's: the
/// newly fired alerts come back as values.
namespace Budgets {

/// One fired alert.
struct Alert {
    std::int64_t id = 0;
    std::int64_t budgetId = 0;
    std::string budgetName;
    Period period;
    int percent = 0;
    Basis basis = Basis::Actual;
    Cost::BigMoney spend = 0;  ///< actual or projected spend when it fired
    Cost::Money amount = 0;    ///< the budget amount then
    std::int64_t asOfDay = 0;  ///< the day the check was made as of
    std::string firedAt;       ///< UTC timestamp of the check, "YYYY-MM-DDTHH:MM:SSZ"
    std::string message;       ///< one line for people
};

/// What one check found.
struct CheckResult {
    std::vector<BudgetStatus> statuses; ///< every budget, ordered by name
    std::vector<Alert> fired;           ///< alerts fired by this check (none already fired before)
};

/// Evaluates every budget as of `asOfDay` and records each crossed threshold that has not fired
/// in this period yet; `out.fired` holds exactly those. False with `error` on a store failure
/// (then nothing is recorded).
bool checkAndFire(Cost::SqliteDb &db, std::int64_t asOfDay, CheckResult &out, std::string &error,
                  const EvaluateOptions &options = {});

/// The alert history, newest first; only `budgetId`'s when given.
bool loadAlerts(Cost::SqliteDb &db, std::vector<Alert> &out, std::string &error,
                std::optional<std::int64_t> budgetId = std::nullopt);

/// The one-line message of an alert for `status`'s threshold `percent` on `basis`.
std::string alertMessage(const BudgetStatus &status, int percent, Basis basis);

} // namespace Budgets

Q_DECLARE_METATYPE(Budgets::Alert)
Q_DECLARE_METATYPE(Budgets::CheckResult)
