#pragma once

#include "connector.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Conn {

/// How to make one connector: its static descriptor and a factory. The factory is called on the
/// thread the connector will live on (the sync engine's worker, or the GUI thread for a test).
struct ConnectorEntry {
    ConnectorDescriptor descriptor;
    std::function<Connector *(QObject *parent)> create;
    /// For sources that bill per request (AWS Cost Explorer): one sentence saying how many requests
    /// a sync of `windowCount` windows makes and what they cost. Unset = requests are free.
    std::function<QString(const AccountConfig &config, int windowCount)> requestNote = {};
    /// URLs besides the base URL's that receive the account's secret (Azure's sign-in URL, a GCP
    /// key's token_uri): the secret is bound to their hosts too (see secretbinding.h). Unset = none.
    std::function<QStringList(const AccountConfig &config, const QString &secret)> secretHosts = {};
};

struct SyncStatus;

/// The static registry of data sources. Built-in connectors are listed in
/// connectorregistry.cpp (one line each — add yours there, e.g.
/// `e.push_back(connectorEntry<OpenAiConnector>());`, see describedconnector.h); tests may add their own with add().
/// Thread-safe for reads after the first call; add() is meant for test set-up.
class ConnectorRegistry {
public:
    /// Every registered connector, in registration order.
    static QList<ConnectorEntry> all();
    /// Ids of every registered connector.
    static QStringList ids();
    /// The entry with this id, or nullopt.
    static std::optional<ConnectorEntry> find(const QString &id);
    /// Creates the connector `id` (nullptr when unknown).
    static Connector *create(const QString &id, QObject *parent = nullptr);
    /// What the next sync of `account` (in `status`, as of `today` UTC) costs in billed requests,
    /// as one sentence; empty when its source does not bill requests (see ConnectorEntry::requestNote).
    static QString requestNote(const AccountConfig &account, const SyncStatus &status, const QDate &today);
    /// `url` (a base URL as a user or an SDK writes it) in the form the connector `provider` appends
    /// its request paths to: trimmed, without trailing slashes and without the descriptor's
    /// sdkVersionPath ("https://api.openai.com/v1/" -> "https://api.openai.com"). Applied where a
    /// base URL enters (AccountStore writes and reads, AccountManager::testConnection), never per request.
    static QString normalisedBaseUrl(const QString &provider, const QString &url);
    /// Registers (or replaces, same id) a connector at run time — for tests.
    static void add(const ConnectorEntry &entry);
};

} // namespace Conn
