#include "awsconnector.h"

#include "failuretext.h"
#include "httpclient.h"
#include "sigv4.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace Conn {

namespace {

// "1 Cost Explorer request" / "3 Cost Explorer requests" (no translation is loaded for English).
QString requestsText(int n)
{
    return n == 1 ? QCoreApplication::translate("Conn::AwsConnector", "1 Cost Explorer request")
                  : QCoreApplication::translate("Conn::AwsConnector", "%1 Cost Explorer requests").arg(n);
}

const QString kService = QStringLiteral("ce");
constexpr double kUsdPerRequest = 0.01; // AWS price of one Cost Explorer API request

QString opt(const AccountConfig &c, const char *key, const char *fallback = "")
{
    return c.option(QString::fromLatin1(key), QString::fromLatin1(fallback)).trimmed();
}

QString dollars(double usd) { return QStringLiteral("US$%1").arg(usd, 0, 'f', 2); }

} // namespace

AwsConnector::AwsConnector(QObject *parent)
    : DescribedConnector(parent)
    , m_http(new HttpClient(this))
    , m_throttleTimer(new QTimer(this))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_throttleTimer->setSingleShot(true);
    connect(m_throttleTimer, &QTimer::timeout, this, [this] { sendStep(); });
}

AwsConnector::~AwsConnector()
{
    // The HttpClient child aborts its requests while it is destroyed; their callbacks must not
    // reach this half-destroyed object.
    ++m_generation;
    m_throttleTimer->stop();
}

ConnectorDescriptor AwsConnector::makeDescriptor()
{
    ConnectorDescriptor c = describe(QStringLiteral("aws"), tr("AWS (Amazon Bedrock)"),
                                     tr("Amazon Bedrock spend from AWS Cost Explorer, daily, by model and token kind "
                                        "(first-party and Marketplace models)."));
    c.credentials = {
        {QStringLiteral("access_key_id"), tr("Access key ID"), tr("Starts with AKIA (or ASIA for temporary keys). "
                                                                  "Leave empty to use a profile."),
         true, false, false, QStringLiteral("AKIA…")},
        {QStringLiteral("secret_access_key"), tr("Secret access key"), tr("Shown once when the key is created."),
         true, false, false, QString()},
        {QStringLiteral("session_token"), tr("Session token (optional)"),
         tr("Only for temporary credentials from AWS STS; they expire, so prefer a dedicated IAM user's key."), true,
         true, false, QString()},
        // Kept with the keys in the one keychain entry (the wizard stores nothing else), read as
        // the profile to load from ~/.aws on every sync; nothing from the files is copied.
        {QStringLiteral("profile"), tr("…or AWS profile"),
         tr("Instead of keys: a profile name from ~/.aws/credentials or ~/.aws/config with static keys."), true,
         false, false, QStringLiteral("default")},
    };
    c.options = {
        {QStringLiteral("scope"), tr("Services"),
         tr("\"bedrock\" keeps Amazon Bedrock (including Marketplace models) and SageMaker inference endpoint hours; \"all\""
            " stores every AWS service."),
         QStringLiteral("bedrock"), {QStringLiteral("bedrock"), QStringLiteral("all")}},
        {QStringLiteral("tag_key"), tr("Split by cost-allocation tag (optional)"),
         tr("One activated cost-allocation tag (e.g. team). Costs one extra request per Bedrock service and window."),
         QString(), {}},
        {QStringLiteral("region"), tr("Cost Explorer region"),
         tr("Cost Explorer is global and signed for us-east-1; use cn-northwest-1 for the China partition."),
         QStringLiteral("us-east-1"), {QStringLiteral("us-east-1"), QStringLiteral("cn-northwest-1")}},
        {QStringLiteral("account_id"), tr("AWS account ID (label)"),
         tr("Shown as the billing account; the account name is used when empty."), QString(), {}},
        {QStringLiteral("history_days"), tr("First sync: days back"),
         tr("Cost Explorer keeps about 13 months of daily data. Each 31-day window is one paid request."),
         QStringLiteral("90"), {}},
    };
    c.helpUrl = QStringLiteral("https://console.aws.amazon.com/iam/home#/users");
    c.permissionsHelp = tr("Create an IAM user (or use a profile) whose policy allows ce:GetCostAndUsage, and "
                           "enable Cost Explorer once in the Billing console. AWS charges US$0.01 for every Cost "
                           "Explorer request: a sync makes one per 31-day window (more when results span "
                           "several pages), so a daily sync costs about US$0.01.");
    c.defaultBaseUrl = QStringLiteral("https://ce.us-east-1.amazonaws.com");
    c.setDays(3, 31, 90);
    return c;
}

