#include "report/spendsection.h"

#include "format/format.h"
#include "report/reportcanvas.h"
#include "report/reportchart.h"

#include <QCoreApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Report {

namespace {

// Free functions say Tr::tr(): lupdate files plain tr() there under the namespace, not Report::SpendSection.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Report::SpendSection)
};

QString tr(const char *text) { return Tr::tr(text); }

QString grainText(Analytics::Grain grain)
{
    switch (grain) {
    case Analytics::Grain::Hour: return Tr::tr("by hour");
    case Analytics::Grain::Day: return Tr::tr("by day");
    case Analytics::Grain::Week: return Tr::tr("by week");
    case Analytics::Grain::Month: return Tr::tr("by month");
    }
    return {};
}

QString dimensionTitle(const std::string &dimension)
{
    if (dimension == "model")
        return Tr::tr("Model");
    if (dimension == "feature")
        return Tr::tr("Feature");
    if (dimension == "provider")
        return Tr::tr("Provider");
    return QString::fromStdString(dimension);
}

} // namespace

SpendSection::SpendSection(std::string dimension, QString title)
    : m_dimension(std::move(dimension))
    , m_title(std::move(title))
{
}

const Analytics::Breakdown *SpendSection::breakdownOf(const ReportData &data, const std::string &dimension)
{
    if (dimension == "model")
        return &data.byModel;
    if (dimension == "feature")
        return &data.byFeature;
    if (dimension == "provider")
        return &data.byProvider;
    return nullptr;
}

bool SpendSection::hasContent(const ReportData &data) const
{
    return breakdownOf(data, m_dimension) != nullptr;
}

void SpendSection::render(ReportCanvas &canvas) const
{
    const ReportData &data = canvas.data();
    const Analytics::Breakdown &b = *breakdownOf(data, m_dimension);
    const QString currency = data.currency;

    if (b.rows.empty()) {
        canvas.paragraph(tr("No charges in this range."));
        return;
    }
    const double change = b.previousTotal != 0
        ? (Cost::toDouble(b.total) - Cost::toDouble(b.previousTotal)) / std::abs(Cost::toDouble(b.previousTotal)) * 100.0
        : std::numeric_limits<double>::quiet_NaN();
    QString summary = tr("%1 across %2 values. The previous period of the same length cost %3 (%4).")
                          .arg(Format::money(b.total, currency, Format::Precision::Cents), Format::count(static_cast<std::int64_t>(b.rows.size())),
                               Format::money(b.previousTotal, currency, Format::Precision::Cents), Format::signedPercent(change));
    if (static_cast<int>(b.rows.size()) > b.query.topN)
        summary += QLatin1Char(' ') + tr("The %1 largest are drawn separately; the rest are summed as \u201cOther\u201d.").arg(b.query.topN);
    canvas.paragraph(summary);

    canvas.heading(tr("Cost over time, %1").arg(grainText(b.query.grain)), canvas.pt(200));
    const double chartHeight = std::clamp(canvas.contentRect().height() * 0.4, canvas.pt(160), canvas.pt(300));
    const QRectF chart = canvas.takeBlock(chartHeight);
    ReportChart::drawStackedBars(*canvas.painter(), chart, canvas.pt(1), b, currency);

    // Whole phrases, not "Every " + a lower-cased title: German keeps its nouns capitalised.
    const QString every = m_dimension == "model"      ? tr("Every model")
                          : m_dimension == "feature"  ? tr("Every feature")
                          : m_dimension == "provider" ? tr("Every provider")
                                                      : tr("Every %1").arg(QString::fromStdString(m_dimension));
    canvas.heading(every, canvas.pt(60));
    ReportTable table;
    table.headers = {dimensionTitle(m_dimension), tr("Cost"), tr("Share"), tr("Previous"), tr("Change"), tr("Tokens"), tr("Requests")};
    table.weights = {3.2, 1.6, 0.9, 1.6, 1.0, 1.1, 1.1};
    table.numeric = {false, true, true, true, true, true, true};
    const std::size_t top = std::min<std::size_t>(static_cast<std::size_t>(b.query.topN), b.rows.size());
    std::int64_t tokens = 0, requests = 0;
    std::vector<std::string> keys;
    for (const Analytics::BreakdownRow &row : b.rows)
        keys.push_back(row.key);
    // The rows past the chart's top series are its "Other"; the chart draws them as one, last.
    table.swatches = ReportChart::seriesColours(keys, top);
    for (std::size_t i = 0; i < b.rows.size(); ++i) {
        const Analytics::BreakdownRow &row = b.rows[i];
        table.rows.push_back({row.key.empty() ? Format::noneLabel() : QString::fromStdString(row.key),
                              Format::money(row.cost, currency, Format::Precision::Cents), Format::share(row.share),
                              Format::money(row.previousCost, currency, Format::Precision::Cents), Format::signedPercent(row.changePercent()),
                              Format::compactCount(row.tokens),
                              row.requests > 0 ? Format::compactCount(row.requests) : QStringLiteral("\u2014")});
        tokens += row.tokens;
        requests += row.requests;
    }
    table.totalRow = {tr("Total"), Format::money(b.total, currency, Format::Precision::Cents), Format::share(1.0),
                      Format::money(b.previousTotal, currency, Format::Precision::Cents), Format::signedPercent(change),
                      Format::compactCount(tokens), requests > 0 ? Format::compactCount(requests) : QStringLiteral("\u2014")};
    canvas.drawTable(table);
}

} // namespace Report
