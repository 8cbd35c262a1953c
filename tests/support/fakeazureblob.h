#pragma once

// A loopback Azure Blob Storage container plus Entra ID token endpoint for the azure-blob-focus
// tests. The token endpoint issues tokens only for the storage scope and the right client; the
// container accepts a bearer token it issued (with x-ms-version, as Blob Storage requires for
// OAuth) or a SAS whose signature matches, answers List Blobs with real marker paging, and
// serves blobs with their ETag. Header-only like the other fakes.

#include "fakeserver.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QLocale>
#include <QMap>
#include <QUrlQuery>

namespace TestSupport {

struct FakeAzureBlob {
    inline static const QString kContainer = QStringLiteral("costexports");
    inline static const QString kClientSecret = QStringLiteral("blob+s3cr&t=");
    inline static const QString kSasSig = QStringLiteral("c2lnbmF0dXJl+/=");

    struct Blob {
        QByteArray body;
        QByteArray etag;
        QDateTime modified;
    };

    FakeServer server;
    QMap<QString, Blob> blobs;
    QStringList issued; ///< tokens handed out
    int pageSize = 2;   ///< blobs per List Blobs page

    bool start()
    {
        if (!server.start())
            return false;
        server.route("POST", QStringLiteral("/tenant-1/oauth2/v2.0/token"), [this](const FakeRequest &r) {
            QUrlQuery form(QString::fromUtf8(r.body));
            auto v = [&](const char *k) { return form.queryItemValue(QString::fromLatin1(k), QUrl::FullyDecoded); };
            if (v("grant_type") != QLatin1String("client_credentials") || v("scope") != QLatin1String("https://storage.azure.com/.default"))
                return FakeResponse::json(R"({"error":"invalid_scope","error_description":"AADSTS70011: The provided scope is not valid."})", 400);
            if (v("client_id") != QLatin1String("app-123") || v("client_secret") != kClientSecret)
                return FakeResponse::json(R"({"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."})", 401);
            issued << QStringLiteral("blob-tok-%1").arg(issued.size() + 1);
            return FakeResponse::json(QStringLiteral(R"({"token_type":"Bearer","expires_in":3599,"access_token":"%1"})").arg(issued.back()).toUtf8());
        }, [](const FakeRequest &) { return FakeResponse{0, {}, {}}; });
        server.setDefaultAuth([this](const FakeRequest &r) { return verify(r); });
        server.route("GET", QLatin1Char('/') + kContainer, [this](const FakeRequest &r) { return list(r); });
        return true;
    }

    void put(const QString &name, const QByteArray &body, const QDateTime &modified)
    {
        const QByteArray etag = "0x8D" + QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex().left(13).toUpper();
        blobs[name] = Blob{body, etag, modified};
        server.route("GET", blobPath(name), [this, name](const FakeRequest &) {
            const Blob &b = blobs[name];
            return FakeResponse{200, b.body, {{"Content-Type", "application/octet-stream"}, {"ETag", b.etag}}};
        });
    }

    static QString blobPath(const QString &name) { return QLatin1Char('/') + kContainer + QLatin1Char('/') + name; }

    /// Requests that read a blob (not the listing, not the token endpoint).
    QList<FakeRequest> blobGets() const
    {
        QList<FakeRequest> out;
        for (const FakeRequest &r : server.requests())
            if (r.path.startsWith(QLatin1Char('/') + kContainer + QLatin1Char('/')))
                out << r;
        return out;
    }

    static FakeResponse storageError(int status, const char *code, const char *message)
    {
        return FakeResponse{status,
                            QByteArray("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>") + code + "</Code><Message>" + message
                                + "</Message></Error>",
                            {{"Content-Type", "application/xml"}}};
    }

    FakeResponse verify(const FakeRequest &r)
    {
        const QString sig = r.queryValue(QStringLiteral("sig"));
        if (!sig.isEmpty()) {
            if (sig != kSasSig || r.queryValue(QStringLiteral("sv")).isEmpty())
                return storageError(403, "AuthenticationFailed", "Server failed to authenticate the request. Signature did not match.");
            return FakeResponse{0, {}, {}};
        }
        const QByteArray h = r.header("authorization");
        if (!h.startsWith("Bearer ") || !issued.contains(QString::fromLatin1(h.mid(7))))
            return storageError(401, "InvalidAuthenticationInfo", "Authentication information is not given in the correct format.");
        if (r.header("x-ms-version") < "2017-11-09")
            return storageError(400, "InvalidHeaderValue", "The value for one of the HTTP headers is not in the correct format.");
        return FakeResponse{0, {}, {}};
    }

    FakeResponse list(const FakeRequest &r)
    {
        if (r.queryValue(QStringLiteral("restype")) != QLatin1String("container") || r.queryValue(QStringLiteral("comp")) != QLatin1String("list"))
            return storageError(400, "InvalidQueryParameterValue", "Value for one of the query parameters specified in the request URI is invalid.");
        const QString prefix = r.queryValue(QStringLiteral("prefix"));
        QStringList names;
        for (auto it = blobs.cbegin(); it != blobs.cend(); ++it)
            if (it.key().startsWith(prefix))
                names << it.key();
        qsizetype first = 0;
        const QString marker = r.queryValue(QStringLiteral("marker"));
        if (!marker.isEmpty()) {
            bool ok = false;
            if (marker.startsWith(QLatin1String("m+")) && marker.endsWith(QLatin1String("/=")))
                first = marker.mid(2, marker.size() - 4).toLongLong(&ok);
            if (!ok)
                return storageError(400, "OutOfRangeInput", "One of the request inputs is out of range.");
        }
        const qsizetype next = first + pageSize;
        QByteArray xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults ServiceEndpoint=\"" + server.baseUrl().toUtf8()
            + "/\" ContainerName=\"" + kContainer.toUtf8() + "\"><Prefix>" + prefix.toUtf8() + "</Prefix><Blobs>";
        for (const QString &name : names.mid(first, pageSize)) {
            const Blob &b = blobs[name];
            xml += "<Blob><Name>" + name.toUtf8() + "</Name><Properties><Last-Modified>"
                + QLocale::c().toString(b.modified.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toUtf8() + "</Last-Modified><Etag>" + b.etag
                + "</Etag><Content-Length>" + QByteArray::number(b.body.size())
                + "</Content-Length><BlobType>BlockBlob</BlobType></Properties></Blob>";
        }
        xml += "</Blobs><NextMarker>" + (next < names.size() ? "m+" + QByteArray::number(next) + "/=" : QByteArray()) + "</NextMarker></EnumerationResults>";
        return FakeResponse{200, xml, {{"Content-Type", "application/xml"}}};
    }
};

} // namespace TestSupport
