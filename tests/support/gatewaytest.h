#pragma once

// Header-only helpers shared by the LLM gateway telemetry tests (tst_litellm, tst_langfuse): what a
// telemetry source stored (read back with SQL, independently of the ingest code), a FOCUS bill for
// the days the stand-ins serve, and the CLI's `totals` as a map. Include after adminapitest.h.

#include "store/store.h"
#include "testsupport.h"

#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace GatewayTest {

/// What the store holds of one telemetry source.
struct Stored {
    qint64 calls = 0;    ///< identities counted (telemetry_seen)
    qint64 requests = 0; ///< requests summed in telemetry_usage
    qint64 tokens = 0;   ///< every token kind summed
    bool operator==(const Stored &o) const { return calls == o.calls && requests == o.requests && tokens == o.tokens; }
};

inline Stored stored(const QString &dbPath, const std::string &source)
{
    Cost::Store store;
    if (!store.open(dbPath.toStdString()))
        qFatal("cannot open %s", store.error().c_str());
    Stored s;
    Cost::SqliteStmt seen(store.db(), "SELECT count(*) FROM telemetry_seen WHERE source = ?1");
    seen.bind(1, std::string_view(source));
    if (seen.step())
        s.calls = seen.int64(0);
    Cost::SqliteStmt usage(store.db(), "SELECT coalesce(sum(requests), 0), coalesce(sum(input + cached_input + cache_write + output), 0)"
                                       " FROM telemetry_usage WHERE source = ?1");
    usage.bind(1, std::string_view(source));
    if (usage.step()) {
        s.requests = usage.int64(0);
        s.tokens = usage.int64(1);
    }
    return s;
}

/// Epoch seconds of `day` at `hour`:`minute` UTC.
inline qint64 at(const QDate &day, int hour, int minute = 0)
{
    return QDateTime(day, QTime(hour, minute), QTimeZone::utc()).toSecsSinceEpoch();
}

/// RFC 3339 text of epoch seconds ("2025-03-01T10:00:00Z").
inline QString iso(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(Qt::ISODate);
}

/// The bill of the join tests for `day`: gpt-4o input $2.00 for 1M tokens, output $0.80 for 1M.
inline QByteArray bill(const QDate &day)
{
    const QByteArray d = day.toString(Qt::ISODate).toLatin1();
    return TestSupport::focusTokenCsv({{d.constData(), "OpenAI", "gpt-4o-2024-08-06", "Input", "2.00", "1000000", ""},
                                       {d.constData(), "OpenAI", "gpt-4o-2024-08-06", "Output", "0.80", "1000000", ""}});
}

/// `burnrate totals --by DIMENSION` on `db` as key → billed text; empty with *err on failure.
inline QMap<QString, QString> totalsBy(const QString &db, const QString &dimension, QString *err)
{
    QString out;
    QMap<QString, QString> totals;
    if (TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("totals"), QStringLiteral("--by"), dimension}, &out, err) != 0)
        return totals;
    const QList<QStringList> rows = TestSupport::parseCsv(out, TestSupport::CsvRecordEnd::AnyLineBreak);
    for (qsizetype i = 1; i < rows.size(); ++i)
        if (rows[i].size() >= 2)
            totals.insert(rows[i][0], rows[i][1]);
    return totals;
}

/// The exact decimal sum of `values`.
inline QString sum(const QStringList &values)
{
    QString s;
    if (!TestSupport::decimalSum(values, &s))
        qFatal("not decimals: %s", qPrintable(values.join(QLatin1Char(' '))));
    return s;
}

/// Writes `bytes` to `path`; false when it cannot.
inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

/// The day the CLI scenario's stand-ins serve calls for: two days before today (UTC), which a sync
/// with "history_days=5" reads.
inline QDate cliDay()
{
    return QDateTime::currentDateTimeUtc().date().addDays(-2);
}

