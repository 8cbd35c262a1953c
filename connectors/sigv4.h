#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <utility>

class QNetworkRequest;
class QUrl;

/// AWS Signature Version 4 (AWS4-HMAC-SHA256), written on QCryptographicHash and
/// QMessageAuthenticationCode. Pure functions; safe on any thread. Validated against the AWS
/// SigV4 test suite (tests/tst_sigv4.cpp).
namespace Conn::SigV4 {

/// Long-term (access key + secret) or temporary (+ session token) credentials.
struct Credentials {
    QByteArray accessKeyId;
    QByteArray secretAccessKey;
    QByteArray sessionToken; ///< empty for long-term keys
};

/// A request as it goes on the wire.
struct Request {
    QByteArray method;
    QByteArray path = "/";  ///< as on the wire (percent-encoded form), not yet normalised
    QByteArray query;       ///< raw query string without '?'
    QList<std::pair<QByteArray, QByteArray>> headers; ///< in order; repeated names allowed
    QByteArray payload;
};

/// Who signs for what and when.
struct Scope {
    QByteArray amzDate; ///< X-Amz-Date, yyyyMMddTHHmmssZ
    QByteArray region;
    QByteArray service;
    QByteArray date() const { return amzDate.left(8); }
    QByteArray credentialScope() const;
};

/// Every intermediate of a signature (the test suite checks each of them).
struct Signature {
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signedHeaders;
    QByteArray signature; ///< 64 lower-case hex digits
    QByteArray authorization; ///< value of the Authorization header
};

/// X-Amz-Date for a moment (converted to UTC).
QByteArray amzDate(const QDateTime &when);

/// RFC 3986 encoding as SigV4 wants it: unreserved characters kept, everything else %XX upper case;
/// '/' kept when keepSlash.
QByteArray uriEncode(const QByteArray &bytes, bool keepSlash);

/// Canonical URI: dot segments and repeated slashes removed (unless normalise is false, as S3
/// needs), each segment encoded again (so an encoded wire path is double-encoded, as AWS expects
/// for every service but S3).
QByteArray canonicalUri(const QByteArray &path, bool normalise = true);

/// Canonical query string: parameters decoded, re-encoded, sorted by name then value.
QByteArray canonicalQuery(const QByteArray &query);

/// Canonical request over every header of the request; signedHeaders receives the header list.
QByteArray canonicalRequest(const Request &request, QByteArray *signedHeaders, bool normalisePath = true);

/// String to sign for a canonical request.
QByteArray stringToSign(const QByteArray &canonicalRequest, const Scope &scope);

/// Derived signing key: HMAC chain over date, region, service and "aws4_request".
QByteArray signingKey(const QByteArray &secret, const Scope &scope);

/// Signs every header of the request (add X-Amz-Security-Token before calling to have it signed).
Signature sign(const Request &request, const Credentials &credentials, const Scope &scope);

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

/// The headers to add to a request to `url` that will carry `headers` (Host is taken from the
/// URL, as QNetworkAccessManager sends it): X-Amz-Date, X-Amz-Security-Token (when set, signed)
/// and Authorization. Every header in `headers` is signed.
HeaderList authHeaders(const QByteArray &method, const QUrl &url, const HeaderList &headers, const QByteArray &payload,
                       const Credentials &credentials, const QByteArray &region, const QByteArray &service,
                       const QDateTime &now);

/// Adds X-Amz-Date, X-Amz-Security-Token (when set) and Authorization to a network request whose
/// other headers (Host is taken from the URL) are already set; signs every raw header present.
void signNetworkRequest(QNetworkRequest &request, const QByteArray &method, const QByteArray &payload,
                        const Credentials &credentials, const QByteArray &region, const QByteArray &service,
                        const QDateTime &now);

/// The parts of an Authorization header (for servers verifying a signature: tests, local fakes).
struct ParsedAuthorization {
    bool ok = false;
    QByteArray accessKeyId, date, region, service, signedHeaders, signature;
};

/// Parses "AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, SignedHeaders=..., Signature=...".
ParsedAuthorization parseAuthorization(const QByteArray &value);

} // namespace Conn::SigV4
