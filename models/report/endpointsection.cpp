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

    // Eleven columns do not fit a portrait page (a number's header stays on one line): what the
    // endpoint is, what it cost, and how it compares with the API, each with the endpoint's name.
    const QStringList headers = Endpoints::columnHeaders();
    const std::vector<std::vector<int>> parts = {
        {Endpoints::kColEndpoint, Endpoints::kColProvider, Endpoints::kColInstance, Endpoints::kColAccelerator},
        {Endpoints::kColEndpoint, Endpoints::kColHours, Endpoints::kColCost, Endpoints::kColUtilisation, Endpoints::kColIdleCost},
        {Endpoints::kColEndpoint, Endpoints::kColPer1kRequests, Endpoints::kColApiEquivalent, Endpoints::kColBreakEven}};
    const std::vector<std::vector<double>> weights = {{2.0, 1.4, 2.0, 2.0}, {1, 1, 1, 1, 1}, {1, 1, 1, 1}};
    for (std::size_t p = 0; p < parts.size(); ++p) {
        ReportTable table;
        table.weights = weights[p];
        for (const int col : parts[p]) {
            table.headers << headers[col];
            table.numeric.push_back(Endpoints::isNumericColumn(col));
        }
        for (const Endpoints::EndpointStats &s : m_endpoints) {
            const QStringList cells = Endpoints::rowCells(s);
            QStringList row;
            for (const int col : parts[p])
                row << cells[col];
            table.rows.push_back(row);
        }
        canvas.drawTable(table);
    }

    canvas.heading(tr("Compared with the pay-per-token API"), canvas.pt(40));
    for (const Endpoints::EndpointStats &s : m_endpoints)
        canvas.paragraph(Endpoints::describe(s) + QLatin1Char(' ') + Endpoints::apiComparisonText(s), ReportCanvas::FontRole::Small);
}

void registerEndpointSection()
{
    registerSection("endpoints", kOrderEndpoints, [] { return std::make_unique<EndpointSection>(); });
}

} // namespace Report
