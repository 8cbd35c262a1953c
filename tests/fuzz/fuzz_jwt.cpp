// JWT code: base64url must round-trip any bytes, and a JWT verifier must reject (with an error)
// or accept any text. The key is RFC 7515's A.2 public key (tests/data/gcp/rfc7515_a2_public.pem),
// compiled in so that no input touches the disk.
#include "jwt.h"

#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

namespace {

const QByteArray kPublicKey = QByteArrayLiteral(
    "-----BEGIN PUBLIC KEY-----\n"
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAofgWCuLjybRlzo0tZWJj\n"
    "NiuSfb4p4fAkd/wWJcyQoTbji9k0l8W26mPddxHmfHQp+Vaw+4qPCJrcS2mJPMEz\n"
    "P1Pt0Bm4d4QlL+yRT+SFd2lZS+pCgNMsD1W/YpRPEwOWvG6b32690r2jZ47soMZo\n"
    "9wGzjb/7OMg0LOL+bSf63kpaSHSXndS5z5rexMdbBYUsLA9e+KXBdQOS+UTo7WTB\n"
    "EMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6/I5IhlJH7aGhyxX\n"
    "FvUK+DWNmoudF8NAco9/h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXp\n"
    "oQIDAQAB\n"
    "-----END PUBLIC KEY-----\n");

void check(bool ok)
{
    if (!ok)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QByteArray decoded, again;
    check(Conn::base64UrlDecode(Conn::base64UrlEncode(text), decoded) && decoded == text);
    if (Conn::base64UrlDecode(text, decoded))
        check(Conn::base64UrlDecode(Conn::base64UrlEncode(decoded), again) && again == decoded);

    QJsonObject header, claims;
    QString error;
    if (!Conn::verifyJwtRs256(text, kPublicKey, &header, &claims, &error))
        check(!error.isEmpty());
    else
        check(header.value(QStringLiteral("alg")).toString() == QStringLiteral("RS256"));
    return 0;
}
