#pragma once

#include "domain/money.h"

#include <QLocale>
#include <QString>

#include <cstdint>

/// Text for reports and exports, all through QLocale. burnrate_core cannot use ui/uiformat,
/// and a report rendered by cron must read exactly like the window, so the rules are the same:
/// exact money rounded half away from zero to cents, the locale's grouping and currency symbol.
/// Pure functions, safe on any thread.
namespace ReportFormat {

/// The user's locale, or US English under the POSIX "C" locale (which has no grouping).
QLocale locale();
/// The symbol for an ISO 4217 code ("USD" → "$"); the code and a space when unknown.
QString currencySymbol(const QString &isoCode);
/// Exact money rounded to cents with grouping and symbol ("$12,345.67").
QString money(Cost::BigMoney value, const QString &currency);
/// A drawing value (an axis tick) with `decimals` decimals ("$1,500").
QString moneyValue(double value, const QString &currency, int decimals);
/// A count with grouping ("1,234,567").
QString count(std::int64_t value);
/// A count with a K/M/B/T suffix and three significant digits ("1.23B").
QString compactCount(std::int64_t value);
/// "+12.3%" / "−4.0%"; "new" for NaN (nothing before).
QString signedPercent(double percent);
/// A share 0..1 as "12.3%".
QString share(double fraction);
/// A long date of a day number ("Mar 3, 2026").
QString date(std::int64_t day);
/// "Mar 1, 2026 – Mar 31, 2026 (31 days)".
QString range(std::int64_t fromDay, std::int64_t toDay);
/// Shown for an empty dimension value.
QString noneLabel();

} // namespace ReportFormat
