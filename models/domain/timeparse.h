#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace Cost {

/// Days since 1970-01-01 for a proleptic Gregorian date.
std::int64_t daysFromCivil(int year, unsigned month, unsigned day);

/// The calendar date of a day number (days since 1970-01-01).
void civilFromDays(std::int64_t days, int &year, unsigned &month, unsigned &day);

/// Parses an ISO 8601 instant ("2025-06-01T00:00:00Z", "2025-06-01 00:00:00", "2025-06-01",
/// "2025-06-01T02:00:00.123+02:00") to UTC epoch seconds. Returns false for anything else
/// (including spreadsheet dates such as "5/1/25").
bool parseTimestamp(std::string_view text, std::int64_t &epochSeconds);

/// Parses a "YYYY-MM-DD" date to a day number.
bool parseDate(std::string_view text, std::int64_t &day);

/// Formats a day number as "YYYY-MM-DD".
std::string formatDay(std::int64_t day);

/// Formats epoch seconds as "YYYY-MM-DDTHH:MM:SSZ".
std::string formatTimestamp(std::int64_t epochSeconds);

/// Floor division of epoch seconds into a day number.
inline std::int64_t dayOf(std::int64_t epochSeconds)
{
    return epochSeconds >= 0 ? epochSeconds / 86400 : -((-epochSeconds + 86399) / 86400);
}

} // namespace Cost
