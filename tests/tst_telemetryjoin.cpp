// The telemetry ⋈ bill join (issue #24 item 2): the split itself (exact cumulative floors, telemetry
// over the bill, a bill without token quantities, "(untracked)"), and in a store: cached input and
// cache writes matched to the bill's kinds, the precedence tag → telemetry → rules → unallocated,
// every view adding up to the bill to the unit, and `burnrate totals --by feature` on the CLI.
#include "accountstore.h"
#include "testsupport.h"

#include "allocation/allocation.h"
#include "allocation/telemetrysplit.h"
#include "analytics/analytics.h"
#include "analytics/combocache.h"
#include "analytics/rollupslice.h"
#include "domain/allocpart.h"
#include "domain/money.h"
#include "domain/timeparse.h"
#include "export/focusexport.h"
#include "import/focusimporter.h"
#include "import/ingestor.h"
#include "pricing/simulationusage.h"
#include "store/store.h"
#include "telemetry/telemetrystore.h"
#include "telemetry/usage.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <map>

Q_DECLARE_METATYPE(std::vector<Allocation::TelemetryWeight>)
Q_DECLARE_METATYPE(std::vector<Allocation::SplitPart>)

namespace {

using Allocation::SplitPart;
using Allocation::TelemetryWeight;
using Parts = std::vector<SplitPart>;
using Weights = std::vector<TelemetryWeight>;

// The bill of the store tests. Day 1: gpt-4o input, output and cached input untagged; Claude input
// tagged "tagged"; Claude output without a token quantity. Day 2: gpt-4o input, no telemetry.
QByteArray joinBill()
{
    return TestSupport::focusTokenCsv({
        {"2026-03-01", "OpenAI", "gpt-4o-2024-08-06", "Input", "2.00", "1000000", ""},
        {"2026-03-01", "OpenAI", "gpt-4o-2024-08-06", "Output", "0.80", "1000000", ""},
        {"2026-03-01", "OpenAI", "gpt-4o-2024-08-06", "Cached Input", "0.30", "400000", ""},
        {"2026-03-01", "Anthropic", "claude-sonnet-4-20250514", "Input", "1.00", "1000000", R"({"feature":"tagged"})"},
        {"2026-03-01", "Anthropic", "claude-sonnet-4-20250514", "Output", "0.50", "", ""},
        {"2026-03-02", "OpenAI", "gpt-4o-2024-08-06", "Input", "2.00", "1000000", ""},
    });
}

Telemetry::Usage call(const char *id, const char *provider, const char *model, const char *feature, const char *team,
                      std::int64_t otelInput, std::int64_t cacheRead, std::int64_t cacheWrite, std::int64_t output)
{
    Telemetry::Usage u;
    u.startSeconds = TestSupport::day("2026-03-01") * 86400 + 10 * 3600;
    u.provider = provider;
    u.model = model;
    u.feature = feature;
    u.team = team;
    u.cachedInputTokens = cacheRead;
    u.cacheWriteTokens = cacheWrite;
    // OpenTelemetry's input count includes cached reads and cache writes: the parsers subtract.
    u.inputTokens = Telemetry::uncachedInput(otelInput, cacheRead, cacheWrite);
    u.outputTokens = output;
    u.id = id;
    return u;
}

// The telemetry of the store tests (day 1): gpt-4o chat (400k input of which 100k cached), search;
// Claude summarize and digest (the tagged Claude input is not theirs to take).
std::vector<Telemetry::Usage> joinTelemetry()
{
    return {
        call("1", "openai", "gpt-4o-2024-08-06", "chat", "cx", 400000, 100000, 0, 200000),
        call("2", "openai", "gpt-4o", "search", "", 200000, 0, 0, 100000),
        call("3", "anthropic", "claude-sonnet-4", "summarize", "docs", 500000, 0, 0, 30000),
        call("4", "anthropic", "claude-sonnet-4", "digest", "docs", 0, 0, 0, 10000),
    };
}

std::map<std::string, std::string> byFeature(const std::vector<Analytics::TotalsRow> &rows)
{
    std::map<std::string, std::string> out;
    for (const auto &r : rows)
        out[r.keys.at(0)] = Cost::formatMoney(r.value, 2);
    return out;
}

Analytics::TotalsRequest by(const char *dimension, std::vector<Analytics::Filter> filters = {})
{
    Analytics::TotalsRequest request;
    request.by = {dimension};
    request.filters = std::move(filters);
    return request;
}

Cost::BigMoney sum(const std::vector<Analytics::TotalsRow> &rows)
{
    Cost::BigMoney total = 0;
    for (const auto &r : rows)
        total += r.value;
    return total;
}

} // namespace

