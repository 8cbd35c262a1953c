#include "budget/budgetburndown.h"

#include "analytics/analytics.h"
#include "domain/timeparse.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace Budgets {

bool burnDown(Cost::SqliteDb &db, const Budget &budget, std::int64_t asOfDay, BurnDown &out, std::string &error,
              const EvaluateOptions &options)
{
    out = BurnDown{};
    if (!evaluate(db, budget, asOfDay, out.status, error, options))
        return false;
    const BudgetStatus &s = out.status;
    const Period &p = s.period;
    out.amount = Cost::toDouble(budget.amount);

    // Daily actual spend of the scope over the period, through the as-of day (what `actual` sums).
    std::map<std::int64_t, Cost::BigMoney> daily;
    const std::int64_t through = std::min(asOfDay, p.end);
    if (!dailySpend(db, budget, p.start, through, daily, error))
        return false;
    std::map<std::int64_t, const Analytics::ForecastPoint *> forecast;
    for (const auto &pt : s.dailyForecast)
        forecast[pt.day] = &pt;

    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    // The cone starts on the last known day at the actual total then (0 before the period) and
    // adds, per later day, what it has cost so far plus its forecast: it ends at `projected`.
    const std::int64_t coneStart = std::max(s.lastKnownDay, p.start - 1);
    const bool hasCone = s.forecastDays > 0 && s.forecastAvailable;
    double cumActual = 0.0;
    double f = 0.0, l80 = 0.0, h80 = 0.0, l95 = 0.0, h95 = 0.0;
    for (std::int64_t day = p.start; day <= p.end; ++day) {
        BurnDownPoint pt;
        pt.day = day;
        const auto d = daily.find(day);
        const double spent = d != daily.end() ? Cost::toDouble(d->second) : 0.0;
        cumActual += spent;
        pt.actual = day <= through ? cumActual : kNaN;
        if (!hasCone || day < coneStart) {
            pt.forecast = pt.lo80 = pt.hi80 = pt.lo95 = pt.hi95 = kNaN;
        } else {
            if (day == coneStart) {
                f = l80 = h80 = l95 = h95 = cumActual;
            } else {
                f += spent;
                l80 += spent;
                h80 += spent;
                l95 += spent;
                h95 += spent;
                if (const auto fc = forecast.find(day); fc != forecast.end()) {
                    const Analytics::ForecastPoint &x = *fc->second;
                    f += x.forecast;
                    l80 += std::min(x.lo80, x.forecast);
                    h80 += std::max(x.hi80, x.forecast);
                    l95 += std::min(x.lo95, std::min(x.lo80, x.forecast));
                    h95 += std::max(x.hi95, std::max(x.hi80, x.forecast));
                }
            }
            pt.forecast = f;
            pt.lo80 = l80;
            pt.hi80 = h80;
            pt.lo95 = l95;
            pt.hi95 = h95;
        }
        out.points.push_back(pt);
    }
    return true;
}

Standing standing(const BudgetStatus &s)
{
    if (s.breachedActual())
        return Standing::Over;
    if (s.forecastDays > 0 && s.forecastAvailable && s.projected >= s.budget.amount)
        return Standing::ForecastOver;
    return Standing::OnTrack;
}

std::int64_t projectedCrossingDay(const BurnDown &b)
{
    for (const BurnDownPoint &p : b.points) {
        const double v = std::isnan(p.forecast) ? p.actual : p.forecast;
        if (!std::isnan(v) && v >= b.amount && b.amount > 0)
            return p.day;
    }
    return 0;
}

} // namespace Budgets
