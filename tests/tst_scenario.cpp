// Scenario engine: every step type against hand-computed numbers (exact to the unit), the ±band
// ranges, cached tokens priced once, the 5-minute / 1-hour cache-write split, price changes
// inside a period, unpriced usage left out, and the scenario JSON format.
#include "domain/timeparse.h"
#include "domain/translations.h"
#include "import/demogenerator.h"
#include "pricing/pricecatalog.h"
#include "pricing/pricedusage.h"
#include "report/reportsection.h"
#include "report/reportwriter.h"
#include "report/simulationsection.h"
#include "simulation/scenarioengine.h"
#include "simulation/scenariostore.h"
#include "store/store.h"
#include "testsupport.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Simulation;
using Cost::BigMoney;

namespace {

using TestSupport::day;
using TestSupport::usd;

// A cell of `provider`'s `model` on the snapshot's first day with `tokens`, its group added.
UsageCell &addModelCell(UsageSnapshot &usage, const char *provider, const char *model, const decltype(UsageCell::tokens) &tokens)
{
    UsageGroup g;
    g.provider = provider;
    g.model = model;
    UsageCell c;
    c.day = usage.fromDay;
    c.group = addGroup(usage, g);
    c.tokens = tokens;
    usage.cells.push_back(c);
    return usage.cells.back();
}

Scenario parse(const std::string &steps)
{
    Scenario s;
    std::string error;
    if (!parseScenario(R"({"burnrate_scenario": 1, "name": "t", "steps": [)" + steps + "]}", s, error))
        qWarning("%s", error.c_str());
    return s;
}

} // namespace

class TestScenario : public QObject {
    Q_OBJECT

    std::shared_ptr<Pricing::PriceCatalog> m_catalog = std::make_shared<Pricing::PriceCatalog>();
    std::shared_ptr<UsageSnapshot> m_usage = std::make_shared<UsageSnapshot>();

    void addCell(std::int64_t d, const char *provider, const char *model, const char *feature, std::int64_t in,
                 std::int64_t read, std::int64_t out, std::int64_t requests)
    {
        UsageGroup g;
        g.provider = provider;
        g.model = model;
        g.feature = feature;
        UsageCell c;
        c.day = d;
        c.group = addGroup(*m_usage, g);
        c.tokens = {in, read, 0, 0, out};
        c.requests = requests;
        m_usage->cells.push_back(c);
    }

