// Savings recommendations (issue #19, first part): on constructed usage where the right answer is
// known, that opportunity ranks first (a classifier on a large model → the smaller model; an agent
// with 20k-token prompts → prompt caching; a nightly summariser → the batch tier); every
// recommendation's scenario, read back from its JSON, prices to the same savings; and on the demo
// store `burnrate recommend` rows, run through `burnrate simulate`, give their own savings.
#include "domain/timeparse.h"
#include "recommend/recommend.h"
#include "simulation/trafficprofile.h"
#include "store/store.h"
#include "simulation/scenario.h"
#include "testsupport.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <set>

using namespace Simulation;

namespace {

// 30 days of one feature on one model: `requests` a day with `in` uncached input and `out` output
// tokens each.
std::shared_ptr<UsageSnapshot> usage(const char *provider, const char *model, const char *feature, std::int64_t requests,
                                     std::int64_t in, std::int64_t out)
{
    auto u = std::make_shared<UsageSnapshot>();
    u->fromDay = Cost::daysFromCivil(2025, 6, 1);
    u->toDay = u->fromDay + 29;
    u->currency = "USD";
    UsageGroup g;
    g.provider = provider;
    g.model = model;
    g.feature = feature;
    const std::uint32_t group = addGroup(*u, g);
    for (std::int64_t d = u->fromDay; d <= u->toDay; ++d) {
        UsageCell c;
        c.day = d;
        c.group = group;
        c.tokens = {requests * in, 0, 0, 0, requests * out};
        c.requests = requests;
        u->cells.push_back(c);
    }
    return u;
}

// `usage()` with the days in `spikes` (offsets from the first day) at `factorPct`% of the traffic.
std::shared_ptr<UsageSnapshot> spiky(const char *provider, const char *model, const char *feature, std::int64_t requests,
                                     std::int64_t in, std::int64_t out, std::set<std::int64_t> spikes, std::int64_t factorPct)
{
    auto u = usage(provider, model, feature, requests, in, out);
    for (auto &c : u->cells)
        if (spikes.count(c.day - u->fromDay)) {
            for (auto &t : c.tokens)
                t = t * factorPct / 100;
            c.requests = c.requests * factorPct / 100;
        }
    return u;
}

} // namespace

class TestRecommend : public QObject {
    Q_OBJECT

    std::shared_ptr<Pricing::PriceCatalog> m_catalog = std::make_shared<Pricing::PriceCatalog>();
    QTemporaryDir m_dir;

