#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

/// RS256 JSON Web Tokens (RFC 7515 / 7519) on OpenSSL: signing for the Google service-account
/// flow, verification for tests and diagnostics. Pure functions, thread-safe.
namespace Conn {

/// Base64url without padding (RFC 7515 §2).
QByteArray base64UrlEncode(const QByteArray &data);
/// Strict base64url decode (padding optional); false on any other character.
bool base64UrlDecode(const QByteArray &text, QByteArray &out);

/// RSASSA-PKCS1-v1_5 with SHA-256 over `data`, with a PEM RSA private key (PKCS#1 or PKCS#8).
/// False with *error on a bad key (the message never contains key material).
bool signRs256(const QByteArray &data, const QByteArray &privateKeyPem, QByteArray &signature, QString *error);
/// Verifies an RS256 signature with a PEM public key (SubjectPublicKeyInfo, "BEGIN PUBLIC KEY") or a
/// private key (its public half is used).
bool verifyRs256(const QByteArray &data, const QByteArray &signature, const QByteArray &keyPem, QString *error);

/// "b64url(header).b64url(claims).b64url(signature)"; `alg` is set to RS256 in the header.
/// Empty with *error on failure.
QByteArray makeJwtRs256(QJsonObject header, const QJsonObject &claims, const QByteArray &privateKeyPem, QString *error);

/// Checks a compact JWT: three parts, header alg RS256, signature valid for `keyPem`. Fills
/// header/claims when given. Does not judge the claims (exp, aud): that is the caller's policy.
bool verifyJwtRs256(const QByteArray &jwt, const QByteArray &keyPem, QJsonObject *header, QJsonObject *claims, QString *error);

/// The public half of a PEM private key, as a SubjectPublicKeyInfo PEM; empty with *error.
QByteArray publicKeyPem(const QByteArray &privateKeyPem, QString *error);

} // namespace Conn
