#include "sigv4.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QNetworkRequest>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>
#include <map>

namespace Conn::SigV4 {

namespace {

const QByteArray kAlgorithm = QByteArrayLiteral("AWS4-HMAC-SHA256");

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
        || c == '~';
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Trims and collapses runs of whitespace into one space (the vectors do this even inside quotes).
QByteArray canonicalHeaderValue(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    bool pendingSpace = false;
    for (char c : value) {
        if (isSpace(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

} // namespace

QByteArray Scope::credentialScope() const
{
    return date() + '/' + region + '/' + service + "/aws4_request";
}

QByteArray amzDate(const QDateTime &when)
{
    return when.toTimeZone(QTimeZone::utc()).toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray uriEncode(const QByteArray &bytes, bool keepSlash)
{
    static const char kHex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (char c : bytes) {
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            out += c;
        } else {
            const auto u = static_cast<unsigned char>(c);
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 0xF];
        }
    }
    return out;
}

QByteArray canonicalUri(const QByteArray &path, bool normalise)
{
    if (path.isEmpty())
        return QByteArrayLiteral("/");
    if (!normalise)
        return uriEncode(path, true);
    // RFC 3986 remove_dot_segments, plus empty segments dropped ("//" -> "/").
    QList<QByteArray> out;
    const QList<QByteArray> parts = path.split('/');
    bool trailingSlash = path.endsWith('/');
    for (const QByteArray &seg : parts) {
        if (seg.isEmpty())
            continue;
        if (seg == ".") {
            trailingSlash = true;
        } else if (seg == "..") {
            if (!out.isEmpty())
                out.removeLast();
            trailingSlash = true;
        } else {
            out.append(uriEncode(seg, false));
            trailingSlash = false;
        }
    }
    if (path.endsWith('/'))
        trailingSlash = true;
    QByteArray result = "/" + out.join('/');
    if (trailingSlash && !out.isEmpty())
        result += '/';
    return result;
}

QByteArray canonicalQuery(const QByteArray &query)
{
    if (query.isEmpty())
        return {};
    QList<std::pair<QByteArray, QByteArray>> params;
    for (const QByteArray &part : query.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        const QByteArray key = eq < 0 ? part : part.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        params.append({uriEncode(QByteArray::fromPercentEncoding(key), false),
                       uriEncode(QByteArray::fromPercentEncoding(value), false)});
    }
    std::sort(params.begin(), params.end());
    QByteArray out;
    for (const auto &[k, v] : params) {
        if (!out.isEmpty())
            out += '&';
        out += k + '=' + v;
    }
    return out;
}

QByteArray canonicalRequest(const Request &request, QByteArray *signedHeaders, bool normalisePath)
{
    // Repeated names are joined with ',' in their original order.
    std::map<QByteArray, QByteArray> headers;
    for (const auto &[name, value] : request.headers) {
        const QByteArray key = name.trimmed().toLower();
        const QByteArray v = canonicalHeaderValue(value);
        auto it = headers.find(key);
        if (it == headers.end())
            headers.emplace(key, v);
        else
            it->second += ',' + v;
    }
    QByteArray canonicalHeaders, names;
    for (const auto &[name, value] : headers) {
        canonicalHeaders += name + ':' + value + '\n';
        if (!names.isEmpty())
            names += ';';
        names += name;
    }
    if (signedHeaders)
        *signedHeaders = names;
    return request.method.toUpper() + '\n' + canonicalUri(request.path, normalisePath) + '\n'
        + canonicalQuery(request.query) + '\n' + canonicalHeaders + '\n' + names + '\n' + sha256Hex(request.payload);
}

QByteArray stringToSign(const QByteArray &canonicalRequest, const Scope &scope)
{
    return kAlgorithm + '\n' + scope.amzDate + '\n' + scope.credentialScope() + '\n' + sha256Hex(canonicalRequest);
}

QByteArray signingKey(const QByteArray &secret, const Scope &scope)
{
    const QByteArray kDate = hmac("AWS4" + secret, scope.date());
    const QByteArray kRegion = hmac(kDate, scope.region);
    const QByteArray kService = hmac(kRegion, scope.service);
    return hmac(kService, QByteArrayLiteral("aws4_request"));
}

Signature sign(const Request &request, const Credentials &credentials, const Scope &scope)
{
    Signature s;
    s.canonicalRequest = canonicalRequest(request, &s.signedHeaders);
    s.stringToSign = stringToSign(s.canonicalRequest, scope);
    s.signature = hmac(signingKey(credentials.secretAccessKey, scope), s.stringToSign).toHex();
    s.authorization = kAlgorithm + " Credential=" + credentials.accessKeyId + '/' + scope.credentialScope()
        + ", SignedHeaders=" + s.signedHeaders + ", Signature=" + s.signature;
    return s;
}

HeaderList authHeaders(const QByteArray &method, const QUrl &url, const HeaderList &headers, const QByteArray &payload,
                       const Credentials &credentials, const QByteArray &region, const QByteArray &service,
                       const QDateTime &now)
{
    const Scope scope{amzDate(now), region, service};
    HeaderList added{{QByteArrayLiteral("X-Amz-Date"), scope.amzDate}};
    if (!credentials.sessionToken.isEmpty())
        added.append({QByteArrayLiteral("X-Amz-Security-Token"), credentials.sessionToken});

    Request r;
    r.method = method;
    r.path = url.path(QUrl::FullyEncoded).toLatin1();
    r.query = url.query(QUrl::FullyEncoded).toLatin1();
    r.payload = payload;
    // Host as QNetworkAccessManager sends it: the port only when it is not the scheme default.
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    const int port = url.port(-1);
    if (port != -1 && !((url.scheme() == u"https" && port == 443) || (url.scheme() == u"http" && port == 80)))
        host += ':' + QByteArray::number(port);
    r.headers.append({QByteArrayLiteral("host"), host});
    for (const auto &h : headers) {
        if (h.first.compare("authorization", Qt::CaseInsensitive) == 0 || h.first.compare("host", Qt::CaseInsensitive) == 0
            || h.first.compare("x-amz-date", Qt::CaseInsensitive) == 0
            || h.first.compare("x-amz-security-token", Qt::CaseInsensitive) == 0)
            continue;
        r.headers.append(h);
    }
    r.headers.append(added);
    added.append({QByteArrayLiteral("Authorization"), sign(r, credentials, scope).authorization});
    return added;
}

void signNetworkRequest(QNetworkRequest &request, const QByteArray &method, const QByteArray &payload,
                        const Credentials &credentials, const QByteArray &region, const QByteArray &service,
                        const QDateTime &now)
{
    HeaderList headers;
    for (const QByteArray &name : request.rawHeaderList())
        headers.append({name, request.rawHeader(name)});
    for (const auto &[name, value] : authHeaders(method, request.url(), headers, payload, credentials, region, service, now))
        request.setRawHeader(name, value);
}

ParsedAuthorization parseAuthorization(const QByteArray &value)
{
    ParsedAuthorization p;
    const QByteArray v = value.trimmed();
    if (!v.startsWith(kAlgorithm + ' '))
        return p;
    for (const QByteArray &rawPart : v.mid(kAlgorithm.size() + 1).split(',')) {
        const QByteArray part = rawPart.trimmed();
        const qsizetype eq = part.indexOf('=');
        if (eq < 0)
            return p;
        const QByteArray key = part.left(eq), val = part.mid(eq + 1);
        if (key == "Credential") {
            const QList<QByteArray> c = val.split('/');
            if (c.size() != 5 || c[4] != "aws4_request")
                return p;
            p.accessKeyId = c[0];
            p.date = c[1];
            p.region = c[2];
            p.service = c[3];
        } else if (key == "SignedHeaders") {
            p.signedHeaders = val;
        } else if (key == "Signature") {
            p.signature = val;
        }
    }
    p.ok = !p.accessKeyId.isEmpty() && !p.signedHeaders.isEmpty() && p.signature.size() == 64;
    return p;
}

} // namespace Conn::SigV4
