#pragma once

#include "describedconnector.h"
#include "gcptoken.h"
#include "oauthpagedconnector.h"

#include <QByteArray>
#include <QUrl>


namespace Conn {

struct HttpResponse;
struct BigQueryPage;

/// "gcp": Google Cloud spend from the Cloud Billing export to BigQuery (standard usage-cost
/// table or the FOCUS export), queried with BigQuery `jobs.query` and followed through
/// `jobs.getQueryResults` (pageToken paging, polling while jobComplete is false). Auth: a
/// service-account JSON key (RS256 JWT → OAuth2 token, cached). Options: table
/// ("project.dataset.table"), export_type (standard|focus), project (runs the query; default the
/// key's project), location, services (ai|all), max_results (rows per page, default 5000). Vertex AI SKUs are decoded into model and token kind.
class GcpConnector : public DescribedConnector<GcpConnector, OAuthPagedConnector> {
    Q_OBJECT
public:
    explicit GcpConnector(QObject *parent = nullptr);
    ~GcpConnector() override;
    /// Built once by staticDescriptor().
    static ConnectorDescriptor makeDescriptor();
    /// Where the key goes besides the base URL: its token_uri (the signed assertion is exchanged there).
    static QStringList secretUrls(const AccountConfig &config, const QString &secret);
    /// The service-account key JSON of a stored secret (packed as service_account_json, or bare).
    static QString keyJson(const QString &secret);

    /// The billing query (GoogleSQL) for the options; empty with *error on a bad table name.
    static QString billingSql(const AccountConfig &config, QString *error);
    /// The jobs.query request body for `window` (pure function).
    static QByteArray queryBody(const AccountConfig &config, const QString &sql, const DateWindow &window);

protected:
    QString prepare(const QString &secret) override;
    void start() override;
    void onAnswer(const HttpResponse &response) override;
    QString testMessage() const override;

private:
    void send(QByteArray method, const QUrl &url, const QByteArray &body);
    void nextPage(const BigQueryPage &page);

    GcpTokenSource *m_tokens;
    ServiceAccountKey m_key;
    QString m_base;     ///< ".../bigquery/v2/projects/<project>"
    QString m_location;
    int m_polls = 0;
    int m_throttled = 0; ///< BigQuery 403 rateLimitExceeded / backendError answers retried in a row
    qint64 m_rowsSeen = 0;
    QByteArray m_lastMethod; ///< the last request, for retrying a throttled one
    QUrl m_lastUrl;
    QByteArray m_lastBody;
};

} // namespace Conn
