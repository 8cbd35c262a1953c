#include "gcpconnector.h"

#include "bigqueryparser.h"
#include "failuretext.h"
#include "httpclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace Conn {

namespace {

const QString kScope = QStringLiteral("https://www.googleapis.com/auth/bigquery.readonly");
constexpr int kMaxPolls = 60;

QString timestampParam(const QDate &day) { return day.toString(Qt::ISODate) + QStringLiteral(" 00:00:00+00"); }

} // namespace

ConnectorDescriptor GcpConnector::makeDescriptor()
{
    ConnectorDescriptor c = describe(QStringLiteral("gcp"), tr("Google Cloud"),
                                     tr("Vertex AI and other Google Cloud spend from the Cloud Billing export to BigQuery "
                                        "(standard or FOCUS export), with a service-account key."));
    CredentialField key = secretField("service_account_json", tr("Service-account key (JSON)"),
                                      tr("Paste the JSON key file or choose it; it is stored in the system keychain only."),
                                      QStringLiteral("{\"type\": \"service_account\", \"client_email\": …}"));
    key.multiline = true;
    key.filePath = true;
    c.credentials.push_back(key);
    c.options = {
        optionField("table", tr("Billing export table"),
                    tr("project.dataset.table of the export, e.g. my-project.billing.gcp_billing_export_v1_012345_6789AB_CDEF01.")),
        optionField("export_type", tr("Export type"), tr("Standard usage cost export or the FOCUS export."), QStringLiteral("standard"),
                    {QStringLiteral("standard"), QStringLiteral("focus")}),
        optionField("project", tr("Query project"), tr("Project the BigQuery jobs run (and are billed) in; default: the key's project.")),
        optionField("location", tr("Dataset location"), tr("Location of the export dataset (US, EU, a region)."), QStringLiteral("US")),
        optionField("services", tr("Services"), tr("AI services only (Vertex AI, Gemini API) or all spend."), QStringLiteral("ai"),
                    {QStringLiteral("ai"), QStringLiteral("all")}),
    };
    c.helpUrl = QStringLiteral("https://cloud.google.com/billing/docs/how-to/export-data-bigquery");
    c.permissionsHelp = tr("Enable the Cloud Billing export to BigQuery, create a service account with the roles "
                           "\"BigQuery Data Viewer\" on the export dataset and \"BigQuery Job User\" on the query "
                           "project, and download a JSON key for it. Each sync window runs one query (billed by "
                           "bytes scanned; the date filter keeps it to the days asked for).");
    c.defaultBaseUrl = QStringLiteral("https://bigquery.googleapis.com");
    // Restate 5 days: export rows for a day keep arriving for several days.
    c.setDays(5, 31, 90);
    return c;
}

GcpConnector::GcpConnector(QObject *parent)
    : DescribedConnector(parent)
    , m_tokens(new GcpTokenSource(http(), kScope, this))
{
    setTokens(m_tokens);
}

GcpConnector::~GcpConnector() = default;

QString GcpConnector::billingSql(const AccountConfig &config, QString *error)
{
    const QString table = config.option(QStringLiteral("table")).trimmed().remove(QLatin1Char('`'));
    static const QRegularExpression kTable(QStringLiteral("^[A-Za-z0-9_.:-]+\\.[A-Za-z0-9_]+\\.[A-Za-z0-9_$*-]+$"));
    if (!kTable.match(table).hasMatch()) {
        if (error)
            *error = table.isEmpty() ? tr("The Google Cloud account needs the billing export table (project.dataset.table).")
                                     : tr("\"%1\" is not a BigQuery table name (project.dataset.table).").arg(table);
        return {};
    }
    const bool ai = config.option(QStringLiteral("services"), QStringLiteral("ai")) == QStringLiteral("ai");
    const QString aiServices = QStringLiteral("('Vertex AI', 'Gemini API', 'Generative Language API')");
    // Money is summed as NUMERIC (exact decimal, 9 places) so no float rounding reaches us.
    if (config.option(QStringLiteral("export_type"), QStringLiteral("standard")) == QStringLiteral("focus")) {
        return QStringLiteral(
                   "SELECT DATE(ChargePeriodStart) AS day, ServiceName AS service, SkuId AS sku_id, ChargeDescription AS sku, "
                   "SubAccountId AS project_id, SubAccountName AS project_name, RegionId AS region, "
                   "BillingAccountId AS billing_account_id, PricingUnit AS pricing_unit, ChargeCategory AS charge_category, "
                   "SUM(PricingQuantity) AS qty, SUM(CAST(BilledCost AS NUMERIC)) AS cost, "
                   "SUM(CAST(EffectiveCost AS NUMERIC)) AS effective_cost, SUM(CAST(ListCost AS NUMERIC)) AS list_cost, "
                   "BillingCurrency AS currency FROM `%1` WHERE ChargePeriodStart >= @start AND ChargePeriodStart < @end%2 "
                   "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15 ORDER BY 1, 4")
            .arg(table, ai ? QStringLiteral(" AND ServiceName IN ") + aiServices : QString());
    }
    return QStringLiteral(
               "SELECT DATE(usage_start_time) AS day, service.id AS service_id, service.description AS service, "
               "sku.id AS sku_id, sku.description AS sku, project.id AS project_id, project.name AS project_name, "
               "location.region AS region, billing_account_id, usage.pricing_unit AS pricing_unit, "
               "SUM(usage.amount_in_pricing_units) AS qty, SUM(CAST(cost AS NUMERIC)) AS cost, "
               "SUM(IFNULL((SELECT SUM(CAST(c.amount AS NUMERIC)) FROM UNNEST(credits) c), 0)) AS credits, currency, "
               "TO_JSON_STRING(labels) AS labels FROM `%1` WHERE usage_start_time >= @start AND usage_start_time < @end "
               "AND DATE(_PARTITIONTIME) >= DATE_SUB(DATE(@start), INTERVAL 1 DAY)%2 "
               "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 15 ORDER BY 1, 5")
        .arg(table, ai ? QStringLiteral(" AND service.description IN ") + aiServices : QString());
}

