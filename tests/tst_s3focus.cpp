// s3-focus: a FOCUS export of AWS Data Exports read from a loopback S3 stand-in that verifies
// SigV4 like S3. The bucket holds February (one gzip part) and March as a two-part run (gzip and
// plain CSV); then a later run restates March. Acceptance: the sync stores the restated totals
// exactly, a re-sync reads no object, a failing download leaves the store as it was, a Parquet
// export and wrong keys get plain messages. Also the pure pieces (listing, manifest, gzip).

#include "adminapitest.h"
#include "fakes3.h"
#include "focusbuckettest.h"
#include "focusbucket.h"
#include "s3focusconnector.h"

#include <QBuffer>

using namespace AdminApiTest;
using TestSupport::FakeRequest;
using TestSupport::FakeResponse;
using TestSupport::FakeS3;
using namespace FocusBucketTest;

namespace {

const QString kPrefix = QStringLiteral("billing/focus");

QByteArray manifest(const QStringList &keys)
{
    QByteArray files;
    for (const QString &k : keys)
        files += (files.isEmpty() ? "" : ",") + QByteArray("\"s3://exports/") + k.toUtf8() + "\"";
    return "{\"executionId\":\"e-1\",\"exportArn\":\"arn:aws:bcm-data-exports:us-east-1:111122223333:export/focus\","
           "\"columns\":[],\"dataFiles\":[" + files + "]}";
}


// The bucket as AWS Data Exports leaves it: one manifest per billing period under metadata/,
// each run's parts under data/BILLING_PERIOD=…/<execution>/.
struct Bucket {
    FakeS3 s3;
    QStringList february, marchRun1, marchRun2;

    Bucket()
    {
        if (!s3.start())
            qFatal("the S3 stand-in did not start");
        const QString feb = kPrefix + QStringLiteral("/data/BILLING_PERIOD=2025-02/e-1/focus-00001.csv.gz");
        s3.put(feb, gzip(focusPart(2, 1, 28, 1, &february)), at(1));
        s3.put(kPrefix + QStringLiteral("/metadata/BILLING_PERIOD=2025-02/focus-Manifest.json"), manifest({feb}), at(1));
        putMarch(1, &marchRun1, at(2));
    }
    // March as run `run`: two parts (days 1–15 gzip, 16–31 plain) and the period's manifest.
    void putMarch(int run, QStringList *billed, const QDateTime &when)
    {
        const QString dir = kPrefix + QStringLiteral("/data/BILLING_PERIOD=2025-03/e-%1/").arg(run);
        s3.put(dir + QStringLiteral("focus-00001.csv.gz"), gzip(focusPart(3, 1, 15, run, billed)), when);
        s3.put(dir + QStringLiteral("focus-00002.csv"), focusPart(3, 16, 31, run, billed), when);
        s3.put(kPrefix + QStringLiteral("/metadata/BILLING_PERIOD=2025-03/focus-Manifest.json"),
               manifest({dir + QStringLiteral("focus-00001.csv.gz"), dir + QStringLiteral("focus-00002.csv")}), when);
    }
    Conn::AccountConfig account() const
    {
        Conn::AccountConfig a;
        a.name = QStringLiteral("focus-in-s3");
        a.provider = QStringLiteral("s3-focus");
        a.baseUrl = s3.server.baseUrl();
        a.options = {{QStringLiteral("bucket"), FakeS3::kBucket}, {QStringLiteral("prefix"), kPrefix},
                     {QStringLiteral("region"), QString::fromLatin1(FakeS3::kRegion)}};
        return a;
    }
    static QString secret(const QByteArray &key = FakeS3::kSecret)
    {
        return Conn::packSecret({{QStringLiteral("access_key_id"), QString::fromLatin1(FakeS3::kKeyId)},
                                 {QStringLiteral("secret_access_key"), QString::fromLatin1(key)}});
    }
};

} // namespace

class TstS3Focus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerTypes(); }
    void parsesListingsAndManifests();
    void rejectsBrokenListings_data();
    void rejectsBrokenListings();
    void gunzipRefusesBrokenData();
    void syncFollowsRestatementAndSkipsWhatItHas();
    void failedDownloadKeepsTheStore();
    void badPartLeavesTheWholeRunOut();
    void parquetExportIsNamed();
    void testConnectionMessages();
};