AwsRequestEstimate AwsConnector::estimateRequests(const AccountConfig &config, int windowCount)
{
    AwsRequestEstimate e;
    e.requests = std::max(0, windowCount);
    const bool tags = !opt(config, "tag_key").isEmpty();
    // With a tag split each window needs one more request per Bedrock service (at least one).
    if (tags)
        e.requests *= 2;
    e.text = tr("This sync makes at least %1").arg(requestsText(e.requests))
        + tr(" (AWS charges US$0.01 each: %1)").arg(dollars(e.requests * kUsdPerRequest))
        + (tags ? tr("; the tag split adds one request per Bedrock service and window, and")
                : QString())
        + tr("; results that span several pages add one request per page.");
    return e;
}

bool AwsConnector::prepare(const AccountConfig &config, const QString &secret, QString *error)
{
    ++m_generation;
    m_http->cancelAll();
    m_throttleTimer->stop();
    m_http->setPolicy(retryPolicy());
    m_config = config;
    m_steps.clear();
    m_step = m_pages = m_requests = m_throttled = 0;
    m_cursors.reset(retryPolicy().maxPages);
    m_result = std::make_shared<FetchResult>();
    m_split.reset();
    if (!resolveAwsCredentials(config.options, secret, &m_credentials, error))
        return false;
    const QUrl url(baseUrl(config));
    return HttpClient::isAllowedUrl(url, error);
}

void AwsConnector::testConnection(const AccountConfig &config, const QString &secret)
{
    m_mode = Mode::Test;
    QString error;
    if (!prepare(config, secret, &error)) {
        fail(ErrorKind::Config, error);
        return;
    }
    // The cheapest call: yesterday, ungrouped (one request, US$0.01).
    const QDate today = m_clock().toUTC().date();
    Step step;
    step.query.start = today.addDays(-1);
    step.query.end = today;
    m_steps = {step};
    sendStep();
}

void AwsConnector::fetch(const AccountConfig &config, const QString &secret, const DateWindow &window)
{
    m_mode = Mode::Fetch;
    m_window = window;
    QString error;
    if (!prepare(config, secret, &error)) {
        fail(ErrorKind::Config, error);
        return;
    }
    if (!window.from.isValid() || window.to <= window.from) {
        fail(ErrorKind::Config, tr("Invalid date window."));
        return;
    }
    Step step;
    step.query.start = window.from;
    step.query.end = window.to;
    step.query.groupBy = {{QStringLiteral("DIMENSION"), QStringLiteral("SERVICE")},
                          {QStringLiteral("DIMENSION"), QStringLiteral("USAGE_TYPE")}};
    m_steps = {step};
    sendStep();
}

void AwsConnector::cancel()
{
    if (m_mode == Mode::Idle)
        return;
    const bool waiting = m_throttleTimer->isActive();
    m_throttleTimer->stop();
    if (waiting || m_http->pending() == 0)
        fail(ErrorKind::Cancelled, tr("Cancelled."));
    else
        m_http->cancelAll(); // the reply callback reports Cancelled
}