    // One day: chat on gpt-4o ($4.50 = 1M in × 2.50 + 200k out × 10) and agent on claude-sonnet-4
    // ($7.50 = 2M in × 3 + 100k out × 15).
    ScenarioResult run(const std::string &steps)
    {
        const PricedUsage priced(m_usage, m_catalog);
        return evaluate(priced, parse(steps));
    }

private Q_SLOTS:
    void initTestCase()
    {
        std::string error;
        QVERIFY2(Pricing::PriceCatalog::loadBuiltin(*m_catalog, error), error.c_str());
        m_usage->fromDay = m_usage->toDay = day("2025-07-01");
        addCell(m_usage->fromDay, "OpenAI", "gpt-4o-2024-08-06", "chat", 1'000'000, 0, 200'000, 1000);
        addCell(m_usage->fromDay, "Anthropic", "claude-sonnet-4-20250514", "agent", 2'000'000, 0, 100'000, 400);
    }

    void baseline()
    {
        const auto r = run("");
        QCOMPARE(r.baseline, usd("12.00"));
        QCOMPARE(r.scenario, usd("12.00"));
        QCOMPARE(r.savings, BigMoney(0));
        QCOMPARE(r.scenarioLow, r.scenarioHigh);
    }

    void steps_data()
    {
        TestSupport::addColumns<QString>({"steps", "scenario", "low", "high"});
        // 50% of chat to gpt-4o-mini: 500k × 0.15 + 100k × 0.60 = 0.135 moved (±10% = 0.0135), 2.25 stays.
        QTest::newRow("model swap") << R"({"type": "model_swap", "features": ["chat"], "from_model": "gpt-4o", "to_model": "gpt-4o-mini", "share_pct": 50})"
                                    << "9.885" << "9.8715" << "9.8985";
        // agent: 1.2M cacheable, 960k read × 0.30 + 240k written × 3.75 + 800k × 3 + 1.5 output.
        QTest::newRow("caching 5m") << R"({"type": "prompt_caching", "features": ["agent"], "cacheable_pct": 60, "hit_rate_pct": 80})"
                                    << "9.588" << "9.588" << "9.588";
        // The same at the 1-hour write price: 240k × 6.00.
        QTest::newRow("caching 1h") << R"({"type": "prompt_caching", "features": ["agent"], "cacheable_pct": 60, "hit_rate_pct": 80, "ttl": "1h"})"
                                    << "10.128" << "10.128" << "10.128";
        // chat at gpt-4o's batch price: 1M × 1.25 + 200k × 5.
        QTest::newRow("batch") << R"({"type": "batch", "features": ["chat"]})" << "9.75" << "9.75" << "9.75";
        // agent input cut 20%: 1.6M × 3 + 1.5.
        QTest::newRow("compression") << R"({"type": "compression", "features": ["agent"], "input_cut_pct": 20})"
                                     << "10.80" << "10.80" << "10.80";
        // 30% of chat's 1000 requests to a fallback at $0.001: 0.30 (±10%) + 70% of 4.50.
        QTest::newRow("routing fallback") << R"({"type": "routing", "features": ["chat"], "share_pct": 30, "fallback_cost_per_request": "0.001"})"
                                          << "10.95" << "10.92" << "10.98";
        // 30% of chat to gpt-4o-mini: 300k × 0.15 + 60k × 0.60 = 0.081 (±20% = 0.0162).
        QTest::newRow("routing model") << R"({"type": "routing", "features": ["chat"], "share_pct": 30, "to_model": "gpt-4o-mini", "band_pct": 20})"
                                       << "10.731" << "10.7148" << "10.7472";
        // agent self-hosted: 2 GPUs × 24 h × (50% × 4.00 + 50% × 1.00 × 1.10) = 122.40 a day (±5% = 6.12).
        QTest::newRow("self hosted") << R"({"type": "self_hosted", "features": ["agent"], "gpus": 2, "on_demand_per_hour": "4.00", "spot_per_hour": "1.00", "spot_share_pct": 50, "interruption_overhead_pct": 10, "band_pct": 5})"
                                     << "126.90" << "120.78" << "133.02";
        // Combined: compression first (1.6M), then caching on what is left: 960k cacheable.
        QTest::newRow("compression + caching") << R"({"type": "compression", "features": ["agent"], "input_cut_pct": 20},
                                                  {"type": "prompt_caching", "features": ["agent"], "cacheable_pct": 60, "hit_rate_pct": 80})"
                                               << "8.8704" << "8.8704" << "8.8704";
        // Swap then batch: the moved half is batched at gpt-4o-mini's batch price (0.0675), the rest at gpt-4o's (1.125).
        QTest::newRow("swap + batch") << R"({"type": "model_swap", "features": ["chat"], "to_model": "gpt-4o-mini", "share_pct": 50, "band_pct": 0},
                                         {"type": "batch", "features": ["chat"]})"
                                      << "8.6925" << "8.6925" << "8.6925";
    }
    void steps()
    {
        QFETCH(QString, steps);
        QFETCH(QString, scenario);
        QFETCH(QString, low);
        QFETCH(QString, high);
        const auto r = run(steps.toStdString());
        QVERIFY2(r.warnings.empty(), r.warnings.empty() ? "" : r.warnings.front().c_str());
        QCOMPARE(r.baseline, usd("12.00"));
        QCOMPARE(Cost::formatMoney(r.scenario), Cost::formatMoney(usd(qPrintable(scenario))));
        QCOMPARE(Cost::formatMoney(r.scenarioLow), Cost::formatMoney(usd(qPrintable(low))));
        QCOMPARE(Cost::formatMoney(r.scenarioHigh), Cost::formatMoney(usd(qPrintable(high))));
        QCOMPARE(r.savings, r.baseline - r.scenario);
        QCOMPARE(r.savingsLow, r.baseline - r.scenarioHigh);
        QCOMPARE(r.savingsHigh, r.baseline - r.scenarioLow);
        // One day of data: a month is 365/12 of it, a year 365.
        QCOMPARE(r.monthly, Pricing::roundDiv(r.savings * 365, 12));
        QCOMPARE(r.annual, r.savings * 365);
        BigMoney features = 0;
        for (const auto &f : r.features)
            features += f.scenario;
        QCOMPARE(features, r.scenario);
        QCOMPARE(r.daily.size(), std::size_t(1));
        QCOMPARE(r.daily[0].scenario, r.scenario);
    }

