// Scenario steps on hour-billed endpoints (issue #18 item 5): auto-scaling / scale-to-zero with a
// concurrency limit from the measured hourly load, spot with interruption and checkpoint overhead,
// an endpoint moved to the pay-per-token API, and pay-per-token traffic moved to an endpoint sized
// from its hourly shape. Every expected figure is computed by hand in the comment next to it.
#include "endpoints/endpointhours.h"
#include "endpoints/endpointstats.h"
#include "pricing/pricecatalog.h"
#include "pricing/pricedusage.h"
#include "pricing/pricestore.h"
#include "simulation/endpointsteps.h"
#include "simulation/scenarioengine.h"
#include "store/store.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Simulation;
using Cost::BigMoney;
using TestSupport::usd;

namespace {

Scenario parse(const std::string &steps, std::string *error = nullptr)
{
    Scenario s;
    std::string e;
    if (!parseScenario("{\"burnrate_scenario\": 1, \"name\": \"t\", \"steps\": [" + steps + "]}", s, e)) {
        if (error)
            *error = e;
        else
            qWarning("%s", e.c_str());
    }
    return s;
}

QString money(BigMoney v) { return QString::fromStdString(Cost::formatMoney(v, 2)); }

} // namespace

class TestEndpointScenario : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    // `burnrate simulate` on the fixture's day; the JSON result.
    QJsonObject simulate(const QString &steps, QString *errText = nullptr)
    {
        const QString path = m_dir.filePath(QStringLiteral("s.json"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QByteArrayLiteral("{\"burnrate_scenario\": 1, \"name\": \"endpoints\", \"steps\": [") + steps.toUtf8()
                + QByteArrayLiteral("]}"));
        f.close();
        QString out, err;
        const int code = TestSupport::runBurnrate({QStringLiteral("--db"), m_db, QStringLiteral("simulate"), QStringLiteral("--scenario"), path,
                                                   QStringLiteral("--from"), QStringLiteral("2026-03-02"), QStringLiteral("--to"),
                                                   QStringLiteral("2026-03-02"), QStringLiteral("--format"), QStringLiteral("json")},
                                                  &out, &err);
        if (errText)
            *errText = err;
        if (code != 0)
            qWarning("simulate failed: %s", qPrintable(err));
        return QJsonDocument::fromJson(out.toUtf8()).object();
    }

    static QJsonObject row(const QJsonObject &result, const QString &feature)
    {
        for (const auto v : result.value(QStringLiteral("features")).toArray())
            if (v.toObject().value(QStringLiteral("feature")).toString() == feature)
                return v.toObject();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("e.sqlite"));
        QString out, err;
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), m_db, QStringLiteral("import"),
                                           TestSupport::dataPath(QStringLiteral("endpoints/focus-endpoints.csv"))},
                                          &out, &err),
                 0);
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), m_db, QStringLiteral("telemetry"), QStringLiteral("import"),
                                           TestSupport::dataPath(QStringLiteral("endpoints/telemetry-chat-llama.csv"))},
                                          &out, &err),
                 0);
    }

    // The per-hour loads sum to the endpoint statistics; a daily line is split exactly over its hours.
    void hourLoadsSumToTheStats()
    {
        Cost::Store store;
        QVERIFY(store.open(m_db.toStdString()));
        Pricing::PriceCatalog catalog;
        std::string error;
        QVERIFY2(Pricing::loadCatalog(store.db(), catalog, error), error.c_str());
        std::vector<Endpoints::EndpointStats> stats;
        QVERIFY2(Endpoints::endpointStats(store.db(), catalog, std::nullopt, std::nullopt, stats, error), error.c_str());
        std::vector<std::vector<Endpoints::HourLoad>> loads;
        std::vector<bool> telemetry;
        QVERIFY2(Endpoints::endpointHourLoads(store.db(), stats, std::nullopt, std::nullopt, loads, telemetry, error), error.c_str());
        QCOMPARE(loads.size(), stats.size());
        for (std::size_t i = 0; i < stats.size(); ++i) {
            BigMoney cost = 0;
            std::int64_t requests = 0, tokens = 0;
            for (const auto &h : loads[i]) {
                cost += h.cost;
                requests += h.requests;
                for (const auto t : h.tokens)
                    tokens += t;
            }
            QCOMPARE(money(cost), money(stats[i].cost));
            QCOMPARE(requests, stats[i].requests);
            QCOMPARE(tokens, stats[i].tokens);
            QCOMPARE(static_cast<std::int64_t>(loads[i].size()), stats[i].paidClockHours);
            QCOMPARE(bool(telemetry[i]), stats[i].endpoint == "chat-llama");
            if (stats[i].endpoint == "embed-cpu") { // one line of 24 Hrs at $0.23: $0.23 and one hour in each clock hour
                QCOMPARE(loads[i].size(), std::size_t(24));
                for (const auto &h : loads[i]) {
                    QCOMPARE(money(h.cost), QStringLiteral("0.23"));
                    QCOMPARE(h.microHours, std::int64_t(1'000'000));
                }
            }
        }
    }

    // chat-llama: ml.g5.12xlarge at $7.09 in 09, 10, 11 and 12 UTC ($28.36); 120, 80, 0 and 40 requests.
    void scaling()
    {
        // 4 requests at once, 2 s each: ⌈120 × 2 / (3600 × 4)⌉ = 1 replica in 09, 10 and 12; 11 is idle
        // after a busy hour: the replica lingers 15 min = 0.25 h. 3 × 7.09 + 0.25 × 7.09 = 23.0425.
        QJsonObject r = simulate(QStringLiteral("{\"type\": \"endpoint_scaling\", \"endpoints\": [\"chat-llama\"], \"concurrency\": 4,"
                                                " \"request_seconds\": 2, \"scale_down_minutes\": 15}"));
        QJsonObject chat = row(r, QStringLiteral("(endpoint chat-llama)"));
        QCOMPARE(chat.value(QStringLiteral("baseline")).toString(), QStringLiteral("28.36"));
        QCOMPARE(chat.value(QStringLiteral("scenario")).toString(), QStringLiteral("23.0425"));
        QCOMPARE(chat.value(QStringLiteral("savings")).toString(), QStringLiteral("5.3175"));
        // Only the endpoint the step names: embed-cpu (no telemetry) is not part of the scenario.
        QVERIFY(row(r, QStringLiteral("(endpoint embed-cpu)")).isEmpty());

        // One request at a time, 60 s each: 09 needs ⌈7200 / 3600⌉ = 2 replicas, 10 ⌈4800 / 3600⌉ = 2,
        // 12 one, 11 0.25 → 5.25 replica hours × 7.09 = 37.2225: more than billed, said as it is.
        r = simulate(QStringLiteral("{\"type\": \"endpoint_scaling\", \"endpoints\": [\"chat-llama\"], \"concurrency\": 1,"
                                    " \"request_seconds\": 60}"));
        chat = row(r, QStringLiteral("(endpoint chat-llama)"));
        QCOMPARE(chat.value(QStringLiteral("scenario")).toString(), QStringLiteral("37.2225"));
        QCOMPARE(chat.value(QStringLiteral("savings")).toString(), QStringLiteral("-8.8625"));

        // Two replicas always up: max(2, need) = 2 in every paid hour = 8 × 7.09 = 56.72.
        r = simulate(QStringLiteral("{\"type\": \"endpoint_scaling\", \"endpoints\": [\"chat-llama\"], \"min_replicas\": 2}"));
        QCOMPARE(row(r, QStringLiteral("(endpoint chat-llama)")).value(QStringLiteral("scenario")).toString(), QStringLiteral("56.72"));

        // Every endpoint: the ones without telemetry stay as billed, with a warning naming them.
        QString err;
        r = simulate(QStringLiteral("{\"type\": \"endpoint_scaling\"}"), &err);
        const QJsonObject embed = row(r, QStringLiteral("(endpoint embed-cpu)"));
        QCOMPARE(embed.value(QStringLiteral("baseline")).toString(), QStringLiteral("5.52"));
        QCOMPARE(embed.value(QStringLiteral("savings")).toString(), QStringLiteral("0.00"));
        QVERIFY2(err.contains(QStringLiteral("no telemetry matches embed-cpu")), qPrintable(err));
    }

    // Spot: 60% off, 5% of the hours lost to interruptions, 2% to checkpointing:
    // factor 0.4 × 1.07 = 0.428; 28.36 × 0.428 = 12.13808. After the scaling above: 23.0425 × 0.428 = 9.86219.
    void spotAndScaling()
    {
        const QString spot = QStringLiteral("{\"type\": \"endpoint_spot\", \"endpoints\": [\"chat-llama\"], \"spot_discount_pct\": 60,"
                                            " \"interruption_overhead_pct\": 5, \"checkpoint_overhead_pct\": 2}");
        QJsonObject r = simulate(spot);
        QCOMPARE(row(r, QStringLiteral("(endpoint chat-llama)")).value(QStringLiteral("scenario")).toString(), QStringLiteral("12.13808"));
        r = simulate(QStringLiteral("{\"type\": \"endpoint_scaling\", \"endpoints\": [\"chat-llama\"], \"concurrency\": 4, "
                                    "\"request_seconds\": 2},")
                     + spot);
        QCOMPARE(row(r, QStringLiteral("(endpoint chat-llama)")).value(QStringLiteral("scenario")).toString(), QStringLiteral("9.86219"));
        // Half the hours on spot: 0.5 + 0.5 × 0.428 = 0.714 → 20.24904.
        r = simulate(QStringLiteral("{\"type\": \"endpoint_spot\", \"endpoints\": [\"chat-llama\"], \"spot_share_pct\": 50,"
                                    " \"spot_discount_pct\": 60, \"interruption_overhead_pct\": 5, \"checkpoint_overhead_pct\": 2}"));
        QCOMPARE(row(r, QStringLiteral("(endpoint chat-llama)")).value(QStringLiteral("scenario")).toString(), QStringLiteral("20.24904"));
    }

    // To the API: the 240 requests' 168,000 tokens in the paid hours at llama-3-1-70b's $0.72 / 1M =
    // 0.12096 (the `endpoints` command's API equivalent); the 15:00 call is outside the paid hours.
    void endpointToApi()
    {
        QJsonObject r = simulate(QStringLiteral("{\"type\": \"endpoint_to_api\", \"endpoints\": [\"chat-llama\"]}"));
        QJsonObject chat = row(r, QStringLiteral("(endpoint chat-llama)"));
        QCOMPARE(chat.value(QStringLiteral("scenario")).toString(), QStringLiteral("0.12096"));
        QCOMPARE(chat.value(QStringLiteral("savings")).toString(), QStringLiteral("28.23904"));
        // Another model: gpt-4o-mini at $0.15 in / $0.60 out: 120,000 × 0.15 + 48,000 × 0.60 = 0.0468.
        r = simulate(QStringLiteral("{\"type\": \"endpoint_to_api\", \"endpoints\": [\"chat-llama\"], \"to_model\": \"gpt-4o-mini\","
                                    " \"to_provider\": \"openai\"}"));
        QCOMPARE(row(r, QStringLiteral("(endpoint chat-llama)")).value(QStringLiteral("scenario")).toString(), QStringLiteral("0.0468"));
        // No telemetry: it stays on its endpoint, and the warning says why.
        QString err;
        r = simulate(QStringLiteral("{\"type\": \"endpoint_to_api\", \"endpoints\": [\"embed-cpu\"]}"), &err);
        QCOMPARE(row(r, QStringLiteral("(endpoint embed-cpu)")).value(QStringLiteral("scenario")).toString(), QStringLiteral("5.52"));
        QVERIFY2(err.contains(QStringLiteral("no telemetry of the tokens embed-cpu served")), qPrintable(err));
        // A name that is no endpoint of the period.
        simulate(QStringLiteral("{\"type\": \"endpoint_spot\", \"endpoints\": [\"nope\"], \"spot_discount_pct\": 50}"), &err);
        QVERIFY2(err.contains(QStringLiteral("no hour-billed endpoint")), qPrintable(err));
    }

    // The reverse: gpt-4o-mini traffic of 10.8M input tokens in one day ($1.62 at $0.15 / 1M) on an
    // endpoint of 1,000 tokens/s per replica (3.6M an hour) at $1.20 an hour.
    void apiToEndpoint()
    {
        auto catalog = std::make_shared<Pricing::PriceCatalog>();
        std::string error;
        QVERIFY2(Pricing::PriceCatalog::loadBuiltin(*catalog, error), error.c_str());
        auto usage = std::make_shared<UsageSnapshot>();
        usage->fromDay = usage->toDay = TestSupport::day("2025-07-01");
        UsageGroup g;
        g.provider = "OpenAI";
        g.model = "gpt-4o-mini";
        g.feature = "classify";
        UsageCell c;
        c.day = usage->fromDay;
        c.group = addGroup(*usage, g);
        c.tokens = {10'800'000, 0, 0, 0, 0};
        usage->cells.push_back(c);
        const PricedUsage priced(usage, catalog);

        EndpointInputs inputs;
        inputs.groupShape.assign(1, {});
        inputs.groupShape[0][9] = 2; // two thirds at 09:00 (7.2M: 2 replicas), a third at 10:00 (3.6M: 1)
        inputs.groupShape[0][10] = 1;
        const std::string step = R"({"type": "api_to_endpoint", "features": ["classify"], "per_hour": "1.20", "tokens_per_second": 1000)";
        // Scale to zero: 3 replica hours = 3.60.
        ScenarioResult r = evaluate(priced, parse(step + R"(, "min_replicas": 0})"), nullptr, &inputs);
        QCOMPARE(money(r.baseline), QStringLiteral("1.62"));
        QCOMPARE(money(r.scenario), QStringLiteral("3.60"));
        QCOMPARE(money(r.daily.at(0).scenario), QStringLiteral("3.60"));
        // One replica always up: 2 + 1 + 22 = 25 replica hours = 30.00.
        r = evaluate(priced, parse(step + "}"), nullptr, &inputs);
        QCOMPARE(money(r.scenario), QStringLiteral("30.00"));
        // Half of it: 5.4M (3.6M at 09:00, 1.8M at 10:00: 1 + 1 replica) = 2.40, the other half stays: 0.81.
        r = evaluate(priced, parse(step + R"(, "min_replicas": 0, "share_pct": 50})"), nullptr, &inputs);
        QCOMPARE(money(r.scenario), QStringLiteral("3.21"));
        // Without an hourly shape the day is flat: 450,000 tokens an hour, 1 replica each = 28.80.
        r = evaluate(priced, parse(step + R"(, "min_replicas": 0})"));
        QCOMPARE(money(r.scenario), QStringLiteral("28.80"));
        bool newRow = false;
        for (const auto &f : r.features)
            newRow = newRow || (f.feature == "(new endpoint)" && money(f.scenario) == QStringLiteral("28.80"));
        QVERIFY(newRow);
        // Endpoint steps without the endpoints' hours say so.
        r = evaluate(priced, parse(R"({"type": "endpoint_spot", "spot_discount_pct": 50})"));
        QCOMPARE(r.warnings.size(), std::size_t(1));

        // A day still arriving, its data until 11:00: the replicas run the eleven hours the usage
        // covers, not the whole day. One always up: 1 × 9 (00–08) + 2 (09) + 1 (10) = 12 replica hours.
        usage->dataEnd = usage->fromDay * 86400 + 11 * 3600;
        QCOMPARE(usage->hours(), std::int64_t(11));
        const PricedUsage partial(usage, catalog);
        r = evaluate(partial, parse(step + "}"), nullptr, &inputs);
        QCOMPARE(money(r.scenario), QStringLiteral("14.40"));
        QCOMPARE(r.hours, std::int64_t(11));
        // Flat: the 10.8M over eleven hours (under one replica's 3.6M each) = 11 replica hours.
        r = evaluate(partial, parse(step + R"(, "min_replicas": 0})"));
        QCOMPARE(money(r.scenario), QStringLiteral("13.20"));
        // Per month from the hours covered: savings × 365 × 24 / (12 × 11).
        QCOMPARE(r.monthly, Pricing::roundDiv(r.savings * 365 * 24, 12 * 11));
    }

    void jsonFormat()
    {
        const std::string steps = R"({"type": "endpoint_scaling", "endpoints": ["a", "b"], "min_replicas": 1, "concurrency": 8,
              "request_seconds": "1.25", "scale_down_minutes": 5, "band_pct": 20},
            {"type": "endpoint_spot", "providers": ["AWS"], "spot_share_pct": 80, "spot_discount_pct": 65,
              "interruption_overhead_pct": 4, "checkpoint_overhead_pct": 1},
            {"type": "endpoint_to_api", "endpoints": ["b"], "to_model": "llama-3-1-70b", "to_provider": "bedrock"},
            {"type": "api_to_endpoint", "features": ["classify"], "share_pct": 50, "per_hour": "1.006", "tokens_per_second": 2500})";
        const Scenario s = parse(steps);
        QCOMPARE(s.steps.size(), std::size_t(4));
        QCOMPARE(s.steps[0].type, StepType::EndpointScaling);
        QCOMPARE(s.steps[0].scope.endpoints, (std::vector<std::string>{"a", "b"}));
        QCOMPARE(s.steps[0].requestMs, std::int64_t(1250));
        QCOMPARE(s.steps[0].concurrency, std::int64_t(8));
        QCOMPARE(s.steps[0].bandPpm, std::int64_t(200'000));
        QCOMPARE(s.steps[1].spotDiscountPpm, std::int64_t(650'000));
        QCOMPARE(s.steps[1].checkpointPpm, std::int64_t(10'000));
        QCOMPARE(s.steps[1].bandPpm, std::int64_t(100'000)); // default ±10%
        QCOMPARE(s.steps[2].toModel, std::string("llama-3-1-70b"));
        QCOMPARE(s.steps[3].perHour, Cost::Money(usd("1.006")));
        QCOMPARE(s.steps[3].minReplicas, std::int64_t(1)); // default: one replica always up
        Scenario again;
        std::string error;
        QVERIFY2(parseScenario(scenarioToJson(s), again, error), error.c_str());
        QCOMPARE(scenarioToJson(again), scenarioToJson(s));

        parse(R"({"type": "endpoint_scaling", "concurrency": 0})", &error);
        QVERIFY2(error.find("steps[0] (endpoint_scaling): field 'concurrency'") != std::string::npos, error.c_str());
        parse(R"({"type": "endpoint_scaling", "request_seconds": "0"})", &error);
        QVERIFY2(error.find("'request_seconds'") != std::string::npos, error.c_str());
        parse(R"({"type": "endpoint_spot"})", &error);
        QVERIFY2(error.find("'spot_discount_pct': is required") != std::string::npos, error.c_str());
        parse(R"({"type": "api_to_endpoint", "per_hour": 1})", &error);
        QVERIFY2(error.find("'tokens_per_second': is required") != std::string::npos, error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestEndpointScenario)
#include "tst_endpointscenario.moc"