void AwsConnector::sendStep()
{
    const Step &step = m_steps[m_step];
    HttpRequest req;
    req.method = "POST";
    QUrl url(baseUrl(m_config));
    url.setPath(QStringLiteral("/"));
    req.url = url;
    req.body = step.query.toJson();
    req.headers = {{QByteArrayLiteral("Content-Type"), QByteArray(Aws::kJsonContentType)},
                   {QByteArrayLiteral("X-Amz-Target"), QByteArray(Aws::kTargetGetCostAndUsage)}};
    // Signed per send: a throttled request is re-signed with a fresh date when it is repeated.
    const QByteArray region = opt(m_config, "region", "us-east-1").toLatin1();
    req.headers += SigV4::authHeaders(req.method, req.url, req.headers, req.body, m_credentials.toSigV4(), region,
                                      kService.toLatin1(), m_clock());
    ++m_requests;
    const quint64 generation = m_generation;
    m_http->send(req, [this, generation](const HttpResponse &r) {
        if (generation == m_generation)
            onReply(r);
    });
}

QString AwsConnector::describeError(const HttpResponse &response, ErrorKind *kind) const
{
    const Aws::AwsError e = Aws::parseAwsError(response.body);
    const QString detail = e.message.isEmpty() ? e.type : QStringLiteral("%1: %2").arg(e.type, FailureText::firstMeaningfulLine(e.message));
    if (Aws::isAuthError(e)) {
        *kind = ErrorKind::Unauthorized;
        return tr("AWS rejected the credentials (%1). Check the access key ID and secret access key (or the "
                  "profile), that a session token has not expired, and that this computer's clock is right.")
            .arg(detail);
    }
    if (e.type == u"AccessDeniedException" || (response.status == 403 && !e.type.isEmpty())) {
        *kind = ErrorKind::Forbidden;
        return tr("AWS accepted the credentials but refused Cost Explorer (%1). The IAM policy must allow "
                  "ce:GetCostAndUsage, and Cost Explorer must be enabled for the account.")
            .arg(detail);
    }
    if (Aws::isThrottling(e)) {
        *kind = ErrorKind::RateLimited;
        return tr("Cost Explorer kept throttling the requests (%1); try again later.").arg(detail);
    }
    if (!e.type.isEmpty()) {
        *kind = ErrorKind::Http;
        return tr("Cost Explorer refused the request (HTTP %1, %2).").arg(response.status).arg(detail);
    }
    *kind = response.errorKind;
    return response.error;
}

void AwsConnector::onReply(const HttpResponse &response)
{
    if (response.errorKind == ErrorKind::Cancelled) {
        fail(ErrorKind::Cancelled, tr("Cancelled."));
        return;
    }
    if (!response.ok) {
        // AWS JSON 1.1 throttles with HTTP 400 and the exception in the body, which the shared
        // client does not retry: back off here and send again, re-signed, up to maxAttempts.
        const Aws::AwsError e = Aws::parseAwsError(response.body);
        const RetryPolicy &p = retryPolicy();
        if (Aws::isThrottling(e) && ++m_throttled < p.maxAttempts) {
            const double base = std::min<double>(p.maxDelayMs, p.baseDelayMs * std::pow(2.0, m_throttled - 1));
            const double jittered = base * (1 - p.jitter + 2 * p.jitter * QRandomGenerator::global()->generateDouble());
            const int delay = static_cast<int>(std::max(0.0, jittered));
            Q_EMIT fetchProgress(m_pages, 0, tr("Cost Explorer is throttling (%1); retrying in %2 s")
                                                 .arg(e.type)
                                                 .arg(delay / 1000.0, 0, 'f', 1));
            m_throttleTimer->start(delay);
            return;
        }
        ErrorKind kind = ErrorKind::Http;
        const QString message = describeError(response, &kind);
        fail(kind, m_mode == Mode::Fetch && m_pages > 0 ? tr("%1 (after %2 complete pages)").arg(message).arg(m_pages) : message);
        return;
    }
    m_throttled = 0;
    ++m_pages;
    Step &step = m_steps[m_step];
    Aws::ParseOptions options;
    options.billingAccount = opt(m_config, "account_id");
    if (options.billingAccount.isEmpty())
        options.billingAccount = m_config.name;
    options.aiServicesOnly = opt(m_config, "scope", "bedrock") != u"all";
    options.tagKey = opt(m_config, "tag_key");
    options.service = step.service;
    if (!step.service.isEmpty() && !m_split)
        m_split = std::make_unique<FetchResult>();
    FetchResult &target = step.service.isEmpty() ? *m_result : *m_split;
    Aws::PageInfo page;
    QString error;
    if (!Aws::parseCostAndUsage(response.body, options, target, &page, &error)) {
        fail(ErrorKind::BadResponse, tr("%1 (page %2)").arg(error).arg(m_pages));
        return;
    }
    if (m_mode == Mode::Test) {
        done();
        return;
    }
    Q_EMIT fetchProgress(m_pages, 0, tr("Costs for %1, page %2 received").arg(m_window.text()).arg(m_pages));
    if (!page.nextPageToken.isEmpty()) {
        if (const QString stop = m_cursors.follow(tr("Cost Explorer"), page.nextPageToken); !stop.isEmpty()) {
            fail(ErrorKind::BadResponse, stop);
            return;
        }
        step.query.nextPageToken = page.nextPageToken;
        sendStep();
        return;
    }
    finishStep();
}

