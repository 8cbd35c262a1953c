#include "report/moverssection.h"

#include "format/format.h"
#include "format/palette.h"
#include "report/reportcanvas.h"
#include "report/reportchart.h"

#include <QCoreApplication>
#include <QPainter>

#include <algorithm>

namespace Report {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Report::MoversSection", text); }

struct Mover {
    QString dimension;
    QString key;
    Cost::BigMoney current = 0;
    Cost::BigMoney previous = 0;
    double percent = 0;
    Cost::BigMoney delta() const { return current - previous; }
};

const QColor kUp = Palette::light().colour(Palette::Role::Increase);
const QColor kDown = Palette::light().colour(Palette::Role::Series1);

} // namespace

QString MoversSection::title() const
{
    return tr("Top movers vs the previous period");
}

void MoversSection::render(ReportCanvas &canvas) const
{
    const ReportData &data = canvas.data();
    const QString currency = data.currency;
    std::vector<Mover> movers;
    const std::pair<QString, const Analytics::Breakdown *> dims[] = {
        {tr("Model"), &data.byModel}, {tr("Feature"), &data.byFeature}, {tr("Provider"), &data.byProvider}};
    for (const auto &[name, breakdown] : dims) {
        for (const Analytics::BreakdownRow &row : breakdown->rows) {
            if (row.cost == row.previousCost)
                continue;
            movers.push_back({name, row.key.empty() ? Format::noneLabel() : QString::fromStdString(row.key), row.cost,
                              row.previousCost, row.changePercent()});
        }
    }
    const auto absDelta = [](const Mover &m) { return m.delta() < 0 ? -m.delta() : m.delta(); };
    std::stable_sort(movers.begin(), movers.end(), [&](const Mover &a, const Mover &b) { return absDelta(a) > absDelta(b); });
    if (movers.size() > kMovers)
        movers.resize(kMovers);

    const std::int64_t days = data.request.toDay - data.request.fromDay + 1;
    canvas.paragraph(tr("Each value against the %1 days just before this range (%2). Increases are red, decreases green.")
                         .arg(days)
                         .arg(Format::dayRange(data.request.fromDay - days, data.request.fromDay - 1)));
    if (movers.empty()) {
        canvas.paragraph(tr("Nothing changed against the previous period."));
        return;
    }

    std::vector<ReportChart::Bar> bars;
    for (const Mover &m : movers) {
        bars.push_back({QStringLiteral("%1: %2").arg(m.dimension, m.key), Cost::toDouble(m.delta()),
                        Format::signedMoney(m.delta(), currency, Format::Precision::Cents), m.delta() > 0 ? kUp : kDown});
    }
    canvas.heading(tr("Change in cost"), canvas.pt(200));
    const QRectF block = canvas.takeBlock(canvas.pt(26) + canvas.pt(18) * static_cast<double>(bars.size()));
    ReportChart::drawHorizontalBars(*canvas.painter(), block, canvas.pt(1), bars, currency, tr("Change in %1").arg(currency));

    canvas.heading(tr("Details"), canvas.pt(60));
    ReportTable table;
    table.headers = {tr("Dimension"), tr("Value"), tr("Previous"), tr("This range"), tr("Change"), tr("Change %")};
    table.weights = {1.1, 2.6, 1.5, 1.5, 1.5, 1.0};
    table.numeric = {false, false, true, true, true, true};
    for (const Mover &m : movers) {
        table.rows.push_back({m.dimension, m.key, Format::money(m.previous, currency, Format::Precision::Cents), Format::money(m.current, currency, Format::Precision::Cents),
                              Format::signedMoney(m.delta(), currency, Format::Precision::Cents), Format::signedPercent(m.percent)});
    }
    canvas.drawTable(table);
}

} // namespace Report
