// Application telemetry (models/telemetry/): the OTLP JSON and CSV parsers keep only counts and the
// mapped attributes and say where bad input is; ingesting is idempotent and all-or-nothing; coverage
// sets the telemetry against the bill day by day; `burnrate telemetry import` and `coverage` keep
// their contract.
#include "otlptestdata.h"
#include "testsupport.h"

#include "domain/money.h"
#include "import/focusimporter.h"
#include "import/ingestor.h"
#include "store/store.h"
#include "telemetry/coverage.h"
#include "telemetry/gatewaylogs.h"
#include "telemetry/otlpjson.h"
#include "telemetry/otlpimport.h"
#include "telemetry/otlplines.h"
#include "telemetry/telemetrycsv.h"
#include "telemetry/telemetrystore.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray readData(const char *name)
{
    QFile f(TestSupport::dataPath(QStringLiteral("telemetry/") + QString::fromLatin1(name)));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", name);
    return f.readAll();
}

std::int64_t sumColumn(Cost::SqliteDb &db, const char *column)
{
    return db.scalar(std::string("SELECT coalesce(sum(") + column + "), 0) FROM telemetry_usage");
}

struct Run {
    int code = -1;
    QString out, err;
};

// A Collector file exporter's output of at least `bytes`: one request per line, one span each
// (distinct ids, features "even" and "odd"); `lines` is set to the number of lines.
QByteArray collectorFile(qsizetype bytes, int &lines)
{
    QByteArray file;
    for (lines = 0; file.size() < bytes; ++lines) {
        const QByteArray spanId = QByteArray::number(0x1000000000000000LL + lines, 16);
        file += TestSupport::otlpSpanJson(spanId.constData(), 1 + lines % 1000, "app.feature", lines % 2 ? "odd" : "even") + '\n';
    }
    return file;
}

} // namespace

