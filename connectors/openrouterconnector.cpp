#include "openrouterconnector.h"

#include "openrouterparser.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Conn {

namespace {

const QString kHelpUrl = QStringLiteral("https://openrouter.ai/settings/provisioning-keys");
const QString kPath = QStringLiteral("/api/v1/activity");

} // namespace

ConnectorDescriptor OpenRouterConnector::makeDescriptor()
{
    ConnectorDescriptor c = describe(QStringLiteral("openrouter"), tr("OpenRouter"),
                                     tr("OpenRouter usage per day, model and serving provider (prompt, completion and "
                                        "reasoning tokens, requests, cost in USD), through the activity API."));
    c.credentials.push_back(secretField("api_key", tr("Management key"),
                                        tr("A management (provisioning) key; it is stored in the system keychain only."),
                                        QStringLiteral("sk-or-v1-…")));
    c.options.push_back({QStringLiteral("account"), tr("Account"),
                         tr("Name used as the billing account (default: the account name)."), QString(), {}});
    c.options.push_back({QStringLiteral("api_key_hash"), tr("Only this API key"),
                         tr("The hash of one API key to read only its usage; empty reads the whole account."), QString(), {}});
    c.options.push_back({QStringLiteral("history_days"), tr("How far back (days)"),
                         tr("Days of history the first sync fetches; OpenRouter keeps the last 30."), QStringLiteral("30"), {}});
    c.helpUrl = kHelpUrl;
    c.permissionsHelp = tr("Needs a management key (also called a provisioning key), created under Settings → "
                           "Management keys. Ordinary API keys used for requests cannot read activity.");
    c.defaultBaseUrl = QStringLiteral("https://openrouter.ai");
    c.sdkVersionPath = QStringLiteral("/api/v1"); // SDKs are given "https://openrouter.ai/api/v1"
    // The activity of a day is final once the day is over; yesterday is re-read once. The API
    // serves the last 30 days only: an account left unsynced longer resumes there (older days keep
    // what was stored).
    c.setDays(1, 7, 30, 30);
    return c;
}

QList<QPair<QByteArray, QByteArray>> OpenRouterConnector::authHeaders(const QString &secret) const
{
    return {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + secret.toUtf8()}};
}

QList<AdminReportConnector::Report> OpenRouterConnector::windowReports(const AccountConfig &config, const DateWindow &window,
                                                                       QString *) const
{
    const OpenRouterRecordContext context{config.option(QStringLiteral("account"), config.name)};
    const QString keyHash = config.option(QStringLiteral("api_key_hash")).trimmed();
    const auto report = [&](const QDate &day) {
        Report r{.label = tr("activity"), .path = kPath, .query = {},
                 .parse = reportParser<OpenRouterActivityRow>(parseOpenRouterActivity, [context](auto &rows, FetchResult &result) {
                     appendOpenRouterRecords(rows, context, result);
                 })};
        if (day.isValid())
            r.query.addQueryItem(QStringLiteral("date"), day.toString(Qt::ISODate));
        if (!keyHash.isEmpty())
            r.query.addQueryItem(QStringLiteral("api_key_hash"), keyHash);
        return r;
    };
    // Only completed UTC days have activity; the API answers nothing for the current one.
    const QDate today = QDateTime::currentDateTimeUtc().date();
    QList<Report> reports;
    for (QDate day = window.from; day < window.to && day < today; day = day.addDays(1))
        reports.push_back(report(day));
    // A window of today alone: one undated request (the last 30 days), whose rows all fall
    // outside the window and are dropped — the window is then complete and empty.
    if (reports.isEmpty())
        reports.push_back(report(QDate()));
    return reports;
}

AdminReportConnector::AdminKey OpenRouterConnector::adminKey() const
{
    // Management and inference keys share the "sk-or-" prefix: only the server can tell them apart.
    return {.keyPrefix = QStringLiteral("sk-or-"),
            .adminPrefix = QStringLiteral("sk-or-"),
            .missing = tr("Enter the OpenRouter management key."),
            .wrongKind = QString(),
            .authHint = tr("Use a management key from %1; ordinary API keys cannot read activity.").arg(kHelpUrl)};
}

} // namespace Conn