    // A period whose last day is still arriving is counted to where its data ends: the GPUs run
    // (and a month is scaled from) the hours the usage covers, not whole days.
    void aDayStillArrivingCountsItsHours()
    {
        auto usage = std::make_shared<UsageSnapshot>(*m_usage);
        QCOMPARE(usage->hours(), std::int64_t(24));
        usage->dataEnd = usage->fromDay * 86400 + 5 * 3600 + 1; // 05:00:01: six hours begun
        QCOMPARE(usage->hoursOf(usage->fromDay), std::int64_t(6));
        QCOMPARE(usage->hoursOf(usage->fromDay - 1), std::int64_t(24));
        QCOMPARE(usage->hoursOf(usage->fromDay + 1), std::int64_t(0));
        const PricedUsage priced(usage, m_catalog);
        // agent self-hosted: 122.40 a day (see steps()) for 6 hours = 30.60, chat stays at 4.50.
        const auto r = evaluate(priced, parse(R"({"type": "self_hosted", "features": ["agent"], "gpus": 2, "on_demand_per_hour": "4.00", "spot_per_hour": "1.00", "spot_share_pct": 50, "interruption_overhead_pct": 10})"));
        QCOMPARE(Cost::formatMoney(r.scenario), Cost::formatMoney(usd("35.10")));
        QCOMPARE(r.daily.at(0).scenario, r.scenario);
        QCOMPARE(r.hours, std::int64_t(6));
        QCOMPARE(r.monthly, Pricing::roundDiv(r.savings * 365 * 24, 12 * 6));
        QCOMPARE(r.annual, Pricing::roundDiv(r.savings * 365 * 24, 6));
    }

