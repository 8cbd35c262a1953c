#include "anthropicconnector.h"

#include "anthropicparser.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace Conn {

namespace {

const QString kHelpUrl = QStringLiteral("https://console.anthropic.com/settings/admin-keys");
const QString kGroupDefault = QStringLiteral("model+workspace");
const QString kGroupWithKey = QStringLiteral("model+workspace+api_key");
const QString kDefaultWorkspace = QStringLiteral("default");

// "2025-06-01T00:00:00Z", the form Anthropic's documentation uses.
QString rfc3339(const QDate &day) { return day.toString(Qt::ISODate) + QStringLiteral("T00:00:00Z"); }

// Arrays go in the documented `group_by[]=model` form.
QUrlQuery windowQuery(const DateWindow &window, const QStringList &groups)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("starting_at"), rfc3339(window.from));
    q.addQueryItem(QStringLiteral("ending_at"), rfc3339(window.to));
    q.addQueryItem(QStringLiteral("bucket_width"), QStringLiteral("1d"));
    q.addQueryItem(QStringLiteral("limit"), QString::number(AdminReportConnector::pageLimit(window, 31)));
    for (const QString &g : groups)
        q.addQueryItem(QStringLiteral("group_by[]"), g);
    return q;
}

// Workspace filter: cost_report has no workspace parameter, and the default workspace has no id,
// so rows are filtered here (usage is also narrowed server-side when only real ids are listed).
template<typename Row>
void keepWorkspaces(std::vector<Row> &rows, const QSet<QString> &workspaces)
{
    if (workspaces.isEmpty())
        return;
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [&workspaces](const Row &r) {
                                  const QString id = r.workspaceId.empty() ? kDefaultWorkspace
                                                                           : QString::fromStdString(r.workspaceId);
                                  return !workspaces.contains(id);
                              }),
               rows.end());
}

} // namespace

ConnectorDescriptor AnthropicConnector::makeDescriptor()
{
    ConnectorDescriptor c = describe(QStringLiteral("anthropic"), tr("Anthropic"),
                                     tr("Claude API usage (uncached input, cache writes and reads, output tokens by model and "
                                        "workspace) and costs, through the organization's Admin API."));
    c.credentials.push_back(secretField("api_key", tr("Admin API key"),
                                        tr("An Admin API key of the organization; it is stored in the system keychain only."),
                                        QStringLiteral("sk-ant-admin01-…")));
    c.options.push_back({QStringLiteral("organization"), tr("Organization"),
                         tr("Organization id or name used as the billing account (default: the account name)."),
                         QString(), {}});
    c.options.push_back({QStringLiteral("workspaces"), tr("Workspaces to include"),
                         tr("Workspace ids (wrkspc_…), comma separated, \"default\" for the default workspace; "
                            "empty includes every workspace."),
                         QString(), {}});
    c.options.push_back({QStringLiteral("group_by"), tr("Group usage by"),
                         tr("model+workspace keeps the store small; add api_key to see usage per API key."),
                         kGroupDefault, {kGroupDefault, kGroupWithKey}});
    c.options.push_back({QStringLiteral("history_days"), tr("How far back (days)"),
                         tr("Days of history the first sync fetches."), QStringLiteral("90"), {}});
    c.helpUrl = kHelpUrl;
    c.permissionsHelp = tr("Needs an Admin API key (sk-ant-admin…), which organization admins create in the Claude "
                           "Console under Settings → Admin keys. Ordinary API keys (sk-ant-api…) cannot read "
                           "usage or costs, and individual accounts have no Admin API.");
    c.defaultBaseUrl = QStringLiteral("https://api.anthropic.com");
    c.sdkVersionPath = QStringLiteral("/v1");
    c.setDays(3, 7, 90);
    return c;
}

QList<QPair<QByteArray, QByteArray>> AnthropicConnector::authHeaders(const QString &secret) const
{
    return {{QByteArrayLiteral("x-api-key"), secret.toUtf8()},
            {QByteArrayLiteral("anthropic-version"), QByteArray(kApiVersion)}};
}

QList<AdminReportConnector::Report> AnthropicConnector::windowReports(const AccountConfig &config,
                                                                      const DateWindow &window, QString *error) const
{
    const QString groupBy = config.option(QStringLiteral("group_by"), kGroupDefault);
    if (groupBy != kGroupDefault && groupBy != kGroupWithKey) {
        *error = tr("Option group_by is \"%1\"; use %2 or %3.").arg(groupBy, kGroupDefault, kGroupWithKey);
        return {};
    }
    const AnthropicRecordContext context{config.option(QStringLiteral("organization"), config.name)};
    const QStringList workspaceList = listOption(config, QStringLiteral("workspaces"));
    const QSet<QString> workspaces(workspaceList.begin(), workspaceList.end());

    QStringList usageGroups{QStringLiteral("model"), QStringLiteral("workspace_id")};
    if (groupBy == kGroupWithKey)
        usageGroups << QStringLiteral("api_key_id");
    Report usage{.label = tr("usage"), .path = QStringLiteral("/v1/organizations/usage_report/messages"),
                 .query = windowQuery(window, usageGroups),
                 .parse = reportParser<AnthropicUsageRow>(parseAnthropicUsagePage, [context, workspaces](auto &rows, FetchResult &result) {
                     keepWorkspaces(rows, workspaces);
                     appendAnthropicUsageRecords(rows, context, result);
                 })};
    if (!workspaces.contains(kDefaultWorkspace))
        for (const QString &w : workspaceList)
            usage.query.addQueryItem(QStringLiteral("workspace_ids[]"), w);

    Report costs{.label = tr("costs"), .path = QStringLiteral("/v1/organizations/cost_report"),
                 .query = windowQuery(window, {QStringLiteral("workspace_id"), QStringLiteral("description")}),
                 .parse = reportParser<AnthropicCostRow>(parseAnthropicCostPage, [context, workspaces](auto &rows, FetchResult &result) {
                     keepWorkspaces(rows, workspaces);
                     appendAnthropicCostRecords(rows, context, result);
                 })};
    return {usage, costs};
}

AdminReportConnector::AdminKey AnthropicConnector::adminKey() const
{
    return {.keyPrefix = QStringLiteral("sk-ant-"),
            .adminPrefix = QStringLiteral("sk-ant-admin"),
            .missing = tr("Enter the Anthropic Admin API key (sk-ant-admin…)."),
            .wrongKind = tr("This is an ordinary API key. Usage and costs can only be read with an Admin API key "
                            "(sk-ant-admin…): an organization admin creates one at %1.").arg(kHelpUrl),
            .authHint = tr("Use an Admin API key (sk-ant-admin…) from %1.").arg(kHelpUrl)};
}

} // namespace Conn
