#include "oauthtokensource.h"

#include "failuretext.h"
#include "httpclient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace Conn {

OAuthTokenSource::OAuthTokenSource(HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
{
}

void OAuthTokenSource::formPost(HttpRequest &request, const QUrl &url, const QList<QPair<const char *, QString>> &fields)
{
    request.method = "POST";
    request.url = url;
    request.headers.emplaceBack("Content-Type", "application/x-www-form-urlencoded");
    QByteArrayList pairs;
    for (const auto &[name, value] : fields)
        pairs << QByteArray(name) + '=' + QUrl::toPercentEncoding(value);
    request.body = pairs.join('&');
}

void OAuthTokenSource::token(Callback done)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_token.isEmpty() && now.secsTo(m_expires) > 60) {
        const QString cached = m_token;
        QMetaObject::invokeMethod(this, [done, cached] { done(true, cached, ErrorKind::None, {}); }, Qt::QueuedConnection);
        return;
    }
    HttpRequest request;
    QString error;
    if (!grantRequest(now, request, &error)) {
        QMetaObject::invokeMethod(this, [done, error] { done(false, {}, ErrorKind::Config, error); }, Qt::QueuedConnection);
        return;
    }
    ++m_requests;
    m_http->send(request, [this, done, host = request.url.host()](const HttpResponse &r) {
        const GrantTexts texts = grantTexts();
        if (!r.ok) {
            // Network trouble, throttling and server errors are not the credentials' fault.
            if (r.errorKind == ErrorKind::Cancelled || r.status == 0 || r.status >= 500 || r.status == 429) {
                done(false, {}, r.errorKind, r.error);
                return;
            }
            // 400 invalid_grant / invalid_request, 401 invalid_client: the credentials, not the network.
            const QJsonObject o = QJsonDocument::fromJson(r.body).object();
            const QString code = o.value(QStringLiteral("error")).toString();
            const QString why = FailureText::firstMeaningfulLine(o.value(QStringLiteral("error_description")).toString());
            done(false, {}, ErrorKind::Unauthorized,
                 texts.refused.arg(host)
                     .arg(r.status)
                     .arg(code.isEmpty() ? tr("error") : code, why.isEmpty() ? QString() : QStringLiteral(": ") + why));
            return;
        }
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        const QString token = o.value(QStringLiteral("access_token")).toString();
        if (token.isEmpty()) {
            done(false, {}, ErrorKind::BadResponse, texts.noToken.arg(host));
            return;
        }
        m_token = token;
        m_expires = QDateTime::currentDateTimeUtc().addSecs(o.value(QStringLiteral("expires_in")).toInteger(texts.defaultLifetime));
        done(true, token, ErrorKind::None, {});
    });
}

} // namespace Conn
