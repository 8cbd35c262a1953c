// Hour-billed inference (issue #18): the instance table, the decoder on every source's shape, the
// stats on a store (hours, cost, idle cost, requests, API equivalent) and `burnrate endpoints`.
// Expected figures are computed by hand in the comments next to them.
#include "testsupport.h"

#include "analytics/analytics.h"
#include "awscostexplorer.h"
#include "domain/costrecord.h"
#include "endpoints/endpointdecoder.h"
#include "endpoints/endpointstats.h"
#include "endpoints/instancetable.h"
#include "fetchresult.h"
#include "import/focusimporter.h"
#include "import/ingestor.h"
#include "pricing/pricecatalog.h"
#include "pricing/pricestore.h"
#include "store/store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <tuple>

using namespace Cost;
using Endpoints::EndpointStats;
using TestSupport::runBurnrate;
using namespace Qt::StringLiterals;

namespace {

QString money(const std::optional<BigMoney> &v) { return v ? QString::fromStdString(formatMoney(*v, 2)) : QString(); }
QString money(BigMoney v) { return QString::fromStdString(formatMoney(v, 2)); }
QString hours(double h) { return QString::fromStdString(Endpoints::formatHours(h)); }

const EndpointStats *find(const std::vector<EndpointStats> &rows, const char *endpoint)
{
    for (const auto &r : rows)
        if (r.endpoint == endpoint)
            return &r;
    return nullptr;
}

} // namespace

class TestEndpoints : public QObject {
    Q_OBJECT

    bool ingest(const std::vector<Record> &records)
    {
        ImportMeta meta;
        meta.kind = "test";
        meta.path = "records";
        meta.batch = Ingestor::newBatch(m_store.db());
        Ingestor ingestor(m_store.db());
        if (!ingestor.begin(meta))
            return false;
        std::vector<FactRow> rows(records.size());
        for (std::size_t i = 0; i < records.size(); ++i)
            ingestor.resolve(records[i], rows[i]);
        IngestResult result;
        if (!ingestor.insert(rows.data(), rows.size()) || !ingestor.commit(1, 1, result)) {
            qWarning("ingest failed: %s", ingestor.error().c_str());
            ingestor.rollback();
            return false;
        }
        return true;
    }

    std::vector<EndpointStats> stats()
    {
        Pricing::PriceCatalog catalog;
        std::string error;
        std::vector<EndpointStats> rows;
        if (!Pricing::loadCatalog(m_store.db(), catalog, error)
            || !Endpoints::endpointStats(m_store.db(), catalog, std::nullopt, std::nullopt, rows, error))
            qWarning("stats failed: %s", error.c_str());
        return rows;
    }

