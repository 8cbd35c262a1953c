#include "litellmconnector.h"

#include "gatewaypages.h"

#include <QCoreApplication>

namespace Conn {

namespace {

const QString kHelpUrl = QStringLiteral("https://docs.litellm.ai/docs/proxy/cost_tracking");

} // namespace

ConnectorDescriptor LiteLlmConnector::makeDescriptor()
{
    ConnectorDescriptor c = describe(QStringLiteral("litellm"), tr("LiteLLM proxy"),
                                     tr("Application telemetry from a LiteLLM proxy's spend logs: model, tokens, feature, "
                                        "team and user of every call, matched with the bills of the same days."));
    c.credentials.push_back(secretField("api_key", tr("Master or admin key"),
                                        tr("The proxy's master key or an admin key that can read spend logs; it is "
                                           "stored in the system keychain only."),
                                        QStringLiteral("sk-…")));
    c.options.push_back({QStringLiteral("history_days"), tr("How far back (days)"),
                         tr("Days of spend logs the first sync reads."), QStringLiteral("30"), {}});
    c.helpUrl = kHelpUrl;
    c.permissionsHelp = tr("Needs the proxy's master key or an admin key: spend logs of all keys are an admin "
                           "endpoint. The proxy must store spend logs (a database is configured).");
    c.defaultBaseUrl = QStringLiteral("http://localhost:4000"); // the proxy's default address
    c.telemetry = true;
    // A call is logged once, when it ends: yesterday is read again for calls that ended after the
    // last sync; one day per request, as a busy proxy logs many calls a day.
    c.setDays(1, 1, 30);
    return c;
}

QList<QPair<QByteArray, QByteArray>> LiteLlmConnector::authHeaders(const QString &secret) const
{
    return {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + secret.toUtf8()}};
}

QList<AdminReportConnector::Report> LiteLlmConnector::windowReports(const AccountConfig &, const DateWindow &window,
                                                                    QString *) const
{
    Report r{.label = tr("spend logs"), .path = QStringLiteral("/spend/logs"), .query = {},
             .parse = [](const QByteArray &body, FetchResult &result, bool *hasMore, QString *next, QString *error) {
                 return GatewayPages::parseLiteLlm(body, result.usage, hasMore, next, error);
             }};
    r.query.addQueryItem(QStringLiteral("summarize"), QStringLiteral("false"));
    r.query.addQueryItem(QStringLiteral("start_date"), window.from.toString(Qt::ISODate));
    // The end date is the day after the window, so the window's last day is read whatever way the
    // proxy reads it (midnight or the whole day); what falls outside the window is dropped.
    r.query.addQueryItem(QStringLiteral("end_date"), window.to.toString(Qt::ISODate));
    return {r};
}

AdminReportConnector::AdminKey LiteLlmConnector::adminKey() const
{
    // Master, admin and virtual keys look alike ("sk-…"): only the proxy can tell them apart.
    return {.keyPrefix = QString(),
            .adminPrefix = QString(),
            .missing = tr("Enter the LiteLLM proxy's master or admin key."),
            .wrongKind = QString(),
            .authHint = tr("Use the proxy's master key or an admin key; virtual keys of users cannot read spend logs.")};
}

} // namespace Conn
