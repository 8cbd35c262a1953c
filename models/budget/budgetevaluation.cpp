#include "budget/budgetevaluation.h"

#include "analytics/analytics.h"
#include "analytics/periods.h"
#include "budget/budgetstore.h"
#include "domain/timeparse.h"
#include "forecast/forecaster.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace Budgets {

namespace {

// A forecast sum (currency units) as money, saturating instead of overflowing.
Cost::BigMoney toMoney(double value)
{
    const double units = std::round(value * static_cast<double>(Cost::kMoneyScale));
    constexpr double kLimit = 1e36;
    if (!std::isfinite(units))
        return 0;
    return static_cast<Cost::BigMoney>(std::clamp(units, -kLimit, kLimit));
}

double percentOf(Cost::BigMoney value, Cost::Money amount)
{
    return amount > 0 ? Cost::toDouble(value) / Cost::toDouble(amount) * 100.0 : 0.0;
}

// value ≥ percent% of amount, exactly.
bool reaches(Cost::BigMoney value, int percent, Cost::Money amount)
{
    return value * 100 >= static_cast<Cost::BigMoney>(percent) * amount;
}

} // namespace

bool dailySpend(Cost::SqliteDb &db, const Budget &b, std::int64_t fromDay, std::int64_t toDay,
                std::map<std::int64_t, Cost::BigMoney> &out, std::string &error)
{
    out.clear();
    if (toDay < fromDay)
        return true;
    Analytics::TotalsRequest req;
    req.by = {"day"};
    req.fromDay = fromDay;
    req.toDay = toDay;
    if (!b.scopeDim.empty())
        req.filters = {{b.scopeDim, b.scopeValue}};
    std::vector<Analytics::TotalsRow> rows;
    if (!Analytics::totals(db, req, rows, error))
        return false;
    for (const auto &r : rows) {
        std::int64_t day = 0;
        if (!r.keys.empty() && Cost::parseDate(r.keys[0], day))
            out[day] += r.value;
    }
    return true;
}

bool BudgetStatus::breachedActual() const { return actual >= budget.amount; }

bool BudgetStatus::breachedForecast() const { return budget.watchesForecast() && projected >= budget.amount; }

