// Savings recommendations (issue #19, first part): on constructed usage where the right answer is
// known, that opportunity ranks first (a classifier on a large model → the smaller model; an agent
// with 20k-token prompts → prompt caching; a nightly summariser → the batch tier); every
// recommendation's scenario, read back from its JSON, prices to the same savings; and on the demo
// store `burnrate recommend` rows, run through `burnrate simulate`, give their own savings.
#include "domain/timeparse.h"
#include "recommend/recommend.h"
#include "simulation/scenario.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

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
        QVERIFY2(kinds.size() >= 2, qPrintable(QStringList(kinds.values()).join(u',')));
        // The CSV has the columns.
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("recommend")}, &out, &err), 0);
        QVERIFY(out.startsWith(QStringLiteral("kind,scope,monthly_savings,low,high,confidence,scenario\n")));
        QCOMPARE(out.count(QLatin1Char('\n')), static_cast<qsizetype>(rows.size() + 1));
    }
};

QTEST_GUILESS_MAIN(TestRecommend)
#include "tst_recommend.moc"
