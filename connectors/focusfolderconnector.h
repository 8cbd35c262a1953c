#pragma once

#include "connectorregistry.h"

namespace Conn {

/// "focus-folder": a local folder of FOCUS CSV exports (e.g. an S3 / Blob / GCS export synced
/// locally). Option "path" = the folder. SyncMode::Files: the sync engine imports new and
/// changed files through FocusFolderSync; fetch() is not used. No secret.
class FocusFolderConnector : public Connector {
    Q_OBJECT
public:
    explicit FocusFolderConnector(QObject *parent = nullptr) : Connector(parent) {}
    static const ConnectorDescriptor &staticDescriptor();
    const ConnectorDescriptor &descriptor() const override { return staticDescriptor(); }
    /// Checks that the folder exists, is readable and holds CSV files (reports how many).
    void testConnection(const AccountConfig &config, const QString &secret) override;
    /// Always fails: a Files-mode source is imported by FocusFolderSync.
    void fetch(const AccountConfig &config, const QString &secret, const DateWindow &window) override;
    void cancel() override {}
};

/// The registry entry of the focus-folder connector.
ConnectorEntry focusFolderConnectorEntry();

} // namespace Conn
