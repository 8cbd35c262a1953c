#include "focusbucketconnector.h"

#include "import/focusimporter.h"
#include "import/ingestor.h"
#include "store/sqlitedb.h"

#include <QFile>
#include <QMap>
#include <QTimer>

namespace Conn {

namespace {

// A decompressed object may be this many times the largest body read (gzip CSV packs ~10:1).
constexpr qint64 kInflateFactor = 32;

} // namespace

FocusBucketConnector::FocusBucketConnector(QObject *parent)
    : Connector(parent)
    , m_http(new HttpClient(this))
{
}

FocusBucketConnector::~FocusBucketConnector() = default;

void FocusBucketConnector::testConnection(const AccountConfig &config, const QString &secret)
{
    start(Phase::Test, config, secret);
}

void FocusBucketConnector::fetch(const AccountConfig &, const QString &, const DateWindow &)
{
    QTimer::singleShot(0, this, [this] {
        Q_EMIT fetchFailed(ErrorKind::Config, tr("A FOCUS export in cloud storage is imported by the sync, not fetched by day."));
    });
}

void FocusBucketConnector::cancel()
{
    if (m_phase == Phase::Idle)
        return;
    if (m_http->pending() > 0) {
        m_http->cancelAll(); // the pending callback reports the cancellation
        return;
    }
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_generation && m_phase != Phase::Idle)
            failSync(ErrorKind::Cancelled, tr("Cancelled."));
    });
}

void FocusBucketConnector::syncBucket(Cost::SqliteDb &db, const AccountConfig &config, const QString &secret,
                                      const std::atomic_bool *cancel, ProgressFn progress, DoneFn done)
{
    m_db = &db;
    m_cancel = cancel;
    m_progress = std::move(progress);
    m_done = std::move(done);
    m_result = FileSyncResult{};
    m_ledger = std::make_unique<ImportLedger>(db, config.id);
    m_known.clear();
    m_pendingManifests.clear();
    m_runs.clear();
    start(Phase::List, config, secret);
}

void FocusBucketConnector::start(Phase phase, const AccountConfig &config, const QString &secret)
{
    const quint64 generation = ++m_generation;
    m_phase = phase;
    m_http->setPolicy(retryPolicy());
    m_listing = FocusBucket::Listing{};
    m_objects.clear();
    m_cursors.reset(retryPolicy().maxPages);
    m_requests = 0;
    QString error;
    if (!prepare(config, secret, &error)) {
        QTimer::singleShot(0, this, [this, generation, error] {
            if (generation == m_generation)
                failSync(ErrorKind::Config, error);
        });
        return;
    }
    authorise([this, generation](bool ok, ErrorKind kind, const QString &message) {
        if (generation != m_generation || m_phase == Phase::Idle)
            return;
        if (ok)
            listNext();
        else
            failSync(kind, message);
    });
}

void FocusBucketConnector::send(const HttpRequest &request, std::function<void(const HttpResponse &)> onOk, const QString &what)
{
    const quint64 generation = m_generation;
    ++m_requests;
    m_http->send(request, [this, generation, onOk = std::move(onOk), what](const HttpResponse &response) {
        if (generation != m_generation || m_phase == Phase::Idle)
            return; // the answer of an abandoned call
        if (response.errorKind == ErrorKind::Cancelled) {
            failSync(ErrorKind::Cancelled, tr("Cancelled."));
            return;
        }
        if (!response.ok) {
            QString message = tr("%1: %2").arg(what, response.error);
            if (response.errorKind == ErrorKind::Unauthorized || response.errorKind == ErrorKind::Forbidden)
                message += QLatin1Char(' ') + authHint();
            failSync(response.errorKind == ErrorKind::None ? ErrorKind::Http : response.errorKind, message);
            return;
        }
        onOk(response);
    });
}

void FocusBucketConnector::listNext()
{
    HttpRequest request = listRequest(m_listing.next);
    request.expectJson = false;
    send(request, [this](const HttpResponse &r) { onListed(r); }, tr("Listing %1").arg(location()));
}

