#pragma once

#include "describedconnector.h"
#include "oauthpagedconnector.h"

#include <QByteArray>
#include <QUrl>


namespace Conn {

class AzureTokenSource;
struct HttpResponse;

/// "azure": Azure Cost Management Query API (`POST {scope}/providers/Microsoft.CostManagement/
/// query`, daily, grouped by meter sub-category, meter and resource [+ a tag key], `nextLink`
/// paging with the same body) authenticated with an Entra ID service principal (OAuth2 client
/// credentials, token cached until expiry). Scopes: subscription, resource group, billing
/// account. Credentials: tenant_id and client_id (not secret: kept in the options) and the client
/// secret; options: scope_type, subscription_id, resource_group,
/// billing_account_id, cost_type, services, tag_key, login_url; secret: the client secret (or a
/// packed JSON {tenant_id, client_id, client_secret}). Throttling (429 + Retry-After) is retried
/// by HttpClient; x-ms-ratelimit-*-retry-after on an answer delays the next page.
class AzureConnector : public DescribedConnector<AzureConnector, OAuthPagedConnector> {
    Q_OBJECT
public:
    explicit AzureConnector(QObject *parent = nullptr);
    ~AzureConnector() override;
    /// Built once by staticDescriptor().
    static ConnectorDescriptor makeDescriptor();
    /// Where the client secret goes besides the base URL: the Entra ID sign-in URL (option login_url).
    static QStringList secretUrls(const AccountConfig &config, const QString &secret);

    /// "subscriptions/<id>", "subscriptions/<id>/resourceGroups/<rg>" or
    /// "providers/Microsoft.Billing/billingAccounts/<id>"; empty with *error when incomplete.
    static QString scopePath(const AccountConfig &config, QString *error);
    /// The Query request body for `window` (pure function).
    static QByteArray queryBody(const AccountConfig &config, const DateWindow &window);
    /// Seconds an answer asks to wait before the next query (largest x-ms-ratelimit-*-retry-after), or 0.
    static int msRateLimitWaitSeconds(const HttpResponse &response);

protected:
    QString prepare(const QString &secret) override;
    void start() override;
    void onAnswer(const HttpResponse &response) override;
    QString testMessage() const override;

private:
    void queryPage(const QUrl &url);

    AzureTokenSource *m_tokens;
    QByteArray m_body;
    QUrl m_base;
};

} // namespace Conn
