#include "connectorregistry.h"

#include "anthropicconnector.h"
#include "awsconnector.h"
#include "azureblobfocusconnector.h"
#include "azureconnector.h"
#include "focusfolderconnector.h"
#include "gcpconnector.h"
#include "huggingfaceconnector.h"
#include "langfuseconnector.h"
#include "litellmconnector.h"
#include "openaiconnector.h"
#include "openrouterconnector.h"
#include "s3focusconnector.h"
#include "syncengine.h"

#include <QMutex>
#include <QUrl>

namespace Conn {

namespace {

QMutex &mutex()
{
    static QMutex m;
    return m;
}

QList<ConnectorEntry> &entries()
{
    // Explicit list, not static self-registration: static libraries drop unreferenced objects.
    static QList<ConnectorEntry> list = [] {
        QList<ConnectorEntry> e;
        e.push_back(connectorEntry<FocusFolderConnector>());
        e.push_back(connectorEntry<OpenAiConnector>());
        e.push_back(connectorEntry<AnthropicConnector>());
        e.push_back(awsConnectorEntry());
        e.push_back(connectorEntry<AzureConnector>());
        e.push_back(connectorEntry<GcpConnector>());
        e.push_back(connectorEntry<OpenRouterConnector>());
        e.push_back(connectorEntry<HuggingFaceConnector>());
        e.push_back(connectorEntry<S3FocusConnector>());
        e.push_back(connectorEntry<AzureBlobFocusConnector>());
        e.push_back(connectorEntry<LiteLlmConnector>());
        e.push_back(connectorEntry<LangfuseConnector>());
        // One line per connector; awsConnectorEntry() adds the note on what its requests cost.
        return e;
    }();
    return list;
}

} // namespace

QList<ConnectorEntry> ConnectorRegistry::all()
{
    QMutexLocker lock(&mutex());
    return entries();
}

QStringList ConnectorRegistry::ids()
{
    QStringList out;
    for (const ConnectorEntry &e : all())
        out << e.descriptor.id;
    return out;
}

std::optional<ConnectorEntry> ConnectorRegistry::find(const QString &id)
{
    QMutexLocker lock(&mutex());
    for (const ConnectorEntry &e : entries())
        if (e.descriptor.id == id)
            return e;
    return std::nullopt;
}

Connector *ConnectorRegistry::create(const QString &id, QObject *parent)
{
    const auto entry = find(id);
    return entry ? entry->create(parent) : nullptr;
}

void ConnectorRegistry::add(const ConnectorEntry &entry)
{
    QMutexLocker lock(&mutex());
    for (ConnectorEntry &e : entries()) {
        if (e.descriptor.id == entry.descriptor.id) {
            e = entry;
            return;
        }
    }
    entries().push_back(entry);
}

QString ConnectorRegistry::normalisedBaseUrl(const QString &provider, const QString &url)
{
    const QString trimmed = url.trimmed();
    const auto entry = find(provider);
    if (trimmed.isEmpty() || !entry || entry->descriptor.sdkVersionPath.isEmpty())
        return trimmed;
    QUrl parsed(trimmed);
    QString path = parsed.path();
    const auto chopSlashes = [&path] {
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
    };
    chopSlashes();
    if (!path.endsWith(entry->descriptor.sdkVersionPath, Qt::CaseInsensitive))
        return trimmed;
    path.chop(entry->descriptor.sdkVersionPath.size());
    chopSlashes();
    parsed.setPath(path);
    return parsed.toString();
}

QString ConnectorRegistry::requestNote(const AccountConfig &account, const SyncStatus &status, const QDate &today)
{
    const auto entry = find(account.provider);
    if (!entry || !entry->requestNote)
        return {};
    const int windows = static_cast<int>(planWindows(entry->descriptor, account, status, today, nullptr).size());
    return entry->requestNote(account, windows);
}

} // namespace Conn
