#include "spend/spendformat.h"

#include "shell/uiformat.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace SpendFormat {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SpendFormat", text);
}

QDateTime utc(qint64 epochSeconds)
{
    return QDateTime::fromSecsSinceEpoch(epochSeconds, Qt::UTC);
}

// Inserts the locale's group separators into a run of digits.
QString groupDigits(const QString &digits)
{
    const QString separator = UiFormat::locale().groupSeparator();
    QString out;
    for (qsizetype i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += separator;
        out += digits.at(i);
    }
    return out;
}

} // namespace

QString dimensionTitle(const QString &dimension)
{
    if (dimension == QLatin1String("provider"))
        return tr("Provider");
    if (dimension == QLatin1String("service"))
        return tr("Service");
    if (dimension == QLatin1String("model"))
        return tr("Model");
    if (dimension == QLatin1String("feature"))
        return tr("Feature");
    if (dimension == QLatin1String("team"))
        return tr("Team");
    if (dimension == QLatin1String("token_kind"))
        return tr("Token kind");
    if (dimension == QLatin1String("billing_account"))
        return tr("Billing account");
    if (dimension == QLatin1String("currency"))
        return tr("Currency");
    return dimension;
}

QString dimensionPlural(const QString &dimension)
{
    if (dimension == QLatin1String("provider"))
        return tr("providers");
    if (dimension == QLatin1String("service"))
        return tr("services");
    if (dimension == QLatin1String("model"))
        return tr("models");
    if (dimension == QLatin1String("feature"))
        return tr("features");
    if (dimension == QLatin1String("team"))
        return tr("teams");
    if (dimension == QLatin1String("token_kind"))
        return tr("token kinds");
    if (dimension == QLatin1String("billing_account"))
        return tr("billing accounts");
    if (dimension == QLatin1String("currency"))
        return tr("currencies");
    return dimension;
}

QString valueText(const QString &dimension, const QString &value)
{
    if (value.isEmpty()) {
        const bool allocated = dimension == QLatin1String("feature") || dimension == QLatin1String("team");
        return allocated ? tr("(unallocated)") : tr("(none)");
    }
    if (dimension == QLatin1String("token_kind")) {
        if (value == QLatin1String("input"))
            return tr("input");
        if (value == QLatin1String("cached_input"))
            return tr("cached input");
        if (value == QLatin1String("cache_write"))
            return tr("cache write");
        if (value == QLatin1String("output"))
            return tr("output");
    }
    return value;
}

QString cents(Cost::BigMoney value, const QString &currency)
{
    // Round half away from zero to a whole number of cents; below 2^53 cents a double is exact.
    const Cost::BigMoney unit = Cost::kMoneyScale / 100;
    Cost::BigMoney q = value / unit;
    const Cost::BigMoney r = value % unit;
    if (2 * (r < 0 ? -r : r) >= unit)
        q += value < 0 ? -1 : 1;
    return UiFormat::locale().toCurrencyString(static_cast<double>(q) / 100.0, UiFormat::currencySymbol(currency), 2);
}

QString exact(Cost::BigMoney value, const QString &currency)
{
    const QLocale locale = UiFormat::locale();
    QString text = QString::fromStdString(Cost::formatMoney(value, 2));
    const bool negative = text.startsWith(QLatin1Char('-'));
    if (negative)
        text.remove(0, 1);
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? text : text.left(dot);
    const QString fraction = dot < 0 ? QString() : text.mid(dot + 1);
    QString number = groupDigits(whole);
    if (!fraction.isEmpty())
        number += locale.decimalPoint() + fraction;
    // Let QLocale place the symbol and sign (e.g. "-$1.00" vs "($1.00)"), then put the exact digits in.
    const QString pattern = locale.toCurrencyString(negative ? -1.0 : 1.0, UiFormat::currencySymbol(currency), 0);
    QString result = pattern;
    result.replace(pattern.indexOf(QLatin1Char('1')), 1, number);
    return result;
}

QString unitMoney(double value, const QString &currency)
{
    if (!std::isfinite(value))
        return {};
    int decimals = 2;
    const double magnitude = std::abs(value);
    if (magnitude > 0 && magnitude < 1)
        decimals = std::clamp(2 - static_cast<int>(std::floor(std::log10(magnitude))), 2, 8);
    return UiFormat::moneyValue(value, currency, decimals);
}

QString share(double fraction)
{
    if (!std::isfinite(fraction))
        return {};
    const QLocale locale = UiFormat::locale();
    return locale.toString(fraction * 100.0, 'f', 1) + locale.percent();
}

QString bucketLabel(qint64 epochSeconds, Analytics::Grain grain)
{
    const QLocale locale = UiFormat::locale();
    const QDateTime time = utc(epochSeconds);
    switch (grain) {
    case Analytics::Grain::Hour:
        return locale.toString(time, QStringLiteral("MMM d, HH:00"));
    case Analytics::Grain::Day:
        return locale.toString(time.date(), QStringLiteral("ddd MMM d, yyyy"));
    case Analytics::Grain::Week:
        return tr("Week of %1").arg(locale.toString(time.date(), QStringLiteral("MMM d, yyyy")));
    case Analytics::Grain::Month:
        return locale.toString(time.date(), QStringLiteral("MMMM yyyy"));
    }
    return {};
}

QString bucketIso(qint64 epochSeconds, Analytics::Grain grain)
{
    const QDateTime time = utc(epochSeconds);
    if (grain == Analytics::Grain::Hour)
        return time.toString(Qt::ISODate);
    return time.date().toString(Qt::ISODate);
}

qint64 bucketEnd(qint64 epochSeconds, Analytics::Grain grain)
{
    switch (grain) {
    case Analytics::Grain::Hour: return epochSeconds + 3600;
    case Analytics::Grain::Day: return epochSeconds + 86400;
    case Analytics::Grain::Week: return epochSeconds + 7 * 86400;
    case Analytics::Grain::Month: return utc(epochSeconds).addMonths(1).toSecsSinceEpoch();
    }
    return epochSeconds + 86400;
}

QString grainAdjective(Analytics::Grain grain)
{
    switch (grain) {
    case Analytics::Grain::Hour: return tr("hourly");
    case Analytics::Grain::Day: return tr("daily");
    case Analytics::Grain::Week: return tr("weekly");
    case Analytics::Grain::Month: return tr("monthly");
    }
    return {};
}

} // namespace SpendFormat
