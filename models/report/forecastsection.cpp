#include "report/forecastsection.h"

#include "format/format.h"
#include "format/palette.h"
#include "report/bandchart.h"
#include "report/reportcanvas.h"

#include <QCoreApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace Report {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Report::ForecastSection", text); }

constexpr int kRowsPerDimension[] = {3, 5, 4}; // provider, model, feature
const char *const kRowDimensions[] = {"provider", "model", "feature"};

QString gainText(const Analytics::ForecastResult &r)
{
    if (r.backtestOrigins <= 0 || !std::isfinite(r.backtestMae) || !(r.seasonalNaiveMae > 0))
        return QStringLiteral("\u2014");
    return Format::signedPercent((r.backtestMae - r.seasonalNaiveMae) / r.seasonalNaiveMae * 100.0);
}

} // namespace

QString ForecastSection::title() const { return tr("Forecasts"); }

bool ForecastSection::prepare(Cost::SqliteDb &db, const ReportData &data, std::string &error)
{
    // A report filtered to one series forecasts that series; otherwise total spend.
    Analytics::SeriesRef ref;
    if (data.request.filters.size() == 1)
        ref = {data.request.filters.front().first, data.request.filters.front().second};
    m_main = Analytics::computeForecastView(db, ref, kHorizon);
    m_rows.clear();
    m_followsPeriod = m_main.ok && followsPeriod(m_main, data.request.toDay);
    if (!m_followsPeriod || !ref.dim.empty())
        return true; // nothing to forecast is not an error: the section is left out
    std::vector<Analytics::SeriesRef> choices;
    if (!Analytics::seriesChoices(db, choices, error, 8))
        return false;
    for (std::size_t d = 0; d < std::size(kRowDimensions); ++d) {
        int taken = 0;
        for (const Analytics::SeriesRef &c : choices) {
            if (c.dim != kRowDimensions[d] || taken >= kRowsPerDimension[d])
                continue;
            Analytics::ForecastView v = Analytics::computeForecastView(db, c, kHorizon);
            if (v.ok) {
                m_rows.push_back(std::move(v));
                ++taken;
            }
        }
    }
    return true;
}

bool ForecastSection::followsPeriod(const Analytics::ForecastView &view, std::int64_t toDay)
{
    // The forecast starts after the last complete day; a period that ends before it is closed.
    return toDay >= view.history.lastDay() - view.history.partialDays;
}

bool ForecastSection::hasContent(const ReportData &) const { return m_followsPeriod; }

void ForecastSection::render(ReportCanvas &canvas) const
{
    const QString currency = QString::fromStdString(m_main.currency);
    const QString series = QString::fromStdString(m_main.ref.label());
    canvas.paragraph(tr("%1, forecast from the store's daily history through %2 with the method that did best when "
                        "forecasting its own past: %3.")
                         .arg(series, Format::shortDate(m_main.history.lastDay() - m_main.history.partialDays, true),
                              QString::fromStdString(m_main.result.method)));
    canvas.paragraph(Analytics::projectionSentence(m_main.month, currency), ReportCanvas::FontRole::Subheading,
                     Palette::light().colour(Palette::Role::Text));
    canvas.paragraph(Analytics::accuracySentence(m_main.result, currency));

    canvas.heading(tr("Daily spend and the next %1 days").arg(kHorizon), canvas.pt(200));
    const double chartHeight = std::clamp(canvas.contentRect().height() * 0.36, canvas.pt(160), canvas.pt(260));
    const QRectF chart = canvas.takeBlock(chartHeight);
    const std::int64_t from = m_main.history.lastDay() - 89;
    BandChart::draw(*canvas.painter(), chart, canvas.pt(1), BandChart::fromForecastView(m_main, from, 90));

    if (m_rows.empty())
        return;
    canvas.heading(tr("Month-end projections"), canvas.pt(80));
    canvas.paragraph(tr("The month containing the first forecast day: spend so far plus the forecast of the rest. "
                        "The range sums the daily 80% bounds, so it is on the wide side. \u201cvs repeating last "
                        "week\u201d compares the typical daily error with that simple rule (negative is better)."),
                     ReportCanvas::FontRole::Small);
    ReportTable table;
    table.headers = {tr("Series"), tr("So far"), tr("Projected"), tr("80% range"), tr("Daily error"), tr("vs last week")};
    table.weights = {3.0, 1.3, 1.3, 2.4, 1.2, 1.2};
    table.numeric = {false, true, true, true, true, true};
    for (const Analytics::ForecastView &v : m_rows) {
        const Analytics::MonthProjection &m = v.month;
        const bool backtested = v.result.backtestOrigins > 0 && std::isfinite(v.result.backtestMae);
        table.rows.push_back({QString::fromStdString(v.ref.label()), Format::compactUnitMoney(m.actual, currency),
                              Format::compactUnitMoney(m.projected, currency),
                              QStringLiteral("%1 \u2013 %2").arg(Format::compactUnitMoney(m.low80, currency),
                                                                 Format::compactUnitMoney(m.high80, currency)),
                              backtested ? Format::compactUnitMoney(v.result.backtestMae, currency) : QStringLiteral("\u2014"),
                              gainText(v.result)});
    }
    canvas.drawTable(table);
}

} // namespace Report
