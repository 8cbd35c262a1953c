#include "report/reportformat.h"

#include <QCoreApplication>
#include <QDate>

#include <cmath>
#include <limits>

namespace ReportFormat {

namespace {

constexpr std::int64_t kEpochJulianDay = 2440588; // QDate(1970, 1, 1).toJulianDay()

QString tr(const char *text) { return QCoreApplication::translate("ReportFormat", text); }

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
    // Cents as an integer, rounded half away from zero; grouped by the locale as an integer so
    // no double ever carries the amount (a double is exact only up to 2^53 cents).
    constexpr Cost::BigMoney kCent = Cost::kMoneyScale / 100;
    const bool negative = value < 0;
    Cost::UBigMoney magnitude = static_cast<Cost::UBigMoney>(negative ? -value : value);
    Cost::UBigMoney cents = magnitude / kCent;
    if (2 * (magnitude % kCent) >= static_cast<Cost::UBigMoney>(kCent))
        ++cents;
    const Cost::UBigMoney whole = cents / 100;
    const int fraction = static_cast<int>(cents % 100);
    const QLocale loc = locale();
    QString wholeText;
    if (whole <= static_cast<Cost::UBigMoney>(std::numeric_limits<qulonglong>::max()))
        wholeText = loc.toString(static_cast<qulonglong>(whole));
    else
        wholeText = QString::fromStdString(Cost::formatMoney(static_cast<Cost::BigMoney>(whole), 0));
    const QString number = wholeText + loc.decimalPoint() + QStringLiteral("%1").arg(fraction, 2, 10, QLatin1Char('0'));
    // Let the locale place the symbol and the sign: format a template amount and substitute.
    QString pattern = loc.toCurrencyString(negative && cents != 0 ? -1.0 : 1.0, currencySymbol(currency), 0);
    const QString one = loc.toString(1);
    const qsizetype at = pattern.lastIndexOf(one);
    if (at < 0)
        return (negative && cents != 0 ? loc.negativeSign() : QString()) + currencySymbol(currency) + number;
    return pattern.replace(at, one.size(), number);
}

QString moneyValue(double value, const QString &currency, int decimals)
{
    return locale().toCurrencyString(value, currencySymbol(currency), decimals);
}

QString count(std::int64_t value)
{
    return locale().toString(static_cast<qlonglong>(value));
}

QString compactCount(std::int64_t value)
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
    return loc.toString(static_cast<qlonglong>(value));
}

QString signedPercent(double percent)
{
    if (std::isnan(percent))
        return tr("new");
    const QLocale loc = locale();
    const double rounded = std::round(percent * 10.0) / 10.0;
    const QString digits = loc.toString(std::abs(rounded), 'f', 1) + loc.percent();
    if (rounded > 0)
        return loc.positiveSign() + digits;
    if (rounded < 0)
        return QChar(0x2212) + digits; // a real minus sign lines up with the plus
    return digits;
}

QString share(double fraction)
{
    if (std::isnan(fraction))
        return QStringLiteral("\u2014");
    const QLocale loc = locale();
    return loc.toString(fraction * 100.0, 'f', 1) + loc.percent();
}

QString date(std::int64_t day)
{
    return locale().toString(QDate::fromJulianDay(kEpochJulianDay + day), QStringLiteral("MMM d, yyyy"));
}

QString range(std::int64_t fromDay, std::int64_t toDay)
{
    const int days = static_cast<int>(toDay - fromDay + 1);
    if (days == 1)
        return date(fromDay);
    return tr("%1 \u2013 %2 (%3 days)").arg(date(fromDay), date(toDay), locale().toString(days));
}

QString noneLabel()
{
    return tr("(none)");
}

} // namespace ReportFormat
