#include "format/money.h"

#include "format/format.h"

#include <limits>
#include <string>

namespace Format {

namespace {

using Cost::UBigMoney;

constexpr UBigMoney kScale = static_cast<UBigMoney>(Cost::kMoneyScale);

// `magnitude` in multiples of `unit`, rounded half away from zero (magnitude is not negative).
UBigMoney roundToUnit(UBigMoney magnitude, UBigMoney unit)
{
    UBigMoney q = magnitude / unit;
    if (2 * (magnitude % unit) >= unit)
        ++q;
    return q;
}

// ASCII digits of `value`, at least `width` (at most 10) of them, zero-padded.
std::string digitsOf(UBigMoney value, int width = 1)
{
    char buffer[48]; // 2^128 has 39 digits
    char *const end = buffer + sizeof buffer;
    char *p = end;
    do {
        *--p = static_cast<char>('0' + static_cast<int>(value % 10));
        value /= 10;
    } while (value != 0);
    while (end - p < width)
        *--p = '0';
    return std::string(p, end);
}

// ASCII digits in the locale's digits ("0".."9" in most locales).
QString localDigits(const std::string &ascii, const QLocale &loc)
{
    QString out;
    for (const char c : ascii)
        out += loc.toString(c - '0');
    return out;
}

// A whole number with the locale's grouping; past 64 bits (sums of sums) grouped by three.
QString groupedWhole(UBigMoney whole, const QLocale &loc)
{
    if (whole <= static_cast<UBigMoney>(std::numeric_limits<qulonglong>::max()))
        return loc.toString(static_cast<qulonglong>(whole));
    const std::string digits = digitsOf(whole);
    QString out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += loc.groupSeparator();
        out += loc.toString(digits[i] - '0');
    }
    return out;
}

// Puts `number` (digits with grouping and decimals) where the locale's currency format puts the
// amount, with its sign and the symbol of `currency` ("-$1,234.50", "1.234,50 €").
QString placeInCurrency(const QString &number, bool negative, const QString &currency)
{
    const QLocale loc = locale();
    // A symbol without digits, so that the amount's "1" is the only one in the template.
    const QString placeholder(QChar(0xFFFC));
    QString text = loc.toCurrencyString(negative ? -1.0 : 1.0, placeholder, 0);
    const QString one = loc.toString(1);
    const qsizetype at = text.indexOf(one);
    if (at < 0)
        return (negative ? loc.negativeSign() : QString()) + currencySymbol(currency) + number;
    text.replace(at, one.size(), number);
    return text.replace(placeholder, currencySymbol(currency));
}

} // namespace

QString money(Cost::BigMoney value, const QString &currency, Precision precision)
{
    const bool negative = value < 0;
    const UBigMoney magnitude = negative ? UBigMoney(0) - static_cast<UBigMoney>(value) : static_cast<UBigMoney>(value);
    UBigMoney whole = 0;
    std::string fraction; // ASCII decimals after the point, none for whole units
    if (precision == Precision::WholeFromThousand && magnitude >= 1000 * kScale) {
        whole = roundToUnit(magnitude, kScale);
    } else if (precision == Precision::AllDecimals) {
        whole = magnitude / kScale;
        fraction = digitsOf(magnitude % kScale, Cost::kMoneyDecimals);
        while (fraction.size() > 2 && fraction.back() == '0')
            fraction.pop_back();
    } else {
        const UBigMoney cents = roundToUnit(magnitude, kScale / 100);
        whole = cents / 100;
        fraction = digitsOf(cents % 100, 2);
    }
    const QLocale loc = locale();
    QString number = groupedWhole(whole, loc);
    if (!fraction.empty())
        number += loc.decimalPoint() + localDigits(fraction, loc);
    // What rounds to zero carries no sign ("$0.00", not "-$0.00").
    const bool shownZero = whole == 0 && fraction.find_first_not_of('0') == std::string::npos;
    return placeInCurrency(number, negative && !shownZero, currency);
}

QString signedMoney(Cost::BigMoney value, const QString &currency, Precision precision)
{
    return (value > 0 ? locale().positiveSign() : QString()) + money(value, currency, precision);
}

QString moneyRange(Cost::BigMoney low, Cost::BigMoney high, const QString &currency, Precision precision)
{
    return QStringLiteral("%1 \u2013 %2").arg(money(low, currency, precision), money(high, currency, precision));
}

} // namespace Format
