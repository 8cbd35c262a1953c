#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace TestSupport {

/// A parsed HTTP/1.1 request as the fake server saw it.
struct FakeRequest {
    QByteArray method;
    QString path;              ///< without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; ///< lower-case names
    QByteArray body;
    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    QString queryValue(const QString &key) const { return query.queryItemValue(key, QUrl::FullyDecoded); }
};

/// What a handler answers.
struct FakeResponse {
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; ///< Content-Type defaults to application/json
    static FakeResponse json(const QByteArray &body, int status = 200) { return {status, body, {}}; }
};

/// Faults injected into the next N requests (any route), in the order queued.
enum class Fault {
    RateLimit,      ///< 429 with Retry-After: <retryAfterSeconds> and a JSON error body
    ServerError,    ///< 500 with a JSON error body
    Drop,           ///< reads the request, then closes the connection without answering
    Truncate,       ///< the real response with Content-Length larger than the bytes sent, then close
    MalformedJson,  ///< 200 with a JSON body cut in half (Content-Length correct)
    Slow            ///< answers the real response only after slowDelayMs
};

/// In-process HTTP/1.1 loopback server for tests (QTcpServer on 127.0.0.1, random port).
/// Routes map method + path to a handler; an auth callback per route returns 401/403 the way the
/// provider does (return std::nullopt-like `FakeResponse{0}` = authorised). Every request is
/// recorded (also rejected and faulted ones) so tests can assert on paging and auth headers.
/// Lives on the thread that created it (the test's); one request per connection is enough for
/// QNetworkAccessManager but keep-alive is honoured.
class FakeServer : public QObject {
    Q_OBJECT
public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;
    /// Returns status 0 to accept; otherwise the rejection to send (e.g. 401 with the provider's body).
    using AuthCheck = std::function<FakeResponse(const FakeRequest &)>;

    explicit FakeServer(QObject *parent = nullptr);
    ~FakeServer() override;

    /// Listens on 127.0.0.1 on a free port; false when it cannot.
    bool start();
    quint16 port() const;
    /// "http://127.0.0.1:<port>"
    QString baseUrl() const;

    /// Adds (or replaces) the handler for method + path (exact path, query ignored).
    void route(const QByteArray &method, const QString &path, Handler handler, AuthCheck auth = {});
    /// Auth used by routes registered without their own.
    void setDefaultAuth(AuthCheck auth) { m_defaultAuth = std::move(auth); }
    /// Convenience auth checks: header `name` must equal `expected`; missing → 401, wrong → 401
    /// (or 403 when `forbiddenValue` matches, to simulate a key without permission).
    static AuthCheck requireHeader(const QByteArray &lowerName, const QByteArray &expected,
                                   const QByteArray &forbiddenValue = {});

    /// Queues `count` faults of one kind for the next requests.
    void injectFault(Fault fault, int count = 1);
    void clearFaults();
    /// A fault for every request the predicate picks (before queued faults), e.g. "page 2 of one
    /// window always fails"; returns -1 for no fault. Pass {} to remove.
    void setFaultRule(std::function<int(const FakeRequest &)> rule) { m_faultRule = std::move(rule); }
    /// Retry-After value sent with Fault::RateLimit (seconds; default 1).
    void setRetryAfterSeconds(int seconds) { m_retryAfter = seconds; }
    /// Delay of Fault::Slow (default 3000 ms).
    void setSlowDelayMs(int ms) { m_slowDelayMs = ms; }

    /// Every request received, in order.
    QList<FakeRequest> requests() const;
    /// Requests received for `path` (any method).
    QList<FakeRequest> requestsFor(const QString &path) const;
    void clearRequests();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const FakeRequest &request);
    static void write(QTcpSocket *socket, const FakeResponse &response, bool keepAlive, qint64 claimedLength = -1);

    QTcpServer *m_server = nullptr;
    struct Route {
        QByteArray method;
        QString path;
        Handler handler;
        AuthCheck auth;
    };
    QList<Route> m_routes;
    AuthCheck m_defaultAuth;
    QList<Fault> m_faults;
    std::function<int(const FakeRequest &)> m_faultRule;
    int m_retryAfter = 1;
    int m_slowDelayMs = 3000;
    QList<FakeRequest> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace TestSupport
