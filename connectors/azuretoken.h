#pragma once

#include "oauthtokensource.h"

#include <QString>

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
class AzureTokenSource : public OAuthTokenSource {
    Q_OBJECT
public:
    explicit AzureTokenSource(HttpClient *http, QObject *parent = nullptr);

    /// Sets who asks and where; a change drops the cached token.
    void configure(const AzureServicePrincipal &principal, const QString &loginBase, const QString &scope);

protected:
    bool grantRequest(const QDateTime &now, HttpRequest &request, QString *error) const override;
    GrantTexts grantTexts() const override;

private:
    AzureServicePrincipal m_principal;
    QString m_loginBase;
    QString m_scope;
};

} // namespace Conn
