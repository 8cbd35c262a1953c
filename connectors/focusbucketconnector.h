#pragma once

#include "connector.h"
#include "focusbucket.h"
#include "httpclient.h"
#include "importledger.h"
#include "pagecursorguard.h"

#include <QHash>
#include <QTemporaryDir>

#include <atomic>
#include <functional>
#include <map>
#include <memory>

namespace Cost {
class FocusImporter;
class SqliteDb;
}

namespace Conn {

/// A FOCUS export in cloud storage (SyncMode::Bucket): s3-focus and azure-blob-focus. The sync
/// lists the export's prefix, takes per billing period the newest manifest (a newer run of a
/// period restates the older one), reads the data objects it names (CSV or gzip CSV) into a
/// temporary folder and imports one run at a time through Cost::FocusImporter in one batch, so a
/// run replaces the older run's partitions the way a restated folder file does. Objects and
/// manifests already imported are skipped by their ETag (the account's ImportLedger rows), so a
/// re-sync of an unchanged export reads only the listing. Subclasses give the store's requests
/// and answers. Threading: as Connector (one thread; the sync worker's for syncBucket).
class FocusBucketConnector : public Connector {
    Q_OBJECT
public:
    using ProgressFn = std::function<void(int done, int total, const QString &text)>;
    using DoneFn = std::function<void(const FileSyncResult &result)>;

    explicit FocusBucketConnector(QObject *parent = nullptr);
    ~FocusBucketConnector() override;

    /// Lists the first page of the prefix and says how many manifests and data objects it holds.
    void testConnection(const AccountConfig &config, const QString &secret) override;
    /// Always fails: a bucket source is imported by syncBucket().
    void fetch(const AccountConfig &config, const QString &secret, const DateWindow &window) override;
    void cancel() override;

    /// Imports the export of `config` into `db` (the caller's thread's connection) for account
    /// `config.id`; `done` runs exactly once, never synchronously inside this call.
    void syncBucket(Cost::SqliteDb &db, const AccountConfig &config, const QString &secret, const std::atomic_bool *cancel,
                    ProgressFn progress, DoneFn done);

protected:
    using AuthoriseFn = std::function<void(bool ok, ErrorKind kind, const QString &error)>;
    /// Gets what the requests need before the listing starts (an OAuth token); `done` may run
    /// synchronously. By default nothing is needed.
    virtual void authorise(AuthoriseFn done) { done(true, ErrorKind::None, {}); }
    HttpClient *http() const { return m_http; }
    /// Reads the credentials and options; false with *error (shown as a configuration problem).
    virtual bool prepare(const AccountConfig &config, const QString &secret, QString *error) = 0;
    /// The request for the listing page that follows `next` (empty: the first page).
    virtual HttpRequest listRequest(const QString &next) = 0;
    virtual bool parseListing(const QByteArray &body, FocusBucket::Listing *out, QString *error) const = 0;
    /// The request that reads object `key`.
    virtual HttpRequest getRequest(const QString &key) = 0;
    virtual bool parseManifest(const QByteArray &body, FocusBucket::Manifest *out, QString *error) const = 0;
    /// Where the export is, for messages ("s3://bucket/prefix/"); never a secret.
    virtual QString location() const = 0;
    /// What to do about a 401 / 403.
    virtual QString authHint() const = 0;

private:
    enum class Phase { Idle, Test, List, Manifests, Download };
    struct Run {
        QString manifestKey;   ///< empty for loose CSV objects without a manifest
        QStringList dataKeys;
    };

    void start(Phase phase, const AccountConfig &config, const QString &secret);
    void send(const HttpRequest &request, std::function<void(const HttpResponse &)> onOk, const QString &what);
    void listNext();
    void onListed(const HttpResponse &response);
    void plan();
    /// True when `key` was imported at its listed ETag and its import still holds its partitions.
    bool imported(const QString &key);
    /// What to do with a Parquet export (one sentence).
    static QString parquetAdvice();
    void nextManifest();
    void nextRun();
    void nextDownload();
    bool importRun();
    bool cancelled();
    void failSync(ErrorKind kind, const QString &message);
    void finishSync();

    HttpClient *m_http = nullptr;
    Phase m_phase = Phase::Idle;
    quint64 m_generation = 0;
    FocusBucket::Listing m_listing;
    PageCursorGuard m_cursors;
    QHash<QString, FocusBucket::Object> m_objects;
    // A bucket sync's state (valid while m_phase is List, Manifests or Download of a sync).
    Cost::SqliteDb *m_db = nullptr;
    const std::atomic_bool *m_cancel = nullptr;
    ProgressFn m_progress;
    DoneFn m_done;
    std::unique_ptr<ImportLedger> m_ledger;
    std::map<QString, ImportLedger::Entry> m_known;
    std::int64_t m_batch = 0;
    QList<Run> m_pendingManifests; ///< chosen manifests still to read
    QList<Run> m_runs;             ///< runs with objects to import
    int m_download = 0;            ///< next data key of m_runs.first()
    std::unique_ptr<QTemporaryDir> m_tmp;
    QStringList m_files;           ///< downloaded files of the current run (same order as its keys)
    FileSyncResult m_result;
    int m_requests = 0;
};

} // namespace Conn
