#include "s3focusconnector.h"

#include "awsconnector.h"
#include "sigv4.h"

#include <QCryptographicHash>
#include <QDateTime>

namespace Conn {

namespace {

const QString kDefaultBase = QStringLiteral("https://s3.amazonaws.com");
const QString kDefaultRegion = QStringLiteral("us-east-1");

QString option(const AccountConfig &config, const char *key, const QString &fallback = {})
{
    return config.option(QLatin1String(key), fallback).trimmed();
}

// Each segment of an object key percent-encoded, '/' kept (S3 keys are paths of UTF-8 bytes).
QString encodedKey(const QString &key)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(key, "/"));
}

} // namespace

ConnectorDescriptor S3FocusConnector::makeDescriptor()
{
    ConnectorDescriptor c = describe(QStringLiteral("s3-focus"), tr("FOCUS export in Amazon S3"),
                                     tr("The FOCUS export AWS Data Exports writes to an S3 bucket: every billing period, "
                                        "restated runs replacing earlier ones; CSV or gzip CSV."));
    // The same keys or profile as the Cost Explorer connector.
    c.credentials = AwsConnector::staticDescriptor().credentials;
    c.options = {
        {QStringLiteral("bucket"), tr("Bucket"), tr("The S3 bucket the export is delivered to."), QString(), {}},
        {QStringLiteral("prefix"), tr("Export path"),
         tr("The export's S3 path prefix and name, e.g. billing/focus-export (the folder holding data/ and metadata/)."),
         QString(), {}},
        {QStringLiteral("region"), tr("Bucket region"), tr("The region of the bucket, e.g. us-east-1."), kDefaultRegion, {}},
    };
    c.helpUrl = QStringLiteral("https://console.aws.amazon.com/costmanagement/home#/bcm-data-exports");
    c.permissionsHelp = tr("Needs s3:ListBucket on the bucket (for the export's prefix) and s3:GetObject on its objects. "
                           "Create the export in Billing and Cost Management → Data Exports as \"FOCUS 1.0\" with file "
                           "format \"gzip - text/csv\" (Parquet is not read).");
    c.defaultBaseUrl = kDefaultBase;
    c.needsSecret = true;
    c.mode = SyncMode::Bucket;
    return c;
}

QStringList S3FocusConnector::secretUrls(const AccountConfig &config, const QString &)
{
    return {bucketRoot(config).toString()};
}

QUrl S3FocusConnector::bucketRoot(const AccountConfig &config)
{
    const QString bucket = option(config, "bucket");
    const QString base = config.baseUrl.trimmed();
    if (base.isEmpty() || base == kDefaultBase) {
        QUrl url;
        url.setScheme(QStringLiteral("https"));
        url.setHost(bucket + QStringLiteral(".s3.") + option(config, "region", kDefaultRegion) + QStringLiteral(".amazonaws.com"));
        url.setPath(QStringLiteral("/"));
        return url;
    }
    QUrl url(base);
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1Char('/') + bucket + QLatin1Char('/'));
    return url;
}

bool S3FocusConnector::prepare(const AccountConfig &config, const QString &secret, QString *error)
{
    m_bucket = option(config, "bucket");
    m_prefix = option(config, "prefix");
    while (m_prefix.startsWith(QLatin1Char('/')))
        m_prefix.remove(0, 1);
    m_region = option(config, "region", kDefaultRegion);
    if (m_bucket.isEmpty()) {
        *error = tr("Enter the bucket the export is delivered to (option \"bucket\").");
        return false;
    }
    if (!resolveAwsCredentials(config.options, secret, &m_credentials, error))
        return false;
    m_root = bucketRoot(config);
    if (!m_root.isValid() || m_root.host().isEmpty()) {
        *error = tr("The address of bucket \"%1\" is not a valid URL.").arg(m_bucket);
        return false;
    }
    return HttpClient::isAllowedUrl(m_root, error);
}

HttpRequest S3FocusConnector::signedGet(QUrl url) const
{
    static const QByteArray kEmptyHash = QCryptographicHash::hash({}, QCryptographicHash::Sha256).toHex();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    SigV4::Request r;
    r.method = "GET";
    // S3 signs the path encoded once (no second encoding, no dot-segment clean-up): handing the
    // decoded path to the canonicaliser encodes each segment exactly once.
    r.path = url.path(QUrl::FullyDecoded).toUtf8();
    r.query = url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (url.port(-1) != -1 && url.port() != (url.scheme() == u"https" ? 443 : 80))
        host += ':' + QByteArray::number(url.port());
    const SigV4::Scope scope{SigV4::amzDate(now), m_region.toLatin1(), "s3"};
    r.headers = {{"host", host}, {"x-amz-content-sha256", kEmptyHash}, {"x-amz-date", scope.amzDate}};
    const SigV4::Credentials credentials = m_credentials.toSigV4();
    if (!credentials.sessionToken.isEmpty())
        r.headers.append({"x-amz-security-token", credentials.sessionToken});
    HttpRequest request;
    request.url = url;
    for (const auto &[name, value] : std::as_const(r.headers))
        if (name != "host")
            request.headers.append({name, value});
    request.headers.append({"Authorization", SigV4::sign(r, credentials, scope).authorization});
    return request;
}

HttpRequest S3FocusConnector::listRequest(const QString &next)
{
    // Tokens are opaque base64: every value fully percent-encoded ('+' would read as a space).
    QString query = QStringLiteral("list-type=2&prefix=") + QString::fromLatin1(QUrl::toPercentEncoding(m_prefix));
    if (!next.isEmpty())
        query += QStringLiteral("&continuation-token=") + QString::fromLatin1(QUrl::toPercentEncoding(next));
    QUrl url = m_root;
    url.setQuery(query);
    return signedGet(url);
}

bool S3FocusConnector::parseListing(const QByteArray &body, FocusBucket::Listing *out, QString *error) const
{
    return FocusBucket::parseS3Listing(body, out, error);
}

HttpRequest S3FocusConnector::getRequest(const QString &key)
{
    QUrl url = m_root;
    url.setPath(m_root.path(QUrl::FullyEncoded) + encodedKey(key), QUrl::StrictMode);
    return signedGet(url);
}

bool S3FocusConnector::parseManifest(const QByteArray &body, FocusBucket::Manifest *out, QString *error) const
{
    return FocusBucket::parseAwsManifest(body, m_bucket, out, error);
}

QString S3FocusConnector::location() const
{
    return QStringLiteral("s3://") + m_bucket + QLatin1Char('/') + m_prefix;
}

QString S3FocusConnector::authHint() const
{
    return tr("The credentials (%1) need s3:ListBucket and s3:GetObject on %2.").arg(m_credentials.source, location());
}

} // namespace Conn