void TstS3Focus::parsesListingsAndManifests()
{
    Conn::FocusBucket::Listing listing;
    QString error;
    QVERIFY2(Conn::FocusBucket::parseS3Listing(
                 R"(<?xml version="1.0"?><ListBucketResult><IsTruncated>true</IsTruncated><Contents><Key>a/b.csv</Key>)"
                 R"(<LastModified>2025-04-01T06:00:00.000Z</LastModified><ETag>"abc"</ETag><Size>12</Size></Contents>)"
                 R"(<NextContinuationToken>t+1/=</NextContinuationToken></ListBucketResult>)",
                 &listing, &error),
             qPrintable(error));
    QCOMPARE(listing.objects.size(), 1);
    QCOMPARE(listing.objects.first().key, QStringLiteral("a/b.csv"));
    QCOMPARE(listing.objects.first().etag, QByteArray("\"abc\""));
    QCOMPARE(listing.objects.first().size, qint64(12));
    QCOMPARE(listing.objects.first().lastModified, at(1));
    QCOMPARE(listing.next, QStringLiteral("t+1/="));

    Conn::FocusBucket::Manifest m;
    QVERIFY(Conn::FocusBucket::parseAwsManifest(manifest({QStringLiteral("p/x.csv.gz")}), QStringLiteral("exports"), &m, &error));
    QCOMPARE(m.dataKeys, QStringList{QStringLiteral("p/x.csv.gz")});
    QVERIFY(!Conn::FocusBucket::parseAwsManifest(manifest({QStringLiteral("p/x.csv")}), QStringLiteral("other"), &m, &error));
    QVERIFY2(error.contains(QLatin1String("dataFiles[0]")), qPrintable(error));
    QVERIFY(!Conn::FocusBucket::parseAwsManifest("{\"dataFiles\":3}", QStringLiteral("exports"), &m, &error));

    QCOMPARE(Conn::FocusBucket::periodOf(QStringLiteral("x/metadata/BILLING_PERIOD=2025-03/f-Manifest.json")), QStringLiteral("2025-03"));
    QCOMPARE(Conn::FocusBucket::periodOf(QStringLiteral("x/focus/20250301-20250331/run-1/manifest.json")), QStringLiteral("20250301-20250331"));
    QCOMPARE(Conn::FocusBucket::kindOf(QStringLiteral("a/part-0.snappy.parquet")), Conn::FocusBucket::Kind::Parquet);
    QCOMPARE(Conn::FocusBucket::kindOf(QStringLiteral("a/part-0.csv.gz")), Conn::FocusBucket::Kind::CsvGzip);
    QCOMPARE(Conn::FocusBucket::kindOf(QStringLiteral("a/x-Manifest.json")), Conn::FocusBucket::Kind::Manifest);
}

void TstS3Focus::rejectsBrokenListings_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("where");
    QTest::newRow("not XML") << QByteArray("{\"json\":1}") << QStringLiteral("XML");
    QTest::newRow("another root") << QByteArray("<Error><Code>NoSuchBucket</Code></Error>") << QStringLiteral("ListBucketResult");
    QTest::newRow("cut short") << QByteArray("<ListBucketResult><Contents><Key>a</Ke") << QStringLiteral("malformed XML");
    QTest::newRow("truncated without token") << QByteArray("<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>")
                                             << QStringLiteral("NextContinuationToken");
    QTest::newRow("bad size") << QByteArray("<ListBucketResult><Contents><Key>a</Key><Size>-3</Size></Contents></ListBucketResult>")
                              << QStringLiteral("Size");
    QTest::newRow("no key") << QByteArray("<ListBucketResult><Contents><Size>3</Size></Contents></ListBucketResult>")
                            << QStringLiteral("without a name");
}

void TstS3Focus::rejectsBrokenListings()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, where);
    Conn::FocusBucket::Listing listing;
    QString error;
    QVERIFY(!Conn::FocusBucket::parseS3Listing(xml, &listing, &error));
    QVERIFY2(error.contains(where), qPrintable(error));
}

