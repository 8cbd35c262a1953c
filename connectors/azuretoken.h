#pragma once

#include "connector.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>

namespace Conn {

class HttpClient;

/// An Entra ID (Azure AD) service principal.
struct AzureServicePrincipal {
    QString tenantId;
    QString clientId;
    QString clientSecret;
};

/// OAuth2 client-credentials tokens from `<loginBase>/<tenant>/oauth2/v2.0/token` for `scope`
/// (default https://management.azure.com/.default), cached until one minute before expiry.
/// Lives on its HttpClient's thread.
class AzureTokenSource : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(bool ok, const QString &token, ErrorKind kind, const QString &error)>;

    explicit AzureTokenSource(HttpClient *http, QObject *parent = nullptr);

    /// Sets who asks and where; a change drops the cached token.
    void configure(const AzureServicePrincipal &principal, const QString &loginBase, const QString &scope);
    /// Calls `done` (never synchronously) with a valid token: cached or freshly requested.
    void token(Callback done);
    void invalidate() { m_token.clear(); }
    int requestsMade() const { return m_requests; }

private:
    HttpClient *m_http;
    AzureServicePrincipal m_principal;
    QString m_loginBase;
    QString m_scope;
    QString m_token;
    QDateTime m_expires;
    int m_requests = 0;
};

} // namespace Conn
