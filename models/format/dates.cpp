#include "format/dates.h"

#include "format/format.h"

#include <QCoreApplication>

namespace Format {

namespace {

constexpr std::int64_t kEpochJulianDay = 2440588; // QDate(1970, 1, 1).toJulianDay()

QString tr(const char *text) { return QCoreApplication::translate("Format", text); }

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
    return locale().toString(dateOfDay(day), withYear ? dateEditFormat() : QStringLiteral("MMM d"));
}

QString day(const QDate &date)
{
    return locale().toString(date, dateEditFormat());
}

QString timestamp(const QDateTime &at)
{
    if (!at.isValid())
        return QString();
    return locale().toString(at, QStringLiteral("MMM d, yyyy HH:mm"));
}

QString dateEditFormat()
{
    return QStringLiteral("MMM d, yyyy");
}

QString monthYear(std::int64_t day)
{
    return locale().toString(dateOfDay(day), QStringLiteral("MMMM yyyy"));
}

QString dayRange(std::int64_t fromDay, std::int64_t toDay)
{
    if (fromDay == toDay)
        return shortDate(fromDay, true);
    const bool sameYear = dateOfDay(fromDay).year() == dateOfDay(toDay).year();
    return tr("%1 \u2013 %2").arg(shortDate(fromDay, !sameYear), shortDate(toDay, true));
}

QString range(std::int64_t fromDay, std::int64_t toDay)
{
    const std::int64_t days = toDay - fromDay + 1;
    if (days == 1)
        return shortDate(fromDay, true);
    return tr("%1 (%2 days)").arg(dayRange(fromDay, toDay), locale().toString(static_cast<qlonglong>(days)));
}

QString briefRange(std::int64_t fromDay, std::int64_t toDay)
{
    if (fromDay == toDay)
        return shortDate(fromDay);
    const QDate from = dateOfDay(fromDay);
    const QDate to = dateOfDay(toDay);
    if (from.year() != to.year())
        return tr("%1 \u2013 %2").arg(shortDate(fromDay, true), shortDate(toDay, true));
    if (from.month() == to.month())
        return tr("%1\u2013%2").arg(shortDate(fromDay), locale().toString(to.day()));
    return tr("%1 \u2013 %2").arg(shortDate(fromDay), shortDate(toDay));
}

} // namespace Format
