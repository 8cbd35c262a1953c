// Price catalog: curated resource, effective dates, model-name matching, the LiteLLM importer,
// user prices in the store, and re-pricing fixture usage against what the fixtures billed.
#include "domain/timeparse.h"
#include "import/focusimporter.h"
#include "import/ingestor.h"
#include "pricing/pricecatalog.h"
#include "pricing/pricedusage.h"
#include "pricing/pricelitellm.h"
#include "pricing/pricematching.h"
#include "pricing/pricestore.h"
#include "pricing/pricingestimate.h"
#include "store/store.h"
#include "testsupport.h"

#include <QFile>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <cmath>

using namespace Pricing;
using Cost::Money;

namespace {

using TestSupport::day;
using TestSupport::usd;

std::string readData(const QString &relative)
{
    QFile f(TestSupport::dataPath(relative));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

nlohmann::json readJson(const QString &relative) { return nlohmann::json::parse(readData(relative)); }

const char kFocusHeader[] = "BilledCost,BillingAccountId,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ConsumedQuantity,"
                            "ConsumedUnit,ServiceProviderName,ServiceName,SkuId,SkuMeter,SkuPriceDetails\n";

// Imports a FOCUS file of kFocusHeader and `rows` into a new store in `dir`; "" or the error.
std::string importRows(const QTemporaryDir &dir, const QByteArray &rows, Cost::Store &store)
{
    const QString csv = dir.filePath(QStringLiteral("rows.csv"));
    QFile f(csv);
    if (!f.open(QIODevice::WriteOnly) || f.write(kFocusHeader + rows) < 0)
        return "cannot write " + csv.toStdString();
    f.close();
    if (!store.open(dir.filePath(QStringLiteral("s.sqlite")).toStdString()))
        return store.error();
    Cost::FocusImporter importer(store.db());
    const auto imported = importer.importFile(csv.toStdString(), Cost::Ingestor::newBatch(store.db()));
    return imported.ok ? std::string() : imported.error.toString();
}

// Estimated vs billed of one day of the store's usage.
bool estimateDay(Cost::Store &store, const char *isoDay, Simulation::EstimateReport *report, std::string *error)
{
    Simulation::UsageQuery q;
    q.fromDay = q.toDay = day(isoDay);
    TestSupport::StoreUsage loaded;
    if (!TestSupport::loadStoreUsage(store.db(), q, &loaded, error))
        return false;
    *report = Simulation::estimateVsBilled(loaded.priced());
    return true;
}

} // namespace

class TestPriceCatalog : public QObject {
    Q_OBJECT

    PriceCatalog m_builtin;

private Q_SLOTS:
    void initTestCase()
    {
        std::string error;
        QVERIFY2(PriceCatalog::loadBuiltin(m_builtin, error), error.c_str());
        QVERIFY(m_builtin.size() > 100);
    }

    void matching_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("key");
        QTest::newRow("openai snapshot") << "gpt-4o-2024-08-06" << "gpt-4o";
        QTest::newRow("bedrock id") << "us.anthropic.claude-sonnet-4-20250514-v1:0" << "claude-sonnet-4";
        QTest::newRow("bedrock nova") << "amazon.nova-pro-v1:0" << "nova-pro";
        QTest::newRow("bedrock llama") << "meta.llama3-70b-instruct-v1:0" << "llama-3-70b";
        QTest::newRow("azure meter") << "gpt-4o-mini-0718" << "gpt-4o-mini";
        QTest::newRow("azure 35") << "gpt-35-turbo" << "gpt-3.5-turbo";
        QTest::newRow("vertex version") << "gemini-1.5-pro-002" << "gemini-1.5-pro";
        QTest::newRow("vertex claude") << "claude-3-5-sonnet@20240620" << "claude-3-5-sonnet";
        QTest::newRow("dotted claude") << "claude-3.5-sonnet" << "claude-3-5-sonnet";
        QTest::newRow("litellm prefix") << "vertex_ai/gemini-2.5-pro" << "gemini-2.5-pro";
        QTest::newRow("marketplace") << "Claude Sonnet 4 (Amazon Bedrock Edition)" << "claude-sonnet-4";
    }
    void matching()
    {
        QFETCH(QString, name);
        QFETCH(QString, key);
        const auto keys = PriceMatching::lookupKeys(name.toStdString());
        QVERIFY2(std::find(keys.begin(), keys.end(), key.toStdString()) != keys.end(), qPrintable(name));
    }