    QString grandTotal()
    {
        Analytics::TotalsRequest req;
        std::vector<Analytics::TotalsRow> rows;
        std::string error;
        if (!Analytics::totals(m_store.db(), req, rows, error) || rows.size() != 1)
            return QStringLiteral("error: ") + QString::fromStdString(error);
        return money(rows.front().value);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_store.open(m_dir->filePath(QStringLiteral("s.sqlite")).toStdString()));
    }
    void cleanup()
    {
        m_store.close();
        m_dir.reset();
    }

    void instanceTable_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("accelerator");
        QTest::newRow("sagemaker g5.12xlarge") << u"ml.g5.12xlarge"_s << u"NVIDIA A10G x4"_s;
        QTest::newRow("sagemaker g5.xlarge") << u"ml.g5.xlarge"_s << u"NVIDIA A10G x1"_s;
        QTest::newRow("sagemaker g4dn.12xlarge") << u"ml.g4dn.12xlarge"_s << u"NVIDIA T4 x4"_s;
        QTest::newRow("sagemaker g6.48xlarge") << u"ml.g6.48xlarge"_s << u"NVIDIA L4 x8"_s;
        QTest::newRow("sagemaker p4d") << u"ml.p4d.24xlarge"_s << u"NVIDIA A100 40GB x8"_s;
        QTest::newRow("sagemaker p5") << u"ml.p5.48xlarge"_s << u"NVIDIA H100 80GB x8"_s;
        QTest::newRow("sagemaker inf2.24xlarge") << u"ml.inf2.24xlarge"_s << u"AWS Inferentia2 x6"_s;
        QTest::newRow("sagemaker cpu") << u"ml.m5.xlarge"_s << u"CPU"_s;
        QTest::newRow("azure meter") << u"NC4as T4 v3"_s << u"NVIDIA T4 x1"_s;
        QTest::newRow("azure size") << u"Standard_NC24ads_A100_v4"_s << u"NVIDIA A100 80GB x1"_s;
        QTest::newRow("azure nd h100") << u"Standard_ND96isr_H100_v5"_s << u"NVIDIA H100 80GB x8"_s;
        QTest::newRow("azure cpu") << u"D4s v3"_s << u"CPU"_s;
        QTest::newRow("vertex gpu sku") << u"nvidia-h100-80gb"_s << u"NVIDIA H100 80GB x1"_s;
        QTest::newRow("vertex g2") << u"g2-standard-24"_s << u"NVIDIA L4 x2"_s;
        QTest::newRow("vertex a2") << u"a2-highgpu-4g"_s << u"NVIDIA A100 40GB x4"_s;
        QTest::newRow("hf a10g x4") << u"nvidia-a10g-x4"_s << u"NVIDIA A10G x4"_s;
        QTest::newRow("hf h100 x8") << u"nvidia-h100-x8"_s << u"NVIDIA H100 80GB x8"_s;
        QTest::newRow("hf t4 x1") << u"nvidia-t4-x1"_s << u"NVIDIA T4 x1"_s;
        QTest::newRow("hf cpu") << u"intel-spr-x1"_s << u"CPU"_s;
        QTest::newRow("unknown") << u"quantum-q1"_s << u""_s;
    }
    void instanceTable()
    {
        QFETCH(QString, type);
        QFETCH(QString, accelerator);
        QCOMPARE(QString::fromStdString(Endpoints::acceleratorText(type.toStdString())), accelerator);
        QVERIFY(Endpoints::instanceTableSize() > 100);
    }

    void hourUnits_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<double>("hours");
        for (const char *u : {"Hrs", "Hours", "1 Hour", "Hour", "hour", "Hrs "})
            QTest::newRow(u) << QString::fromLatin1(u) << 1.0;
        QTest::newRow("10 Hours") << u"10 Hours"_s << 10.0;
        for (const char *u : {"gibibyte hour", "GB-Mo", "Tokens", "1M Tokens", "", "Requests"})
            QTest::newRow(*u ? u : "empty") << QString::fromLatin1(u) << 0.0;
    }
    void hourUnits()
    {
        QFETCH(QString, unit);
        QFETCH(double, hours);
        QCOMPARE(Endpoints::hourUnitMultiplier(unit.toStdString()), hours);
    }

    // Each source's shape: usage type, meter, resource, description, tags, model → what is decoded.
    void decode_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("usageType");
        QTest::addColumn<QString>("meter");
        QTest::addColumn<QString>("resourceId");
        QTest::addColumn<QString>("description");
        QTest::addColumn<QString>("tags");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QStringList>("expected"); // endpoint, instance type, accelerator, model served
        auto row = [](const char *name, std::initializer_list<const char *> in, std::initializer_list<const char *> out) {
            auto &r = QTest::newRow(name);
            for (const char *v : in)
                r << QString::fromUtf8(v);
            QStringList expected;
            for (const char *v : out)
                expected << QString::fromUtf8(v);
            r << expected;
        };
        const std::initializer_list<const char *> none = {"", "", "", ""};
        row("sagemaker cost explorer", {"Amazon SageMaker", "USE1-Host:ml.g5.12xlarge", "", "", "", "", ""},
            {"ml.g5.12xlarge", "ml.g5.12xlarge", "NVIDIA A10G x4", ""});
        row("sagemaker cur with arn and tag",
            {"Amazon SageMaker", "EU-Host:ml.g4dn.xlarge", "", "arn:aws:sagemaker:eu-west-1:1:endpoint/rag-embed", "",
             R"({"model":"bge-large"})", ""},
            {"rag-embed", "ml.g4dn.xlarge", "NVIDIA T4 x1", "bge-large"});
        row("sagemaker description only",
            {"Amazon SageMaker", "", "", "", "$7.91 per Hosting ml.g5.12xlarge hour in Europe (Ireland)", "", ""},
            {"ml.g5.12xlarge", "ml.g5.12xlarge", "NVIDIA A10G x4", ""});
        row("sagemaker training", {"Amazon SageMaker", "USE1-Train:ml.p3.2xlarge", "", "", "", "", ""}, none);
        row("sagemaker notebook", {"Amazon SageMaker", "USE1-Notebk:ml.t3.medium", "", "", "", "", ""}, none);
        row("azure ml online endpoint",
            {"Virtual Machines", "", "NC4as T4 v3",
             "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws", "",
             R"({"azuremlendpoint":"chat","azuremldeployment":"blue","model":"phi-3-mini"})", ""},
            {"chat/blue", "NC4as T4 v3", "NVIDIA T4 x1", "phi-3-mini"});
        row("azure vm without ml tags", {"Virtual Machines", "", "NC4as T4 v3", "", "", R"({"team":"x"})", ""}, none);
        row("vertex gpu",
            {"Vertex AI", "Vertex AI: Online/Batch Prediction Nvidia H100 80gb GPU running in Iowa", "", "", "", "", ""},
            {"Vertex AI prediction (Iowa)", "nvidia-h100-80gb", "NVIDIA H100 80GB x1", ""});
        row("vertex core",
            {"Vertex AI", "Vertex AI: Online/Batch Prediction A3 Predefined Instance Core running in Iowa", "",
             "projects/p/locations/us-central1/endpoints/77", "", "", ""},
            {"77", "", "", ""});
        row("vertex training", {"Vertex AI", "Vertex AI: Training Nvidia H100 80gb GPU running in Iowa", "", "", "", "", ""}, none);
        row("bedrock provisioned throughput",
            {"Amazon Bedrock", "USE1-ProvisionedThroughput:ModelUnits", "", "", "", "", "claude-3-haiku"},
            {"provisioned claude-3-haiku", "provisioned-throughput", "", "claude-3-haiku"});
        row("azure openai ptu",
            {"Azure OpenAI", "", "Provisioned Managed Regional", "/subscriptions/s/x/accounts/aoai-prod", "", "", "gpt-4o"},
            {"aoai-prod", "provisioned-throughput", "", "gpt-4o"});
        row("cosmos provisioned throughput is no endpoint",
            {"Azure Cosmos DB", "", "100 RU/s Provisioned Throughput", "", "", "", ""}, none);
        row("hugging face contract",
            {"Inference Endpoints", "hf-endpoint:aws:nvidia-a10g:x1", "", "acme/mistral-chat", "",
             R"({"burnrate:estimated":"true","model":"mistralai/Mistral-7B-Instruct-v0.3"})", ""},
            {"mistral-chat", "aws:nvidia-a10g-x1", "NVIDIA A10G x1", "mistralai/Mistral-7B-Instruct-v0.3"});
        row("token line", {"API", "", "Input Tokens", "", "Input tokens for gpt-4o", "", "gpt-4o"}, none);
    }
    void decode()
    {
        QFETCH(QString, service);
        QFETCH(QString, usageType);
        QFETCH(QString, meter);
        QFETCH(QString, resourceId);
        QFETCH(QString, description);
        QFETCH(QString, tags);
        QFETCH(QString, model);
        QFETCH(QStringList, expected);
        const std::string s = service.toStdString(), u = usageType.toStdString(), m = meter.toStdString(),
                          id = resourceId.toStdString(), d = description.toStdString(), t = tags.toStdString(),
                          mo = model.toStdString();
        Endpoints::EndpointHints h;
        h.service = s;
        h.usageType = u;
        h.skuMeter = m;
        h.resourceId = id;
        h.chargeDescription = d;
        h.tags = t;
        h.model = mo;
        const auto e = Endpoints::deriveEndpoint(h);
        const QStringList got{QString::fromStdString(e.endpoint), QString::fromStdString(e.instanceType),
                              QString::fromStdString(e.accelerator), QString::fromStdString(e.servedModel)};
        QCOMPARE(got, expected);
    }

    // The FOCUS fixture: five endpoints with exact hours and cost; the totals are the file's sum.
    void focusFixtureDecodesEndpoints()
    {
        const QString file = TestSupport::dataPath(QStringLiteral("endpoints/focus-endpoints.csv"));
        QString expected;
        QVERIFY(TestSupport::csvColumnSum(file, QStringLiteral("BilledCost"), &expected));
        QCOMPARE(expected, QStringLiteral("170.326"));
        FocusImporter importer(m_store.db());
        const auto r = importer.importFile(file.toStdString(), Ingestor::newBatch(m_store.db()));
        QVERIFY2(r.ok, r.error.toString().c_str());
        QCOMPARE(r.ingest.rows, 12);
        QCOMPARE(grandTotal(), expected); // decoding adds dimensions, never money

        const auto rows = stats();
        QCOMPARE(rows.size(), std::size_t(5)); // training and token lines are no endpoints
        struct Want {
            const char *endpoint, *provider, *type, *accelerator, *model, *hours, *cost, *unitPrice;
        };
        const Want want[] = {
            // 6 model-unit hours for $123: $20.50 per model-unit hour
            {"haiku-pt", "AWS", "provisioned-throughput", "", "claude-3-haiku", "6", "123.00", "20.50"},
            // four hourly lines of $7.09
            {"chat-llama", "AWS", "ml.g5.12xlarge", "NVIDIA A10G x4", "llama-3.1-70b-instruct", "4", "28.36", "7.09"},
            // one daily line: 24 Hrs for $5.52
            {"embed-cpu", "AWS", "ml.m5.xlarge", "CPU", "", "24", "5.52", "0.23"},
            // GPU 1.40 + core 0.64 + RAM 0.256; only the GPU line's 2 hours are instance hours
            {"support-bot", "Google Cloud", "nvidia-l4", "NVIDIA L4 x1", "", "2", "2.296", "1.148"},
            {"mistral-chat", "Hugging Face", "aws:nvidia-a10g-x1", "NVIDIA A10G x1", "mistralai/Mistral-7B-Instruct-v0.3", "1",
             "1.00", "1.00"},
        };
        for (std::size_t i = 0; i < std::size(want); ++i) {
            const Want &w = want[i];
            const EndpointStats &s = rows[i]; // most cost first
            QCOMPARE(s.endpoint, std::string(w.endpoint));
            QCOMPARE(s.provider, std::string(w.provider));
            QCOMPARE(s.instanceType, std::string(w.type));
            QCOMPARE(s.accelerator, std::string(w.accelerator));
            QCOMPARE(s.servedModel, std::string(w.model));
            QCOMPARE(hours(s.hours), QString::fromLatin1(w.hours));
            QCOMPARE(money(s.cost), QString::fromLatin1(w.cost));
            QCOMPARE(money(s.unitPrice), QString::fromLatin1(w.unitPrice));
            // No telemetry: nothing served, every paid hour idle.
            QCOMPARE(s.requests, 0);
            QCOMPARE(money(s.idleCost), money(s.cost));
            QVERIFY(!s.costPer1kRequests && !s.apiEquivalentCost);
        }
        QCOMPARE(find(rows, "embed-cpu")->paidClockHours, 24);
        QCOMPARE(find(rows, "chat-llama")->paidClockHours, 4);
    }

    // The same kinds of lines from a Cost Explorer page (daily: each line spans its day).
    void costExplorerFixtureDecodesEndpoints()
    {
        QFile f(TestSupport::dataPath(QStringLiteral("endpoints/costexplorer-endpoints.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        Conn::FetchResult result;
        Conn::Aws::ParseOptions options;
        Conn::Aws::PageInfo page;
        options.billingAccount = QStringLiteral("111122223333");
        QString error;
        const QByteArray body = f.readAll();
        // The default scope keeps Bedrock and SageMaker hosting (endpoint hours), not training.
        QVERIFY2(Conn::Aws::parseCostAndUsage(body, options, result, &page, &error), qPrintable(error));
        QCOMPARE(result.size(), std::size_t(4));
        for (const Cost::Record &r : result.records())
            QVERIFY(r.dim(Cost::Dim::UsageType).find("Train") == std::string_view::npos);
        result = Conn::FetchResult();
        options.aiServicesOnly = false; // every service: the training line too
        QVERIFY2(Conn::Aws::parseCostAndUsage(body, options, result, &page, &error), qPrintable(error));
        QCOMPARE(result.size(), std::size_t(5));
        QVERIFY(ingest(result.records()));
        // 170.16 + 9.10 + 7.65 + 984 + 0.081
        QCOMPARE(grandTotal(), QStringLiteral("1170.991"));

        const auto rows = stats();
        QCOMPARE(rows.size(), std::size_t(3));
        QCOMPARE(rows[0].instanceType, std::string("provisioned-throughput"));
        QCOMPARE(hours(rows[0].hours), QStringLiteral("48"));
        QCOMPARE(money(rows[0].cost), QStringLiteral("984.00"));
        QCOMPARE(money(rows[0].unitPrice), QStringLiteral("20.50"));
        QCOMPARE(rows[0].servedModel, rows[0].endpoint.substr(std::string("provisioned ").size()));
        QVERIFY2(!rows[0].servedModel.empty(), rows[0].endpoint.c_str());
        const EndpointStats *g5 = find(rows, "ml.g5.12xlarge"); // no resource in Cost Explorer: named by its type
        QVERIFY(g5);
        QCOMPARE(g5->provider, std::string("AWS"));
        QCOMPARE(g5->accelerator, std::string("NVIDIA A10G x4"));
        QCOMPARE(hours(g5->hours), QStringLiteral("24"));
        QCOMPARE(money(g5->cost), QStringLiteral("170.16"));
        QCOMPARE(money(g5->unitPrice), QStringLiteral("7.09"));
        QCOMPARE(g5->paidClockHours, 24);
        const EndpointStats *inf2 = find(rows, "ml.inf2.xlarge");
        QVERIFY(inf2);
        QCOMPARE(inf2->accelerator, std::string("AWS Inferentia2 x1"));
        QCOMPARE(hours(inf2->hours), QStringLiteral("12.5"));
        QCOMPARE(money(inf2->cost), QStringLiteral("9.10"));
        QCOMPARE(money(inf2->unitPrice), QStringLiteral("0.728")); // 9.10 / 12.5
    }

    // A record exactly as the Hugging Face connector emits it (contract.md) decodes like the FOCUS row.
    void huggingFaceContractRecord()
    {
        Record r;
        r.setDim(Dim::Provider, "Hugging Face");
        r.setDim(Dim::Service, "Inference Endpoints");
        r.setDim(Dim::ServiceCategory, "AI and Machine Learning");
        r.setDim(Dim::ChargeCategory, "Usage");
        r.setDim(Dim::ResourceId, "acme/llama-small");
        r.setDim(Dim::ResourceName, "llama-small");
        r.setDim(Dim::ResourceType, "Inference Endpoint");
        r.setDim(Dim::Region, "us-east-1");
        r.setDim(Dim::UsageType, "hf-endpoint:aws:nvidia-l4:x4");
        r.setDim(Dim::ConsumedUnit, "Hours");
        r.setDim(Dim::PricingUnit, "Hours");
        r.setDim(Dim::Tags, R"({"burnrate:estimated":"true","model":"meta-llama/Llama-3.1-8B-Instruct"})");
        r.setDim(Dim::ChargeDescription, "Estimated: aws nvidia-l4 x4 at 3.80/h");
        r.setDim(Dim::Currency, "USD");
        std::vector<Record> records;
        // 10:00-11:00 running 60 minutes, 11:00-12:00 running 15 minutes (0.25 h): $3.80 + $0.95
        for (auto [hour, qty, cost] : {std::tuple{10, 1.0, "3.80"}, std::tuple{11, 0.25, "0.95"}}) {
            r.chargeStart = TestSupport::day("2026-03-02") * 86400 + hour * 3600;
            r.chargeEnd = r.chargeStart + 3600;
            r.billingPeriodStart = TestSupport::day("2026-03-01") * 86400;
            r.billingPeriodEnd = TestSupport::day("2026-04-01") * 86400;
            r.consumedQuantity = r.pricingQuantity = qty;
            r.amountPresent = 0;
            for (Amount a : {Amount::Billed, Amount::Effective, Amount::List})
                r.setAmount(a, TestSupport::usd(cost));
            records.push_back(r);
        }
        QVERIFY(ingest(records));
        const auto rows = stats();
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].endpoint, std::string("llama-small"));
        QCOMPARE(rows[0].provider, std::string("Hugging Face"));
        QCOMPARE(rows[0].instanceType, std::string("aws:nvidia-l4-x4"));
        QCOMPARE(rows[0].accelerator, std::string("NVIDIA L4 x4"));
        QCOMPARE(rows[0].servedModel, std::string("meta-llama/Llama-3.1-8B-Instruct"));
        QCOMPARE(hours(rows[0].hours), QStringLiteral("1.25"));
        QCOMPARE(money(rows[0].cost), QStringLiteral("4.75"));
        QCOMPARE(money(rows[0].unitPrice), QStringLiteral("3.80"));
        QCOMPARE(grandTotal(), QStringLiteral("4.75"));
    }

    // `burnrate endpoints` with telemetry for chat-llama (llama-3.1-70b-instruct), computed by hand:
    //  paid hours 09, 10, 11, 12 UTC at $7.09 = $28.36; requests in 09 (120), 10 (80) and 12 (40),
    //  none in 11; the call at 15:00 is outside the paid hours. So:
    //  requests 240; tokens (60000+24000)+(40000+16000)+(20000+8000) = 168000; busy hours 3;
    //  idle cost = the 11:00 hour = 7.09; cost per 1k requests = 28.36 × 1000 / 240 = 118.1666666666…,
    //  rounded half away from zero to 1e-10 = 118.1666666667; API equivalent at the catalog's
    //  llama-3-1-70b price ($0.72 / 1M input and output) = 168000 × 0.72 / 1e6 = 0.12096.
    //  --wide: utilisation 3/4 = 75.0 %; cost per 1M tokens = 28.36e6 / 168000 = 168.8095238095;
    //  break-even = 28.36 × 730 × 240 / (0.12096 × 4) = 10269245.70… → 10269246 requests a month.
    void cliShowsUtilisationFromTelemetry()
    {
        const QString db = m_dir->filePath(QStringLiteral("cli.sqlite"));
        auto run = [&](const QStringList &args, QString *out) {
            QString err;
            const int code = runBurnrate(QStringList{QStringLiteral("--db"), db} + args, out, &err);
            if (code != 0)
                qWarning("%s", qPrintable(err));
            return code;
        };
        QString out;
        QCOMPARE(run({QStringLiteral("import"), TestSupport::dataPath(QStringLiteral("endpoints/focus-endpoints.csv"))}, &out), 0);
        QCOMPARE(run({QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("provider")}, &out), 0);
        const QString totalsBefore = out;
        QCOMPARE(run({QStringLiteral("telemetry"), QStringLiteral("import"),
                      TestSupport::dataPath(QStringLiteral("endpoints/telemetry-chat-llama.csv"))},
                     &out),
                 0);
        QCOMPARE(run({QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("provider")}, &out), 0);
        QCOMPARE(out, totalsBefore);

        QCOMPARE(run({QStringLiteral("endpoints"), QStringLiteral("--from"), QStringLiteral("2026-03-02"), QStringLiteral("--to"),
                      QStringLiteral("2026-03-02")},
                     &out),
                 0);
        const auto lines = TestSupport::parseCsv(out, TestSupport::CsvRecordEnd::AnyLineBreak);
        QCOMPARE(lines.size(), 6);
        QCOMPARE(lines[0].join(u','), QStringLiteral("endpoint,provider,instance_type,accelerator,hours,cost,requests,tokens,"
                                                     "busy_hours,idle_cost,cost_per_1k_requests,api_equivalent_cost"));
        QCOMPARE(lines[2].join(u','), QStringLiteral("chat-llama,AWS,ml.g5.12xlarge,NVIDIA A10G x4,4,28.36,240,168000,3,7.09,"
                                                     "118.1666666667,0.12096"));
        // An endpoint without telemetry: all idle, no unit costs.
        QCOMPARE(lines[3].join(u','), QStringLiteral("embed-cpu,AWS,ml.m5.xlarge,CPU,24,5.52,0,0,0,5.52,,"));

        QCOMPARE(run({QStringLiteral("endpoints"), QStringLiteral("--wide"), QStringLiteral("--format"), QStringLiteral("json")},
                     &out),
                 0);
        const QJsonArray arr = QJsonDocument::fromJson(out.toUtf8()).array();
        QCOMPARE(arr.size(), 5);
        const QJsonObject chat = arr.at(1).toObject();
        QCOMPARE(chat.value(QStringLiteral("endpoint")).toString(), QStringLiteral("chat-llama"));
        QCOMPARE(chat.value(QStringLiteral("utilisation_percent")).toString(), QStringLiteral("75.0"));
        QCOMPARE(chat.value(QStringLiteral("cost_per_1m_tokens")).toString(), QStringLiteral("168.8095238095"));
        QCOMPARE(chat.value(QStringLiteral("break_even_requests_per_month")).toString(), QStringLiteral("10269246"));
        QCOMPARE(chat.value(QStringLiteral("idle_cost")).toString(), QStringLiteral("7.09"));

        // A day without the endpoints: header only.
        QCOMPARE(run({QStringLiteral("endpoints"), QStringLiteral("--from"), QStringLiteral("2026-03-03")}, &out), 0);
        QCOMPARE(out.count(u'\n'), 1);
    }

    // The demo workspace's two endpoints: support-llama busy every hour, mistral-lab/blue idle but
    // for weekday late mornings; their telemetry matches the model each serves.
    void demoHasAWellUsedAndAnIdleEndpoint()
    {
        std::string error;
        const std::int64_t end = TestSupport::day("2026-03-29"); // a Sunday: 14 days = 10 weekdays
        QVERIFY2(TestSupport::addDemo(m_store.db(), end, 14, &error), error.c_str());
        const auto rows = stats();
        QCOMPARE(rows.size(), std::size_t(2));
        const EndpointStats *llama = find(rows, "support-llama");
        const EndpointStats *mistral = find(rows, "mistral-lab/blue");
        QVERIFY(llama && mistral);
        QCOMPARE(llama->provider, std::string("AWS"));
        QCOMPARE(llama->accelerator, std::string("NVIDIA A10G x4"));
        QCOMPARE(mistral->provider, std::string("Microsoft"));
        QCOMPARE(mistral->instanceType, std::string("NC4as T4 v3"));
        QCOMPARE(mistral->accelerator, std::string("NVIDIA T4 x1"));
        // 14 days × 24 hours at $7.09 and $0.526
        QCOMPARE(hours(llama->hours), QStringLiteral("336"));
        QCOMPARE(money(llama->cost), QStringLiteral("2382.24"));
        QCOMPARE(money(mistral->cost), QStringLiteral("176.736"));
        QCOMPARE(llama->busyClockHours, 336);
        QCOMPARE(money(llama->idleCost), QStringLiteral("0.00"));
        // 10 weekdays × 2 hours (10:00 and 11:00 UTC) with calls, the other 316 hours idle
        QCOMPARE(mistral->busyClockHours, 20);
        QCOMPARE(money(mistral->idleCost), QStringLiteral("166.216")); // 316 × 0.526
        QVERIFY(llama->requests > 10000 && mistral->requests > 0 && mistral->requests < 400);
        QVERIFY(llama->apiEquivalentCost && mistral->apiEquivalentCost); // both models are in the catalog
    }

    // A store of schema 17 gains the combo columns, and the charges it already holds are decoded by
    // the upgrade (not only what is imported next): the same endpoints as a fresh import gives.
    void olderStoreMigrates()
    {
        FocusImporter importer(m_store.db());
        const auto r = importer.importFile(TestSupport::dataPath(QStringLiteral("endpoints/focus-endpoints.csv")).toStdString(),
                                           Ingestor::newBatch(m_store.db()));
        QVERIFY2(r.ok, r.error.toString().c_str());
        const auto describe = [](const std::vector<EndpointStats> &rows) {
            QStringList out;
            for (const auto &e : rows)
                out << QString::fromStdString(e.endpoint + "|" + e.instanceType + "|" + e.accelerator + "|" + e.servedModel + "|")
                        + hours(e.hours) + QLatin1Char('|') + money(e.cost);
            return out;
        };
        const QStringList fresh = describe(stats());
        QCOMPARE(fresh.size(), 5);
        // As a schema-17 store holds them: no endpoint columns decoded.
        QVERIFY(m_store.db().exec("UPDATE combo SET endpoint = 0, instance_type = 0, accelerator = 0, served_model = 0"));
        QVERIFY(stats().empty());
        QVERIFY(m_store.db().exec("PRAGMA user_version = 17"));
        m_store.close();
        QVERIFY(m_store.open(m_dir->filePath(QStringLiteral("s.sqlite")).toStdString()));
        QCOMPARE(m_store.schemaVersion(), Store::kSchemaVersion);
        QCOMPARE(m_store.db().scalar("SELECT count(*) FROM pragma_table_info('combo') WHERE name IN"
                                     " ('endpoint', 'instance_type', 'accelerator', 'served_model')"),
                 4);
        QCOMPARE(describe(stats()), fresh);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    Store m_store;
};

QTEST_GUILESS_MAIN(TestEndpoints)
#include "tst_endpoints.moc"
