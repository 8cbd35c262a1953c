#include "azureconnector.h"

#include "azureparser.h"
#include "azuretoken.h"
#include "httpclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace Conn {

namespace {

const char *const kApiVersion = "2023-11-01";
const QString kManagementScope = QStringLiteral("https://management.azure.com/.default");

} // namespace

ConnectorDescriptor AzureConnector::makeDescriptor()
{
    ConnectorDescriptor c = describe(QStringLiteral("azure"), tr("Microsoft Azure"),
                                     tr("Azure OpenAI and other Azure spend from the Cost Management Query API, daily per meter "
                                        "and resource, with an Entra ID service principal."));
    // Tenant and client id are not secret: the wizard keeps them with the options (SQLite).
    const QString guid = QStringLiteral("00000000-0000-0000-0000-000000000000");
    c.credentials = {
        plainField("tenant_id", tr("Tenant id"), tr("Directory (tenant) id of the app registration."), guid),
        plainField("client_id", tr("Client id"), tr("Application (client) id of the app registration."), guid),
        secretField("client_secret", tr("Client secret"), tr("The secret value (not the secret id) of the app registration.")),
    };
    c.options = {
        optionField("scope_type", tr("Scope"), tr("What to read costs for."), QStringLiteral("subscription"),
                    {QStringLiteral("subscription"), QStringLiteral("resource_group"), QStringLiteral("billing_account")}),
        optionField("subscription_id", tr("Subscription id"), tr("For the subscription and resource-group scopes.")),
        optionField("resource_group", tr("Resource group"), tr("For the resource-group scope.")),
        optionField("billing_account_id", tr("Billing account id"), tr("For the billing-account scope.")),
        optionField("cost_type", tr("Cost type"), tr("Actual cost as invoiced, or amortized reservations."),
                    QStringLiteral("ActualCost"), {QStringLiteral("ActualCost"), QStringLiteral("AmortizedCost")}),
        optionField("services", tr("Services"), tr("AI services only (Azure OpenAI, Foundry Models, Cognitive Services) or all spend."),
                    QStringLiteral("ai"), {QStringLiteral("ai"), QStringLiteral("all")}),
        optionField("tag_key", tr("Group by tag"), tr("Optional tag key (e.g. \"team\") whose value is kept on each charge.")),
        optionField("login_url", tr("Sign-in URL"), tr("Entra ID authority; change only for sovereign clouds."),
                    QStringLiteral("https://login.microsoftonline.com")),
    };
    c.helpUrl = QStringLiteral("https://learn.microsoft.com/azure/cost-management-billing/automate/cost-management-api-permissions");
    c.permissionsHelp = tr("Register an app in Entra ID (App registrations → New registration), create a client secret, "
                           "and give the app the \"Cost Management Reader\" role on the subscription, resource group or "
                           "billing account. Cost Management allows only a few queries per minute; a sync makes one "
                           "query per month of history plus one per extra page.");
    c.defaultBaseUrl = QStringLiteral("https://management.azure.com");
    // Restate 5 days: Azure usage arrives up to ~72 h late and is re-rated. 31-day windows: one
    // query per month, as the Query API is throttled per minute.
    c.setDays(5, 31, 90);
    return c;
}

AzureConnector::AzureConnector(QObject *parent)
    : DescribedConnector(parent)
    , m_tokens(new AzureTokenSource(http(), this))
{
    setTokens(m_tokens);
}

AzureConnector::~AzureConnector() = default;

QString AzureConnector::scopePath(const AccountConfig &config, QString *error)
{
    const QString type = config.option(QStringLiteral("scope_type"), QStringLiteral("subscription"));
    const QString sub = config.option(QStringLiteral("subscription_id")).trimmed();
    const QString rg = config.option(QStringLiteral("resource_group")).trimmed();
    const QString ba = config.option(QStringLiteral("billing_account_id")).trimmed();
    auto enc = [](const QString &s) { return QString::fromLatin1(QUrl::toPercentEncoding(s)); };
    auto missing = [error](const QString &what) {
        if (error)
            *error = tr("The Azure account needs a %1.").arg(what);
        return QString();
    };
    if (type == QStringLiteral("billing_account"))
        return ba.isEmpty() ? missing(tr("billing account id")) : QStringLiteral("providers/Microsoft.Billing/billingAccounts/") + enc(ba);
    if (sub.isEmpty())
        return missing(tr("subscription id"));
    if (type == QStringLiteral("resource_group"))
        return rg.isEmpty() ? missing(tr("resource group")) : QStringLiteral("subscriptions/%1/resourceGroups/%2").arg(enc(sub), enc(rg));
    if (type != QStringLiteral("subscription")) {
        if (error)
            *error = tr("Unknown Azure scope type \"%1\" (subscription, resource_group or billing_account).").arg(type);
        return {};
    }
    return QStringLiteral("subscriptions/") + enc(sub);
}

