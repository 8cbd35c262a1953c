#pragma once

#include "domain/money.h"
#include "fetchresult.h"

#include <QByteArray>
#include <QString>

#include <cmath>
#include <string>
#include <vector>

namespace Conn {

/// One row of a Cost Management Query response, columns mapped by name (never by position).
struct AzureCostRow {
    std::int64_t day = 0;          ///< UsageDate as days since 1970-01-01
    bool hasDay = false;           ///< false for granularity "None" (no UsageDate column)
    Cost::Money cost = 0;          ///< Cost / PreTaxCost, in `currency`
    bool hasCostUsd = false;
    Cost::Money costUsd = 0;       ///< CostUSD / PreTaxCostUSD
    double quantity = NAN;         ///< UsageQuantity when aggregated
    std::string currency;
    std::string meter, meterSubCategory, meterCategory, meterId, serviceName, serviceFamily;
    std::string resourceId, resourceGroup, resourceLocation, resourceType;
    std::string subscriptionId, subscriptionName, chargeType, publisherType, unitOfMeasure;
    std::string tagKey, tagValue;
    std::string extras;            ///< JSON object of the columns not mapped above (verbatim)
};

/// One page of a Query response.
struct AzureQueryPage {
    std::vector<AzureCostRow> rows;
    QString nextLink;   ///< empty on the last page
    int roundedCells = 0; ///< money cells with more than ten decimals (rounded half-to-even)
};

/// Parses one Query API response body (`{"properties": {"columns", "rows", "nextLink"}}`). Money
/// is read from the number's literal text (see parseJsonKeepingNumberText), never via double.
/// An empty body (HTTP 204) is an empty last page. False with *error naming row and column on
/// anything malformed; `out` is then unspecified.
bool parseAzureQueryPage(const QByteArray &body, AzureQueryPage &out, QString *error);

/// Who the rows belong to, for the records made from them.
struct AzureRecordContext {
    QString billingAccount; ///< the scope's subscription / billing account id
    QString scopeName;      ///< display name of the account (optional)
};

/// Appends one Cost::Record per row to `result` (provider "Microsoft", daily charge period, model
/// and token kind from the meter, raw meter kept as SkuMeter). Rows without a day are skipped
/// and counted in the return value's complement: returns the number of records added.
std::size_t appendAzureRecords(const std::vector<AzureCostRow> &rows, const AzureRecordContext &context, FetchResult &result);

} // namespace Conn
