#include "format/dates.h"

#include "format/format.h"

#include <QCoreApplication>

namespace Format {

namespace {

constexpr std::int64_t kEpochJulianDay = 2440588; // QDate(1970, 1, 1).toJulianDay()

QString tr(const char *text) { return QCoreApplication::translate("Format", text); }

// Where the locale puts the day: English "Mar 3, 2026", German "3. März 2026", French "3 mars 2026"
// (read from its short date format: "M/d/yy", "dd.MM.yy", "dd/MM/yyyy"; year-first counts as month-first).
enum class DayOrder { MonthFirst, DayFirstDotted, DayFirst };

DayOrder dayOrder()
{
    const QString f = locale().dateFormat(QLocale::ShortFormat);
    const qsizetype d = f.indexOf(QLatin1Char('d'));
    const qsizetype m = f.indexOf(QLatin1Char('M'));
    const qsizetype y = f.indexOf(QLatin1Char('y'));
    if (d < 0 || (m >= 0 && m < d) || (y >= 0 && y < d))
        return DayOrder::MonthFirst;
    qsizetype end = d;
    while (end < f.size() && f.at(end) == QLatin1Char('d'))
        ++end;
    return end < f.size() && f.at(end) == QLatin1Char('.') ? DayOrder::DayFirstDotted : DayOrder::DayFirst;
}

} // namespace

QDate dateOfDay(std::int64_t day)
{
    return QDate::fromJulianDay(kEpochJulianDay + day);
}

std::int64_t dayOfDate(const QDate &date)
{
    return date.toJulianDay() - kEpochJulianDay;
}

QString monthDayFormat(bool withYear)
{
    switch (dayOrder()) {
    case DayOrder::DayFirstDotted: return withYear ? QStringLiteral("d. MMM yyyy") : QStringLiteral("d. MMM");
    case DayOrder::DayFirst: return withYear ? QStringLiteral("d MMM yyyy") : QStringLiteral("d MMM");
    case DayOrder::MonthFirst: break;
    }
    return withYear ? QStringLiteral("MMM d, yyyy") : QStringLiteral("MMM d");
}

QString shortDate(std::int64_t day, bool withYear)
{
    return locale().toString(dateOfDay(day), monthDayFormat(withYear));
}

QString day(const QDate &date)
{
    return locale().toString(date, dateEditFormat());
}

QString timestamp(const QDateTime &at)
{
    if (!at.isValid())
        return QString();
    return locale().toString(at, monthDayFormat(true) + QStringLiteral(" HH:mm"));
}

QString dateEditFormat()
{
    return monthDayFormat(true);
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
    if (from.month() == to.month()) {
        const DayOrder order = dayOrder(); // "Dec 2–5", "2.–5. Dez.", "2–5 déc."
        if (order == DayOrder::MonthFirst)
            return tr("%1\u2013%2").arg(shortDate(fromDay), locale().toString(to.day()));
        const QString first = locale().toString(from.day()) + (order == DayOrder::DayFirstDotted ? QStringLiteral(".") : QString());
        return tr("%1\u2013%2").arg(first, shortDate(toDay));
    }
    return tr("%1 \u2013 %2").arg(shortDate(fromDay), shortDate(toDay));
}

} // namespace Format
