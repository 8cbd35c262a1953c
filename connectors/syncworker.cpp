#include "syncworker.h"

#include "connectorregistry.h"
#include "failuretext.h"
#include "domain/timeparse.h"
#include "focusbucketconnector.h"
#include "focusfoldersync.h"
#include "import/ingestor.h"
#include "store/store.h"
#include "syncengine.h"
#include "task/handover.h"
#include "telemetrywindow.h"

#include <QCoreApplication>
#include <QTimer>

#include <algorithm>
#include <cstring>

namespace Conn {

namespace {


// FNV-1a over the bytes that define a record, so an identical re-fetch of a window is skipped.
struct Fnv {
    std::uint64_t h = 1469598103934665603ULL;
    void bytes(const void *p, std::size_t n)
    {
        const auto *c = static_cast<const unsigned char *>(p);
        for (std::size_t i = 0; i < n; ++i) {
            h ^= c[i];
            h *= 1099511628211ULL;
        }
    }
    template<typename T>
    void value(const T &v) { bytes(&v, sizeof v); }
    void text(std::string_view s)
    {
        value(s.size());
        bytes(s.data(), s.size());
    }
};

void hashRecord(Fnv &f, const Cost::Record &r)
{
    for (std::string_view d : r.dims)
        f.text(d);
    f.value(r.tokenKind);
    f.value(r.chargeStart);
    f.value(r.chargeEnd);
    for (Cost::Money m : r.amounts)
        f.value(m);
    f.value(r.amountPresent);
    f.value(r.tokens);
    f.value(r.requests);
    for (double q : {r.consumedQuantity, r.pricingQuantity}) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &q, sizeof bits);
        f.value(bits);
    }
    f.text(r.extras);
}

} // namespace

SyncWorker::SyncWorker(QString dbPath, RetryPolicy policy, QDate today, QList<SyncJob> jobs)
    : m_dbPath(std::move(dbPath))
    , m_policy(policy)
    , m_today(today)
    , m_jobs(std::move(jobs))
{
}

SyncWorker::~SyncWorker()
{
    Task::Detail::takeOver(this); // the engine read this object on its thread before (syncengine.cpp)
}

void SyncWorker::run()
{
    m_index = -1;
    m_store = std::make_unique<Cost::Store>();
    // A write that has to wait for another writer (the app, a cron sync, an import) waits as long
    // as it takes, shows so as the sync's progress, and ends at once on Cancel.
    m_store->db().setBusyWait(&cancelFlag, [this] {
        Q_EMIT progress(m_job.account.id, m_window, static_cast<int>(m_windows.size()), waitingText());
    });
    if (!m_store->open(m_dbPath.toStdString(), Cost::Store::TeamStore::ReadWrite)) {
        const QString error = QString::fromStdString(m_store->error());
        for (const SyncJob &job : m_jobs) {
            SyncOutcome o;
            o.accountId = job.account.id;
            o.accountName = job.account.name;
            o.kind = cancelFlag ? ErrorKind::Cancelled : ErrorKind::Config;
            o.cancelled = cancelFlag;
            o.error = error;
            Q_EMIT accountFinished(o);
        }
        m_store.reset();
        Q_EMIT allFinished();
        return;
    }
    nextAccount();
}

QString SyncWorker::waitingText()
{
    return tr("Waiting for another Burnrate process writing this store\u2026");
}

void SyncWorker::cancelCurrent()
{
    cancelFlag = true;
    if (m_connector)
        m_connector->cancel();
}

void SyncWorker::nextAccount()
{
    if (m_connector) {
        m_connector->disconnect(this);
        m_connector->deleteLater();
    }
    m_connector = nullptr;
    m_windows.clear();
    m_window = 0;
    m_files = false;
    ++m_index;
    if (m_index >= m_jobs.size()) {
        m_jobs.clear();
        m_store.reset();
        Q_EMIT allFinished();
        return;
    }
    m_job = m_jobs[m_index];
    m_jobs[m_index].secret.clear();
    m_outcome = SyncOutcome();
    m_outcome.accountId = m_job.account.id;
    m_outcome.accountName = m_job.account.name;
    Q_EMIT accountStarted(m_job.account.id, m_job.account.name);

    if (cancelFlag) {
        finishAccount(false, ErrorKind::Cancelled, tr("Sync cancelled before it started."));
        return;
    }
    if (!m_job.secretError.isEmpty()) {
        finishAccount(false, ErrorKind::Config, m_job.secretError);
        return;
    }
    const auto entry = ConnectorRegistry::find(m_job.account.provider);
    if (!entry) {
        finishAccount(false, ErrorKind::Config, tr("Unknown provider \"%1\".").arg(m_job.account.provider));
        return;
    }
    m_descriptor = entry->descriptor;
    m_outcome.telemetry = m_descriptor.telemetry;
    if (m_descriptor.mode == SyncMode::Files) {
        m_files = true;
        runFiles();
        return;
    }
    m_connector = entry->create(this);
    m_connector->setRetryPolicy(m_policy);
    if (m_descriptor.mode == SyncMode::Bucket) {
        m_files = true;
        runBucket();
        return;
    }
    connect(m_connector, &Connector::fetchFinished, this, &SyncWorker::onFetched);
    connect(m_connector, &Connector::fetchFailed, this, &SyncWorker::onFetchFailed);
    // The connector's text names the days and the page in the user's terms ("Fetching usage
    // for Dec 2–5, page 1"); the window count travels in the numbers.
    connect(m_connector, &Connector::fetchProgress, this, [this](int, int, const QString &text) {
        Q_EMIT progress(m_job.account.id, m_window, static_cast<int>(m_windows.size()), text);
    });
    startWindowed();
}

