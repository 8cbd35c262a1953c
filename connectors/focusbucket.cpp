#include "focusbucket.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <zlib.h>

namespace Conn::FocusBucket {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Conn::FocusBucket", text); }

// Walks a listing: `item` is the element holding one object ("Contents" / "Blob"); `field(name,
// text, object)` fills an object from a descendant element; `top(name, text)` sees every other
// element's text (truncation flags, tokens).
template<typename Field, typename Top>
bool readListing(const QByteArray &xml, const char *root, const char *item, Listing *out, QString *error, Field field, Top top)
{
    *out = Listing{};
    QXmlStreamReader reader(xml);
    bool sawRoot = false;
    Object current;
    bool inItem = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            const QString name = reader.name().toString();
            if (!sawRoot) {
                if (name != QLatin1String(root)) {
                    *error = tr("expected <%1>, got <%2>").arg(QLatin1String(root), name);
                    return false;
                }
                sawRoot = true;
            } else if (name == QLatin1String(item)) {
                current = Object{};
                inItem = true;
            } else if (name == QLatin1String("Blobs") || name == QLatin1String("Properties")) {
                // Azure's wrappers: their children are read one by one
            } else if (inItem) {
                field(name, reader.readElementText(QXmlStreamReader::IncludeChildElements), current);
            } else {
                top(name, reader.readElementText(QXmlStreamReader::IncludeChildElements));
            }
        } else if (reader.isEndElement() && inItem && reader.name() == QLatin1String(item)) {
            inItem = false;
            if (current.key.isEmpty()) {
                *error = tr("an object without a name");
                return false;
            }
            out->objects.push_back(current);
        }
    }
    if (reader.hasError()) {
        *error = tr("malformed XML at line %1: %2").arg(reader.lineNumber()).arg(reader.errorString());
        return false;
    }
    if (!sawRoot) {
        *error = tr("the answer is empty");
        return false;
    }
    return true;
}

bool parseSize(const QString &text, qint64 *size)
{
    bool ok = false;
    *size = text.toLongLong(&ok);
    return ok && *size >= 0;
}

// The array member `key` of a manifest's JSON object; false with *error otherwise.
bool manifestList(const QByteArray &json, const char *key, const QString &expected, QJsonArray *list, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        *error = tr("malformed JSON at byte %1: %2").arg(pe.offset).arg(pe.errorString());
    else if (!doc.isObject())
        *error = tr("the manifest is not a JSON object");
    else if (const QJsonValue v = doc.object().value(QLatin1String(key)); !v.isArray())
        *error = tr("%1: expected %2").arg(QLatin1String(key), expected);
    else {
        *list = v.toArray();
        return true;
    }
    return false;
}

} // namespace

bool parseS3Listing(const QByteArray &xml, Listing *out, QString *error)
{
    bool truncated = false, badSize = false;
    const bool ok = readListing(
        xml, "ListBucketResult", "Contents", out, error,
        [&badSize](const QString &name, const QString &text, Object &o) {
            if (name == QLatin1String("Key"))
                o.key = text;
            else if (name == QLatin1String("ETag"))
                o.etag = text.toUtf8();
            else if (name == QLatin1String("Size"))
                badSize = badSize || !parseSize(text, &o.size);
            else if (name == QLatin1String("LastModified"))
                o.lastModified = QDateTime::fromString(text, Qt::ISODateWithMs);
        },
        [&](const QString &name, const QString &text) {
            if (name == QLatin1String("IsTruncated"))
                truncated = text == QLatin1String("true");
            else if (name == QLatin1String("NextContinuationToken"))
                out->next = text;
        });
    if (!ok)
        return false;
    if (badSize) {
        *error = tr("an object's Size is not a byte count");
        return false;
    }
    if (truncated && out->next.isEmpty()) {
        *error = tr("IsTruncated is true but NextContinuationToken is missing");
        return false;
    }
    if (!truncated)
        out->next.clear();
    return true;
}

