#pragma once

// A loopback Entra ID token endpoint + Azure Cost Management Query API for connector tests: the
// token endpoint checks grant, scope, client id and client secret like Entra ID (AADSTS errors),
// the Query API checks the bearer token it issued, answers the fixtures of tests/data/azure
// (page 2 through nextLink / $skiptoken) and can revoke tokens, forbid or corrupt page 2.
// Header-only: include it from tests that link burnrate_connectors.

#include "cloudtest.h"
#include "connector.h"
#include "fakeserver.h"

#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QUrlQuery>

namespace TestSupport {

inline const QString kAzurePage1 = QStringLiteral("azure/query.response.openai_daily.page1.constructed.json");
inline const QString kAzurePage2 = QStringLiteral("azure/query.response.openai_daily.page2.constructed.json");
inline const QString kAzureSub = QStringLiteral("00000000-0000-0000-0000-000000000000");
inline const QString kAzureQueryPath =
    QStringLiteral("/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.CostManagement/query");
inline const QString kAzureSecret = QStringLiteral("s3cr+t&=x/y~");

// The test's own reading of a fixture: the literal text of the first number of every row.
inline QStringList firstNumbers(const QByteArray &json)
{
    QStringList out;
    static const QRegularExpression re(QStringLiteral("\\[\\s*(-?[0-9][0-9.eE+-]*)\\s*,"));
    for (auto it = re.globalMatch(QString::fromUtf8(json)); it.hasNext();)
        out << it.next().captured(1);
    return out;
}

// Loopback Entra ID token endpoint + Cost Management Query API.
struct FakeAzure {
    FakeServer server;
    QStringList issued;          // tokens handed out
    bool revokeTokens = false;   // data API answers 401 to every token
    bool forbid = false;         // data API answers 403
    bool corruptPage2 = false;
    bool emptyResult = false;    // the query answers no rows (a connection test of an idle day)
    bool shiftToWindow = false;  // the fixture's two days become the first two days asked for (syncs as of today)

    // The fixture page with 2025-06-01 / -02 moved to the first two days of the query's timePeriod.
    QByteArray shifted(QByteArray page, const QByteArray &body) const
    {
        if (!shiftToWindow)
            return page;
        const QString from = QJsonDocument::fromJson(body).object().value(QStringLiteral("timePeriod")).toObject()
                                 .value(QStringLiteral("from")).toString();
        const QDate first = QDate::fromString(from.left(10), Qt::ISODate);
        page.replace("20250601", first.toString(QStringLiteral("yyyyMMdd")).toLatin1());
        page.replace("20250602", first.addDays(1).toString(QStringLiteral("yyyyMMdd")).toLatin1());
        return page;
    }
    // What the stand-in serves as UsageQuantity / UnitOfMeasure per meter of the fixtures, the way
    // Azure reports Azure OpenAI meters: in thousands or millions of tokens.
    struct Quantity {
        QString quantity, unit;
    };
    const QMap<QString, Quantity> quantities{
        {QStringLiteral("gpt 4o 0513 Input global Tokens"), {QStringLiteral("704.83"), QStringLiteral("1K")}},
        {QStringLiteral("gpt 4o 0513 Output global Tokens"), {QStringLiteral("68.433"), QStringLiteral("1K")}},
        {QStringLiteral("gpt-4o-mini-0718-Inp-glbl Tokens"), {QStringLiteral("13.823"), QStringLiteral("1K")}},
        {QStringLiteral("gpt-4o-mini-0718-Outp-glbl Tokens"), {QStringLiteral("2.274"), QStringLiteral("1K")}},
        {QStringLiteral("gpt 4o 1120 cached Inp glbl Tokens"), {QStringLiteral("0.017695"), QStringLiteral("1M")}},
    };

    // As the Query API answers: a UsageQuantity column (after the cost aggregations) only when the
    // body sums UsageQuantity, a UnitOfMeasure column (before Currency) only when it groups by
    // the UnitOfMeasure dimension; each row gets its meter's values.
    QByteArray withQuantities(QByteArray page, const QByteArray &body) const
    {
        const QJsonObject dataset = QJsonDocument::fromJson(body).object().value(QStringLiteral("dataset")).toObject();
        bool sumsQuantity = false, groupsUnit = false;
        for (const QJsonValue &a : dataset.value(QStringLiteral("aggregation")).toObject())
            sumsQuantity = sumsQuantity || (a.toObject().value(QStringLiteral("name")) == QStringLiteral("UsageQuantity")
                                            && a.toObject().value(QStringLiteral("function")) == QStringLiteral("Sum"));
        for (const QJsonValue &g : dataset.value(QStringLiteral("grouping")).toArray())
            groupsUnit = groupsUnit || (g.toObject().value(QStringLiteral("type")) == QStringLiteral("Dimension")
                                        && g.toObject().value(QStringLiteral("name")) == QStringLiteral("UnitOfMeasure"));
        if (sumsQuantity)
            page.replace(R"({"name": "CostUSD", "type": "Number"},)",
                         R"({"name": "CostUSD", "type": "Number"}, {"name": "UsageQuantity", "type": "Number"},)");
        if (groupsUnit)
            page.replace(R"({"name": "Currency", "type": "String"})",
                         R"({"name": "UnitOfMeasure", "type": "String"}, {"name": "Currency", "type": "String"})");
        // Rows: [cost, costUSD, day, subcategory, "meter", resource, "USD"], one per line.
        static const QRegularExpression row(QStringLiteral("^(\\s*\\[[^,]+, [^,]+, )(.*\"([^\"]+)\", .*), (\"USD\"\\])"),
                                            QRegularExpression::MultilineOption);
        QString text = QString::fromUtf8(page);
        QString out;
        qsizetype last = 0;
        for (auto it = row.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            QString meter;
            for (auto q = quantities.begin(); q != quantities.end(); ++q)
                if (m.captured(2).contains(QLatin1Char('"') + q.key() + QLatin1Char('"')))
                    meter = q.key();
            const Quantity q = quantities.value(meter);
            out += text.mid(last, m.capturedStart() - last) + m.captured(1) + (sumsQuantity ? q.quantity + QStringLiteral(", ") : QString())
                + m.captured(2) + QStringLiteral(", ") + (groupsUnit ? QLatin1Char('"') + q.unit + QStringLiteral("\", ") : QString())
                + m.captured(4);
            last = m.capturedEnd();
        }
        return (out + text.mid(last)).toUtf8();
    }
    QByteArray page2Override;
    QList<QByteArray> bodies;    // Query bodies received

