#pragma once

#include "httpclient.h"

#include <QObject>
#include <QString>

#include <functional>

namespace Conn {

/// The result of one webhook delivery (after retries).
struct WebhookResult {
    bool ok = false;
    int attempts = 0;
    QString error; ///< plain message naming at most the host, never the URL (the URL is the secret)
};

/// Posts Slack-compatible messages (`{"text": ...}` as JSON) to an incoming-webhook URL, with
/// the shared HttpClient's bounded retries for 429 / 5xx / network errors.
/// Threading: lives on one thread; callbacks run there. The CLI uses sendBlocking().
class WebhookSender : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const WebhookResult &)>;

    explicit WebhookSender(QObject *parent = nullptr);

    /// Defaults: 4 attempts, 10 s per attempt, 1 s first back-off.
    static RetryPolicy defaultPolicy();
    void setPolicy(const RetryPolicy &policy);

    /// Sends `text` to `url`; `done` runs once on this thread, never inside send().
    void send(const QString &url, const QString &text, Callback done);

    /// Sends and waits (local event loop): for the command line, where nothing else runs.
    WebhookResult sendBlocking(const QString &url, const QString &text);

    /// The JSON body for `text`: {"text":"..."}.
    static QByteArray body(const QString &text);

private:
    HttpClient *m_http = nullptr;
};

/// The webhook URL from the keychain ("webhook/url"): empty when none is stored; `error` set when
/// the keychain could not be read.
QString webhookUrlFromKeychain(QString *error = nullptr);

/// The keychain key of the alert webhook URL.
inline QString webhookSecretKey() { return QStringLiteral("webhook/url"); }

} // namespace Conn
