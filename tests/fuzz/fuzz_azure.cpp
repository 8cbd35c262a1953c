// Azure Cost Management Query pages: every body either parses into rows that become records, or
// fails with an error.
#include "azureparser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    Conn::AzureQueryPage page;
    QString error;
    if (!Conn::parseAzureQueryPage(body, page, &error)) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    Conn::FetchResult result;
    const Conn::AzureRecordContext context{QStringLiteral("00000000-0000-0000-0000-000000000000"),
                                           QStringLiteral("Azure fuzz")};
    (void)Conn::appendAzureRecords(page.rows, context, result);
    return 0;
}
