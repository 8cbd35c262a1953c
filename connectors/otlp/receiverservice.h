#pragma once

#include "otlp/otlpreceiver.h"

#include <QObject>
#include <QString>
#include <QThread>

namespace Otlp {

class ReceiverHost;

/// The OTLP receiver as a service of the app: it runs on an I/O thread of its own (a worker QObject
/// moved to a QThread, as syncs do) with its own connection to the store, so the GUI thread never
/// waits on a request or a write. Every request is committed before it is answered (Receiver), so
/// stop() loses nothing that was acknowledged. Signals arrive on the thread that owns the service.
class ReceiverService : public QObject {
    Q_OBJECT
public:
    explicit ReceiverService(const QString &dbPath, QObject *parent = nullptr);
    ~ReceiverService() override; ///< stops

    /// Starts listening with `options` (stopping a running receiver first) and the attribute mapping
    /// stored in the store (Telemetry::loadMapping; options.mapping is replaced); started() or
    /// failed() follows.
    void start(const Receiver::Options &options);
    /// Stops and waits for the I/O thread to end (a request being written finishes first).
    void stop();
    bool isRunning() const { return m_thread.isRunning(); }

Q_SIGNALS:
    void started(const QString &address, quint16 port);
    void failed(const QString &why);
    /// A request's calls were committed.
    void stored(qint64 calls, qint64 duplicates);
    /// A request was refused (`status` the HTTP code).
    void refused(int status, const QString &why);

private:
    QString m_dbPath;
    QThread m_thread;
    quint64 m_generation = 0; ///< of the newest start() or stop(): outcomes of older ones are dropped
};

} // namespace Otlp
