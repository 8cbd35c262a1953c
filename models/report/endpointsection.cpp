#include "report/endpointsection.h"

#include "endpoints/endpointtext.h"
#include "pricing/pricecatalog.h"
#include "pricing/pricestore.h"
#include "report/reportcanvas.h"

#include <QCoreApplication>

#include <memory>

namespace Report {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Report::EndpointSection", text); }

} // namespace

QString EndpointSection::title() const { return tr("Self-hosted endpoints"); }

bool EndpointSection::prepare(Cost::SqliteDb &db, const ReportData &data, std::string &error)
{
    Pricing::PriceCatalog catalog;
    return Pricing::loadCatalog(db, catalog, error)
        && Endpoints::endpointStats(db, catalog, data.request.fromDay, data.request.toDay, m_endpoints, error);
}

bool EndpointSection::hasContent(const ReportData &) const { return !m_endpoints.empty(); }

void EndpointSection::render(ReportCanvas &canvas) const
{
    const ReportData &data = canvas.data();
    const QString currency = m_endpoints.front().currency.empty() ? data.currency : QString::fromStdString(m_endpoints.front().currency);
    QString intro = Endpoints::summaryText(m_endpoints, currency) + QStringLiteral(". ")
        + tr("Utilisation is the share of the paid instance hours with at least one request in the telemetry of the model "
             "served; idle cost is the cost of the hours without one. The API equivalent prices the same tokens at the "
             "catalog's pay-per-token price; break-even is the monthly request volume at which both cost the same.");
    if (!data.request.filters.empty())
        intro += QLatin1Char(' ') + tr("The report's filters do not apply to this section.");
    canvas.paragraph(intro);

    ReportTable table;
    table.headers = Endpoints::columnHeaders();
    table.weights = {2.0, 1.2, 1.6, 1.5, 0.9, 1.3, 1.1, 1.2, 1.1, 1.2, 1.2};
    for (int col = 0; col < table.headers.size(); ++col)
        table.numeric.push_back(Endpoints::isNumericColumn(col));
    for (const Endpoints::EndpointStats &s : m_endpoints)
        table.rows.push_back(Endpoints::rowCells(s));
    canvas.drawTable(table);

    canvas.heading(tr("Compared with the pay-per-token API"), canvas.pt(40));
    for (const Endpoints::EndpointStats &s : m_endpoints)
        canvas.paragraph(Endpoints::describe(s) + QLatin1Char(' ') + Endpoints::apiComparisonText(s), ReportCanvas::FontRole::Small);
}

void registerEndpointSection()
{
    registerSection("endpoints", kOrderEndpoints, [] { return std::make_unique<EndpointSection>(); });
}

} // namespace Report
