// Google service-account key JSON: any text either fails with an error or gives a key; a key whose
// PEM is readable must sign an assertion that verifies with its own public key and names its
// client_email as issuer (a key that does not read fails with an error).
#include "gcptoken.h"
#include "jwt.h"

#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    Conn::ServiceAccountKey key;
    QString error;
    if (!Conn::parseServiceAccountKey(json, key, &error)) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    const QByteArray assertion = Conn::serviceAccountAssertion(
        key, QStringLiteral("https://www.googleapis.com/auth/cloud-platform.read-only"), 1700000000, &error);
    if (assertion.isEmpty()) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    const QByteArray publicKey = Conn::publicKeyPem(key.privateKey, &error);
    QJsonObject claims;
    if (publicKey.isEmpty() || !Conn::verifyJwtRs256(assertion, publicKey, nullptr, &claims, &error)
        || claims.value(QStringLiteral("iss")).toString() != key.clientEmail)
        std::abort();
    return 0;
}
