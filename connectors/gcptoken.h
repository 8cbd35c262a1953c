#pragma once

#include "oauthtokensource.h"

#include <QByteArray>
#include <QString>

namespace Conn {

class HttpClient;

/// The fields of a Google service-account JSON key Burnrate uses.
struct ServiceAccountKey {
    QString type;         ///< "service_account"
    QString projectId;
    QString privateKeyId; ///< becomes the JWT "kid"
    QByteArray privateKey; ///< PEM
    QString clientEmail;
    QString tokenUri;     ///< default https://oauth2.googleapis.com/token
};

/// Parses a service-account key file. False with *error naming the missing / wrong field
/// (never echoing the key).
bool parseServiceAccountKey(const QByteArray &json, ServiceAccountKey &key, QString *error);

/// The signed JWT assertion for the jwt-bearer grant: iss = client_email, scope, aud = token_uri,
/// iat = now, exp = now + 3600, header kid = private_key_id. Empty with *error on a bad key.
QByteArray serviceAccountAssertion(const ServiceAccountKey &key, const QString &scope, qint64 nowEpoch, QString *error);

/// OAuth2 access tokens for a service account (RFC 7523 jwt-bearer grant against token_uri),
/// cached until one minute before expiry. Lives on its HttpClient's thread.
class GcpTokenSource : public OAuthTokenSource {
    Q_OBJECT
public:
    GcpTokenSource(HttpClient *http, QString scope, QObject *parent = nullptr);

    /// Sets the key; a different key drops the cached token.
    void setKey(const ServiceAccountKey &key);

protected:
    bool grantRequest(const QDateTime &now, HttpRequest &request, QString *error) const override;
    GrantTexts grantTexts() const override;

private:
    QString m_scope;
    ServiceAccountKey m_key;
};

} // namespace Conn
