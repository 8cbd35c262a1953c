// Allocation rules: exact splits, retroactive application, conservation, preview, JSON.
#include "allocation/allocation.h"
#include "analytics/analytics.h"
#include "domain/timeparse.h"
#include "import/focusimporter.h"
#include "store/store.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Cost;

namespace {

const QByteArray kHeader = "ProviderName,BillingAccountId,SubAccountId,BillingPeriodStart,ChargePeriodStart,ChargePeriodEnd,"
                           "BilledCost,ServiceName,Tags\n";

QByteArray row(const char *account, const char *subAccount, const char *day, const char *cost, const char *tags = "")
{
    return QByteArray("OpenAI,") + account + "," + subAccount + ",2025-06-01T00:00:00Z," + day + "T00:00:00Z," + day
        + "T01:00:00Z," + cost + ",OpenAI API," + tags + "\n";
}

} // namespace

class TestAllocation : public QObject {
    Q_OBJECT

    QMap<QString, QString> byFeature()
    {
        Analytics::TotalsRequest req;
        req.by = {"feature"};
        std::vector<Analytics::TotalsRow> rows;
        std::string error;
        QMap<QString, QString> out;
        if (!Analytics::totals(m_store.db(), req, rows, error))
            return {{QStringLiteral("error"), QString::fromStdString(error)}};
        for (const auto &r : rows)
            out.insert(QString::fromStdString(r.keys[0]), QString::fromStdString(formatMoney(r.value, 2)));
        return out;
    }
    QString total()
    {
        Analytics::TotalsRequest req;
        std::vector<Analytics::TotalsRow> rows;
        std::string error;
        Analytics::totals(m_store.db(), req, rows, error);
        return QString::fromStdString(formatMoney(rows.empty() ? 0 : rows[0].value, 2));
    }
    void import(const QByteArray &content)
    {
        const QString path = m_dir.filePath(QStringLiteral("f%1.csv").arg(++m_files));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        FocusImporter importer(m_store.db());
        const auto r = importer.importFile(path.toStdString(), Ingestor::newBatch(m_store.db()));
        QVERIFY2(r.ok, r.error.toString().c_str());
    }
    std::vector<Allocation::Rule> rules()
    {
        const Allocation::Rule split{"key X is 60% chatbot, 40% search", "sub_account", "proj-x", Allocation::Match::Exact,
                                     {{"chatbot", "support", 600000}, {"search", "discovery", 400000}}, true};
        const Allocation::Rule glob{"summaries", "sub_account", "PROJ-Z*", Allocation::Match::Glob,
                                    {{"summarize", "", Allocation::kShareScale}}, true};
        return {split, glob};
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("s%1.sqlite").arg(++m_stores)).toStdString()));
        import(kHeader + row("acct", "proj-x", "2025-06-01", "1.0000000001") + row("acct", "proj-x", "2025-06-01", "2.5")
               + row("acct", "proj-y", "2025-06-02", "3", R"("{""feature"":""search"",""team"":""discovery""}")")
               + row("acct", "proj-z-eu", "2025-06-03", "0.7"));
    }
    void cleanup() { m_store.close(); }

    void regexNumbersAreBounded()
    {
        // std::regex reads these numbers unchecked (a twenty-digit back-reference overflowed a long,
        // found by fuzz_rules): refused with the place; ordinary numbers and literal digits pass.
        Allocation::Rule r{"r", "sub_account", "", Allocation::Match::Regex, {{"chatbot", "", Allocation::kShareScale}}, true};
        const auto problem = [&](const char *pattern) {
            r.pattern = pattern;
            return Allocation::validate(r);
        };
        QCOMPARE(problem(R"((a)\22222222222222222222)"), std::string("the regular expression has a number above 1000 at character 4"));
        QCOMPARE(problem("x{2,5000}"), std::string("the regular expression has a number above 1000 at character 2"));
        QCOMPARE(problem("x{1001}"), std::string("the regular expression has a number above 1000 at character 2"));
        QCOMPARE(problem(R"(^acct-123456789012\d{1,3}$)"), std::string());
        QCOMPARE(problem(R"((proj)-\1{2})"), std::string());
        QCOMPARE(problem(R"(a\{99999})"), std::string()); // an escaped brace is a literal
    }

    void withoutRulesTagsDecide()
    {
        const auto f = byFeature();
        QCOMPARE(f.value(QStringLiteral("search")), QStringLiteral("3.00"));
        QCOMPARE(f.value(QString()), QStringLiteral("4.2000000001")); // unallocated stays visible
    }

    void ruleAndSplitMoveExactAmountsRetroactively()
    {
        std::string error;
        QVERIFY2(Allocation::saveRules(m_store.db(), rules(), error), error.c_str());
        const auto f = byFeature();
        // 3.5000000001 split 60/40 with floor: 2.10 and 1.4000000001.
        QCOMPARE(f.value(QStringLiteral("chatbot")), QStringLiteral("2.10"));
        QCOMPARE(f.value(QStringLiteral("search")), QStringLiteral("4.4000000001"));
        QCOMPARE(f.value(QStringLiteral("summarize")), QStringLiteral("0.70"));
        QVERIFY(!f.contains(QString()));
        QCOMPARE(total(), QStringLiteral("7.2000000001"));

        // Charges imported after the rules are allocated by them too.
        import(kHeader + row("acct2", "proj-x", "2025-06-05", "0.0000000003"));
        const auto g = byFeature();
        QCOMPARE(g.value(QStringLiteral("chatbot")), QStringLiteral("2.1000000001"));
        QCOMPARE(g.value(QStringLiteral("search")), QStringLiteral("4.4000000003"));

        // Conservation to the unit: allocated parts add up to the billed total.
        BigMoney sum = 0;
        for (const QString &v : g)
            sum += *parseBigMoney(v.toStdString());
        QCOMPARE(QString::fromStdString(formatMoney(sum, 2)), total());

        // Teams follow the targets; a target without a team keeps the tag's (none here).
        Analytics::TotalsRequest req;
        req.by = {"team"};
        req.filters = {{"feature", "summarize"}};
        std::vector<Analytics::TotalsRow> rows;
        QVERIFY(Analytics::totals(m_store.db(), req, rows, error));
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(rows[0].keys[0]), QString());

        // Removing the rules restores the tag-based view.
        QVERIFY(Allocation::saveRules(m_store.db(), {}, error));
        QCOMPARE(byFeature().value(QStringLiteral("search")), QStringLiteral("3.00"));
    }

    void previewSaysWhatARuleMoves()
    {
        Allocation::Preview p;
        std::string error;
        const auto r = rules();
        QVERIFY(Allocation::preview(m_store.db(), r, 0, daysFromCivil(2025, 6, 1), daysFromCivil(2025, 6, 30), p, error));
        QCOMPARE(QString::fromStdString(formatMoney(p.moved, 2)), QStringLiteral("3.5000000001"));
        QVERIFY(Allocation::preview(m_store.db(), r, 1, daysFromCivil(2025, 6, 1), daysFromCivil(2025, 6, 2), p, error));
        QCOMPARE(QString::fromStdString(formatMoney(p.moved, 2)), QStringLiteral("0.00")); // outside the range
        // Preview changes nothing.
        QCOMPARE(byFeature().value(QString()), QStringLiteral("4.2000000001"));
    }

    void jsonRoundTripAndErrors()
    {
        const auto r = rules();
        std::vector<Allocation::Rule> back;
        std::string error;
        QVERIFY2(Allocation::fromJson(Allocation::toJson(r), back, error), error.c_str());
        QCOMPARE(back.size(), r.size());
        QCOMPARE(Allocation::toJson(back), Allocation::toJson(r));
        QVERIFY(!Allocation::fromJson(R"({"rules":[{"dimension":"sub_account","pattern":"x","targets":[{"feature":"a","share":60}]}]})",
                                      back, error));
        QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("rule 1")) && QString::fromStdString(error).contains(QStringLiteral("100%")),
                 error.c_str());
        QVERIFY(!Allocation::fromJson(R"({"rules":[{"dimension":"colour","pattern":"x","targets":[{"feature":"a"}]}]})", back, error));
        QVERIFY(QString::fromStdString(error).contains(QStringLiteral("unknown dimension")));
        QVERIFY(!Allocation::fromJson("{nope", back, error));
    }

    void tagDimension()
    {
        import(kHeader + row("acct3", "proj-q", "2025-06-07", "5", R"("{""env"":""staging""}")"));
        Allocation::Rule r;
        r.dimension = "tag:env";
        r.pattern = "staging";
        r.targets = {{"experiments", "research", Allocation::kShareScale}};
        std::string error;
        QVERIFY(Allocation::saveRules(m_store.db(), {r}, error));
        QCOMPARE(byFeature().value(QStringLiteral("experiments")), QStringLiteral("5.00"));
    }

private:
    QTemporaryDir m_dir;
    Store m_store;
    int m_files = 0;
    int m_stores = 0;
};

QTEST_GUILESS_MAIN(TestAllocation)
#include "tst_allocation.moc"
