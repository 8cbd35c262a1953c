#include "budget/budgetalerts.h"

#include "domain/timeparse.h"

#include <ctime>

namespace Budgets {

std::string alertMessage(const BudgetStatus &s, int percent, Basis basis)
{
    const Budget &b = s.budget;
    const std::string where = "budget '" + b.name + "' (" + b.scopeText() + ", " + periodKindName(b.period) + " "
        + Cost::formatDay(s.period.start) + " to " + Cost::formatDay(s.period.end) + ")";
    const std::string limit = std::to_string(percent) + "% of " + humanMoney(b.amount);
    if (basis == Basis::Actual)
        return "Spend of " + humanMoney(s.actual) + " has reached " + limit + " for " + where;
    return "Forecast spend of " + humanMoney(s.projected) + " by " + Cost::formatDay(s.period.end) + " (80% range "
        + humanMoney(s.projectedLow80) + " to " + humanMoney(s.projectedHigh80) + ") has reached " + limit + " for " + where;
}

bool checkAndFire(Cost::SqliteDb &db, std::int64_t asOfDay, CheckResult &out, std::string &error,
                  const EvaluateOptions &options)
{
    out = CheckResult{};
    if (!evaluateAll(db, asOfDay, out.statuses, error, options))
        return false;
    const std::string now = Cost::formatTimestamp(static_cast<std::int64_t>(std::time(nullptr)));
    // One transaction; the UNIQUE key turns a repeated crossing (this period, any process) into a no-op.
    if (!db.exec("BEGIN IMMEDIATE")) {
        error = "cannot record budget alerts: " + db.error();
        return false;
    }
    Cost::SqliteStmt ins(db, "INSERT INTO budget_alert(budget_id, budget_name, period_start, period_end,"
                             " percent, basis, spend, amount, as_of_day, fired_at, message)"
                             " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT DO NOTHING");
    std::vector<Alert> fired;
    for (const BudgetStatus &s : out.statuses) {
        for (const ThresholdState &t : s.thresholds) {
            if (!t.crossed)
                continue;
            Alert a;
            a.budgetId = s.budget.id;
            a.budgetName = s.budget.name;
            a.period = s.period;
            a.percent = t.percent;
            a.basis = t.basis;
            a.spend = t.basis == Basis::Actual ? s.actual : s.projected;
            a.amount = s.budget.amount;
            a.asOfDay = asOfDay;
            a.firedAt = now;
            a.message = alertMessage(s, t.percent, t.basis);
            const std::string spend = Cost::formatMoney(a.spend);
            const std::string basis = basisName(a.basis);
            ins.bind(1, a.budgetId);
            ins.bind(2, std::string_view(a.budgetName));
            ins.bind(3, a.period.start);
            ins.bind(4, a.period.end);
            ins.bind(5, std::int64_t{a.percent});
            ins.bind(6, std::string_view(basis));
            ins.bind(7, std::string_view(spend));
            ins.bind(8, a.amount);
            ins.bind(9, a.asOfDay);
            ins.bind(10, std::string_view(a.firedAt));
            ins.bind(11, std::string_view(a.message));
            if (!ins.exec()) {
                error = "cannot record budget alert: " + ins.error();
                db.exec("ROLLBACK");
                return false;
            }
            if (db.changes() == 1) {
                a.id = db.lastInsertRowid();
                fired.push_back(std::move(a));
            }
        }
    }
    if (!db.exec("COMMIT")) {
        error = "cannot record budget alerts: " + db.error();
        db.exec("ROLLBACK");
        return false;
    }
    out.fired = std::move(fired);
    return true;
}

bool loadAlerts(Cost::SqliteDb &db, std::vector<Alert> &out, std::string &error, std::optional<std::int64_t> budgetId)
{
    out.clear();
    Cost::SqliteStmt st(db, std::string("SELECT id, budget_id, budget_name, period_start, period_end, percent, basis, spend,"
                                        " amount, as_of_day, fired_at, message FROM budget_alert")
                                + (budgetId ? " WHERE budget_id = ?1" : "") + " ORDER BY id DESC");
    if (!st.ok()) {
        error = "cannot read budget alerts: " + st.error();
        return false;
    }
    if (budgetId)
        st.bind(1, *budgetId);
    while (st.step()) {
        Alert a;
        a.id = st.int64(0);
        a.budgetId = st.int64(1);
        a.budgetName = std::string(st.text(2));
        a.period = {st.int64(3), st.int64(4)};
        a.percent = static_cast<int>(st.int64(5));
        a.basis = basisFromName(std::string(st.text(6))).value_or(Basis::Actual);
        a.spend = Cost::parseBigMoney(st.text(7)).value_or(0);
        a.amount = st.int64(8);
        a.asOfDay = st.int64(9);
        a.firedAt = std::string(st.text(10));
        a.message = std::string(st.text(11));
        out.push_back(std::move(a));
    }
    if (!st.error().empty()) {
        error = "cannot read budget alerts: " + st.error();
        return false;
    }
    return true;
}

} // namespace Budgets
