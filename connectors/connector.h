#pragma once

#include "fetchresult.h"
#include "retrypolicy.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace Conn {

/// One credential a connector asks for in the wizard. Only fields with `secret` set are stored,
/// and only in the keychain; the secret of an account is ONE string (connectors that need several
/// secret fields, e.g. AWS key id + secret, pack them as JSON — see packSecret/unpackSecret).
struct CredentialField {
    QString key;          ///< stable id, e.g. "api_key"
    QString label;        ///< shown in the wizard, tr()-wrapped by the connector
    QString help;         ///< one line under the field
    bool secret = true;   ///< echo as password, stored in the keychain
    bool multiline = false;
    bool filePath = false; ///< offer a file chooser (e.g. a GCP service-account JSON)
    QString placeholder;
};

/// A non-secret per-account option (stored in SQLite as JSON). `choices` non-empty = a combo box.
struct OptionField {
    QString key;
    QString label;
    QString help;
    QString defaultValue;
    QStringList choices;
    bool directory = false; ///< offer a folder chooser (focus-folder "path")
};

/// How the sync engine drives a connector.
enum class SyncMode {
    Windowed, ///< fetch(window) for consecutive UTC-day windows; the engine ingests each window
    Files,    ///< the connector's source is a folder of FOCUS files (focus-folder); see FocusFolderSync
    Bucket    ///< a FOCUS export in cloud storage (s3-focus, azure-blob-focus); see FocusBucketConnector
};

/// Static facts about a connector, shown by the wizard and used by the engine.
struct ConnectorDescriptor {
    QString id;               ///< "openai", "anthropic", "focus-folder", "aws", "azure", "gcp"
    QString displayName;      ///< "OpenAI"
    QString description;      ///< one sentence for the source list
    QList<CredentialField> credentials;
    QList<OptionField> options;
    QString helpUrl;          ///< where the key is created
    QString permissionsHelp;  ///< which key type / permissions are needed (plain text)
    QString defaultBaseUrl;   ///< "https://api.openai.com"; empty when not networked
    /// The version path the provider's SDKs end a base URL with ("/v1" for OpenAI and Anthropic)
    /// while Burnrate's request paths start with it: a base URL given with it is stored without it
    /// (ConnectorRegistry::normalisedBaseUrl). Empty = base URLs are taken as given.
    QString sdkVersionPath;
    int restatementDays = 3;  ///< the provider revises this many recent days; re-fetched on every sync
    int windowDays = 7;       ///< preferred window length (one fetch() call, one transaction)
    int defaultHistoryDays = 90; ///< first sync goes this far back unless option "history_days" is set
    int retentionDays = 0;    ///< the API keeps only this many days (0: all); no window reaches past them
    bool needsSecret = true;  ///< false for focus-folder
    SyncMode mode = SyncMode::Windowed;
    /// The windows hold application telemetry (FetchResult::usage: LiteLLM, Langfuse), not charges:
    /// the engine ingests them with Telemetry::ingest under the source telemetrySource().
    bool telemetry = false;

    /// Sets restatementDays, windowDays, defaultHistoryDays and retentionDays, in that order.
    void setDays(int restatement, int window, int history, int retention = 0)
    {
        restatementDays = restatement, windowDays = window, defaultHistoryDays = history, retentionDays = retention;
    }
};

/// A configured account (SQLite row, never a secret).
struct AccountConfig {
    qint64 id = 0;
    QString name;
    QString provider;  ///< descriptor id
    QString baseUrl;   ///< empty = descriptor default
    QMap<QString, QString> options;
    bool paused = false;

    /// The option's value, or `fallback` when unset/empty.
    QString option(const QString &key, const QString &fallback = {}) const
    {
        const QString v = options.value(key);
        return v.isEmpty() ? fallback : v;
    }
};

/// Kinds of failure a user must be able to tell apart (test connection, sync errors).
enum class ErrorKind {
    None,
    Unauthorized,   ///< HTTP 401: key wrong / revoked
    Forbidden,      ///< HTTP 403: key lacks the permission
    Dns,            ///< host name does not resolve
    Tls,            ///< TLS handshake / certificate failure
    Timeout,        ///< no complete answer within the timeout
    Network,        ///< refused, dropped, truncated, other transport errors
    RateLimited,    ///< 429 after all attempts
    Server,         ///< 5xx after all attempts
    Http,           ///< other HTTP status
    BadResponse,    ///< malformed / unexpected payload
    InsecureUrl,    ///< non-HTTPS base URL (only http://127.0.0.1 / localhost are allowed)
    Config,         ///< missing option / folder / credential
    Storage,        ///< the store refused the window (or the connector broke the window contract)
    Cancelled
};