bool evaluate(Cost::SqliteDb &db, const Budget &budget, std::int64_t asOfDay, BudgetStatus &out, std::string &error,
              const EvaluateOptions &options)
{
    out = BudgetStatus{};
    out.budget = budget;
    out.asOfDay = asOfDay;
    out.period = periodFor(budget, asOfDay);
    const Period &p = out.period;
    const std::int64_t today = options.today.value_or(Analytics::todayUtc());

    // The last day whose spend is complete: not after the as-of day, nor the store's last day
    // (an export that lags leaves later days unknown, not zero), nor a day still being billed.
    std::int64_t storeFirst = 0, storeLast = 0;
    const bool hasData = Analytics::dataRange(db, storeFirst, storeLast);
    const std::int64_t known = std::min(asOfDay, Analytics::lastCompleteDay(today, hasData ? storeLast : p.start - 1));
    const std::int64_t through = std::min(asOfDay, p.end); // actual counts charges up to here
    const std::int64_t historyFrom = known - std::max(1, options.historyDays) + 1;

    std::map<std::int64_t, Cost::BigMoney> daily;
    if (hasData && !dailySpend(db, budget, std::min(historyFrom, p.start), std::max(through, known), daily, error))
        return false;
    for (const auto &[day, value] : daily)
        if (day >= p.start && day <= through)
            out.actual += value;

    const std::int64_t firstUnknown = std::max(known + 1, p.start);
    out.lastKnownDay = known;
    out.forecastDays = std::max<std::int64_t>(0, p.end - firstUnknown + 1);
    out.projected = out.projectedLow80 = out.projectedHigh80 = out.actual;
    if (out.forecastDays > 0) {
        // History from the scope's first charge in the window, days without charges costing nothing.
        const auto first = daily.lower_bound(historyFrom);
        if (first != daily.end() && first->first <= known) {
            const std::int64_t firstDay = first->first;
            std::vector<double> values(static_cast<std::size_t>(known - firstDay + 1), 0.0);
            for (auto it = first; it != daily.end() && it->first <= known; ++it)
                values[static_cast<std::size_t>(it->first - firstDay)] = Cost::toDouble(it->second);
            const Analytics::ForecastResult fc =
                Analytics::forecastDaily(firstDay, values, static_cast<int>(p.end - known));
            double extra = 0.0, extraLow = 0.0, extraHigh = 0.0;
            for (const auto &pt : fc.points) {
                if (pt.day < firstUnknown || pt.day > p.end)
                    continue;
                // A day already partly billed counts at least what it has cost so far.
                const auto spent = daily.find(pt.day);
                const double so = spent != daily.end() && pt.day <= through ? Cost::toDouble(spent->second) : 0.0;
                extra += std::max(0.0, pt.forecast - so);
                extraLow += std::max(0.0, pt.lo80 - so);
                extraHigh += std::max(0.0, pt.hi80 - so);
                out.dailyForecast.push_back({pt.day, std::max(0.0, pt.forecast - so), std::max(0.0, pt.lo80 - so),
                                             std::max(0.0, pt.hi80 - so), std::max(0.0, pt.lo95 - so),
                                             std::max(0.0, pt.hi95 - so)});
            }
            out.projected += toMoney(extra);
            out.projectedLow80 += toMoney(extraLow);
            out.projectedHigh80 += toMoney(std::max(extraHigh, extra));
            out.forecastAvailable = true;
            out.forecastMethod = fc.method;
        }
    }
    out.percentUsed = percentOf(out.actual, budget.amount);
    out.projectedPercent = percentOf(out.projected, budget.amount);
    for (const Threshold &t : budget.thresholds) {
        if (t.onActual)
            out.thresholds.push_back({t.percent, Basis::Actual, reaches(out.actual, t.percent, budget.amount)});
        // Once every day of the period is known there is nothing left to forecast: only actual counts.
        if (t.onForecast)
            out.thresholds.push_back({t.percent, Basis::Forecast,
                                      out.forecastDays > 0 && reaches(out.projected, t.percent, budget.amount)});
    }
    return true;
}

bool evaluateAll(Cost::SqliteDb &db, std::int64_t asOfDay, std::vector<BudgetStatus> &out, std::string &error,
                 const EvaluateOptions &options)
{
    out.clear();
    std::vector<Budget> budgets;
    if (!loadBudgets(db, budgets, error))
        return false;
    for (const Budget &b : budgets) {
        BudgetStatus status;
        if (!evaluate(db, b, asOfDay, status, error, options)) {
            error = "budget '" + b.name + "': " + error;
            return false;
        }
        out.push_back(std::move(status));
    }
    return true;
}

std::string humanMoney(Cost::BigMoney value)
{
    constexpr Cost::BigMoney kCent = Cost::kMoneyScale / 100;
    const bool negative = value < 0;
    Cost::UBigMoney v = static_cast<Cost::UBigMoney>(negative ? -value : value);
    v = (v + kCent / 2) / kCent; // cents, half away from zero
    const auto centPart = static_cast<unsigned>(v % 100);
    const char cents[3] = {static_cast<char>('0' + centPart / 10), static_cast<char>('0' + centPart % 10), '\0'};
    Cost::UBigMoney whole = v / 100;
    std::string digits;
    do {
        digits += static_cast<char>('0' + static_cast<int>(whole % 10));
        whole /= 10;
    } while (whole > 0);
    std::reverse(digits.begin(), digits.end());
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += ',';
        grouped += digits[i];
    }
    return std::string(negative && v != 0 ? "-" : "") + grouped + "." + cents;
}

} // namespace Budgets
