#pragma once

#include "accountstore.h"
#include "connector.h"
#include "importledger.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

namespace Cost {
class Store;
}

namespace Conn {

/// One account to sync, with its secret (held in memory only for the duration of the run).
struct SyncJob {
    AccountConfig account;
    QString secret;
    QString secretError; ///< set when the keychain could not provide the secret: the account fails with it
};

/// What syncing one account did.
struct SyncOutcome {
    qint64 accountId = 0;
    QString accountName;
    bool ok = false;
    bool cancelled = false;
    ErrorKind kind = ErrorKind::None;
    QString error;          ///< plain message naming the account, window and cause
    qint64 rows = 0;        ///< charges written (model calls added, for a telemetry source)
    bool telemetry = false; ///< the source is application telemetry (ConnectorDescriptor::telemetry)
    qint64 replaced = 0;    ///< charges replaced (restated days / files)
    int windows = 0;        ///< windows (or files) committed
    QDate syncedThrough;    ///< after the run
    QStringList notices;    ///< what the user should know about the synced data (FetchResult::notices), once each
};

/// Runs sync jobs on the engine's worker thread (see SyncEngine). Owns its own store connection
/// and creates each connector on this thread. Event driven: fetch → ingest → next window.
/// Every fetched window is ingested in ONE transaction (charges, restated days, sync mark);
/// a failure or cancel leaves the windows committed so far and nothing of the failing one.
class SyncWorker : public QObject {
    Q_OBJECT
public:
    SyncWorker(QString dbPath, RetryPolicy policy, QDate today, QList<SyncJob> jobs);
    ~SyncWorker() override;

    /// Set from any thread; checked between windows, passed to file imports, and ends a wait for
    /// another writer of the store.
    std::atomic_bool cancelFlag{false};
    /// The progress text while the sync waits for another process writing the store.
    static QString waitingText();

public Q_SLOTS:
    /// Syncs the jobs given to the constructor, in order (SyncEngine calls it as its thread starts).
    void run();
    /// Cancels the current fetch (queued onto this thread by SyncEngine).
    void cancelCurrent();

Q_SIGNALS:
    void accountStarted(qint64 accountId, const QString &name);
    void progress(qint64 accountId, int done, int total, const QString &text);
    void accountFinished(const Conn::SyncOutcome &outcome);
    void allFinished();

private:
    void nextAccount();
    void startWindowed();
    void fetchNext();
    void onFetched(std::shared_ptr<FetchResult> result);
    void onFetchFailed(ErrorKind kind, const QString &message);
    bool ingest(FetchResult &result, QString *error);
    void runFiles();
    void runBucket(); ///< SyncMode::Bucket: the connector imports the export (FocusBucketConnector::syncBucket)
    void finishFiles(const FileSyncResult &result);
    /// The account fails (kind not Cancelled) or succeeds: outcome, status row, signal. A failure's
    /// text says what was stored and what to do next, the same for every source.
    void finishAccount(bool ok, ErrorKind kind, const QString &error);
    /// What this sync stored of the account before it failed ("Stored: Mar 1–7 (1 complete window).
    /// Not stored: Mar 8–14; the next sync fetches it.").
    QString storedText() const;
    void finishCancelled(); ///< the account ends cancelled, keeping its complete windows

    QString m_dbPath;
    RetryPolicy m_policy;
    QDate m_today;
    std::unique_ptr<Cost::Store> m_store;
    QList<SyncJob> m_jobs;
    int m_index = -1;
    SyncJob m_job;
    ConnectorDescriptor m_descriptor;
    QPointer<Connector> m_connector;
    QList<DateWindow> m_windows;
    int m_window = 0;
    QDate m_firstDay;
    bool m_files = false; ///< the account's source is a folder (SyncMode::Files)
    SyncOutcome m_outcome;
};

} // namespace Conn

Q_DECLARE_METATYPE(Conn::SyncJob)
Q_DECLARE_METATYPE(Conn::SyncOutcome)
