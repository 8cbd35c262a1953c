// AWS Cost Explorer GetCostAndUsage pages and AWS error bodies: every body either parses into
// records or fails with an error; parsed with the connector's two option sets (Bedrock only and
// grouped by a tag, all services).
#include "awscostexplorer.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    Conn::Aws::ParseOptions bedrock;
    bedrock.billingAccount = QStringLiteral("123456789012");
    bedrock.tagKey = QStringLiteral("feature");
    Conn::Aws::ParseOptions everything;
    everything.aiServicesOnly = false;
    everything.service = QStringLiteral("Amazon Bedrock");
    for (const Conn::Aws::ParseOptions *options : {&bedrock, &everything}) {
        Conn::FetchResult result;
        Conn::Aws::PageInfo page;
        QString error;
        if (!Conn::Aws::parseCostAndUsage(body, *options, result, &page, &error) && error.isEmpty())
            std::abort();
    }
    const Conn::Aws::AwsError awsError = Conn::Aws::parseAwsError(body);
    (void)Conn::Aws::isThrottling(awsError);
    (void)Conn::Aws::isAuthError(awsError);
    (void)Conn::Aws::regionFromUsageType(QString::fromUtf8(body));
    return 0;
}