void SyncWorker::startWindowed()
{
    AccountStore accounts(m_store->db());
    m_windows = planWindows(m_descriptor, m_job.account, accounts.status(m_job.account.id), m_today, &m_firstDay);
    m_window = 0;
    fetchNext();
}

void SyncWorker::fetchNext()
{
    if (m_window >= m_windows.size()) {
        finishAccount(true, ErrorKind::None, {});
        return;
    }
    if (cancelFlag) {
        finishCancelled();
        return;
    }
    Q_EMIT progress(m_job.account.id, m_window, static_cast<int>(m_windows.size()),
                    tr("Fetching %1").arg(m_windows[m_window].text()));
    m_connector->fetch(m_job.account, m_job.secret, m_windows[m_window]);
}

void SyncWorker::onFetched(std::shared_ptr<FetchResult> result)
{
    if (!result) {
        onFetchFailed(ErrorKind::BadResponse, tr("the connector returned no result"));
        return;
    }
    if (cancelFlag) {
        finishCancelled();
        return;
    }
    QString error;
    if (!ingest(*result, &error)) {
        if (cancelFlag) { // cancelled while waiting for another writer: nothing of the window was stored
            finishCancelled();
            return;
        }
        finishAccount(false, ErrorKind::Storage, tr("%1: %2").arg(m_windows[m_window].text(), error));
        return;
    }
    ++m_outcome.windows;
    ++m_window;
    // Unwind the connector's call stack before the next request.
    QTimer::singleShot(0, this, &SyncWorker::fetchNext);
}

void SyncWorker::onFetchFailed(ErrorKind kind, const QString &message)
{
    if (kind == ErrorKind::Cancelled || cancelFlag) {
        finishCancelled();
        return;
    }
    finishAccount(false, kind, tr("%1: %2").arg(m_windows.value(m_window).text(), message));
}

bool SyncWorker::ingest(FetchResult &result, QString *error)
{
    const DateWindow &w = m_windows[m_window];
    if (m_descriptor.telemetry) { // model calls, into the application telemetry (not the facts)
        Telemetry::IngestResult added;
        if (!TelemetryWindow::store(m_store->db(), m_job.account, result.usage, m_firstDay, std::min(w.to, m_today), added, error))
            return false;
        m_outcome.rows += added.calls;
        return true;
    }
    const qint64 from = w.fromEpoch();
    const qint64 to = w.toEpoch();
    Cost::SqliteDb &db = m_store->db();
    const std::string source = AccountStore::sourceName(m_job.account.id);
    Cost::ImportMeta meta;
    meta.kind = "sync";
    meta.path = (m_job.account.provider + QStringLiteral(" account \"") + m_job.account.name + QStringLiteral("\" ")
                 + QStringLiteral("%1..%2").arg(w.from.toString(Qt::ISODate), w.to.addDays(-1).toString(Qt::ISODate)))
                    .toStdString(); // stored with the import, not read by the user: ISO days
    meta.sourceOverride = source;
    meta.batch = Cost::Ingestor::newBatch(db);
    Cost::Ingestor ingestor(db);
    if (!ingestor.begin(meta)) {
        *error = QString::fromStdString(ingestor.error());
        return false;
    }
    // State the connector keeps in the store is read and written in this transaction: it commits
    // with the window's charges, or neither does.
    if (result.inTransaction && !result.inTransaction(db, result, error)) {
        ingestor.rollback();
        return false;
    }
    Fnv hash;
    hash.value(from);
    hash.value(to);
    if (!result.stateDigest.empty()) // windows without connector state hash as they always did
        hash.text(result.stateDigest);
    std::vector<qint64> days;
    std::int64_t bytes = 0;
    for (Cost::Record &r : result.records()) {
        if (r.chargeStart < from || r.chargeStart >= to) {
            *error = tr("the connector returned a charge at %1, outside the requested window")
                         .arg(QString::fromStdString(Cost::formatTimestamp(r.chargeStart)));
            ingestor.rollback();
            return false;
        }
        // One partition per UTC day: re-syncing a window replaces exactly its days.
        r.billingPeriodStart = Cost::dayOf(r.chargeStart) * 86400;
        r.billingPeriodEnd = r.billingPeriodStart + 86400;
        if (days.empty() || days.back() != r.billingPeriodStart)
            days.push_back(r.billingPeriodStart);
        hashRecord(hash, r);
        bytes += static_cast<std::int64_t>(sizeof(Cost::Record));
    }
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());

    std::vector<Cost::FactRow> rows(result.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        ingestor.resolve(result.records()[i], rows[i]);
    if (!rows.empty() && !ingestor.insert(rows.data(), rows.size())) {
        *error = QString::fromStdString(ingestor.error());
        ingestor.rollback();
        return false;
    }
    // Days of this window the provider no longer reports: their old charges go too.
    const qint64 dropped = AccountStore::deleteSourcePartitions(db, source, from, to, days);
    AccountStore accounts(db);
    const QDate through = std::min(w.to, m_today); // today is partial: always fetched again
    if (dropped < 0 || !accounts.markSynced(m_job.account.id, m_firstDay, through)) {
        *error = tr("cannot update the store: %1").arg(QString::fromStdString(db.error()));
        ingestor.rollback();
        return false;
    }
    Cost::IngestResult ingested;
    if (!ingestor.commit(hash.h, bytes, ingested)) {
        *error = QString::fromStdString(ingestor.error());
        ingestor.rollback();
        return false;
    }
    if (ingested.rows == 0 && ingested.skipped > 0) // identical re-fetch: rolled back, only move the mark
        accounts.markSynced(m_job.account.id, m_firstDay, through);
    m_outcome.rows += ingested.rows;
    m_outcome.replaced += ingested.replaced + dropped;
    for (const QString &notice : std::as_const(result.notices))
        if (!m_outcome.notices.contains(notice))
            m_outcome.notices.push_back(notice);
    return true;
}

