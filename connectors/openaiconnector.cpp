#include "openaiconnector.h"

#include "openaiparser.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

namespace Conn {

namespace {

const QString kHelpUrl = QStringLiteral("https://platform.openai.com/settings/organization/admin-keys");
const QString kGroupDefault = QStringLiteral("model+project");
const QString kGroupWithKey = QStringLiteral("model+project+api_key");

OpenAiRecordContext contextOf(const AccountConfig &config)
{
    return OpenAiRecordContext{config.option(QStringLiteral("organization"), config.name)};
}

// Arrays go as repeated keys (group_by=model&group_by=project_id), as OpenAI's cookbook sends them.
QUrlQuery windowQuery(const AccountConfig &config, const DateWindow &window, int maxLimit, const QStringList &groups)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("start_time"), QString::number(window.fromEpoch()));
    q.addQueryItem(QStringLiteral("end_time"), QString::number(window.toEpoch()));
    q.addQueryItem(QStringLiteral("bucket_width"), QStringLiteral("1d"));
    q.addQueryItem(QStringLiteral("limit"), QString::number(AdminReportConnector::pageLimit(window, maxLimit)));
    for (const QString &p : AdminReportConnector::listOption(config, QStringLiteral("projects")))
        q.addQueryItem(QStringLiteral("project_ids"), p);
    for (const QString &g : groups)
        q.addQueryItem(QStringLiteral("group_by"), g);
    return q;
}

} // namespace

ConnectorDescriptor OpenAiConnector::makeDescriptor()
{
    ConnectorDescriptor c = describe(QStringLiteral("openai"), tr("OpenAI"),
                                     tr("OpenAI API usage (tokens by model, project and batch) and billed costs, through the "
                                        "organization's Admin API."));
    c.credentials.push_back(secretField("api_key", tr("Admin key"),
                                        tr("An organization admin key; it is stored in the system keychain only."),
                                        QStringLiteral("sk-admin-…")));
    c.options.push_back({QStringLiteral("organization"), tr("Organization"),
                         tr("Organization id or name used as the billing account (default: the account name)."),
                         QString(), {}});
    c.options.push_back({QStringLiteral("projects"), tr("Projects to include"),
                         tr("Project ids (proj_…), comma separated; empty includes every project."), QString(), {}});
    c.options.push_back({QStringLiteral("group_by"), tr("Group usage by"),
                         tr("model+project keeps the store small; add api_key to see spend per API key."),
                         kGroupDefault, {kGroupDefault, kGroupWithKey}});
    c.options.push_back({QStringLiteral("history_days"), tr("How far back (days)"),
                         tr("Days of history the first sync fetches."), QStringLiteral("90"), {}});
    c.helpUrl = kHelpUrl;
    c.permissionsHelp = tr("Needs an organization admin key (sk-admin-…), created by an organization Owner under "
                           "Settings → Organization → Admin keys. Project keys (sk-proj-…) and user keys cannot "
                           "read usage or costs.");
    c.defaultBaseUrl = QStringLiteral("https://api.openai.com");
    c.sdkVersionPath = QStringLiteral("/v1");
    c.setDays(3, 7, 90);
    return c;
}

QList<QPair<QByteArray, QByteArray>> OpenAiConnector::authHeaders(const QString &secret) const
{
    return {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + secret.toUtf8()}};
}

QList<AdminReportConnector::Report> OpenAiConnector::windowReports(const AccountConfig &config, const DateWindow &window,
                                                                   QString *error) const
{
    const QString groupBy = config.option(QStringLiteral("group_by"), kGroupDefault);
    if (groupBy != kGroupDefault && groupBy != kGroupWithKey) {
        *error = tr("Option group_by is \"%1\"; use %2 or %3.").arg(groupBy, kGroupDefault, kGroupWithKey);
        return {};
    }
    const OpenAiRecordContext context = contextOf(config);

    QStringList usageGroups{QStringLiteral("model"), QStringLiteral("project_id"), QStringLiteral("batch")};
    if (groupBy == kGroupWithKey)
        usageGroups << QStringLiteral("api_key_id");
    Report usage{.label = tr("usage"), .path = QStringLiteral("/v1/organization/usage/completions"),
                 .query = windowQuery(config, window, 31, usageGroups),
                 .parse = reportParser<OpenAiUsageRow>(parseOpenAiUsagePage, [context](auto &rows, FetchResult &result) {
                     appendOpenAiUsageRecords(rows, context, result);
                 })};

    Report costs{.label = tr("costs"), .path = QStringLiteral("/v1/organization/costs"),
                 .query = windowQuery(config, window, 180, {QStringLiteral("line_item"), QStringLiteral("project_id")}),
                 .parse = reportParser<OpenAiCostRow>(parseOpenAiCostPage, [context](auto &rows, FetchResult &result) {
                     appendOpenAiCostRecords(rows, context, result);
                 })};
    return {usage, costs};
}

AdminReportConnector::AdminKey OpenAiConnector::adminKey() const
{
    return {.keyPrefix = QStringLiteral("sk-"),
            .adminPrefix = QStringLiteral("sk-admin-"),
            .missing = tr("Enter the OpenAI admin key (sk-admin-…)."),
            .wrongKind = tr("This is a project or user API key. Usage and costs can only be read with an organization admin key "
                            "(sk-admin-…): create one at %1.").arg(kHelpUrl),
            .authHint = tr("Use an organization admin key (sk-admin-…) from %1.").arg(kHelpUrl)};
}

} // namespace Conn
