// Anthropic usage_report and cost_report pages (the Admin API): every body either parses into rows
// that become records, or fails with an error. The same bytes go through both page parsers.
#include "anthropicparser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const Conn::AnthropicRecordContext context{QStringLiteral("org-fuzz")};
    QString error;
    Conn::AnthropicUsagePage usage;
    if (Conn::parseAnthropicUsagePage(body, usage, &error)) {
        Conn::FetchResult result;
        (void)Conn::appendAnthropicUsageRecords(usage.rows, context, result);
    } else if (error.isEmpty()) {
        std::abort();
    }
    error.clear();
    Conn::AnthropicCostPage costs;
    if (Conn::parseAnthropicCostPage(body, costs, &error)) {
        Conn::FetchResult result;
        (void)Conn::appendAnthropicCostRecords(costs.rows, context, result);
        for (const Conn::AnthropicCostRow &row : costs.rows)
            (void)Conn::anthropicTokenKind(row.tokenType);
    } else if (error.isEmpty()) {
        std::abort();
    }
    return 0;
}
