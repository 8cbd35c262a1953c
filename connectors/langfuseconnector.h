#pragma once

#include "adminreportconnector.h"
#include "describedconnector.h"

namespace Conn {

/// "langfuse": the generations a Langfuse project recorded, as application telemetry. Each window
/// pages `GET {host}/api/public/v2/observations?type=GENERATION&fromStartTime=…&toStartTime=…`
/// (RFC 3339, UTC; `limit` 1000) by `cursor`, read from `meta.cursor` until it is null. Pages go
/// through Telemetry::parseLangfuseObservations into FetchResult::usage. Auth: HTTP Basic with the
/// project's public key as the user and its secret key as the password; the account's secret packs
/// both ({"public_key": …, "secret_key": …}, or "pk-lf-…:sk-lf-…"). Option: "history_days".
class LangfuseConnector : public DescribedConnector<LangfuseConnector, AdminReportConnector> {
    Q_OBJECT
public:
    using DescribedConnector::DescribedConnector;
    /// Built once by staticDescriptor().
    static ConnectorDescriptor makeDescriptor();
    /// The public and secret key of an account's secret (either form); false when one is missing.
    static bool keyPair(const QString &secret, QString *publicKey, QString *secretKey);

protected:
    QList<QPair<QByteArray, QByteArray>> authHeaders(const QString &secret) const override;
    QList<Report> windowReports(const AccountConfig &config, const DateWindow &window, QString *error) const override;
    Report testReport(const AccountConfig &config) const override;
    AdminKey adminKey() const override;
    QString checkSecret(const QString &secret) const override;
};

} // namespace Conn
