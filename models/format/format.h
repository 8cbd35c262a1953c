#pragma once

#include "format/dates.h"
#include "format/money.h"
#include "format/unitmoney.h"

#include <QLocale>
#include <QString>

#include <cstdint>

/// The one formatting module: every text the UI, the report and the CLI show for money, counts,
/// percentages and dates goes through Format:: (and so through QLocale). Topics live in their own
/// headers (money.h: exact amounts; unitmoney.h: doubles; dates.h); this header has the locale,
/// numbers and percentages and includes the rest. Pure functions, safe on any thread.
namespace Format {

/// The locale for numbers, money and dates: the user's, or US English when the process runs
/// in the POSIX "C" locale (which has no currency or digit grouping).
QLocale locale();

/// The symbol for an ISO 4217 code ("USD" → "$"); the locale's own for "" or its own code; the
/// code and a no-break space for a code without a known symbol ("XYZ ").
QString currencySymbol(const QString &isoCode);

/// Shown for an empty dimension value: "(none)".
QString noneLabel();

/// A count with the locale's grouping ("1,234,567").
QString count(std::int64_t value);

/// A count (tokens, requests) with a K/M/B/T suffix and three significant digits ("1.23B").
QString compactCount(std::int64_t value);

/// A percentage with one decimal ("12.3%"); `unknown` for NaN or infinity.
QString percent(double percent, const QString &unknown = QStringLiteral("\u2014"));

/// A share 0..1 as a percentage with one decimal ("46.4%"); `unknown` for NaN or infinity.
QString share(double fraction, const QString &unknown = QStringLiteral("\u2014"));

/// A signed change with one decimal ("+12.3%", "−4.0%", "0.0%"); "new" when there was nothing
/// before (NaN or infinity).
QString signedPercent(double percent);

/// Relative change in percent ((current - previous) / |previous|); false when previous is 0.
bool percentChange(double current, double previous, double &percent);

} // namespace Format
