#include "otlp/receiverservice.h"

#include "store/store.h"
#include "telemetry/mapping.h"

#include <memory>

namespace Otlp {

// Lives on the service's I/O thread: opens the store there (one connection per thread) and owns
// the receiver, which writes on that connection.
class ReceiverHost : public QObject {
    Q_OBJECT
public:
    ReceiverHost(QString dbPath, Receiver::Options options)
        : m_dbPath(std::move(dbPath))
        , m_options(std::move(options))
    {
    }

    void run()
    {
        if (!m_store.open(m_dbPath.toStdString())) {
            Q_EMIT failed(QString::fromStdString(m_store.error()));
            return;
        }
        std::string error;
        if (!Telemetry::loadMapping(m_store.db(), m_options.mapping, error)) {
            Q_EMIT failed(QString::fromStdString(error));
            return;
        }
        m_receiver = std::make_unique<Receiver>(m_store.db(), m_options);
        connect(m_receiver.get(), &Receiver::stored, this, &ReceiverHost::stored);
        connect(m_receiver.get(), &Receiver::refused, this, &ReceiverHost::refused);
        if (!m_receiver->listen(error)) {
            m_receiver.reset();
            Q_EMIT failed(QString::fromStdString(error));
            return;
        }
        Q_EMIT started(m_options.address.toString(), m_receiver->port());
    }

Q_SIGNALS:
    void started(const QString &address, quint16 port);
    void failed(const QString &why);
    void stored(qint64 calls, qint64 duplicates);
    void refused(int status, const QString &why);

private:
    QString m_dbPath;
    Receiver::Options m_options;
    Cost::Store m_store;                  // declared before the receiver: destroyed after it
    std::unique_ptr<Receiver> m_receiver;
};

ReceiverService::ReceiverService(const QString &dbPath, QObject *parent)
    : QObject(parent)
    , m_dbPath(dbPath)
{
    m_thread.setObjectName(QStringLiteral("otlp-receiver"));
}

ReceiverService::~ReceiverService() { stop(); }

void ReceiverService::start(const Receiver::Options &options)
{
    stop();
    auto *host = new ReceiverHost(m_dbPath, options);
    host->moveToThread(&m_thread);
    // Deleted on the I/O thread as it ends, so the receiver and its connection close there.
    connect(&m_thread, &QThread::finished, host, &QObject::deleteLater);
    connect(&m_thread, &QThread::started, host, &ReceiverHost::run);
    // A stale outcome (of a receiver replaced before its signal arrived) must not touch the new one.
    const quint64 generation = ++m_generation;
    connect(host, &ReceiverHost::started, this, [this, generation](const QString &address, quint16 port) {
        if (generation == m_generation)
            Q_EMIT started(address, port);
    });
    connect(host, &ReceiverHost::failed, this, [this, generation](const QString &why) {
        if (generation != m_generation)
            return;
        Q_EMIT failed(why);
        // Nothing to serve: end the thread (not waited for here; stop() or the next start() does).
        m_thread.quit();
    });
    connect(host, &ReceiverHost::stored, this, &ReceiverService::stored);
    connect(host, &ReceiverHost::refused, this, &ReceiverService::refused);
    m_thread.start();
}

void ReceiverService::stop()
{
    ++m_generation;
    if (!m_thread.isRunning())
        return;
    m_thread.quit();
    m_thread.wait();
}

} // namespace Otlp

#include "receiverservice.moc"
