#pragma once

#include <QString>

/// Money that is a double by nature: a price per unit (per million tokens, per request), an axis
/// tick, a forecast. Never for billed amounts — those are exact (money.h). Pure functions, any
/// thread.
namespace Format {

/// A double amount with `decimals` decimals ("$1,500", "$2.50").
QString unitMoney(double value, const QString &currency, int decimals);

/// A unit price: two decimals from one up, three significant digits below (at most eight
/// decimals): "$2.50", "$0.0123". Empty for NaN or infinity.
QString unitPrice(double value, const QString &currency);

/// A double amount with three significant figures and a k/M/B suffix for sentences about
/// forecasts: "$812", "$41.2k", "$1.23M".
QString compactUnitMoney(double value, const QString &currency);

} // namespace Format
