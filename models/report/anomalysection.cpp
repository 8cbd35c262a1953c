#include "report/anomalysection.h"

#include "anomaly/anomalystore.h"
#include "format/format.h"
#include "format/palette.h"
#include "report/reportcanvas.h"
#include "report/reportchart.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>
#include <QPainter>

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace Report {

namespace {

// Free functions say Tr::tr(): lupdate files plain tr() there under the namespace, not Report::AnomalySection.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Report::AnomalySection)
};

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return Tr::tr(text, disambiguation, n);
}

constexpr std::size_t kTableRows = 30;
constexpr std::size_t kBars = 10;
constexpr std::size_t kExplained = 8;
const QColor kUp = Palette::light().colour(Palette::Role::Increase);
const QColor kDown = Palette::light().colour(Palette::Role::Decrease);

// Series anomalies the report's filters select: all of them without filters, else those of a
// filtered series (e.g. --filter model=gpt-4o keeps the anomalies of model gpt-4o).
bool selected(const Analytics::Anomaly &a, const std::vector<Analytics::Filter> &filters)
{
    if (filters.empty())
        return true;
    return std::any_of(filters.begin(), filters.end(),
                       [&](const Analytics::Filter &f) { return f.first == a.series.dimension && f.second == a.series.value; });
}

QString whenText(const Analytics::Anomaly &a)
{
    if (a.grain == Analytics::AnomalyGrain::Day)
        return Format::shortDate(a.start / 86400, true) + (a.points > 1 ? Tr::tr(" (%1 days)").arg(a.points) : QString());
    return Format::timestamp(QDateTime::fromSecsSinceEpoch(a.start, Qt::UTC)) + (a.points > 1 ? Tr::tr(" (%1 h)").arg(a.points) : QString());
}

QString statusText(Analytics::AnomalyStatus s)
{
    switch (s) {
    case Analytics::AnomalyStatus::New: return Tr::tr("new");
    case Analytics::AnomalyStatus::Acknowledged: return Tr::tr("acknowledged");
    case Analytics::AnomalyStatus::Expected: return Tr::tr("expected");
    case Analytics::AnomalyStatus::NotExpected: return Tr::tr("not expected");
    }
    return {};
}

QString seriesText(const Analytics::Anomaly &a)
{
    return QString::fromStdString(a.series.label()) + (a.grain == Analytics::AnomalyGrain::Hour ? Tr::tr(", hourly") : Tr::tr(", daily"));
}