/// The command-line path end to end, for a telemetry source whose stand-in at `baseUrl` serves, on
/// cliDay() only, gpt-4o calls of feature "chat" (300k uncached input, 200k output tokens) and "search"
/// (100k, 100k): a FOCUS bill for that day is imported, `accounts add` takes `secret` on standard
/// input, `accounts test` passes (and fails with `wrongSecret`, naming the HTTP status and the next
/// step), `sync` adds the calls, and `totals --by feature` shows the exact split of the bill — the
/// bill's $2.00 input and $0.80 output for 1M tokens each: chat 0.60 + 0.16, search 0.20 + 0.08 —
/// summing to `totals --by provider` to the unit. A second sync adds nothing.
inline void cliJoin(const QString &provider, const QString &baseUrl, const QByteArray &secret, const QByteArray &wrongSecret)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("store.sqlite"));
    const QString billPath = dir.filePath(QStringLiteral("bill.csv"));
    QVERIFY(writeFile(billPath, bill(cliDay())));
    QString out, err;
    QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("import"), billPath}, &out, &err), 0);
    const QString name = provider + QStringLiteral("-cli");
    const auto add = [&](const QString &account, const QByteArray &key) {
        return TestSupport::runBurnrateLive({QStringLiteral("--db"), db, QStringLiteral("accounts"), QStringLiteral("add"),
                                             QStringLiteral("--provider"), provider, QStringLiteral("--name"), account,
                                             QStringLiteral("--base-url"), baseUrl, QStringLiteral("--option"),
                                             QStringLiteral("history_days=5")},
                                            key + '\n', &out, &err);
    };
    QVERIFY2(add(name, secret) == 0, qPrintable(err));
    QVERIFY2(out.contains(QLatin1String("keychain")), qPrintable(out));
    QVERIFY2(add(name + QStringLiteral("-wrong"), wrongSecret) == 0, qPrintable(err));
    QVERIFY2(TestSupport::runBurnrateLive({QStringLiteral("--db"), db, QStringLiteral("accounts"), QStringLiteral("test"), name}, {},
                                          &out, &err)
                 == 0,
             qPrintable(err));
    QVERIFY(TestSupport::runBurnrateLive({QStringLiteral("--db"), db, QStringLiteral("accounts"), QStringLiteral("test"),
                                          name + QStringLiteral("-wrong")},
                                         {}, &out, &err)
            != 0);
    QVERIFY2(err.contains(QLatin1String("401")) && err.contains(QLatin1String("--new-secret")), qPrintable(err));
    QVERIFY(!err.contains(QString::fromLatin1(wrongSecret)));

    for (int run = 0; run < 2; ++run) {
        QVERIFY2(TestSupport::runBurnrateLive({QStringLiteral("--db"), db, QStringLiteral("sync"), QStringLiteral("--account"), name}, {},
                                              &out, &err)
                     == 0,
                 qPrintable(err));
        QVERIFY2(out.contains(run == 0 ? QLatin1String(": 2 model calls added to the telemetry")
                                       : QLatin1String(": 0 model calls added to the telemetry")),
                 qPrintable(out));
        const QMap<QString, QString> features = totalsBy(db, QStringLiteral("feature"), &err);
        QCOMPARE(features.value(QStringLiteral("chat")), QStringLiteral("0.76"));
        QCOMPARE(features.value(QStringLiteral("search")), QStringLiteral("0.28"));
        QCOMPARE(features.value(QStringLiteral("(untracked)")), QStringLiteral("1.76"));
        QCOMPARE(features.size(), 3);
        const QMap<QString, QString> providers = totalsBy(db, QStringLiteral("provider"), &err);
        QCOMPARE(providers.size(), 1);
        QCOMPARE(sum(features.values()), sum(providers.values()));
    }
    // A failed sync says what was stored and what to do next.
    QVERIFY(TestSupport::runBurnrateLive({QStringLiteral("--db"), db, QStringLiteral("sync"), QStringLiteral("--account"),
                                          name + QStringLiteral("-wrong")},
                                         {}, &out, &err)
            != 0);
    QVERIFY2(err.contains(QLatin1String("Stored:")) && err.contains(QLatin1String("401")), qPrintable(err));
    for (const QString &account : {name, name + QStringLiteral("-wrong")})
        QCOMPARE(TestSupport::runBurnrateLive({QStringLiteral("--db"), db, QStringLiteral("accounts"), QStringLiteral("remove"), account},
                                              {}, &out, &err),
                 0);
}

} // namespace GatewayTest
