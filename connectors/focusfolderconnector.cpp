#include "focusfolderconnector.h"

#include "focusfoldersync.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTimer>

namespace Conn {

ConnectorDescriptor FocusFolderConnector::makeDescriptor()
{
    ConnectorDescriptor c = describe(QStringLiteral("focus-folder"), tr("FOCUS folder"),
                                     tr("A local folder of FOCUS CSV exports (for example an S3, Blob or GCS billing export "
                                        "synced to this machine). New and restated files are imported on every sync."));
    OptionField path = optionField("path", tr("Folder"), tr("The folder holding the FOCUS CSV files (searched recursively)."));
    path.directory = true;
    c.options.push_back(path);
    c.permissionsHelp = tr("Burnrate needs read access to the folder. No credentials are stored.");
    c.setDays(0, 0, 0);
    c.needsSecret = false;
    c.mode = SyncMode::Files;
    return c;
}

void FocusFolderConnector::testConnection(const AccountConfig &config, const QString &)
{
    TestResult result;
    QString error;
    const QStringList files = FocusFolderSync::listFiles(config.option(QStringLiteral("path")), &error);
    if (!error.isEmpty()) {
        result.kind = ErrorKind::Config;
        result.message = error;
    } else {
        result.ok = true;
        result.message = files.isEmpty() ? tr("The folder is readable but holds no CSV files yet.")
                                         : QCoreApplication::translate("Conn::FocusFolderConnector",
                                                                     "The folder is readable and holds %n CSV file(s).",
                                                                     nullptr, static_cast<int>(files.size()));
    }
    QTimer::singleShot(0, this, [this, result] { Q_EMIT testFinished(result); });
}

void FocusFolderConnector::fetch(const AccountConfig &, const QString &, const DateWindow &)
{
    QTimer::singleShot(0, this, [this] {
        Q_EMIT fetchFailed(ErrorKind::Config, tr("A FOCUS folder is imported file by file, not by date window."));
    });
}

} // namespace Conn
