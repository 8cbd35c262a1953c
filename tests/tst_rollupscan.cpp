// The single-scan page path (Analytics::spendPage, overviewPage) against the SQL functions it
// replaces, on the demo workspace and on an imported FOCUS file shaped like gen_focus.py
// output, both with allocation rules that split charges: for every page dimension, filter
// combination and grain the results must be identical — money to the unit, drawing doubles to
// the bit, filter lists, currency and Overview tiles. The combination cache must follow rule
// changes and new imports.
#include "allocation/allocation.h"
#include "analytics/analytics.h"
#include "analytics/breakdown.h"
#include "analytics/combocache.h"
#include "analytics/exactseries.h"
#include "analytics/rollupscan.h"
#include "domain/timeparse.h"
#include "import/demogenerator.h"
#include "import/focusimporter.h"
#include "store/store.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <set>

using namespace Analytics;

namespace {

const std::vector<std::string> kPageDimensions = {"model",      "feature",   "provider",       "service",
                                                  "team",       "token_kind", "billing_account"};
const std::vector<std::string> kFilterDimensions = {"provider", "service", "model", "feature", "team", "token_kind",
                                                    "billing_account"};

// A FOCUS 1.2 file with gen_focus.py's columns and value sets (3 providers, 9 models, 3 token
// kinds, 6 features/teams in Tags), on scattered hours over 200 days, with amounts down to the
// tenth decimal so that allocation floors matter. Every fifth charge comes from a second billing
// account that reports cost but no quantities, so unit prices leave its cost out.
QByteArray genFocusLike(std::int64_t firstDay)
{
    struct Model { const char *provider, *publisher, *service, *model, *account; };
    const Model models[] = {{"AWS", "Anthropic", "Amazon Bedrock", "claude-3-5-sonnet", "111122223333"},
                            {"AWS", "Anthropic", "Amazon Bedrock", "claude-3-5-haiku", "111122223333"},
                            {"AWS", "Amazon", "Amazon Bedrock", "nova-lite", "111122223333"},
                            {"Microsoft", "OpenAI", "Azure OpenAI", "gpt-4o", "sub-7f3e"},
                            {"Microsoft", "OpenAI", "Azure OpenAI", "gpt-4o-mini", "sub-7f3e"},
                            {"Google Cloud", "Google", "Vertex AI", "gemini-1.5-pro", "proj-ml-prod"},
                            {"Google Cloud", "Google", "Vertex AI", "gemini-1.5-flash", "proj-ml-prod"},
                            {"Google Cloud", "Meta", "Vertex AI", "llama-3-70b", "proj-ml-prod"},
                            {"AWS", "Mistral AI", "Amazon Bedrock", "mistral-7b-instruct", "111122223333"}};
    const char *kinds[][2] = {{"Input Tokens", "input"}, {"Cached Input Tokens", "cached"}, {"Output Tokens", "output"}};
    const char *features[][2] = {{"chatbot", "support"},   {"search", "discovery"}, {"summarize", "docs"},
                                 {"classify", "trust"},    {"agent", "platform"},   {"code-review", "devex"}};
    QByteArray csv = "BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,"
                     "ChargeCategory,ChargeClass,ChargeDescription,ChargeFrequency,ChargePeriodStart,ChargePeriodEnd,"
                     "ConsumedQuantity,ConsumedUnit,BilledCost,EffectiveCost,ListCost,ContractedCost,PricingCategory,"
                     "PricingQuantity,PricingUnit,ProviderName,PublisherName,InvoiceIssuerName,ResourceId,ResourceName,"
                     "ResourceType,ServiceCategory,ServiceName,SkuId,SkuMeter,SkuPriceDetails,SubAccountId,Tags\n";
    std::uint64_t state = 42;
    auto next = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return state >> 33;
    };
    for (int day = 0; day < 200; ++day) {
        for (int i = 0; i < 30; ++i) {
            const Model &m = models[next() % 9];
            const auto *k = kinds[next() % 3];
            const auto *f = features[next() % 6];
            const std::int64_t start = (firstDay + day) * 86400 + static_cast<std::int64_t>(next() % 24) * 3600;
            const QByteArray from = QByteArray::fromStdString(Cost::formatTimestamp(start));
            const QByteArray to = QByteArray::fromStdString(Cost::formatTimestamp(start + 3600));
            int y;
            unsigned mo, d;
            Cost::civilFromDays(firstDay + day, y, mo, d);
            const QByteArray period = QByteArray::fromStdString(Cost::formatDay(Cost::daysFromCivil(y, mo, 1))) + "T00:00:00Z";
            const std::uint64_t tokens = 1000 + next() % 3'000'000;
            const QByteArray cost = QByteArray::number(static_cast<qulonglong>(next() % 90)) + '.'
                + QByteArray::number(static_cast<qulonglong>(1'000'000'000 + next() % 9'000'000'000ULL));
            const bool costOnly = i % 5 == 0;
            csv += QByteArray(costOnly ? "ba-2002" : "ba-1001") + ",Acme Corp,USD," + period + ',' + period + ",Usage,,"
                + k[0] + " for " + m.model + ",Usage-Based," + from + ',' + to + ','
                + (costOnly ? QByteArray() : QByteArray::number(qulonglong(tokens))) + ",Tokens," + cost + ',' + cost + ','
                + cost + ',' + cost + ",Standard," + (costOnly ? QByteArray() : QByteArray::number(double(tokens) / 1e6, 'f', 6))
                + ",1M Tokens," + m.provider + ',' + m.publisher + ','
                + m.provider + ',' + m.service + '/' + m.model + ',' + m.model + ",Model,AI and Machine Learning,"
                + m.service + ',' + m.model + '-' + k[1] + ',' + k[0] + ",\"{\"\"ModelId\"\":\"\"" + m.model
                + "\"\"}\"," + m.account + ",\"{\"\"feature\"\":\"\"" + f[0] + "\"\",\"\"team\"\":\"\"" + f[1] + "\"\"}\"\n";
        }
    }
    return csv;
}

