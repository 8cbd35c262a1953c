// One currency view across providers: OpenAI, Anthropic, AWS (Bedrock usage types), Azure (Azure
// OpenAI meters) and Google Cloud (Vertex SKUs) accounts synced into ONE store through the real
// SyncEngine against loopback fakes serving the fixtures; the By model page's data
// (Analytics::spendPage, what SpendPage shows) has one row per model under its canonical name
// (models/modelname.h) with the exact sum the test computes from the fixture texts, in USD.
#include "accountstore.h"
#include "analytics/rollupscan.h"
#include "cloudtest.h"
#include "domain/modelname.h"
#include "domain/timeparse.h"
#include "fakeazure.h"
#include "fakecostexplorer.h"
#include "fakegoogle.h"

#include <cmath>

#include <QJsonArray>
#include <QRegularExpression>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Conn;
using namespace TestSupport;
using CloudTest::money;
using CloudTest::readData;

namespace {

const QByteArray kOpenAiKey = "sk-admin-cloudmodels-0001";
const QByteArray kAnthropicKey = "sk-ant-admin01-cloudmodels";
const qint64 kFixtureDay = 1748736000; // 2025-06-01, first bucket of the OpenAI / Anthropic fixtures

using Expected = QMap<QString, Cost::BigMoney>;

// Serves `pages` (page 2 after `cursor`) for the window holding the fixture day, else an empty page.
FakeServer::Handler servePages(QList<QByteArray> pages, QString cursor, QByteArray empty,
                               std::function<qint64(const FakeRequest &)> windowStart, std::function<qint64(const FakeRequest &)> windowEnd)
{
    return [=](const FakeRequest &r) {
        const QString page = r.queryValue(QStringLiteral("page"));
        if (kFixtureDay < windowStart(r) || kFixtureDay >= windowEnd(r))
            return FakeResponse::json(empty);
        if (page.isEmpty())
            return FakeResponse::json(pages.first());
        if (page == cursor)
            return FakeResponse::json(pages.size() > 1 ? pages[1] : empty);
        return FakeResponse::json(R"({"error":{"message":"unknown page"}})", 400);
    };
}

qint64 epochParam(const FakeRequest &r, const char *name) { return r.queryValue(QLatin1String(name)).toLongLong(); }
qint64 isoParam(const FakeRequest &r, const char *name)
{
    return QDateTime::fromString(r.queryValue(QLatin1String(name)), Qt::ISODate).toSecsSinceEpoch();
}

void add(Expected &e, const QString &model, Cost::BigMoney amount) { e[model] += amount; }

// The test's own reading of a cost fixture: (literal amount, raw model text) pairs matched by
// `pattern`, mapped to the model names the policy says the page must show; amounts are divided
// by `divisor` (Anthropic's cost_report amounts are cents).
Expected expectedFrom(const QString &fixture, const QString &pattern, const QMap<QString, QString> &policy, int divisor = 1)
{
    const QRegularExpression re(pattern, QRegularExpression::DotMatchesEverythingOption);
    Expected e;
    for (auto it = re.globalMatch(QString::fromUtf8(readData(fixture))); it.hasNext();) {
        const auto m = it.next();
        const Cost::Money amount = money(m.captured(1));
        if (amount % divisor != 0 || !policy.contains(m.captured(2)))
            qFatal("unexpected row in %s: %s", qPrintable(fixture), qPrintable(m.captured(0)));
        add(e, policy.value(m.captured(2)), amount / divisor);
    }
    return e;
}

Expected openAiExpected()
{
    return expectedFrom(QStringLiteral("openai/costs.group_by_line_item_project.constructed.json"),
                        QStringLiteral("\"value\":\\s*([-0-9.]+).*?\"line_item\":\\s*\"([^\",]+),"),
                        {{QStringLiteral("gpt-4o-2024-08-06"), QStringLiteral("gpt-4o")},
                         {QStringLiteral("gpt-4o-mini-2024-07-18"), QStringLiteral("gpt-4o-mini")}});
}

Expected anthropicExpected()
{
    return expectedFrom(QStringLiteral("anthropic/cost_report.group_by_description.constructed.json"),
                        QStringLiteral("\"amount\":\\s*\"([-0-9.]+)\".*?\"model\":\\s*\"([^\"]+)\""),
                        {{QStringLiteral("claude-sonnet-4-20250514"), QStringLiteral("claude-sonnet-4")},
                         {QStringLiteral("claude-3-5-haiku-20241022"), QStringLiteral("claude-3-5-haiku")}},
                        100);
}

Expected awsExpected()
{
    Expected e;
    for (const QByteArray &page : {kPage1, kPage2})
        for (const QJsonValue &day : QJsonDocument::fromJson(page).object().value(QStringLiteral("ResultsByTime")).toArray())
            for (const QJsonValue &g : day.toObject().value(QStringLiteral("Groups")).toArray()) {
                const QString service = g.toObject().value(QStringLiteral("Keys")).toArray().first().toString();
                const QString amount = g.toObject().value(QStringLiteral("Metrics")).toObject().value(QStringLiteral("UnblendedCost"))
                                           .toObject().value(QStringLiteral("Amount")).toString();
                // First-party Nova usage types name the model; Marketplace rows name it in the service.
                add(e, service == u"Amazon Bedrock" ? QStringLiteral("nova-lite") : QStringLiteral("claude-sonnet-4"), money(amount));
                if (service != u"Amazon Bedrock" && service != u"Claude Sonnet 4 (Amazon Bedrock Edition)")
                    qFatal("unexpected AWS fixture service");
            }
    return e;
}

// A row of the Azure fixtures: (1) its cost, (2) its meter.
const QRegularExpression &azureRow()
{
    static const QRegularExpression row(QStringLiteral("\\[\\s*([-0-9.eE+]+),\\s*[-0-9.eE+]+,\\s*\\d+,\\s*\"[^\"]*\",\\s*\"([^\"]+)\""));
    return row;
}

Expected azureExpected()
{
    const QRegularExpression &row = azureRow();
    Expected e;
    for (const QString &file : {kAzurePage1, kAzurePage2})
        for (auto it = row.globalMatch(QString::fromUtf8(readData(file))); it.hasNext();) {
            const auto m = it.next();
            const QString meter = m.captured(2);
            const bool mini = meter.contains(QStringLiteral("4o-mini")) || meter.contains(QStringLiteral("4o mini"));
            add(e, mini ? QStringLiteral("gpt-4o-mini") : QStringLiteral("gpt-4o"), money(m.captured(1)));
        }
    return e;
}

Expected gcpExpected()
{
    const QStringList skus = gcpColumn({kGcpPage1, kGcpPage2}, QStringLiteral("sku"));
    const QStringList costs = gcpColumn({kGcpPage1, kGcpPage2}, QStringLiteral("cost"));
    const QStringList credits = gcpColumn({kGcpPage1, kGcpPage2}, QStringLiteral("credits"));
    Expected e;
    for (qsizetype i = 0; i < skus.size(); ++i) {
        if (!skus[i].startsWith(QStringLiteral("Gemini 2.5 Flash ")))
            qFatal("unexpected GCP fixture SKU");
        add(e, QStringLiteral("gemini-2.5-flash"), Cost::BigMoney(money(costs[i])) + money(credits[i])); // net of credits
    }
    return e;
}

// Cost and tokens of one token kind of one model, as a provider's own fixtures give them.
struct KindUnits {
    Cost::BigMoney cost = 0;
    std::int64_t tokens = 0;       ///< tokens of the kind
    std::int64_t pricedTokens = 0; ///< tokens the cost pays for (OpenAI's input line also pays for cached input)
    double perMillion() const { return Cost::toDouble(cost) * 1e6 / static_cast<double>(pricedTokens); }
};

QJsonArray resultsOf(const QString &file, const char *bucketKey)
{
    QJsonArray all;
    for (const QJsonValue &bucket : QJsonDocument::fromJson(readData(file)).object().value(QStringLiteral("data")).toArray())
        for (const QJsonValue &r : bucket.toObject().value(QLatin1String(bucketKey)).toArray())
            all.append(r);
    return all;
}

// OpenAI's gpt-4o input: the costs endpoint's "…, input" line items, which pay for all input
// tokens (input_tokens: 0.65M × $2.50 + 0.6M cached × $1.25 = $2.375 in the fixture), while the
// store counts the uncached ones (input_tokens − input_cached_tokens) as the input kind.
KindUnits openAiGpt4oInput()
{
    KindUnits u;
    static const QRegularExpression re(QStringLiteral("\"value\":\\s*([-0-9.]+).*?\"line_item\":\\s*\"([^\"]+)\""),
                                       QRegularExpression::DotMatchesEverythingOption);
    for (auto it = re.globalMatch(QString::fromUtf8(readData(QStringLiteral("openai/costs.group_by_line_item_project.constructed.json"))));
         it.hasNext();) {
        const auto m = it.next();
        if (m.captured(2) == u"gpt-4o-2024-08-06, input")
            u.cost += money(m.captured(1));
    }
    for (const char *page : {"page1", "page2"})
        for (const QJsonValue &v : resultsOf(QStringLiteral("openai/usage_completions.group_by_model_batch.%1.constructed.json").arg(QLatin1String(page)), "results")) {
            const QJsonObject r = v.toObject();
            if (r.value(QStringLiteral("model")).toString() == u"gpt-4o-2024-08-06") {
                u.tokens += r.value(QStringLiteral("input_tokens")).toInteger() - r.value(QStringLiteral("input_cached_tokens")).toInteger();
                u.pricedTokens += r.value(QStringLiteral("input_tokens")).toInteger();
            }
        }
    return u;
}

// claude-sonnet-4 input: Anthropic's uncached input (cost_report amounts are cents) plus AWS
// Bedrock's Marketplace input usage type, which reports tokens too (UsageQuantity in millions).
KindUnits claudeSonnet4Input()
{
    KindUnits u;
    for (const QJsonValue &v : resultsOf(QStringLiteral("anthropic/cost_report.group_by_description.constructed.json"), "results")) {
        const QJsonObject r = v.toObject();
        if (r.value(QStringLiteral("model")).toString() == u"claude-sonnet-4-20250514"
            && r.value(QStringLiteral("token_type")).toString() == u"uncached_input_tokens")
            u.cost += money(r.value(QStringLiteral("amount")).toString()) / 100;
    }
    for (const QJsonValue &v : resultsOf(QStringLiteral("anthropic/usage_report_messages.group_by_model_workspace.constructed.json"), "results")) {
        const QJsonObject r = v.toObject();
        if (r.value(QStringLiteral("model")).toString() == u"claude-sonnet-4-20250514")
            u.tokens += r.value(QStringLiteral("uncached_input_tokens")).toInteger();
    }
    for (const QByteArray &page : {kPage1, kPage2})
        for (const QJsonValue &day : QJsonDocument::fromJson(page).object().value(QStringLiteral("ResultsByTime")).toArray())
            for (const QJsonValue &g : day.toObject().value(QStringLiteral("Groups")).toArray()) {
                const QJsonObject group = g.toObject(), metrics = group.value(QStringLiteral("Metrics")).toObject();
                if (!group.value(QStringLiteral("Keys")).toArray().last().toString().endsWith(QStringLiteral("_InputTokenCount-Units")))
                    continue;
                u.cost += money(metrics.value(QStringLiteral("UnblendedCost")).toObject().value(QStringLiteral("Amount")).toString());
                u.tokens += std::llround(metrics.value(QStringLiteral("UsageQuantity")).toObject().value(QStringLiteral("Amount")).toString().toDouble() * 1e6);
            }
    u.pricedTokens = u.tokens; // both bill cached input on lines of its own
    return u;
}

// One Azure meter as the loopback Cost Management serves it: the fixture's cost, and the tokens
// of the quantity and unit the stand-in adds (issue #20 item 2: Azure reports tokens now).
KindUnits azureMeter(const FakeAzure &azure, const QString &meter)
{
    const QRegularExpression &row = azureRow();
    KindUnits u;
    for (const QString &file : {kAzurePage1, kAzurePage2})
        for (auto it = row.globalMatch(QString::fromUtf8(readData(file))); it.hasNext();) {
            const auto m = it.next();
            if (m.captured(2) == meter)
                u.cost += money(m.captured(1));
        }
    const auto served = azure.quantities.value(meter);
    u.tokens = std::llround(served.quantity.toDouble() * (served.unit == u"1K" ? 1e3 : 1e6));
    u.pricedTokens = u.tokens;
    return u;
}

KindUnits operator+(KindUnits a, const KindUnits &b)
{
    a.cost += b.cost;
    a.tokens += b.tokens;
    a.pricedTokens += b.pricedTokens;
    return a;
}

} // namespace

class TestCloudModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void canonical_data();
    void canonical();
    void oneCurrencyView();
};

void TestCloudModels::canonical_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("model");
    QTest::newRow("openai snapshot") << "gpt-4o-2024-08-06" << "gpt-4o";
    QTest::newRow("openai mini snapshot") << "gpt-4o-mini-2024-07-18" << "gpt-4o-mini";
    QTest::newRow("openai mmdd") << "gpt-4-0613" << "gpt-4";
    QTest::newRow("openai o-series mmdd") << "o1-1217" << "o1";
    QTest::newRow("azure gpt-35") << "gpt-35-turbo" << "gpt-3.5-turbo";
    QTest::newRow("fine-tuned stays") << "ft:gpt-4o-mini-2024-07-18:acme::abc123" << "ft:gpt-4o-mini-2024-07-18:acme::abc123";
    QTest::newRow("anthropic dated") << "claude-sonnet-4-20250514" << "claude-sonnet-4";
    QTest::newRow("anthropic 3.5 haiku") << "claude-3-5-haiku-20241022" << "claude-3-5-haiku";
    QTest::newRow("anthropic latest") << "claude-3-7-sonnet-latest" << "claude-3-7-sonnet";
    QTest::newRow("anthropic sonnet v2 snapshot") << "claude-3-5-sonnet-20241022" << "claude-3-5-sonnet-v2";
    QTest::newRow("bedrock marketplace") << "Claude Sonnet 4 (Amazon Bedrock Edition)" << "claude-sonnet-4";
    QTest::newRow("bedrock dotted version") << "claude-sonnet-4.5" << "claude-sonnet-4-5";
    QTest::newRow("bedrock model id") << "us.anthropic.claude-sonnet-4-20250514-v1:0" << "claude-sonnet-4";
    QTest::newRow("bedrock v2 id") << "anthropic.claude-3-5-sonnet-20241022-v2:0" << "claude-3-5-sonnet-v2";
    QTest::newRow("bedrock claude 2") << "anthropic.claude-v2:1" << "claude-v2";
    QTest::newRow("bedrock nova id") << "amazon.nova-lite-v1:0" << "nova-lite";
    QTest::newRow("bedrock usage type model") << "nova-lite" << "nova-lite";
    QTest::newRow("vertex claude") << "claude-3-5-haiku@20241022" << "claude-3-5-haiku";
    QTest::newRow("vertex sku v2") << "claude-3.5-sonnet-v2" << "claude-3-5-sonnet-v2";
    QTest::newRow("vertex gemini revision") << "gemini-1.5-pro-002" << "gemini-1.5-pro";
    QTest::newRow("vertex path") << "publishers/google/models/gemini-2.5-flash" << "gemini-2.5-flash";
    QTest::newRow("gemini stays") << "gemini-2.5-flash" << "gemini-2.5-flash";
    QTest::newRow("llama dots stay") << "llama-3.1-405b-instruct" << "llama-3.1-405b-instruct";
    QTest::newRow("not a date") << "example-model-2" << "example-model-2";
    QTest::newRow("empty") << "" << "";
}

