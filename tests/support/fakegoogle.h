#pragma once

// A loopback Google OAuth2 token endpoint + BigQuery v2 for connector tests: the token endpoint
// verifies the service account's RS256 JWT against the trusted public key (and its claims), the
// BigQuery API checks the bearer token it issued and answers jobs.query / getQueryResults from
// the fixtures of tests/data/gcp (paging by pageToken, an optional unfinished job first, BigQuery's
// own 403 rateLimitExceeded answers, a corrupt page 2).
// Header-only: include it from tests that link burnrate_connectors (for Conn::verifyJwtRs256).

#include "cloudtest.h"
#include "connector.h"
#include "fakeserver.h"
#include "jwt.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

#include <openssl/evp.h>
#include <openssl/pem.h>

namespace TestSupport {

inline const QString kGcpPage1 = QStringLiteral("gcp/bigquery_jobs_query.response.page1.constructed.json");
inline const QString kGcpPage2 = QStringLiteral("gcp/bigquery_getQueryResults.response.page2.constructed.json");
inline const QString kGcpProject = QStringLiteral("my-billing-project");
inline const QString kGcpJob = QStringLiteral("job_Q1w2E3r4T5y6U7i8O9p0");
inline const QString kGcpEmail = QStringLiteral("burnrate-reader@my-billing-project.iam.gserviceaccount.com");

// The test's own reading of the fixtures: column `name` of every row, as the exact strings.
inline QStringList gcpColumn(const QStringList &files, const QString &name)
{
    QStringList out;
    for (const QString &file : files) {
        const QJsonObject doc = QJsonDocument::fromJson(CloudTest::readData(file)).object();
        const QJsonArray fields = doc.value(QStringLiteral("schema")).toObject().value(QStringLiteral("fields")).toArray();
        int index = -1;
        for (int i = 0; i < fields.size(); ++i)
            if (fields[i].toObject().value(QStringLiteral("name")).toString() == name)
                index = i;
        for (const QJsonValue &row : doc.value(QStringLiteral("rows")).toArray())
            out << row.toObject().value(QStringLiteral("f")).toArray().at(index).toObject().value(QStringLiteral("v")).toString();
    }
    return out;
}

/// A fresh 2048-bit RSA private key (PKCS#8 PEM) the fake does not trust.
inline QByteArray freshRsaKeyPem()
{
    EVP_PKEY *key = EVP_RSA_gen(2048);
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, static_cast<qsizetype>(n));
    BIO_free(bio);
    EVP_PKEY_free(key);
    return pem;
}

// Loopback Google OAuth2 token endpoint + BigQuery v2.
struct FakeGoogle {
    FakeServer server;
    QByteArray trustedPublicKey = CloudTest::readData(QStringLiteral("gcp/rfc7515_a2_public.pem"));
    QStringList issued;
    QList<QJsonObject> claimsSeen;
    bool pendingFirst = false;   // jobs.query answers jobComplete:false first
    bool corruptPage2 = false;
    bool emptyResult = false;    // jobs.query answers a finished job with no rows
    bool revokeTokens = false;   // BigQuery answers 401 to every token
    bool forbid = false;         // BigQuery answers 403 accessDenied
    bool shiftToWindow = false;  // the fixture's two days become the first two days of the last query
    QDate windowStart;           // first day of the last jobs.query (its first timestamp parameter)

    QByteArray shifted(QByteArray page) const
    {
        if (!shiftToWindow || !windowStart.isValid())
            return page;
        page.replace("2025-06-01", windowStart.toString(Qt::ISODate).toLatin1());
        page.replace("2025-06-02", windowStart.addDays(1).toString(Qt::ISODate).toLatin1());
        return page;
    }
    int rateLimitedAnswers = 0;  // BigQuery's own 403 rateLimitExceeded answers to send
    QList<QByteArray> queryBodies;