void TstS3Focus::gunzipRefusesBrokenData()
{
    QStringList billed;
    const QByteArray text = focusPart(3, 1, 31, 1, &billed);
    const QByteArray packed = gzip(text);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    QString error;
    QVERIFY2(Conn::FocusBucket::gunzip(packed, &out, 1 << 20, &error), qPrintable(error));
    QCOMPARE(out.data(), text);

    QBuffer cut;
    cut.open(QIODevice::WriteOnly);
    QVERIFY(!Conn::FocusBucket::gunzip(packed.left(packed.size() / 2), &cut, 1 << 20, &error));
    QVERIFY2(error.contains(QLatin1String("ends early")), qPrintable(error));
    QBuffer small;
    small.open(QIODevice::WriteOnly);
    QVERIFY(!Conn::FocusBucket::gunzip(packed, &small, 100, &error)); // a decompression bomb is stopped
    QVERIFY2(error.contains(QLatin1String("100")), qPrintable(error));
    QBuffer garbage;
    garbage.open(QIODevice::WriteOnly);
    QVERIFY(!Conn::FocusBucket::gunzip("not gzip at all", &garbage, 1 << 20, &error));
}

void TstS3Focus::syncFollowsRestatementAndSkipsWhatItHas()
{
    Bucket bucket;
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("store.sqlite"));
    const Conn::SyncOutcome first = runSync(db, bucket.account(), Bucket::secret(), kToday);
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(money(storeTotal(db, Analytics::Metric::Billed)), sum(bucket.february + bucket.marchRun1));
    QCOMPARE(first.windows, 3); // three data objects imported
    QVERIFY(bucket.s3.verified > 0);
    // The listing is paged (2 keys a page) and every request was signed.
    QVERIFY(bucket.s3.server.requestsFor(FakeS3::objectPath({})).size() >= 3);
    QCOMPARE(bucket.s3.verified, bucket.s3.server.requests().size());

    // A later run restates March: a new execution's parts, the period's manifest rewritten.
    bucket.putMarch(2, &bucket.marchRun2, at(5));
    bucket.s3.server.clearRequests();
    const Conn::SyncOutcome second = runSync(db, bucket.account(), Bucket::secret(), kToday);
    QVERIFY2(second.ok, qPrintable(second.error));
    QCOMPARE(money(storeTotal(db, Analytics::Metric::Billed)), sum(bucket.february + bucket.marchRun2));
    QVERIFY(second.replaced > 0);
    QStringList read;
    for (const FakeRequest &r : bucket.s3.objectGets())
        read << r.path.section(QLatin1Char('/'), -1);
    read.sort();
    // The March manifest and run 2's parts; nothing of February or of run 1.
    QCOMPARE(read, (QStringList{QStringLiteral("focus-00001.csv.gz"), QStringLiteral("focus-00002.csv"),
                                QStringLiteral("focus-Manifest.json")}));

    // Nothing changed: a re-sync lists the prefix and reads no object.
    bucket.s3.server.clearRequests();
    const Conn::SyncOutcome third = runSync(db, bucket.account(), Bucket::secret(), kToday);
    QVERIFY2(third.ok, qPrintable(third.error));
    QVERIFY(!bucket.s3.server.requests().isEmpty());
    QCOMPARE(bucket.s3.objectGets().size(), 0);
    QCOMPARE(money(storeTotal(db, Analytics::Metric::Billed)), sum(bucket.february + bucket.marchRun2));
}

void TstS3Focus::failedDownloadKeepsTheStore()
{
    Bucket bucket;
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("store.sqlite"));
    QVERIFY(runSync(db, bucket.account(), Bucket::secret(), kToday).ok);
    const QString before = money(storeTotal(db, Analytics::Metric::Billed));

    // Run 2's second part always arrives cut short (Content-Length larger than what is sent).
    bucket.putMarch(2, &bucket.marchRun2, at(5));
    const QString broken = FakeS3::objectPath(kPrefix + QStringLiteral("/data/BILLING_PERIOD=2025-03/e-2/focus-00002.csv"));
    bucket.s3.server.setFaultRule([broken](const FakeRequest &r) {
        return r.path == broken ? int(TestSupport::Fault::Truncate) : -1;
    });
    const Conn::SyncOutcome failed = runSync(db, bucket.account(), Bucket::secret(), kToday);
    QVERIFY(!failed.ok);
    QVERIFY2(failed.error.contains(QLatin1String("e-2/focus-00002.csv")), qPrintable(failed.error));
    QCOMPARE(money(storeTotal(db, Analytics::Metric::Billed)), before); // run 1 still whole

    // Too large a body is refused the same way.
    Conn::RetryPolicy small = fastPolicy(1);
    small.maxBodyBytes = 200;
    bucket.s3.server.setFaultRule({});
    const Conn::SyncOutcome tooLarge = runSync(db, bucket.account(), Bucket::secret(), kToday, small);
    QVERIFY(!tooLarge.ok);
    QCOMPARE(money(storeTotal(db, Analytics::Metric::Billed)), before);

    const Conn::SyncOutcome again = runSync(db, bucket.account(), Bucket::secret(), kToday);
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(money(storeTotal(db, Analytics::Metric::Billed)), sum(bucket.february + bucket.marchRun2));
}

