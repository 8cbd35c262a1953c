#include "format/format.h"

#include <QCoreApplication>

#include <cmath>

namespace Format {

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

QString noneLabel()
{
    return QCoreApplication::translate("Format", "(none)");
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
        struct {
            const char *source;
            const char *comment;
        } suffix; // translated: German writes "10,6 Mrd."
    } kScales[] = {{1e12, QT_TRANSLATE_NOOP3("Format", "T", "compact count suffix: trillions, 10.6T")},
                   {1e9, QT_TRANSLATE_NOOP3("Format", "B", "compact count suffix: billions, 10.6B")},
                   {1e6, QT_TRANSLATE_NOOP3("Format", "M", "compact count suffix: millions, 10.6M")},
                   {1e3, QT_TRANSLATE_NOOP3("Format", "K", "compact count suffix: thousands, 10.6K")}};
    const double v = static_cast<double>(value);
    for (const auto &s : kScales) {
        if (std::abs(v) >= s.scale) {
            const double scaled = v / s.scale;
            const int decimals = std::abs(scaled) >= 100 ? 0 : std::abs(scaled) >= 10 ? 1 : 2;
            return loc.toString(scaled, 'f', decimals)
                   + QCoreApplication::translate("Format", s.suffix.source, s.suffix.comment);
        }
    }
    return loc.toString(static_cast<qlonglong>(value));
}

QString percent(double percent, const QString &unknown)
{
    if (!std::isfinite(percent))
        return unknown;
    const QLocale loc = locale();
    return loc.toString(percent, 'f', 1) + loc.percent();
}

QString share(double fraction, const QString &unknown)
{
    return percent(fraction * 100.0, unknown);
}

QString signedPercent(double percent)
{
    if (!std::isfinite(percent))
        return QCoreApplication::translate("Format", "new");
    const QLocale loc = locale();
    const double rounded = std::round(percent * 10.0) / 10.0;
    const QString digits = loc.toString(std::abs(rounded), 'f', 1) + loc.percent();
    if (rounded > 0)
        return loc.positiveSign() + digits;
    if (rounded < 0)
        return QChar(0x2212) + digits; // a real minus sign lines up with the plus
    return digits;
}

bool percentChange(double current, double previous, double &percent)
{
    if (previous == 0)
        return false;
    percent = (current - previous) / std::abs(previous) * 100.0;
    return true;
}

} // namespace Format