void FocusBucketConnector::onListed(const HttpResponse &response)
{
    FocusBucket::Listing page;
    QString error;
    if (!parseListing(response.body, &page, &error)) {
        failSync(ErrorKind::BadResponse, tr("Listing %1: unexpected answer: %2").arg(location(), error));
        return;
    }
    for (const FocusBucket::Object &o : std::as_const(page.objects)) {
        m_listing.objects.push_back(o);
        m_objects.insert(o.key, o);
    }
    if (m_phase == Phase::Test) {
        int manifests = 0, csv = 0, parquet = 0;
        for (const FocusBucket::Object &o : std::as_const(m_listing.objects)) {
            const FocusBucket::Kind kind = FocusBucket::kindOf(o.key);
            manifests += kind == FocusBucket::Kind::Manifest;
            csv += kind == FocusBucket::Kind::Csv || kind == FocusBucket::Kind::CsvGzip;
            parquet += kind == FocusBucket::Kind::Parquet;
        }
        TestResult result;
        result.ok = !(parquet > 0 && csv == 0);
        result.kind = result.ok ? ErrorKind::None : ErrorKind::Config;
        if (!result.ok)
            result.message = tr("%1 holds Parquet objects only. %2").arg(location(), parquetAdvice());
        else if (manifests + csv == 0)
            result.message = tr("Connected to %1, but it holds no FOCUS export yet (no manifest, no CSV object). "
                                "Check the prefix, or wait for the export's first run.").arg(location());
        else
            result.message = tr("Connected to %1: %2 and %3 on the first page of the listing.")
                                 .arg(location(), tr("%n manifest(s)", nullptr, manifests), tr("%n CSV object(s)", nullptr, csv));
        m_phase = Phase::Idle;
        ++m_generation;
        Q_EMIT testFinished(result);
        return;
    }
    if (!page.next.isEmpty()) {
        if (const QString stop = m_cursors.follow(tr("The listing of %1").arg(location()), page.next); !stop.isEmpty()) {
            failSync(ErrorKind::BadResponse, stop);
            return;
        }
        m_listing.next = page.next;
        listNext();
        return;
    }
    plan();
}

QString FocusBucketConnector::parquetAdvice()
{
    return tr("Burnrate reads FOCUS exports as CSV (gzip or plain; Debian 12 has no Parquet library): set the export's "
              "file format to CSV — AWS Data Exports: \"gzip - text/csv\"; Azure Cost Management: format CSV — and let it "
              "run again.");
}

void FocusBucketConnector::plan()
{
    if (cancelled())
        return;
    m_known = m_ledger->load();
    // Per billing period the newest manifest: a later run of a period restates the earlier one.
    QMap<QString, FocusBucket::Object> newest;
    QStringList loose;
    bool parquet = false;
    for (const FocusBucket::Object &o : std::as_const(m_listing.objects)) {
        switch (FocusBucket::kindOf(o.key)) {
        case FocusBucket::Kind::Manifest: {
            const QString period = FocusBucket::periodOf(o.key).isEmpty() ? o.key : FocusBucket::periodOf(o.key);
            const auto it = newest.constFind(period);
            if (it == newest.cend() || it->lastModified < o.lastModified
                || (it->lastModified == o.lastModified && it->key < o.key))
                newest.insert(period, o);
            break;
        }
        case FocusBucket::Kind::Csv:
        case FocusBucket::Kind::CsvGzip:
            loose << o.key;
            break;
        case FocusBucket::Kind::Parquet:
            parquet = true;
            break;
        case FocusBucket::Kind::Other:
            break;
        }
    }
    if (newest.isEmpty()) {
        if (loose.isEmpty()) {
            failSync(ErrorKind::Config,
                     parquet ? tr("%1 holds Parquet objects only. %2").arg(location(), parquetAdvice())
                             : tr("%1 holds no FOCUS export (no manifest, no CSV object). Check the bucket and prefix.")
                                   .arg(location()));
            return;
        }
        // No manifests (objects copied by hand): each new or changed CSV object is a file.
        loose.sort();
        Run run;
        for (const QString &key : std::as_const(loose))
            if (!imported(key))
                run.dataKeys << key;
        if (!run.dataKeys.isEmpty())
            m_runs << run;
    } else {
        for (const FocusBucket::Object &m : std::as_const(newest)) {
            const auto it = m_known.find(m.key);
            if (it == m_known.end() || it->second.stamp != ImportLedger::stampOf(m.etag))
                m_pendingManifests << Run{m.key, {}};
            else
                ++m_result.filesSkipped;
        }
    }
    m_batch = Cost::Ingestor::newBatch(*m_db);
    if (m_batch == 0) {
        failSync(ErrorKind::Storage, tr("The store could not start an import."));
        return;
    }
    m_phase = Phase::Manifests;
    nextManifest();
}

