#pragma once

#include "domain/money.h"

#include <QDate>
#include <QLocale>
#include <QString>

/// Display formatting shared by every page: money, counts, changes and day numbers, all
/// through QLocale. GUI-thread or worker-thread safe (pure functions).
namespace UiFormat {

/// The locale for numbers, money and dates: the user's, or US English when the process runs
/// in the POSIX "C" locale (which has no currency or digit grouping).
QLocale locale();

/// The symbol for an ISO 4217 code ("USD" → "$"); the code and a space when unknown.
QString currencySymbol(const QString &isoCode);

/// Exact money for a tile: whole units from 1,000 up ("$12,345"), cents below ("$812.40").
QString money(Cost::BigMoney value, const QString &currency);

/// A drawing value for a chart axis or tooltip, with `decimals` decimals ("$1,500").
QString moneyValue(double value, const QString &currency, int decimals);

/// A count with a K/M/B/T suffix and three significant digits ("1.23B").
QString compactCount(qint64 value);

/// Relative change in percent ((current - previous) / previous); false when previous is 0.
bool percentChange(double current, double previous, double &percent);

/// "+12.3%" / "−4.0%" with the locale's digits.
QString signedPercent(double percent);

/// The calendar date of a day number (days since 1970-01-01).
QDate dateOfDay(qint64 day);

/// The day number of a date.
qint64 dayOfDate(const QDate &date);

/// A short date for labels ("Mar 3"); with the year when `withYear`.
QString shortDate(qint64 day, bool withYear = false);

} // namespace UiFormat
