// azure-blob-focus: an Azure Cost Management FOCUS export read from a loopback Blob Storage
// container (bearer token for the storage scope, or a SAS). Each run of a month is its own folder
// with a manifest.json naming its parts; a later run restates the month. Acceptance as for S3:
// restated totals exact, a re-sync reads no blob, a failed download keeps the store.

#include "adminapitest.h"
#include "azureblobfocusconnector.h"
#include "fakeazureblob.h"
#include "focusbucket.h"
#include "focusbuckettest.h"

using namespace AdminApiTest;
using namespace FocusBucketTest;
using TestSupport::FakeAzureBlob;
using TestSupport::FakeRequest;

namespace {

const QString kPrefix = QStringLiteral("focus/monthly");

// The manifest of one run as Cost Management writes it (blobs named by their path in the container).
QByteArray manifest(const QStringList &names)
{
    QByteArray blobs;
    for (const QString &n : names)
        blobs += (blobs.isEmpty() ? "" : ",") + QByteArray("{\"blobName\":\"") + n.toUtf8() + "\",\"byteCount\":100,\"dataRowCount\":10}";
    return R"({"manifestVersion":"2024-04-01","byteCount":200,"blobCount":2,"dataRowCount":20,)"
           R"("exportConfig":{"exportName":"monthly","type":"FocusCost","dataVersion":"1.0"},)"
           R"("deliveryConfig":{"partitionData":true,"dataOverwriteBehavior":"CreateNewReport","fileFormat":"Csv","compressionMode":"gzip"},)"
           R"("runInfo":{"executionType":"Scheduled","submittedTime":"2025-04-02T06:00:00Z","runId":"r"},"blobs":[)"
        + blobs + "]}";
}

struct Container {
    FakeAzureBlob blob;
    QStringList march1, march2;

    Container()
    {
        if (!blob.start())
            qFatal("the Blob stand-in did not start");
        putRun(QStringLiteral("run-1"), 1, &march1, at(2));
    }
    // One run of March: its own folder with two parts (gzip) and its manifest.
    void putRun(const QString &runId, int run, QStringList *billed, const QDateTime &when)
    {
        const QString dir = kPrefix + QStringLiteral("/20250301-20250331/") + runId + QLatin1Char('/');
        blob.put(dir + QStringLiteral("part_0_0001.csv.gz"), gzip(focusPart(3, 1, 15, run, billed)), when);
        blob.put(dir + QStringLiteral("part_0_0002.csv.gz"), gzip(focusPart(3, 16, 31, run, billed)), when);
        blob.put(dir + QStringLiteral("manifest.json"),
                 manifest({dir + QStringLiteral("part_0_0001.csv.gz"), dir + QStringLiteral("part_0_0002.csv.gz")}), when);
    }
    Conn::AccountConfig account(bool sas = false) const
    {
        Conn::AccountConfig a;
        a.name = sas ? QStringLiteral("focus-blob-sas") : QStringLiteral("focus-blob");
        a.provider = QStringLiteral("azure-blob-focus");
        a.options = {{QStringLiteral("container_url"), blob.server.baseUrl() + QLatin1Char('/') + FakeAzureBlob::kContainer},
                     {QStringLiteral("prefix"), kPrefix},
                     {QStringLiteral("login_url"), blob.server.baseUrl()}};
        if (!sas) {
            a.options.insert(QStringLiteral("tenant_id"), QStringLiteral("tenant-1"));
            a.options.insert(QStringLiteral("client_id"), QStringLiteral("app-123"));
        }
        return a;
    }
    static QString principal(const QString &secret = FakeAzureBlob::kClientSecret)
    {
        return Conn::packSecret({{QStringLiteral("client_secret"), secret}});
    }
    QString sas(const QString &sig = FakeAzureBlob::kSasSig) const
    {
        // Pasted as the whole SAS URL, the way the portal's "Generate SAS" shows it.
        return Conn::packSecret({{QStringLiteral("sas"), blob.server.baseUrl() + QStringLiteral("/costexports?sv=2022-11-02&sp=rl&sig=")
                                                             + QString::fromLatin1(QUrl::toPercentEncoding(sig))}});
    }
};

} // namespace

