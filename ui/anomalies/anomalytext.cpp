#include "anomalies/anomalytext.h"

#include "format/format.h"
#include "spend/spendformat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <cmath>

namespace AnomalyText {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1) { return QCoreApplication::translate("AnomalyText", text, disambiguation, n); }

// Analytics::causeDimLabel()'s words, listed for lupdate: causeDimension() translates them at run time.
[[maybe_unused]] constexpr const char *kCauseDimWords[] = {
    QT_TRANSLATE_NOOP("AnomalyText", "feature"),    QT_TRANSLATE_NOOP("AnomalyText", "model"),
    QT_TRANSLATE_NOOP("AnomalyText", "team"),       QT_TRANSLATE_NOOP("AnomalyText", "provider"),
    QT_TRANSLATE_NOOP("AnomalyText", "account"),    QT_TRANSLATE_NOOP("AnomalyText", "sub-account"),
    QT_TRANSLATE_NOOP("AnomalyText", "usage type"), QT_TRANSLATE_NOOP("AnomalyText", "token kind"),
    QT_TRANSLATE_NOOP("AnomalyText", "region"),     QT_TRANSLATE_NOOP("AnomalyText", "service"),
    QT_TRANSLATE_NOOP("AnomalyText", "endpoint")};

QString kindWords(const std::string &kind)
{
    if (kind == "input")
        return tr("input tokens");
    if (kind == "cached_input")
        return tr("cached input tokens");
    if (kind == "cache_write")
        return tr("cache writes");
    if (kind == "output")
        return tr("output tokens");
    return kind.empty() ? tr("other charges") : tr("%1 charges").arg(QString::fromStdString(kind));
}

// "×9", "×1.5", "new", "gone": as englishChange(), in the user's locale.
QString change(const Analytics::CausePhrase &p)
{
    if (p.change == Analytics::CausePhrase::Change::New)
        return tr("new", "a token kind absent from the baseline");
    if (p.change == Analytics::CausePhrase::Change::Gone)
        return tr("gone", "a token kind absent from the anomaly window");
    const double r = p.ratio < 0.05 ? 0.0 : p.ratio;
    const bool whole = r >= 9.95 || std::fabs(r - std::round(r)) < 0.05;
    return QStringLiteral("×") + Format::locale().toString(whole ? std::round(r) : r, 'f', whole ? 0 : 1);
}

} // namespace

QString explanation(const Analytics::Anomaly &a)
{
    Analytics::CausePhrase p;
    if (!Analytics::fromJson(a.explanationParts, p))
        return QString::fromStdString(a.explanation); // found before schema 15: English until the next scan
    QString text;
    if (p.kind == Analytics::CausePhrase::Kind::Evenly) {
        text = p.skip == "feature" ? tr("evenly over all models")
            : p.skip == "model"    ? tr("evenly over all features")
                                   : tr("evenly over all features and models");
    } else {
        const QLocale loc = Format::locale();
        text = tr("%1 from %2 %3", "82% from feature agent")
                   .arg(loc.toString(p.percent) + loc.percent(), causeDimension(p.dimension), value(p.dimension, p.value));
        if (!p.second.empty())
            text = (p.secondDimension == "model" ? tr("%1 on %2", "… from feature agent on model gpt-4o")
                                                 : tr("%1 in feature %2", "… from model gpt-4o in feature agent"))
                       .arg(text, QString::fromStdString(p.second));
    }
    if (p.hasTokenKind)
        text = tr("%1, %2 %3", "…, output tokens ×9").arg(text, kindWords(p.tokenKind), change(p));
    return text;
}

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
        text += QLatin1Char(' ') + explanation(a) + QLatin1Char('.');
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
    if (dimension == "token_kind" || v == "(untracked)") // "input" → "Eingabe", as the spend pages say it
        return SpendFormat::valueText(QString::fromStdString(dimension), QString::fromStdString(v));
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
