#pragma once

#include "format/format.h"

/// Transitional: the report's names for Format:: (models/format), removed by the rename that
/// follows. ReportFormat::money is the cents precision.
namespace ReportFormat {

using Format::compactCount;
using Format::count;
using Format::currencySymbol;
using Format::locale;
using Format::noneLabel;
using Format::range;
using Format::share;
using Format::signedPercent;

/// Format::money to the cent.
inline QString money(Cost::BigMoney value, const QString &currency)
{
    return Format::money(value, currency, Format::Precision::Cents);
}

/// Format::unitMoney.
inline QString moneyValue(double value, const QString &currency, int decimals)
{
    return Format::unitMoney(value, currency, decimals);
}

/// Format::shortDate with the year.
inline QString date(std::int64_t day)
{
    return Format::shortDate(day, true);
}

} // namespace ReportFormat
