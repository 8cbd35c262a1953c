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

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace Report {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Report::AnomalySection", text); }

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
    const QDateTime t = QDateTime::fromSecsSinceEpoch(a.start, Qt::UTC);
    const QLocale locale = Format::locale();
    if (a.grain == Analytics::AnomalyGrain::Day)
        return Format::shortDate(a.start / 86400, true) + (a.points > 1 ? tr(" (%1 days)").arg(a.points) : QString());
    return locale.toString(t, QStringLiteral("MMM d, HH:mm")) + (a.points > 1 ? tr(" (%1 h)").arg(a.points) : QString());
}

QString statusText(Analytics::AnomalyStatus s)
{
    switch (s) {
    case Analytics::AnomalyStatus::New: return tr("new");
    case Analytics::AnomalyStatus::Acknowledged: return tr("acknowledged");
    case Analytics::AnomalyStatus::Expected: return tr("expected");
    case Analytics::AnomalyStatus::NotExpected: return tr("not expected");
    }
    return {};
}

QString seriesText(const Analytics::Anomaly &a)
{
    return QString::fromStdString(a.series.label()) + (a.grain == Analytics::AnomalyGrain::Hour ? tr(", hourly") : tr(", daily"));
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
    Analytics::AnomalyStore store(db);
    std::vector<Analytics::Anomaly> all;
    if (!store.list(data.request.fromDay * 86400, (data.request.toDay + 1) * 86400, all, error))
        return false;
    m_anomalies.clear();
    for (Analytics::Anomaly &a : all)
        if (selected(a, data.request.filters))
            m_anomalies.push_back(std::move(a));
    std::stable_sort(m_anomalies.begin(), m_anomalies.end(), [](const Analytics::Anomaly &x, const Analytics::Anomaly &y) {
        return std::llabs(x.impact()) > std::llabs(y.impact());
    });
    return true;
}

void AnomalySection::render(ReportCanvas &canvas) const
{
    const QString currency = canvas.data().currency;
    if (m_anomalies.empty()) {
        canvas.paragraph(tr("No anomalies in this range: every total, provider, model, feature and team series stayed "
                            "within its expected band (or moved by less than the minimum impact)."));
        return;
    }
    Cost::BigMoney up = 0, down = 0;
    int spikes = 0, drops = 0, expected = 0;
    for (const Analytics::Anomaly &a : m_anomalies) {
        (a.impact() > 0 ? up : down) += a.impact();
        (a.impact() > 0 ? spikes : drops) += 1;
        expected += a.status == Analytics::AnomalyStatus::Expected;
    }
    canvas.paragraph(tr("%1 anomalies in this range: %2 spikes (%3 above expected in all) and %4 drops (%5 below). "
                        "%6 were marked expected. One incident usually shows in several series (the total, its provider, "
                        "model, feature and team) and at both grains.")
                         .arg(m_anomalies.size())
                         .arg(spikes)
                         .arg(Format::money(up, currency, Format::Precision::Cents))
                         .arg(drops)
                         .arg(Format::money(-down, currency, Format::Precision::Cents))
                         .arg(expected));

    std::vector<ReportChart::Bar> bars;
    for (std::size_t i = 0; i < m_anomalies.size() && i < kBars; ++i) {
        const Analytics::Anomaly &a = m_anomalies[i];
        bars.push_back({QStringLiteral("%1 \u00b7 %2").arg(QString::fromStdString(a.series.label()), whenText(a)),
                        Cost::toDouble(a.impact()), Format::signedMoney(a.impact(), currency, Format::Precision::Cents), a.impact() > 0 ? kUp : kDown});
    }
    canvas.heading(tr("Largest anomalies, impact against expected"), canvas.pt(200));
    const QRectF block = canvas.takeBlock(canvas.pt(26) + canvas.pt(18) * static_cast<double>(bars.size()));
    ReportChart::drawHorizontalBars(*canvas.painter(), block, canvas.pt(1), bars, currency, tr("Impact in %1").arg(currency));

    canvas.heading(tr("Root causes"), canvas.pt(80));
    for (std::size_t i = 0; i < m_anomalies.size() && i < kExplained; ++i) {
        const Analytics::Anomaly &a = m_anomalies[i];
        const QString why = a.explanation.empty() ? tr("no single value stands out") : QString::fromStdString(a.explanation);
        canvas.paragraph(QStringLiteral("%1 \u2014 %2: %3").arg(seriesText(a), whenText(a), why));
    }

    canvas.heading(tr("Every anomaly"), canvas.pt(60));
    ReportTable table;
    table.headers = {tr("When (UTC)"), tr("Series"), tr("Expected"), tr("Actual"), tr("Impact"), tr("Impact %"), tr("Status")};
    table.weights = {1.7, 2.6, 1.3, 1.3, 1.3, 1.0, 1.1};
    table.numeric = {false, false, true, true, true, true, false};
    for (std::size_t i = 0; i < m_anomalies.size() && i < kTableRows; ++i) {
        const Analytics::Anomaly &a = m_anomalies[i];
        table.rows.push_back({whenText(a), seriesText(a), Format::money(a.expected, currency, Format::Precision::Cents),
                              Format::money(a.actual, currency, Format::Precision::Cents), Format::signedMoney(a.impact(), currency, Format::Precision::Cents),
                              Format::signedPercent(a.impactPercent()), statusText(a.status)});
    }
    canvas.drawTable(table);
    if (m_anomalies.size() > kTableRows)
        canvas.paragraph(tr("%1 smaller anomalies are not listed; `burnrate anomalies` lists them all.").arg(m_anomalies.size() - kTableRows),
                         ReportCanvas::FontRole::Small);
}

} // namespace Report
