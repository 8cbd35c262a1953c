#pragma once

#include "connectorregistry.h"
#include "fakeserver.h"
#include "httpclient.h"

#include <QDate>
#include <QMap>

#include <memory>

namespace Conn {
class AccountManager;
}

namespace TestSupport {

/// One charge of the synthetic "loopback" provider.
struct LoopbackItem {
    QString model;
    QString cost;   ///< decimal text, e.g. "1.25"
    qint64 tokens = 0;
};

/// A tiny API connector ("loopback") for engine tests: GET /v1/usage?from=DAY&to=DAY&page=N with
/// `Authorization: Bearer <secret>`, pages of at most `pageSize` items
/// ({"data":[{"day","model","cost","tokens"}],"next_page":"N"|null}). It is a real connector on
/// HttpClient — retries, timeouts, HTTPS-only all apply.
class LoopbackConnector : public Conn::Connector {
    Q_OBJECT
public:
    explicit LoopbackConnector(QObject *parent = nullptr);
    static Conn::ConnectorDescriptor &staticDescriptor();
    const Conn::ConnectorDescriptor &descriptor() const override { return staticDescriptor(); }
    void testConnection(const Conn::AccountConfig &config, const QString &secret) override;
    void fetch(const Conn::AccountConfig &config, const QString &secret, const Conn::DateWindow &window) override;
    void cancel() override { m_http->cancelAll(); }

    /// Registers the connector under id "loopback" (restatement 2 days, 3-day windows).
    static void registerIt();

private:
    void fetchPage(const QString &page);
    Conn::HttpClient *m_http;
    Conn::AccountConfig m_config;
    QString m_secret;
    Conn::DateWindow m_window;
    std::shared_ptr<Conn::FetchResult> m_result;
    int m_pages = 0;
};

/// The provider side: serves `data` (day → items) on `server` with paging and bearer auth.
class LoopbackProvider {
public:
    LoopbackProvider(FakeServer &server, const QByteArray &secret, int pageSize = 2);
    QMap<QDate, QList<LoopbackItem>> data;
    int pageSize;
};

/// A started fake server with a LoopbackProvider on it.
struct LoopbackServer {
    FakeServer server;
    LoopbackProvider provider;
    LoopbackServer(const QByteArray &secret, int pageSize);
};

/// An opened AccountManager on the store at `db` whose connection tests make one attempt of at
/// most `testTimeoutMs`; null with *error when the store cannot be opened.
std::unique_ptr<Conn::AccountManager> openManager(const QString &db, int testTimeoutMs, QString *error);

} // namespace TestSupport
