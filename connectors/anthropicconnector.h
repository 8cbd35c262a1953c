#pragma once

#include "adminreportconnector.h"
#include "connectorregistry.h"

namespace Conn {

/// "anthropic": the Anthropic Admin API. Each window fetches
/// `/v1/organizations/usage_report/messages` (tokens by model and workspace, optionally API key)
/// and `/v1/organizations/cost_report` (amounts in cents by workspace and description), following
/// `page` / `next_page` / `has_more`. Auth: `x-api-key: <admin key>` + `anthropic-version`.
/// Options: "organization" (billing-account label, default the account name), "workspaces"
/// (workspace ids to include, "default" = the default workspace; empty = all), "group_by"
/// ("model+workspace" or "model+workspace+api_key"), "history_days".
class AnthropicConnector : public AdminReportConnector {
    Q_OBJECT
public:
    explicit AnthropicConnector(QObject *parent = nullptr) : AdminReportConnector(parent) {}
    static const ConnectorDescriptor &staticDescriptor();
    const ConnectorDescriptor &descriptor() const override { return staticDescriptor(); }

    /// The API version sent in the anthropic-version header.
    static constexpr const char *kApiVersion = "2023-06-01";

protected:
    QList<QPair<QByteArray, QByteArray>> authHeaders(const QString &secret) const override;
    QList<Report> windowReports(const AccountConfig &config, const DateWindow &window, QString *error) const override;
    QString checkSecret(const QString &secret) const override;
    QString authHint() const override;
};

/// The registry entry of the Anthropic connector.
ConnectorEntry anthropicConnectorEntry();

} // namespace Conn