QByteArray GcpConnector::queryBody(const AccountConfig &config, const QString &sql, const DateWindow &window)
{
    auto param = [](const char *name, const QString &value) {
        return QJsonObject{{QStringLiteral("name"), QString::fromLatin1(name)},
                           {QStringLiteral("parameterType"), QJsonObject{{QStringLiteral("type"), QStringLiteral("TIMESTAMP")}}},
                           {QStringLiteral("parameterValue"), QJsonObject{{QStringLiteral("value"), value}}}};
    };
    const QJsonObject body{
        {QStringLiteral("query"), sql},
        {QStringLiteral("useLegacySql"), false},
        {QStringLiteral("parameterMode"), QStringLiteral("NAMED")},
        {QStringLiteral("queryParameters"), QJsonArray{param("start", timestampParam(window.from)), param("end", timestampParam(window.to))}},
        {QStringLiteral("timeoutMs"), 20000},
        {QStringLiteral("maxResults"), config.option(QStringLiteral("max_results"), QStringLiteral("5000")).toInt()},
        {QStringLiteral("location"), config.option(QStringLiteral("location"), QStringLiteral("US"))},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString GcpConnector::keyJson(const QString &secret)
{
    const QMap<QString, QString> packed = unpackSecret(secret);
    return packed.contains(QStringLiteral("service_account_json")) ? packed.value(QStringLiteral("service_account_json")) : secret;
}

QStringList GcpConnector::secretUrls(const AccountConfig &, const QString &secret)
{
    ServiceAccountKey key;
    QString ignored; // a broken key fails the connection anyway; its token_uri still counts when readable
    parseServiceAccountKey(keyJson(secret).toUtf8(), key, &ignored);
    return {key.tokenUri.isEmpty() ? QStringLiteral("https://oauth2.googleapis.com/token") : key.tokenUri};
}

QString GcpConnector::prepare(const QString &secret)
{
    m_polls = 0;
    m_throttled = 0;
    m_rowsSeen = 0;
    QString error;
    const QString json = keyJson(secret);
    if (json.trimmed().isEmpty())
        error = tr("No service-account key is stored for this Google Cloud account.");
    else
        parseServiceAccountKey(json.toUtf8(), m_key, &error);
    if (error.isEmpty())
        billingSql(config(), &error);
    const QString project = config().option(QStringLiteral("project"), m_key.projectId).trimmed();
    if (error.isEmpty() && project.isEmpty())
        error = tr("The Google Cloud account needs the project to run queries in (option \"project\").");
    QString base = baseUrl(config());
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QString why;
    if (error.isEmpty() && !HttpClient::isAllowedUrl(QUrl(base), &why))
        error = why;
    if (!error.isEmpty())
        return error;
    m_tokens->setKey(m_key);
    m_base = base + QStringLiteral("/bigquery/v2/projects/") + QString::fromLatin1(QUrl::toPercentEncoding(project));
    m_location = config().option(QStringLiteral("location"), QStringLiteral("US"));
    return {};
}

void GcpConnector::start()
{
    send("POST", QUrl(m_base + QStringLiteral("/queries")), queryBody(config(), billingSql(config(), nullptr), window()));
}

void GcpConnector::send(QByteArray method, const QUrl &url, const QByteArray &body)
{
    m_lastMethod = method;
    m_lastUrl = url;
    m_lastBody = body;
    HttpRequest request;
    request.method = method;
    request.url = url;
    if (!body.isEmpty())
        request.headers.emplaceBack("Content-Type", "application/json");
    request.body = body;
    sendAuthorized(request, tr("Fetching the billing export for %1, page %2").arg(window().text()).arg(pages() + 1));
}

void GcpConnector::onAnswer(const HttpResponse &r)
{
    if (!r.ok && r.status == 403) {
        // BigQuery signals quota throttling as 403 with reason rateLimitExceeded (and transient
        // failures as backendError); HttpClient does not retry a 403, so this does, with backoff.
        const QJsonObject err = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("error")).toObject();
        const QJsonArray reasons = err.value(QStringLiteral("errors")).toArray();
        const QString reason = reasons.isEmpty() ? QString() : reasons.first().toObject().value(QStringLiteral("reason")).toString();
        if (reason == QStringLiteral("rateLimitExceeded") || reason == QStringLiteral("backendError")) {
            if (++m_throttled >= retryPolicy().maxAttempts) {
                fail(ErrorKind::RateLimited, tr("BigQuery kept throttling the query: %1").arg(FailureText::firstMeaningfulLine(err.value(QStringLiteral("message")).toString())));
                return;
            }
            const int delay = std::min(retryPolicy().maxDelayMs, retryPolicy().baseDelayMs << std::min(m_throttled - 1, 16));
            later(delay, [this] { send(m_lastMethod, m_lastUrl, m_lastBody); });
            return;
        }
    }
    m_throttled = 0;
    if (!r.ok) {
        QString message = r.error;
        if (r.status == 403)
            message += QLatin1Char(' ') + tr("The service account needs \"BigQuery Data Viewer\" on the export dataset and "
                                             "\"BigQuery Job User\" on the query project.");
        fail(r.errorKind, message);
        return;
    }
    BigQueryPage page;
    QString error;
    if (!parseBigQueryPage(r.body, page, &error)) {
        fail(ErrorKind::BadResponse, error + tr(" (page %1)").arg(pages() + 1));
        return;
    }
    if (!page.jobComplete) {
        if (page.jobId.isEmpty()) {
            fail(ErrorKind::BadResponse, tr("BigQuery reported an unfinished query without a job id."));
            return;
        }
        if (++m_polls > kMaxPolls) {
            fail(ErrorKind::Timeout, tr("The BigQuery query did not finish after %1 polls.").arg(kMaxPolls));
            return;
        }
        nextPage(page);
        return;
    }
    std::vector<GcpCostRow> rows;
    if (!parseGcpCostRows(page, rows, &error)) {
        fail(ErrorKind::BadResponse, error + tr(" (page %1)").arg(pages() + 1));
        return;
    }
    const qint64 from = window().fromEpoch() / 86400, to = window().toEpoch() / 86400;
    for (const GcpCostRow &row : rows) {
        if (row.day < from || row.day >= to) {
            fail(ErrorKind::BadResponse, tr("BigQuery returned a row for a day outside the requested window."));
            return;
        }
    }
    pageRead();
    m_rowsSeen += static_cast<qint64>(rows.size());
    appendGcpRecords(rows, QString(), result());
    if (page.pageToken.isEmpty()) {
        succeed();
        return;
    }
    if (followCursor(tr("BigQuery"), page.pageToken))
        nextPage(page);
}

void GcpConnector::nextPage(const BigQueryPage &page)
{
    QUrl url(m_base + QStringLiteral("/queries/") + QString::fromLatin1(QUrl::toPercentEncoding(page.jobId)));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("location"), page.location.isEmpty() ? m_location : page.location);
    q.addQueryItem(QStringLiteral("maxResults"), config().option(QStringLiteral("max_results"), QStringLiteral("5000")));
    q.addQueryItem(QStringLiteral("timeoutMs"), QStringLiteral("10000"));
    if (!page.pageToken.isEmpty())
        q.addQueryItem(QStringLiteral("pageToken"), QString::fromLatin1(QUrl::toPercentEncoding(page.pageToken)));
    url.setQuery(q);
    send("GET", url, {});
}

QString GcpConnector::testMessage() const
{
    return tr("Connected to BigQuery: the billing export answered (%n row(s) yesterday).", nullptr, static_cast<int>(m_rowsSeen));
}

} // namespace Conn
