#include "analytics/periods.h"

#include "domain/timeparse.h"

#include <algorithm>
#include <ctime>

namespace Analytics {

std::int64_t todayUtc()
{
    return Cost::dayOf(static_cast<std::int64_t>(std::time(nullptr)));
}

std::int64_t monthStartDay(std::int64_t day)
{
    int y;
    unsigned m, d;
    Cost::civilFromDays(day, y, m, d);
    return Cost::daysFromCivil(y, m, 1);
}

DayRange monthToDate(std::int64_t asOfDay)
{
    return {monthStartDay(asOfDay), asOfDay};
}

std::int64_t lastCompleteDay(std::int64_t today, std::int64_t storeLastDay)
{
    return std::min(today - 1, storeLastDay);
}

bool isCompleteDay(std::int64_t day, std::int64_t today, std::int64_t storeLastDay)
{
    return day <= lastCompleteDay(today, storeLastDay);
}

bool monthToDateSpend(Cost::SqliteDb &db, std::int64_t asOfDay, const std::vector<Filter> &filters, Cost::BigMoney &out,
                      std::string &error)
{
    const DayRange range = monthToDate(asOfDay);
    TotalsRequest request;
    request.fromDay = range.from;
    request.toDay = range.to;
    request.filters = filters;
    std::vector<TotalsRow> rows;
    if (!totals(db, request, rows, error))
        return false;
    out = rows.empty() ? 0 : rows.front().value;
    return true;
}

} // namespace Analytics
