#include "budget/budget.h"

#include "analytics/analytics.h"
#include "domain/enumnames.h"
#include "domain/timeparse.h"

#include <algorithm>

namespace Budgets {

namespace {

constexpr std::int64_t kMaxCustomDays = 3660;
constexpr int kMaxPercent = 1000;

constexpr Cost::EnumName<PeriodKind> kPeriodKinds[] = {
    {PeriodKind::Month, "month"}, {PeriodKind::Quarter, "quarter"}, {PeriodKind::Custom, "custom"}};

} // namespace

bool Budget::watchesForecast() const
{
    return std::any_of(thresholds.begin(), thresholds.end(), [](const Threshold &t) { return t.onForecast; });
}

std::string Budget::scopeText() const
{
    return scopeDim.empty() ? std::string("all spend") : scopeDim + "=" + scopeValue;
}

std::string periodKindName(PeriodKind kind)
{
    return std::string(Cost::enumName(kind, kPeriodKinds, "month"));
}

std::optional<PeriodKind> periodKindFromName(const std::string &name)
{
    return Cost::enumFromName(name, kPeriodKinds);
}

std::string basisName(Basis basis) { return basis == Basis::Actual ? "actual" : "forecast"; }

std::optional<Basis> basisFromName(const std::string &name)
{
    if (name == "actual")
        return Basis::Actual;
    if (name == "forecast")
        return Basis::Forecast;
    return std::nullopt;
}

Period periodFor(const Budget &budget, std::int64_t asOfDay)
{
    if (budget.period == PeriodKind::Custom)
        return {budget.customStart, budget.customEnd};
    int year = 0;
    unsigned month = 0, day = 0;
    Cost::civilFromDays(asOfDay, year, month, day);
    unsigned first = month;
    unsigned length = 1;
    if (budget.period == PeriodKind::Quarter) {
        first = (month - 1) / 3 * 3 + 1;
        length = 3;
    }
    unsigned next = first + length;
    int nextYear = year;
    if (next > 12) {
        next -= 12;
        ++nextYear;
    }
    return {Cost::daysFromCivil(year, first, 1), Cost::daysFromCivil(nextYear, next, 1) - 1};
}

std::vector<Threshold> defaultThresholds()
{
    return {{50, true, false}, {80, true, false}, {100, true, true}};
}

bool validate(const Budget &b, std::string &error)
{
    if (b.name.empty()) {
        error = "a budget needs a name";
        return false;
    }
    if (b.amount <= 0) {
        error = "the budget amount must be greater than zero";
        return false;
    }
    if (!b.scopeDim.empty()) {
        const auto &names = Analytics::dimensionNames();
        if (b.scopeDim == "day" || b.scopeDim == "month"
            || std::find(names.begin(), names.end(), b.scopeDim) == names.end()) {
            error = "unknown scope dimension '" + b.scopeDim + "'";
            return false;
        }
    }
    if (b.period == PeriodKind::Custom) {
        if (b.customEnd < b.customStart) {
            error = "the custom period ends before it starts";
            return false;
        }
        if (b.customEnd - b.customStart + 1 > kMaxCustomDays) {
            error = "a custom period may span at most " + std::to_string(kMaxCustomDays) + " days";
            return false;
        }
    }
    if (b.thresholds.empty()) {
        error = "a budget needs at least one threshold";
        return false;
    }
    for (std::size_t i = 0; i < b.thresholds.size(); ++i) {
        const Threshold &t = b.thresholds[i];
        if (t.percent < 1 || t.percent > kMaxPercent) {
            error = "threshold " + std::to_string(t.percent) + "% is outside 1–" + std::to_string(kMaxPercent) + "%";
            return false;
        }
        if (!t.onActual && !t.onForecast) {
            error = "threshold " + std::to_string(t.percent) + "% watches neither actual nor forecast spend";
            return false;
        }
        if (i > 0 && b.thresholds[i - 1].percent >= t.percent) {
            error = "thresholds must be distinct and in ascending order";
            return false;
        }
    }
    return true;
}

} // namespace Budgets
