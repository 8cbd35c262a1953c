#include "azureblobfocusconnector.h"

#include "azuretoken.h"

namespace Conn {

namespace {

const QString kLoginDefault = QStringLiteral("https://login.microsoftonline.com");
const QString kStorageScope = QStringLiteral("https://storage.azure.com/.default");
// A service version that accepts OAuth bearer tokens (2017-11-09 or later) and lists Etag and
// Content-Length (learn.microsoft.com/rest/api/storageservices/list-blobs).
const QByteArray kServiceVersion = "2021-08-06";

QString sasOf(const QMap<QString, QString> &packed)
{
    QString sas = packed.value(QStringLiteral("sas")).trimmed();
    if (const qsizetype q = sas.indexOf(QLatin1Char('?')); q >= 0)
        sas = sas.mid(q + 1); // a whole SAS URL was pasted
    return sas;
}

QUrl containerOf(const AccountConfig &config)
{
    QString url = config.option(QStringLiteral("container_url")).trimmed();
    if (const qsizetype q = url.indexOf(QLatin1Char('?')); q >= 0)
        url.truncate(q); // never keep a SAS in the options
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return QUrl(url);
}

} // namespace

AzureBlobFocusConnector::AzureBlobFocusConnector(QObject *parent)
    : DescribedConnector(parent)
    , m_tokens(new AzureTokenSource(http(), this))
{
}

ConnectorDescriptor AzureBlobFocusConnector::makeDescriptor()
{
    ConnectorDescriptor c = describe(QStringLiteral("azure-blob-focus"), tr("FOCUS export in Azure Blob Storage"),
                                     tr("The FOCUS cost export Azure Cost Management writes to a storage container: every "
                                        "run's manifest and parts, newer runs of a month replacing older ones."));
    const QString guid = QStringLiteral("00000000-0000-0000-0000-000000000000");
    c.credentials = {
        plainField("tenant_id", tr("Tenant id"), tr("Directory (tenant) id of the app registration; empty with a SAS."), guid),
        plainField("client_id", tr("Client id"), tr("Application (client) id of the app registration; empty with a SAS."), guid),
        secretField("client_secret", tr("Client secret"), tr("The app registration's secret value; empty with a SAS.")),
        secretField("sas", tr("…or SAS token"),
                    tr("Instead of the app registration: a SAS token or URL of the container with read and list permission."),
                    QStringLiteral("sv=…&sig=…")),
    };
    c.options = {
        {QStringLiteral("container_url"), tr("Container URL"),
         tr("The export's storage container, e.g. https://account.blob.core.windows.net/costexports."), QString(), {}},
        {QStringLiteral("prefix"), tr("Export path"),
         tr("The export's directory and name in the container, e.g. focus/monthly-focus."), QString(), {}},
    };
    c.helpUrl = QStringLiteral("https://portal.azure.com/#view/Microsoft_Azure_CostManagement/Menu/~/exports");
    c.permissionsHelp = tr("Create the export in Cost Management → Exports as \"Cost and usage (FOCUS)\", format CSV "
                           "(Parquet is not read), into a storage container. Give the app registration used for Cost "
                           "Management the Storage Blob Data Reader role on the container, or paste a SAS with read "
                           "and list permission.");
    c.needsSecret = true;
    c.mode = SyncMode::Bucket;
    return c;
}

QStringList AzureBlobFocusConnector::secretUrls(const AccountConfig &config, const QString &secret)
{
    QStringList urls{containerOf(config).toString()};
    if (sasOf(unpackSecret(secret)).isEmpty())
        urls << config.option(QStringLiteral("login_url"), kLoginDefault);
    return urls;
}

bool AzureBlobFocusConnector::prepare(const AccountConfig &config, const QString &secret, QString *error)
{
    const QMap<QString, QString> packed = unpackSecret(secret);
    m_container = containerOf(config);
    m_prefix = config.option(QStringLiteral("prefix")).trimmed();
    while (m_prefix.startsWith(QLatin1Char('/')))
        m_prefix.remove(0, 1);
    m_sas = sasOf(packed);
    m_token.clear();
    if (m_container.isEmpty() || m_container.host().isEmpty() || m_container.path().size() < 2) {
        *error = tr("Enter the export's container URL (https://account.blob.core.windows.net/container).");
        return false;
    }
    if (!HttpClient::isAllowedUrl(m_container, error))
        return false;
    if (!m_sas.isEmpty())
        return true;
    AzureServicePrincipal p;
    p.tenantId = config.option(QStringLiteral("tenant_id"), packed.value(QStringLiteral("tenant_id"))).trimmed();
    p.clientId = config.option(QStringLiteral("client_id"), packed.value(QStringLiteral("client_id"))).trimmed();
    p.clientSecret = packed.value(QStringLiteral("client_secret"));
    if (p.tenantId.isEmpty() || p.clientId.isEmpty() || p.clientSecret.isEmpty()) {
        *error = tr("Enter a SAS token, or the tenant id, client id and client secret of the app registration.");
        return false;
    }
    m_tokens->configure(p, config.option(QStringLiteral("login_url"), kLoginDefault), kStorageScope);
    return true;
}

void AzureBlobFocusConnector::authorise(AuthoriseFn done)
{
    if (!m_sas.isEmpty()) {
        done(true, ErrorKind::None, {});
        return;
    }
    m_tokens->token([this, done](bool ok, const QString &token, ErrorKind kind, const QString &error) {
        m_token = token;
        done(ok, kind, error);
    });
}

HttpRequest AzureBlobFocusConnector::authorised(QUrl url, QString query) const
{
    if (!m_sas.isEmpty())
        query += (query.isEmpty() ? QString() : QStringLiteral("&")) + m_sas;
    url.setQuery(query);
    HttpRequest request;
    request.url = url;
    request.headers.append({"x-ms-version", kServiceVersion});
    if (m_sas.isEmpty())
        request.headers.append({"Authorization", "Bearer " + m_token.toUtf8()});
    return request;
}

HttpRequest AzureBlobFocusConnector::listRequest(const QString &next)
{
    // Markers are opaque: fully percent-encoded.
    QString query = QStringLiteral("restype=container&comp=list&prefix=") + QString::fromLatin1(QUrl::toPercentEncoding(m_prefix));
    if (!next.isEmpty())
        query += QStringLiteral("&marker=") + QString::fromLatin1(QUrl::toPercentEncoding(next));
    return authorised(m_container, query);
}

bool AzureBlobFocusConnector::parseListing(const QByteArray &body, FocusBucket::Listing *out, QString *error) const
{
    return FocusBucket::parseAzureListing(body, out, error);
}

HttpRequest AzureBlobFocusConnector::getRequest(const QString &key)
{
    QUrl url = m_container;
    url.setPath(m_container.path(QUrl::FullyEncoded) + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(key, "/")),
                QUrl::StrictMode);
    return authorised(url, {});
}

bool AzureBlobFocusConnector::parseManifest(const QByteArray &body, FocusBucket::Manifest *out, QString *error) const
{
    return FocusBucket::parseAzureManifest(body, out, error);
}

QString AzureBlobFocusConnector::location() const
{
    return m_container.toString() + QLatin1Char('/') + m_prefix;
}

QString AzureBlobFocusConnector::authHint() const
{
    return m_sas.isEmpty() ? tr("Give the app registration the Storage Blob Data Reader role on the container.")
                           : tr("The SAS needs read and list permission and must not have expired.");
}

} // namespace Conn
