#pragma once

#include <QString>

namespace Conn {

/// Outcome of a keychain read. `ok` false with `error` set when the keychain is unavailable,
/// locked, or holds no entry for the key (`notFound` tells the last case apart).
struct SecretResult {
    bool ok = false;
    bool notFound = false;
    QString value;
    QString error;
};

/// Blocking wrappers over QtKeychain (service name "burnrate", or the environment variable
/// BURNRATE_KEYCHAIN_SERVICE when set — the test suite uses one per test). Secrets live in the OS keychain
/// and nowhere else: there is no insecure fallback — without a reachable keychain (Secret Service
/// on Linux) every call fails with a clear error. Usable from the GUI thread (runs a local event
/// loop for the duration of the D-Bus round trip) and from worker threads with an event
/// dispatcher or the CLI. Keys are namespaced by the caller, e.g. "account/12", "webhook/url".
/// Error texts never contain the secret.
SecretResult readSecret(const QString &key);
/// Stores (or replaces) `value` under `key`; false with *error set on failure.
bool writeSecret(const QString &key, const QString &value, QString *error);
/// Removes the entry; deleting a missing entry succeeds. False with *error set on failure.
bool deleteSecret(const QString &key, QString *error);

/// The keychain key of an account's secret ("account/<id>").
QString accountSecretKey(qint64 accountId);
/// The keychain key of the OTLP receiver's bearer token (the app's and `telemetry serve`'s).
inline QString otlpTokenSecretKey() { return QStringLiteral("telemetry/otlp-token"); }

} // namespace Conn
