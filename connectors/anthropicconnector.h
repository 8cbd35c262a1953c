#pragma once

#include "adminreportconnector.h"
#include "describedconnector.h"

namespace Conn {

/// "anthropic": the Anthropic Admin API. Each window fetches
/// `/v1/organizations/usage_report/messages` (tokens by model and workspace, optionally API key)
/// and `/v1/organizations/cost_report` (amounts in cents by workspace and description), following
/// `page` / `next_page` / `has_more`. Auth: `x-api-key: <admin key>` + `anthropic-version`.
/// Options: "organization" (billing-account label, default the account name), "workspaces"
/// (workspace ids to include, "default" = the default workspace; empty = all), "group_by"
/// ("model+workspace" or "model+workspace+api_key"), "history_days".
class AnthropicConnector : public DescribedConnector<AnthropicConnector, AdminReportConnector> {
    Q_OBJECT
public:
    using DescribedConnector::DescribedConnector;
    /// Built once by staticDescriptor().
    static ConnectorDescriptor makeDescriptor();

    /// The API version sent in the anthropic-version header.
    static constexpr const char *kApiVersion = "2023-06-01";

protected:
    QList<QPair<QByteArray, QByteArray>> authHeaders(const QString &secret) const override;
    QList<Report> windowReports(const AccountConfig &config, const DateWindow &window, QString *error) const override;
    AdminKey adminKey() const override;
};

} // namespace Conn
