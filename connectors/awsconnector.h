#pragma once

#include "awscostexplorer.h"
#include "awscredentials.h"
#include "connector.h"
#include "describedconnector.h"
#include "pagecursorguard.h"

#include <QDateTime>
#include <QPointer>

class QTimer;

namespace Conn {

class HttpClient;
struct HttpResponse;

/// How many Cost Explorer requests (billed by AWS per request) a sync will make, at least.
struct AwsRequestEstimate {
    int requests = 0;  ///< lower bound: one per window and query; paging adds more
    QString text;      ///< one plain sentence for the wizard / CLI, with the price
};

/// Amazon Bedrock spend from AWS Cost Explorer GetCostAndUsage (DAILY, grouped by SERVICE and
/// USAGE_TYPE; optionally split by one cost-allocation tag), signed with our SigV4.
/// Secret (packed): access_key_id, secret_access_key, session_token, or profile (use ~/.aws).
/// Options: "region" (signing region, default us-east-1),
/// "scope" ("bedrock" or "all" services), "tag_key", "account_id" (label), "history_days".
/// Threading: as Conn::Connector — one thread, asynchronous.
class AwsConnector : public DescribedConnector<AwsConnector> {
    Q_OBJECT
public:
    explicit AwsConnector(QObject *parent = nullptr);
    ~AwsConnector() override;
    /// The descriptor (id "aws"), built once by staticDescriptor().
    static ConnectorDescriptor makeDescriptor();

    void testConnection(const AccountConfig &config, const QString &secret) override;
    void fetch(const AccountConfig &config, const QString &secret, const DateWindow &window) override;
    void cancel() override;

    /// Requests a sync of `windowCount` windows makes at least, and the sentence that says so.
    static AwsRequestEstimate estimateRequests(const AccountConfig &config, int windowCount);
    /// "now" used for signatures (tests pin it; default: the current time).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

private:
    enum class Mode { Idle, Test, Fetch };
    struct Step {
        Aws::CostQuery query;
        QString service; ///< set for a tag-split query of one service
    };

    bool prepare(const AccountConfig &config, const QString &secret, QString *error);
    void sendStep();
    void onReply(const HttpResponse &response);
    void finishStep();
    void fail(ErrorKind kind, const QString &message);
    void done();
    QString describeError(const HttpResponse &response, ErrorKind *kind) const;

    HttpClient *m_http = nullptr;
    QTimer *m_throttleTimer = nullptr;
    std::function<QDateTime()> m_clock;
    Mode m_mode = Mode::Idle;
    quint64 m_generation = 0;
    AccountConfig m_config;
    AwsCredentials m_credentials;
    DateWindow m_window;
    QList<Step> m_steps;
    int m_step = 0;
    int m_pages = 0;
    PageCursorGuard m_cursors; ///< of the current step
    int m_requests = 0;
    int m_throttled = 0; ///< consecutive throttling answers to the current request
    std::shared_ptr<FetchResult> m_result;
    std::unique_ptr<FetchResult> m_split; ///< records of the current tag-split step
};

/// Registry entry for provider id "aws".
ConnectorEntry awsConnectorEntry();

} // namespace Conn
