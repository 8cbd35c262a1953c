#pragma once

#include "describedconnector.h"
#include "focusbucketconnector.h"

#include <QUrl>

namespace Conn {

class AzureTokenSource;

/// "azure-blob-focus": an Azure Cost Management FOCUS export in Blob Storage
/// (FocusBucketConnector). Lists the container under the export's path (List Blobs, marker
/// paging), reads each run's `<path>/<YYYYMMDD-YYYYMMDD>/<run>/manifest.json` and the blobs its
/// "blobs" name. Auth: the Cost Management service principal's token for
/// https://storage.azure.com/.default (the principal needs Storage Blob Data Reader), or a SAS
/// token / URL with read and list permission. Options: "container_url"
/// (https://<account>.blob.core.windows.net/<container>), "prefix", "login_url".
class AzureBlobFocusConnector : public DescribedConnector<AzureBlobFocusConnector, FocusBucketConnector> {
    Q_OBJECT
public:
    explicit AzureBlobFocusConnector(QObject *parent = nullptr);
    /// Built once by staticDescriptor().
    static ConnectorDescriptor makeDescriptor();
    /// The container (SAS or token) and, for a service principal, the sign-in host.
    static QStringList secretUrls(const AccountConfig &config, const QString &secret);

protected:
    void authorise(AuthoriseFn done) override;
    bool prepare(const AccountConfig &config, const QString &secret, QString *error) override;
    HttpRequest listRequest(const QString &next) override;
    bool parseListing(const QByteArray &body, FocusBucket::Listing *out, QString *error) const override;
    HttpRequest getRequest(const QString &key) override;
    bool parseManifest(const QByteArray &body, FocusBucket::Manifest *out, QString *error) const override;
    QString location() const override;
    QString authHint() const override;

private:
    /// `url` with the SAS query or the bearer token, and the service version.
    HttpRequest authorised(QUrl url, QString query) const;

    AzureTokenSource *m_tokens = nullptr;
    QUrl m_container;
    QString m_prefix;
    QString m_sas;   ///< the SAS query (without '?'), empty with a service principal
    QString m_token; ///< the bearer token of this sync
};

} // namespace Conn
