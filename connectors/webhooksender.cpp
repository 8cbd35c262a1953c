#include "webhooksender.h"

#include "secretstore.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace Conn {

WebhookSender::WebhookSender(QObject *parent)
    : QObject(parent)
    , m_http(new HttpClient(this))
{
    m_http->setPolicy(defaultPolicy());
}

RetryPolicy WebhookSender::defaultPolicy()
{
    RetryPolicy p;
    p.maxAttempts = 4;
    p.timeoutMs = 10000;
    p.baseDelayMs = 1000;
    p.maxDelayMs = 15000;
    p.maxServerDelayMs = 60000;
    return p;
}

void WebhookSender::setPolicy(const RetryPolicy &policy) { m_http->setPolicy(policy); }

QByteArray WebhookSender::body(const QString &text)
{
    // Slack (and the Mattermost / Teams hooks that read the same payload) treat <…> as control
    // sequences: a feature named "<!channel>" must arrive as text, not ping a channel.
    QString escaped = text;
    escaped.replace(QLatin1Char('&'), QStringLiteral("&amp;"))
        .replace(QLatin1Char('<'), QStringLiteral("&lt;"))
        .replace(QLatin1Char('>'), QStringLiteral("&gt;"));
    return QJsonDocument(QJsonObject{{QStringLiteral("text"), escaped}}).toJson(QJsonDocument::Compact);
}

void WebhookSender::send(const QString &url, const QString &text, Callback done)
{
    const QUrl u(url.trimmed(), QUrl::StrictMode);
    QString why;
    if (!u.isValid() || u.host().isEmpty() || !HttpClient::isAllowedUrl(u, &why)) {
        // Report asynchronously, like every other outcome; never echo the URL.
        const QString message = u.isValid() && !u.host().isEmpty()
            ? tr("webhook URL refused: %1").arg(why)
            : tr("the webhook URL is not a valid https:// URL");
        QMetaObject::invokeMethod(this, [done, message] { done({false, 0, message}); }, Qt::QueuedConnection);
        return;
    }
    HttpRequest req;
    req.method = "POST";
    req.url = u;
    req.headers = {{"Content-Type", "application/json"}};
    req.body = body(text);
    req.expectJson = false; // Slack answers "ok" as plain text
    m_http->send(req, [done, host = u.host(), path = u.path(), full = url.trimmed()](const HttpResponse &r) {
        WebhookResult result;
        result.ok = r.ok;
        result.attempts = r.attempts;
        if (!r.ok) {
            result.error = r.error.isEmpty() ? tr("webhook delivery to %1 failed (HTTP %2)").arg(host).arg(r.status)
                                             : r.error;
            // The path of an incoming-webhook URL is its token: make sure no message carries it.
            result.error.replace(full, host);
            if (path.size() > 1)
                result.error.replace(path, QStringLiteral("/\u2026"));
        }
        done(result);
    });
}

WebhookResult WebhookSender::sendBlocking(const QString &url, const QString &text)
{
    WebhookResult out;
    QEventLoop loop;
    send(url, text, [&](const WebhookResult &r) {
        out = r;
        loop.quit();
    });
    loop.exec();
    return out;
}

QString webhookUrlFromKeychain(QString *error)
{
    const SecretResult r = readSecret(webhookSecretKey());
    if (r.ok)
        return r.value.trimmed();
    if (error && !r.notFound)
        *error = r.error;
    return {};
}

} // namespace Conn