// A run's parts stand or fall together: its first part imports well, its second has a broken last
// line. The sync names the part and the line, and the store (and what the account remembers
// having imported) stays as before the run, not run 2's first half in place of run 1's March.
void TstS3Focus::badPartLeavesTheWholeRunOut()
{
    Bucket bucket;
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("store.sqlite"));
    QVERIFY(runSync(db, bucket.account(), Bucket::secret(), kToday).ok);
    const QString before = money(storeTotal(db, Analytics::Metric::Billed));

    bucket.putMarch(2, &bucket.marchRun2, at(5));
    const QString part2 = kPrefix + QStringLiteral("/data/BILLING_PERIOD=2025-03/e-2/focus-00002.csv");
    QStringList ignored;
    const QByteArray good = focusPart(3, 16, 31, 2, &ignored);
    const int lines = static_cast<int>(good.count('\n'));
    bucket.s3.put(part2, good + "not,a,FOCUS,row\n", at(5));
    const Conn::SyncOutcome failed = runSync(db, bucket.account(), Bucket::secret(), kToday);
    QVERIFY(!failed.ok);
    QVERIFY2(failed.error.contains(QStringLiteral("e-2/focus-00002.csv:%1").arg(lines + 1)), qPrintable(failed.error));
    QCOMPARE(money(storeTotal(db, Analytics::Metric::Billed)), before);

    // The export is fixed: the next sync imports the whole run, the first part included.
    bucket.s3.put(part2, good, at(6));
    const Conn::SyncOutcome again = runSync(db, bucket.account(), Bucket::secret(), kToday);
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(money(storeTotal(db, Analytics::Metric::Billed)), sum(bucket.february + bucket.marchRun2));
}

void TstS3Focus::parquetExportIsNamed()
{
    Bucket bucket;
    const QString parquet = kPrefix + QStringLiteral("/data/BILLING_PERIOD=2025-04/e-1/focus-00001.snappy.parquet");
    bucket.s3.put(parquet, "PAR1", at(6));
    bucket.s3.put(kPrefix + QStringLiteral("/metadata/BILLING_PERIOD=2025-04/focus-Manifest.json"), manifest({parquet}), at(6));
    QTemporaryDir dir;
    const Conn::SyncOutcome outcome = runSync(dir.filePath(QStringLiteral("s.sqlite")), bucket.account(), Bucket::secret(), kToday);
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.error.contains(QLatin1String("Parquet")) && outcome.error.contains(QLatin1String("text/csv")),
             qPrintable(outcome.error));
}

void TstS3Focus::testConnectionMessages()
{
    Bucket bucket;
    Conn::S3FocusConnector connector;
    connector.setRetryPolicy(fastPolicy());
    const Conn::TestResult ok = testConnection(connector, bucket.account(), Bucket::secret());
    QVERIFY2(ok.ok, qPrintable(ok.message));
    QVERIFY2(ok.message.contains(QLatin1String("s3://exports/billing/focus")), qPrintable(ok.message));

    const Conn::TestResult wrong = testConnection(connector, bucket.account(), Bucket::secret("not-the-secret"));
    QCOMPARE(wrong.kind, Conn::ErrorKind::Forbidden);
    QVERIFY2(wrong.message.contains(QLatin1String("s3:ListBucket")), qPrintable(wrong.message));
    QVERIFY(!wrong.message.contains(QLatin1String("not-the-secret")));

    Conn::AccountConfig noBucket = bucket.account();
    noBucket.options.remove(QStringLiteral("bucket"));
    const Conn::TestResult config = testConnection(connector, noBucket, Bucket::secret());
    QCOMPARE(config.kind, Conn::ErrorKind::Config);
}

QTEST_GUILESS_MAIN(TstS3Focus)
#include "tst_s3focus.moc"
