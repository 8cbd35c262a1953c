#include "anomalies/anomalytext.h"

#include "format/format.h"

#include <QCoreApplication>
#include <QDateTime>

namespace AnomalyText {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1) { return QCoreApplication::translate("AnomalyText", text, disambiguation, n); }

// Analytics::causeDimLabel()'s words, listed for lupdate: causeDimension() translates them at run time.
[[maybe_unused]] constexpr const char *kCauseDimWords[] = {
    QT_TRANSLATE_NOOP("AnomalyText", "feature"),    QT_TRANSLATE_NOOP("AnomalyText", "model"),
    QT_TRANSLATE_NOOP("AnomalyText", "team"),       QT_TRANSLATE_NOOP("AnomalyText", "provider"),
    QT_TRANSLATE_NOOP("AnomalyText", "account"),    QT_TRANSLATE_NOOP("AnomalyText", "sub-account"),
    QT_TRANSLATE_NOOP("AnomalyText", "usage type"), QT_TRANSLATE_NOOP("AnomalyText", "token kind"),
    QT_TRANSLATE_NOOP("AnomalyText", "region"),     QT_TRANSLATE_NOOP("AnomalyText", "service")};

} // namespace

QString when(const Analytics::Anomaly &a)
{
    if (a.grain == Analytics::AnomalyGrain::Day) {
        const QString day = Format::shortDate(a.start / 86400, true);
        return a.points > 1 ? tr("%1 (%n days)", nullptr, a.points).arg(day) : day;
    }
    const QString at = Format::timestamp(QDateTime::fromSecsSinceEpoch(a.start, Qt::UTC));
    return a.points > 1 ? tr("%1 (%n h)", nullptr, a.points).arg(at) : at;
}

QString series(const Analytics::SeriesKey &key)
{
    if (key.dimension.empty())
        return tr("All spend");
    const QString dim = causeDimension(key.dimension);
    return QStringLiteral("%1 %2").arg(dim.left(1).toUpper() + dim.mid(1), value(key.dimension, key.value));
}

QString grain(Analytics::AnomalyGrain g)
{
    return g == Analytics::AnomalyGrain::Hour ? tr("Hourly") : tr("Daily");
}

QString status(Analytics::AnomalyStatus s)
{
    switch (s) {
    case Analytics::AnomalyStatus::New: return tr("New");
    case Analytics::AnomalyStatus::Acknowledged: return tr("Acknowledged");
    case Analytics::AnomalyStatus::Expected: return tr("Expected");
    case Analytics::AnomalyStatus::NotExpected: return tr("Not expected");
    }
    return {};
}

QString band(const Analytics::Anomaly &a, const QString &currency)
{
    return Format::moneyRange(a.bandLow, a.bandHigh, currency, Format::Precision::WholeFromThousand);
}

QString impact(const Analytics::Anomaly &a, const QString &currency)
{
    return Format::signedMoney(a.impact(), currency, Format::Precision::WholeFromThousand);
}

QString impactPercent(const Analytics::Anomaly &a)
{
    return Format::signedPercent(a.impactPercent()); // "new" when nothing was expected
}

QString headline(const Analytics::Anomaly &a, const QString &currency)
{
    const QString kind = a.impact() > 0 ? tr("spend spike") : tr("spend drop");
    return tr("%1: %2 %3 (%4)").arg(series(a.series), kind, impact(a, currency), impactPercent(a));
}

QString summary(const Analytics::Anomaly &a, const QString &currency)
{
    QString text = tr("%1, %2 UTC: %3 against %4 expected.")
                       .arg(grain(a.grain), when(a), Format::money(a.actual, currency, Format::Precision::WholeFromThousand), Format::money(a.expected, currency, Format::Precision::WholeFromThousand));
    if (!a.explanation.empty())
        text += QLatin1Char(' ') + QString::fromStdString(a.explanation) + QLatin1Char('.');
    return text;
}

QString causeDimension(const std::string &dimension)
{
    for (std::size_t i = 0; i < Analytics::kCauseDimCount; ++i) {
        const auto d = static_cast<Analytics::CauseDim>(i);
        if (dimension == Analytics::causeDimName(d))
            return tr(Analytics::causeDimLabel(d));
    }
    return QString::fromStdString(dimension);
}

QString value(const std::string &dimension, const std::string &v)
{
    if (!v.empty())
        return QString::fromStdString(v);
    return dimension == "feature" || dimension == "team" ? tr("(unallocated)") : Format::noneLabel();
}

QString sensitivity(Analytics::Sensitivity s)
{
    switch (s) {
    case Analytics::Sensitivity::Low: return tr("Low");
    case Analytics::Sensitivity::Normal: return tr("Normal");
    case Analytics::Sensitivity::High: return tr("High");
    }
    return {};
}

} // namespace AnomalyText
