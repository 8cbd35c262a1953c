// Endpoints as a series dimension (issue #18 item 4): a SageMaker endpoint billed hourly at a
// steady rate for three weeks, then at 10x for six hours, next to a steady endpoint and token spend
// that is no endpoint's. The anomaly scan opens an anomaly on series "endpoint support-llama" and
// never scans the empty endpoint (that would be all the other spend again); the forecast offers the
// endpoint and its history is the endpoint's daily billed cost; `burnrate totals --by endpoint`
// adds up to the grand total.
#include "analytics/analytics.h"
#include "anomaly/anomalyscan.h"
#include "anomaly/anomalystore.h"
#include "anomalies/anomalytext.h"
#include "domain/numtext.h"
#include "domain/timeparse.h"
#include "forecast/forecastview.h"
#include "import/ingestor.h"
#include "store/store.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

using namespace Analytics;
using namespace Qt::StringLiterals;

namespace {

constexpr std::int64_t kDay = 86400;
constexpr int kDays = 23;
const std::int64_t kFirstDay = Cost::daysFromCivil(2025, 1, 6); // a Monday
// The runaway: day 21 (a Monday) from 10:00 to 16:00 UTC, ten instances instead of one.
const std::int64_t kSpikeStart = (kFirstDay + 21) * kDay + 10 * 3600;
const std::int64_t kSpikeEnd = kSpikeStart + 6 * 3600;
const char *const kLlama = "support-llama";

Cost::Record baseRecord(std::int64_t start)
{
    int y;
    unsigned m, d;
    Cost::civilFromDays(Cost::dayOf(start), y, m, d);
    Cost::Record r;
    r.setDim(Cost::Dim::BillingAccount, "acct-1");
    r.setDim(Cost::Dim::Currency, "USD");
    r.setDim(Cost::Dim::ChargeCategory, "Usage");
    r.chargeStart = start;
    r.chargeEnd = start + 3600;
    r.billingPeriodStart = Cost::daysFromCivil(y, m, 1) * kDay;
    r.billingPeriodEnd = Cost::daysFromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) * kDay;
    return r;
}

// One hour of a SageMaker real-time endpoint, as a CUR / FOCUS line carries it: the usage type
// `USE1-Host:ml.…` and the endpoint's name decode to the endpoint (Endpoints::deriveEndpoint).
// A Record holds views: the texts are literals.
struct Endpoint {
    const char *name, *usageType, *arn;
};
const Endpoint kLlamaEndpoint{"support-llama", "USE1-Host:ml.g5.12xlarge",
                              "arn:aws:sagemaker:us-east-1:444455556666:endpoint/support-llama"};
const Endpoint kEmbedEndpoint{"embed-cpu", "USE1-Host:ml.m5.xlarge", "arn:aws:sagemaker:us-east-1:444455556666:endpoint/embed-cpu"};

Cost::Record endpointHour(const Endpoint &e, std::int64_t start, double instances, Cost::Money perHour)
{
    Cost::Record r = baseRecord(start);
    r.setDim(Cost::Dim::Provider, "AWS");
    r.setDim(Cost::Dim::Service, "Amazon SageMaker");
    r.setDim(Cost::Dim::UsageType, e.usageType);
    r.setDim(Cost::Dim::ResourceId, e.arn);
    r.setDim(Cost::Dim::ResourceName, e.name);
    r.setDim(Cost::Dim::ConsumedUnit, "Hrs");
    r.setDim(Cost::Dim::PricingUnit, "Hrs");
    r.consumedQuantity = r.pricingQuantity = instances;
    r.setAmount(Cost::Amount::Billed, static_cast<Cost::Money>(std::llround(instances)) * perHour);
    return r;
}

// An hour of gpt-4o tokens: spend of no endpoint, with a daily rhythm.
Cost::Record tokenHour(std::int64_t start, Cost::Money cost)
{
    Cost::Record r = baseRecord(start);
    r.setDim(Cost::Dim::Provider, "OpenAI");
    r.setDim(Cost::Dim::Service, "API");
    r.setDim(Cost::Dim::Model, "gpt-4o");
    r.setDim(Cost::Dim::Feature, "chatbot");
    r.setDim(Cost::Dim::Team, "support");
    r.tokenKind = Cost::TokenKind::Input;
    r.tokens = cost / (Cost::kMoneyScale / 400000); // $2.50 per 1M
    r.setAmount(Cost::Amount::Billed, cost);
    return r;
}

struct Written {
    std::map<std::int64_t, Cost::Money> llamaByDay; // the test's own daily sums of support-llama
    Cost::Money total = 0;
};