bool FocusBucketConnector::imported(const QString &key)
{
    const auto it = m_known.find(key);
    return it != m_known.end() && it->second.stamp == ImportLedger::stampOf(m_objects.value(key).etag)
        && it->second.importId != 0 && m_ledger->currentParts(it->second.importId) >= it->second.parts;
}

void FocusBucketConnector::nextManifest()
{
    if (cancelled())
        return;
    if (m_pendingManifests.isEmpty()) {
        m_phase = Phase::Download;
        nextRun();
        return;
    }
    const QString key = m_pendingManifests.first().manifestKey;
    if (m_progress)
        m_progress(0, 0, tr("Reading %1").arg(key));
    HttpRequest request = getRequest(key);
    request.expectJson = true;
    send(request, [this, key](const HttpResponse &response) {
        Run run = m_pendingManifests.takeFirst();
        FocusBucket::Manifest manifest;
        QString error;
        if (!parseManifest(response.body, &manifest, &error)) {
            failSync(ErrorKind::BadResponse, tr("The export manifest %1 is not readable: %2").arg(key, error));
            return;
        }
        bool changed = false;
        for (const QString &data : std::as_const(manifest.dataKeys)) {
            const FocusBucket::Kind kind = FocusBucket::kindOf(data);
            if (kind == FocusBucket::Kind::Parquet) {
                failSync(ErrorKind::Config, tr("%1 is a Parquet object. %2").arg(data, parquetAdvice()));
                return;
            }
            if (kind != FocusBucket::Kind::Csv && kind != FocusBucket::Kind::CsvGzip) {
                failSync(ErrorKind::BadResponse, tr("The manifest %1 names %2, which is neither CSV nor gzip CSV.").arg(key, data));
                return;
            }
            if (!m_objects.contains(data)) {
                failSync(ErrorKind::BadResponse, tr("The manifest %1 names %2, which is not in the listing (the export may "
                                                    "still be writing it: sync again later).").arg(key, data));
                return;
            }
            changed = changed || !imported(data);
        }
        run.dataKeys = manifest.dataKeys;
        if (changed) {
            m_runs << run; // the whole run, in one batch: it replaces the older run's partitions
        } else {
            const FocusBucket::Object &m = m_objects[key];
            if (!m_ledger->remember(key, m.size, ImportLedger::stampOf(m.etag), 0, m_batch, &m_known[key], &m_result.error)) {
                failSync(ErrorKind::Storage, m_result.error);
                return;
            }
            ++m_result.filesSkipped;
        }
        nextManifest();
    }, tr("Reading %1").arg(key));
}

void FocusBucketConnector::nextRun()
{
    if (cancelled())
        return;
    if (m_runs.isEmpty()) {
        finishSync();
        return;
    }
    m_download = 0;
    m_files.clear();
    m_tmp = std::make_unique<QTemporaryDir>();
    if (!m_tmp->isValid()) {
        failSync(ErrorKind::Storage, tr("Cannot create a temporary folder for the downloaded export: %1").arg(m_tmp->errorString()));
        return;
    }
    nextDownload();
}

