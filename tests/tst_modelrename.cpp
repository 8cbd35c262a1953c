// Stores written before model names were unified: what the user wrote against the old names
// (anomalies, budgets, allocation rules, scenario filters) follows the rename when the store is
// opened (migration 10), and nothing else changes.

#include "allocation/allocation.h"
#include "simulation/scenario.h"
#include "simulation/scenariostore.h"
#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

using Cost::Store;

namespace {

std::int64_t count(Store &store, const std::string &sql) { return store.db().scalar(sql); }

} // namespace

class TestModelRename : public QObject {
    Q_OBJECT

private slots:
    void userObjectsFollowTheRename()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("old.sqlite")).toStdString();
        std::string error;
        {
            Store store;
            QVERIFY(store.open(path));
            Cost::SqliteDb &db = store.db();
            // As a build before the rename stored them.
            QVERIFY(db.exec("INSERT INTO anomaly(series_dim, series_value, grain, start, end, peak, points, actual, expected,"
                            " band_low, band_high, score, detected_at) VALUES"
                            " ('model', 'gpt-4o-2024-08-06', 'day', 0, 86400, 0, 1, 5, 1, 0, 2, 0.9, 'x'),"
                            " ('feature', 'gpt-4o-2024-08-06', 'day', 0, 86400, 0, 1, 5, 1, 0, 2, 0.9, 'x'),"
                            " ('model', 'my-own-model', 'day', 0, 86400, 0, 1, 5, 1, 0, 2, 0.9, 'x')"));
            QVERIFY(db.exec("INSERT INTO anomaly_cause VALUES (1, 0, 'model', 'claude-sonnet-4-20250514', 5, 1, 0.8),"
                            " (1, 1, 'feature', 'claude-sonnet-4-20250514', 5, 1, 0.2)"));
            QVERIFY(db.exec("INSERT INTO anomaly_series_setting VALUES ('model', 'gpt-4o-2024-08-06', 'high'),"
                            " ('model', 'gpt-4o', 'low')"));
            QVERIFY(db.exec("INSERT INTO budget(name, scope_dim, scope_value, period, amount, created_at) VALUES"
                            " ('4o', 'model', 'gpt-4o-2024-08-06', 'month', 1, 'x'),"
                            " ('team', 'team', 'gpt-4o-2024-08-06', 'month', 1, 'x')"));
            Allocation::Rule exact{"exact", "model", "Claude Sonnet 4 (Amazon Bedrock Edition)", Allocation::Match::Exact,
                                   {Allocation::Target{"chat", "", Allocation::kShareScale}}, true};
            Allocation::Rule glob{"glob", "model", "gpt-4o-2024-*", Allocation::Match::Glob,
                                  {Allocation::Target{"batch", "", Allocation::kShareScale}}, true};
            QVERIFY2(Allocation::saveRules(db, {exact, glob}, error), error.c_str());
            Simulation::Scenario filtered;
            filtered.name = "filtered";
            filtered.filters = {{"model", "gpt-4o-2024-08-06"}};
            filtered.steps.push_back({});
            filtered.steps.back().scope.models = {"gpt-4o-2024-05-13"};
            filtered.steps.back().toModel = "gpt-4o-mini";
            QVERIFY2(Simulation::saveScenario(db, filtered, error), error.c_str());
            QVERIFY(db.exec("PRAGMA user_version = 9"));
        }
        Store store;
        QVERIFY2(store.open(path), store.error().c_str());
        QCOMPARE(store.schemaVersion(), Store::kSchemaVersion);

        // Model series, causes and settings take the one name; other dimensions keep their text.
        QCOMPARE(count(store, "SELECT count(*) FROM anomaly WHERE series_dim = 'model' AND series_value = 'gpt-4o'"), 1);
        QCOMPARE(count(store, "SELECT count(*) FROM anomaly WHERE series_dim = 'feature' AND series_value = 'gpt-4o-2024-08-06'"), 1);
        QCOMPARE(count(store, "SELECT count(*) FROM anomaly WHERE series_value = 'my-own-model'"), 1);
        QCOMPARE(count(store, "SELECT count(*) FROM anomaly_cause WHERE dimension = 'model' AND value = 'claude-sonnet-4'"), 1);
        QCOMPARE(count(store, "SELECT count(*) FROM anomaly_cause WHERE dimension = 'feature' AND value = 'claude-sonnet-4-20250514'"), 1);
        // Two settings that now name one series: the renamed one wins (it was set for what the user saw).
        QCOMPARE(count(store, "SELECT count(*) FROM anomaly_series_setting"), 1);
        QCOMPARE(count(store, "SELECT count(*) FROM anomaly_series_setting WHERE series_value = 'gpt-4o' AND sensitivity = 'high'"), 1);

        QCOMPARE(count(store, "SELECT count(*) FROM budget WHERE name = '4o' AND scope_value = 'gpt-4o'"), 1);
        QCOMPARE(count(store, "SELECT count(*) FROM budget WHERE name = 'team' AND scope_value = 'gpt-4o-2024-08-06'"), 1);

        std::vector<Allocation::Rule> rules;
        QVERIFY2(Allocation::loadRules(store.db(), rules, error), error.c_str());
        QCOMPARE(rules.size(), std::size_t(2));
        QCOMPARE(rules[0].pattern, std::string("claude-sonnet-4"));
        QCOMPARE(rules[0].name, std::string("exact"));
        QCOMPARE(rules[0].targets.size(), std::size_t(1));
        QCOMPARE(rules[0].targets[0].feature, std::string("chat"));
        QCOMPARE(rules[1].pattern, std::string("gpt-4o-2024-*")); // a pattern is left as written

        std::vector<Simulation::Scenario> scenarios;
        QVERIFY2(Simulation::loadScenarios(store.db(), scenarios, error), error.c_str());
        QCOMPARE(scenarios.size(), std::size_t(1));
        QCOMPARE(scenarios[0].filters.size(), std::size_t(1));
        QCOMPARE(scenarios[0].filters[0].second, std::string("gpt-4o"));
        // Step scopes are matched through the catalog's spellings: a snapshot stays that snapshot.
        QCOMPARE(scenarios[0].steps.at(0).scope.models, std::vector<std::string>{"gpt-4o-2024-05-13"});
        QCOMPARE(scenarios[0].steps.at(0).toModel, std::string("gpt-4o-mini"));
    }
};

QTEST_GUILESS_MAIN(TestModelRename)
#include "tst_modelrename.moc"
