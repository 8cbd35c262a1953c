#include "format/unitmoney.h"

#include "format/format.h"

#include <algorithm>
#include <cmath>

namespace Format {

QString unitMoney(double value, const QString &currency, int decimals)
{
    return locale().toCurrencyString(value, currencySymbol(currency), decimals);
}

QString unitPrice(double value, const QString &currency)
{
    if (!std::isfinite(value))
        return {};
    int decimals = 2;
    const double magnitude = std::abs(value);
    if (magnitude > 0 && magnitude < 1)
        decimals = std::clamp(2 - static_cast<int>(std::floor(std::log10(magnitude))), 2, 8);
    return unitMoney(value, currency, decimals);
}

QString compactUnitMoney(double value, const QString &currency)
{
    const double a = std::abs(value);
    static const struct {
        double scale;
        const char *suffix;
    } kScales[] = {{1e9, "B"}, {1e6, "M"}, {1e3, "k"}};
    for (const auto &s : kScales) {
        // Round first so that 999,960 reads "$1.00M", not "$1000k".
        if (a >= s.scale * 0.9995) {
            const double scaled = value / s.scale;
            const int decimals = std::abs(scaled) >= 99.95 ? 0 : std::abs(scaled) >= 9.995 ? 1 : 2;
            return unitMoney(scaled, currency, decimals) + QLatin1String(s.suffix);
        }
    }
    return unitMoney(value, currency, a >= 100 ? 0 : a >= 10 ? 1 : 2);
}

} // namespace Format