    // A stored key must look itself up, or a catalog exported and imported again changes its models
    // (fuzz finding: "x/_note@1" gave "-note", which then gave "note").
    void primaryKeyIsItsOwnKey_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("key");
        QTest::newRow("path then separator") << "gpt-4/_____note______@_____" << "note";
        QTest::newRow("dot hides version") << "m2-v2." << "m2";
        QTest::newRow("separators inside version") << "a1.:9 @91@" << "a1";
        QTest::newRow("bedrock id") << "us.anthropic.claude-sonnet-4-20250514-v1:0" << "claude-sonnet-4-20250514";
        QTest::newRow("plain") << "gpt-4o" << "gpt-4o";
        // One ":N" part comes off a round; more parts than any fixed number of rounds.
        QTest::newRow("many version parts") << QStringLiteral("m1") + QStringLiteral("::8:.").repeated(200) << "m1";
    }
    void primaryKeyIsItsOwnKey()
    {
        QFETCH(QString, name);
        QFETCH(QString, key);
        const std::string k = PriceMatching::primaryKey(name.toStdString());
        QCOMPARE(QString::fromStdString(k), key);
        QCOMPARE(PriceMatching::primaryKey(k), k);
    }

    void families()
    {
        QCOMPARE(PriceMatching::providerFamily("AWS", "Amazon Bedrock"), std::string("bedrock"));
        QCOMPARE(PriceMatching::providerFamily("Microsoft", "Azure OpenAI"), std::string("azure"));
        QCOMPARE(PriceMatching::providerFamily("Google Cloud", "Vertex AI"), std::string("vertex"));
        QCOMPARE(PriceMatching::providerFamily("OpenAI", "OpenAI API"), std::string("openai"));
        QCOMPARE(PriceMatching::providerFamily("Anthropic", "Claude API"), std::string("anthropic"));
    }

    // The gpt-4o alias moved to gpt-4o-2024-08-06 on 2024-10-02: $5/$15 before, $2.50/$10 after.
    void effectiveDates()
    {
        const auto before = m_builtin.resolve("OpenAI", "gpt-4o", day("2024-10-01"));
        const auto after = m_builtin.resolve("OpenAI", "gpt-4o", day("2024-10-02"));
        QCOMPARE(before.price(PriceKind::Input), usd("5.00"));
        QCOMPARE(before.price(PriceKind::Output), usd("15.00"));
        QVERIFY(!before.has(PriceKind::CacheRead));
        QCOMPARE(after.price(PriceKind::Input), usd("2.50"));
        QCOMPARE(after.price(PriceKind::CacheRead), usd("1.25"));
        QCOMPARE(after.price(PriceKind::Output), usd("10.00"));
        // o3's 80% cut on 2025-06-10.
        QCOMPARE(m_builtin.resolve("openai", "o3-2025-04-16", day("2025-06-09")).price(PriceKind::Input), usd("10.00"));
        QCOMPARE(m_builtin.resolve("openai", "o3-2025-04-16", day("2025-06-10")).price(PriceKind::Input), usd("2.00"));
        // Before a model's first price it is unpriced, not free.
        QVERIFY(!m_builtin.resolve("openai", "gpt-5", day("2025-01-01")).any());
        // A dated snapshot with its own list keeps it: gpt-4o-2024-05-13 stayed at $5.
        QCOMPARE(m_builtin.resolve("openai", "gpt-4o-2024-05-13", day("2025-01-01")).price(PriceKind::Input), usd("5.00"));
    }

    void cacheWriteSplit()
    {
        const auto p = m_builtin.resolve("Anthropic", "claude-sonnet-4-20250514", day("2025-07-01"));
        QCOMPARE(p.price(PriceKind::CacheWrite5m), usd("3.75"));
        QCOMPARE(p.price(PriceKind::CacheWrite1h), usd("6.00"));
        QCOMPARE(p.price(PriceKind::CacheRead), usd("0.30"));
        const auto lc = m_builtin.resolve("Anthropic", "claude-sonnet-4", day("2025-07-01"), Tier::Standard, true);
        QCOMPARE(lc.price(PriceKind::Input), usd("6.00"));
        QCOMPARE(lc.price(PriceKind::Output), usd("22.50"));
        const auto batch = m_builtin.resolve("Anthropic", "claude-sonnet-4", day("2025-07-01"), Tier::Batch);
        QCOMPARE(batch.price(PriceKind::Input), usd("1.50"));
        QCOMPARE(batch.price(PriceKind::CacheWrite5m), usd("1.875"));
    }

    void providerPrecedence()
    {
        // Bedrock's own list for Claude; Vertex Claude falls back to Anthropic's first-party list.
        const auto bedrock = m_builtin.resolve("Amazon Bedrock", "anthropic.claude-3-5-sonnet-20240620-v1:0", day("2025-01-01"));
        QVERIFY(bedrock.from[0] && bedrock.from[0]->provider == "bedrock");
        const auto vertex = m_builtin.resolve("Vertex AI", "claude-3-5-sonnet@20240620", day("2025-01-01"));
        QVERIFY(vertex.from[0] && vertex.from[0]->provider == "anthropic");
        // No first-party stand-in for a family that lists the model itself with fewer kinds: unpriced 1h writes on Bedrock.
        QVERIFY(!bedrock.has(PriceKind::CacheWrite1h));
        // A model nobody lists is unpriced.
        QVERIFY(!m_builtin.resolve("Solora AI", "solora-reasoning-pro", day("2025-01-01")).any());
    }

    void catalogErrors_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not ours") << R"({"models": []})" << "burnrate_prices";
        QTest::newRow("bad price") << R"({"burnrate_prices": 1, "models": [{"model": "m1", "prices": [{"input": "abc"}]}]})"
                                   << "models[0] (m1).prices[0]: field 'input'";
        QTest::newRow("bad date") << R"({"burnrate_prices": 1, "models": [{"model": "m1", "prices": [{"from": "5/1/25", "input": 1}]}]})"
                                  << "field 'from'";
        QTest::newRow("negative") << R"({"burnrate_prices": 1, "models": [{"model": "m1", "prices": [{"output": "-2"}]}]})"
                                  << "field 'output'";
    }
    void catalogErrors()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        PriceCatalog c;
        std::string error;
        QVERIFY(!c.loadJson(json.toStdString(), Layer::User, error));
        QVERIFY2(error.find(message.toStdString()) != std::string::npos, error.c_str());
        QCOMPARE(c.size(), std::size_t(0));
    }

    void liteLlm()
    {
        QCOMPARE([] { Money m = 0; perTokenToPerMillion("3.75e-09", m); return m; }(), usd("0.00375"));
        QCOMPARE([] { Money m = 0; perTokenToPerMillion("2.5e-06", m); return m; }(), usd("2.5"));
        LiteLlmImport imported;
        std::string error;
        QVERIFY2(parseLiteLlm(readData(QStringLiteral("prices/model_prices_and_context_window.json")), "litellm", imported, error),
                 error.c_str());
        QVERIFY2(imported.models > 1000, std::to_string(imported.models).c_str());
        PriceCatalog c;
        for (auto &e : imported.entries)
            c.add(e);
        const auto day0 = day("2026-01-01");
        QCOMPARE(c.resolve("openai", "gpt-4o", day0).price(PriceKind::Input), usd("2.50"));
        QCOMPARE(c.resolve("openai", "gpt-4o-mini", day0, Tier::Batch).price(PriceKind::Input), usd("0.075"));
        QCOMPARE(c.resolve("openai", "gpt-4o", day0, Tier::Priority).price(PriceKind::Output), usd("17.00"));
        const auto sonnet = c.resolve("anthropic", "claude-sonnet-4-20250514", day0);
        QCOMPARE(sonnet.price(PriceKind::CacheWrite5m), usd("3.75"));
        QCOMPARE(sonnet.price(PriceKind::CacheWrite1h), usd("6.00"));
        QCOMPARE(c.resolve("anthropic", "claude-sonnet-4-20250514", day0, Tier::Standard, true).price(PriceKind::Output), usd("22.50"));
        QCOMPARE(c.resolve("bedrock", "amazon.nova-pro-v1:0", day0).price(PriceKind::Output), usd("3.20"));
        // The curated catalog agrees with LiteLLM on the current prices it lists.
        for (const char *m : {"gpt-4.1", "gpt-5", "claude-haiku-4-5", "gemini-2.5-flash", "o4-mini"}) {
            const auto a = c.resolve("", m, day0);
            const auto b = m_builtin.resolve("", m, day0);
            QCOMPARE(a.price(PriceKind::Input), b.price(PriceKind::Input));
            QCOMPARE(a.price(PriceKind::Output), b.price(PriceKind::Output));
        }
        QVERIFY(!parseLiteLlm(R"({"gpt-x": {"input_cost_per_token": "cheap"}})", "x", imported, error));
        QVERIFY2(error.find("gpt-x") != std::string::npos && error.find("input_cost_per_token") != std::string::npos, error.c_str());
        // A provider that is not text (a fuzz finding: it threw out of the parser and ended the app).
        QVERIFY(!parseLiteLlm(R"({"gpt-y": {"litellm_provider": 16384, "input_cost_per_token": 1e-06}})", "x", imported, error));
        QVERIFY2(error.find("gpt-y") != std::string::npos && error.find("litellm_provider") != std::string::npos, error.c_str());
        QVERIFY2(parseLiteLlm(R"({"gpt-z": {"litellm_provider": null, "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06}})",
                              "x", imported, error),
                 error.c_str());
        QCOMPARE(imported.models, 1);
    }

    // Stored layers: user prices beat curated ones; a failed import leaves the store as it was.
    void storeLayers()
    {
        QTemporaryDir dir;
        Cost::Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("p.sqlite")).toStdString()));
        PriceImportResult result;
        std::string error;
        const std::string litellm = readData(QStringLiteral("prices/model_prices_and_context_window.json"));
        QVERIFY2(importPriceFile(store.db(), litellm, "litellm.json", result, error), error.c_str());
        QCOMPARE(result.format, std::string("litellm"));
        const auto stored = store.db().scalar("SELECT count(*) FROM price_entry");
        QCOMPARE(stored, std::int64_t(result.entries));
        QVERIFY(!importPriceFile(store.db(), litellm.substr(0, litellm.size() / 2), "cut.json", result, error));
        QVERIFY2(error.find("cut.json") != std::string::npos, error.c_str());
        QCOMPARE(store.db().scalar("SELECT count(*) FROM price_entry"), stored);

        const std::string mine = R"({"burnrate_prices": 1, "models": [
            {"provider": "openai", "model": "gpt-4o", "source": "negotiated", "prices": [{"from": "2025-01-01", "input": "2.00", "output": "8.00"}]}]})";
        QVERIFY2(importPriceFile(store.db(), mine, "mine.json", result, error), error.c_str());
        QCOMPARE(result.layer, Layer::User);
        PriceCatalog c;
        QVERIFY2(loadCatalog(store.db(), c, error), error.c_str());
        QCOMPARE(c.resolve("OpenAI", "gpt-4o", day("2025-02-01")).price(PriceKind::Input), usd("2.00"));
        QCOMPARE(c.resolve("OpenAI", "gpt-4o", day("2025-02-01")).price(PriceKind::CacheRead), usd("1.25")); // from curated
        QCOMPARE(c.resolve("OpenAI", "gpt-4o", day("2024-12-31")).price(PriceKind::Input), usd("2.50"));
        // Imported fills what the curated catalog lacks.
        QVERIFY(c.resolve("mistral", "mistral-large-latest", day("2025-02-01")).any());
    }

    // Re-pricing fixture usage: the FOCUS AI examples with their stated prices as user prices match
    // their bills; a wrong price is flagged; an unknown model is unpriced, never $0.
    void focusFixtures()
    {
        QTemporaryDir dir;
        Cost::Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("f.sqlite")).toStdString()));
        for (const char *file : {"focus/working_draft_ai/per_token_foundation_model_api.csv", "focus/working_draft_ai/ai_prompt_caching_a.csv"}) {
            Cost::FocusImporter importer(store.db());
            const auto r = importer.importFile(TestSupport::dataPath(QString::fromLatin1(file)).toStdString(), Cost::Ingestor::newBatch(store.db()));
            QVERIFY(r.ok);
        }
        auto estimate = [&](std::string &error) {
            Simulation::UsageQuery q;
            q.fromDay = day("2025-01-01");
            q.toDay = day("2025-06-30");
            TestSupport::StoreUsage loaded;
            if (!TestSupport::loadStoreUsage(store.db(), q, &loaded, &error))
                return Simulation::EstimateReport();
            return Simulation::estimateVsBilled(loaded.priced());
        };
        std::string error;
        auto r = estimate(error);
        QVERIFY2(error.empty(), error.c_str());
        QCOMPARE(r.rows.size(), std::size_t(2));
        QVERIFY(r.rows[0].unpriced && r.rows[1].unpriced);
        QCOMPARE(r.estimated, Cost::BigMoney(0));
        QCOMPARE(r.unpricedBilled, Cost::BigMoney(usd("33.9") + usd("94.5")));

        PriceImportResult result;
        QVERIFY(importPriceFile(store.db(), R"({"burnrate_prices": 1, "models": [
            {"provider": "Solora AI", "model": "solora-reasoning-pro", "prices": [{"input": "3", "cache_read": "0.3", "cache_write_5m": "3.75", "output": "15"}]},
            {"provider": "Solora AI", "model": "solora-saturn-4.8", "prices": [{"input": "5", "output": "24"}]}]})", "solora.json", result, error));
        r = estimate(error);
        QVERIFY(r.unpriced.empty());
        for (const auto &row : r.rows) {
            if (row.model == "solora-reasoning-pro") {
                QCOMPARE(row.billed, Cost::BigMoney(usd("33.9")));
                QCOMPARE(row.estimated, row.billed);
                QVERIFY(!row.mismatch);
            } else {
                QCOMPARE(row.billed, Cost::BigMoney(usd("94.5")));
                QCOMPARE(row.estimated, Cost::BigMoney(usd("42") + usd("50.4"))); // output listed at 24, billed at 25
                QCOMPARE(row.gap(), Cost::BigMoney(usd("2.1")));
                QVERIFY(row.mismatch);
            }
        }
    }

    // Issue #23 item 10: Estimated vs billed flags a day against the usual gap (the median), not
    // against zero — a steady discount is how the account is billed, a day away from it is news.
    void unusualDays_data()
    {
        QTest::addColumn<QString>("gapsPermille");  // each day's billed gap in 1/1000 of its $100 estimate
        QTest::addColumn<QString>("flagged");       // the flagged days' indexes
        QTest::addColumn<double>("usualPercent");
        QTest::newRow("steady -2.5%") << "-25,-25,-25,-25,-25,-25,-25" << "" << -2.5;
        QTest::newRow("steady, one day off") << "-25,-25,-25,10,-25,-25,-25" << "3" << -2.5;
        QTest::newRow("no gap, one day off") << "0,0,0,0,-8,0" << "4" << 0.0;
        QTest::newRow("jitter within 0.5%") << "-24,-27,-25,-23,-26" << "" << -2.5;
        QTest::newRow("half the days off") << "0,0,0,30,30,30,30" << "0,1,2" << 3.0;
    }
    void unusualDays()
    {
        QFETCH(QString, gapsPermille);
        QFETCH(QString, flagged);
        QFETCH(double, usualPercent);
        std::vector<Simulation::DayEstimate> days;
        const Cost::BigMoney estimate = usd("100");
        for (const QString &g : gapsPermille.split(QLatin1Char(',')))
            days.push_back({static_cast<std::int64_t>(days.size()), estimate + estimate * g.toInt() / 1000, estimate});
        days.push_back({static_cast<std::int64_t>(days.size()), 0, 0}); // a day without usage is never flagged
        const double usual = Simulation::flagUnusualDays(days);
        QVERIFY2(std::abs(usual - usualPercent) < 1e-9, qPrintable(QString::number(usual)));
        QStringList got;
        for (std::size_t i = 0; i < days.size(); ++i)
            if (days[i].unusual)
                got << QString::number(i);
        QCOMPARE(got.join(QLatin1Char(',')), flagged);
        // Against zero, the steady discount would flag every day (what the issue saw).
        if (QByteArray(QTest::currentDataTag()) == "steady -2.5%")
            QVERIFY(Simulation::isMismatch(days[0].billed, days[0].estimated));
    }

    // Models are stored under one name ("gpt-4o"), but a snapshot with its own price list
    // (gpt-4o-2024-05-13: $5 / M input where gpt-4o is $2.50 since 2024-10-02) is priced with it,
    // from the dated id the provider billed (SkuId).
    void datedSnapshotPricedWithItsOwnList()
    {
        QTemporaryDir dir;
        auto row = [](const char *billed, const char *snapshot) {
            return QByteArray(billed) + ",org-1,USD,2025-06-01T00:00:00Z,2025-06-02T00:00:00Z,1000000,Tokens,OpenAI,"
                + "OpenAI API," + snapshot + ",Input Tokens,\"{\"\"ModelId\"\":\"\"" + snapshot
                + "\"\",\"\"TokenType\"\":\"\"Input\"\"}\"\n";
        };
        Cost::Store store;
        const std::string imported = importRows(dir, row("5.00", "gpt-4o-2024-05-13") + row("2.50", "gpt-4o-2024-08-06"), store);
        QVERIFY2(imported.empty(), imported.c_str());
        QCOMPARE(store.db().scalar("SELECT count(DISTINCT model) FROM combo"), 1); // one name: gpt-4o

        Simulation::EstimateReport report;
        std::string error;
        QVERIFY2(estimateDay(store, "2025-06-01", &report, &error), error.c_str());
        QCOMPARE(report.rows.size(), std::size_t(1));
        QCOMPARE(report.rows[0].model, std::string("gpt-4o"));
        QCOMPARE(report.rows[0].billed, Cost::BigMoney(usd("7.50")));
        QCOMPARE(report.rows[0].estimated, Cost::BigMoney(usd("7.50"))); // 5.00 + 2.50, not 2 × 2.50
        QVERIFY(!report.rows[0].mismatch);
    }

    // A synced OpenAI account whose costs endpoint has no line items: its cost has no model,
    // while its usage puts gpt-4o's tokens on the model at no cost. Estimated vs billed must not
    // flag gpt-4o for a gap against zero (#23 item 3); the tokens are named as billed without a
    // model and left out of the comparison, which still flags a real gap elsewhere.
    void tokensBilledWithoutAModelAreNotAGap()
    {
        QTemporaryDir dir;
        const QByteArray period = ",USD,2025-06-01T00:00:00Z,2025-06-02T00:00:00Z,";
        auto tokens = [&](const char *billed, const char *account, const char *provider, const char *model) {
            return QByteArray(billed) + ',' + account + period + "1000000,Tokens," + provider + ",API," + model
                + ",Input Tokens,\"{\"\"ModelId\"\":\"\"" + model + "\"\",\"\"TokenType\"\":\"\"Input\"\"}\"\n";
        };
        Cost::Store store;
        const std::string imported = importRows(dir,
                                                "2.50,org-1" + period + ",,OpenAI,API,,,\n"   // the cost, not itemised by model
                                                    + tokens("0", "org-1", "OpenAI", "gpt-4o") // the usage, at no cost
                                                    + tokens("3.00", "ws-1", "Anthropic", "claude-3-5-sonnet") // $3 / M: no gap
                                                    + tokens("1.50", "ws-1", "Anthropic", "claude-3-5-haiku"), // $0.80 / M: a gap
                                                store);
        QVERIFY2(imported.empty(), imported.c_str());
        Simulation::EstimateReport report;
        std::string error;
        QVERIFY2(estimateDay(store, "2025-06-01", &report, &error), error.c_str());
        std::map<std::string, Simulation::EstimateRow> byModel;
        for (const auto &row : report.rows)
            byModel[row.model] = row;
        QVERIFY(byModel.count("gpt-4o"));
        const auto &gpt = byModel["gpt-4o"];
        QVERIFY(gpt.notItemised);
        QVERIFY(!gpt.mismatch);
        QCOMPARE(gpt.estimated, Cost::BigMoney(usd("2.50")));
        QCOMPARE(report.notItemisedEstimated, Cost::BigMoney(usd("2.50")));
        QVERIFY(!byModel["claude-3-5-sonnet"].mismatch);
        QVERIFY(byModel["claude-3-5-haiku"].mismatch); // the rule does not hide real gaps
        // The totals and the day compare like with like: the not-itemised tokens are out of both.
        QCOMPARE(report.billed, Cost::BigMoney(usd("4.50")));
        QCOMPARE(report.estimated, Cost::BigMoney(usd("3.80")));
        QCOMPARE(report.days.size(), std::size_t(1));
        QCOMPARE(report.days[0].estimated, Cost::BigMoney(usd("3.80")));
    }

    // The OpenAI and Anthropic fixtures: usage × catalog = their cost reports, exactly. OpenAI's
    // input_tokens include the cached ones (priced once, as cache reads); batch=true is the batch tier.
    void providerFixtures()
    {
        auto catalog = std::make_shared<PriceCatalog>(m_builtin);
        auto usage = std::make_shared<Simulation::UsageSnapshot>();
        usage->fromDay = usage->toDay = day("2025-06-01");
        const auto openai = readJson(QStringLiteral("prices/openai_usage.json"));
        for (const auto &r : openai["data"][0]["results"]) {
            Simulation::UsageGroup g;
            g.provider = "OpenAI";
            g.model = r["model"].get<std::string>();
            g.tier = r["batch"].get<bool>() ? Tier::Batch : Tier::Standard;
            Simulation::UsageCell c;
            c.day = usage->fromDay;
            c.group = Simulation::addGroup(*usage, g);
            c.tokens[0] = r["input_tokens"].get<std::int64_t>() - r["input_cached_tokens"].get<std::int64_t>();
            c.tokens[1] = r["input_cached_tokens"].get<std::int64_t>();
            c.tokens[4] = r["output_tokens"].get<std::int64_t>();
            usage->cells.push_back(c);
        }
        const auto anthropic = readJson(QStringLiteral("prices/anthropic_usage.json"));
        for (const auto &r : anthropic["data"][0]["results"]) {
            Simulation::UsageGroup g;
            g.provider = "Anthropic";
            g.model = r["model"].get<std::string>();
            Simulation::UsageCell c;
            c.day = usage->fromDay;
            c.group = Simulation::addGroup(*usage, g);
            c.tokens[0] = r["uncached_input_tokens"].get<std::int64_t>();
            c.tokens[1] = r["cache_read_input_tokens"].get<std::int64_t>();
            c.tokens[2] = r["cache_creation"]["ephemeral_5m_input_tokens"].get<std::int64_t>();
            c.tokens[3] = r["cache_creation"]["ephemeral_1h_input_tokens"].get<std::int64_t>();
            c.tokens[4] = r["output_tokens"].get<std::int64_t>();
            usage->cells.push_back(c);
        }
        // Billed per model from the cost fixtures (Anthropic reports cents as decimal strings).
        std::map<std::string, Cost::BigMoney> billed;
        const auto openaiCosts = readJson(QStringLiteral("prices/openai_costs.json"));
        const auto anthropicCosts = readJson(QStringLiteral("prices/anthropic_costs.json"));
        for (const auto &r : openaiCosts["data"][0]["results"]) {
            const std::string item = r["line_item"].get<std::string>();
            billed[item.substr(0, item.find(','))] += Cost::fromDouble(r["amount"]["value"].get<double>());
        }
        for (const auto &r : anthropicCosts["data"][0]["results"])
            billed[r["model"].get<std::string>()] += usd(r["amount"].get<std::string>().c_str()) / 100;
        for (auto &c : usage->cells)
            c.billed = static_cast<Money>(billed[usage->groups[c.group].model]);
        const auto report = Simulation::estimateVsBilled(Simulation::PricedUsage(usage, catalog));
        QCOMPARE(report.rows.size(), std::size_t(4));
        for (const auto &row : report.rows) {
            QVERIFY2(!row.unpriced && !row.mismatch,
                     (row.model + " billed " + Cost::formatMoney(row.billed) + " estimated " + Cost::formatMoney(row.estimated)).c_str());
            QCOMPARE(row.estimated, row.billed);
        }
        QCOMPARE(report.estimated, Cost::BigMoney(usd("4.475") + usd("1.005") + usd("1.92603") + usd("0.016136")));
    }
};

QTEST_GUILESS_MAIN(TestPriceCatalog)
#include "tst_pricecatalog.moc"
