// The telemetry attribute mapping is the user's (issue #24: "the mapping is editable (Settings and
// JSON), like allocation rules"): the JSON exchange format round-trips and names the field of a
// mistake, the store keeps it, `burnrate telemetry mapping --import` checks before it stores, and
// what is imported afterwards takes its feature, team and user from the attributes it names.
#include "otlptestdata.h"
#include "store/store.h"
#include "telemetry/mapping.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Telemetry;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}


} // namespace

class TestTelemetryMapping : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void jsonRoundTripsAndNamesMistakes()
    {
        Mapping m;
        m.feature = {"llm.use_case", "service.name"};
        m.user = {};
        Mapping back;
        std::string error;
        QVERIFY2(fromJson(toJson(m), back, error), error.c_str());
        QCOMPARE(back.feature, m.feature);
        QCOMPARE(back.team, Mapping{}.team);
        QVERIFY(back.user.empty());

        // A key left out keeps its default.
        QVERIFY(fromJson(R"({"team": ["org.team"]})", back, error));
        QCOMPARE(back.feature, Mapping{}.feature);
        QCOMPARE(back.team, std::vector<std::string>{"org.team"});

        const std::pair<const char *, const char *> bad[] = {
            {R"({"team": ["a", ""]})", "team[1]: must be a non-empty attribute name"},
            {R"({"team": ["a", 7]})", "team[1]: must be a non-empty attribute name"},
            {R"({"feature": "app.feature"})", "feature: must be a list of attribute names"},
            {R"({"product": ["x"]})", "product: unknown key"},
            {R"({"user": ["a b"]})", "user[0]: \"a b\" is not an attribute name"},
            {R"({"user": ["1","2","3","4","5","6","7","8","9"]})", "user: at most 8 attribute names"},
            {R"([1, 2])", "must be a JSON object"},
            {R"({"feature": [)", "not JSON"},
        };
        for (const auto &[json, why] : bad) {
            Mapping untouched = m;
            error.clear();
            QVERIFY2(!fromJson(json, untouched, error), json);
            QVERIFY2(error.find(why) != std::string::npos, error.c_str());
            QCOMPARE(untouched.feature, m.feature);
        }
    }

    void storeKeepsIt()
    {
        Cost::Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("store.sqlite")).toStdString()));
        Mapping m;
        std::string error;
        QVERIFY(loadMapping(store.db(), m, error));
        QCOMPARE(m.feature, Mapping{}.feature); // nothing saved: the default
        m.feature = {"llm.use_case"};
        QVERIFY2(saveMapping(store.db(), m, error), error.c_str());
        m.feature = {"other"};
        QVERIFY2(saveMapping(store.db(), m, error), error.c_str()); // replaces
        Mapping loaded;
        QVERIFY(loadMapping(store.db(), loaded, error));
        QCOMPARE(loaded.feature, std::vector<std::string>{"other"});
    }

    // The command line: print, refuse a bad file (the store keeps its mapping), import a good one,
    // and the next import names features from the attribute it points at.
    void commandLineImportsAndUsesIt()
    {
        const QString db = m_dir.filePath(QStringLiteral("cli.sqlite"));
        QString out, err;
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("telemetry"), QStringLiteral("mapping")}, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("\"app.feature\"")), qPrintable(out));

        const QString bad = m_dir.filePath(QStringLiteral("bad.json"));
        QVERIFY(writeFile(bad, R"({"feature": ["llm.use_case", 3]})"));
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("telemetry"), QStringLiteral("mapping"),
                                           QStringLiteral("--import"), bad},
                                          &out, &err),
                 1);
        QVERIFY2(err.contains(QStringLiteral("bad.json: feature[1]")) && err.contains(QStringLiteral("unchanged")), qPrintable(err));

        const QString good = m_dir.filePath(QStringLiteral("good.json"));
        QVERIFY(writeFile(good, R"({"feature": ["llm.use_case", "app.feature"], "user": []})"));
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("telemetry"), QStringLiteral("mapping"),
                                           QStringLiteral("--import"), good},
                                          &out, &err),
                 0);
        QVERIFY2(out.contains(QStringLiteral("\"llm.use_case\"")), qPrintable(out));

        const QString spans = m_dir.filePath(QStringLiteral("spans.jsonl"));
        using TestSupport::otlpSpanJson;
        QVERIFY(writeFile(spans, otlpSpanJson("0102030405060708", 100, "llm.use_case", "summarize") + "\n"
                                     + otlpSpanJson("1112131415161718", 100, "app.feature", "chat") + "\n"
                                     + otlpSpanJson("2122232425262728", 100, "user.id", "u-7") + "\n"));
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("telemetry"), QStringLiteral("import"), spans}, &out, &err), 0);
        Cost::Store store;
        QVERIFY(store.open(db.toStdString()));
        Cost::SqliteStmt st(store.db(), "SELECT feature, user, sum(input) FROM telemetry_usage GROUP BY 1, 2 ORDER BY 1, 2");
        QStringList rows;
        while (st.step())
            rows << QStringLiteral("%1|%2|%3").arg(QString::fromUtf8(st.text(0).data(), static_cast<int>(st.text(0).size())),
                                                  QString::fromUtf8(st.text(1).data(), static_cast<int>(st.text(1).size())))
                        .arg(st.int64(2));
        // No service.name fallback any more (the mapping left it out), and no user at all.
        QCOMPARE(rows, (QStringList{QStringLiteral("||100"), QStringLiteral("chat||100"), QStringLiteral("summarize||100")}));
    }
};

QTEST_GUILESS_MAIN(TestTelemetryMapping)
#include "tst_telemetrymapping.moc"