// Rules that split: a third/two-thirds split with shares that do not divide amounts evenly,
// and a catch-all moving one model to a feature without a team.
std::vector<Allocation::Rule> splitRules(const std::string &model)
{
    const Allocation::Rule split{"odd split", "model", model, Allocation::Match::Exact,
                                 {{"chatbot", "support", 333333}, {"search", "", 666667}}, true};
    const Allocation::Rule glob{"minis", "model", "*mini*", Allocation::Match::Glob,
                                {{"experiments", "research", Allocation::kShareScale}}, true};
    return {split, glob};
}

bool sameDouble(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

} // namespace

class TestRollupScan : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Cost::Store m_demo;
    Cost::Store m_focus;
    const std::int64_t m_end = Cost::daysFromCivil(2026, 3, 31);
    const std::int64_t m_focusFirst = Cost::daysFromCivil(2025, 9, 1);
    int m_partlyPriced = 0;

    // Filter sets worth checking on a store: none, each kind of dimension, unallocated,
    // a combination across combo and allocation, and a value that matches nothing.
    std::vector<std::vector<Filter>> filterSets(const std::string &model, const std::string &provider)
    {
        return {{},
                {{"provider", provider}},
                {{"feature", "chatbot"}},
                {{"team", "support"}},
                {{"token_kind", "input"}},
                {{"feature", ""}},
                {{"model", model}, {"feature", "search"}},
                {{"billing_account", "no such account"}}};
    }

    void compareBreakdowns(Cost::SqliteDb &db, const BreakdownQuery &q, const QByteArray &what)
    {
        Breakdown expected;
        std::vector<std::vector<Cost::BigMoney>> expectedExact;
        std::string error;
        QVERIFY2(breakdown(db, q, expected, error), error.c_str());
        QVERIFY2(exactSeries(db, expected, expectedExact, error), error.c_str());
        SpendPageRequest request;
        request.query = q;
        for (const std::string &dim : kFilterDimensions) {
            std::vector<Filter> others;
            for (const Filter &f : q.filters)
                if (f.first != dim)
                    others.push_back(f);
            request.optionFilters.emplace_back(dim, others);
        }
        SpendPageData fast;
        QVERIFY2(spendPage(db, request, fast, error), error.c_str());
        const Breakdown &got = fast.breakdown;
        QVERIFY2(got.total == expected.total, what);
        QVERIFY2(got.previousTotal == expected.previousTotal, what);
        QCOMPARE(got.bucketStarts, expected.bucketStarts);
        QCOMPARE(got.seriesNames, expected.seriesNames);
        QCOMPARE(got.rows.size(), expected.rows.size());
        for (std::size_t i = 0; i < got.rows.size(); ++i) {
            const BreakdownRow &a = got.rows[i], &b = expected.rows[i];
            QVERIFY2(a.key == b.key && a.cost == b.cost && a.previousCost == b.previousCost && a.tokens == b.tokens
                         && a.requests == b.requests && sameDouble(a.share, b.share),
                     what + " row " + QByteArray::fromStdString(b.key));
            QVERIFY2(a.tokenCost == b.tokenCost && a.requestCost == b.requestCost, what + " unit cost");
            QVERIFY2(sameDouble(a.blendedCostPerMillion(), b.blendedCostPerMillion())
                         && sameDouble(a.costPerRequest(), b.costPerRequest()), what + " unit prices");
            for (int k = 0; k < 4; ++k) {
                QVERIFY2(a.kindCost[k] == b.kindCost[k] && a.kindTokens[k] == b.kindTokens[k]
                             && a.kindCostWithoutTokens[k] == b.kindCostWithoutTokens[k]
                             && sameDouble(a.costPerMillion(k), b.costPerMillion(k)),
                         what + " kind");
                // Counts rows where a priced kind also had cost left out (the store has such sources).
                m_partlyPriced += b.kindTokens[k] > 0 && b.kindCostWithoutTokens[k] != 0 ? 1 : 0;
            }
        }
        QCOMPARE(got.seriesValues.size(), expected.seriesValues.size());
        for (std::size_t s = 0; s < got.seriesValues.size(); ++s)
            for (std::size_t b = 0; b < got.seriesValues[s].size(); ++b)
                QVERIFY2(sameDouble(got.seriesValues[s][b], expected.seriesValues[s][b]), what + " series double");
        QVERIFY2(fast.exact == expectedExact, what + " exact series");

        // The filter lists and the currency are totals() questions.
        TotalsRequest totals;
        totals.fromDay = q.fromDay;
        totals.toDay = q.toDay;
        // The currency: the largest under the page's filters, else the range's (all one currency here).
        totals.by = {"currency"};
        totals.filters = q.filters;
        std::vector<TotalsRow> rows;
        QVERIFY2(Analytics::totals(db, totals, rows, error), error.c_str());
        if (rows.empty()) {
            totals.filters.clear();
            QVERIFY2(Analytics::totals(db, totals, rows, error), error.c_str());
        }
        QCOMPARE(fast.currency, rows.empty() ? std::string() : rows.front().keys.front());
        QVERIFY(fast.otherCurrencies.empty());
        totals.filters.clear();
        QCOMPARE(fast.options.size(), request.optionFilters.size());
        for (std::size_t i = 0; i < fast.options.size(); ++i) {
            totals.by = {request.optionFilters[i].first};
            totals.filters = request.optionFilters[i].second;
            QVERIFY2(Analytics::totals(db, totals, rows, error), error.c_str());
            std::multiset<std::string> want, have(fast.options[i].second.begin(), fast.options[i].second.end());
            for (const TotalsRow &row : rows)
                want.insert(row.keys.front());
            QVERIFY2(want == have, what + " options of " + QByteArray::fromStdString(totals.by.front()));
        }
    }

    void compareStore(Cost::Store &store, std::int64_t lastDay, const std::string &model, const std::string &provider)
    {
        for (const std::string &dimension : kPageDimensions) {
            for (const auto &filters : filterSets(model, provider)) {
                BreakdownQuery q;
                q.dimension = dimension;
                q.toDay = lastDay;
                q.fromDay = lastDay - 44;
                q.grain = Grain::Day;
                q.filters = filters;
                q.topN = 3;
                QByteArray what = QByteArray::fromStdString(dimension);
                for (const Filter &f : filters)
                    what += QByteArray::fromStdString(" " + f.first + "=" + f.second);
                compareBreakdowns(store.db(), q, what);
                if (QTest::currentTestFailed())
                    return;
            }
        }
        // Every grain, on the allocated and the plain path.
        const std::pair<Grain, int> grains[] = {{Grain::Hour, 2}, {Grain::Week, 60}, {Grain::Month, 120}, {Grain::Day, 7}};
        for (const auto &[grain, days] : grains) {
            for (const char *dimension : {"model", "feature"}) {
                for (const std::vector<Filter> &filters : {std::vector<Filter>{}, std::vector<Filter>{{"team", "support"}}}) {
                    BreakdownQuery q;
                    q.dimension = dimension;
                    q.toDay = lastDay - 1;
                    q.fromDay = q.toDay - days + 1;
                    q.grain = grain;
                    q.filters = filters;
                    compareBreakdowns(store.db(), q, QByteArray(dimension) + " grain " + grainName(grain));
                    if (QTest::currentTestFailed())
                        return;
                }
            }
        }
    }

    void compareOverview(Cost::Store &store, std::int64_t fromDay, std::int64_t toDay)
    {
        OverviewKpis expected, got;
        DailyBreakdown expectedDaily, gotDaily;
        std::string error;
        QVERIFY2(overviewKpis(store.db(), toDay, expected, error), error.c_str());
        QVERIFY2(dailyBreakdown(store.db(), "model", fromDay, toDay, 4, expectedDaily, error), error.c_str());
        QVERIFY2(overviewPage(store.db(), fromDay, toDay, 4, got, gotDaily, error), error.c_str());
        QVERIFY(got.monthToDate == expected.monthToDate && got.last30 == expected.last30
                && got.previous30 == expected.previous30 && got.topModelCost == expected.topModelCost
                && got.topFeatureCost == expected.topFeatureCost);
        QCOMPARE(got.asOfDay, expected.asOfDay);
        QCOMPARE(got.topModel, expected.topModel);
        QCOMPARE(got.topFeature, expected.topFeature);
        QCOMPARE(got.tokens30, expected.tokens30);
        QCOMPARE(got.previousTokens30, expected.previousTokens30);
        QCOMPARE(got.currency, expected.currency);
        QCOMPARE(gotDaily.firstDay, expectedDaily.firstDay);
        QCOMPARE(gotDaily.days, expectedDaily.days);
        QCOMPARE(gotDaily.names, expectedDaily.names);
        QCOMPARE(gotDaily.values, expectedDaily.values);
        QVERIFY(gotDaily.seriesTotals == expectedDaily.seriesTotals);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_demo.open(m_dir.filePath(QStringLiteral("demo.sqlite")).toStdString()));
        std::string error;
        QVERIFY2(TestSupport::addDemo(m_demo.db(), m_end, 120, &error), error.c_str());
        QVERIFY2(Allocation::saveRules(m_demo.db(), splitRules("gpt-4o"), error), error.c_str());

        const QString csv = m_dir.filePath(QStringLiteral("genfocus.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(genFocusLike(m_focusFirst));
        file.close();
        QVERIFY(m_focus.open(m_dir.filePath(QStringLiteral("focus.sqlite")).toStdString()));
        Cost::FocusImporter importer(m_focus.db());
        const auto imported = importer.importFile(csv.toStdString(), Cost::Ingestor::newBatch(m_focus.db()));
        QVERIFY2(imported.ok, imported.error.toString().c_str());
        QVERIFY2(Allocation::saveRules(m_focus.db(), splitRules("claude-3-5-sonnet"), error), error.c_str());
    }

    void coveringIndex()
    {
        // Migration 7: the page scan reads the covering index only.
        QCOMPARE(m_demo.schemaVersion(), Cost::Store::kSchemaVersion);
        Cost::SqliteStmt plan(m_demo.db(), "EXPLAIN QUERY PLAN SELECT day, combo_id, billed, tokens, requests, rows"
                                           " FROM rollup_daily INDEXED BY rollup_daily_cover WHERE day BETWEEN 1 AND 2");
        QVERIFY(plan.step());
        QVERIFY2(std::string(plan.text(3)).find("COVERING INDEX rollup_daily_cover") != std::string::npos,
                 std::string(plan.text(3)).c_str());
        QCOMPARE(m_demo.db().scalar("SELECT count(*) FROM sqlite_master WHERE name = 'rollup_daily_day'"), 0);
    }

    void allocPartMatchesSql()
    {
        Cost::SqliteStmt st(m_demo.db(), "SELECT alloc(?1, ?2, ?3)");
        const std::int64_t amounts[] = {0, 1, -1, 7, -7, 999'999, 1'000'001, -123'456'789'012, 9'000'000'000'000'000'000};
        const std::pair<std::int64_t, std::int64_t> shares[] = {{0, 333333}, {333333, 1000000}, {0, 1000000}, {1, 2}, {600000, 999999}};
        for (const std::int64_t amount : amounts) {
            for (const auto &[before, after] : shares) {
                st.bind(1, amount);
                st.bind(2, before);
                st.bind(3, after);
                QVERIFY(st.step());
                QCOMPARE(allocPart(amount, before, after), st.int64(0));
                st.reset();
            }
        }
    }

    void demoMatchesSql() { compareStore(m_demo, m_end, "gpt-4o", "OpenAI"); }

    void genFocusMatchesSql()
    {
        m_partlyPriced = 0;
        compareStore(m_focus, m_focusFirst + 199, "claude-3-5-sonnet", "AWS");
        QVERIFY(m_partlyPriced > 0); // the comparison covered cost left out of unit prices
    }

    void overviewMatchesSql()
    {
        compareOverview(m_demo, m_end - 89, m_end);
        compareOverview(m_focus, m_focusFirst + 110, m_focusFirst + 199);
        compareOverview(m_focus, m_focusFirst + 180, m_focusFirst + 181); // a range shorter than the tiles' 60 days
    }

    void cacheFollowsRulesAndImports()
    {
        BreakdownQuery q;
        q.dimension = "feature";
        q.toDay = m_end;
        q.fromDay = m_end - 29;
        compareBreakdowns(m_demo.db(), q, "before");
        std::string error;
        // New rules change combo_allocation only: the cached split must not survive them.
        QVERIFY2(Allocation::saveRules(m_demo.db(), splitRules("claude-3-5-sonnet"), error), error.c_str());
        compareBreakdowns(m_demo.db(), q, "after new rules");
        QVERIFY2(Allocation::saveRules(m_demo.db(), {}, error), error.c_str());
        compareBreakdowns(m_demo.db(), q, "after removing the rules");
        // New combinations arrive with an import.
        Cost::DemoOptions more;
        more.endDay = m_end + 20;
        more.days = 10;
        Cost::IngestResult result;
        QVERIFY2(Cost::generateDemo(m_demo.db(), more, {}, nullptr, result, error), error.c_str());
        q.toDay = m_end + 20;
        compareBreakdowns(m_demo.db(), q, "after an import");
    }

    void badQueries()
    {
        SpendPageRequest request;
        request.query.dimension = "colour";
        request.query.fromDay = m_end - 5;
        request.query.toDay = m_end;
        SpendPageData data;
        std::string error;
        QVERIFY(!spendPage(m_demo.db(), request, data, error));
        QCOMPARE(error, std::string("unknown dimension 'colour'"));
        request.query.dimension = "model";
        request.query.filters = {{"colour", "red"}};
        QVERIFY(!spendPage(m_demo.db(), request, data, error));
        QCOMPARE(error, std::string("unknown filter dimension 'colour'"));
    }
};

QTEST_GUILESS_MAIN(TestRollupScan)
#include "tst_rollupscan.moc"