class TestTelemetryJoin : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    bool importBill(Cost::Store &store, const QString &name, const QByteArray &csv)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(csv) != csv.size())
            return false;
        f.close();
        Cost::FocusImporter importer(store.db());
        const auto imported = importer.importFile(path.toStdString(), Cost::Ingestor::newBatch(store.db()));
        if (!imported.ok)
            qWarning("%s", imported.error.toString().c_str());
        return imported.ok;
    }

    void checkViewsAgree(Cost::SqliteDb &db)
    {
        std::string error;
        std::vector<Analytics::TotalsRow> features, providers, teams;
        QVERIFY2(Analytics::totals(db, by("feature"), features, error), error.c_str());
        QVERIFY2(Analytics::totals(db, by("provider"), providers, error), error.c_str());
        QVERIFY2(Analytics::totals(db, by("team"), teams, error), error.c_str());
        QCOMPARE(sum(features), sum(providers));
        QCOMPARE(sum(teams), sum(providers));
        // The page path (rollup slice over the combination cache) gives SQL's figures to the unit.
        Analytics::ComboCache::clearAll();
        Analytics::RollupSlice slice;
        QVERIFY2(Analytics::loadSlice(db, TestSupport::day("2026-03-01"), TestSupport::day("2026-03-02"), slice, error), error.c_str());
        std::vector<Analytics::TotalsRow> sliced;
        QVERIFY2(Analytics::sliceTotals(slice, by("feature"), sliced, error), error.c_str());
        QCOMPARE(byFeature(sliced), byFeature(features));
        // A feature filter: the SQL join and the slice select the same day parts.
        std::vector<Analytics::TotalsRow> chatSql, chatSlice;
        QVERIFY2(Analytics::totals(db, by("model", {{"feature", "chat"}}), chatSql, error), error.c_str());
        QVERIFY2(Analytics::sliceTotals(slice, by("model", {{"feature", "chat"}}), chatSlice, error), error.c_str());
        QCOMPARE(sum(chatSlice), sum(chatSql));
        // The daily chart's series by feature and the simulator's feature scope: the same split.
        Analytics::DailyBreakdown daily;
        QVERIFY2(Analytics::dailyBreakdown(db, "feature", TestSupport::day("2026-03-01"), TestSupport::day("2026-03-02"), 50, daily,
                                           error),
                 error.c_str());
        std::map<std::string, std::string> dailyTotals;
        for (std::size_t i = 0; i < daily.names.size(); ++i)
            dailyTotals[daily.names[i] == "(none)" ? std::string() : daily.names[i]] = Cost::formatMoney(daily.seriesTotals[i], 2);
        QCOMPARE(dailyTotals, byFeature(features));
        Simulation::UsageSnapshot usage;
        Simulation::UsageQuery scope;
        scope.fromDay = TestSupport::day("2026-03-01");
        scope.toDay = TestSupport::day("2026-03-02");
        scope.filters = {{"feature", "chat"}};
        QVERIFY2(Simulation::loadUsage(db, scope, usage, error), error.c_str());
        Cost::BigMoney chatUsage = usage.otherBilled;
        for (const auto &cell : usage.cells)
            chatUsage += cell.billed;
        QCOMPARE(Cost::formatMoney(chatUsage, 2), byFeature(features).count("chat") ? byFeature(features).at("chat") : "0.00");
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void split_data()
    {
        QTest::addColumn<Weights>("weights");
        QTest::addColumn<qint64>("billed");
        QTest::addColumn<Parts>("expected");
        QTest::newRow("bill over telemetry: the rest untracked")
            << Weights{{"search", "", 200000}, {"chat", "cx", 300000}} << qint64(1000000)
            << Parts{{"chat", "cx", 0, 300000}, {"search", "", 300000, 500000}, {"(untracked)", "", 500000, 1000000}};
        QTest::newRow("cumulative floors, not per-part roundings")
            << Weights{{"a", "", 1}, {"b", "", 1}, {"c", "", 1}} << qint64(7)
            << Parts{{"a", "", 0, 142857}, {"b", "", 142857, 285714}, {"c", "", 285714, 428571}, {"(untracked)", "", 428571, 1000000}};
        QTest::newRow("telemetry over the bill: shares of the telemetry, nothing untracked")
            << Weights{{"a", "", 600}, {"b", "", 900}} << qint64(1000) << Parts{{"a", "", 0, 400000}, {"b", "", 400000, 1000000}};
        QTest::newRow("no token quantity on the bill: the telemetry is the whole")
            << Weights{{"a", "", 1}, {"b", "", 3}} << qint64(0) << Parts{{"a", "", 0, 250000}, {"b", "", 250000, 1000000}};
        QTest::newRow("one feature's rows added, empty weights dropped")
            << Weights{{"a", "t", 100}, {"z", "", 0}, {"a", "t", 150}, {"b", "", -5}} << qint64(1000)
            << Parts{{"a", "t", 0, 250000}, {"(untracked)", "", 250000, 1000000}};
        QTest::newRow("no telemetry: no parts (rules apply)") << Weights{{"a", "", 0}} << qint64(1000) << Parts{};
        QTest::newRow("priced weights beyond 64 bits")
            << Weights{{"a", "", Cost::BigMoney(15'000'000'000) * 4'000'000'000}, {"b", "", Cost::BigMoney(15'000'000'000) * 4'000'000'000}}
            << qint64(0) << Parts{{"a", "", 0, 500000}, {"b", "", 500000, 1000000}};
    }

    void split()
    {
        QFETCH(Weights, weights);
        QFETCH(qint64, billed);
        QFETCH(Parts, expected);
        const Parts parts = Allocation::telemetrySplit(weights, billed);
        QCOMPARE(parts.size(), expected.size());
        for (std::size_t i = 0; i < parts.size(); ++i) {
            QCOMPARE(parts[i].feature, expected[i].feature);
            QCOMPARE(parts[i].team, expected[i].team);
            QCOMPARE(parts[i].before, expected[i].before);
            QCOMPARE(parts[i].after, expected[i].after);
        }
        // Whatever the amount, alloc() splits it into parts that add up to it exactly.
        for (const std::int64_t amount : {std::int64_t(1), std::int64_t(7), std::int64_t(999'999'999), std::int64_t(1'234'567'891'011)}) {
            std::int64_t total = 0;
            for (const SplitPart &p : parts)
                total += Analytics::allocPart(amount, p.before, p.after);
            QCOMPARE(total, parts.empty() ? 0 : amount);
        }
    }

    void joinInTheStore()
    {
        Cost::Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("join.sqlite")).toStdString()));
        // A rule on the untagged gpt-4o charges: telemetry wins where it reports, the rule elsewhere.
        Allocation::Rule rule;
        rule.name = "gpt-4o to ruled";
        rule.dimension = "model";
        rule.pattern = "gpt-4o*";
        rule.match = Allocation::Match::Glob;
        rule.targets = {{"ruled", "", Allocation::kShareScale}};
        std::string error;
        QVERIFY2(Allocation::saveRules(store.db(), {rule}, error), error.c_str());
        QVERIFY(importBill(store, QStringLiteral("join.csv"), joinBill()));
        std::vector<Analytics::TotalsRow> rows;
        QVERIFY2(Analytics::totals(store.db(), by("feature"), rows, error), error.c_str());
        QCOMPARE(byFeature(rows), (std::map<std::string, std::string>{{"ruled", "5.10"}, {"tagged", "1.00"}, {"", "0.50"}}));

        Telemetry::IngestResult ingested;
        QVERIFY2(Telemetry::ingest(store.db(), "otlp", joinTelemetry(), ingested, error), error.c_str());
        QVERIFY2(Analytics::totals(store.db(), by("feature"), rows, error), error.c_str());
        // gpt-4o input: 300k chat + 200k search of 1M billed → 0.60, 0.40, untracked 1.00.
        // Output: 200k + 100k of 1M → 0.16, 0.08, untracked 0.56. Cached input: chat's 100k
        // (subtracted from its input) of 400k → 0.075, untracked 0.225. Claude input is tagged.
        // Claude output carries no quantity: 30k : 10k → 0.375, 0.125. Day 2: no telemetry → rule.
        const std::map<std::string, std::string> expected{{"chat", "0.835"},  {"search", "0.48"}, {"(untracked)", "1.785"},
                                                          {"tagged", "1.00"}, {"summarize", "0.375"}, {"digest", "0.125"},
                                                          {"ruled", "2.00"}};
        QCOMPARE(byFeature(rows), expected);
        QVERIFY2(Analytics::totals(store.db(), by("team"), rows, error), error.c_str());
        QCOMPARE(byFeature(rows), (std::map<std::string, std::string>{{"cx", "0.835"}, {"docs", "0.50"}, {"", "5.265"}}));
        checkViewsAgree(store.db());

        // CSV export of the FOCUS file: the feature column's parts add up per feature to the same.
        const std::string exported = m_dir.filePath(QStringLiteral("export.csv")).toStdString();
        Export::FocusExportResult result;
        QVERIFY2(Export::exportFocus(store.db(), exported, {}, {}, nullptr, result, error), error.c_str());
        QVERIFY(result.splitCharges > 0);
        QFile file(QString::fromStdString(exported));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> records = TestSupport::parseCsv(QString::fromUtf8(file.readAll()), TestSupport::CsvRecordEnd::AnyLineBreak);
        QVERIFY(records.size() > 1);
        const qsizetype billedColumn = records[0].indexOf(QStringLiteral("BilledCost"));
        const qsizetype featureColumn = records[0].indexOf(QStringLiteral("x_BurnrateFeature"));
        QVERIFY(billedColumn >= 0 && featureColumn >= 0);
        std::map<std::string, Cost::BigMoney> exportedByFeature;
        for (qsizetype i = 1; i < records.size(); ++i)
            exportedByFeature[records[i].value(featureColumn).toStdString()]
                += Cost::parseBigMoney(records[i].value(billedColumn).toStdString()).value_or(-1);
        std::map<std::string, std::string> exportedText;
        for (const auto &[feature, amount] : exportedByFeature)
            exportedText[feature] = Cost::formatMoney(amount, 2);
        QCOMPARE(exportedText, expected);

        // Re-ingesting the same spans changes nothing; rules saved again keep the telemetry parts.
        QVERIFY2(Telemetry::ingest(store.db(), "otlp", joinTelemetry(), ingested, error), error.c_str());
        QCOMPARE(ingested.duplicates, 4);
        QVERIFY2(Allocation::saveRules(store.db(), {rule}, error), error.c_str());
        QVERIFY2(Analytics::totals(store.db(), by("feature"), rows, error), error.c_str());
        QCOMPARE(byFeature(rows), expected);
    }

    void telemetryBeforeTheBill()
    {
        // Telemetry first, the bill imported afterwards: the import computes the split of its days.
        Cost::Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("first.sqlite")).toStdString()));
        std::string error;
        Telemetry::IngestResult ingested;
        QVERIFY2(Telemetry::ingest(store.db(), "otlp", joinTelemetry(), ingested, error), error.c_str());
        QVERIFY(importBill(store, QStringLiteral("first.csv"), joinBill()));
        std::vector<Analytics::TotalsRow> rows;
        QVERIFY2(Analytics::totals(store.db(), by("feature"), rows, error), error.c_str());
        QCOMPARE(byFeature(rows).at("chat"), std::string("0.835"));
        QCOMPARE(byFeature(rows).at(""), std::string("2.00")); // day 2: no rule, no telemetry
        checkViewsAgree(store.db());
    }

    // Removing a bill (an account's data) changes the billed tokens the telemetry is set against:
    // the split of those days is recomputed with what is left, in the same transaction.
    void removingABillRecomputesTheSplit()
    {
        Cost::Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("removal.sqlite")).toStdString()));
        QVERIFY(importBill(store, QStringLiteral("removal-a.csv"), joinBill()));
        QByteArray second = TestSupport::focusTokenCsv({{"2026-03-01", "OpenAI", "gpt-4o-2024-08-06", "Input", "1.00", "1000000", ""}});
        second.replace(",org-1,", ",org-2,");
        QVERIFY(importBill(store, QStringLiteral("removal-b.csv"), second));
        std::string error;
        Telemetry::IngestResult ingested;
        QVERIFY2(Telemetry::ingest(store.db(), "otlp", joinTelemetry(), ingested, error), error.c_str());
        std::vector<Analytics::TotalsRow> rows;
        QVERIFY2(Analytics::totals(store.db(), by("feature"), rows, error), error.c_str());
        // gpt-4o input: $3.00 for 2M billed tokens; chat's 300k → 0.45 (+ output 0.16, cached 0.075).
        QCOMPARE(byFeature(rows).at("chat"), std::string("0.685"));

        std::vector<qint64> ids;
        Cost::SqliteStmt st(store.db(), "SELECT p.id FROM partition p JOIN dict d ON d.id = p.billing_account WHERE d.s = 'org-2'");
        while (st.step())
            ids.push_back(st.int64(0));
        QCOMPARE(ids.size(), std::size_t(1));
        QVERIFY(store.db().exec("BEGIN IMMEDIATE"));
        QVERIFY(Conn::AccountStore::deletePartitions(store.db(), ids) > 0);
        QVERIFY(store.db().exec("COMMIT"));
        QVERIFY2(Analytics::totals(store.db(), by("feature"), rows, error), error.c_str());
        QCOMPARE(byFeature(rows).at("chat"), std::string("0.835")); // as with bill A alone
        checkViewsAgree(store.db());
    }

    void cacheWritesMatchTheBillsCacheWrites()
    {
        Cost::Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("writes.sqlite")).toStdString()));
        QVERIFY(importBill(store, QStringLiteral("writes.csv"),
                           TestSupport::focusTokenCsv({{"2026-03-01", "Anthropic", "claude-sonnet-4-20250514", "Input", "3.00", "300000", ""},
                                     {"2026-03-01", "Anthropic", "claude-sonnet-4-20250514", "Cache Write", "1.25", "100000", ""}})));
        std::string error;
        Telemetry::IngestResult ingested;
        // 400k input including a 100k cache write: 300k uncached input, 100k cache write.
        QVERIFY2(Telemetry::ingest(store.db(), "otlp",
                                   {call("w", "anthropic", "claude-sonnet-4", "agent", "", 400000, 0, 100000, 0),
                                    call("x", "anthropic", "claude-sonnet-4", "other", "", 300000, 0, 0, 0)},
                                   ingested, error),
                 error.c_str());
        std::vector<Analytics::TotalsRow> rows;
        QVERIFY2(Analytics::totals(store.db(), by("feature"), rows, error), error.c_str());
        // Input: agent's 300k uncached and other's 300k of 300k billed (telemetry over the bill):
        // 1.50 each; the cache write is agent's alone: 1.25. Unsubtracted, agent would get 4/7 of 3.00.
        QCOMPARE(byFeature(rows), (std::map<std::string, std::string>{{"agent", "2.75"}, {"other", "1.50"}}));
        checkViewsAgree(store.db());
    }

    // Where the bill is hourly the split is made hour by hour (issue #24 item 2: "hour, where the bill
    // is hourly"): a feature is charged for the hours it used, not the day's average price.
    void hourlyBillSplitsHourByHour()
    {
        Cost::Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("hourly.sqlite")).toStdString()));
        const auto line = [](const char *start, const char *end, const char *billed, const char *tokens, const char *type) {
            return QByteArray(billed) + ",org-1,USD," + start + "," + end + "," + tokens
                + ",Tokens,OpenAI,API,gpt-4o-2024-08-06," + type + ",\"{\"\"ModelId\"\":\"\"gpt-4o-2024-08-06\"\",\"\"TokenType\"\":\"\""
                + type + "\"\"}\",\"\"\n";
        };
        // Input billed per hour: 10:00 $1.00, 11:00 $2.00 (a dearer hour), 12:00 $1.00, 1M tokens each.
        // Output billed for the whole day: $0.50 for 100k tokens.
        QByteArray csv = "BilledCost,BillingAccountId,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ConsumedQuantity,ConsumedUnit,"
                         "ServiceProviderName,ServiceName,SkuId,SkuMeter,SkuPriceDetails,Tags\n";
        csv += line("2026-03-01T10:00:00Z", "2026-03-01T11:00:00Z", "1.00", "1000000", "Input");
        csv += line("2026-03-01T11:00:00Z", "2026-03-01T12:00:00Z", "2.00", "1000000", "Input");
        csv += line("2026-03-01T12:00:00Z", "2026-03-01T13:00:00Z", "1.00", "1000000", "Input");
        csv += line("2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z", "0.50", "100000", "Output");
        QVERIFY(importBill(store, QStringLiteral("hourly.csv"), csv));
        // chat: 1M input at 10:xx; search: 500k input at 11:xx; nobody at 12:xx. 50k output each.
        auto chat = call("h1", "openai", "gpt-4o", "chat", "", 1000000, 0, 0, 50000);
        auto search = call("h2", "openai", "gpt-4o", "search", "", 500000, 0, 0, 50000);
        chat.startSeconds = TestSupport::day("2026-03-01") * 86400 + 10 * 3600 + 120;
        search.startSeconds = TestSupport::day("2026-03-01") * 86400 + 11 * 3600 + 300;
        std::string error;
        Telemetry::IngestResult ingested;
        QVERIFY2(Telemetry::ingest(store.db(), "otlp", {chat, search}, ingested, error), error.c_str());
        std::vector<Analytics::TotalsRow> rows;
        QVERIFY2(Analytics::totals(store.db(), by("feature"), rows, error), error.c_str());
        // Input by hour: chat all of 10:00 (1.00), search half of 11:00 (1.00), the rest of 11:00 and
        // all of 12:00 untracked (2.00). A daily split would give chat 1.5M/3M... = 2.00 of 4.00.
        // Output (a daily charge): 50k + 50k of 100k → 0.25 each.
        QCOMPARE(byFeature(rows), (std::map<std::string, std::string>{{"chat", "1.25"}, {"search", "1.25"}, {"(untracked)", "2.00"}}));
        checkViewsAgree(store.db());

        // Telemetry only in an hour without a bill: the day's hourly input is untracked, not split.
        Cost::Store late;
        QVERIFY(late.open(m_dir.filePath(QStringLiteral("hourly-late.sqlite")).toStdString()));
        QVERIFY(importBill(late, QStringLiteral("hourly-late.csv"), csv));
        auto night = call("h3", "openai", "gpt-4o", "night", "", 1000000, 0, 0, 0);
        night.startSeconds = TestSupport::day("2026-03-01") * 86400 + 22 * 3600;
        QVERIFY2(Telemetry::ingest(late.db(), "otlp", {night}, ingested, error), error.c_str());
        QVERIFY2(Analytics::totals(late.db(), by("feature"), rows, error), error.c_str());
        QCOMPARE(byFeature(rows), (std::map<std::string, std::string>{{"(untracked)", "4.00"}, {"", "0.50"}}));
    }

    void cliTotalsByFeature()
    {
        const QString db = m_dir.filePath(QStringLiteral("cli.sqlite"));
        const QString bill = m_dir.filePath(QStringLiteral("cli-bill.csv"));
        const QString telemetry = m_dir.filePath(QStringLiteral("cli-telemetry.csv"));
        {
            QFile f(bill);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(TestSupport::focusTokenCsv({{"2026-03-01", "OpenAI", "gpt-4o-2024-08-06", "Input", "1.00", "700", ""},
                              {"2026-03-01", "OpenAI", "gpt-4o-2024-08-06", "Output", "0.10", "300", ""}}));
        }
        {
            // Three features of 100 tokens each of 700 billed: 1/7 each, floored cumulatively.
            QFile f(telemetry);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("timestamp,provider,model,input_tokens,output_tokens,feature\n"
                    "2026-03-01T08:00:00Z,openai,gpt-4o,100,0,a\n"
                    "2026-03-01T09:00:00Z,openai,gpt-4o,100,0,b\n"
                    "2026-03-01T10:00:00Z,openai,gpt-4o,100,400,c\n");
        }
        QString out, err;
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("import"), bill}, &out, &err), 0);
        QVERIFY2(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("telemetry"), QStringLiteral("import"), telemetry},
                                          &out, &err)
                     == 0,
                 qPrintable(err));
        QVERIFY2(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("totals"), QStringLiteral("--by"),
                                           QStringLiteral("feature")},
                                          &out, &err)
                     == 0,
                 qPrintable(err));
        // Input $1.00: a, b, c get floor(10⁹·k/7)−floor(10⁹·(k−1)/7) nano-dollars of 142857/10⁶ shares:
        // alloc(1.00, 0, 142857) = 0.142857, then 0.142857 and 0.142857; untracked 0.571429.
        // Output $0.10: c's 400 of 300 billed → all of it.
        QCOMPARE(out, QStringLiteral("feature,billed,rows\n(untracked),0.571429,1\nc,0.242857,2\na,0.142857,1\nb,0.142857,1\n"));
        QVERIFY2(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("totals"), QStringLiteral("--by"),
                                           QStringLiteral("provider")},
                                          &out, &err)
                     == 0,
                 qPrintable(err));
        QCOMPARE(out, QStringLiteral("provider,billed,rows\nOpenAI,1.10,2\n"));
    }
};

QTEST_GUILESS_MAIN(TestTelemetryJoin)
#include "tst_telemetryjoin.moc"
