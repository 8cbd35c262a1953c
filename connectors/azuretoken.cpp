#include "azuretoken.h"

#include "httpclient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace Conn {

AzureTokenSource::AzureTokenSource(HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
{
}

void AzureTokenSource::configure(const AzureServicePrincipal &p, const QString &loginBase, const QString &scope)
{
    if (p.tenantId != m_principal.tenantId || p.clientId != m_principal.clientId || p.clientSecret != m_principal.clientSecret
        || loginBase != m_loginBase || scope != m_scope)
        m_token.clear();
    m_principal = p;
    m_loginBase = loginBase;
    m_scope = scope;
}

void AzureTokenSource::token(Callback done)
{
    if (!m_token.isEmpty() && QDateTime::currentDateTimeUtc().secsTo(m_expires) > 60) {
        const QString cached = m_token;
        QMetaObject::invokeMethod(this, [done, cached] { done(true, cached, ErrorKind::None, {}); }, Qt::QueuedConnection);
        return;
    }
    QString base = m_loginBase;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    HttpRequest request;
    request.method = "POST";
    request.url = QUrl(base + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(m_principal.tenantId))
                       + QStringLiteral("/oauth2/v2.0/token"));
    request.headers.emplaceBack("Content-Type", "application/x-www-form-urlencoded");
    // application/x-www-form-urlencoded, every value percent-encoded ('+', '&', '=' occur in secrets).
    request.body = "grant_type=client_credentials&client_id=" + QUrl::toPercentEncoding(m_principal.clientId)
        + "&client_secret=" + QUrl::toPercentEncoding(m_principal.clientSecret) + "&scope=" + QUrl::toPercentEncoding(m_scope);
    ++m_requests;
    m_http->send(request, [this, done, host = request.url.host()](const HttpResponse &r) {
        if (!r.ok) {
            if (r.errorKind == ErrorKind::Cancelled || r.status == 0 || r.status >= 500 || r.status == 429) {
                done(false, {}, r.errorKind, r.error);
                return;
            }
            // 400/401 invalid_client (AADSTS7000215 wrong secret), 400 unauthorized_client
            // (AADSTS700016 unknown app id), 400 invalid_request (AADSTS90002 unknown tenant).
            const QJsonObject o = QJsonDocument::fromJson(r.body).object();
            const QString code = o.value(QStringLiteral("error")).toString();
            const QString why = o.value(QStringLiteral("error_description")).toString().section(QLatin1Char('\n'), 0, 0);
            done(false, {}, ErrorKind::Unauthorized,
                 tr("Entra ID (%1) refused the service principal (HTTP %2 %3%4). Check the tenant id, the "
                    "application (client) id and that the client secret is current.")
                     .arg(host)
                     .arg(r.status)
                     .arg(code.isEmpty() ? tr("error") : code, why.isEmpty() ? QString() : QStringLiteral(": ") + why.left(200)));
            return;
        }
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        const QString token = o.value(QStringLiteral("access_token")).toString();
        if (token.isEmpty()) {
            done(false, {}, ErrorKind::BadResponse, tr("Entra ID (%1) answered without an access token.").arg(host));
            return;
        }
        m_token = token;
        m_expires = QDateTime::currentDateTimeUtc().addSecs(o.value(QStringLiteral("expires_in")).toInteger(3599));
        done(true, token, ErrorKind::None, {});
    });
}

} // namespace Conn
