#pragma once

#include "endpoints/endpointstats.h"

#include <QString>
#include <QStringList>

#include <vector>

/// The endpoint texts the Endpoints page and the report's "Self-hosted endpoints" section share:
/// the table's headers and cells, the summary and the pay-per-token comparison. Everything goes
/// through Format:: (money, hours, percentages, counts in the user's locale) and is translated
/// in the "Endpoints" context. Pure functions, safe on any thread.
namespace Endpoints {

/// The table's columns, in order.
enum Column {
    kColEndpoint, kColProvider, kColInstance, kColAccelerator, kColHours, kColCost, kColUtilisation, kColIdleCost,
    kColPer1kRequests, kColApiEquivalent, kColBreakEven, kColumnCount
};

/// The column headers, translated.
QStringList columnHeaders();
/// True for the columns holding numbers (right-aligned).
bool isNumericColumn(int column);
/// One endpoint's row; unknown figures (no requests, no price) are "—".
QStringList rowCells(const EndpointStats &s);
/// "Endpoint cost $X across N endpoints, of which $Y idle (Z%)" for the range's endpoints, in `currency`.
QString summaryText(const std::vector<EndpointStats> &endpoints, const QString &currency);
/// What the endpoint is and served: instance, accelerator, model, paid and busy hours, requests.
QString describe(const EndpointStats &s);
/// "The same tokens on the pay-per-token API: $X (N× cheaper); break-even at N requests per
/// month (now M)", or why there is no comparison.
QString apiComparisonText(const EndpointStats &s);
/// Where endpoint lines come from, for an empty page or report.
QString sourcesText();

} // namespace Endpoints
