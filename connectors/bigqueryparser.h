#pragma once

#include "domain/money.h"
#include "fetchresult.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace Conn {

/// One page of a BigQuery `jobs.query` (bigquery#queryResponse) or `jobs.getQueryResults`
/// (bigquery#getQueryResultsResponse) answer. Cells are the `v` strings (BigQuery sends every
/// scalar as a string); nested RECORD / REPEATED cells are kept as compact JSON text.
struct BigQueryPage {
    QStringList fields;                                   ///< schema field names, in row order
    std::vector<std::vector<std::optional<std::string>>> rows; ///< nullopt = SQL NULL
    bool jobComplete = false;
    QString pageToken;   ///< empty on the last page
    QString projectId, jobId, location; ///< jobReference
    qint64 totalRows = -1;
};

/// Parses a jobs.query / getQueryResults body. An incomplete job (jobComplete false) has no
/// schema and no rows: that is not an error. False with *error on malformed JSON, a missing
/// schema on a complete job, a row whose width differs from the schema, or an `errors` array.
bool parseBigQueryPage(const QByteArray &body, BigQueryPage &out, QString *error);

/// One row of the billing query (see gcpquery in gcpconnector.cpp), fields mapped by alias.
struct GcpCostRow {
    std::int64_t day = 0;
    std::string service, serviceId, sku, skuId, projectId, projectName, region, billingAccountId;
    std::string pricingUnit, currency, chargeCategory, labels;
    double quantity = NAN;
    Cost::Money cost = 0;
    std::optional<Cost::Money> credits, effectiveCost, listCost;
};

/// Maps a page of the billing query to rows. Required aliases: day, cost, currency. Money
/// columns are NUMERIC/FLOAT text parsed exactly. False with *error naming row and field.
bool parseGcpCostRows(const BigQueryPage &page, std::vector<GcpCostRow> &out, QString *error);

/// Appends records: one per row (provider "Google Cloud"), plus one "Credit" record per row
/// with non-zero credits (so billed totals are net of credits, each part exact). Vertex AI SKUs
/// are decoded into model and token kind. Returns the number of records added.
std::size_t appendGcpRecords(const std::vector<GcpCostRow> &rows, const QString &billingAccount, FetchResult &result);

} // namespace Conn