void TestCloudModels::canonical()
{
    QFETCH(QString, raw);
    QFETCH(QString, model);
    QCOMPARE(QString::fromStdString(Cost::canonicalModel(raw.toStdString())), model);
    QCOMPARE(QString::fromStdString(Cost::canonicalModel(model.toStdString())), model); // idempotent
}

void TestCloudModels::oneCurrencyView()
{
    QString why;
    if (!CloudTest::keychainAvailable(&why))
        QSKIP(qPrintable(why));
    qRegisterMetaType<SyncOutcome>();

    FakeServer openai, anthropic;
    const QByteArray emptyOpenAi = R"({"object":"page","data":[],"has_more":false,"next_page":null})";
    openai.route("GET", QStringLiteral("/v1/organization/usage/completions"),
                 servePages({readData(QStringLiteral("openai/usage_completions.group_by_model_batch.page1.constructed.json")),
                             readData(QStringLiteral("openai/usage_completions.group_by_model_batch.page2.constructed.json"))},
                            QStringLiteral("page_AAAAAGdGxdEiJdKOAAAAAGcqsYA="), emptyOpenAi,
                            [](const FakeRequest &r) { return epochParam(r, "start_time"); },
                            [](const FakeRequest &r) { return epochParam(r, "end_time"); }),
                 FakeServer::requireHeader("authorization", "Bearer " + kOpenAiKey));
    openai.route("GET", QStringLiteral("/v1/organization/costs"),
                 servePages({readData(QStringLiteral("openai/costs.group_by_line_item_project.constructed.json"))}, QString(), emptyOpenAi,
                            [](const FakeRequest &r) { return epochParam(r, "start_time"); },
                            [](const FakeRequest &r) { return epochParam(r, "end_time"); }),
                 FakeServer::requireHeader("authorization", "Bearer " + kOpenAiKey));
    const QByteArray emptyAnthropic = R"({"data":[],"has_more":false,"next_page":null})";
    auto anthropicAuth = [](const FakeRequest &r) {
        if (r.header("x-api-key") != kAnthropicKey || r.header("anthropic-version").isEmpty())
            return FakeResponse::json(R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})", 401);
        return FakeResponse{0, {}, {}};
    };
    anthropic.route("GET", QStringLiteral("/v1/organizations/usage_report/messages"),
                    servePages({readData(QStringLiteral("anthropic/usage_report_messages.group_by_model_workspace.constructed.json"))},
                               QStringLiteral("page_MjAyNS0wNi0wMlQwMDowMDowMFo="), emptyAnthropic,
                               [](const FakeRequest &r) { return isoParam(r, "starting_at"); },
                               [](const FakeRequest &r) { return isoParam(r, "ending_at"); }),
                    anthropicAuth);
    anthropic.route("GET", QStringLiteral("/v1/organizations/cost_report"),
                    servePages({readData(QStringLiteral("anthropic/cost_report.group_by_description.constructed.json"))}, QString(),
                               emptyAnthropic, [](const FakeRequest &r) { return isoParam(r, "starting_at"); },
                               [](const FakeRequest &r) { return isoParam(r, "ending_at"); }),
                    anthropicAuth);
    FakeCostExplorer aws;
    FakeAzure azure;
    FakeGoogle google;
    QVERIFY(openai.start() && anthropic.start() && aws.server.start() && azure.server.start() && google.server.start());

    auto make = [](const QString &name, const QString &provider, const QString &baseUrl) {
        AccountConfig a;
        a.name = name;
        a.provider = provider;
        a.baseUrl = baseUrl;
        a.options.insert(QStringLiteral("history_days"), QStringLiteral("3"));
        return a;
    };
    AccountConfig aOpenAi = make(QStringLiteral("openai"), QStringLiteral("openai"), openai.baseUrl());
    AccountConfig aAnthropic = make(QStringLiteral("anthropic"), QStringLiteral("anthropic"), anthropic.baseUrl());
    AccountConfig aAws = make(QStringLiteral("aws"), QStringLiteral("aws"), aws.server.baseUrl());
    aAws.options.insert(QStringLiteral("account_id"), QStringLiteral("111122223333"));
    AccountConfig aAzure = azure.account();
    aAzure.options.insert(QStringLiteral("history_days"), QStringLiteral("3"));
    AccountConfig aGcp = google.account();
    aGcp.options.insert(QStringLiteral("history_days"), QStringLiteral("3"));

    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("one-store.sqlite"));
    QString error;
    QVERIFY2(CloudTest::addAccount(db, aOpenAi, QString::fromLatin1(kOpenAiKey), &error), qPrintable(error));
    QVERIFY2(CloudTest::addAccount(db, aAnthropic, QString::fromLatin1(kAnthropicKey), &error), qPrintable(error));
    QVERIFY2(CloudTest::addAccount(db, aAws, packSecret({{QStringLiteral("access_key_id"), QString::fromLatin1(kKeyId)},
                                                        {QStringLiteral("secret_access_key"), QString::fromLatin1(kSecret)}}), &error),
             qPrintable(error));
    QVERIFY2(CloudTest::addAccount(db, aAzure, packSecret({{QStringLiteral("client_secret"), kAzureSecret}}), &error), qPrintable(error));
    QVERIFY2(CloudTest::addAccount(db, aGcp, google.goodKey(), &error), qPrintable(error));
    const QList<AccountConfig> accounts{aOpenAi, aAnthropic, aAws, aAzure, aGcp};

    const QList<SyncOutcome> outcomes = CloudTest::syncAll(db, accounts, QDate(2025, 6, 2));
    QCOMPARE(outcomes.size(), 5);
    for (const SyncOutcome &o : outcomes)
        QVERIFY2(o.ok, qPrintable(o.accountName + QStringLiteral(": ") + o.error));
    QVERIFY(aws.verified > 0); // the AWS rows came through verified SigV4 requests
    CloudTest::forgetSecrets(accounts);

    // What the test expects from the fixture texts alone.
    Expected want;
    for (const Expected &part : {openAiExpected(), anthropicExpected(), awsExpected(), azureExpected(), gcpExpected()})
        for (auto it = part.begin(); it != part.end(); ++it)
            want[it.key()] += it.value();
    QCOMPARE(want.keys(), (QStringList{QStringLiteral("claude-3-5-haiku"), QStringLiteral("claude-sonnet-4"), QStringLiteral("gemini-2.5-flash"),
                                       QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini"), QStringLiteral("nova-lite")}));

    // What the By model page shows: the same scan SpendPage runs.
    Cost::Store store;
    QVERIFY(store.open(db.toStdString()));
    Analytics::SpendPageRequest request;
    request.query.dimension = "model";
    request.query.fromDay = Cost::daysFromCivil(2025, 5, 31);
    request.query.toDay = Cost::daysFromCivil(2025, 6, 2);
    request.query.grain = Analytics::Grain::Day;
    Analytics::SpendPageData page;
    std::string pageError;
    QVERIFY2(Analytics::spendPage(store.db(), request, page, pageError), pageError.c_str());
    Expected shown;
    for (const Analytics::BreakdownRow &row : page.breakdown.rows)
        shown[QString::fromStdString(row.key)] += row.cost;
    QCOMPARE(shown, want);
    Cost::BigMoney total = 0;
    for (Cost::BigMoney v : std::as_const(want))
        total += v;
    QCOMPARE(page.breakdown.total, total);

    // Unit prices match cost with tokens per source: gpt-4o input is OpenAI's and Azure's cost over
    // both their tokens (Cost Management reports quantity and unit now, issue #20 item 2);
    // claude-sonnet-4 input is Anthropic's and AWS Bedrock's cost over both their tokens.
    const auto rowOf = [&page](const char *key) {
        const auto &rows = page.breakdown.rows;
        const auto it = std::find_if(rows.begin(), rows.end(), [key](const Analytics::BreakdownRow &r) { return r.key == key; });
        return it != rows.end() ? *it : Analytics::BreakdownRow{};
    };
    const KindUnits azureInput = azureMeter(azure, QStringLiteral("gpt 4o 0513 Input global Tokens"));
    const KindUnits azureCached = azureMeter(azure, QStringLiteral("gpt 4o 1120 cached Inp glbl Tokens"));
    QVERIFY(azureInput.cost > 0 && azureInput.tokens > 0 && azureCached.cost > 0 && azureCached.tokens > 0);
    const std::pair<const char *, KindUnits> inputs[] = {{"gpt-4o", openAiGpt4oInput() + azureInput},
                                                         {"claude-sonnet-4", claudeSonnet4Input()}};
    for (const auto &[model, fixture] : inputs) {
        const Analytics::BreakdownRow row = rowOf(model);
        QVERIFY2(row.kindCost[0] == fixture.cost, model);
        QCOMPARE(row.kindTokens[0], fixture.tokens);
        QCOMPARE(row.costPerMillion(0), fixture.perMillion());
    }
    QVERIFY(rowOf("gpt-4o").kindCostWithoutTokens[0] == 0); // Azure's gpt-4o input cost comes with its tokens
    // OpenAI's cached input is paid within its input line: counted with input; Azure bills cached
    // input on a meter of its own, so the cached price is Azure's.
    QVERIFY(rowOf("gpt-4o").kindTokens[1] > azureCached.tokens);
    QCOMPARE(rowOf("gpt-4o").costPerMillion(1), azureCached.perMillion());
    QCOMPARE(rowOf("gpt-4o").kindPricedTokens[0],
             rowOf("gpt-4o").kindTokens[0] + (rowOf("gpt-4o").kindTokens[1] - azureCached.tokens));
    QVERIFY(rowOf("claude-sonnet-4").kindCostWithoutTokens[0] == 0);

    // One currency: every charge is USD (OpenAI's "usd" included), and the page says so.
    QCOMPARE(page.currency, std::string("USD"));
    QCOMPARE(CloudTest::totalsBy(db, {"currency"}).keys(), QStringList{QStringLiteral("USD")});

    // The same model from different providers is one row; the providers stay apart underneath.
    QMap<QString, QStringList> providers;
    const auto byModelProvider = CloudTest::totalsBy(db, {"model", "provider"});
    for (auto it = byModelProvider.begin(); it != byModelProvider.end(); ++it)
        providers[it.key().section(QLatin1Char('/'), 0, 0)] << it.key().section(QLatin1Char('/'), 1);
    QCOMPARE(providers.value(QStringLiteral("gpt-4o")), (QStringList{QStringLiteral("Microsoft"), QStringLiteral("OpenAI")}));
    QCOMPARE(providers.value(QStringLiteral("gpt-4o-mini")), (QStringList{QStringLiteral("Microsoft"), QStringLiteral("OpenAI")}));
    QCOMPARE(providers.value(QStringLiteral("claude-sonnet-4")), (QStringList{QStringLiteral("AWS"), QStringLiteral("Anthropic")}));
    QCOMPARE(providers.value(QStringLiteral("gemini-2.5-flash")), QStringList{QStringLiteral("Google Cloud")});

    // The raw names are kept: usage types, meters and SKUs as the providers wrote them.
    const auto usageTypes = CloudTest::totalsBy(db, {"usage_type"}).keys();
    QVERIFY(usageTypes.contains(QStringLiteral("gpt-4o-2024-08-06, input")));
    QVERIFY(usageTypes.contains(QStringLiteral("USE1-MP:USE1_InputTokenCount-Units")));
    const auto meters = CloudTest::totalsBy(db, {"sku_meter"}).keys();
    QVERIFY(meters.contains(QStringLiteral("gpt 4o 0513 Input global Tokens")));
    QVERIFY(meters.contains(QStringLiteral("Gemini 2.5 Flash GA Text Output - Predictions")));

    // For the README: the store, to render the By model page from (burnrate screenshot).
    const QString shots = qEnvironmentVariable("BURNRATE_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        QVERIFY(store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)"));
        QFile::remove(shots + QStringLiteral("/cloud-models.sqlite"));
        QVERIFY(QFile::copy(db, shots + QStringLiteral("/cloud-models.sqlite")));
    }
}

QTEST_MAIN(TestCloudModels)
#include "tst_cloudmodels.moc"
