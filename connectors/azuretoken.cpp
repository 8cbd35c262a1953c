#include "azuretoken.h"

#include "httpclient.h"

#include <QCoreApplication>

namespace Conn {

AzureTokenSource::AzureTokenSource(HttpClient *http, QObject *parent)
    : OAuthTokenSource(http, parent)
{
}

void AzureTokenSource::configure(const AzureServicePrincipal &p, const QString &loginBase, const QString &scope)
{
    if (p.tenantId != m_principal.tenantId || p.clientId != m_principal.clientId || p.clientSecret != m_principal.clientSecret
        || loginBase != m_loginBase || scope != m_scope)
        invalidate();
    m_principal = p;
    m_loginBase = loginBase;
    m_scope = scope;
}

bool AzureTokenSource::grantRequest(const QDateTime &, HttpRequest &request, QString *) const
{
    QString base = m_loginBase;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QUrl url(base + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(m_principal.tenantId))
                   + QStringLiteral("/oauth2/v2.0/token"));
    formPost(request, url,
             {{"grant_type", QStringLiteral("client_credentials")},
              {"client_id", m_principal.clientId},
              {"client_secret", m_principal.clientSecret},
              {"scope", m_scope}});
    return true;
}

OAuthTokenSource::GrantTexts AzureTokenSource::grantTexts() const
{
    // 400/401 invalid_client (AADSTS7000215 wrong secret), 400 unauthorized_client
    // (AADSTS700016 unknown app id), 400 invalid_request (AADSTS90002 unknown tenant).
    return {.refused = tr("Entra ID (%1) refused the service principal (HTTP %2 %3%4). Check the tenant id, the "
                          "application (client) id and that the client secret is current."),
            .noToken = tr("Entra ID (%1) answered without an access token."),
            .defaultLifetime = 3599}; // AADSTS descriptions carry trace and correlation ids on further lines: the
                                      // first meaningful line is kept (FailureText)
}

} // namespace Conn