void FocusBucketConnector::nextDownload()
{
    if (cancelled())
        return;
    const Run &run = m_runs.first();
    if (m_download >= run.dataKeys.size()) {
        if (!importRun())
            return;
        m_runs.removeFirst();
        QTimer::singleShot(0, this, [this, generation = m_generation] {
            if (generation == m_generation)
                nextRun();
        });
        return;
    }
    const QString key = run.dataKeys.at(m_download);
    if (m_progress)
        m_progress(m_download, static_cast<int>(run.dataKeys.size()), tr("Reading %1").arg(key));
    HttpRequest request = getRequest(key);
    request.expectJson = false;
    send(request, [this, key](const HttpResponse &response) {
        const QString path = m_tmp->filePath(QString::number(m_download) + QStringLiteral(".csv"));
        QFile file(path);
        QString error;
        if (!file.open(QIODevice::WriteOnly))
            error = file.errorString();
        else if (FocusBucket::kindOf(key) == FocusBucket::Kind::CsvGzip)
            FocusBucket::gunzip(response.body, &file, retryPolicy().maxBodyBytes * kInflateFactor, &error);
        else if (file.write(response.body) != response.body.size())
            error = file.errorString();
        if (!error.isEmpty()) {
            failSync(ErrorKind::BadResponse, tr("%1: %2").arg(key, error));
            return;
        }
        file.close();
        m_files << path;
        ++m_download;
        nextDownload();
    }, tr("Reading %1").arg(key));
}

bool FocusBucketConnector::importRun()
{
    const Run &run = m_runs.first();
    // The parts of one run stand or fall together: one transaction around them (each part a
    // savepoint in it). A part that fails (a bad row, a cancel, a full disk) leaves the store and
    // the ledger as before the run, not holding the parts before it in place of the older run.
    // The price: a part's savepoint keeps an undo copy of the store pages it changes.
    const QString what = run.manifestKey.isEmpty() ? location() : run.manifestKey;
    Cost::WriteTxn txn(*m_db);
    if (!txn.begin()) {
        failSync(ErrorKind::Storage,
                 tr("The store could not start the import of %1: %2").arg(what, QString::fromStdString(m_db->error())));
        return false;
    }
    const FileSyncResult before = m_result;
    auto fail = [&](ErrorKind kind) {
        txn.rollback();
        const QString error = m_result.error;
        m_result = before; // nothing of this run was stored
        failSync(kind, error);
        return false;
    };
    Cost::FocusImporter importer(*m_db);
    importer.setCancelFlag(m_cancel);
    for (qsizetype i = 0; i < run.dataKeys.size(); ++i) {
        const QString &key = run.dataKeys.at(i);
        const FocusBucket::Object &o = m_objects[key];
        if (m_progress)
            m_progress(static_cast<int>(i), static_cast<int>(run.dataKeys.size()), tr("Importing %1").arg(key));
        if (!m_ledger->importFile(importer, m_files.at(i), key, o.size, ImportLedger::stampOf(o.etag), m_batch, m_known,
                                  &m_result)) {
            // Messages name the object, not the temporary copy.
            m_result.error.replace(m_files.at(i), key);
            return fail(m_result.cancelled ? ErrorKind::Cancelled : ErrorKind::BadResponse);
        }
    }
    if (!run.manifestKey.isEmpty()) {
        const FocusBucket::Object &m = m_objects[run.manifestKey];
        if (!m_ledger->remember(run.manifestKey, m.size, ImportLedger::stampOf(m.etag), 0, m_batch, &m_known[run.manifestKey],
                                &m_result.error))
            return fail(ErrorKind::Storage);
    }
    if (!txn.commit()) {
        m_result.error = tr("The store could not finish the import of %1: %2").arg(what, QString::fromStdString(m_db->error()));
        return fail(ErrorKind::Storage);
    }
    m_tmp.reset();
    return true;
}

bool FocusBucketConnector::cancelled()
{
    if (!m_cancel || !m_cancel->load())
        return false;
    failSync(ErrorKind::Cancelled, tr("Cancelled."));
    return true;
}

void FocusBucketConnector::failSync(ErrorKind kind, const QString &message)
{
    const Phase phase = m_phase;
    m_phase = Phase::Idle;
    ++m_generation;
    m_tmp.reset();
    if (phase == Phase::Test) {
        Q_EMIT testFinished(TestResult{false, kind, message});
        return;
    }
    m_result.ok = false;
    m_result.cancelled = kind == ErrorKind::Cancelled;
    m_result.error = message;
    m_ledger.reset();
    if (m_done)
        m_done(m_result);
}

void FocusBucketConnector::finishSync()
{
    m_phase = Phase::Idle;
    ++m_generation;
    m_ledger.reset();
    m_result.ok = true;
    if (m_progress)
        m_progress(1, 1, tr("%n request(s)", nullptr, m_requests));
    if (m_done)
        m_done(m_result);
}

} // namespace Conn
