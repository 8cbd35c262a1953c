#pragma once

#include "describedconnector.h"

namespace Conn {

/// "focus-folder": a local folder of FOCUS CSV exports (e.g. an S3 / Blob / GCS export synced
/// locally). Option "path" = the folder. SyncMode::Files: the sync engine imports new and
/// changed files through FocusFolderSync; fetch() is not used. No secret.
class FocusFolderConnector : public DescribedConnector<FocusFolderConnector> {
    Q_OBJECT
public:
    using DescribedConnector::DescribedConnector;
    /// Built once by staticDescriptor().
    static ConnectorDescriptor makeDescriptor();
    /// Checks that the folder exists, is readable and holds CSV files (reports how many).
    void testConnection(const AccountConfig &config, const QString &secret) override;
    /// Always fails: a Files-mode source is imported by FocusFolderSync.
    void fetch(const AccountConfig &config, const QString &secret, const DateWindow &window) override;
    void cancel() override {}
};

} // namespace Conn
