#pragma once

#include "analytics/analytics.h"

#include <cstdint>
#include <string>
#include <vector>

/// The one definition of "today", "complete day" and "month to date" that every page, the report
/// and the CLI use, so the same question gets the same number everywhere.
///  - today: the current UTC day (charges are bucketed by UTC day).
///  - a complete day: one that has ended (before today) and that the store holds data through;
///    forecasts start after the last complete day.
///  - month to date as of a day: the 1st of that day's month through that day, inclusive, with
///    what a day still being billed has cost so far (spend already incurred is never left out).
namespace Analytics {

/// An inclusive range of day numbers.
struct DayRange {
    std::int64_t from = 0;
    std::int64_t to = 0;
};

/// The current UTC day number (the system clock).
std::int64_t todayUtc();
/// The first day of `day`'s month.
std::int64_t monthStartDay(std::int64_t day);
/// Month to date as of `asOfDay`: its month's first day through `asOfDay`.
DayRange monthToDate(std::int64_t asOfDay);
/// The last day whose spend is complete: before `today` and not after the store's last day.
std::int64_t lastCompleteDay(std::int64_t today, std::int64_t storeLastDay);
/// True when `day` is complete (see lastCompleteDay).
bool isCompleteDay(std::int64_t day, std::int64_t today, std::int64_t storeLastDay);
/// Billed month-to-date spend as of `asOfDay` of the charges `filters` select (exact). False with `error`.
bool monthToDateSpend(Cost::SqliteDb &db, std::int64_t asOfDay, const std::vector<Filter> &filters, Cost::BigMoney &out,
                      std::string &error);

} // namespace Analytics
