#pragma once

// A loopback S3 bucket for the s3-focus tests: verifies every request's SigV4 signature the way
// S3 does (service s3, the payload hash in x-amz-content-sha256, the path encoded once), answers
// ListObjectsV2 with real continuation-token paging, and serves objects with their ETag.
// Header-only: include it only from tests that link burnrate_connectors (for Conn::SigV4).

#include "fakeserver.h"
#include "sigv4.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMap>
#include <QTimeZone>

namespace TestSupport {

struct FakeS3 {
    inline static const QString kBucket = QStringLiteral("exports");
    inline static const QByteArray kKeyId = "AKIAFAKES3EXAMPLE001";
    inline static const QByteArray kSecret = "s3Secret/K7MDENG+bPxRfiCYEXAMPLEKEY";
    inline static const QByteArray kRegion = "eu-west-1";

    struct Object {
        QByteArray body;
        QByteArray etag;
        QDateTime modified;
    };

    FakeServer server;
    QMap<QString, Object> objects;
    int pageSize = 2;   ///< keys per ListObjectsV2 page
    int verified = 0;   ///< requests whose signature checked out

    bool start()
    {
        if (!server.start())
            return false;
        server.setDefaultAuth([this](const FakeRequest &r) { return verify(r); });
        server.route("GET", QLatin1Char('/') + kBucket + QLatin1Char('/'), [this](const FakeRequest &r) { return list(r); });
        return true;
    }

    /// Stores (or replaces) an object; its ETag is the MD5 of its bytes, as S3 gives single-part uploads.
    void put(const QString &key, const QByteArray &body, const QDateTime &modified)
    {
        objects[key] = Object{body, '"' + QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex() + '"', modified};
        server.route("GET", objectPath(key), [this, key](const FakeRequest &) {
            const Object &o = objects[key];
            return FakeResponse{200, o.body, {{"Content-Type", "application/octet-stream"}, {"ETag", o.etag}}};
        });
    }

    static QString objectPath(const QString &key) { return QLatin1Char('/') + kBucket + QLatin1Char('/') + key; }

    /// Requests that read an object (anything but the listing).
    QList<FakeRequest> objectGets() const
    {
        QList<FakeRequest> out;
        for (const FakeRequest &r : server.requests())
            if (r.path != QLatin1Char('/') + kBucket + QLatin1Char('/'))
                out << r;
        return out;
    }

    static FakeResponse s3Error(int status, const char *code, const char *message)
    {
        return FakeResponse{status,
                            QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>") + code + "</Code><Message>"
                                + message + "</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>",
                            {{"Content-Type", "application/xml"}}};
    }

    FakeResponse verify(const FakeRequest &req)
    {
        const Conn::SigV4::ParsedAuthorization p = Conn::SigV4::parseAuthorization(req.header("authorization"));
        if (!p.ok)
            return s3Error(403, "AccessDenied", "Access Denied");
        if (p.accessKeyId != kKeyId)
            return s3Error(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
        const QByteArray amzDate = req.header("x-amz-date");
        if (p.date != amzDate.left(8) || p.region != kRegion || p.service != "s3")
            return s3Error(400, "AuthorizationHeaderMalformed", "The authorization header is malformed; the region is wrong.");
        const QList<QByteArray> names = p.signedHeaders.split(';');
        for (const char *required : {"host", "x-amz-date", "x-amz-content-sha256"})
            if (!names.contains(required))
                return s3Error(403, "AccessDenied", "There were headers present in the request which were not signed");
        if (req.header("x-amz-content-sha256") != QCryptographicHash::hash(req.body, QCryptographicHash::Sha256).toHex())
            return s3Error(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.");
        // S3's canonical URI: the decoded path encoded once.
        Conn::SigV4::Request r;
        r.method = req.method;
        r.path = req.path.toUtf8();
        r.query = req.query.toString(QUrl::FullyEncoded).toLatin1();
        r.payload = req.body;
        for (const QByteArray &name : names)
            r.headers.append({name, req.header(name)});
        const auto expected = Conn::SigV4::sign(r, Conn::SigV4::Credentials{kKeyId, kSecret, {}},
                                                Conn::SigV4::Scope{amzDate, p.region, p.service});
        if (expected.signature != p.signature)
            return s3Error(403, "SignatureDoesNotMatch",
                           "The request signature we calculated does not match the signature you provided. Check your key "
                           "and signing method.");
        ++verified;
        return FakeResponse{0, {}, {}};
    }

    FakeResponse list(const FakeRequest &req)
    {
        if (req.queryValue(QStringLiteral("list-type")) != QLatin1String("2"))
            return s3Error(400, "InvalidArgument", "list-type must be 2");
        const QString prefix = req.queryValue(QStringLiteral("prefix"));
        QStringList keys;
        for (auto it = objects.cbegin(); it != objects.cend(); ++it)
            if (it.key().startsWith(prefix))
                keys << it.key();
        qsizetype first = 0;
        const QString token = req.queryValue(QStringLiteral("continuation-token"));
        if (!token.isEmpty()) {
            // Tokens look like base64 ("tok+4/=") so their encoding on the wire matters.
            bool ok = false;
            if (token.startsWith(QLatin1String("tok+")) && token.endsWith(QLatin1String("/=")))
                first = token.mid(4, token.size() - 6).toLongLong(&ok);
            if (!ok)
                return s3Error(400, "InvalidArgument", "The continuation token provided is incorrect");
        }
        const qsizetype next = first + pageSize;
        QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>"
            + kBucket.toUtf8() + "</Name><Prefix>" + prefix.toUtf8() + "</Prefix><IsTruncated>"
            + (next < keys.size() ? "true" : "false") + "</IsTruncated>";
        for (const QString &key : keys.mid(first, pageSize)) {
            const Object &o = objects[key];
            xml += "<Contents><Key>" + key.toUtf8() + "</Key><LastModified>"
                + o.modified.toUTC().toString(Qt::ISODateWithMs).toUtf8() + "</LastModified><ETag>&quot;"
                + o.etag.mid(1, o.etag.size() - 2) + "&quot;</ETag><Size>" + QByteArray::number(o.body.size())
                + "</Size><StorageClass>STANDARD</StorageClass></Contents>";
        }
        if (next < keys.size())
            xml += "<NextContinuationToken>tok+" + QByteArray::number(next) + "/=</NextContinuationToken>";
        xml += "</ListBucketResult>";
        return FakeResponse{200, xml, {{"Content-Type", "application/xml"}}};
    }
};

} // namespace TestSupport
