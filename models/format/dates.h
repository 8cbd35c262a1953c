#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

#include <cstdint>

/// Dates of day numbers (days since 1970-01-01, UTC), through the locale. One format per
/// context (models/format/README.md): a day "Dec 5, 2026", a timestamp "Dec 5, 2026 14:44", a
/// range "Oct 2 – Oct 31, 2026 (30 days)", a brief range in progress texts "Dec 2–5". The
/// locale decides the order: German reads "5. Dez. 2026", "2.–5. Dez.". Pure functions, any thread.
namespace Format {

/// The calendar date of a day number.
QDate dateOfDay(std::int64_t day);

/// The day number of a date.
std::int64_t dayOfDate(const QDate &date);

/// A short date for labels: "Mar 3", or "Mar 3, 2026" with `withYear`.
QString shortDate(std::int64_t day, bool withYear = false);

/// A day on its own: "Dec 5, 2026".
QString day(const QDate &date);

/// A moment, in the time spec it carries (convert first): "Dec 5, 2026 14:44"; empty when invalid.
QString timestamp(const QDateTime &at);

/// The display format of a date field, matching day(): "MMM d, yyyy" ("d. MMM yyyy" in German).
QString dateEditFormat();

/// The QLocale pattern of a day in the locale's order: "MMM d" / "MMM d, yyyy" in English,
/// "d. MMM" / "d. MMM yyyy" in German, "d MMM" / "d MMM yyyy" for other day-first locales.
QString monthDayFormat(bool withYear);

/// The month of a day: "March 2026".
QString monthYear(std::int64_t day);

/// An inclusive range of days with the year once: "Oct 2 – Oct 31, 2026", "Dec 30, 2025 –
/// Jan 2, 2026", or one date.
QString dayRange(std::int64_t fromDay, std::int64_t toDay);

/// dayRange() with the number of days: "Oct 2 – Oct 31, 2026 (30 days)", or one date.
QString range(std::int64_t fromDay, std::int64_t toDay);

/// A range for progress texts, without the year: "Dec 2–5", "Nov 28 – Dec 5", "Dec 5".
QString briefRange(std::int64_t fromDay, std::int64_t toDay);

} // namespace Format
