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

// The spend pages' dimensions in words: title and plural (for "All …").
struct DimensionWords {
    const char *dimension;
    const char *title;
    const char *plural;
};
constexpr DimensionWords kDimensionWords[] = {
    {"provider", QT_TRANSLATE_NOOP("SpendFormat", "Provider"), QT_TRANSLATE_NOOP("SpendFormat", "providers")},
    {"service", QT_TRANSLATE_NOOP("SpendFormat", "Service"), QT_TRANSLATE_NOOP("SpendFormat", "services")},
    {"model", QT_TRANSLATE_NOOP("SpendFormat", "Model"), QT_TRANSLATE_NOOP("SpendFormat", "models")},
    {"feature", QT_TRANSLATE_NOOP("SpendFormat", "Feature"), QT_TRANSLATE_NOOP("SpendFormat", "features")},
    {"team", QT_TRANSLATE_NOOP("SpendFormat", "Team"), QT_TRANSLATE_NOOP("SpendFormat", "teams")},
    {"token_kind", QT_TRANSLATE_NOOP("SpendFormat", "Token kind"), QT_TRANSLATE_NOOP("SpendFormat", "token kinds")},
    {"billing_account", QT_TRANSLATE_NOOP("SpendFormat", "Billing account"),
     QT_TRANSLATE_NOOP("SpendFormat", "billing accounts")},
    {"currency", QT_TRANSLATE_NOOP("SpendFormat", "Currency"), QT_TRANSLATE_NOOP("SpendFormat", "currencies")},
};

const DimensionWords *wordsFor(const QString &dimension)
{
    for (const DimensionWords &w : kDimensionWords) {
        if (dimension == QLatin1String(w.dimension))
            return &w;
    }
    return nullptr;
}

} // namespace

QString dimensionTitle(const QString &dimension)
{
    const DimensionWords *w = wordsFor(dimension);
    return w ? tr(w->title) : dimension;
}

QString dimensionPlural(const QString &dimension)
{
    const DimensionWords *w = wordsFor(dimension);
    return w ? tr(w->plural) : dimension;
}

QString valueText(const QString &dimension, const QString &value)
{
    if (value.isEmpty()) {
        const bool allocated = dimension == QLatin1String("feature") || dimension == QLatin1String("team");
        // Cost without a model: an account that bills without line items, not a model "(none)".
        if (dimension == QLatin1String("model"))
            return tr("Not itemised by model");
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
