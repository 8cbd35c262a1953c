#include "gcptoken.h"

#include "httpclient.h"
#include "jwt.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace Conn {

namespace {
// The texts of these free functions: Tr::tr() gives lupdate and the code the same context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Conn::GcpToken)
};
} // namespace

bool parseServiceAccountKey(const QByteArray &json, ServiceAccountKey &key, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json.trimmed(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return fail(Tr::tr("The service-account key is not a JSON key file (%1 at byte %2). Download it from "
                           "IAM & Admin → Service accounts → Keys → Add key → JSON.")
                        .arg(pe.errorString())
                        .arg(pe.offset));
    const QJsonObject o = doc.object();
    key.type = o.value(QStringLiteral("type")).toString();
    key.projectId = o.value(QStringLiteral("project_id")).toString();
    key.privateKeyId = o.value(QStringLiteral("private_key_id")).toString();
    key.privateKey = o.value(QStringLiteral("private_key")).toString().toUtf8();
    key.clientEmail = o.value(QStringLiteral("client_email")).toString();
    key.tokenUri = o.value(QStringLiteral("token_uri")).toString(QStringLiteral("https://oauth2.googleapis.com/token"));
    if (!key.type.isEmpty() && key.type != QStringLiteral("service_account"))
        return fail(Tr::tr("The key file is of type \"%1\"; Burnrate needs a service-account key (type \"service_account\").")
                        .arg(key.type));
    if (key.clientEmail.isEmpty())
        return fail(Tr::tr("The service-account key has no \"client_email\" field."));
    if (!key.privateKey.contains("PRIVATE KEY"))
        return fail(Tr::tr("The service-account key has no PEM \"private_key\" field."));
    if (key.tokenUri.isEmpty())
        return fail(Tr::tr("The service-account key has an empty \"token_uri\" field."));
    return true;
}

QByteArray serviceAccountAssertion(const ServiceAccountKey &key, const QString &scope, qint64 now, QString *error)
{
    QJsonObject header{{QStringLiteral("typ"), QStringLiteral("JWT")}};
    if (!key.privateKeyId.isEmpty())
        header.insert(QStringLiteral("kid"), key.privateKeyId);
    const QJsonObject claims{{QStringLiteral("iss"), key.clientEmail},
                             {QStringLiteral("scope"), scope},
                             {QStringLiteral("aud"), key.tokenUri},
                             {QStringLiteral("iat"), now},
                             {QStringLiteral("exp"), now + 3600}};
    return makeJwtRs256(header, claims, key.privateKey, error);
}

GcpTokenSource::GcpTokenSource(HttpClient *http, QString scope, QObject *parent)
    : OAuthTokenSource(http, parent)
    , m_scope(std::move(scope))
{
}

void GcpTokenSource::setKey(const ServiceAccountKey &key)
{
    if (key.clientEmail != m_key.clientEmail || key.privateKey != m_key.privateKey || key.tokenUri != m_key.tokenUri)
        invalidate();
    m_key = key;
}

bool GcpTokenSource::grantRequest(const QDateTime &now, HttpRequest &request, QString *error) const
{
    QString why;
    const QByteArray assertion = serviceAccountAssertion(m_key, m_scope, now.toSecsSinceEpoch(), &why);
    if (assertion.isEmpty()) {
        *error = tr("Cannot sign with the service-account key: %1").arg(why);
        return false;
    }
    formPost(request, QUrl(m_key.tokenUri),
             {{"grant_type", QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer")},
              {"assertion", QString::fromLatin1(assertion)}});
    return true;
}

OAuthTokenSource::GrantTexts GcpTokenSource::grantTexts() const
{
    // 400 invalid_grant / 401 invalid_client: the key, not the network.
    return {.refused = tr("Google (%1) refused the service-account key (HTTP %2 %3%4). Check that the key file is current "
                          "(not deleted in IAM) and the service account is enabled."),
            .noToken = tr("Google (%1) answered without an access token."),
            .defaultLifetime = 3600};
}

} // namespace Conn
