#pragma once

#include "connectorregistry.h"
#include "fetchresult.h"
#include "gcptoken.h"

#include <QByteArray>
#include <QUrl>

#include <memory>

namespace Conn {

class HttpClient;
struct HttpResponse;
struct BigQueryPage;

/// "gcp": Google Cloud spend from the Cloud Billing export to BigQuery (standard usage-cost
/// table or the FOCUS export), queried with BigQuery `jobs.query` and followed through
/// `jobs.getQueryResults` (pageToken paging, polling while jobComplete is false). Auth: a
/// service-account JSON key (RS256 JWT → OAuth2 token, cached). Options: table
/// ("project.dataset.table"), export_type (standard|focus), project (runs the query; default the
/// key's project), location, services (ai|all), max_results (rows per page, default 5000). Vertex AI SKUs are decoded into model and token kind.
class GcpConnector : public Connector {
    Q_OBJECT
public:
    explicit GcpConnector(QObject *parent = nullptr);
    ~GcpConnector() override;
    static const ConnectorDescriptor &staticDescriptor();
    const ConnectorDescriptor &descriptor() const override { return staticDescriptor(); }

    void testConnection(const AccountConfig &config, const QString &secret) override;
    void fetch(const AccountConfig &config, const QString &secret, const DateWindow &window) override;
    void cancel() override;

    /// The billing query (GoogleSQL) for the options; empty with *error on a bad table name.
    static QString billingSql(const AccountConfig &config, QString *error);
    /// The jobs.query request body for `window` (pure function).
    static QByteArray queryBody(const AccountConfig &config, const QString &sql, const DateWindow &window);

private:
    bool begin(const AccountConfig &config, const QString &secret, bool test);
    void withToken(std::function<void(const QString &token)> next);
    void send(QByteArray method, const QUrl &url, const QByteArray &body, quint64 gen);
    void onAnswer(const HttpResponse &response, quint64 gen);
    void nextPage(const BigQueryPage &page, quint64 gen);
    void fail(ErrorKind kind, const QString &message);
    void succeed();

    HttpClient *m_http;
    GcpTokenSource *m_tokens;
    quint64 m_generation = 0;
    bool m_busy = false;
    bool m_testing = false;
    AccountConfig m_config;
    ServiceAccountKey m_key;
    DateWindow m_window;
    QString m_base;     ///< ".../bigquery/v2/projects/<project>"
    QString m_location;
    std::shared_ptr<FetchResult> m_result;
    int m_pages = 0;
    int m_polls = 0;
    int m_throttled = 0; ///< BigQuery 403 rateLimitExceeded / backendError answers retried in a row
    qint64 m_rowsSeen = 0;
    QByteArray m_lastMethod; ///< the last request, for retrying a throttled one
    QUrl m_lastUrl;
    QByteArray m_lastBody;
};

/// The registry entry of the Google Cloud connector.
ConnectorEntry gcpConnectorEntry();

} // namespace Conn
