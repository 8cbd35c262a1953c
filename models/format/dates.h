#pragma once

#include <QDate>
#include <QString>

#include <cstdint>

/// Dates of day numbers (days since 1970-01-01, UTC), through the locale. Pure functions, any
/// thread.
namespace Format {

/// The calendar date of a day number.
QDate dateOfDay(std::int64_t day);

/// The day number of a date.
std::int64_t dayOfDate(const QDate &date);

/// A short date for labels: "Mar 3", or "Mar 3, 2026" with `withYear`.
QString shortDate(std::int64_t day, bool withYear = false);

/// The month of a day: "March 2026".
QString monthYear(std::int64_t day);

/// An inclusive range of days: "Mar 1, 2026 – Mar 31, 2026 (31 days)", or one date.
QString range(std::int64_t fromDay, std::int64_t toDay);

} // namespace Format