// The incident's other series, highest first ("provider openai, model gpt-4o and 2 more").
QString alsoIn(const Analytics::Incident &incident)
{
    constexpr std::size_t kNamed = 3;
    const Analytics::Anomaly &lead = incident.lead();
    QStringList names;
    for (const Analytics::IncidentMember &m : incident.members) {
        const QString name = QString::fromStdString(m.anomaly.series.label());
        if (!(m.anomaly.series == lead.series) && !names.contains(name))
            names << name;
    }
    const auto rest = names.size() - static_cast<qsizetype>(kNamed);
    if (rest > 0) {
        names.resize(kNamed);
        names << Tr::tr("%n more", nullptr, static_cast<int>(rest));
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

QString AnomalySection::title() const
{
    return tr("Anomalies");
}

bool AnomalySection::prepare(Cost::SqliteDb &db, const ReportData &data, std::string &error)
{
    if (!Analytics::scanIsCurrent(db)) {
        Analytics::ScanResult result;
        if (!Analytics::runAnomalyScan(db, result, error))
            return false;
    }
    const std::int64_t from = data.request.fromDay * 86400;
    Analytics::AnomalyStore store(db);
    std::vector<Analytics::Anomaly> all;
    if (!store.list(from, (data.request.toDay + 1) * 86400, all, error))
        return false;
    // An incident belongs to the report of the period it starts in (a monthly series of reports
    // shows each once).
    std::vector<Analytics::Anomaly> kept;
    for (Analytics::Anomaly &a : all)
        if (a.start >= from && selected(a, data.request.filters))
            kept.push_back(std::move(a));
    m_anomalies = kept.size();
    m_expected = static_cast<int>(std::count_if(kept.begin(), kept.end(), [](const Analytics::Anomaly &a) {
        return a.status == Analytics::AnomalyStatus::Expected;
    }));
    Analytics::ModelProviders providers;
    if (!Analytics::modelProviders(db, data.request.fromDay, data.request.toDay, providers, error))
        return false;
    m_incidents = Analytics::groupIncidents(std::move(kept), providers);
    return true;
}

void AnomalySection::render(ReportCanvas &canvas) const
{
    const QString currency = canvas.data().currency;
    if (m_incidents.empty()) {
        canvas.paragraph(tr("No anomalies in this range: every total, provider, model, feature, team and endpoint series stayed "
                            "within its expected band (or moved by less than the minimum impact)."));
        return;
    }
    const auto spikes = std::count_if(m_incidents.begin(), m_incidents.end(), [](const Analytics::Incident &i) { return i.impact > 0; });
    const auto drops = std::count_if(m_incidents.begin(), m_incidents.end(), [](const Analytics::Incident &i) { return i.impact < 0; });
    // Only the kinds that occurred, each with its own plural ("1 spike", not "1 spikes, 0 drops").
    QStringList kinds;
    if (spikes > 0)
        kinds << tr("%n spike(s) (%1 above expected in all)", nullptr, static_cast<int>(spikes))
                     .arg(Format::money(Analytics::incidentMoney(m_incidents, true), currency, Format::Precision::Cents));
    if (drops > 0)
        kinds << tr("%n drop(s) (%1 below)", nullptr, static_cast<int>(drops))
                     .arg(Format::money(-Analytics::incidentMoney(m_incidents, false), currency, Format::Precision::Cents));
    canvas.paragraph(tr("%n incident(s) in this range: %1. An incident usually shows in several series at once (the "
                        "total, its provider, model, feature and team); its money is counted once, at the highest of "
                        "them. %2 anomalies in all; %3 were marked expected.", nullptr, static_cast<int>(m_incidents.size()))
                         .arg(kinds.join(tr(" and ")))
                         .arg(m_anomalies)
                         .arg(m_expected));

    std::vector<ReportChart::Bar> bars;
    for (std::size_t i = 0; i < m_incidents.size() && i < kBars; ++i) {
        const Analytics::Incident &incident = m_incidents[i];
        bars.push_back({QStringLiteral("%1 \u00b7 %2").arg(QString::fromStdString(incident.lead().series.label()), whenText(incident.lead())),
                        Cost::toDouble(incident.impact), Format::signedMoney(incident.impact, currency, Format::Precision::Cents),
                        incident.impact > 0 ? kUp : kDown});
    }
    canvas.heading(tr("Largest incidents, impact against expected"), canvas.pt(200));
    const QRectF block = canvas.takeBlock(canvas.pt(26) + canvas.pt(18) * static_cast<double>(bars.size()));
    ReportChart::drawHorizontalBars(*canvas.painter(), block, canvas.pt(1), bars, currency, tr("Impact in %1").arg(currency));

    canvas.heading(tr("Root causes"), canvas.pt(80));
    for (std::size_t i = 0; i < m_incidents.size() && i < kExplained; ++i) {
        const Analytics::Anomaly &a = m_incidents[i].lead();
        const QString why = a.explanation.empty() ? tr("no single value stands out") : QString::fromStdString(a.explanation);
        QString text = QStringLiteral("%1 \u2014 %2: %3").arg(seriesText(a), whenText(a), why);
        const QString others = alsoIn(m_incidents[i]);
        if (!others.isEmpty())
            text += (text.endsWith(QLatin1Char('.')) ? QStringLiteral(" ") : QStringLiteral(". ")) + tr("Also seen in %1.").arg(others);
        canvas.paragraph(text);
    }

    canvas.heading(tr("Every incident"), canvas.pt(60));
    ReportTable table;
    table.headers = {tr("When (UTC)"), tr("Series"), tr("Expected"), tr("Actual"), tr("Impact"), tr("Impact %"), tr("Status")};
    table.weights = {1.7, 2.6, 1.3, 1.3, 1.3, 1.0, 1.1};
    table.numeric = {false, false, true, true, true, true, false};
    for (std::size_t i = 0; i < m_incidents.size() && i < kTableRows; ++i) {
        const Analytics::Incident &incident = m_incidents[i];
        const Analytics::Anomaly &a = incident.lead();
        const Cost::Money expected = incident.actual - incident.impact;
        const double percent = expected == 0 ? std::nan("") : 100.0 * Cost::toDouble(incident.impact) / std::fabs(Cost::toDouble(expected));
        const auto more = incident.members.size() - 1;
        const QString series = more == 0 ? seriesText(a) : tr("%1 and %n more series", nullptr, static_cast<int>(more)).arg(seriesText(a));
        table.rows.push_back({whenText(a), series, Format::money(expected, currency, Format::Precision::Cents),
                              Format::money(incident.actual, currency, Format::Precision::Cents),
                              Format::signedMoney(incident.impact, currency, Format::Precision::Cents), Format::signedPercent(percent),
                              statusText(a.status)});
    }
    canvas.drawTable(table);
    if (m_incidents.size() > kTableRows)
        canvas.paragraph(tr("%1 smaller incidents are not listed; `burnrate anomalies` lists every anomaly.").arg(m_incidents.size() - kTableRows),
                         ReportCanvas::FontRole::Small);
}

} // namespace Report