    FakeAzure()
    {
        server.route("POST", QStringLiteral("/tenant-1/oauth2/v2.0/token"), [this](const FakeRequest &r) {
            QUrlQuery form(QString::fromUtf8(r.body));
            auto v = [&](const char *k) { return form.queryItemValue(QString::fromLatin1(k), QUrl::FullyDecoded); };
            if (v("grant_type") != QStringLiteral("client_credentials") || v("scope") != QStringLiteral("https://management.azure.com/.default"))
                return FakeResponse::json(R"({"error":"invalid_request","error_description":"AADSTS900144: bad grant"})", 400);
            if (v("client_id") != QStringLiteral("app-123"))
                return FakeResponse::json(R"({"error":"unauthorized_client","error_description":"AADSTS700016: Application not found"})", 400);
            if (v("client_secret") != kAzureSecret)
                return FakeResponse::json(R"({"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."})", 401);
            issued << QStringLiteral("tok-%1").arg(issued.size() + 1);
            return FakeResponse::json(QStringLiteral(R"({"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"%1"})")
                                          .arg(issued.back()).toUtf8());
        });
        auto auth = [this](const FakeRequest &r) {
            const QByteArray h = r.header("authorization");
            if (h.isEmpty())
                return FakeResponse::json(R"({"error":{"code":"AuthenticationFailed","message":"Authentication failed."}})", 401);
            if (revokeTokens || !h.startsWith("Bearer ") || !issued.contains(QString::fromLatin1(h.mid(7))))
                return FakeResponse::json(R"({"error":{"code":"InvalidAuthenticationToken","message":"The access token is invalid."}})", 401);
            if (forbid)
                return FakeResponse::json(R"({"error":{"code":"AuthorizationFailed","message":"The client does not have authorization."}})", 403);
            return FakeResponse{0, {}, {}};
        };
        server.route("POST", kAzureQueryPath, [this](const FakeRequest &r) {
            bodies << r.body;
            if (emptyResult)
                return FakeResponse::json(R"({"properties":{"nextLink":null,"columns":[{"name":"Cost","type":"Number"},)"
                                          R"({"name":"UsageDate","type":"Number"},{"name":"Currency","type":"String"}],"rows":[]}})");
            if (r.queryValue(QStringLiteral("api-version")) != QStringLiteral("2023-11-01"))
                return FakeResponse::json(R"({"error":{"code":"BadRequest","message":"api-version"}})", 400);
            if (!r.queryValue(QStringLiteral("$skiptoken")).isEmpty()) {
                if (!page2Override.isEmpty())
                    return FakeResponse::json(page2Override);
                QByteArray p2 = CloudTest::readData(kAzurePage2);
                if (corruptPage2)
                    p2.replace("0.0221184, 0.0221184", "\"n/a\", 0.0221184");
                return FakeResponse::json(shifted(withQuantities(p2, r.body), r.body));
            }
            QByteArray p1 = CloudTest::readData(kAzurePage1);
            p1.replace("https://management.azure.com", server.baseUrl().toUtf8());
            return FakeResponse::json(shifted(withQuantities(p1, r.body), r.body));
        }, auth);
    }

    Conn::AccountConfig account() const
    {
        Conn::AccountConfig a;
        a.name = QStringLiteral("Azure prod");
        a.provider = QStringLiteral("azure");
        a.baseUrl = server.baseUrl();
        a.options = {{QStringLiteral("tenant_id"), QStringLiteral("tenant-1")},
                     {QStringLiteral("client_id"), QStringLiteral("app-123")},
                     {QStringLiteral("subscription_id"), kAzureSub},
                     {QStringLiteral("login_url"), server.baseUrl()}};
        return a;
    }
    int tokenRequests() const { return static_cast<int>(server.requestsFor(QStringLiteral("/tenant-1/oauth2/v2.0/token")).size()); }
    int queryRequests() const { return static_cast<int>(server.requestsFor(kAzureQueryPath).size()); }
};

} // namespace TestSupport