void SyncWorker::runFiles()
{
    FocusFolderSync sync(m_store->db(), m_job.account.id);
    const qint64 id = m_job.account.id;
    const FocusFolderSync::Result r = sync.run(m_job.account.option(QStringLiteral("path")), &cancelFlag,
                                               [this, id](int done, int total, const QString &text) {
                                                   Q_EMIT progress(id, done, total, text);
                                               });
    finishFiles(r);
}

void SyncWorker::runBucket()
{
    auto *bucket = qobject_cast<FocusBucketConnector *>(m_connector.data());
    if (!bucket) {
        finishAccount(false, ErrorKind::Config, tr("The %1 connector cannot read a bucket.").arg(m_descriptor.displayName));
        return;
    }
    const qint64 id = m_job.account.id;
    bucket->syncBucket(
        m_store->db(), m_job.account, m_job.secret, &cancelFlag,
        [this, id](int done, int total, const QString &text) { Q_EMIT progress(id, done, total, text); },
        [this](const FileSyncResult &r) { finishFiles(r); });
}

void SyncWorker::finishFiles(const FileSyncResult &r)
{
    m_outcome.rows = r.rows;
    m_outcome.replaced = r.replaced;
    m_outcome.windows = r.filesImported;
    if (r.ok)
        finishAccount(true, ErrorKind::None, {});
    else
        finishAccount(false, r.cancelled || cancelFlag ? ErrorKind::Cancelled : ErrorKind::BadResponse, r.error);
}

QString SyncWorker::storedText() const
{
    if (m_files)
        return m_outcome.windows > 0
            ? tr("Stored: %n complete file(s); the next sync continues with the others.", nullptr, m_outcome.windows)
            : tr("Stored: nothing from this sync; what earlier syncs stored is kept.");
    if (m_windows.isEmpty())
        return tr("Nothing was stored.");
    const int done = m_outcome.windows;
    const QString stored = done > 0
        ? tr("Stored: %1 (%n complete window(s)).", nullptr, done).arg(DateWindow{m_windows.first().from, m_windows[done - 1].to}.text())
        : tr("Stored: nothing from this sync; what earlier syncs stored is kept.");
    if (m_window >= m_windows.size())
        return stored;
    return FailureText::sentences(stored, tr("Not stored: %1; the next sync fetches it.")
                                              .arg(DateWindow{m_windows[m_window].from, m_windows.last().to}.text()));
}

void SyncWorker::finishCancelled()
{
    finishAccount(false, ErrorKind::Cancelled, tr("Sync cancelled; %n complete window(s) stored.", nullptr, m_outcome.windows));
}

void SyncWorker::finishAccount(bool ok, ErrorKind kind, const QString &error)
{
    m_job.secret.clear();
    m_outcome.ok = ok;
    m_outcome.cancelled = kind == ErrorKind::Cancelled;
    m_outcome.kind = kind;
    m_outcome.error = ok ? QString()
        : m_job.account.name + QStringLiteral(": ")
            + (kind == ErrorKind::Cancelled ? error
                                            : FailureText::sentences(FailureText::sentences(error, storedText()),
                                                                     FailureText::nextStep(kind)));
    if (m_store) {
        AccountStore accounts(m_store->db());
        if (ok)
            accounts.recordSuccess(m_job.account.id, m_outcome.rows);
        else
            accounts.recordFailure(m_job.account.id, m_outcome.error);
        m_outcome.syncedThrough = accounts.status(m_job.account.id).syncedThrough;
    }
    Q_EMIT accountFinished(m_outcome);
    QTimer::singleShot(0, this, &SyncWorker::nextAccount);
}

} // namespace Conn
