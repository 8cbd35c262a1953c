// Page data: per-dimension series at every grain, table rows with change, tokens and unit
// economics, filters — all consistent with the exact totals.
#include "analytics/analytics.h"
#include "analytics/breakdown.h"
#include "analytics/rollupscan.h"
#include "domain/timeparse.h"
#include "import/demogenerator.h"
#include "import/ingestor.h"
#include "store/store.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Cost;
using namespace Analytics;

class TestBreakdown : public QObject {
    Q_OBJECT

    BigMoney total(std::int64_t from, std::int64_t to, std::vector<Filter> filters = {})
    {
        TotalsRequest req;
        req.fromDay = from;
        req.toDay = to;
        req.filters = std::move(filters);
        std::vector<TotalsRow> rows;
        std::string error;
        totals(m_store.db(), req, rows, error);
        return rows.empty() ? 0 : rows[0].value;
    }

private Q_SLOTS:
    void initTestCase()
    {
        std::string error;
        QVERIFY2(TestSupport::openDemoStore(m_store, m_dir.filePath(QStringLiteral("b.sqlite")), m_end, 90, &error), error.c_str());
    }

    void grains_data()
    {
        QTest::addColumn<QString>("dimension");
        TestSupport::addColumns<int>({"days", "grain", "buckets"});
        QTest::newRow("model by day") << "model" << 30 << int(Grain::Day) << 30;
        QTest::newRow("feature by hour") << "feature" << 1 << int(Grain::Hour) << 24;
        QTest::newRow("provider by week") << "provider" << 28 << int(Grain::Week) << 5; // 2026-03-04 is a Wednesday
        QTest::newRow("team by month") << "team" << 60 << int(Grain::Month) << 3;
    }
    void grains()
    {
        QFETCH(QString, dimension);
        QFETCH(int, days);
        QFETCH(int, grain);
        QFETCH(int, buckets);
        BreakdownQuery q;
        q.dimension = dimension.toStdString();
        q.toDay = m_end - 1;
        q.fromDay = q.toDay - days + 1;
        q.grain = static_cast<Grain>(grain);
        q.topN = 3;
        Breakdown b;
        std::string error;
        QVERIFY2(breakdown(m_store.db(), q, b, error), error.c_str());
        QCOMPARE(int(b.bucketStarts.size()), buckets);
        QCOMPARE(b.total, total(q.fromDay, q.toDay));
        BigMoney rowSum = 0;
        double shares = 0;
        for (const auto &r : b.rows) {
            rowSum += r.cost;
            shares += r.share;
        }
        QCOMPARE(rowSum, b.total);
        QVERIFY(std::abs(shares - 1.0) < 1e-9);
        // The series add up to the total (doubles, drawing only) and show top N + Other.
        QCOMPARE(int(b.seriesNames.size()), std::min<int>(int(b.rows.size()), 3) + (b.rows.size() > 3 ? 1 : 0));
        double seriesSum = 0;
        for (const auto &s : b.seriesValues)
            for (double v : s)
                seriesSum += v;
        QVERIFY2(std::abs(seriesSum - toDouble(b.total)) < 1e-4, qPrintable(QString::number(seriesSum - toDouble(b.total))));
        for (std::size_t i = 1; i < b.rows.size(); ++i)
            QVERIFY(b.rows[i - 1].cost >= b.rows[i].cost);
        QCOMPARE(b.previousTotal, total(q.fromDay - days, q.fromDay - 1));
    }

    void unitEconomicsAndFilters()
    {
        BreakdownQuery q;
        q.dimension = "model";
        q.toDay = m_end - 1;
        q.fromDay = q.toDay - 13;
        q.filters = {{"feature", "classify"}};
        Breakdown b;
        std::string error;
        QVERIFY2(breakdown(m_store.db(), q, b, error), error.c_str());
        QCOMPARE(b.total, total(q.fromDay, q.toDay, q.filters));
        const auto it = std::find_if(b.rows.begin(), b.rows.end(), [](const BreakdownRow &r) { return r.key == "llama-3-70b"; });
        QVERIFY(it != b.rows.end());
        // The demo bills llama-3-70b at $0.99 per million input and output tokens.
        QVERIFY(std::abs(it->costPerMillion(0) - 0.99) < 1e-6);
        QVERIFY(std::abs(it->costPerMillion(3) - 0.99) < 1e-6);
        QVERIFY(std::abs(it->blendedCostPerMillion() - 0.99) < 1e-6);
        QVERIFY(it->requests > 0);
        QVERIFY(it->tokensPerRequest() > 100);
        QVERIFY(std::isnan(it->cachedInputShare()) || it->cachedInputShare() == 0.0);
        // classify's models, and the legacy share it still sends to gpt-4o.
        for (const auto &r : b.rows)
            QVERIFY(r.key == "gpt-4o-mini" || r.key == "llama-3-70b" || r.key == "gemini-2.0-flash" || r.key == "gpt-4o");
    }

