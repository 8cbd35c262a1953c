#include "otlp/otlpreceiver.h"

#include "focusbucket.h"
#include "otlp/otlpprotobuf.h"
#include "telemetry/otlpjson.h"
#include "telemetry/telemetrystore.h"

#include "google/rpc/status.pb.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>

#include <sys/ioctl.h>

#include <algorithm>
#include <cmath>

namespace Otlp {

namespace {

using Status = QHttpServerResponse::StatusCode;

const QByteArray kProtobuf = QByteArrayLiteral("application/x-protobuf");
const QByteArray kJson = QByteArrayLiteral("application/json");

QByteArray header(const QHttpServerRequest &request, const char *name)
{
    for (const auto &[key, value] : request.headers())
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    return {};
}

// Compares two secrets in time that does not depend on where they differ.
bool sameSecret(const QByteArray &a, const QByteArray &b)
{
    const QByteArray ha = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
    const QByteArray hb = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    unsigned char diff = 0;
    for (qsizetype i = 0; i < ha.size(); ++i)
        diff |= static_cast<unsigned char>(ha[i] ^ hb[i]);
    return diff == 0 && a.size() == b.size();
}

// An error answer in the request's own encoding (google.rpc.Status), as OTLP/HTTP asks.
QHttpServerResponse failure(bool protobuf, Status status, int rpcCode, const std::string &message)
{
    if (protobuf) {
        google::rpc::Status s;
        s.set_code(rpcCode);
        s.set_message(message);
        return QHttpServerResponse(kProtobuf, QByteArray::fromStdString(s.SerializeAsString()), status);
    }
    const QJsonObject body{{QStringLiteral("code"), rpcCode}, {QStringLiteral("message"), QString::fromStdString(message)}};
    return QHttpServerResponse(kJson, QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

} // namespace

Receiver::Receiver(Cost::SqliteDb &db, Options options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_options(std::move(options))
    , m_server(std::make_unique<QHttpServer>())
{
    // One commit per request, each touching pages all over the usage table: with SQLite's default
    // (a checkpoint every 1,000 WAL pages) nearly every request also copied the WAL back into the
    // store and synced it. Checkpointing every 64 MiB writes a page that many requests touch once
    // (bench_telemetry's receiver: 13–19k → 27–28k spans/s at load 5). Readers are unaffected.
    m_db.exec("PRAGMA wal_autocheckpoint=16384");
    m_server->route(QStringLiteral("/v1/traces"), QHttpServerRequest::Method::Post,
                    [this](const QHttpServerRequest &request) { return handle(request); });
}

Receiver::~Receiver() = default;

bool Receiver::listen(std::string &error)
{
    m_port = m_server->listen(m_options.address, m_options.port);
    if (m_port == 0) {
        error = "cannot listen on " + m_options.address.toString().toStdString() + ":" + std::to_string(m_options.port)
            + " (is another receiver running there?)";
        return false;
    }
    // Connected after QHttpServer's own handler: the new sockets are accepted (children) by now.
    for (QTcpServer *server : m_server->servers())
        connect(server, &QTcpServer::newConnection, this, [this, server] { turnAwayExtraConnections(server); });
    return true;
}

void Receiver::turnAwayExtraConnections(QTcpServer *server)
{
    const QList<QTcpSocket *> sockets = server->findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly);
    int open = 0;
    for (QTcpSocket *socket : sockets) {
        if (socket->state() != QAbstractSocket::ConnectedState || socket->property("burnrate_turned_away").toBool())
            continue;
        if (++open <= m_options.maxConnections)
            continue;
        // Before QHttpServer reads a byte of it: no body of this connection is ever buffered.
        QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
        socket->setProperty("burnrate_turned_away", true);
        socket->write("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
        ++m_stats.turnedAway;
    }
}

int Receiver::waitingConnections() const
{
    // The receiver handles one request at a time on its thread; while it does, the others wait in
    // their sockets. A socket is a child of the QTcpServer that accepted it.
    int waiting = 0;
    for (const QTcpServer *server : m_server->servers())
        for (const QTcpSocket *socket : server->findChildren<QTcpSocket *>()) {
            if (socket->property("burnrate_turned_away").toBool())
                continue;
            int pending = 0;
            if (socket->bytesAvailable() > 0
                || (socket->socketDescriptor() >= 0 && ::ioctl(static_cast<int>(socket->socketDescriptor()), FIONREAD, &pending) == 0
                    && pending > 0))
                ++waiting;
        }
    return waiting;
}

QHttpServerResponse Receiver::handle(const QHttpServerRequest &request)
{
    ++m_stats.requests;
    const QByteArray type = header(request, "content-type").split(';').value(0).trimmed().toLower();
    const bool protobuf = type == kProtobuf;
    const auto refuse = [&](Status status, int rpcCode, const std::string &why) {
        ++m_stats.refused;
        Q_EMIT refused(static_cast<int>(status), QString::fromStdString(why));
        return failure(protobuf, status, rpcCode, why);
    };
    if (!m_options.bearerToken.isEmpty()) {
        const QByteArray auth = header(request, "authorization");
        if (!auth.startsWith("Bearer ") || !sameSecret(auth.mid(7).trimmed(), m_options.bearerToken))
            return refuse(Status::Unauthorized, 16, "missing or wrong bearer token");
    }
    if (!protobuf && type != kJson)
        return refuse(Status::UnsupportedMediaType, 3,
                      "Content-Type must be application/x-protobuf or application/json, not '" + type.toStdString() + "'");
    QByteArray body = request.body();
    const QByteArray encoding = header(request, "content-encoding").toLower();
    std::string error;
    if (encoding == "gzip") {
        QBuffer inflated;
        inflated.open(QIODevice::WriteOnly);
        QString why;
        bool tooLarge = false;
        if (!Conn::FocusBucket::gunzip(body, &inflated, m_options.maxBodyBytes, &why, &tooLarge))
            return refuse(tooLarge ? Status::PayloadTooLarge : Status::BadRequest, 3, "gzip body: " + why.toStdString());
        body = inflated.buffer();
    } else if (!encoding.isEmpty() && encoding != "identity") {
        return refuse(Status::UnsupportedMediaType, 3, "Content-Encoding '" + encoding.toStdString() + "' is not supported (gzip is)");
    }
    if (body.size() > m_options.maxBodyBytes)
        return refuse(Status::PayloadTooLarge, 8, "the body is over " + std::to_string(m_options.maxBodyBytes) + " bytes");
    // Falling behind: the requests waiting behind this one would wait longer than the exporters
    // should. Refusing this one costs nothing to store, and the pause lets the queue drain.
    if (const int waiting = waitingConnections(); waiting > 0 && waiting * m_storeMs > m_options.maxQueueWaitMs) {
        ++m_stats.behind;
        const double seconds = std::ceil(waiting * m_storeMs / 1000.0);
        QHttpServerResponse response = refuse(Status::TooManyRequests, 8,
                                              "the receiver is behind (" + std::to_string(waiting)
                                                  + " requests waiting); send again after the pause");
        response.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(std::clamp(static_cast<int>(seconds), 1, 30)));
        return response;
    }
    QElapsedTimer timer;
    timer.start();

    std::vector<Telemetry::Usage> usage;
    Telemetry::OtlpSummary summary;
    const std::string_view view(body.constData(), static_cast<std::size_t>(body.size()));
    const bool parsed = protobuf ? parseOtlpProtobuf(view, m_options.mapping, usage, summary, error)
                                 : Telemetry::parseOtlpJson(view, m_options.mapping, usage, summary, error);
    if (!parsed)
        return refuse(Status::BadRequest, 3, error);
    Telemetry::IngestResult result;
    if (!Telemetry::ingest(m_db, "otlp", usage, result, error)) {
        // Another process holds the store's write lock: the exporter retries after a pause.
        const bool busy = error.find("locked") != std::string::npos || error.find("busy") != std::string::npos;
        QHttpServerResponse response = refuse(busy ? Status::ServiceUnavailable : Status::InternalServerError, 14,
                                              "cannot store the spans: " + error);
        if (busy)
            response.setHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1"));
        return response;
    }
    m_storeMs = 0.8 * m_storeMs + 0.2 * static_cast<double>(timer.nsecsElapsed()) / 1e6;
    m_stats.calls += result.calls;
    m_stats.duplicates += result.duplicates;
    Q_EMIT stored(result.calls, result.duplicates);
    if (protobuf)
        return QHttpServerResponse(kProtobuf, QByteArray::fromStdString(exportResponse(0, {})));
    return QHttpServerResponse(kJson, QByteArrayLiteral("{}"));
}

} // namespace Otlp
