#include "report/simulationsection.h"

#include "format/format.h"
#include "format/palette.h"
#include "pricing/pricecatalog.h"
#include "pricing/pricestore.h"
#include "pricing/simulationusage.h"
#include "report/reportcanvas.h"
#include "simulation/endpointsteps.h"
#include "simulation/scenariostore.h"

#include <QCoreApplication>

#include <cmath>
#include <memory>

namespace Report {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Report::SimulationSection", text); }

QString percentText(double v) { return std::isnan(v) ? QStringLiteral("\u2014") : Format::signedPercent(v); }

} // namespace

QString SimulationSection::title() const { return tr("Prices and what-if scenarios"); }

bool SimulationSection::prepare(Cost::SqliteDb &db, const ReportData &data, std::string &error)
{
    auto catalog = std::make_shared<Pricing::PriceCatalog>();
    if (!Pricing::loadCatalog(db, *catalog, error))
        return false;
    auto usage = std::make_shared<Simulation::UsageSnapshot>();
    Simulation::UsageQuery query;
    query.fromDay = data.request.fromDay;
    query.toDay = data.request.toDay;
    query.filters = data.request.filters;
    if (!Simulation::loadUsage(db, query, *usage, error))
        return false;
    Simulation::EndpointInputs endpoints;
    if (!Simulation::loadEndpointInputs(db, *catalog, *usage, endpoints, error))
        return false;
    const Simulation::PricedUsage priced(usage, catalog);
    m_estimate = Simulation::estimateVsBilled(priced);
    std::vector<Simulation::Scenario> scenarios;
    if (!Simulation::loadScenarios(db, scenarios, error))
        return false;
    m_scenarios.clear();
    for (const auto &s : scenarios)
        m_scenarios.push_back(Simulation::evaluate(priced, s, nullptr, &endpoints));
    return true;
}

bool SimulationSection::hasContent(const ReportData &) const { return !m_estimate.rows.empty() || !m_scenarios.empty(); }

void SimulationSection::render(ReportCanvas &canvas) const
{
    const QString currency = canvas.data().currency;
    const auto &e = m_estimate;
    canvas.paragraph(tr("Token charges billed %1; the price catalog estimates %2 for the same usage, a gap of %3 (%4). "
                        "Charges that are not token charges (%5) are not re-priced.")
                         .arg(Format::money(e.billed, currency, Format::Precision::Cents), Format::money(e.estimated, currency, Format::Precision::Cents),
                              Format::signedMoney(e.gap(), currency, Format::Precision::Cents),
                              percentText(e.estimated == 0 ? std::nan("")
                                                           : Cost::toDouble(e.gap()) / Cost::toDouble(e.estimated) * 100.0),
                              Format::money(e.otherBilled, currency, Format::Precision::Cents)));
    if (!e.unpriced.empty())
        canvas.paragraph(tr("UNPRICED: %1 model/token kinds have no catalog price; %2 billed for them is left out of the "
                            "estimate and of every scenario (never counted as zero). Add their prices with "
                            "“burnrate prices import”.")
                             .arg(e.unpriced.size())
                             .arg(Format::money(e.unpricedBilled, currency, Format::Precision::Cents)),
                         ReportCanvas::FontRole::Body, Palette::light().colour(Palette::Role::Negative));

    canvas.heading(tr("Estimated vs billed, by model"), canvas.pt(60));
    canvas.paragraph(tr("Green: the bill matches the catalog; orange: it differs by more than 0.5% (a price change, a "
                        "discount or a billing mistake); red: no price in the catalog."),
                     ReportCanvas::FontRole::Small);
    ReportTable table;
    table.headers = {tr("Provider"), tr("Model"), tr("Tier"), tr("Billed"), tr("Estimated"), tr("Gap"), tr("Gap %")};
    table.weights = {1.4, 2.6, 0.9, 1.5, 1.5, 1.4, 1.0};
    table.numeric = {false, false, false, true, true, true, true};
    for (const auto &row : e.rows) {
        table.rows.push_back({QString::fromStdString(row.provider), QString::fromStdString(row.model),
                              QString::fromLatin1(Pricing::tierName(row.tier)), Format::money(row.billed, currency, Format::Precision::Cents),
                              row.unpriced ? tr("UNPRICED") : Format::money(row.estimated, currency, Format::Precision::Cents),
                              row.unpriced ? QStringLiteral("\u2014") : Format::money(row.gap(), currency, Format::Precision::Cents),
                              row.unpriced ? QStringLiteral("\u2014") : percentText(row.gapPercent())});
        table.swatches.push_back(row.unpriced ? Palette::light().colour(Palette::Role::Negative)
                                 : row.mismatch ? Palette::light().colour(Palette::Role::Caution)
                                                : Palette::light().colour(Palette::Role::Positive));
    }
    canvas.drawTable(table);

    if (m_scenarios.empty()) {
        canvas.paragraph(tr("No saved scenarios (burnrate simulate --scenario FILE.json --save)."));
        return;
    }
    canvas.heading(tr("Saved scenarios over this range"), canvas.pt(60));
    ReportTable st;
    st.headers = {tr("Scenario"), tr("Baseline"), tr("Scenario cost"), tr("Savings"), tr("Range"), tr("Per month")};
    st.weights = {2.6, 1.4, 1.4, 1.4, 2.4, 1.4};
    st.numeric = {false, true, true, true, true, true};
    for (const auto &r : m_scenarios)
        st.rows.push_back({QString::fromStdString(r.name), Format::money(r.baseline, currency, Format::Precision::Cents),
                           Format::money(r.scenario, currency, Format::Precision::Cents), Format::money(r.savings, currency, Format::Precision::Cents),
                           Format::moneyRange(r.savingsLow, r.savingsHigh, currency, Format::Precision::Cents),
                           Format::money(r.monthly, currency, Format::Precision::Cents)});
    canvas.drawTable(st);
}

void registerSimulationSection()
{
    registerSection("simulations", kOrderSimulations, [] { return std::make_unique<SimulationSection>(); });
}

} // namespace Report
