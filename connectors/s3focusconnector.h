#pragma once

#include "awscredentials.h"
#include "describedconnector.h"
#include "focusbucketconnector.h"

#include <QUrl>

namespace Conn {

/// "s3-focus": an AWS Data Exports FOCUS export in S3 (FocusBucketConnector). Lists the export's
/// prefix with ListObjectsV2 (continuation tokens), reads `…/metadata/BILLING_PERIOD=YYYY-MM/
/// <export>-Manifest.json` and the objects its "dataFiles" name, signed with SigV4 (service s3,
/// the payload hash in x-amz-content-sha256). Credentials as the "aws" connector: keys in the
/// keychain or a profile of ~/.aws. Options: "bucket", "prefix" (the export's S3 path prefix and
/// name), "region" (the bucket's). A base URL other than the default addresses an S3-compatible
/// store path-style (<base>/<bucket>/<key>); the default uses <bucket>.s3.<region>.amazonaws.com.
class S3FocusConnector : public DescribedConnector<S3FocusConnector, FocusBucketConnector> {
    Q_OBJECT
public:
    using DescribedConnector::DescribedConnector;
    /// Built once by staticDescriptor().
    static ConnectorDescriptor makeDescriptor();
    /// The bucket endpoint (virtual-hosted by default): where the signed requests go.
    static QStringList secretUrls(const AccountConfig &config, const QString &secret);

protected:
    bool prepare(const AccountConfig &config, const QString &secret, QString *error) override;
    HttpRequest listRequest(const QString &next) override;
    bool parseListing(const QByteArray &body, FocusBucket::Listing *out, QString *error) const override;
    HttpRequest getRequest(const QString &key) override;
    bool parseManifest(const QByteArray &body, FocusBucket::Manifest *out, QString *error) const override;
    QString location() const override;
    QString authHint() const override;

private:
    /// The bucket's root URL (ends with '/').
    static QUrl bucketRoot(const AccountConfig &config);
    HttpRequest signedGet(QUrl url) const;

    AwsCredentials m_credentials;
    QString m_bucket, m_prefix, m_region;
    QUrl m_root;
};

} // namespace Conn