class TestTelemetry : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    Run burnrate(const QString &db, const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(BURNRATE_BINARY), QStringList{QStringLiteral("--db"), db} + args);
        p.waitForFinished(60000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void otlpJsonKeepsCountsAndMappedAttributes()
    {
        const QByteArray file = readData("otlp-genai.jsonl");
        const QList<QByteArray> lines = file.split('\n');
        std::vector<Telemetry::Usage> usage;
        Telemetry::OtlpSummary summary;
        std::string error;
        for (const QByteArray &line : lines)
            if (!line.isEmpty())
                QVERIFY2(Telemetry::parseOtlpJson(line.toStdString(), {}, usage, summary, error), error.c_str());
        QCOMPARE(summary.spans, 4);
        QCOMPARE(summary.modelCalls, 3);
        QCOMPARE(usage.size(), std::size_t(3));

        const Telemetry::Usage &chat = usage[0];
        QCOMPARE(chat.provider, std::string("openai"));
        QCOMPARE(chat.model, std::string("gpt-4o-2024-08-06")); // the response model: what was billed
        QCOMPARE(chat.inputTokens, 300000);                     // 400k input includes the 100k cached
        QCOMPARE(chat.cachedInputTokens, 100000);
        QCOMPARE(chat.outputTokens, 200000);
        QCOMPARE(chat.feature, std::string("chat")); // app.feature wins over service.name
        QCOMPARE(chat.team, std::string("cx"));      // service.namespace of the resource
        QCOMPARE(chat.user, std::string("u-17"));
        QCOMPARE(chat.latencyMs, 850);
        QCOMPARE(chat.startSeconds, TestSupport::day("2026-03-01") * 86400 + 3600);
        QCOMPARE(chat.id, std::string("5b8efff798038103d269b633813fc60c:eee19b7ec3c1b174"));

        const Telemetry::Usage &search = usage[1]; // the older attribute names
        QCOMPARE(search.provider, std::string("openai"));
        QCOMPARE(search.model, std::string("gpt-4o"));
        QCOMPARE(search.inputTokens, 200000);
        QCOMPARE(search.outputTokens, 100000);
        QCOMPARE(search.feature, std::string("search-api")); // no app.feature: the service
        QCOMPARE(search.team, std::string("search"));

        QCOMPARE(usage[2].inputTokens, 750000); // intValue as a JSON number
        QCOMPARE(usage[2].feature, std::string("summarize"));
    }

    void otlpJsonErrorsNameThePlace_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << QByteArray("{\"resourceSpans\": [") << QStringLiteral("line 1, column");
        QTest::newRow("not an object") << QByteArray("[1]") << QStringLiteral("expected an OTLP ExportTraceServiceRequest");
        QTest::newRow("spans not an array") << QByteArray(R"({"resourceSpans":[{"scopeSpans":[{"spans":{}}]}]})")
                                            << QStringLiteral("resourceSpans[0].scopeSpans[0].spans: expected an array");
        QTest::newRow("token count")
            << QByteArray(R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"a","spanId":"b","startTimeUnixNano":"1",)"
                          R"("attributes":[{"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}},)"
                          R"({"key":"gen_ai.usage.input_tokens","value":{"intValue":"-5"}}]}]}]}]})")
            << QStringLiteral("resourceSpans[0].scopeSpans[0].spans[0].attributes: attribute 'gen_ai.usage.input_tokens'");
        QTest::newRow("no span id")
            << QByteArray(R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"startTimeUnixNano":"1",)"
                          R"("attributes":[{"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}},)"
                          R"({"key":"gen_ai.usage.output_tokens","value":{"intValue":"5"}}]}]}]}]})")
            << QStringLiteral("without traceId and spanId");
    }

    void otlpJsonErrorsNameThePlace()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        std::vector<Telemetry::Usage> usage;
        Telemetry::OtlpSummary summary;
        std::string error;
        QVERIFY(!Telemetry::parseOtlpJson(body.toStdString(), {}, usage, summary, error));
        QVERIFY2(QString::fromStdString(error).contains(expected), error.c_str());
        QVERIFY(usage.empty());
    }

    // A Collector file large enough to be parsed in pieces on several cores: the same calls in the
    // same order as one core gives, and a bad line in a later piece named by its line in the file.
    void otlpLinesInPieces()
    {
        int lines = 0;
        const QByteArray file = collectorFile(10 << 20, lines);
        const std::string_view text(file.constData(), static_cast<std::size_t>(file.size()));
        std::vector<Telemetry::Usage> one, several;
        Telemetry::OtlpSummary oneSummary, severalSummary;
        std::string error;
        QVERIFY2(Telemetry::parseOtlpLines(text, {}, one, oneSummary, error, 1), error.c_str());
        QVERIFY2(Telemetry::parseOtlpLines(text, {}, several, severalSummary, error, 3), error.c_str());
        QCOMPARE(one.size(), static_cast<std::size_t>(lines));
        QCOMPARE(several.size(), one.size());
        QCOMPARE(severalSummary.spans, oneSummary.spans);
        for (std::size_t i = 0; i < one.size(); ++i)
            if (one[i].id != several[i].id || one[i].inputTokens != several[i].inputTokens || one[i].feature != several[i].feature)
                QFAIL(qPrintable(QStringLiteral("call %1 differs").arg(i)));
        // A broken line near the end (in the last piece): its number in the whole file.
        const qsizetype cut = file.lastIndexOf("\"intValue\"", file.size() - 2000);
        QVERIFY(cut > 0);
        QByteArray broken = file;
        broken.replace(cut, 10, "\"intValue\":{");
        const int brokenLine = static_cast<int>(broken.left(cut).count('\n')) + 1;
        std::vector<Telemetry::Usage> none;
        Telemetry::OtlpSummary summary;
        QVERIFY(!Telemetry::parseOtlpLines(std::string_view(broken.constData(), static_cast<std::size_t>(broken.size())), {}, none, summary,
                                           error, 3));
        QVERIFY2(error.rfind("line " + std::to_string(brokenLine) + ": ", 0) == 0, error.c_str());
        QVERIFY(brokenLine > lines - 10);
        QVERIFY(none.empty());
    }

    // `telemetry import` of a file in pieces stored while the next ones parse (small pieces here):
    // the same store as one ingest of every call; a bad line in a late piece stores nothing of the
    // file and is named; a file already imported adds nothing.
    void otlpImportInPieces()
    {
        int lines = 0;
        const QByteArray file = collectorFile(400 << 10, lines);
        const std::string_view text(file.constData(), static_cast<std::size_t>(file.size()));
        const auto usageRows = [](Cost::Store &store) {
            std::string rows;
            Cost::SqliteStmt st(store.db(), "SELECT hour, feature, input, requests FROM telemetry_usage ORDER BY 1, 2");
            while (st.step())
                rows += std::to_string(st.int64(0)) + std::string(st.text(1)) + std::to_string(st.int64(2)) + "/"
                    + std::to_string(st.int64(3)) + ";";
            return rows;
        };
        Cost::Store whole, pieces;
        QVERIFY(whole.open(m_dir.filePath(QStringLiteral("whole.sqlite")).toStdString()));
        QVERIFY(pieces.open(m_dir.filePath(QStringLiteral("pieces.sqlite")).toStdString()));
        std::vector<Telemetry::Usage> usage;
        Telemetry::OtlpSummary summary;
        Telemetry::IngestResult result;
        std::string error;
        QVERIFY2(Telemetry::parseOtlpLines(text, {}, usage, summary, error, 1), error.c_str());
        QVERIFY2(Telemetry::ingest(whole.db(), "otlp", usage, result, error), error.c_str());

        // A bad line in the last piece: nothing of the file stored, the line named.
        QByteArray broken = file;
        const qsizetype cut = broken.lastIndexOf("\"intValue\"");
        broken.replace(cut, 10, "\"intValue\":[");
        const int brokenLine = static_cast<int>(broken.left(cut).count('\n')) + 1;
        Telemetry::IngestResult r;
        QVERIFY(!Telemetry::importOtlpLines(pieces.db(), "otlp", std::string_view(broken.constData(), static_cast<std::size_t>(broken.size())),
                                            {}, r, summary, error, 16 << 10));
        QVERIFY2(error.rfind("line " + std::to_string(brokenLine) + ": ", 0) == 0, error.c_str());
        QCOMPARE(pieces.db().scalar("SELECT count(*) FROM telemetry_usage"), 0);
        QCOMPARE(pieces.db().scalar("SELECT count(*) FROM telemetry_seen"), 0);

        QVERIFY2(Telemetry::importOtlpLines(pieces.db(), "otlp", text, {}, r, summary, error, 16 << 10), error.c_str());
        QCOMPARE(r.calls, static_cast<std::int64_t>(lines));
        QCOMPARE(r.calls, result.calls);
        QCOMPARE(r.tokens, result.tokens);
        QCOMPARE(summary.modelCalls, static_cast<std::int64_t>(lines));
        QCOMPARE(usageRows(pieces), usageRows(whole));
        QVERIFY2(Telemetry::importOtlpLines(pieces.db(), "otlp", text, {}, r, summary, error, 16 << 10), error.c_str());
        QCOMPARE(r.calls, 0);
        QCOMPARE(r.duplicates, static_cast<std::int64_t>(lines));
        QCOMPARE(usageRows(pieces), usageRows(whole));
    }

    void csvRowsAndErrors()
    {
        std::vector<Telemetry::Usage> usage;
        std::string error;
        QVERIFY2(Telemetry::parseTelemetryCsv(readData("telemetry.csv").toStdString(), usage, error), error.c_str());
        QCOMPARE(usage.size(), std::size_t(3));
        QCOMPARE(usage[0].requests, 4);
        QCOMPARE(usage[0].latencyMs, 900);
        QCOMPARE(usage[0].team, std::string("digest"));
        QVERIFY(usage[0].id != usage[1].id); // identical rows are two groups of calls
        QCOMPARE(usage[2].inputTokens, 250000); // 300k input includes 50k cached
        QCOMPARE(usage[2].cachedInputTokens, 50000);
        QCOMPARE(usage[2].latencyMs, -1);

        std::vector<Telemetry::Usage> again;
        QVERIFY(Telemetry::parseTelemetryCsv(readData("telemetry.csv").toStdString(), again, error));
        for (std::size_t i = 0; i < usage.size(); ++i)
            QCOMPARE(again[i].id, usage[i].id); // the same file gives the same identities

        std::vector<Telemetry::Usage> bad;
        QVERIFY(!Telemetry::parseTelemetryCsv(readData("telemetry-bad.csv").toStdString(), bad, error));
        QCOMPARE(QString::fromStdString(error), QStringLiteral("line 3: column input_tokens: expected a whole number of tokens ≥ 0, got '12k'"));
        QVERIFY(bad.empty());
        QVERIFY(!Telemetry::parseTelemetryCsv("timestamp,provider,model\n", bad, error));
        QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("no 'input_tokens' column")), error.c_str());
    }

    void liteLlmSpendLogs_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("JSON (the API)") << QStringLiteral("litellm-spendlogs.json");
        QTest::newRow("CSV (a table export)") << QStringLiteral("litellm-spendlogs.csv");
    }

    void liteLlmSpendLogs()
    {
        QFETCH(QString, file);
        const std::string text = readData(qPrintable(file)).toStdString();
        std::vector<Telemetry::Usage> usage;
        std::string error;
        const bool ok = file.endsWith(QStringLiteral(".csv")) ? Telemetry::parseLiteLlmSpendLogsCsv(text, usage, error)
                                                              : Telemetry::parseLiteLlmSpendLogs(text, usage, error);
        QVERIFY2(ok, error.c_str());
        QCOMPARE(usage.size(), std::size_t(3));
        const Telemetry::Usage &chat = usage[0];
        QCOMPARE(chat.id, std::string("chatcmpl-A1b2C3"));
        QCOMPARE(chat.provider, std::string("openai"));
        QCOMPARE(chat.model, std::string("gpt-4o-2024-08-06"));
        QCOMPARE(chat.inputTokens, 1000); // 1200 prompt tokens include 200 cached
        QCOMPARE(chat.cachedInputTokens, 200);
        QCOMPARE(chat.outputTokens, 400);
        QCOMPARE(chat.latencyMs, 900);
        QCOMPARE(chat.feature, std::string("chat"));     // metadata.feature
        QCOMPARE(chat.team, std::string("support"));     // team_alias before team_id
        QCOMPARE(chat.user, std::string("customer-42")); // end_user before the key owner
        QCOMPARE(chat.startSeconds, TestSupport::day("2026-03-01") * 86400 + 10 * 3600);
        const Telemetry::Usage &digest = usage[1];
        QCOMPARE(digest.inputTokens, 1000); // 5000 − 3000 read − 1000 written
        QCOMPARE(digest.cachedInputTokens, 3000);
        QCOMPARE(digest.cacheWriteTokens, 1000);
        QCOMPARE(digest.feature, std::string("summarize")); // the feature: tag
        QCOMPARE(digest.team, std::string("7f00-team"));
        QCOMPARE(digest.user, std::string("key-owner-7"));
        QCOMPARE(digest.latencyMs, 4000); // end − start
        QCOMPARE(usage[2].feature, std::string("classify")); // the first tag, from JSON text
        QCOMPARE(usage[2].team, std::string("search"));      // metadata given as JSON text

        std::vector<Telemetry::Usage> bad;
        QVERIFY(!Telemetry::parseLiteLlmSpendLogs(R"([{"request_id": "x", "model": "gpt-4o", "startTime": "2026-03-01T00:00:00Z",)"
                                                  R"( "prompt_tokens": "many"}])",
                                                  bad, error));
        QCOMPARE(QString::fromStdString(error), QStringLiteral("spend log 1: field 'prompt_tokens': expected a token count, got \"many\""));
        QVERIFY(bad.empty());
    }

    void langfuseObservations()
    {
        std::vector<Telemetry::Usage> usage;
        std::string error;
        QVERIFY2(Telemetry::parseLangfuseObservations(readData("langfuse-observations.json").toStdString(), usage, error), error.c_str());
        QCOMPARE(usage.size(), std::size_t(2)); // the span is not a model call
        QCOMPARE(usage[0].id, std::string("obs-0001"));
        QCOMPARE(usage[0].provider, std::string("openai")); // Langfuse names no provider: told from the model
        QCOMPARE(usage[1].provider, std::string("anthropic"));
        QCOMPARE(usage[0].inputTokens, 900); // Langfuse's keys are disjoint: input is uncached
        QCOMPARE(usage[0].cachedInputTokens, 100);
        QCOMPARE(usage[0].outputTokens, 250);
        QCOMPARE(usage[0].feature, std::string("chat"));
        QCOMPARE(usage[0].team, std::string("cx"));
        QCOMPARE(usage[0].user, std::string("customer-42"));
        QCOMPARE(usage[0].latencyMs, 2000); // whole seconds of end − start
        QCOMPARE(usage[1].feature, std::string("weekly-digest")); // no tag: the trace name
        QCOMPARE(usage[1].cachedInputTokens, 6000);
        QCOMPARE(usage[1].cacheWriteTokens, 500);
        std::vector<Telemetry::Usage> bad;
        QVERIFY(!Telemetry::parseLangfuseObservations(R"({"data": 5})", bad, error));
        QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("expected a JSON array of rows")), error.c_str());
    }

    void ingestIsIdempotentAndSumsPerHour()
    {
        Cost::Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("ingest.sqlite")).toStdString()));
        std::vector<Telemetry::Usage> usage;
        std::string error;
        QVERIFY(Telemetry::parseTelemetryCsv(readData("telemetry.csv").toStdString(), usage, error));
        Telemetry::IngestResult r;
        QVERIFY2(Telemetry::ingest(store.db(), "csv", usage, r, error), error.c_str());
        QCOMPARE(r.calls, 3);
        QCOMPARE(r.requests, 18);
        QCOMPARE(r.duplicates, 0);
        // The two identical rows share an hour and a key: one row, their sums.
        QCOMPARE(store.db().scalar("SELECT count(*) FROM telemetry_usage"), 2);
        QCOMPARE(store.db().scalar("SELECT requests FROM telemetry_usage WHERE model = 'claude-sonnet-4'"), 8);
        QCOMPARE(store.db().scalar("SELECT model = 'gpt-4o' FROM telemetry_usage WHERE feature = 'chat'"), 1); // canonical

        const std::int64_t input = sumColumn(store.db(), "input"), requests = sumColumn(store.db(), "requests");
        QVERIFY(Telemetry::ingest(store.db(), "csv", usage, r, error));
        QCOMPARE(r.calls, 0);
        QCOMPARE(r.duplicates, 3);
        QCOMPARE(sumColumn(store.db(), "input"), input);
        QCOMPARE(sumColumn(store.db(), "requests"), requests);
        // Two requests for one key add up, latency histogram included (merged in the upsert).
        std::vector<Telemetry::Usage> first(usage.begin(), usage.begin() + 1), second(usage.begin() + 1, usage.begin() + 2);
        QVERIFY(Telemetry::ingest(store.db(), "split", first, r, error));
        QVERIFY(Telemetry::ingest(store.db(), "split", second, r, error));
        QCOMPARE(store.db().scalar("SELECT count(*) FROM telemetry_usage WHERE source = 'split'"), 1);
        Cost::SqliteStmt latency(store.db(), "SELECT latency, timed FROM telemetry_usage WHERE source = 'split'");
        QVERIFY(latency.step());
        std::vector<std::int64_t> counts;
        Telemetry::Latency::accumulate(latency.text(0), counts);
        QCOMPARE(counts[static_cast<std::size_t>(Telemetry::Latency::bucketOf(900))], 8); // 4 + 4 requests at 900 ms
        QCOMPARE(latency.int64(1), 8);
        // The same ids from another source are other calls.
        const std::int64_t before = sumColumn(store.db(), "input");
        QVERIFY(Telemetry::ingest(store.db(), "litellm", usage, r, error));
        QCOMPARE(r.calls, 3);
        QCOMPARE(sumColumn(store.db(), "input"), before + input);
    }

    void ingestIsAllOrNothing()
    {
        Cost::Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("atomic.sqlite")).toStdString()));
        std::vector<Telemetry::Usage> usage;
        std::string error;
        QVERIFY(Telemetry::parseTelemetryCsv(readData("telemetry.csv").toStdString(), usage, error));
        // A trigger that fails the write of the second key stands in for a full disk.
        QVERIFY(store.db().exec("CREATE TRIGGER fail BEFORE INSERT ON telemetry_usage WHEN NEW.model = 'gpt-4o'"
                                " BEGIN SELECT RAISE(ABORT, 'disk full'); END"));
        Telemetry::IngestResult r;
        QVERIFY(!Telemetry::ingest(store.db(), "csv", usage, r, error));
        QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("disk full")), error.c_str());
        QCOMPARE(store.db().scalar("SELECT count(*) FROM telemetry_usage"), 0);
        QCOMPARE(store.db().scalar("SELECT count(*) FROM telemetry_seen"), 0); // nothing marked as seen
        QVERIFY(!store.db().inTransaction());
        QVERIFY(store.db().exec("DROP TRIGGER fail"));
        QVERIFY(Telemetry::ingest(store.db(), "csv", usage, r, error));
        QCOMPARE(r.calls, 3);
    }

    void latencyQuantiles()
    {
        std::vector<std::int64_t> add(Telemetry::Latency::kBuckets, 0);
        for (int ms : {100, 100, 100, 100, 100, 100, 100, 100, 100, 2000})
            ++add[static_cast<std::size_t>(Telemetry::Latency::bucketOf(ms))];
        const std::string stored = Telemetry::Latency::merge({}, add);
        std::vector<std::int64_t> counts;
        Telemetry::Latency::accumulate(stored, counts);
        const double p50 = Telemetry::Latency::quantile(counts, 0.5), p95 = Telemetry::Latency::quantile(counts, 0.95);
        // A quarter-octave bucket is within 19 % of any value in it.
        QVERIFY2(p50 > 84 && p50 < 119, qPrintable(QString::number(p50)));
        QVERIFY2(p95 > 1680 && p95 < 2380, qPrintable(QString::number(p95)));
        QCOMPARE(Telemetry::Latency::quantile(std::vector<std::int64_t>(8, 0), 0.5), -1.0);
    }

    // `telemetry import` tells the sources apart by their first bytes; the CSV export of the same
    // LiteLLM rows adds nothing after the JSON (same request ids, same source).
    void importTellsSourcesApart()
    {
        const QString db = m_dir.filePath(QStringLiteral("sources.sqlite"));
        const auto data = [](const char *name) { return TestSupport::dataPath(QStringLiteral("telemetry/") + QString::fromLatin1(name)); };
        const Run r = burnrate(db, {QStringLiteral("telemetry"), QStringLiteral("import"), data("litellm-spendlogs.json"),
                                    data("langfuse-observations.json"), data("litellm-spendlogs.csv")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("litellm-spendlogs.json: 3 model calls added (3 requests, 6985 tokens), 0 already stored")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("langfuse-observations.json: 2 model calls added (2 requests, 10450 tokens)")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("litellm-spendlogs.csv: 0 model calls added (0 requests, 0 tokens), 3 already stored")),
                 qPrintable(r.out));
        Cost::Store store;
        QVERIFY(store.open(db.toStdString()));
        QCOMPARE(store.db().scalar("SELECT count(DISTINCT source) FROM telemetry_usage"), 2);
        QCOMPARE(store.db().scalar("SELECT sum(requests) FROM telemetry_usage"), 5);
        const Run bad = burnrate(db, {QStringLiteral("telemetry"), QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("parquet"),
                                      data("telemetry.csv")});
        QCOMPARE(bad.code, 2);
    }

    // The bill (gpt-4o: 1M input $2.00 and 1M output $0.80 a day; Claude Sonnet 4: 1M input
    // $1.00) against the telemetry of otlp-genai.jsonl and telemetry.csv.
    void coverageAgainstTheBill()
    {
        const QString db = m_dir.filePath(QStringLiteral("coverage.sqlite"));
        const QString csv = m_dir.filePath(QStringLiteral("bill.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(TestSupport::tokenFocusCsv("2026-03-01", "2026-03-02"));
        }
        {
            Cost::Store store;
            QVERIFY(store.open(db.toStdString()));
            Cost::FocusImporter importer(store.db());
            const auto imported = importer.importFile(csv.toStdString(), Cost::Ingestor::newBatch(store.db()));
            QVERIFY2(imported.ok, imported.error.toString().c_str());
        }
        const QString otlp = TestSupport::dataPath(QStringLiteral("telemetry/otlp-genai.jsonl"));
        const QString tcsv = TestSupport::dataPath(QStringLiteral("telemetry/telemetry.csv"));
        Run r = burnrate(db, {QStringLiteral("telemetry"), QStringLiteral("import"), otlp, tcsv});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("otlp-genai.jsonl: 3 model calls added (3 requests, 1655000 tokens), 0 already stored, 1 other spans skipped")),
                 qPrintable(r.out));
        r = burnrate(db, {QStringLiteral("telemetry"), QStringLiteral("import"), otlp});
        QVERIFY2(r.out.contains(QStringLiteral("0 model calls added (0 requests, 0 tokens), 3 already stored")), qPrintable(r.out));
        // A bad file names its line and JSON path and adds nothing.
        r = burnrate(db, {QStringLiteral("telemetry"), QStringLiteral("import"), TestSupport::dataPath(QStringLiteral("telemetry/otlp-bad-start.jsonl"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("otlp-bad-start.jsonl:2: resourceSpans[1].scopeSpans[0].spans[0].startTimeUnixNano")), qPrintable(r.err));

        r = burnrate(db, {QStringLiteral("coverage")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.value(0), QStringLiteral("day,provider,model,token_kind,billed_tokens,telemetry_tokens,coverage_pct,billed,telemetry_estimate"));
        // Day 1: gpt-4o input 300k (chat, uncached) + 200k (search) of 1M billed; the 100k cached
        // input has no billed line; output 300k of 1M. Claude: no telemetry on day 1.
        QVERIFY2(lines.contains(QStringLiteral("2026-03-01,openai,gpt-4o,input,1000000,500000,50.0,2.00,1.25")), qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("2026-03-01,openai,gpt-4o,output,1000000,300000,30.0,0.80,3.00")), qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("2026-03-01,openai,gpt-4o,cached_input,0,100000,,0.00,0.125")), qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("2026-03-01,anthropic,claude-sonnet-4,input,1000000,0,0.0,1.00,0.00")), qPrintable(r.out));
        // Day 2: Claude 750k (span) + 2 × 100k (CSV rows) of 1M; gpt-4o 250k uncached (CSV).
        QVERIFY2(lines.contains(QStringLiteral("2026-03-02,anthropic,claude-sonnet-4,input,1000000,950000,95.0,1.00,2.85")), qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("2026-03-02,openai,gpt-4o,input,1000000,250000,25.0,2.00,0.625")), qPrintable(r.out));

        std::vector<Telemetry::CoverageRow> rows;
        std::string error;
        Cost::Store store;
        QVERIFY(store.open(db.toStdString()));
        QVERIFY2(Telemetry::coverage(store.db(), TestSupport::day("2026-03-01"), TestSupport::day("2026-03-01"), rows, error), error.c_str());
        int flagged = 0;
        for (const auto &row : rows)
            flagged += row.flagged();
        QCOMPARE(flagged, 2); // cached input with no bill line; Claude billed with no telemetry
    }
};

QTEST_GUILESS_MAIN(TestTelemetry)
#include "tst_telemetry.moc"
