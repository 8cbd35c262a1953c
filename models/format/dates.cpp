#include "format/dates.h"

#include "format/format.h"

#include <QCoreApplication>

namespace Format {

namespace {

constexpr std::int64_t kEpochJulianDay = 2440588; // QDate(1970, 1, 1).toJulianDay()

} // namespace

QDate dateOfDay(std::int64_t day)
{
    return QDate::fromJulianDay(kEpochJulianDay + day);
}

std::int64_t dayOfDate(const QDate &date)
{
    return date.toJulianDay() - kEpochJulianDay;
}

QString shortDate(std::int64_t day, bool withYear)
{
    return locale().toString(dateOfDay(day), withYear ? QStringLiteral("MMM d, yyyy") : QStringLiteral("MMM d"));
}

QString monthYear(std::int64_t day)
{
    return locale().toString(dateOfDay(day), QStringLiteral("MMMM yyyy"));
}

QString range(std::int64_t fromDay, std::int64_t toDay)
{
    const int days = static_cast<int>(toDay - fromDay + 1);
    if (days == 1)
        return shortDate(fromDay, true);
    return QCoreApplication::translate("Format", "%1 \u2013 %2 (%3 days)")
        .arg(shortDate(fromDay, true), shortDate(toDay, true), locale().toString(days));
}

} // namespace Format