    std::vector<Recommend::Recommendation> run(const std::shared_ptr<UsageSnapshot> &u)
    {
        const PricedUsage priced(u, m_catalog);
        auto found = Recommend::recommend(priced);
        // Each scenario, written and read back as `simulate` would, prices to the same savings.
        for (const auto &r : found) {
            Scenario back;
            std::string error;
            if (!parseScenario(scenarioToJson(r.scenario), back, error))
                qWarning("%s", error.c_str());
            const ScenarioResult again = evaluate(priced, back);
            if (again.monthly != r.result.monthly || again.monthlyLow != r.result.monthlyLow)
                qWarning("%s: %s vs %s", r.scope.c_str(), Cost::formatMoney(again.monthly).c_str(),
                         Cost::formatMoney(r.result.monthly).c_str());
            [&] { QCOMPARE(again.monthly, r.result.monthly); }();
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        std::string error;
        QVERIFY2(Pricing::PriceCatalog::loadBuiltin(*m_catalog, error), error.c_str());
    }

    void classifierOnALargeModelGoesSmaller()
    {
        const auto found = run(usage("OpenAI", "gpt-4o", "classify", 10'000, 500, 5));
        QVERIFY(!found.empty());
        QCOMPARE(found.front().kind, Recommend::Kind::SmallerModel);
        QCOMPARE(found.front().scenario.steps.front().toModel, std::string("gpt-4o-mini"));
        QVERIFY(found.front().result.monthly > 0);
        QVERIFY(found.front().result.monthlyLow <= found.front().result.monthly);
        QVERIFY(found.front().result.monthly <= found.front().result.monthlyHigh);
        QVERIFY(found.front().evidence.find("5 output tokens per request") != std::string::npos);
        for (std::size_t i = 1; i < found.size(); ++i)
            QVERIFY(found[i - 1].result.monthly >= found[i].result.monthly);
    }

    void agentWithLongPromptsCaches()
    {
        const auto found = run(usage("Anthropic", "claude-sonnet-4", "agent", 1'000, 20'000, 800));
        QVERIFY(!found.empty());
        QCOMPARE(found.front().kind, Recommend::Kind::PromptCaching);
        QCOMPARE(found.front().scope, std::string("feature agent on claude-sonnet-4 (Anthropic)"));
        QVERIFY(found.front().confidence >= 0.7);
        // No smaller model for 800-token answers: they do not look routine.
        for (const auto &r : found)
            QVERIFY(r.kind != Recommend::Kind::SmallerModel);
    }

    void nightlySummariserBatches()
    {
        const auto found = run(usage("OpenAI", "gpt-4o", "nightly-summarize", 200, 3'000, 400));
        QVERIFY(!found.empty());
        QCOMPARE(found.front().kind, Recommend::Kind::Batch);
    }

    // A contract reviewer sending 300k-token prompts, billed at claude-sonnet-4's long-context band:
    // chunking them below the threshold (+10% input) beats caching and compression.
    void longContextPromptsAreChunked()
    {
        auto u = usage("Anthropic", "claude-sonnet-4", "contract-review", 100, 300'000, 2'000);
        u->groups[0].longContext = true;
        const auto found = run(u);
        QVERIFY(!found.empty());
        QCOMPARE(found.front().kind, Recommend::Kind::LongContext);
        QCOMPARE(std::string(Recommend::kindName(found.front().kind)), std::string("long_context"));
        const auto &step = found.front().scenario.steps.front();
        QCOMPARE(step.type, StepType::ModelSwap);
        QCOMPARE(step.toModel, std::string("claude-sonnet-4"));
        QVERIFY(step.standardContext);
        QCOMPARE(step.inputOverheadPpm, std::int64_t(100'000));
        // Per day: 30M × 6 + 200k × 22.50 = 184.50 → 33M × 3 + 200k × 15 = 102: 82.50 a day saved.
        QCOMPARE(found.front().result.savings, Cost::BigMoney(30) * 825 * Cost::kMoneyScale / 10);
        QVERIFY(found.front().evidence.find("long-context band, avg 300,000 per request") != std::string::npos);
        // The same traffic at the standard band: nothing to chunk.
        for (const auto &r : run(usage("Anthropic", "claude-sonnet-4", "contract-review", 100, 300'000, 2'000)))
            QVERIFY(r.kind != Recommend::Kind::LongContext);
    }

    // An agent whose spend runs 8× on two days of 30: a daily limit at the highest ordinary day
    // ($27: 5M × 3 + 800k × 15) and the overflow (2 × $189 of $1,188) routed to claude-3-5-haiku.
    void spikyFeatureGetsAGuardrail()
    {
        const auto found = run(spiky("Anthropic", "claude-3-5-sonnet", "agent", 1'000, 5'000, 800, {9, 10}, 800));
        const auto it = std::find_if(found.begin(), found.end(), [](const auto &r) { return r.kind == Recommend::Kind::Guardrail; });
        QVERIFY(it != found.end());
        QCOMPARE(std::string(Recommend::kindName(it->kind)), std::string("guardrail"));
        QCOMPARE(it->dailyLimit, Cost::Money(27 * Cost::kMoneyScale));
        QCOMPARE(it->fallbackModel, std::string("claude-3-5-haiku"));
        const auto &step = it->scenario.steps.front();
        QCOMPARE(step.type, StepType::Routing);
        QCOMPARE(step.toModel, std::string("claude-3-5-haiku"));
        QCOMPARE(step.sharePpm, std::int64_t(318'182)); // 378 / 1,188
        QVERIFY2(it->evidence.find("2 spiky days (up to 216.00 USD a day; median 27.00 USD") != std::string::npos, it->evidence.c_str());
        QVERIFY(it->result.monthly > 0);
        // Flat spend: no guardrail.
        for (const auto &r : run(usage("Anthropic", "claude-3-5-sonnet", "agent", 1'000, 5'000, 800)))
            QVERIFY(r.kind != Recommend::Kind::Guardrail);
        // One spike of 1.4×: under 1.5× the median, not an incident.
        for (const auto &r : run(spiky("Anthropic", "claude-3-5-sonnet", "agent", 1'000, 5'000, 800, {9}, 140)))
            QVERIFY(r.kind != Recommend::Kind::Guardrail);
    }

    // Batch from the traffic's hours: a neutrally named pipeline running around the clock gets the
    // batch tier; an interactive feature with a day/night cycle, or the pipeline without hourly
    // data, does not.
    void flatTrafficBatches()
    {
        Simulation::TrafficProfiles profiles;
        auto &flat = profiles.byFeatureModel[{"pipeline", "gpt-4o"}];
        auto &cycle = profiles.byFeatureModel[{"chat", "gpt-4o"}];
        for (int h = 0; h < 24; ++h) {
            flat[static_cast<std::size_t>(h)] = 1'000 + 37 * (h % 5);
            cycle[static_cast<std::size_t>(h)] = h >= 8 && h < 20 ? 1'000 : 150;
        }
        QCOMPARE(Simulation::shapeOf(flat), Simulation::TrafficShape::Flat);
        QCOMPARE(Simulation::shapeOf(cycle), Simulation::TrafficShape::Interactive);
        const auto pipeline = usage("OpenAI", "gpt-4o-2024-08-06", "pipeline", 200, 3'000, 400);
        auto found = Recommend::recommend(PricedUsage(pipeline, m_catalog), &profiles);
        QVERIFY(!found.empty());
        QCOMPARE(found.front().kind, Recommend::Kind::Batch);
        QCOMPARE(found.front().confidence, 0.7);
        QVERIFY2(found.front().evidence.find("as much at night as by day") != std::string::npos, found.front().evidence.c_str());
        for (const auto &r : Recommend::recommend(PricedUsage(pipeline, m_catalog)))
            QVERIFY(r.kind != Recommend::Kind::Batch);
        for (const auto &r : Recommend::recommend(PricedUsage(usage("OpenAI", "gpt-4o", "chat", 200, 3'000, 400), m_catalog), &profiles))
            QVERIFY(r.kind != Recommend::Kind::Batch);
        // A nightly job: most of it in two hours.
        std::array<std::int64_t, 24> bulk{};
        bulk[2] = 5'000;
        bulk[3] = 4'000;
        bulk[14] = 800;
        QCOMPARE(Simulation::shapeOf(bulk), Simulation::TrafficShape::Bulk);
        // The name alone is the weaker signal; with a day/night cycle against it, weaker still.
        found = Recommend::recommend(PricedUsage(usage("OpenAI", "gpt-4o", "summarize", 200, 3'000, 400), m_catalog));
        QCOMPARE(found.front().kind, Recommend::Kind::Batch);
        QCOMPARE(found.front().confidence, 0.4);
        profiles.byFeatureModel[{"summarize", "gpt-4o"}] = cycle;
        found = Recommend::recommend(PricedUsage(usage("OpenAI", "gpt-4o", "summarize", 200, 3'000, 400), m_catalog), &profiles);
        QCOMPARE(found.front().confidence, 0.3);
    }

    // The hours come from the store: application telemetry (a flat pipeline, a chat with a cycle).
    void trafficProfilesFromTheStore()
    {
        Cost::Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("hours.sqlite")).toStdString()));
        const std::int64_t first = Cost::daysFromCivil(2025, 6, 1);
        std::string sql = "BEGIN;";
        for (std::int64_t hour = first * 24; hour < (first + 7) * 24; ++hour) {
            const std::int64_t h = hour % 24;
            for (const auto &[feature, input] : {std::pair<const char *, std::int64_t>{"pipeline", 900 + 10 * (h % 3)},
                                                 {"chat", h >= 8 && h < 20 ? 1'000 : 100}})
                sql += "INSERT INTO telemetry_usage VALUES(" + std::to_string(hour) + ", 'openai', 'gpt-4o', '" + feature
                    + "', '', '', 'otel', " + std::to_string(input) + ", 0, 0, 50, 10, 0, '');";
        }
        QVERIFY(store.db().exec(sql + "COMMIT;"));
        Simulation::TrafficProfiles profiles;
        std::string error;
        QVERIFY2(Simulation::loadTrafficProfiles(store.db(), first, first + 6, profiles, error), error.c_str());
        QCOMPARE(profiles.shape("pipeline", "gpt-4o-2024-08-06"), Simulation::TrafficShape::Flat);
        QCOMPARE(profiles.shape("chat", "gpt-4o"), Simulation::TrafficShape::Interactive);
        // Outside the period: nothing.
        QVERIFY(Simulation::loadTrafficProfiles(store.db(), first + 7, first + 9, profiles, error));
        QCOMPARE(profiles.shape("pipeline", "gpt-4o"), Simulation::TrafficShape::Unknown);
    }

    void nothingToSayAboutSmallBalancedTraffic()
    {
        // Chat on a small model, short prompts, long answers: no rule fires.
        QVERIFY(run(usage("OpenAI", "gpt-4o-mini", "chat", 100, 300, 400)).empty());
    }

    // The acceptance: on the demo store every row's scenario, through `burnrate simulate`, gives
    // the row's monthly savings to the cent.
    void demoRowsMatchSimulate()
    {
        const QString db = m_dir.filePath(QStringLiteral("demo.sqlite"));
        std::string error;
        QVERIFY2(TestSupport::writeDemoStore(db, Cost::daysFromCivil(2026, 3, 18), 60, &error), error.c_str());
        QString out, err;
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("recommend"), QStringLiteral("--format"),
                                           QStringLiteral("json")},
                                          &out, &err),
                 0);
        const auto doc = nlohmann::json::parse(out.toStdString());
        const auto &rows = doc.at("recommendations");
        QVERIFY2(rows.size() >= 2, out.left(2000).toUtf8().constData());
        QSet<QString> kinds;
        int i = 0;
        for (const auto &row : rows) {
            kinds.insert(QString::fromStdString(row.at("kind").get<std::string>()));
            const QString file = m_dir.filePath(QStringLiteral("scenario%1.json").arg(i++));
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray::fromStdString(row.at("scenario").dump()));
            f.close();
            QString sim;
            QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("simulate"), QStringLiteral("--scenario"), file,
                                               QStringLiteral("--format"), QStringLiteral("csv")},
                                              &sim, &err),
                     0);
            const QString expected = QStringLiteral("savings_monthly,%1,%2,%3")
                                         .arg(QString::fromStdString(row.at("monthly_savings").get<std::string>()),
                                              QString::fromStdString(row.at("low").get<std::string>()),
                                              QString::fromStdString(row.at("high").get<std::string>()));
            QVERIFY2(sim.contains(expected), qPrintable(expected + QStringLiteral("\n") + sim));
        }
        // Every kind the demo's usage has a case for (it has no long-context traffic).
        for (const char *kind : {"smaller_model", "prompt_caching", "batch", "compression", "guardrail"})
            QVERIFY2(kinds.contains(QLatin1String(kind)), qPrintable(QLatin1String(kind) + QStringLiteral(" missing: ")
                                                                     + QStringList(kinds.values()).join(u',')));
        // The guardrail's limit and fallback, in the JSON and in the quota files, read back.
        const auto guardrail = std::find_if(rows.begin(), rows.end(), [](const auto &r) { return r.at("kind") == "guardrail"; });
        QVERIFY(guardrail != rows.end());
        const std::string limit = guardrail->at("daily_limit").get<std::string>();
        QVERIFY(!guardrail->at("fallback_model").get<std::string>().empty());
        const QString quotas = m_dir.filePath(QStringLiteral("quotas.json"));
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("recommend"), QStringLiteral("--quotas"), quotas},
                                          &out, &err),
                 0);
        QFile qf(quotas);
        QVERIFY(qf.open(QIODevice::ReadOnly));
        const auto lite = nlohmann::json::parse(qf.readAll().toStdString());
        qf.close();
        QCOMPARE(lite.at("tags").size(), static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](const auto &r) {
                     return r.at("kind") == "guardrail";
                 })));
        const auto tag = std::find_if(lite.at("tags").begin(), lite.at("tags").end(),
                                      [&](const auto &t) { return t.at("name") == guardrail->at("feature"); });
        QVERIFY(tag != lite.at("tags").end());
        QCOMPARE(tag->at("budget_duration").get<std::string>(), std::string("1d"));
        QCOMPARE(Cost::formatMoney(Cost::BigMoney(std::llround(tag->at("max_budget").get<double>() * 100)) * (Cost::kMoneyScale / 100), 2), limit);
        QCOMPARE(tag->at("fallback_model").get<std::string>(), guardrail->at("fallback_model").get<std::string>());
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("recommend"), QStringLiteral("--quotas"), quotas,
                                           QStringLiteral("--quota-format"), QStringLiteral("openai")},
                                          &out, &err),
                 0);
        QVERIFY(qf.open(QIODevice::ReadOnly));
        const auto openai = nlohmann::json::parse(qf.readAll().toStdString());
        const auto &project = openai.at("projects").at(0);
        QCOMPARE(project.at("spend_limit").at("interval").get<std::string>(), std::string("month"));
        Cost::Money daily = 0;
        QVERIFY(Cost::parseMoney(project.at("daily_limit").get<std::string>(), daily) == Cost::ParseStatus::Ok);
        // The daily limit over an average month, in cents, rounded up.
        const Cost::BigMoney cents = project.at("spend_limit").at("threshold_amount").get<std::int64_t>();
        QVERIFY(cents * (Cost::kMoneyScale / 100) * 12 >= Cost::BigMoney(daily) * 365);
        QVERIFY((cents - 1) * (Cost::kMoneyScale / 100) * 12 < Cost::BigMoney(daily) * 365);
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("recommend"), QStringLiteral("--quotas"), quotas,
                                           QStringLiteral("--quota-format"), QStringLiteral("yaml")},
                                          &out, &err),
                 2);
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("recommend"), QStringLiteral("--quota-format"),
                                           QStringLiteral("openai")},
                                          &out, &err),
                 2);
        QVERIFY2(err.contains(QStringLiteral("--quota-format needs --quotas FILE")), qPrintable(err));
        // The demo's hourly charges follow office hours: its chatbot is interactive.
        Cost::Store store;
        QVERIFY(store.open(db.toStdString()));
        Simulation::TrafficProfiles profiles;
        QVERIFY2(Simulation::loadTrafficProfiles(store.db(), TestSupport::day(doc.at("from").get<std::string>().c_str()),
                                                TestSupport::day(doc.at("to").get<std::string>().c_str()), profiles, error),
                 error.c_str());
        QCOMPARE(profiles.shape("chatbot", "gpt-4o"), Simulation::TrafficShape::Interactive);
        // The CSV has the columns.
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("recommend")}, &out, &err), 0);
        QVERIFY(out.startsWith(QStringLiteral("kind,scope,monthly_savings,low,high,confidence,scenario\n")));
        QCOMPARE(out.count(QLatin1Char('\n')), static_cast<qsizetype>(rows.size() + 1));
    }
};

QTEST_GUILESS_MAIN(TestRecommend)
#include "tst_recommend.moc"
