#include "secretbinding.h"

#include "connectorregistry.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace Conn {

namespace {

// The marker member of a bound keychain value; no connector's packed secret has it.
const QString kBoundMarker = QStringLiteral("burnrate_bound_secret");

QString tr(const char *text) { return QCoreApplication::translate("Conn", text); }

QString hostList(const QStringList &hosts) { return hosts.join(QStringLiteral(", ")); }

} // namespace

QString bindSecret(const QString &secret, const QStringList &hosts)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{kBoundMarker, 1},
                                                       {QStringLiteral("hosts"), QJsonArray::fromStringList(hosts)},
                                                       {QStringLiteral("secret"), secret}})
                                 .toJson(QJsonDocument::Compact));
}

BoundSecret unbindSecret(const QString &value)
{
    if (!value.startsWith(QLatin1Char('{')))
        return {value, {}};
    const QJsonObject o = QJsonDocument::fromJson(value.toUtf8()).object();
    if (!o.contains(kBoundMarker))
        return {value, {}}; // a packed secret (JSON) stored before binding existed
    BoundSecret b;
    b.secret = o.value(QStringLiteral("secret")).toString();
    for (const QJsonValue &h : o.value(QStringLiteral("hosts")).toArray())
        b.hosts << h.toString();
    return b;
}

QStringList secretHosts(const AccountConfig &config, const QString &secret)
{
    const auto entry = ConnectorRegistry::find(config.provider);
    QStringList hosts;
    auto add = [&hosts](const QString &url) {
        const QString host = QUrl(url.trimmed()).host().toLower();
        if (!host.isEmpty() && !hosts.contains(host))
            hosts << host;
    };
    add(config.baseUrl.isEmpty() && entry ? entry->descriptor.defaultBaseUrl : config.baseUrl);
    if (entry && entry->secretHosts) {
        for (const QString &url : entry->secretHosts(config, secret))
            add(url);
    }
    return hosts;
}

QString checkSecretHosts(const AccountConfig &config, const BoundSecret &stored)
{
    QStringList foreign;
    for (const QString &host : secretHosts(config, stored.secret))
        if (!stored.hosts.contains(host))
            foreign << host;
    if (foreign.isEmpty())
        return {};
    return tr("The secret for account %1 was entered for %2; the account now points to %3. Enter the secret again "
              "for the new host.")
        .arg(config.name, hostList(stored.hosts), hostList(foreign));
}

bool storeAccountSecret(const AccountConfig &config, const QString &secret, QString *error)
{
    return writeSecret(accountSecretKey(config.id), bindSecret(secret, secretHosts(config, secret)), error);
}

SecretResult loadAccountSecret(const AccountConfig &config)
{
    SecretResult r = readSecret(accountSecretKey(config.id));
    if (!r.ok)
        return r;
    BoundSecret bound = unbindSecret(r.value);
    if (bound.hosts.isEmpty()) { // stored before binding existed: bound from now on to where it goes
        bound.hosts = secretHosts(config, bound.secret);
        QString ignored; // still unbound next time when the keychain refuses; the sync goes on
        writeSecret(accountSecretKey(config.id), bindSecret(bound.secret, bound.hosts), &ignored);
    }
    r.value = bound.secret;
    r.error = checkSecretHosts(config, bound);
    r.ok = r.error.isEmpty();
    if (!r.ok)
        r.value.clear();
    return r;
}

bool secretFollowsEdit(const AccountConfig &before, const AccountConfig &after, QString *error)
{
    const auto entry = ConnectorRegistry::find(after.provider);
    if (!entry || !entry->descriptor.needsSecret)
        return true;
    const SecretResult r = readSecret(accountSecretKey(before.id));
    if (!r.ok)
        return true; // nothing stored that could follow the edit (a sync asks for the secret)
    BoundSecret bound = unbindSecret(r.value);
    if (bound.hosts.isEmpty())
        bound.hosts = secretHosts(before, bound.secret);
    const QString problem = checkSecretHosts(after, bound);
    if (!problem.isEmpty() && error)
        *error = problem;
    return problem.isEmpty();
}

} // namespace Conn
