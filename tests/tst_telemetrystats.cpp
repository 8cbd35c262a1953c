// What the telemetry unlocks (issue #24 items 3 and 4): per feature the requests, distinct users and
// p50 / p95 latency the applications reported, next to the feature's share of the bill — cost per
// 1,000 requests and per user — and the report's "Application telemetry" section with coverage.
#include "testsupport.h"

#include "domain/timeparse.h"
#include "domain/translations.h"
#include "import/focusimporter.h"
#include "import/ingestor.h"
#include "store/store.h"
#include "telemetry/telemetrystats.h"
#include "telemetry/telemetrystore.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

Telemetry::Usage call(const char *id, const char *feature, const char *user, std::int64_t input, std::int64_t output,
                      std::int64_t latencyMs)
{
    Telemetry::Usage u;
    u.startSeconds = TestSupport::day("2026-03-01") * 86400 + 9 * 3600;
    u.provider = "openai";
    u.model = "gpt-4o";
    u.feature = feature;
    u.user = user;
    u.inputTokens = input;
    u.outputTokens = output;
    u.latencyMs = latencyMs;
    u.id = id;
    return u;
}

} // namespace

class TestTelemetryStats : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Translations::install(QStringLiteral("en")); // "%n day(s)" as the app and the CLI print it
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // the figures below, in any test locale
        m_db = m_dir.filePath(QStringLiteral("store.sqlite"));
        Cost::Store store;
        QVERIFY(store.open(m_db.toStdString()));
        // The bill: 1M input tokens for $2.00 and 1M output tokens for $0.80.
        const QString bill = m_dir.filePath(QStringLiteral("bill.csv"));
        QFile f(bill);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(TestSupport::focusTokenCsv({
            {"2026-03-01", "OpenAI", "gpt-4o-2024-08-06", "Input", "2.00", "1000000", ""},
            {"2026-03-01", "OpenAI", "gpt-4o-2024-08-06", "Output", "0.80", "1000000", ""},
        }));
        f.close();
        Cost::FocusImporter importer(store.db());
        const auto imported = importer.importFile(bill.toStdString(), Cost::Ingestor::newBatch(store.db()));
        QVERIFY2(imported.ok, imported.error.toString().c_str());
        // Telemetry: chat 3 calls from 2 users (600k in, 600k out), search 1 call (200k in, 200k out).
        Telemetry::IngestResult result;
        std::string error;
        QVERIFY2(Telemetry::ingest(store.db(), "otlp",
                                   {call("1", "chat", "ana", 200000, 200000, 100), call("2", "chat", "bo", 200000, 200000, 200),
                                    call("3", "chat", "ana", 200000, 200000, 4000), call("4", "search", "cy", 200000, 200000, 50)},
                                   result, error),
                 error.c_str());
        QCOMPARE(result.calls, std::int64_t(4));
    }

    void statsPerFeature()
    {
        Cost::Store store;
        QVERIFY(store.open(m_db.toStdString()));
        std::vector<Telemetry::Stats> stats;
        std::string error;
        const std::int64_t day = TestSupport::day("2026-03-01");
        QVERIFY2(Telemetry::stats(store.db(), day, day, Telemetry::StatsBy::Feature, stats, error), error.c_str());
        QCOMPARE(stats.size(), std::size_t(2));
        QCOMPARE(stats[0].value, std::string("chat")); // most requests first
        QCOMPARE(stats[0].requests, std::int64_t(3));
        QCOMPARE(stats[0].users, std::int64_t(2));
        QCOMPARE(stats[0].tokens, std::int64_t(1200000));
        QCOMPARE(stats[0].timed, std::int64_t(3));
        // Latency from quarter-octave buckets: within 10% of the calls' 200 ms and 4 s.
        QVERIFY2(std::abs(stats[0].p50Ms - 200) < 20, qPrintable(QString::number(stats[0].p50Ms)));
        QVERIFY2(std::abs(stats[0].p95Ms - 4000) < 400, qPrintable(QString::number(stats[0].p95Ms)));
        QCOMPARE(stats[1].value, std::string("search"));
        QCOMPARE(stats[1].users, std::int64_t(1));
        // Nothing outside the range.
        QVERIFY(Telemetry::stats(store.db(), day + 1, day + 5, Telemetry::StatsBy::Feature, stats, error));
        QVERIFY(stats.empty());
        // By model: the canonical model at its price family.
        QVERIFY(Telemetry::stats(store.db(), day, day, Telemetry::StatsBy::Model, stats, error));
        QCOMPARE(stats.size(), std::size_t(1));
        QCOMPARE(stats[0].provider, std::string("openai"));
        QCOMPARE(stats[0].value, std::string("gpt-4o"));
        QCOMPARE(stats[0].requests, std::int64_t(4));
    }

    void reportSection()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is needed");
        Report::ReportRequest r;
        r.fromDay = TestSupport::day("2026-03-01");
        r.toDay = r.fromDay;
        QString text, error;
        QStringList titles;
        QVERIFY2(TestSupport::reportText(m_db, r, m_dir.filePath(QStringLiteral("report.pdf")), &text, &titles, &error),
                 qPrintable(error));
        QVERIFY2(titles.contains(QStringLiteral("Application telemetry")), qPrintable(titles.join(QLatin1Char(','))));
        // 80% of the billed tokens; nothing flagged.
        QVERIFY2(text.contains(QStringLiteral("Telemetry accounts for 80.0% of the billed tokens in this range; 0 days")),
                 qPrintable(text.mid(text.lastIndexOf(QStringLiteral("Application telemetry")), 3000)));
        // chat: 60% of $2.00 input + 60% of $0.80 output = $1.68 over 3 requests and 2 users.
        // The section's table rows (pdftotext -layout keeps a row on one line).
        const QStringList lines = text.mid(text.lastIndexOf(QStringLiteral("Application telemetry"))).split(QLatin1Char('\n'));
        const auto row = [&](const QString &name) {
            for (const QString &line : lines)
                if (line.simplified().startsWith(name + QLatin1Char(' ')))
                    return line.simplified().mid(name.size() + 1);
            return QString();
        };
        const QString chat = row(QStringLiteral("chat"));
        QVERIFY2(chat.startsWith(QStringLiteral("$1.68 3 $560.00 2 $0.84")), qPrintable(chat));
        const QString search = row(QStringLiteral("search"));
        QVERIFY2(search.startsWith(QStringLiteral("$0.56 1 $560.00 1 $0.56")), qPrintable(search));
        // A filtered report leaves the section out (telemetry is not filtered by billing dimensions).
        r.filters = {{"provider", "OpenAI"}};
        QVERIFY2(TestSupport::reportText(m_db, r, m_dir.filePath(QStringLiteral("filtered.pdf")), &text, &titles, &error),
                 qPrintable(error));
        QVERIFY(!titles.contains(QStringLiteral("Application telemetry")));
        QVERIFY(titles.contains(QStringLiteral("Spend by feature")));
    }
};

QTEST_MAIN(TestTelemetryStats)
#include "tst_telemetrystats.moc"