class TstAzureBlobFocus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerTypes(); }
    void parsesListingsAndManifests();
    void syncFollowsRestatementAndSkipsWhatItHas();
    void sasSyncAndRefusal();
    void failedDownloadKeepsTheStore();
    void testConnectionMessages();
};

void TstAzureBlobFocus::parsesListingsAndManifests()
{
    Conn::FocusBucket::Listing listing;
    QString error;
    QVERIFY2(Conn::FocusBucket::parseAzureListing(
                 "<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults ContainerName=\"c\"><Blobs><Blob><Name>a/part.csv.gz</Name>"
                 "<Properties><Last-Modified>Tue, 01 Apr 2025 06:00:00 GMT</Last-Modified><Etag>0x8DABC</Etag>"
                 "<Content-Length>42</Content-Length></Properties></Blob></Blobs><NextMarker>m+1/=</NextMarker></EnumerationResults>",
                 &listing, &error),
             qPrintable(error));
    QCOMPARE(listing.objects.size(), 1);
    QCOMPARE(listing.objects.first().key, QStringLiteral("a/part.csv.gz"));
    QCOMPARE(listing.objects.first().etag, QByteArray("0x8DABC"));
    QCOMPARE(listing.objects.first().size, qint64(42));
    QCOMPARE(listing.objects.first().lastModified, at(1));
    QCOMPARE(listing.next, QStringLiteral("m+1/="));
    QVERIFY(!Conn::FocusBucket::parseAzureListing("<ListBucketResult/>", &listing, &error));
    QVERIFY(!Conn::FocusBucket::parseAzureListing(
        "<EnumerationResults><Blobs><Blob><Name>x</Name><Properties><Content-Length>many</Content-Length></Properties></Blob></Blobs></EnumerationResults>",
        &listing, &error));
    QVERIFY2(error.contains(QLatin1String("Content-Length")), qPrintable(error));

    Conn::FocusBucket::Manifest m;
    QVERIFY(Conn::FocusBucket::parseAzureManifest(manifest({QStringLiteral("p/a.csv.gz"), QStringLiteral("p/b.csv.gz")}), &m, &error));
    QCOMPARE(m.dataKeys, (QStringList{QStringLiteral("p/a.csv.gz"), QStringLiteral("p/b.csv.gz")}));
    QVERIFY(!Conn::FocusBucket::parseAzureManifest(R"({"blobs":[{"byteCount":3}]})", &m, &error));
    QVERIFY2(error.contains(QLatin1String("blobs[0].blobName")), qPrintable(error));
    QVERIFY(!Conn::FocusBucket::parseAzureManifest(R"({"blobs":)", &m, &error));
}

void TstAzureBlobFocus::syncFollowsRestatementAndSkipsWhatItHas()
{
    Container c;
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("store.sqlite"));
    const Conn::SyncOutcome first = runSync(db, c.account(), Container::principal(), kToday);
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(money(storeTotal(db, Analytics::Metric::Billed)), sum(c.march1));
    QCOMPARE(c.blob.issued.size(), 1); // one token, for the storage scope

    // A later run of March in its own folder: it replaces run 1, which stays in the container.
    c.putRun(QStringLiteral("run-2"), 2, &c.march2, at(5));
    c.blob.server.clearRequests();
    const Conn::SyncOutcome second = runSync(db, c.account(), Container::principal(), kToday);
    QVERIFY2(second.ok, qPrintable(second.error));
    QCOMPARE(money(storeTotal(db, Analytics::Metric::Billed)), sum(c.march2));
    QStringList read;
    for (const FakeRequest &r : c.blob.blobGets())
        read << r.path.section(QLatin1Char('/'), -2);
    read.sort();
    QCOMPARE(read, (QStringList{QStringLiteral("run-2/manifest.json"), QStringLiteral("run-2/part_0_0001.csv.gz"),
                                QStringLiteral("run-2/part_0_0002.csv.gz")}));

    c.blob.server.clearRequests();
    const Conn::SyncOutcome third = runSync(db, c.account(), Container::principal(), kToday);
    QVERIFY2(third.ok, qPrintable(third.error));
    QCOMPARE(c.blob.blobGets().size(), 0);
    QCOMPARE(money(storeTotal(db, Analytics::Metric::Billed)), sum(c.march2));
}

