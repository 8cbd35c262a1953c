#pragma once

#include "adminreportconnector.h"
#include "describedconnector.h"

namespace Conn {

/// "openai": the OpenAI Admin API. Each window fetches `/v1/organization/usage/completions`
/// (tokens by model / project / batch, optionally API key) and `/v1/organization/costs` (billed
/// amounts by line item and project), following `page` / `next_page` / `has_more`.
/// Auth: `Authorization: Bearer <admin key>`. Options: "organization" (billing-account label,
/// default the account name), "projects" (project ids to include, empty = all), "group_by"
/// ("model+project" or "model+project+api_key"), "history_days".
class OpenAiConnector : public DescribedConnector<OpenAiConnector, AdminReportConnector> {
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
