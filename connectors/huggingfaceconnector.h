#pragma once

#include "adminreportconnector.h"
#include "describedconnector.h"

namespace Conn {

/// "huggingface": the estimated cost of Hugging Face Inference Endpoints. Hugging Face publishes
/// no bill through an API, so each sync window lists the namespace's endpoints once
/// (`GET {base}/v2/endpoint/{namespace}`, `Authorization: Bearer <user access token>`), adds what
/// it saw to the account's observed states in the store, and turns the minutes each endpoint was
/// initializing or running into estimated hourly charges at the shipped price of its instance
/// (huggingfaceprices.cpp). The observation moment is the API's Date header. States and charges
/// are written in the window's transaction (FetchResult::inTransaction). Options: "namespace"
/// (the user or organisation owning the endpoints; required), "history_days".
class HuggingFaceConnector : public DescribedConnector<HuggingFaceConnector, AdminReportConnector> {
    Q_OBJECT
public:
    using DescribedConnector::DescribedConnector;
    /// Built once by staticDescriptor().
    static ConnectorDescriptor makeDescriptor();

    void testConnection(const AccountConfig &config, const QString &secret) override;

protected:
    QList<QPair<QByteArray, QByteArray>> authHeaders(const QString &secret) const override;
    QList<Report> windowReports(const AccountConfig &config, const DateWindow &window, QString *error) const override;
    AdminKey adminKey() const override;
    QString testSuccessText(const FetchResult &result) const override;
};

} // namespace Conn