void AwsConnector::finishStep()
{
    const Step step = m_steps[m_step]; // a copy: m_steps grows below
    const QString tagKey = opt(m_config, "tag_key");
    if (step.service.isEmpty() && !tagKey.isEmpty()) {
        // One split query per Bedrock service seen in the window (tags are per resource, so only
        // services with spend need it).
        QStringList services;
        for (const Cost::Record &r : m_result->records()) {
            const QString s = QString::fromUtf8(r.dim(Cost::Dim::Service).data(),
                                                static_cast<qsizetype>(r.dim(Cost::Dim::Service).size()));
            if (Aws::isAiService(s) && !services.contains(s))
                services << s;
        }
        for (const QString &s : std::as_const(services)) {
            Step split;
            split.service = s;
            split.query.start = step.query.start;
            split.query.end = step.query.end;
            split.query.serviceFilter = s;
            split.query.groupBy = {{QStringLiteral("DIMENSION"), QStringLiteral("USAGE_TYPE")},
                                   {QStringLiteral("TAG"), tagKey}};
            m_steps.push_back(split);
        }
    } else if (!step.service.isEmpty()) {
        if (!m_split)
            m_split = std::make_unique<FetchResult>();
        Aws::applyTagSplit(*m_result, step.service, *m_split);
        m_split.reset();
    }
    m_cursors.reset(retryPolicy().maxPages);
    if (++m_step < m_steps.size()) {
        sendStep();
        return;
    }
    done();
}

void AwsConnector::done()
{
    const Mode mode = m_mode;
    m_mode = Mode::Idle;
    m_result->requests = m_requests;
    m_result->note = requestsText(m_requests) + QStringLiteral(" (%1)").arg(dollars(m_requests * kUsdPerRequest));
    if (mode == Mode::Test) {
        TestResult t;
        t.ok = true;
        t.message = tr("Connected to AWS Cost Explorer with %1. The test made 1 request (US$0.01).")
                        .arg(m_credentials.source == u"keychain" ? tr("the access key %1").arg(m_credentials.accessKeyId)
                                                                : m_credentials.source);
        Q_EMIT testFinished(t);
        return;
    }
    std::shared_ptr<FetchResult> result = std::move(m_result);
    m_result = std::make_shared<FetchResult>();
    Q_EMIT fetchFinished(result);
}

void AwsConnector::fail(ErrorKind kind, const QString &message)
{
    const Mode mode = m_mode;
    m_mode = Mode::Idle;
    ++m_generation;
    m_result = std::make_shared<FetchResult>(); // a failed window keeps nothing
    m_split.reset();
    // Never synchronously inside testConnection()/fetch().
    QTimer::singleShot(0, this, [this, mode, kind, message] {
        if (mode == Mode::Test)
            Q_EMIT testFinished(TestResult{false, kind, message});
        else
            Q_EMIT fetchFailed(kind, message);
    });
}

ConnectorEntry awsConnectorEntry()
{
    ConnectorEntry entry = connectorEntry<AwsConnector>();
    entry.requestNote = [](const AccountConfig &config, int windows) { return AwsConnector::estimateRequests(config, windows).text; };
    return entry;
}

} // namespace Conn