/// Result of testConnection(): a plain one-paragraph message for the user either way.
struct TestResult {
    bool ok = false;
    ErrorKind kind = ErrorKind::None;
    QString message;
};

/// A window of whole UTC days, [from, to) — `to` exclusive.
struct DateWindow {
    QDate from, to;
    qint64 fromEpoch() const; ///< from 00:00:00 UTC, epoch seconds
    qint64 toEpoch() const;   ///< to 00:00:00 UTC, epoch seconds
    int days() const { return static_cast<int>(from.daysTo(to)); }
    QString text() const;     ///< the days in progress texts: "Dec 2–5" (Format::briefRange)
};

/// A data source. Threading contract: an instance lives on one thread (the sync engine's worker
/// thread, or the GUI thread for testConnection); all calls and all signals happen on that thread.
/// Network I/O is asynchronous (use HttpClient); never block. Exactly one of
/// testFinished / (fetchFinished | fetchFailed) is emitted per call, possibly after cancel()
/// (then fetchFailed with ErrorKind::Cancelled). One fetch at a time per instance.
///
/// fetch() contract for SyncMode::Windowed:
///  - return every charge whose chargeStart lies in [window.fromEpoch(), window.toEpoch()) — and
///    nothing outside it (the engine rejects the window otherwise);
///  - follow all pages before emitting fetchFinished (a window is all-or-nothing);
///  - set Provider, BillingAccount (org / account id), currency, amounts, tokens etc. on each
///    Record; billingPeriodStart/End are overwritten by the engine (one partition per UTC day);
///  - parsing is a pure function (bytes → records) so it can be tested with the fixtures.
class Connector : public QObject {
    Q_OBJECT
public:
    explicit Connector(QObject *parent = nullptr) : QObject(parent) {}
    ~Connector() override = default;

    virtual const ConnectorDescriptor &descriptor() const = 0;

    /// Validates the configuration and credentials with one cheap request. Emits testFinished.
    virtual void testConnection(const AccountConfig &config, const QString &secret) = 0;
    /// Fetches one window. Emits fetchProgress*, then fetchFinished or fetchFailed.
    virtual void fetch(const AccountConfig &config, const QString &secret, const DateWindow &window) = 0;
    /// Cancels the running call (its signal still follows, with ErrorKind::Cancelled).
    virtual void cancel() = 0;

    /// Retry / timeout policy the engine wants (tests shorten it). Apply it to your HttpClient
    /// at the start of every testConnection() / fetch(): `m_http->setPolicy(retryPolicy());`
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    const RetryPolicy &retryPolicy() const { return m_retryPolicy; }

    /// The base URL to use: the account's, or the descriptor default.
    QString baseUrl(const AccountConfig &config) const
    {
        return config.baseUrl.isEmpty() ? descriptor().defaultBaseUrl : config.baseUrl;
    }

Q_SIGNALS:
    void testFinished(const Conn::TestResult &result);
    /// `done` of `total` steps (pages, requests; total 0 = unknown) within the current window.
    void fetchProgress(int done, int total, const QString &text);
    void fetchFinished(std::shared_ptr<Conn::FetchResult> result);
    void fetchFailed(Conn::ErrorKind kind, const QString &message);

private:
    RetryPolicy m_retryPolicy;
};

/// A string map as a compact JSON object: how options are stored and secrets packed.
QString stringMapToJson(const QMap<QString, QString> &map);
/// The members of a JSON object, as strings; nullopt when `json` is not a JSON object.
std::optional<QMap<QString, QString>> stringMapFromJson(const QString &json);

/// Packs several secret credential fields into the one keychain string (JSON object).
QString packSecret(const QMap<QString, QString> &fields);
/// Inverse of packSecret; a string that is not a JSON object is returned as {"": value}.
QMap<QString, QString> unpackSecret(const QString &secret);

} // namespace Conn

Q_DECLARE_METATYPE(Conn::TestResult)
Q_DECLARE_METATYPE(Conn::ErrorKind)
Q_DECLARE_METATYPE(std::shared_ptr<Conn::FetchResult>)
