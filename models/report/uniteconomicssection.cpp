#include "report/uniteconomicssection.h"

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

constexpr std::size_t kChartBars = 10;

QString tr(const char *text) { return QCoreApplication::translate("Report::UnitEconomicsSection", text); }

QString price(double value, const QString &currency)
{
    // The app's unit prices ("$0.000117", not "$0.0001"): three significant digits below one.
    const QString text = Format::unitPrice(value, currency);
    return text.isEmpty() ? QStringLiteral("\u2014") : text;
}

QString ratio(double value)
{
    if (std::isnan(value))
        return QStringLiteral("\u2014");
    return Format::locale().toString(value, 'f', 0);
}

QString keyText(const std::string &key)
{
    return key.empty() ? Format::noneLabel() : QString::fromStdString(key);
}

} // namespace

QString UnitEconomicsSection::title() const
{
    return tr("Unit economics");
}

void UnitEconomicsSection::render(ReportCanvas &canvas) const
{
    const ReportData &data = canvas.data();
    const QString currency = data.currency;
    if (data.byModel.rows.empty()) {
        canvas.paragraph(tr("No charges in this range."));
        return;
    }
    // The price per token counts the cost of the sources that report tokens (as the table rows do);
    // cost from sources without token counts (Azure Cost Management, say) is named apart.
    Cost::BigMoney tokenCost = 0;
    for (const Analytics::BreakdownRow &row : data.byModel.rows)
        tokenCost += row.tokenCost;
    const double blended = data.tokens > 0 ? Cost::toDouble(tokenCost) / static_cast<double>(data.tokens) * 1e6
                                           : std::numeric_limits<double>::quiet_NaN();
    QString intro = tr("%1 tokens cost %2 in this range: %3 per million tokens across all models.")
                        .arg(Format::compactCount(data.tokens), Format::money(tokenCost, currency, Format::Precision::Cents),
                             price(blended, currency));
    if (data.tokens <= 0)
        intro = tr("The sources in this range report no token counts (%1 billed).").arg(Format::money(data.total, currency, Format::Precision::Cents));
    else if (tokenCost != data.total)
        intro += QLatin1Char(' ')
            + tr("Another %1 was billed by sources that report no token counts.")
                  .arg(Format::money(data.total - tokenCost, currency, Format::Precision::Cents));
    canvas.paragraph(intro);

    // Bars for the largest models by cost (their price is what moves the bill).
    std::vector<ReportChart::Bar> bars;
    std::vector<std::string> barKeys;
    for (std::size_t i = 0; i < data.byModel.rows.size() && bars.size() < kChartBars; ++i) {
        const Analytics::BreakdownRow &row = data.byModel.rows[i];
        const double v = row.blendedCostPerMillion();
        if (std::isnan(v))
            continue;
        bars.push_back({keyText(row.key), v, price(v, currency), QColor()});
        barKeys.push_back(row.key);
    }
    const std::vector<QColor> barColours = ReportChart::seriesColours(barKeys);
    for (std::size_t i = 0; i < bars.size(); ++i)
        bars[i].colour = barColours[i];
    if (!bars.empty()) {
        canvas.heading(tr("Blended cost per million tokens, largest models"), canvas.pt(160));
        const double height = canvas.pt(26) + canvas.pt(18) * static_cast<double>(bars.size());
        const QRectF block = canvas.takeBlock(height);
        ReportChart::drawHorizontalBars(*canvas.painter(), block, canvas.pt(1), bars, currency,
                                        tr("%1 per million tokens").arg(currency));
    }

    canvas.heading(tr("By model"), canvas.pt(60));
    ReportTable models;
    models.headers = {tr("Model"), tr("Cost"), tr("Input /1M"), tr("Output /1M"), tr("Blended /1M"), tr("Cached input"),
                      tr("Per request")};
    models.weights = {3.0, 1.6, 1.2, 1.2, 1.3, 1.2, 1.2};
    models.numeric = {false, true, true, true, true, true, true};
    for (const Analytics::BreakdownRow &row : data.byModel.rows) {
        models.rows.push_back({keyText(row.key), Format::money(row.cost, currency, Format::Precision::Cents), price(row.costPerMillion(0), currency),
                               price(row.costPerMillion(3), currency), price(row.blendedCostPerMillion(), currency),
                               Format::share(row.cachedInputShare()), price(row.costPerRequest(), currency)});
    }
    canvas.drawTable(models);

    canvas.heading(tr("By feature"), canvas.pt(60));
    ReportTable features;
    features.headers = {tr("Feature"), tr("Cost"), tr("Requests"), tr("Tokens / request"), tr("Per request"), tr("Blended /1M")};
    features.weights = {3.0, 1.6, 1.2, 1.4, 1.2, 1.3};
    features.numeric = {false, true, true, true, true, true};
    for (const Analytics::BreakdownRow &row : data.byFeature.rows) {
        features.rows.push_back({keyText(row.key), Format::money(row.cost, currency, Format::Precision::Cents),
                                 row.requests > 0 ? Format::count(row.requests) : QStringLiteral("\u2014"),
                                 ratio(row.tokensPerRequest()), price(row.costPerRequest(), currency),
                                 price(row.blendedCostPerMillion(), currency)});
    }
    canvas.drawTable(features);
}

} // namespace Report