bool parseAzureListing(const QByteArray &xml, Listing *out, QString *error)
{
    bool badSize = false;
    const bool ok = readListing(
        xml, "EnumerationResults", "Blob", out, error,
        [&badSize](const QString &name, const QString &text, Object &o) {
            if (name == QLatin1String("Name"))
                o.key = text;
            else if (name == QLatin1String("Etag"))
                o.etag = text.toUtf8();
            else if (name == QLatin1String("Content-Length"))
                badSize = badSize || !parseSize(text, &o.size);
            else if (name == QLatin1String("Last-Modified")) // "Tue, 01 Apr 2025 06:00:00 GMT" (RFC 1123)
                o.lastModified = QDateTime::fromString(text.endsWith(QLatin1String(" GMT")) ? text.chopped(4) + QStringLiteral(" +0000") : text,
                                                       Qt::RFC2822Date);
        },
        [&](const QString &name, const QString &text) {
            if (name == QLatin1String("NextMarker"))
                out->next = text;
        });
    if (ok && badSize) {
        *error = tr("a blob's Content-Length is not a byte count");
        return false;
    }
    return ok;
}

bool parseAwsManifest(const QByteArray &json, const QString &bucket, Manifest *out, QString *error)
{
    *out = Manifest{};
    QJsonArray list;
    if (!manifestList(json, "dataFiles", tr("an array of s3:// URIs"), &list, error))
        return false;
    const QString prefix = QStringLiteral("s3://") + bucket + QLatin1Char('/');
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString uri = list.at(i).toString();
        if (!uri.startsWith(prefix) || uri.size() == prefix.size()) {
            *error = tr("dataFiles[%1]: \"%2\" is not an object of bucket %3").arg(i).arg(uri, bucket);
            return false;
        }
        out->dataKeys << uri.mid(prefix.size());
    }
    return true;
}

bool parseAzureManifest(const QByteArray &json, Manifest *out, QString *error)
{
    *out = Manifest{};
    QJsonArray list;
    if (!manifestList(json, "blobs", tr("an array of blobs"), &list, error))
        return false;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString name = list.at(i).toObject().value(QStringLiteral("blobName")).toString();
        if (name.isEmpty()) {
            *error = tr("blobs[%1].blobName: missing").arg(i);
            return false;
        }
        out->dataKeys << name;
    }
    return true;
}

Kind kindOf(const QString &key)
{
    const QString k = key.toLower();
    if (k.endsWith(QLatin1String("manifest.json")))
        return Kind::Manifest;
    if (k.endsWith(QLatin1String(".parquet")))
        return Kind::Parquet;
    if (k.endsWith(QLatin1String(".csv.gz")) || k.endsWith(QLatin1String(".csv.gzip")))
        return Kind::CsvGzip;
    if (k.endsWith(QLatin1String(".csv")))
        return Kind::Csv;
    return Kind::Other;
}

QString periodOf(const QString &key)
{
    static const QRegularExpression aws(QStringLiteral("(?:^|/)BILLING_PERIOD=(\\d{4}-\\d{2})(?:/|$)"));
    static const QRegularExpression azure(QStringLiteral("(?:^|/)(\\d{8}-\\d{8})(?:/|$)"));
    if (const auto m = aws.match(key); m.hasMatch())
        return m.captured(1);
    if (const auto m = azure.match(key); m.hasMatch())
        return m.captured(1);
    return {};
}

bool gunzip(const QByteArray &in, QIODevice *out, qint64 maxBytes, QString *error, bool *tooLarge)
{
    if (tooLarge)
        *tooLarge = false;
    z_stream zs{};
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
        *error = tr("cannot start gzip decompression");
        return false;
    }
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    zs.avail_in = static_cast<uInt>(in.size());
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    qint64 written = 0;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        zs.next_out = reinterpret_cast<Bytef *>(buffer.data());
        zs.avail_out = static_cast<uInt>(buffer.size());
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&zs);
            *error = rc == Z_BUF_ERROR ? tr("the gzip data ends early") : tr("corrupt gzip data");
            return false;
        }
        const qint64 n = buffer.size() - static_cast<qint64>(zs.avail_out);
        written += n;
        if (written > maxBytes) {
            inflateEnd(&zs);
            if (tooLarge)
                *tooLarge = true;
            *error = tr("more than %1 bytes once decompressed").arg(maxBytes);
            return false;
        }
        if (n > 0 && out->write(buffer.constData(), n) != n) {
            inflateEnd(&zs);
            *error = tr("cannot write the decompressed data: %1").arg(out->errorString());
            return false;
        }
        if (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0) {
            inflateEnd(&zs);
            *error = tr("the gzip data ends early");
            return false;
        }
    }
    inflateEnd(&zs);
    return true;
}

} // namespace Conn::FocusBucket
