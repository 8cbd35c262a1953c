// Model and token kind from what producers actually write (FOCUS AI columns, usage types,
// meters, SKU descriptions), and feature/team from tags.
#include "domain/aidimensions.h"
#include "testsupport.h"

#include <QTest>

using namespace Cost;

class TestAiDimensions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void derive_data()
    {
        TestSupport::addColumns<QString>({"details", "meter", "usageType", "resource", "description", "service", "model", "kind"});
        QTest::newRow("focus draft cache read")
            << R"({"ModelId": "solora-reasoning-pro", "TokenCacheAction": "Read", "TokenDirection": "Input"})" << "Cache Read Input Tokens"
            << "" << "" << "" << "Solora Generative AI API" << "solora-reasoning-pro" << "cached_input";
        QTest::newRow("focus draft cache write")
            << R"({"ModelId":"m-1","TokenCacheAction":"Write","TokenDirection":"Input"})" << "" << "" << "" << "" << "" << "m-1" << "cache_write";
        QTest::newRow("focus draft output") << R"({"ModelId":"m-1","TokenDirection":"Output"})" << "" << "" << "" << "" << "" << "m-1"
                                            << "output";
        QTest::newRow("TokenType") << R"({"ModelId":"solora-saturn-4.8","TokenType":"Input"})" << "" << "" << "" << "" << ""
                                   << "solora-saturn-4.8" << "input";
        QTest::newRow("gen_focus cached") << R"({"ModelId":"gpt-4o","TokenDirection":"cached"})" << "Cached Input Tokens" << "" << "gpt-4o"
                                          << "" << "Azure OpenAI" << "gpt-4o" << "cached_input";
        QTest::newRow("meter + resource") << "" << "Output Tokens" << "" << "claude-3-5-sonnet" << "Output Tokens for claude-3-5-sonnet"
                                          << "Amazon Bedrock" << "claude-3-5-sonnet" << "output";
        QTest::newRow("bedrock first party") << "" << "" << "USE1-NovaLite-input-tokens" << "" << "" << "Amazon Bedrock"
                                             << "nova-lite" << "input";
        QTest::newRow("bedrock cache read") << "" << "" << "USE1-Nova2.0Lite-cache-read-input-token-count" << "" << ""
                                            << "Amazon Bedrock" << "nova2.0-lite" << "cached_input";
        QTest::newRow("bedrock marketplace") << "" << "" << "USE1-MP:USE1_OutputTokenCount-Units" << "" << ""
                                             << "Claude Sonnet 4 (Amazon Bedrock Edition)" << "claude-sonnet-4" << "output";
        QTest::newRow("bedrock marketplace cache write") << "" << "" << "USE1-MP:USE1_CacheWrite1hInputTokenCount_Global-Units" << ""
                                                         << "" << "Claude Sonnet 4.5 (Amazon Bedrock Edition)"
                                                         << "claude-sonnet-4-5" << "cache_write";
        QTest::newRow("azure hyphenated") << "" << "" << "gpt-4o-mini-0718-Inp-glbl Tokens" << "" << "" << "Azure OpenAI"
                                          << "gpt-4o-mini" << "input";
        QTest::newRow("azure spaced") << "" << "" << "gpt 4o 0513 Output global Tokens" << "" << "" << "Azure OpenAI" << "gpt-4o"
                                      << "output";
        QTest::newRow("azure cached") << "" << "" << "gpt 4o 1120 cached Inp glbl" << "" << "" << "Azure OpenAI" << "gpt-4o"
                                      << "cached_input";
        QTest::newRow("vertex input") << "" << "" << "Gemini 2.5 Flash GA Text Input - Predictions" << "" << "" << "Vertex AI"
                                      << "gemini-2.5-flash" << "input";
        QTest::newRow("vertex caching") << "" << "" << "Gemini 3 Flash Text Input Caching" << "" << "" << "Vertex AI"
                                        << "gemini-3-flash" << "cached_input";
        QTest::newRow("description only") << "" << "" << "" << "" << "Cache write input tokens for Solora Reasoning Pro"
                                          << "Solora API" << "solora-reasoning-pro" << "cache_write";
        QTest::newRow("not AI") << "" << "" << "USE1-DataTransfer-Out-Bytes" << "i-0abc" << "Data transfer out" << "Amazon EC2" << ""
                                << "";
        QTest::newRow("vm hours") << "" << "Server Hours" << "" << "db-1" << "Monthly usage charge" << "AwesomeDB" << "" << "";
    }
    void derive()
    {
        QFETCH(QString, details);
        QFETCH(QString, meter);
        QFETCH(QString, usageType);
        QFETCH(QString, resource);
        QFETCH(QString, description);
        QFETCH(QString, service);
        QFETCH(QString, model);
        QFETCH(QString, kind);
        const std::string d = details.toStdString(), m = meter.toStdString(), u = usageType.toStdString(),
                          r = resource.toStdString(), c = description.toStdString(), s = service.toStdString();
        AiHints h;
        h.skuPriceDetails = d;
        h.skuMeter = m;
        h.usageType = u;
        h.resourceName = r;
        h.chargeDescription = c;
        h.serviceName = s;
        const AiDerived got = deriveAi(h);
        QCOMPARE(QString::fromStdString(got.model), model);
        QCOMPARE(QString::fromLatin1(tokenKindName(got.kind).data(), qsizetype(tokenKindName(got.kind).size())), kind);
    }

    void tokenUnits_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<double>("multiplier");
        QTest::newRow("tokens") << "Tokens" << 1.0;
        QTest::newRow("1M") << "1M Tokens" << 1e6;
        QTest::newRow("1000000") << "1000000 Tokens" << 1e6;
        QTest::newRow("1K") << "1K tokens" << 1e3;
        QTest::newRow("hours") << "Hours" << 0.0;
    }
    void tokenUnits()
    {
        QFETCH(QString, unit);
        QFETCH(double, multiplier);
        QCOMPARE(tokenUnitMultiplier(unit.toStdString()), multiplier);
    }

    void tags()
    {
        std::string feature, team;
        featureTeamFromTags(R"({"feature":"chatbot","team":"support","env":"prod"})", feature, team);
        QCOMPARE(QString::fromStdString(feature), QStringLiteral("chatbot"));
        QCOMPARE(QString::fromStdString(team), QStringLiteral("support"));
        featureTeamFromTags(R"({"user:Feature":"search","Owner":"discovery"})", feature, team);
        QCOMPARE(QString::fromStdString(feature), QStringLiteral("search"));
        QCOMPARE(QString::fromStdString(team), QStringLiteral("discovery"));
        featureTeamFromTags("not json", feature, team);
        QVERIFY(feature.empty() && team.empty());
    }
};

QTEST_GUILESS_MAIN(TestAiDimensions)
#include "tst_aidimensions.moc"
