#pragma once

#include "telemetry/usage.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

#include <memory>
#include <string>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;
class QTcpServer;

namespace Cost {
class SqliteDb;
}

namespace Otlp {

/// An OTLP/HTTP trace receiver: POST /v1/traces with `application/x-protobuf` or
/// `application/json` bodies, gzip or not, as every OpenTelemetry SDK exporter sends them
/// (keep-alive, chunked bodies: QHttpServer). Each request's model calls are written to the store
/// (Telemetry::ingest) before the answer, so a 200 means committed: a client that sees no answer
/// retries, and a call received twice counts once. Answers follow the OTLP rules: 400 for a body
/// that does not parse (never retried), 401 for a missing or wrong bearer token, 413 over the body
/// limit, 415 for another content type, 503 with Retry-After while another writer holds the store,
/// and 429 with Retry-After when it falls behind: requests waiting on other connections would wait
/// longer than Options::maxQueueWaitMs at the measured pace (the refused request stores nothing, and
/// the exporter sends it again after the pause, so the queue drains and memory stays bounded).
/// Threading: lives on the thread of `db`'s connection, which it uses for every write.
class Receiver : public QObject {
    Q_OBJECT
public:
    struct Options {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 4318;
        QByteArray bearerToken;            ///< empty: no token asked for
        qsizetype maxBodyBytes = 20 << 20; ///< the OTLP spec's recommended limit (after inflating)
        /// The longest a request may wait behind others before the receiver answers 429: well under
        /// the exporters' 10 s default timeout, so they back off instead of timing out and resending.
        int maxQueueWaitMs = 2000;
        /// Connections held at once; one more is answered 503 with Retry-After and closed before its
        /// request is read, so memory stays under maxConnections × maxBodyBytes whatever arrives.
        int maxConnections = 32;
        Telemetry::Mapping mapping;
    };

    /// What the receiver has done since it started.
    struct Stats {
        qint64 requests = 0;
        qint64 calls = 0;      ///< model calls stored
        qint64 duplicates = 0; ///< model calls received again, not counted twice
        qint64 refused = 0;    ///< requests answered with an error
        qint64 behind = 0;     ///< of which answered 429 because the receiver fell behind
        qint64 turnedAway = 0; ///< connections over maxConnections, answered 503 and closed
    };

    Receiver(Cost::SqliteDb &db, Options options, QObject *parent = nullptr);
    ~Receiver() override;

    /// Starts listening; false with `error` (address in use, no permission).
    bool listen(std::string &error);
    /// The port it listens on (the one chosen by the system when Options::port was 0).
    quint16 port() const { return m_port; }
    const Stats &stats() const { return m_stats; }

Q_SIGNALS:
    /// A request's calls were stored.
    void stored(qint64 calls, qint64 duplicates);
    /// A request was refused (`status` the HTTP code, `why` what was wrong).
    void refused(int status, const QString &why);

private:
    QHttpServerResponse handle(const QHttpServerRequest &request);
    /// Connections whose next request is already waiting (bytes read by Qt or still in the kernel).
    int waitingConnections() const;
    /// Answers the connections over Options::maxConnections with 503 and closes them.
    void turnAwayExtraConnections(QTcpServer *server);

    Cost::SqliteDb &m_db;
    Options m_options;
    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
    Stats m_stats;
    double m_storeMs = 50; ///< moving average of the time to parse and store a request (a guess until measured)
};

} // namespace Otlp
