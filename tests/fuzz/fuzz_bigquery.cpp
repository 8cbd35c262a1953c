// BigQuery jobs.query / getQueryResults pages of the GCP billing export query: every body either
// parses into billing rows that become records, or fails with an error.
#include "bigqueryparser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    Conn::BigQueryPage page;
    QString error;
    if (!Conn::parseBigQueryPage(body, page, &error)) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    std::vector<Conn::GcpCostRow> rows;
    if (!Conn::parseGcpCostRows(page, rows, &error))
        return 0;
    Conn::FetchResult result;
    (void)Conn::appendGcpRecords(rows, QStringLiteral("012345-6789AB-CDEF01"), result);
    return 0;
}
