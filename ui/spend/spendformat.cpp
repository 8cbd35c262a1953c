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

// The spend pages' dimensions in words: title, plural (for "All …") and the singular in running
// text (lower case in English, not in German: a translation, never toLower()).
struct DimensionWords {
    const char *dimension;
    const char *title;
    const char *plural;
    const char *inText;
};
constexpr DimensionWords kDimensionWords[] = {
    {"provider", QT_TRANSLATE_NOOP("SpendFormat", "Provider"), QT_TRANSLATE_NOOP("SpendFormat", "providers"),
     QT_TRANSLATE_NOOP("SpendFormat", "provider")},
    {"service", QT_TRANSLATE_NOOP("SpendFormat", "Service"), QT_TRANSLATE_NOOP("SpendFormat", "services"),
     QT_TRANSLATE_NOOP("SpendFormat", "service")},
    {"model", QT_TRANSLATE_NOOP("SpendFormat", "Model"), QT_TRANSLATE_NOOP("SpendFormat", "models"),
     QT_TRANSLATE_NOOP("SpendFormat", "model")},
    {"feature", QT_TRANSLATE_NOOP("SpendFormat", "Feature"), QT_TRANSLATE_NOOP("SpendFormat", "features"),
     QT_TRANSLATE_NOOP("SpendFormat", "feature")},
    {"team", QT_TRANSLATE_NOOP("SpendFormat", "Team"), QT_TRANSLATE_NOOP("SpendFormat", "teams"),
     QT_TRANSLATE_NOOP("SpendFormat", "team")},
    {"token_kind", QT_TRANSLATE_NOOP("SpendFormat", "Token kind"), QT_TRANSLATE_NOOP("SpendFormat", "token kinds"),
     QT_TRANSLATE_NOOP("SpendFormat", "token kind")},
    {"billing_account", QT_TRANSLATE_NOOP("SpendFormat", "Billing account"),
     QT_TRANSLATE_NOOP("SpendFormat", "billing accounts"),
     QT_TRANSLATE_NOOP("SpendFormat", "billing account")},
    {"currency", QT_TRANSLATE_NOOP("SpendFormat", "Currency"), QT_TRANSLATE_NOOP("SpendFormat", "currencies"),
     QT_TRANSLATE_NOOP("SpendFormat", "currency")},
    {"endpoint", QT_TRANSLATE_NOOP("SpendFormat", "Endpoint"), QT_TRANSLATE_NOOP("SpendFormat", "endpoints"),
     QT_TRANSLATE_NOOP("SpendFormat", "endpoint")},
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

QString dimensionInText(const QString &dimension)
{
    const DimensionWords *w = wordsFor(dimension);
    return w ? tr(w->inText) : dimension;
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
    // The telemetry join's rest (Allocation::kUntracked): stored as that text, shown in the UI language.
    if (dimension == QLatin1String("feature") && value == QLatin1String("(untracked)"))
        return tr("(untracked)");
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
        return locale.toString(time, Format::monthDayFormat(false) + QStringLiteral(", HH:00"));
    case Analytics::Grain::Day:
        return locale.toString(time.date(), QStringLiteral("ddd ") + Format::monthDayFormat(true));
    case Analytics::Grain::Week:
        return tr("Week of %1").arg(locale.toString(time.date(), Format::dateEditFormat()));
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
