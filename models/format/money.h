#pragma once

#include "domain/money.h"

#include <QString>

/// Exact money: an amount in units of 10^-10 (Cost::BigMoney) rounded as integers, half away
/// from zero, and grouped by the locale — never through a double. Pure functions, any thread.
namespace Format {

/// How many digits of an amount a text shows.
enum class Precision {
    Cents,             ///< to the cent: "$12,345.67" (tables, the report)
    WholeFromThousand, ///< whole units from 1,000 ("$12,345"), cents below ("$812.40") (tiles, sentences)
    AllDecimals,       ///< every stored decimal, at least two: "$46,368.4834363" (tooltips)
};

/// An exact amount in `currency` with the locale's grouping, sign and symbol ("-$1,234.50").
/// An amount that rounds to zero has no sign.
QString money(Cost::BigMoney value, const QString &currency, Precision precision);

/// money() with an explicit plus for amounts above zero ("+$1,234", "-$56").
QString signedMoney(Cost::BigMoney value, const QString &currency, Precision precision);

/// Two amounts as a range: "$1,200 – $1,450".
QString moneyRange(Cost::BigMoney low, Cost::BigMoney high, const QString &currency, Precision precision);

} // namespace Format
