#include "spend/spendformat.h"

#include "format/format.h"

#include <QCoreApplication>

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
        return allocated ? tr("(unallocated)") : Format::noneLabel();
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

QString bucketLabel(qint64 epochSeconds, Analytics::Grain grain)
{
    const QLocale locale = Format::locale();
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