    // Unit prices match cost and tokens per source. Source A (an OpenAI organization) reports
    // cost and tokens as separate charges (cost under a project sub-account, usage without one),
    // source B (an Azure billing scope) cost only: A's cost over A's tokens is the price, A + B
    // the row's cost. A row whose only source reports no tokens has no unit price at all.
    void unitPricesMatchSources_data()
    {
        QTest::addColumn<bool>("sliced");
        QTest::newRow("SQL reference") << false;
        QTest::newRow("single scan") << true;
    }
    void unitPricesMatchSources()
    {
        QFETCH(bool, sliced);
        Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("sources.sqlite")).toStdString()));
        if (store.db().scalar("SELECT count(*) FROM fact") == 0)
            QVERIFY(writeSourcesStore(store));
        Breakdown b;
        QVERIFY(modelBreakdown(store, sliced, b));
        QCOMPARE(int(b.rows.size()), 2);
        const BreakdownRow &gpt = b.rows[0], &mystery = b.rows[1];
        QCOMPARE(gpt.key, std::string("gpt-4o"));
        const Money dollar = kMoneyScale;
        QVERIFY(gpt.cost == 2 * (5 + 15 + 9 + 3) * dollar); // A + B, both days
        QCOMPARE(gpt.kindTokens[0], std::int64_t(4'000'000));
        QVERIFY(gpt.kindCost[0] == 2 * 5 * dollar);
        QVERIFY(gpt.kindCostWithoutTokens[0] == 2 * 9 * dollar);
        QVERIFY(gpt.kindCost[3] == 2 * 15 * dollar);
        QVERIFY(gpt.tokenCost == 2 * 20 * dollar);
        QVERIFY(gpt.requestCost == 2 * 20 * dollar);
        QCOMPARE(gpt.costPerMillion(0), 2.5);  // $10 for 4M input tokens, not ($10 + $18) / 4M
        QCOMPARE(gpt.costPerMillion(3), 15.0); // $30 for 2M output tokens
        QVERIFY(std::abs(gpt.blendedCostPerMillion() - 40.0 / 6.0) < 1e-12);
        QCOMPARE(gpt.costPerRequest(), 0.02); // $40 over 2,000 requests: B reports no requests
        QVERIFY(std::isnan(gpt.costPerMillion(1)));
        QCOMPARE(mystery.key, std::string("mystery-model"));
        QVERIFY(mystery.cost == 2 * 7 * dollar);
        QCOMPARE(mystery.tokens, std::int64_t(0));
        QVERIFY(std::isnan(mystery.costPerMillion(0)));
        QVERIFY(std::isnan(mystery.blendedCostPerMillion()));
        QVERIFY(std::isnan(mystery.costPerRequest()));
        QVERIFY(mystery.kindCostWithoutTokens[0] == 2 * 7 * dollar && mystery.kindCost[0] == 0);
        QVERIFY(b.total == gpt.cost + mystery.cost);
    }

    // Issue #23 item 3: a synced account (C, OpenAI org-c) whose costs endpoint has no line items
    // bills its cost without a model, while its usage puts tokens and requests on gpt-4o at no
    // cost. gpt-4o's prices stay A's (cost and quantity of one source); C's tokens still count.
    void unitPricesIgnoreTokensWithoutCost_data() { unitPricesMatchSources_data(); }
    void unitPricesIgnoreTokensWithoutCost()
    {
        QFETCH(bool, sliced);
        Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("synced.sqlite")).toStdString()));
        const Money dollar = kMoneyScale;
        if (store.db().scalar("SELECT count(*) FROM fact") == 0)
            QVERIFY(writeSourcesStore(store, {{"OpenAI", "org-c", "", "gpt-4o", TokenKind::Input, 0, 1'000'000, 300},
                                              {"OpenAI", "org-c", "", "gpt-4o", TokenKind::Output, 0, 500'000, 200},
                                              {"OpenAI", "org-c", "", "", TokenKind::Input, 6 * dollar, -1, -1}}));
        Breakdown b;
        QVERIFY(modelBreakdown(store, sliced, b));
        QCOMPARE(int(b.rows.size()), 3);
        const BreakdownRow &gpt = b.rows[0];
        QCOMPARE(gpt.key, std::string("gpt-4o"));
        QCOMPARE(gpt.kindTokens[0], std::int64_t(6'000'000)); // A's 4M and C's 2M
        QCOMPARE(gpt.kindTokensWithoutCost[0], std::int64_t(2'000'000));
        QCOMPARE(gpt.requests, std::int64_t(3'000));
        QCOMPARE(gpt.costPerMillion(0), 2.5);  // A's $10 over A's 4M, not over 6M ($1.67)
        QCOMPARE(gpt.costPerMillion(3), 15.0);
        QVERIFY(std::abs(gpt.blendedCostPerMillion() - 40.0 / 6.0) < 1e-12);
        QCOMPARE(gpt.costPerRequest(), 0.02); // A's $40 over A's 2,000 requests
        const auto unitemised = std::find_if(b.rows.begin(), b.rows.end(), [](const BreakdownRow &r) { return r.key.empty(); });
        QVERIFY(unitemised != b.rows.end());
        QVERIFY(unitemised->cost == 2 * 6 * dollar);
        QVERIFY(std::isnan(unitemised->costPerMillion(0)));
        // A model nobody bills (tokens only) is free, not unknown.
        BreakdownRow free;
        free.requests = 10; // requests are the caller's
        addSourceUnits(free, SourceUnits{{0, 0, 0, 0}, {1000, 0, 0, 500}, 0, 10});
        QCOMPARE(free.costPerMillion(0), 0.0);
        QCOMPARE(free.blendedCostPerMillion(), 0.0);
        QCOMPARE(free.costPerRequest(), 0.0);
    }

    void badQueries()
    {
        const BreakdownQuery q = query("colour", m_end - 5, m_end);
        Breakdown b;
        std::string error;
        QVERIFY(!breakdown(m_store.db(), q, b, error));
        QVERIFY(!error.empty());
    }

private:
    // The by-model breakdown of the two source days, through the SQL reference or the single scan.
    bool modelBreakdown(Store &store, bool sliced, Breakdown &b)
    {
        const BreakdownQuery q = query("model", m_end - 1, m_end);
        std::string error;
        bool ok = false;
        if (sliced) {
            SpendPageRequest request;
            request.query = q;
            SpendPageData page;
            ok = spendPage(store.db(), request, page, error);
            b = page.breakdown;
        } else {
            ok = breakdown(store.db(), q, b, error);
        }
        if (!ok)
            qWarning("breakdown failed: %s", error.c_str());
        return ok;
    }

    static BreakdownQuery query(const char *dimension, std::int64_t fromDay, std::int64_t toDay)
    {
        BreakdownQuery q;
        q.dimension = dimension;
        q.fromDay = fromDay;
        q.toDay = toDay;
        return q;
    }

    struct Charge {
        const char *provider, *account, *subAccount, *model;
        TokenKind kind;
        Money cost;
        std::int64_t tokens, requests;
    };

    // Two days of: A (OpenAI, org-a) gpt-4o cost charges ($5 input, $15 output, project
    // sub-account) and usage charges (2M input, 1M output tokens, 1,000 requests, no cost); B
    // (Microsoft, scope-b) gpt-4o cost only ($9 input, $3 output) and mystery-model cost only ($7
    // input); then `extra`.
    bool writeSourcesStore(Store &store, const std::vector<Charge> &extra = {})
    {
        const Money dollar = kMoneyScale;
        std::vector<Charge> charges = {{"OpenAI", "org-a", "proj_1", "gpt-4o", TokenKind::Input, 5 * dollar, -1, -1},
                                  {"OpenAI", "org-a", "proj_1", "gpt-4o", TokenKind::Output, 15 * dollar, -1, -1},
                                  {"OpenAI", "org-a", "", "gpt-4o", TokenKind::Input, 0, 2'000'000, 600},
                                  {"OpenAI", "org-a", "", "gpt-4o", TokenKind::Output, 0, 1'000'000, 400},
                                  {"Microsoft", "scope-b", "", "gpt-4o", TokenKind::Input, 9 * dollar, -1, -1},
                                  {"Microsoft", "scope-b", "", "gpt-4o", TokenKind::Output, 3 * dollar, -1, -1},
                                  {"Microsoft", "scope-b", "", "mystery-model", TokenKind::Input, 7 * dollar, -1, -1}};
        charges.insert(charges.end(), extra.begin(), extra.end());
        ImportMeta meta;
        meta.kind = "test";
        meta.path = "two sources";
        meta.batch = Ingestor::newBatch(store.db());
        Ingestor ingestor(store.db());
        if (!ingestor.begin(meta))
            return false;
        std::vector<FactRow> rows;
        for (std::int64_t d = m_end - 1; d <= m_end; ++d) {
            for (const Charge &c : charges) {
                Record r;
                r.setDim(Dim::Provider, c.provider);
                r.setDim(Dim::BillingAccount, c.account);
                r.setDim(Dim::SubAccount, c.subAccount);
                r.setDim(Dim::Model, c.model);
                r.setDim(Dim::Currency, "USD");
                r.tokenKind = c.kind;
                r.chargeStart = d * 86400;
                r.chargeEnd = r.chargeStart + 86400;
                r.billingPeriodStart = daysFromCivil(2026, 3, 1) * 86400;
                r.billingPeriodEnd = daysFromCivil(2026, 4, 1) * 86400;
                r.setAmount(Amount::Billed, c.cost);
                r.tokens = c.tokens;
                r.requests = c.requests;
                rows.emplace_back();
                ingestor.resolve(r, rows.back());
            }
        }
        IngestResult result;
        if (!ingestor.insert(rows.data(), rows.size()) || !ingestor.commit(1, 1, result)) {
            qWarning("ingest failed: %s", ingestor.error().c_str());
            ingestor.rollback();
            return false;
        }
        return result.rows == static_cast<std::int64_t>(rows.size());
    }

    QTemporaryDir m_dir;
    Store m_store;
    const std::int64_t m_end = daysFromCivil(2026, 3, 31);
};

QTEST_GUILESS_MAIN(TestBreakdown)
#include "tst_breakdown.moc"