    // Cached tokens already in the usage stay cache reads: priced once at the cache price, and
    // caching more moves tokens out of input instead of adding reads on top.
    void cachedPricedOnce()
    {
        auto usage = std::make_shared<UsageSnapshot>();
        usage->fromDay = usage->toDay = day("2025-07-01");
        addModelCell(*usage, "OpenAI", "gpt-4o", {650'000, 600'000, 0, 0, 210'000}); // 1.25M input of which 600k cached
        const PricedUsage priced(usage, m_catalog);
        auto r = evaluate(priced, parse(""));
        QCOMPARE(r.baseline, usd("4.475")); // 650k × 2.50 + 600k × 1.25 + 210k × 10
        r = evaluate(priced, parse(R"({"type": "prompt_caching", "cacheable_pct": 100, "hit_rate_pct": 100})"));
        QCOMPARE(r.scenario, usd("3.6625")); // all 1.25M input at 1.25, output unchanged
    }

    void priceChangeInsidePeriod()
    {
        auto usage = std::make_shared<UsageSnapshot>();
        usage->fromDay = day("2024-10-01");
        usage->toDay = day("2024-10-02");
        UsageGroup g;
        g.provider = "OpenAI";
        g.model = "gpt-4o";
        const auto group = addGroup(*usage, g);
        for (std::int64_t d = usage->fromDay; d <= usage->toDay; ++d) {
            UsageCell c;
            c.day = d;
            c.group = group;
            c.tokens = {1'000'000, 0, 0, 0, 200'000};
            usage->cells.push_back(c);
        }
        const auto r = evaluate(PricedUsage(usage, m_catalog), parse(""));
        QCOMPARE(r.daily.size(), std::size_t(2));
        QCOMPARE(r.daily[0].baseline, usd("8.00")); // $5 / $15 until 2024-10-01
        QCOMPARE(r.daily[1].baseline, usd("4.50")); // $2.50 / $10 from 2024-10-02
        QCOMPARE(r.baseline, usd("12.50"));
    }

    void unpricedLeftOut()
    {
        auto usage = std::make_shared<UsageSnapshot>(*m_usage);
        addModelCell(*usage, "Acme", "mystery-model", {1'000'000, 0, 0, 0, 0}).billed = usd("9.99");
        const auto r = evaluate(PricedUsage(usage, m_catalog), parse(R"({"type": "model_swap", "to_model": "gpt-4o-mini"})"));
        QCOMPARE(r.baseline, usd("12.00"));
        QCOMPARE(r.unpriced.size(), std::size_t(1));
        QCOMPARE(r.unpriced[0].model, std::string("mystery-model"));
        QCOMPARE(r.unpriced[0].billed, usd("9.99"));
    }

    void stepWithoutPriceWarns()
    {
        // Batch on a model without a batch tier (llama-3-70b on Bedrock): traffic stays, with a warning.
        auto usage = std::make_shared<UsageSnapshot>();
        usage->fromDay = usage->toDay = day("2025-07-01");
        addModelCell(*usage, "Amazon Bedrock", "meta.llama3-70b-instruct-v1:0", {1'000'000, 0, 0, 0, 1'000'000});
        const auto r = evaluate(PricedUsage(usage, m_catalog), parse(R"({"type": "batch"})"));
        QCOMPARE(r.baseline, usd("6.15"));
        QCOMPARE(r.scenario, r.baseline);
        QCOMPARE(r.warnings.size(), std::size_t(1));
        const std::string english = r.warnings[0];
        QVERIFY2(english.find("has no batch price; its traffic stays real-time") != std::string::npos, english.c_str());
        // The app words it in the user's language (the command line installs no translation).
        QVERIFY(Translations::install(QStringLiteral("de")));
        const auto german = evaluate(PricedUsage(usage, m_catalog), parse(R"({"type": "batch"})"));
        Translations::install(QStringLiteral("en"));
        QCOMPARE(german.warnings.size(), std::size_t(1));
        QVERIFY2(german.warnings[0] != english && german.warnings[0].find("Batch") != std::string::npos, german.warnings[0].c_str());
    }

    // A swap with "context": "standard" (chunking) prices the long-context band's traffic at the
    // model's standard band with its input overhead, and leaves standard-band traffic alone.
    void chunkingLeavesTheLongContextBand()
    {
        auto usage = std::make_shared<UsageSnapshot>();
        usage->fromDay = usage->toDay = day("2025-07-01");
        UsageGroup g;
        g.provider = "Anthropic";
        g.model = "claude-sonnet-4";
        g.feature = "contracts";
        g.longContext = true;
        UsageCell c;
        c.day = usage->fromDay;
        c.group = addGroup(*usage, g);
        c.tokens = {3'000'000, 0, 0, 0, 100'000};
        c.requests = 10;
        usage->cells.push_back(c);
        g.longContext = false;
        c.group = addGroup(*usage, g);
        c.tokens = {1'000'000, 0, 0, 0, 0};
        usage->cells.push_back(c);
        const PricedUsage priced(usage, m_catalog);
        const std::string step = R"({"type": "model_swap", "features": ["contracts"], "to_model": "claude-sonnet-4",
                                     "context": "standard", "input_overhead_pct": 10, "band_pct": 10})";
        const auto r = evaluate(priced, parse(step));
        QVERIFY2(r.warnings.empty(), r.warnings.empty() ? "" : r.warnings.front().c_str());
        // Long band: 3M × 6 + 100k × 22.50 = 20.25; standard band: 1M × 3.
        QCOMPARE(Cost::formatMoney(r.baseline), Cost::formatMoney(usd("23.25")));
        // Chunked: 3.3M × 3 + 100k × 15 = 11.40 (±1.14); the standard-band 3.00 untouched (no overhead).
        QCOMPARE(Cost::formatMoney(r.scenario), Cost::formatMoney(usd("14.40")));
        QCOMPARE(Cost::formatMoney(r.scenarioLow), Cost::formatMoney(usd("13.26")));
        QCOMPARE(Cost::formatMoney(r.scenarioHigh), Cost::formatMoney(usd("15.54")));
        // Without "context": "standard" the same swap stays in the long band, overhead and all.
        const auto asIs = evaluate(priced, parse(R"({"type": "model_swap", "features": ["contracts"], "to_model": "claude-sonnet-4",
                                                    "input_overhead_pct": 10, "band_pct": 0})"));
        QCOMPARE(Cost::formatMoney(asIs.scenario), Cost::formatMoney(usd("25.35"))); // 3.3M × 6 + 2.25 + 1.1M × 3
        // The JSON keeps both fields; a wrong context is refused by name.
        Scenario s = parse(step);
        QCOMPARE(s.steps.size(), std::size_t(1));
        QVERIFY(s.steps[0].standardContext);
        QCOMPARE(s.steps[0].inputOverheadPpm, std::int64_t(100'000));
        const std::string json = scenarioToJson(s);
        QVERIFY2(json.find(R"("context": "standard")") != std::string::npos, json.c_str());
        Scenario back;
        std::string error;
        QVERIFY2(parseScenario(json, back, error), error.c_str());
        QCOMPARE(scenarioToJson(back), json);
        QCOMPARE(evaluate(priced, back).scenario, r.scenario);
        QVERIFY(scenarioToJson(parse(R"({"type": "model_swap", "to_model": "x"})")).find("context") == std::string::npos);
        QVERIFY(!parseScenario(R"({"burnrate_scenario": 1, "name": "x", "steps": [{"type": "model_swap", "to_model": "x", "context": "huge"}]})",
                               s, error));
        QVERIFY2(error.find("field 'context'") != std::string::npos, error.c_str());
    }

    void jsonFormat()
    {
        const std::string text = R"({"burnrate_scenario": 1, "name": "cheaper chat", "period": {"from": "2025-06-01", "to": "2025-06-30"},
            "filters": {"provider": "OpenAI"}, "steps": [
            {"type": "model_swap", "features": ["chat"], "from_model": "gpt-4o", "to_model": "gpt-4o-mini", "share_pct": 12.5},
            {"type": "prompt_caching", "cacheable_pct": "60", "hit_rate_pct": 80, "ttl": "1h"},
            {"type": "routing", "share_pct": 30, "fallback_cost_per_request": 0.0002},
            {"type": "self_hosted", "gpus": 2, "hours_per_day": 12, "on_demand_per_hour": "4.10", "spot_per_hour": "1.30", "spot_share_pct": 70, "interruption_overhead_pct": 15}]})";
        Scenario s;
        std::string error;
        QVERIFY2(parseScenario(text, s, error), error.c_str());
        QCOMPARE(s.steps.size(), std::size_t(4));
        QCOMPARE(s.steps[0].sharePpm, std::int64_t(125'000));
        QCOMPARE(s.steps[0].bandPpm, std::int64_t(100'000)); // default ±10% for swaps
        QVERIFY(s.steps[1].oneHourTtl);
        QCOMPARE(s.steps[2].fallbackPerRequest, Cost::Money(usd("0.0002")));
        QCOMPARE(s.steps[3].hoursPerDayPpm, std::int64_t(12'000'000));
        Scenario again;
        QVERIFY2(parseScenario(scenarioToJson(s), again, error), error.c_str());
        QCOMPARE(scenarioToJson(again), scenarioToJson(s));
        QCOMPARE(*again.fromDay, day("2025-06-01"));

        QVERIFY(!parseScenario(R"({"burnrate_scenario": 1, "name": "x", "steps": [{"type": "batch", "share_pct": 120}]})", s, error));
        QVERIFY2(error.find("steps[0] (batch): field 'share_pct'") != std::string::npos, error.c_str());
        QVERIFY(!parseScenario(R"({"burnrate_scenario": 1, "name": "x", "steps": [{"type": "teleport"}]})", s, error));
        QVERIFY2(error.find("teleport") != std::string::npos, error.c_str());

        QTemporaryDir dir;
        Cost::Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("s.sqlite")).toStdString()));
        QVERIFY(parseScenario(text, s, error));
        QVERIFY2(saveScenario(store.db(), s, error), error.c_str());
        QVERIFY(saveScenario(store.db(), s, error)); // replaces by name
        std::vector<Scenario> saved;
        QVERIFY(loadScenarios(store.db(), saved, error));
        QCOMPARE(saved.size(), std::size_t(1));
        QCOMPARE(scenarioToJson(saved[0]), scenarioToJson(s));
        QVERIFY(removeScenario(store.db(), "cheaper chat", error));
        QVERIFY(!removeScenario(store.db(), "cheaper chat", error));
    }

    // The PDF report's simulation section: estimate vs bill per model, and saved scenarios' savings.
    void reportSection()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("r.sqlite"));
        std::string error;
        {
            Cost::Store store;
            QVERIFY(store.open(db.toStdString()));
            QVERIFY2(TestSupport::addDemo(store.db(), day("2026-03-31"), 14, &error), error.c_str());
            Scenario s = parse(R"({"type": "model_swap", "features": ["chatbot"], "from_model": "gpt-4o", "to_model": "gpt-4o-mini", "share_pct": 50})");
            s.name = "Half of chatbot on mini";
            QVERIFY2(saveScenario(store.db(), s, error), error.c_str());
        }
        Report::registerSimulationSection();
        Report::ReportRequest request;
        request.fromDay = day("2026-03-18");
        request.toDay = day("2026-03-31");
        request.workspace = QStringLiteral("test");
        const QString out = qEnvironmentVariable("BURNRATE_KEEP_REPORT", dir.filePath(QStringLiteral("r.pdf")));
        Report::ReportWriter writer(request);
        const bool ok = writer.write(db, out);
        QVERIFY(Report::unregisterSection("simulations"));
        QVERIFY2(ok, qPrintable(writer.error()));
        int page = 0;
        for (const auto &entry : writer.stats().toc)
            if (entry.title == QStringLiteral("Prices and what-if scenarios"))
                page = entry.page;
        QVERIFY(page > 0);
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), QStringLiteral("-f"), QString::number(page), out, QStringLiteral("-")});
        if (!p.waitForFinished(30000) || p.exitCode() != 0)
            QSKIP("pdftotext (poppler-utils) is not available");
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(text.contains(QStringLiteral("Estimated vs billed")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("gpt-4o-mini")));
        QVERIFY(text.contains(QStringLiteral("Half of chatbot on mini")));
        QVERIFY(!text.contains(QStringLiteral("UNPRICED")));
    }
};

QTEST_MAIN(TestScenario)
#include "tst_scenario.moc"
