#pragma once

#include "connector.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Conn {

/// One HTTP request. Headers may carry credentials: they are never logged or put in messages.
struct HttpRequest {
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /// When set, a 2xx body that is not valid JSON counts as a transient failure (retried, then
    /// reported as ErrorKind::BadResponse with the parse error and offset).
    bool expectJson = true;
};

/// The outcome after all attempts. `ok` = a 2xx with (when expectJson) a parseable body.
struct HttpResponse {
    bool ok = false;
    int status = 0;                      ///< last HTTP status, 0 when none
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; ///< lower-case names
    ErrorKind errorKind = ErrorKind::None;
    QString error;                       ///< plain message naming the host, never a secret
    int attempts = 0;
    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

/// Shared HTTP helper for connectors: QNetworkAccessManager requests with a per-attempt timeout,
/// bounded retries with exponential backoff + jitter for 429 / 5xx / 408 / transient network
/// errors / truncated or malformed bodies, honouring Retry-After, retry-after-ms, x-ratelimit-reset-*,
/// anthropic-ratelimit-*-reset, x-ms-ratelimit-*-retry-after and x-ms-retry-after-ms (also
/// proactively: when a response says no requests remain, the next request waits for the reset),
/// cancel, and HTTPS-only (http:// only to 127.0.0.1 / localhost / ::1).
/// Not retried: 401, 403, other 4xx, DNS failures, TLS failures, insecure URLs.
/// Threading: lives on one thread; callbacks run on it. Several requests may run concurrently.
class HttpClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const HttpResponse &)>;

    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override;

    void setPolicy(const RetryPolicy &policy) { m_policy = policy; }
    const RetryPolicy &policy() const { return m_policy; }

    /// Starts `request`; `done` runs exactly once on this thread (also on cancel, with
    /// ErrorKind::Cancelled), never synchronously inside send().
    void send(const HttpRequest &request, Callback done);
    /// Cancels every pending request (their callbacks run with ErrorKind::Cancelled).
    void cancelAll();
    /// Requests in flight or waiting for a retry.
    int pending() const { return static_cast<int>(m_jobs.size()); }

    /// True for https:// URLs and for http:// to 127.0.0.1, localhost or ::1; otherwise false
    /// with *why set to a plain message.
    static bool isAllowedUrl(const QUrl &url, QString *why = nullptr);
    /// The plain user message for an HTTP status of a request to `url` (401/403 get their own
    /// wording; other 4xx name the URL without its query and the provider's message's first line).
    static QString statusMessage(int status, const QUrl &url, const QByteArray &body = {});
    /// The bytes a body lacks against its Content-Length (0 when whole, when there is no length, or
    /// when the transfer was compressed, whose length counts the compressed bytes). Qt at times
    /// reports a connection closed short of the announced length as a success.
    static qint64 missingBytes(const QHash<QByteArray, QByteArray> &lowerCaseHeaders, const QByteArray &method,
                               int status, qint64 received);

Q_SIGNALS:
    /// An attempt failed and another follows after `delayMs` (for progress texts and logs).
    void retrying(int attempt, int delayMs, const QString &reason);

private:
    struct Job;
    void startAttempt(Job *job);
    void onFinished(Job *job);
    void onTimeout(Job *job);
    void finish(Job *job, HttpResponse response);
    int serverDelayMs(const QHash<QByteArray, QByteArray> &headers) const;
    int backoffMs(int attempt) const;
    void noteRateLimit(const QHash<QByteArray, QByteArray> &headers);

    QNetworkAccessManager *m_nam = nullptr;
    RetryPolicy m_policy;
    std::vector<std::unique_ptr<Job>> m_jobs;
    std::vector<std::unique_ptr<Job>> m_finished; ///< freed on the next event, or with the client
    QDateTime m_notBefore; ///< proactive rate-limit pause (UTC)
};

} // namespace Conn
