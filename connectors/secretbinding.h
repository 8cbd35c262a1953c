#pragma once

#include "connector.h"
#include "secretstore.h"

#include <QString>
#include <QStringList>

namespace Conn {

/// An account's secret with the hosts it was entered for, as kept together in ONE keychain entry
/// (the hosts are not secret, but beside the secret nothing outside the keychain can re-bind it).
struct BoundSecret {
    QString secret;
    QStringList hosts; ///< lower-case host names; empty for a secret stored before binding existed
};

/// The keychain value of `secret` bound to `hosts`.
QString bindSecret(const QString &secret, const QStringList &hosts);
/// Inverse of bindSecret; a value that is not a bound secret is the plain secret with no hosts.
BoundSecret unbindSecret(const QString &value);

/// Every host `secret` of account `config` is sent to: the base URL's host (or the connector's
/// default), and those its connector adds (ConnectorEntry::secretHosts: Azure's sign-in host, a
/// GCP key's token_uri host). Lower-case, without duplicates.
QStringList secretHosts(const AccountConfig &config, const QString &secret);
/// Empty when `stored` may go where `config` points; otherwise the message for the user (which
/// host the secret was entered for, where the account points now, enter it again).
QString checkSecretHosts(const AccountConfig &config, const BoundSecret &stored);

/// Keychain: stores `secret` for account `config` (id set), bound to secretHosts(config, secret).
bool storeAccountSecret(const AccountConfig &config, const QString &secret, QString *error);
/// Keychain: the secret of account `config` when it may be sent where `config` points; else not
/// ok with the message (checkSecretHosts). A secret stored before binding existed is bound now,
/// to where the account points. Blocking (a keychain round trip); never inside a transaction.
SecretResult loadAccountSecret(const AccountConfig &config);
/// Keychain: false with *error when editing account `before` into `after` without entering the
/// secret again would send the stored secret to a host it was not entered for.
bool secretFollowsEdit(const AccountConfig &before, const AccountConfig &after, QString *error);

} // namespace Conn
