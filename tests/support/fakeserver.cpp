#include "fakeserver.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace TestSupport {

namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

// Parses one complete request from the front of `buffer`; false while incomplete.
bool parseRequest(QByteArray &buffer, FakeRequest &out)
{
    const int headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    if (lines.isEmpty())
        return false;
    const QList<QByteArray> first = lines.first().trimmed().split(' ');
    FakeRequest r;
    r.method = first.value(0);
    const QUrl url(QString::fromLatin1(first.value(1)));
    r.path = url.path();
    r.query = QUrlQuery(url);
    for (int i = 1; i < lines.size(); ++i) {
        const int colon = lines[i].indexOf(':');
        if (colon > 0)
            r.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const int length = r.headers.value("content-length", "0").toInt();
    if (buffer.size() < headerEnd + 4 + length)
        return false;
    r.body = buffer.mid(headerEnd + 4, length);
    buffer.remove(0, headerEnd + 4 + length);
    out = r;
    return true;
}

} // namespace

FakeServer::FakeServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeServer::onNewConnection);
}

FakeServer::~FakeServer() = default;

bool FakeServer::start() { return m_server->listen(QHostAddress::LocalHost, 0); }

quint16 FakeServer::port() const { return m_server->serverPort(); }

QString FakeServer::baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }

void FakeServer::route(const QByteArray &method, const QString &path, Handler handler, AuthCheck auth)
{
    for (Route &r : m_routes) {
        if (r.method == method && r.path == path) {
            r.handler = std::move(handler);
            r.auth = std::move(auth);
            return;
        }
    }
    m_routes.push_back({method, path, std::move(handler), std::move(auth)});
}

FakeServer::AuthCheck FakeServer::requireHeader(const QByteArray &lowerName, const QByteArray &expected,
                                                const QByteArray &forbiddenValue)
{
    return [=](const FakeRequest &req) -> FakeResponse {
        const QByteArray got = req.header(lowerName);
        if (!forbiddenValue.isEmpty() && got == forbiddenValue)
            return FakeResponse::json(R"({"error":{"type":"permission_error","message":"forbidden"}})", 403);
        if (got != expected)
            return FakeResponse::json(R"({"error":{"type":"authentication_error","message":"invalid key"}})", 401);
        return FakeResponse{0, {}, {}};
    };
}

void FakeServer::injectFault(Fault fault, int count)
{
    for (int i = 0; i < count; ++i)
        m_faults.push_back(fault);
}

void FakeServer::clearFaults() { m_faults.clear(); }

QList<FakeRequest> FakeServer::requests() const { return m_requests; }

QList<FakeRequest> FakeServer::requestsFor(const QString &path) const
{
    QList<FakeRequest> out;
    for (const FakeRequest &r : m_requests)
        if (r.path == path)
            out.push_back(r);
    return out;
}

void FakeServer::clearRequests() { m_requests.clear(); }

void FakeServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    // A TLS ClientHello at a plain-HTTP server (a client told https:// for this port): answer in
    // plain text the way a misconfigured endpoint does, so the client sees a TLS handshake failure.
    if (buffer.startsWith('\x16')) {
        socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
        buffer.clear();
        return;
    }
    FakeRequest request;
    while (parseRequest(buffer, request)) {
        m_requests.push_back(request);
        respond(socket, request);
        if (socket->state() != QAbstractSocket::ConnectedState)
            return;
    }
}

void FakeServer::write(QTcpSocket *socket, const FakeResponse &response, bool keepAlive, qint64 claimedLength)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
    bool hasType = false;
    for (const auto &[name, value] : response.headers) {
        hasType = hasType || name.toLower() == "content-type";
        out += name + ": " + value + "\r\n";
    }
    if (!hasType)
        out += "Content-Type: application/json\r\n";
    out += "Content-Length: " + QByteArray::number(claimedLength >= 0 ? claimedLength : response.body.size()) + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    out += response.body;
    socket->write(out);
    socket->flush();
}

void FakeServer::respond(QTcpSocket *socket, const FakeRequest &request)
{
    const Fault none = static_cast<Fault>(-1);
    const int ruled = m_faultRule ? m_faultRule(request) : -1;
    const Fault fault = ruled >= 0 ? static_cast<Fault>(ruled) : m_faults.isEmpty() ? none : m_faults.takeFirst();
    switch (fault) {
    case Fault::RateLimit: {
        FakeResponse r = FakeResponse::json(R"({"error":{"type":"rate_limit_error","message":"slow down"}})", 429);
        r.headers.push_back({"Retry-After", QByteArray::number(m_retryAfter)});
        write(socket, r, true);
        return;
    }
    case Fault::ServerError:
        write(socket, FakeResponse::json(R"({"error":{"type":"api_error","message":"internal"}})", 500), true);
        return;
    case Fault::Drop:
        socket->abort();
        return;
    default:
        break;
    }

    FakeResponse response = FakeResponse::json(R"({"error":{"message":"not found"}})", 404);
    for (const Route &route : m_routes) {
        if (route.method != request.method || route.path != request.path)
            continue;
        const AuthCheck &auth = route.auth ? route.auth : m_defaultAuth;
        FakeResponse rejected{0, {}, {}};
        if (auth)
            rejected = auth(request);
        response = rejected.status != 0 ? rejected : route.handler(request);
        break;
    }

    switch (fault) {
    case Fault::Truncate: {
        FakeResponse cut = response;
        cut.body = response.body.left(response.body.size() / 2);
        write(socket, cut, false, response.body.size());
        socket->disconnectFromHost();
        return;
    }
    case Fault::MalformedJson:
        response.body = response.body.left(response.body.size() / 2);
        write(socket, response, true);
        return;
    case Fault::Slow: {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(m_slowDelayMs, this, [guard, response] {
            if (guard && guard->state() == QAbstractSocket::ConnectedState)
                write(guard, response, true);
        });
        return;
    }
    default:
        write(socket, response, true);
        return;
    }
}

} // namespace TestSupport
