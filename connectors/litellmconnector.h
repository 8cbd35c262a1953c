#pragma once

#include "adminreportconnector.h"
#include "describedconnector.h"

namespace Conn {

/// "litellm": the request logs of a LiteLLM proxy, as application telemetry (not charges: LiteLLM's
/// `spend` is its own list-price estimate). Each window is one
/// `GET {base}/spend/logs?summarize=false&start_date=FROM&end_date=TO` (TO the day after the
/// window: calls outside the window are dropped), following `page` while a paged answer has
/// `page < total_pages`. Rows go through Telemetry::parseLiteLlmSpendLogs into FetchResult::usage.
/// Auth: `Authorization: Bearer <master or admin key>`. Option: "history_days".
class LiteLlmConnector : public DescribedConnector<LiteLlmConnector, AdminReportConnector> {
    Q_OBJECT
public:
    using DescribedConnector::DescribedConnector;
    /// Built once by staticDescriptor().
    static ConnectorDescriptor makeDescriptor();

protected:
    QList<QPair<QByteArray, QByteArray>> authHeaders(const QString &secret) const override;
    QList<Report> windowReports(const AccountConfig &config, const DateWindow &window, QString *error) const override;
    AdminKey adminKey() const override;
};

} // namespace Conn
