// OpenAI usage and costs pages (the organization usage API): every body either parses into rows
// that become records, or fails with an error. The same bytes go through both page parsers.
#include "openaiparser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const Conn::OpenAiRecordContext context{QStringLiteral("org-fuzz")};
    QString error;
    Conn::OpenAiUsagePage usage;
    if (Conn::parseOpenAiUsagePage(body, usage, &error)) {
        Conn::FetchResult result;
        (void)Conn::appendOpenAiUsageRecords(usage.rows, context, result);
    } else if (error.isEmpty()) {
        std::abort();
    }
    error.clear();
    Conn::OpenAiCostPage costs;
    if (Conn::parseOpenAiCostPage(body, costs, &error)) {
        Conn::FetchResult result;
        (void)Conn::appendOpenAiCostRecords(costs.rows, context, result);
        for (const Conn::OpenAiCostRow &row : costs.rows)
            (void)Conn::openAiLineItem(row.lineItem);
    } else if (error.isEmpty()) {
        std::abort();
    }
    return 0;
}
