// Root-cause ranking by information (Analytics::rankCauses): a dimension value that carries the
// whole series' baseline too (the one provider, account or region) does not lead however large its
// share; the value that carries much more of the change than of the baseline does; the sentence
// follows the form; a change spread evenly says so; shares and money are exact.
#include "anomaly/rootcause.h"

#include <QTest>

using namespace Analytics;
using namespace Qt::StringLiterals;

namespace {

CauseCell cell(const char *feature, const char *model, const char *provider, const char *region, const char *kind,
               Cost::BigMoney actual, Cost::BigMoney base)
{
    CauseCell c;
    c.values[static_cast<std::size_t>(CauseDim::Feature)] = feature;
    c.values[static_cast<std::size_t>(CauseDim::Model)] = model;
    c.values[static_cast<std::size_t>(CauseDim::Provider)] = provider;
    c.values[static_cast<std::size_t>(CauseDim::Region)] = region;
    c.values[static_cast<std::size_t>(CauseDim::TokenKind)] = kind;
    c.actual = actual;
    c.baseline = {base, base, base};
    return c;
}

} // namespace

class TestAnomalyRootCause : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rankingIsExactOnKnownCells()
    {
        // The example: agent on claude-3-5-sonnet, output tokens 9x, everything else flat.
        // No provider or region: those dimensions stay empty.
        const std::vector<CauseCell> cells = {cell("agent", "claude-3-5-sonnet", "", "", "output", 900, 100),
                                              cell("agent", "claude-3-5-sonnet", "", "", "input", 300, 300),
                                              cell("agent", "gpt-4o", "", "", "output", 300, 100),
                                              cell("chatbot", "gpt-4o", "", "", "input", 500, 500)};
        const RootCause rc = rankCauses(cells, 3, std::string());
        QCOMPARE(static_cast<long long>(rc.actual), 2000LL);
        QCOMPARE(static_cast<long long>(rc.baseline), 1000LL);
        QCOMPARE(QString::fromStdString(rc.items.front().dimension), u"feature"_s);
        QCOMPARE(rc.items.front().share, 1.0);
        QCOMPARE(QString::fromStdString(rc.sentence), u"100% from feature agent on claude-3-5-sonnet, output tokens \u00d79"_s);
        // The model dimension: claude carries 80% of the change, gpt-4o 20%.
        bool sawClaude = false;
        for (const CauseItem &i : rc.items) {
            if (i.value == "claude-3-5-sonnet") {
                QCOMPARE(i.share, 0.8);
                QCOMPARE(static_cast<long long>(i.delta()), 800LL);
                sawClaude = true;
            }
        }
        QVERIFY(sawClaude);
    }

    void wholeSeriesValuesDoNotLead()
    {
        // One provider and region carry 99% of everything (a sliver elsewhere); the agent feature,
        // 10% of the baseline, carries 82% of the change, its output tokens nine-fold.
        const std::vector<CauseCell> cells = {
            cell("agent", "claude-3-5-sonnet", "Anthropic", "global", "output", 900, 100),
            cell("agent", "claude-3-5-sonnet", "Anthropic", "global", "input", 140, 100),
            cell("chatbot", "claude-3-5-sonnet", "Anthropic", "global", "output", 1000, 800),
            cell("chatbot", "claude-3-5-sonnet", "Anthropic", "global", "input", 950, 900),
            cell("search", "gemini-2.0-flash", "Google Cloud", "us-central1", "input", 10, 20),
            cell("summarize", "claude-3-5-haiku", "Anthropic", "global", "input", 80, 80),
        };
        const RootCause rc = rankCauses(cells, 3, std::string());
        QCOMPARE(static_cast<long long>(rc.actual - rc.baseline), 1080LL);
        QVERIFY(!rc.items.empty());
        QCOMPARE(QString::fromStdString(rc.items.front().dimension), u"feature"_s);
        QCOMPARE(QString::fromStdString(rc.items.front().value), u"agent"_s);
        QVERIFY(rc.informative >= 1);
        // The provider and region that are the series are not causes at all.
        for (const CauseItem &i : rc.items)
            QVERIFY2(i.value != "Anthropic" && i.value != "global", i.value.c_str());
        QCOMPARE(QString::fromStdString(rc.sentence), u"78% from feature agent on claude-3-5-sonnet, output tokens \u00d79"_s);
    }

    void informationBeatsShare()
    {
        // chatbot carries more of the change (60%) but also 75% of the baseline; agent 40% of the
        // change from 5% of the baseline is the surprise.
        const std::vector<CauseCell> cells = {cell("chatbot", "gpt-4o", "OpenAI", "global", "output", 1350, 750),
                                              cell("agent", "claude-3-5-sonnet", "Anthropic", "global", "output", 450, 50),
                                              cell("search", "gpt-4o", "OpenAI", "global", "output", 200, 200)};
        const RootCause rc = rankCauses(cells, 3, std::string());
        QCOMPARE(QString::fromStdString(rc.items.front().value), u"agent"_s);
        QVERIFY(QString::fromStdString(rc.sentence).startsWith(u"40% from feature agent"_s));
    }

    void evenChangeIsSaidToBeEven()
    {
        // Every model of the feature doubled, input and output alike: nothing stands out.
        const std::vector<CauseCell> cells = {cell("chatbot", "gpt-4o", "OpenAI", "global", "output", 400, 200),
                                              cell("chatbot", "gpt-4o", "OpenAI", "global", "input", 200, 100),
                                              cell("chatbot", "gpt-4o-mini", "OpenAI", "global", "output", 300, 150),
                                              cell("chatbot", "gpt-4o-mini", "OpenAI", "global", "input", 100, 50)};
        const RootCause rc = rankCauses(cells, 3, "feature");
        QCOMPARE(rc.informative, std::size_t(0));
        QCOMPARE(QString::fromStdString(rc.sentence), u"evenly over all models, output tokens \u00d72"_s);
    }

    // The sentence is kept as parts (for the app to word in the user's language): the parts give
    // back the same English, through the JSON the store keeps too.
    void sentenceSurvivesItsParts()
    {
        const std::vector<CauseCell> cells = {cell("agent", "claude-3-5-sonnet", "Anthropic", "global", "output", 900, 100),
                                              cell("agent", "claude-3-5-sonnet", "Anthropic", "global", "input", 150, 100),
                                              cell("search", "gpt-4o", "OpenAI", "global", "output", 100, 100)};
        const RootCause rc = rankCauses(cells, 3, "");
        QCOMPARE(rc.phrase.kind, CausePhrase::Kind::Lead);
        QCOMPARE(rc.phrase.dimension, std::string("feature"));
        QCOMPARE(rc.phrase.value, std::string("agent"));
        QCOMPARE(rc.phrase.second, std::string("claude-3-5-sonnet"));
        QCOMPARE(rc.phrase.tokenKind, std::string("output"));
        QCOMPARE(englishSentence(rc.phrase), rc.sentence);
        CausePhrase back;
        QVERIFY(fromJson(toJson(rc.phrase), back));
        QCOMPARE(englishSentence(back), rc.sentence);
        QVERIFY(!fromJson("", back));
        QVERIFY(!fromJson("{\"kind\": \"lead\"}", back)); // no percent
        QVERIFY(!fromJson("[1, 2]", back));

        // Ratios: one decimal below ×10 unless whole, never a decimal comma, new and gone.
        CausePhrase p;
        p.kind = CausePhrase::Kind::Evenly;
        p.skip = "model";
        p.hasTokenKind = true;
        p.tokenKind = "cached_input";
        p.ratio = 1.53;
        QCOMPARE(englishSentence(p), std::string("evenly over all features, cached input tokens \u00d71.5"));
        p.ratio = 12.4;
        QCOMPARE(englishChange(p), std::string("\u00d712"));
        p.ratio = 0.01;
        QCOMPARE(englishChange(p), std::string("\u00d70"));
        p.change = CausePhrase::Change::New;
        p.tokenKind = "";
        QCOMPARE(englishSentence(p), std::string("evenly over all features, other charges new"));
        QVERIFY(fromJson(toJson(p), back));
        QCOMPARE(englishSentence(back), englishSentence(p));
    }
};

QTEST_GUILESS_MAIN(TestAnomalyRootCause)
#include "tst_anomalyrootcause.moc"