    FakeGoogle()
    {
        server.route("POST", QStringLiteral("/token"), [this](const FakeRequest &r) {
            const QUrlQuery form(QString::fromUtf8(r.body));
            const auto bad = FakeResponse::json(CloudTest::readData(QStringLiteral("gcp/oauth2_token.error.constructed.json")), 400);
            if (form.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded) != QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer"))
                return FakeResponse::json(R"({"error":"unsupported_grant_type"})", 400);
            QJsonObject claims;
            QString why;
            if (!Conn::verifyJwtRs256(form.queryItemValue(QStringLiteral("assertion"), QUrl::FullyDecoded).toLatin1(), trustedPublicKey,
                                nullptr, &claims, &why))
                return bad;
            claimsSeen << claims;
            const qint64 now = QDateTime::currentSecsSinceEpoch();
            const qint64 iat = claims.value(QStringLiteral("iat")).toInteger();
            const qint64 exp = claims.value(QStringLiteral("exp")).toInteger();
            if (claims.value(QStringLiteral("iss")).toString() != kGcpEmail || claims.value(QStringLiteral("aud")).toString() != server.baseUrl() + QStringLiteral("/token")
                || !claims.value(QStringLiteral("scope")).toString().contains(QStringLiteral("bigquery")) || exp - iat > 3600
                || qAbs(iat - now) > 300)
                return FakeResponse::json(R"({"error":"invalid_grant","error_description":"Invalid JWT: claims."})", 400);
            issued << QStringLiteral("ya29.test-%1").arg(issued.size() + 1);
            return FakeResponse::json(QStringLiteral(R"({"access_token":"%1","expires_in":3599,"token_type":"Bearer"})").arg(issued.back()).toUtf8());
        });
        auto auth = [this](const FakeRequest &r) {
            const QByteArray h = r.header("authorization");
            if (revokeTokens || !h.startsWith("Bearer ") || !issued.contains(QString::fromLatin1(h.mid(7))))
                return FakeResponse::json(R"({"error":{"code":401,"message":"Request had invalid authentication credentials.","status":"UNAUTHENTICATED"}})", 401);
            if (rateLimitedAnswers > 0) {
                --rateLimitedAnswers;
                return FakeResponse::json(CloudTest::readData(QStringLiteral("gcp/bigquery_error_429.constructed.json")), 403);
            }
            return FakeResponse{0, {}, {}};
        };
        const QString base = QStringLiteral("/bigquery/v2/projects/") + kGcpProject + QStringLiteral("/queries");
        server.route("POST", base, [this](const FakeRequest &r) {
            queryBodies << r.body;
            static const QRegularExpression firstDay(QStringLiteral("(\\d{4}-\\d{2}-\\d{2}) 00:00:00"));
            windowStart = QDate::fromString(firstDay.match(QString::fromUtf8(r.body)).captured(1), Qt::ISODate);
            if (forbid)
                return FakeResponse::json(R"({"error":{"code":403,"message":"Access Denied: Project my-billing-project: User does not )"
                                          R"(have bigquery.jobs.create permission.","errors":[{"reason":"accessDenied"}]}})", 403);
            if (emptyResult)
                return FakeResponse::json(R"({"kind":"bigquery#queryResponse","schema":{"fields":[{"name":"day","type":"DATE"},)"
                                          R"({"name":"cost","type":"FLOAT"},{"name":"currency","type":"STRING"}]},)"
                                          R"("jobReference":{"projectId":"my-billing-project","jobId":"job_empty","location":"US"},)"
                                          R"("totalRows":"0","jobComplete":true})");
            if (pendingFirst)
                return FakeResponse::json(QStringLiteral(R"({"kind":"bigquery#queryResponse","jobReference":{"projectId":"%1","jobId":"%2","location":"US"},"jobComplete":false})")
                                              .arg(kGcpProject, kGcpJob).toUtf8());
            return FakeResponse::json(shifted(CloudTest::readData(kGcpPage1)));
        }, auth);
        server.route("GET", base + QLatin1Char('/') + kGcpJob, [this](const FakeRequest &r) {
            if (r.queryValue(QStringLiteral("location")) != QStringLiteral("US"))
                return FakeResponse::json(R"({"error":{"code":404,"message":"Not found: Job"}})", 404);
            if (r.queryValue(QStringLiteral("pageToken")).isEmpty())
                return FakeResponse::json(shifted(CloudTest::readData(kGcpPage1))); // the finished job's first page
            if (r.queryValue(QStringLiteral("pageToken")) != QStringLiteral("BFYQ2ZXVAEAQAAASA4EAAEEAQCAAKGQIBCDAQQ"))
                return FakeResponse::json(R"({"error":{"code":400,"message":"Invalid page token"}})", 400);
            QByteArray p2 = CloudTest::readData(kGcpPage2);
            if (corruptPage2)
                p2.replace("{\"v\": \"0.15\"}", "{\"v\": \"0.1.5\"}");
            return FakeResponse::json(shifted(p2));
        }, auth);
    }

    QString keyJson(const QByteArray &privateKey) const
    {
        return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("service_account")},
                                                           {QStringLiteral("project_id"), kGcpProject},
                                                           {QStringLiteral("private_key_id"), QStringLiteral("test-kid")},
                                                           {QStringLiteral("private_key"), QString::fromLatin1(privateKey)},
                                                           {QStringLiteral("client_email"), kGcpEmail},
                                                           {QStringLiteral("token_uri"), server.baseUrl() + QStringLiteral("/token")}})
                                     .toJson());
    }
    QString goodKey() const { return keyJson(CloudTest::readData(QStringLiteral("gcp/rfc7515_a2_private.pem"))); }

    Conn::AccountConfig account() const
    {
        Conn::AccountConfig a;
        a.name = QStringLiteral("GCP billing");
        a.provider = QStringLiteral("gcp");
        a.baseUrl = server.baseUrl();
        a.options = {{QStringLiteral("table"), QStringLiteral("my-billing-project.billing_export.gcp_billing_export_v1_012345_6789AB_CDEF01")}};
        return a;
    }
    int tokenRequests() const { return static_cast<int>(server.requestsFor(QStringLiteral("/token")).size()); }
};

} // namespace TestSupport
