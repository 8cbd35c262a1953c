#pragma once

#include "format/format.h"

/// Transitional: the UI's names for Format:: (models/format), removed by the rename that
/// follows. UiFormat::money is the tile precision (whole units from 1,000).
namespace UiFormat {

using Format::compactCount;
using Format::currencySymbol;
using Format::dateOfDay;
using Format::dayOfDate;
using Format::locale;
using Format::percentChange;
using Format::shortDate;
using Format::signedPercent;

/// Format::money with whole units from 1,000.
inline QString money(Cost::BigMoney value, const QString &currency)
{
    return Format::money(value, currency, Format::Precision::WholeFromThousand);
}

/// Format::unitMoney.
inline QString moneyValue(double value, const QString &currency, int decimals)
{
    return Format::unitMoney(value, currency, decimals);
}

} // namespace UiFormat