QByteArray AzureConnector::queryBody(const AccountConfig &config, const DateWindow &window)
{
    auto dimension = [](const char *name) {
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("Dimension")}, {QStringLiteral("name"), QString::fromLatin1(name)}};
    };
    // Quantity and unit: the UsageQuantity aggregation (Sum) gives a row's quantity, the
    // UnitOfMeasure dimension its unit ("1K", "1M" for Azure OpenAI token meters), so tokens are
    // quantity x unit (azureparser.cpp). Names: QueryAggregation {name, function "Sum"} and
    // QueryGrouping {type "Dimension", name} of Query - Usage
    // (learn.microsoft.com/rest/api/cost-management/query/usage); "UsageQuantity" / "UnitOfMeasure"
    // as public Cost Management clients send them and read them back as columns of those names.
    // Without the grouping the rows carry no unit and Azure OpenAI showed cost but 0 tokens.
    QJsonArray grouping{dimension("MeterSubCategory"), dimension("Meter"), dimension("UnitOfMeasure"), dimension("ResourceId")};
    const QString tag = config.option(QStringLiteral("tag_key")).trimmed();
    if (!tag.isEmpty())
        grouping.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("TagKey")}, {QStringLiteral("name"), tag}});
    QJsonObject dataset{
        {QStringLiteral("granularity"), QStringLiteral("Daily")},
        {QStringLiteral("aggregation"),
         QJsonObject{{QStringLiteral("totalCost"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Cost")}, {QStringLiteral("function"), QStringLiteral("Sum")}}},
                     {QStringLiteral("totalQuantity"),
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("UsageQuantity")}, {QStringLiteral("function"), QStringLiteral("Sum")}}}}},
        {QStringLiteral("grouping"), grouping},
    };
    if (config.option(QStringLiteral("services"), QStringLiteral("ai")) == QStringLiteral("ai")) {
        auto in = [](const char *dim, const QStringList &values) {
            return QJsonObject{{QStringLiteral("dimensions"),
                                QJsonObject{{QStringLiteral("name"), QString::fromLatin1(dim)},
                                            {QStringLiteral("operator"), QStringLiteral("In")},
                                            {QStringLiteral("values"), QJsonArray::fromStringList(values)}}}};
        };
        dataset.insert(QStringLiteral("filter"),
                       QJsonObject{{QStringLiteral("or"),
                                    QJsonArray{in("MeterSubCategory", {QStringLiteral("Azure OpenAI")}),
                                               in("MeterCategory", {QStringLiteral("Foundry Models"), QStringLiteral("Cognitive Services")})}}});
    }
    // The window is [from, to) in whole UTC days; the API takes an inclusive end instant.
    const QString from = window.from.toString(Qt::ISODate) + QStringLiteral("T00:00:00Z");
    const QString to = window.to.addDays(-1).toString(Qt::ISODate) + QStringLiteral("T23:59:59Z");
    const QJsonObject body{
        {QStringLiteral("type"), config.option(QStringLiteral("cost_type"), QStringLiteral("ActualCost"))},
        {QStringLiteral("timeframe"), QStringLiteral("Custom")},
        {QStringLiteral("timePeriod"), QJsonObject{{QStringLiteral("from"), from}, {QStringLiteral("to"), to}}},
        {QStringLiteral("dataset"), dataset},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

int AzureConnector::msRateLimitWaitSeconds(const HttpResponse &response)
{
    int wait = 0;
    for (auto it = response.headers.begin(); it != response.headers.end(); ++it) {
        if (it.key().startsWith("x-ms-ratelimit-") && it.key().endsWith("-retry-after"))
            wait = std::max(wait, it.value().trimmed().toInt());
    }
    return wait;
}

QStringList AzureConnector::secretUrls(const AccountConfig &config, const QString &)
{
    return {config.option(QStringLiteral("login_url"), QStringLiteral("https://login.microsoftonline.com"))};
}

QString AzureConnector::prepare(const QString &secret)
{
    const QMap<QString, QString> packed = unpackSecret(secret);
    AzureServicePrincipal p;
    p.tenantId = config().option(QStringLiteral("tenant_id"), packed.value(QStringLiteral("tenant_id"))).trimmed();
    p.clientId = config().option(QStringLiteral("client_id"), packed.value(QStringLiteral("client_id"))).trimmed();
    p.clientSecret = packed.contains(QStringLiteral("client_secret")) ? packed.value(QStringLiteral("client_secret"))
                                                                      : packed.value(QString());
    QString error;
    const QString scope = scopePath(config(), &error);
    if (p.tenantId.isEmpty())
        error = tr("The Azure account needs a tenant id.");
    else if (p.clientId.isEmpty())
        error = tr("The Azure account needs a client (application) id.");
    else if (p.clientSecret.isEmpty())
        error = tr("No client secret is stored for this Azure account.");
    m_base = QUrl(baseUrl(config()));
    QString why;
    if (error.isEmpty() && !HttpClient::isAllowedUrl(m_base, &why))
        error = why;
    if (!error.isEmpty())
        return error;
    m_tokens->configure(p, secretUrls(config(), secret).constFirst(), kManagementScope);
    QString base = m_base.toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    m_base = QUrl(base + QLatin1Char('/') + scope + QStringLiteral("/providers/Microsoft.CostManagement/query?api-version=")
                  + QString::fromLatin1(kApiVersion));
    return {};
}

void AzureConnector::start()
{
    m_body = queryBody(config(), window());
    queryPage(m_base);
}

void AzureConnector::queryPage(const QUrl &url)
{
    HttpRequest request;
    request.method = "POST";
    request.url = url;
    request.headers.emplaceBack("Content-Type", "application/json");
    request.body = m_body;
    sendAuthorized(request, tr("Fetching costs for %1, page %2").arg(window().text()).arg(pages() + 1));
}

void AzureConnector::onAnswer(const HttpResponse &r)
{
    if (!r.ok) {
        QString message = r.error;
        if (r.status == 403)
            message += QLatin1Char(' ') + tr("Give the app registration the \"Cost Management Reader\" role on this scope.");
        if (r.status == 429) {
            if (const int wait = msRateLimitWaitSeconds(r); wait > 0)
                message += QLatin1Char(' ') + tr("Azure asks to wait %n second(s) before the next query.", nullptr, wait);
        }
        fail(r.errorKind, message);
        return;
    }
    AzureQueryPage page;
    QString error;
    if (!parseAzureQueryPage(r.body, page, &error)) {
        fail(ErrorKind::BadResponse, error + tr(" (page %1)").arg(pages() + 1));
        return;
    }
    pageRead();
    // Rows must fall inside the window; the API answers for the period asked, so anything else
    // is a malformed answer — reject the window instead of storing partial days.
    const qint64 from = window().fromEpoch() / 86400, to = window().toEpoch() / 86400;
    for (const AzureCostRow &row : page.rows) {
        if (row.hasDay && (row.day < from || row.day >= to)) {
            fail(ErrorKind::BadResponse, tr("Azure Cost Management returned a row for a day outside the requested window."));
            return;
        }
        if (!row.hasDay) {
            fail(ErrorKind::BadResponse, tr("Azure Cost Management returned rows without a UsageDate (daily granularity expected)."));
            return;
        }
    }
    AzureRecordContext ctx;
    ctx.billingAccount = config().option(QStringLiteral("scope_type")) == QStringLiteral("billing_account")
        ? config().option(QStringLiteral("billing_account_id"))
        : config().option(QStringLiteral("subscription_id"));
    ctx.scopeName = config().name;
    appendAzureRecords(page.rows, ctx, result());

    if (page.nextLink.isEmpty()) {
        succeed();
        return;
    }
    if (!followCursor(tr("Azure Cost Management"), page.nextLink))
        return;
    const QUrl next(page.nextLink);
    // Never send the bearer token to another host than the one configured.
    if (next.host() != m_base.host() || next.port() != m_base.port() || next.scheme() != m_base.scheme()) {
        fail(ErrorKind::BadResponse, tr("Azure Cost Management sent a nextLink to another host (%1); not followed.").arg(next.host()));
        return;
    }
    const int wait = msRateLimitWaitSeconds(r);
    if (wait > 0) {
        Q_EMIT fetchProgress(pages(), 0, tr("Azure asks to wait %n second(s) before the next query.", nullptr, wait));
        later(std::min(wait, 120) * 1000, [this, next] { queryPage(next); });
        return;
    }
    queryPage(next);
}

QString AzureConnector::testMessage() const
{
    return tr("Connected to Azure Cost Management: the service principal can read costs (%n charge(s) yesterday).", nullptr,
              static_cast<int>(result().size()));
}

} // namespace Conn
