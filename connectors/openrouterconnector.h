#pragma once

#include "adminreportconnector.h"
#include "describedconnector.h"

namespace Conn {

/// "openrouter": OpenRouter's activity API, `GET /api/v1/activity?date=YYYY-MM-DD` — daily usage
/// per model and provider endpoint for the last 30 completed UTC days (one request per completed
/// day of the window; the current day is not complete and is not asked for). Auth:
/// `Authorization: Bearer <management key>` (ordinary inference keys get 401/403). Options:
/// "account" (billing-account label, default the account name), "api_key_hash" (only the usage of
/// one API key), "history_days" (at most 30: the API keeps no more).
class OpenRouterConnector : public DescribedConnector<OpenRouterConnector, AdminReportConnector> {
    Q_OBJECT
public:
    using DescribedConnector::DescribedConnector;
    /// Built once by staticDescriptor().
    static ConnectorDescriptor makeDescriptor();

protected:
    QList<QPair<QByteArray, QByteArray>> authHeaders(const QString &secret) const override;
    QList<Report> windowReports(const AccountConfig &config, const DateWindow &window, QString *error) const override;
    AdminKey adminKey() const override;
};

} // namespace Conn