bool writeStore(Cost::Store &store, Written &w)
{
    Cost::ImportMeta meta{"test", "synthetic", "synthetic", "synthetic", Cost::Ingestor::newBatch(store.db())};
    Cost::Ingestor ingestor(store.db());
    if (!ingestor.begin(meta))
        return false;
    const Cost::Money llama = TestSupport::usd("7.09"), embed = TestSupport::usd("0.23");
    std::vector<Cost::FactRow> rows;
    auto add = [&](const Cost::Record &r) {
        rows.emplace_back();
        ingestor.resolve(r, rows.back());
        w.total += r.amount(Cost::Amount::Billed);
    };
    for (std::int64_t day = kFirstDay; day < kFirstDay + kDays; ++day) {
        for (int hour = 0; hour < 24; ++hour) {
            const std::int64_t start = day * kDay + hour * 3600;
            const double instances = start >= kSpikeStart && start < kSpikeEnd ? 10.0 : 1.0;
            add(endpointHour(kLlamaEndpoint, start, instances, llama));
            w.llamaByDay[day] += static_cast<Cost::Money>(instances) * llama;
            add(endpointHour(kEmbedEndpoint, start, 1.0, embed));
            // $20 to $40 an hour, highest in the afternoon, a little lower at weekends.
            const bool weekend = (day - kFirstDay) % 7 >= 5;
            const double level = (20.0 + 20.0 * std::exp(-std::pow((hour - 14.0) / 5.0, 2.0))) * (weekend ? 0.8 : 1.0);
            add(tokenHour(start, std::llround(level * 100) * (Cost::kMoneyScale / 100)));
        }
    }
    Cost::IngestResult result;
    if (!ingestor.insert(rows.data(), rows.size()) || !ingestor.commit(0, 0, result)) {
        qWarning("ingest failed: %s", ingestor.error().c_str());
        ingestor.rollback();
        return false;
    }
    return true;
}

QString money(Cost::BigMoney v) { return QString::fromStdString(Cost::formatMoney(v, 2)); }

} // namespace

