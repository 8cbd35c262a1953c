#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

/// Pure pieces of the FOCUS-export bucket sources (s3-focus, azure-blob-focus): object listings,
/// export manifests, object kinds and billing periods from key names, and gzip. No network, no
/// store; every function is safe on any thread and is tested with broken inputs.
namespace Conn::FocusBucket {

/// One object (S3) or blob (Azure) of a listing.
struct Object {
    QString key;          ///< full key / blob name
    QByteArray etag;      ///< as listed (quotes kept); tells versions of one key apart
    qint64 size = 0;
    QDateTime lastModified;
};

/// One page of a listing; `next` is the continuation token (S3) or marker (Azure), empty at the end.
struct Listing {
    QList<Object> objects;
    QString next;
};

/// Parses an S3 ListObjectsV2 answer (`ListBucketResult`: Contents/Key, ETag, Size, LastModified;
/// IsTruncated + NextContinuationToken). False with *error on malformed XML or a truncated
/// listing without a token.
bool parseS3Listing(const QByteArray &xml, Listing *out, QString *error);
/// Parses an Azure Blob Storage List Blobs answer (`EnumerationResults`: Blobs/Blob/Name,
/// Properties/Etag, Content-Length, Last-Modified; NextMarker). Same contract.
bool parseAzureListing(const QByteArray &xml, Listing *out, QString *error);

/// The data objects one export run delivered for one billing period.
struct Manifest {
    QStringList dataKeys; ///< keys within the bucket / container, in the manifest's order
};

/// AWS Data Exports `<export-name>-Manifest.json`: "dataFiles" lists the run's objects as full
/// `s3://<bucket>/<key>` URIs (docs.aws.amazon.com/cur/latest/userguide/dataexports-manifest.html).
/// A URI of another bucket is an error.
bool parseAwsManifest(const QByteArray &json, const QString &bucket, Manifest *out, QString *error);
/// Azure Cost Management export `manifest.json`: "blobs" [{ "blobName": path in the container,
/// "byteCount", … }] beside "runInfo" and "exportConfig" (learn.microsoft.com/azure/cost-management-
/// billing/costs/tutorial-improved-exports).
bool parseAzureManifest(const QByteArray &json, Manifest *out, QString *error);

enum class Kind { Manifest, Csv, CsvGzip, Parquet, Other };
/// What an object is, from its key: "…Manifest.json" / "manifest.json", ".csv", ".csv.gz",
/// ".parquet" (also ".snappy.parquet", ".gz.parquet").
Kind kindOf(const QString &key);

/// The billing period a manifest's key names, as the exports lay them out: AWS
/// ".../metadata/BILLING_PERIOD=2025-03/..." → "2025-03"; Azure ".../20250301-20250331/<run>/manifest.json"
/// → "20250301-20250331". Empty when the key names none (then the manifest is its own period).
QString periodOf(const QString &key);

/// Inflates gzip `in` into `out`; false with *error on corrupt or truncated data or when more
/// than `maxBytes` would be written (a decompression bomb; then *tooLarge, when given, is set).
/// Also the OTLP receiver's (connectors/otlp) for gzip request bodies.
bool gunzip(const QByteArray &in, QIODevice *out, qint64 maxBytes, QString *error, bool *tooLarge = nullptr);

} // namespace Conn::FocusBucket
