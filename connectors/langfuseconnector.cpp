#include "langfuseconnector.h"

#include "gatewaypages.h"

#include <QCoreApplication>

namespace Conn {

namespace {

const QString kHelpUrl = QStringLiteral("https://langfuse.com/faq/all/where-are-langfuse-api-keys");
const QString kPageSize = QStringLiteral("1000"); // the API's maximum

// Midnight UTC as Langfuse's examples write it ("2025-03-01T00:00:00Z"; Qt 6.4 would write "+00:00").
QString instant(const QDate &day)
{
    return day.toString(Qt::ISODate) + QStringLiteral("T00:00:00Z");
}

} // namespace

ConnectorDescriptor LangfuseConnector::makeDescriptor()
{
    ConnectorDescriptor c = describe(QStringLiteral("langfuse"), tr("Langfuse"),
                                     tr("Application telemetry from Langfuse: model, tokens, feature, team and user of "
                                        "every generation, matched with the bills of the same days."));
    c.credentials.push_back(secretField("public_key", tr("Public key"),
                                        tr("The project's public key; stored in the system keychain with the secret key."),
                                        QStringLiteral("pk-lf-…")));
    c.credentials.push_back(secretField("secret_key", tr("Secret key"),
                                        tr("The project's secret key; it is stored in the system keychain only."),
                                        QStringLiteral("sk-lf-…")));
    c.options.push_back({QStringLiteral("history_days"), tr("How far back (days)"),
                         tr("Days of generations the first sync reads."), QStringLiteral("30"), {}});
    c.helpUrl = kHelpUrl;
    c.permissionsHelp = tr("Needs a project's API key pair, created under the project's Settings → API Keys. For a "
                           "self-hosted Langfuse, enter its address (version 4 or later serves the observations API "
                           "Burnrate reads).");
    c.defaultBaseUrl = QStringLiteral("https://cloud.langfuse.com");
    c.telemetry = true;
    // Generations are written when they end and may arrive late from batching SDKs: the last
    // two days are read again (what is stored already is skipped by its id).
    c.setDays(2, 7, 30);
    return c;
}

bool LangfuseConnector::keyPair(const QString &secret, QString *publicKey, QString *secretKey)
{
    const QMap<QString, QString> fields = unpackSecret(secret.trimmed());
    if (fields.contains(QString())) { // "pk-lf-…:sk-lf-…", as HTTP Basic writes the pair
        const QString pair = fields.value(QString());
        const qsizetype colon = pair.indexOf(QLatin1Char(':'));
        *publicKey = colon < 0 ? QString() : pair.left(colon).trimmed();
        *secretKey = colon < 0 ? QString() : pair.mid(colon + 1).trimmed();
    } else {
        *publicKey = fields.value(QStringLiteral("public_key")).trimmed();
        *secretKey = fields.value(QStringLiteral("secret_key")).trimmed();
    }
    return !publicKey->isEmpty() && !secretKey->isEmpty();
}

QString LangfuseConnector::checkSecret(const QString &secret) const
{
    if (secret.isEmpty())
        return adminKey().missing;
    QString publicKey, secretKey;
    if (!keyPair(secret, &publicKey, &secretKey))
        return tr("Enter both keys of the Langfuse project: the public key (pk-lf-…) and the secret key (sk-lf-…).");
    return {};
}

QList<QPair<QByteArray, QByteArray>> LangfuseConnector::authHeaders(const QString &secret) const
{
    QString publicKey, secretKey;
    keyPair(secret, &publicKey, &secretKey);
    return {{QByteArrayLiteral("Authorization"),
             QByteArrayLiteral("Basic ") + (publicKey + QLatin1Char(':') + secretKey).toUtf8().toBase64()}};
}

QList<AdminReportConnector::Report> LangfuseConnector::windowReports(const AccountConfig &, const DateWindow &window,
                                                                     QString *) const
{
    Report r{.label = tr("generations"), .path = QStringLiteral("/api/public/v2/observations"), .query = {},
             .cursorParam = QStringLiteral("cursor"),
             .parse = [](const QByteArray &body, FetchResult &result, bool *hasMore, QString *next, QString *error) {
                 return GatewayPages::parseLangfuse(body, result.usage, hasMore, next, error);
             }};
    r.query.addQueryItem(QStringLiteral("type"), QStringLiteral("GENERATION"));
    r.query.addQueryItem(QStringLiteral("fromStartTime"), instant(window.from));
    r.query.addQueryItem(QStringLiteral("toStartTime"), instant(window.to));
    // Only the groups the parser reads: no input, output or prompt text is ever fetched.
    r.query.addQueryItem(QStringLiteral("fields"), QStringLiteral("core,basic,usage,model,metadata,metrics,trace_context"));
    r.query.addQueryItem(QStringLiteral("limit"), kPageSize);
    return {r};
}

AdminReportConnector::Report LangfuseConnector::testReport(const AccountConfig &config) const
{
    Report r = AdminReportConnector::testReport(config);
    r.query.removeAllQueryItems(QStringLiteral("limit"));
    r.query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    return r;
}

AdminReportConnector::AdminKey LangfuseConnector::adminKey() const
{
    return {.keyPrefix = QString(),
            .adminPrefix = QString(),
            .missing = tr("Enter the Langfuse project's public and secret key."),
            .wrongKind = QString(),
            .authHint = tr("Check the project's key pair (Settings → API Keys) and the host: keys of Langfuse Cloud "
                           "EU and US and of a self-hosted instance differ.")};
}

} // namespace Conn