void TstAzureBlobFocus::sasSyncAndRefusal()
{
    Container c;
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("store.sqlite"));
    const Conn::SyncOutcome ok = runSync(db, c.account(true), c.sas(), kToday);
    QVERIFY2(ok.ok, qPrintable(ok.error));
    QCOMPARE(money(storeTotal(db, Analytics::Metric::Billed)), sum(c.march1));
    QVERIFY(c.blob.issued.isEmpty()); // no token with a SAS
    for (const FakeRequest &r : c.blob.server.requests())
        QVERIFY(r.header("authorization").isEmpty());

    Conn::AzureBlobFocusConnector connector;
    connector.setRetryPolicy(fastPolicy());
    const Conn::TestResult wrong = testConnection(connector, c.account(true), c.sas(QStringLiteral("forged")));
    QCOMPARE(wrong.kind, Conn::ErrorKind::Forbidden);
    QVERIFY2(wrong.message.contains(QLatin1String("SAS")), qPrintable(wrong.message));
    QVERIFY(!wrong.message.contains(QLatin1String("forged"))); // never the SAS itself
}

void TstAzureBlobFocus::failedDownloadKeepsTheStore()
{
    Container c;
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("store.sqlite"));
    QVERIFY(runSync(db, c.account(), Container::principal(), kToday).ok);
    const QString before = money(storeTotal(db, Analytics::Metric::Billed));
    c.putRun(QStringLiteral("run-2"), 2, &c.march2, at(5));
    const QString broken = FakeAzureBlob::blobPath(kPrefix + QStringLiteral("/20250301-20250331/run-2/part_0_0002.csv.gz"));
    c.blob.server.setFaultRule([broken](const FakeRequest &r) { return r.path == broken ? int(TestSupport::Fault::Truncate) : -1; });
    const Conn::SyncOutcome failed = runSync(db, c.account(), Container::principal(), kToday);
    QVERIFY(!failed.ok);
    QVERIFY2(failed.error.contains(QLatin1String("run-2/part_0_0002.csv.gz")), qPrintable(failed.error));
    QCOMPARE(money(storeTotal(db, Analytics::Metric::Billed)), before);
}

void TstAzureBlobFocus::testConnectionMessages()
{
    Container c;
    Conn::AzureBlobFocusConnector connector;
    connector.setRetryPolicy(fastPolicy());
    const Conn::TestResult ok = testConnection(connector, c.account(), Container::principal());
    QVERIFY2(ok.ok, qPrintable(ok.message));
    QVERIFY2(ok.message.contains(QLatin1String("1 manifest")), qPrintable(ok.message));

    const Conn::TestResult refused = testConnection(connector, c.account(), Container::principal(QStringLiteral("wrong")));
    QVERIFY(!refused.ok);
    QVERIFY2(refused.message.contains(QLatin1String("AADSTS7000215")), qPrintable(refused.message));

    Conn::AccountConfig none = c.account();
    none.options.remove(QStringLiteral("client_id"));
    const Conn::TestResult config = testConnection(connector, none, Container::principal());
    QCOMPARE(config.kind, Conn::ErrorKind::Config);
}

QTEST_GUILESS_MAIN(TstAzureBlobFocus)
#include "tst_azureblobfocus.moc"
