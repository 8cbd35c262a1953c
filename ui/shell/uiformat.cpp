#include "shell/uiformat.h"

#include <cmath>

namespace UiFormat {

namespace {

constexpr qint64 kEpochJulianDay = 2440588; // QDate(1970, 1, 1).toJulianDay()

// Rounds `value` to a multiple of `unit`, half away from zero, and returns the multiple.
Cost::BigMoney roundToUnit(Cost::BigMoney value, Cost::BigMoney unit)
{
    Cost::BigMoney q = value / unit;
    const Cost::BigMoney r = value % unit;
    if (2 * (r < 0 ? -r : r) >= unit)
        q += value < 0 ? -1 : 1;
    return q;
}

} // namespace

QLocale locale()
{
    QLocale loc;
    if (loc.language() == QLocale::C)
        loc = QLocale(QLocale::English, QLocale::UnitedStates);
    return loc;
}

QString currencySymbol(const QString &isoCode)
{
    const QLocale loc = locale();
    if (isoCode.isEmpty() || isoCode == loc.currencySymbol(QLocale::CurrencyIsoCode))
        return loc.currencySymbol(QLocale::CurrencySymbol);
    static const struct {
        const char *iso;
        const char *symbol;
    } kSymbols[] = {{"USD", "$"}, {"EUR", "\u20AC"}, {"GBP", "\u00A3"}, {"JPY", "\u00A5"}, {"INR", "\u20B9"},
                    {"CNY", "CN\u00A5"}, {"KRW", "\u20A9"}, {"CAD", "CA$"}, {"AUD", "A$"}, {"CHF", "CHF\u00A0"}};
    for (const auto &s : kSymbols) {
        if (isoCode == QLatin1String(s.iso))
            return QString::fromUtf8(s.symbol);
    }
    return isoCode + QChar(0x00A0);
}

QString money(Cost::BigMoney value, const QString &currency)
{
    const QLocale loc = locale();
    const QString symbol = currencySymbol(currency);
    const Cost::BigMoney absValue = value < 0 ? -value : value;
    if (absValue >= 1000 * static_cast<Cost::BigMoney>(Cost::kMoneyScale)) {
        const Cost::BigMoney whole = roundToUnit(value, Cost::kMoneyScale);
        return loc.toCurrencyString(static_cast<qlonglong>(whole), symbol);
    }
    // Below 1,000 the cents matter; an integer count of cents below 10^5 is exact as a double.
    const Cost::BigMoney cents = roundToUnit(value, Cost::kMoneyScale / 100);
    return loc.toCurrencyString(static_cast<double>(cents) / 100.0, symbol, 2);
}

QString moneyValue(double value, const QString &currency, int decimals)
{
    return locale().toCurrencyString(value, currencySymbol(currency), decimals);
}

QString compactCount(qint64 value)
{
    const QLocale loc = locale();
    static const struct {
        double scale;
        const char *suffix;
    } kScales[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}};
    const double v = static_cast<double>(value);
    for (const auto &s : kScales) {
        if (std::abs(v) >= s.scale) {
            const double scaled = v / s.scale;
            const int decimals = std::abs(scaled) >= 100 ? 0 : std::abs(scaled) >= 10 ? 1 : 2;
            return loc.toString(scaled, 'f', decimals) + QLatin1String(s.suffix);
        }
    }
    return loc.toString(value);
}

bool percentChange(double current, double previous, double &percent)
{
    if (previous == 0)
        return false;
    percent = (current - previous) / std::abs(previous) * 100.0;
    return true;
}

QString signedPercent(double percent)
{
    const QLocale loc = locale();
    const double rounded = std::round(percent * 10.0) / 10.0;
    const QString digits = loc.toString(std::abs(rounded), 'f', 1) + loc.percent();
    if (rounded > 0)
        return loc.positiveSign() + digits;
    if (rounded < 0)
        return QChar(0x2212) + digits; // a real minus sign lines up with the plus
    return digits;
}

QDate dateOfDay(qint64 day)
{
    return QDate::fromJulianDay(kEpochJulianDay + day);
}

qint64 dayOfDate(const QDate &date)
{
    return date.toJulianDay() - kEpochJulianDay;
}

QString shortDate(qint64 day, bool withYear)
{
    return locale().toString(dateOfDay(day), withYear ? QStringLiteral("MMM d, yyyy") : QStringLiteral("MMM d"));
}

} // namespace UiFormat
