#pragma once

#include "connector.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>

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
class GcpTokenSource : public QObject {
    Q_OBJECT
public:
    /// ok, access token (on success), error kind and plain message (on failure).
    using Callback = std::function<void(bool ok, const QString &token, ErrorKind kind, const QString &error)>;

    GcpTokenSource(HttpClient *http, QString scope, QObject *parent = nullptr);

    /// Sets the key; a different key drops the cached token.
    void setKey(const ServiceAccountKey &key);
    /// Calls `done` with a valid token: the cached one, or a fresh one from token_uri.
    void token(Callback done);
    /// Forgets the cached token (e.g. after a 401 from the data API).
    void invalidate() { m_token.clear(); }
    /// Token requests sent so far (tests check caching).
    int requestsMade() const { return m_requests; }

private:
    HttpClient *m_http;
    QString m_scope;
    ServiceAccountKey m_key;
    QString m_token;
    QDateTime m_expires;
    int m_requests = 0;
};

} // namespace Conn