class TestEndpointSeries : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    Cost::Store m_store;
    Written m_written;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("endpoints.sqlite"));
        QVERIFY(m_store.open(m_path.toStdString()));
        QVERIFY(writeStore(m_store, m_written));
    }

    void labels()
    {
        QCOMPARE(SeriesKey({"endpoint", kLlama}).label(), std::string("endpoint support-llama"));
        QCOMPARE((SeriesRef{"endpoint", kLlama}.label()), std::string("endpoint support-llama"));
        QCOMPARE(AnomalyText::series(SeriesKey{"endpoint", kLlama}), u"Endpoint support-llama"_s);
        QVERIFY(isSeriesValue("endpoint", kLlama));
        QVERIFY(!isSeriesValue("endpoint", ""));
        QVERIFY(isSeriesValue("model", "")); // cost not itemised by model is a series of its own
    }

    // The scanned endpoint series are the two endpoints: no empty one, at either grain.
    void scanLoadsNamedEndpointsOnly_data()
    {
        QTest::addColumn<int>("grain");
        QTest::newRow("hour") << int(AnomalyGrain::Hour);
        QTest::newRow("day") << int(AnomalyGrain::Day);
    }
    void scanLoadsNamedEndpointsOnly()
    {
        QFETCH(int, grain);
        std::vector<SeriesData> series;
        std::string error;
        QVERIFY2(loadAllSeries(m_store.db(), "endpoint", static_cast<AnomalyGrain>(grain), series, error), error.c_str());
        QStringList values;
        for (const SeriesData &s : series)
            values << QString::fromStdString(s.key.value);
        values.sort();
        QCOMPARE(values, (QStringList{u"embed-cpu"_s, u"support-llama"_s}));
        // The endpoint's points are its billed cost exactly.
        for (const SeriesData &s : series) {
            if (s.key.value != kLlama)
                continue;
            Cost::Money sum = 0;
            for (const Cost::Money v : s.values)
                sum += v;
            Cost::Money expected = 0;
            for (const auto &[day, v] : m_written.llamaByDay)
                if (day * kDay >= s.start) // the hourly history may start later than the store
                    expected += v;
            QCOMPARE(money(sum), money(expected));
        }
    }

    // The runaway opens an anomaly on the endpoint's own series; nothing is scanned as "endpoint (none)";
    // the total's anomaly names the endpoint as its cause.
    void scanFindsTheEndpointRunaway()
    {
        ScanResult result;
        std::string error;
        QVERIFY2(runAnomalyScan(m_store.db(), result, error), error.c_str());
        std::vector<Anomaly> list;
        QVERIFY2(AnomalyStore(m_store.db()).list(std::nullopt, std::nullopt, list, error), error.c_str());
        const QByteArray dump = TestSupport::describeAnomalies(list);
        const Anomaly *hourly = nullptr, *total = nullptr;
        bool daily = false;
        for (const Anomaly &a : list) {
            QVERIFY2(!(a.series.dimension == "endpoint" && a.series.value.empty()), dump.constData());
            const bool overlaps = a.start < kSpikeEnd && a.end > kSpikeStart;
            if (a.series == SeriesKey{"endpoint", kLlama} && overlaps) {
                QVERIFY2(a.impact() > 0, dump.constData());
                if (a.grain == AnomalyGrain::Hour)
                    hourly = &a;
                else
                    daily = true;
            }
            if (a.series.dimension.empty() && a.grain == AnomalyGrain::Hour && overlaps)
                total = &a;
            QVERIFY2(a.series != (SeriesKey{"endpoint", "embed-cpu"}), dump.constData()); // steady: never flagged
        }
        QVERIFY2(hourly || daily, dump.constData());
        QVERIFY2(hourly, dump.constData());
        // The six runaway hours exactly: 6 × 10 × $7.09.
        QCOMPARE(hourly->start, kSpikeStart);
        QCOMPARE(hourly->end, kSpikeEnd);
        QCOMPARE(money(hourly->actual), u"425.40"_s);
        QVERIFY2(total, dump.constData());
        QVERIFY2(QString::fromStdString(total->explanation).contains(u"from endpoint support-llama"), dump.constData());
    }

    // The forecast's choices name the endpoints, never an empty one; an endpoint's history is its
    // daily billed cost.
    void forecastOnEndpoint()
    {
        std::vector<SeriesRef> choices;
        std::string error;
        QVERIFY2(seriesChoices(m_store.db(), choices, error), error.c_str());
        QVERIFY(std::find(choices.begin(), choices.end(), SeriesRef{"endpoint", kLlama}) != choices.end());
        QVERIFY(std::find(choices.begin(), choices.end(), SeriesRef{"endpoint", "embed-cpu"}) != choices.end());
        QVERIFY(std::find(choices.begin(), choices.end(), SeriesRef{"endpoint", ""}) == choices.end());

        const ForecastView view = computeForecastView(m_store.db(), SeriesRef{"endpoint", kLlama}, 30);
        QVERIFY2(view.ok, view.error.c_str());
        QCOMPARE(view.history.firstDay, kFirstDay);
        QCOMPARE(view.history.values.size(), std::size_t(kDays));
        QCOMPARE(view.history.partialDays, 0);
        for (std::size_t i = 0; i < view.history.values.size(); ++i) {
            const Cost::Money expected = m_written.llamaByDay.at(kFirstDay + static_cast<std::int64_t>(i));
            QCOMPARE(Cost::formatNumber(view.history.values[i], 2), Cost::formatMoney(expected, 2));
        }
        QVERIFY(!view.result.points.empty());

        DailyHistory none;
        QVERIFY(!loadDailyHistory(m_store.db(), SeriesRef{"endpoint", ""}, none, error));
    }

    // `burnrate totals --by endpoint`: the endpoints and the rest, adding up to the grand total;
    // `burnrate forecast --series endpoint=NAME` forecasts it, an empty endpoint is refused.
    void cli()
    {
        QString out, err;
        const QStringList db{u"--db"_s, m_path};
        QCOMPARE(TestSupport::runBurnrate(db + QStringList{u"totals"_s, u"--by"_s, u"endpoint"_s}, &out, &err), 0);
        const auto lines = TestSupport::parseCsv(out, TestSupport::CsvRecordEnd::AnyLineBreak);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0], (QStringList{u"endpoint"_s, u"billed"_s, u"rows"_s}));
        QStringList values, names;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            names << lines[i][0];
            values << lines[i][1];
        }
        names.sort();
        QCOMPARE(names, (QStringList{QString(), u"embed-cpu"_s, u"support-llama"_s}));
        QString sum;
        QVERIFY(TestSupport::decimalSum(values, &sum));
        QCOMPARE(sum, money(m_written.total));
        QCOMPARE(TestSupport::runBurnrate(db + QStringList{u"totals"_s, u"--by"_s, u"currency"_s}, &out, &err), 0);
        const auto grand = TestSupport::parseCsv(out, TestSupport::CsvRecordEnd::AnyLineBreak);
        QCOMPARE(grand.size(), 2);
        QCOMPARE(grand[1][1], sum);
        QCOMPARE(TestSupport::runBurnrate(db + QStringList{u"totals"_s, u"--help"_s}, &out, &err), 0);
        QVERIFY2((out + err).contains(u" endpoint"), qPrintable(out + err));

        QCOMPARE(TestSupport::runBurnrate(db + QStringList{u"forecast"_s, u"--series"_s, u"endpoint=support-llama"_s,
                                                           u"--horizon"_s, u"7"_s},
                                          &out, &err),
                 0);
        QCOMPARE(out.count(u'\n'), 8); // header and seven days
        QVERIFY(TestSupport::runBurnrate(db + QStringList{u"forecast"_s, u"--series"_s, u"endpoint="_s, u"--horizon"_s, u"7"_s},
                                         &out, &err)
                != 0);
    }
};

QTEST_GUILESS_MAIN(TestEndpointSeries)
#include "tst_endpointseries.moc"
