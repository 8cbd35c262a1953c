#pragma once

// A loopback AWS Cost Explorer for connector tests: verifies every request's SigV4 signature by
// recomputing it from what arrived and the known secret (rejecting wrong ones with AWS's error
// bodies), and answers GetCostAndUsage from the fixtures in tests/data/aws by NextPageToken.
// Header-only: include it only from tests that link burnrate_connectors (for Conn::SigV4).

#include "domain/money.h"
#include "fakeserver.h"
#include "fetchresult.h"
#include "sigv4.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <functional>

namespace TestSupport {

inline const QByteArray kKeyId = "AKIAFAKEEXAMPLE00001";
inline const QByteArray kSecret = "fakeSecret/K7MDENG+bPxRfiCYEXAMPLEKEY";

inline QByteArray awsFixture(const char *name)
{
    QFile f(QStringLiteral(BURNRATE_TEST_DATA "/aws/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}

inline const QByteArray kPage1 = awsFixture("GetCostAndUsage.response.service_usagetype.page1.constructed.json");
inline const QByteArray kPage2 = awsFixture("GetCostAndUsage.response.service_usagetype.page2.constructed.json");

inline FakeResponse awsError(int status, const char *type, const QByteArray &message)
{
    return FakeResponse::json(QJsonDocument(QJsonObject{{QStringLiteral("__type"), QLatin1String(type)},
                                                        {QStringLiteral("message"), QString::fromUtf8(message)}})
                                  .toJson(QJsonDocument::Compact),
                              status);
}

/// Exact sum of the UnblendedCost amounts of every group of a GetCostAndUsage response.
inline Cost::BigMoney fixtureSum(const QByteArray &json)
{
    Cost::BigMoney sum = 0;
    for (const QJsonValue &day : QJsonDocument::fromJson(json).object().value(QStringLiteral("ResultsByTime")).toArray())
        for (const QJsonValue &g : day.toObject().value(QStringLiteral("Groups")).toArray()) {
            Cost::Money v = 0;
            const std::string text = g.toObject()
                                         .value(QStringLiteral("Metrics")).toObject()
                                         .value(QStringLiteral("UnblendedCost")).toObject()
                                         .value(QStringLiteral("Amount")).toString().toStdString();
            if (Cost::parseMoney(text, v) != Cost::ParseStatus::Ok)
                qFatal("bad fixture amount");
            sum += v;
        }
    return sum;
}

inline Cost::BigMoney recordSum(const Conn::FetchResult &r)
{
    Cost::BigMoney sum = 0;
    for (const Cost::Record &rec : r.records())
        sum += rec.amount(Cost::Amount::Billed);
    return sum;
}

/// The fake Cost Explorer endpoint: verifies SigV4 like AWS, answers GetCostAndUsage by page token.
struct FakeCostExplorer {
    FakeServer server;
    QByteArray sessionToken;        ///< required (and must be signed) when set
    int throttleNext = 0;           ///< answer this many requests with 400 LimitExceededException
    bool corruptPage2 = false;      ///< page 2 valid JSON with a broken amount
    bool emptyResults = false;      ///< answer every query with no days (an account without Bedrock spend)
    int verified = 0;               ///< requests whose signature checked out
    std::function<FakeResponse(const QJsonObject &)> splitHandler; ///< tag-split queries (Filter set)

    FakeResponse verify(const FakeRequest &req)
    {
        const QByteArray authz = req.header("authorization");
        if (authz.isEmpty())
            return awsError(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
        const Conn::SigV4::ParsedAuthorization p = Conn::SigV4::parseAuthorization(authz);
        if (!p.ok)
            return awsError(403, "IncompleteSignatureException", "Authorization header requires Credential, SignedHeaders "
                                                                 "and Signature.");
        if (p.accessKeyId != kKeyId)
            return awsError(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
        const QByteArray amzDate = req.header("x-amz-date");
        const QDateTime when = QDateTime::fromString(QString::fromLatin1(amzDate), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        if (!when.isValid() || qAbs(QDateTime::currentDateTimeUtc().secsTo(QDateTime(when.date(), when.time(), QTimeZone::utc()))) > 900)
            return awsError(403, "InvalidSignatureException", "Signature expired or X-Amz-Date missing.");
        if (p.date != amzDate.left(8) || p.region != "us-east-1" || p.service != "ce")
            return awsError(403, "InvalidSignatureException", "Credential should be scoped to a valid region, service and date.");
        const QList<QByteArray> names = p.signedHeaders.split(';');
        for (const char *required : {"host", "x-amz-date", "x-amz-target", "content-type"})
            if (!names.contains(required))
                return awsError(403, "InvalidSignatureException", "A required header is not signed.");
        if (!sessionToken.isEmpty()
            && (!names.contains("x-amz-security-token") || req.header("x-amz-security-token") != sessionToken))
            return awsError(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
        // Recompute the signature from what arrived and the secret we know.
        Conn::SigV4::Request r;
        r.method = req.method;
        r.path = req.path.toUtf8();
        r.query = req.query.toString(QUrl::FullyEncoded).toLatin1();
        r.payload = req.body;
        for (const QByteArray &name : names)
            r.headers.append({name, req.header(name)});
        const Conn::SigV4::Signature expected =
            Conn::SigV4::sign(r, Conn::SigV4::Credentials{kKeyId, kSecret, sessionToken}, Conn::SigV4::Scope{amzDate, p.region, p.service});
        if (expected.signature != p.signature) // as AWS words it: the canonical request follows the first line
            return awsError(403, "InvalidSignatureException",
                            "The request signature we calculated does not match the signature you provided. Check your "
                            "AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n"
                            "The Canonical String for this request should have been\n'" + req.method + "\n/\n\nhost:"
                                + req.header("host") + "\n'\n");
        ++verified;
        return FakeResponse{0, {}, {}};
    }

    FakeResponse handle(const FakeRequest &req)
    {
        if (req.header("x-amz-target") != "AWSInsightsIndexService.GetCostAndUsage"
            || req.header("content-type") != "application/x-amz-json-1.1")
            return awsError(400, "UnknownOperationException", "Unknown operation");
        if (throttleNext > 0) {
            --throttleNext;
            return throttleNext % 2 ? awsError(400, "com.amazonaws.awsinsightsindexservice#LimitExceededException",
                                               "You have exceeded the rate limit. Please try again later.")
                                    : awsError(400, "ThrottlingException", "Rate exceeded");
        }
        const QJsonObject body = QJsonDocument::fromJson(req.body).object();
        if (emptyResults)
            return FakeResponse::json(R"({"GroupDefinitions":[{"Type":"DIMENSION","Key":"SERVICE"},{"Type":"DIMENSION","Key":"USAGE_TYPE"}],)"
                                      R"("ResultsByTime":[],"DimensionValueAttributes":[]})");
        if (body.contains(QStringLiteral("Filter")) && splitHandler)
            return splitHandler(body);
        const QString token = body.value(QStringLiteral("NextPageToken")).toString();
        if (token.isEmpty())
            return FakeResponse::json(kPage1);
        if (token != u"AAMA-EFRSURBSGhpZW5vbV9leGFtcGxlX3Rva2Vu")
            return awsError(400, "InvalidNextTokenException", "The token is invalid.");
        QByteArray page2 = kPage2;
        if (corruptPage2)
            page2.replace(R"("Amount": "0.06")", R"("Amount": "six cents")");
        return FakeResponse::json(page2);
    }

    FakeCostExplorer()
    {
        server.route("POST", QStringLiteral("/"), [this](const FakeRequest &r) { return handle(r); },
                     [this](const FakeRequest &r) { return verify(r); });
    }
};

} // namespace TestSupport
