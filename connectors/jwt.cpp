#include "jwt.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

namespace Conn {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Conn", text); }

struct BioFree {
    void operator()(BIO *b) const { BIO_free(b); }
};
struct PkeyFree {
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

// OpenSSL's reason for the last failure (library error text only, never input bytes).
QString opensslReason()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return {};
    char buf[256];
    ERR_error_string_n(code, buf, sizeof buf);
    return QString::fromLatin1(buf);
}

bool setError(QString *error, const QString &message)
{
    if (error) {
        const QString reason = opensslReason();
        *error = reason.isEmpty() ? message : tr("%1 (%2)").arg(message, reason);
    } else {
        ERR_clear_error();
    }
    return false;
}

BioPtr memBio(const QByteArray &bytes) { return BioPtr(BIO_new_mem_buf(bytes.constData(), static_cast<int>(bytes.size()))); }

// Service-account JSON stores the PEM with literal "\n" already decoded; keys pasted from a
// shell sometimes keep "\\n" — accept both.
QByteArray normalisePem(QByteArray pem)
{
    if (!pem.contains('\n') && pem.contains("\\n"))
        pem.replace("\\n", "\n");
    return pem.trimmed() + '\n';
}

PkeyPtr readPrivateKey(const QByteArray &pem)
{
    const QByteArray text = normalisePem(pem);
    BioPtr bio = memBio(text);
    // The empty passphrase callback result refuses encrypted keys instead of prompting on a tty.
    return PkeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, [](char *, int, int, void *) { return 0; }, nullptr));
}

PkeyPtr readAnyKey(const QByteArray &pem)
{
    const QByteArray text = normalisePem(pem);
    if (text.contains("PRIVATE KEY"))
        return readPrivateKey(text);
    BioPtr bio = memBio(text);
    return PkeyPtr(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
}

bool isRsa(const EVP_PKEY *key) { return EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA; }

// `key` when it was read and is an RSA key; otherwise null, with *error `unreadable` or `notRsa`.
PkeyPtr rsaKey(PkeyPtr key, const QString &unreadable, const QString &notRsa, QString *error)
{
    if (!key || !isRsa(key.get())) {
        setError(error, key ? notRsa : unreadable);
        return nullptr;
    }
    return key;
}

// 1 when `signature` is a valid RS256 signature of `data` under `key` (its public part), 0 when
// not, -1 when verification cannot start (OpenSSL's reason left for setError).
int verifyWithKey(EVP_PKEY *key, const QByteArray &data, const QByteArray &signature)
{
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1)
        return -1;
    const int rc = EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
                                    static_cast<std::size_t>(signature.size()),
                                    reinterpret_cast<const unsigned char *>(data.constData()), static_cast<std::size_t>(data.size()));
    ERR_clear_error();
    return rc == 1 ? 1 : 0;
}

} // namespace

QByteArray base64UrlEncode(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool base64UrlDecode(const QByteArray &text, QByteArray &out)
{
    const auto result = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return false;
    out = *result;
    return true;
}

bool signRs256(const QByteArray &data, const QByteArray &privateKeyPem, QByteArray &signature, QString *error)
{
    const PkeyPtr key = rsaKey(readPrivateKey(privateKeyPem), tr("the private key is not a readable, unencrypted PEM key"),
                               tr("the private key is not an RSA key (RS256 needs RSA)"), error);
    if (!key)
        return false;
    MdCtxPtr ctx(EVP_MD_CTX_new());
    std::size_t length = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1
        || EVP_DigestSign(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char *>(data.constData()),
                          static_cast<std::size_t>(data.size())) != 1)
        return setError(error, tr("RS256 signing failed"));
    signature.resize(static_cast<qsizetype>(length));
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(data.constData()), static_cast<std::size_t>(data.size())) != 1)
        return setError(error, tr("RS256 signing failed"));
    signature.resize(static_cast<qsizetype>(length));
    // A key file whose private numbers were damaged still loads and signs, but nothing accepts the
    // signature (the token endpoint answers "Invalid JWT Signature"): say so here instead.
    if (verifyWithKey(key.get(), data, signature) != 1) {
        signature.clear();
        return setError(error, tr("the private key is damaged: its signatures do not verify"));
    }
    return true;
}

bool verifyRs256(const QByteArray &data, const QByteArray &signature, const QByteArray &keyPem, QString *error)
{
    const PkeyPtr key = rsaKey(readAnyKey(keyPem), tr("the key is not a readable PEM key"), tr("the key is not an RSA key"), error);
    if (!key)
        return false;
    const int rc = verifyWithKey(key.get(), data, signature);
    if (rc < 0)
        return setError(error, tr("RS256 verification could not start"));
    if (rc != 1) {
        if (error)
            *error = tr("invalid RS256 signature");
        return false;
    }
    return true;
}

QByteArray makeJwtRs256(QJsonObject header, const QJsonObject &claims, const QByteArray &privateKeyPem, QString *error)
{
    header.insert(QStringLiteral("alg"), QStringLiteral("RS256"));
    const QByteArray input = base64UrlEncode(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64UrlEncode(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    QByteArray signature;
    if (!signRs256(input, privateKeyPem, signature, error))
        return {};
    return input + '.' + base64UrlEncode(signature);
}

bool verifyJwtRs256(const QByteArray &jwt, const QByteArray &keyPem, QJsonObject *header, QJsonObject *claims, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3)
        return fail(tr("a JWT has three dot-separated parts, this has %1").arg(parts.size()));
    QByteArray headerJson, claimsJson, signature;
    if (!base64UrlDecode(parts[0], headerJson) || !base64UrlDecode(parts[1], claimsJson) || !base64UrlDecode(parts[2], signature))
        return fail(tr("a JWT part is not base64url"));
    const QJsonDocument h = QJsonDocument::fromJson(headerJson);
    const QJsonDocument c = QJsonDocument::fromJson(claimsJson);
    if (!h.isObject() || !c.isObject())
        return fail(tr("the JWT header or claims are not a JSON object"));
    if (h.object().value(QStringLiteral("alg")).toString() != QStringLiteral("RS256"))
        return fail(tr("the JWT is not signed with RS256"));
    if (!verifyRs256(parts[0] + '.' + parts[1], signature, keyPem, error))
        return false;
    if (header)
        *header = h.object();
    if (claims)
        *claims = c.object();
    return true;
}

QByteArray publicKeyPem(const QByteArray &privateKeyPem, QString *error)
{
    PkeyPtr key = readPrivateKey(privateKeyPem);
    if (!key) {
        setError(error, tr("the private key is not a readable, unencrypted PEM key"));
        return {};
    }
    BioPtr out(BIO_new(BIO_s_mem()));
    if (!out || PEM_write_bio_PUBKEY(out.get(), key.get()) != 1) {
        setError(error, tr("cannot write the public key"));
        return {};
    }
    char *data = nullptr;
    const long n = BIO_get_mem_data(out.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(n));
}

} // namespace Conn
