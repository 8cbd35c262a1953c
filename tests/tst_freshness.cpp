// Data freshness (issue #16): billing data for the latest hour or day is usually partial. Stores
// whose data stops mid-hour — a sync that fetched the running hour, a file cut at 14:20 beside a
// source that goes on — must not open "spend drop" anomalies on the incomplete period, while a real
// drop in a complete period is still found; the partial buckets are traced as partial; a partial
// last day does not pull the forecast down; each source knows up to when it is complete.
#include "analytics/freshness.h"
#include "anomaly/anomalyscan.h"
#include "anomaly/anomalystore.h"
#include "domain/timeparse.h"
#include "forecast/forecastview.h"
#include "import/ingestor.h"
#include "store/store.h"
#include "testsupport.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include <cstdint>
#include <string>
#include <vector>

using namespace Analytics;

namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;
const Cost::Money kPerHour = 40 * Cost::kMoneyScale; // per model, before noise

// Charges of one source: every model, one charge per `step` in [from, to).
struct Source {
    std::string source, provider, kind;
    std::vector<std::string> models;
    std::int64_t from = 0, to = 0;
    std::int64_t step = kHour;
    double lastShare = 1.0;     // the share of the last bucket present (a bucket still running)
    std::int64_t cut = 0;       // when set, the last bucket's charges end here (a file cut mid-hour)
    std::string dropModel{};    // a real drop to zero of one model over [dropFrom, dropTo)
    std::int64_t dropFrom = 0, dropTo = 0;
};

bool writeSource(Cost::Store &store, const Source &src)
{
    Cost::ImportMeta meta{src.kind, src.source, src.source, src.source, Cost::Ingestor::newBatch(store.db())};
    Cost::Ingestor ingestor(store.db());
    if (!ingestor.begin(meta))
        return false;
    std::uint64_t lcg = 777;
    const std::string account = "acct-" + src.source; // the records only view their text
    std::vector<Cost::FactRow> rows;
    for (std::int64_t t = src.from; t < src.to; t += src.step) {
        const bool last = t + src.step >= src.to;
        int y;
        unsigned m, d;
        Cost::civilFromDays(Cost::dayOf(t), y, m, d);
        for (const std::string &model : src.models) {
            lcg = lcg * 6364136223846793005ULL + 1442695040888963407ULL;
            const double noise = 0.95 + 0.1 * static_cast<double>(lcg >> 11) / 9007199254740992.0;
            double share = noise * static_cast<double>(src.step / kHour) * (last ? src.lastShare : 1.0);
            if (model == src.dropModel && t >= src.dropFrom && t < src.dropTo)
                share = 0;
            const auto cost = static_cast<Cost::Money>(static_cast<double>(kPerHour) * share);
            if (cost <= 0)
                continue;
            Cost::Record r;
            r.setDim(Cost::Dim::Provider, src.provider);
            r.setDim(Cost::Dim::BillingAccount, account);
            r.setDim(Cost::Dim::Model, model);
            r.setDim(Cost::Dim::Currency, "USD");
            r.setDim(Cost::Dim::ChargeCategory, "Usage");
            r.chargeStart = t;
            r.chargeEnd = last && src.cut > 0 ? src.cut : t + src.step;
            r.billingPeriodStart = Cost::daysFromCivil(y, m, 1) * kDay;
            r.billingPeriodEnd = Cost::daysFromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) * kDay;
            r.setAmount(Cost::Amount::Billed, cost);
            rows.emplace_back();
            ingestor.resolve(r, rows.back());
        }
    }
    Cost::IngestResult result;
    return ingestor.insert(rows.data(), rows.size()) && ingestor.commit(0, 0, result);
}

std::vector<Anomaly> scanned(Cost::Store &store)
{
    ScanResult result;
    std::string error;
    std::vector<Anomaly> list;
    if (!runAnomalyScan(store.db(), result, error) || !AnomalyStore(store.db()).list(std::nullopt, std::nullopt, list, error))
        qWarning("scan failed: %s", error.c_str());
    return list;
}

// The anomalies as text, for failure messages.
QByteArray dump(const std::vector<Anomaly> &list) { return TestSupport::describeAnomalies(list); }

bool hasDrop(const std::vector<Anomaly> &list, const SeriesKey &key, std::int64_t from, std::int64_t to)
{
    for (const Anomaly &a : list)
        if (a.series == key && a.grain == AnomalyGrain::Hour && a.start < to && a.end > from && a.impact() < 0)
            return true;
    return false;
}

const std::vector<std::string> kModels = {"m0", "m1", "m2", "m3", "m4"};

} // namespace

class TestFreshness : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_stores = 0;

    QString newStore() { return m_dir.filePath(QStringLiteral("f%1.sqlite").arg(++m_stores)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Issue #16's acceptance: a sync fetched the hour still running (its bucket ends at the hour's end
    // but holds its first minutes). Every model billed in that hour used to open "spend drop −100%".
    void syncOfTheRunningHourOpensNoDrop()
    {
        const std::int64_t now = QDateTime::currentSecsSinceEpoch();
        const std::int64_t hour = now - now % kHour;
        Source s{"sync:1", "OpenAI", "sync", kModels, hour - 40 * kDay, hour + kHour};
        s.lastShare = 0.05;
        s.dropModel = "m0"; // a real outage three days back, in complete data
        s.dropFrom = (Cost::dayOf(now) - 3) * kDay + 10 * kHour;
        s.dropTo = s.dropFrom + 8 * kHour;
        Cost::Store store;
        QVERIFY(store.open(newStore().toStdString()));
        QVERIFY(writeSource(store, s));

        Freshness f;
        std::string error;
        QVERIFY2(f.load(store.db(), error), error.c_str());
        QCOMPARE(f.sources().size(), std::size_t(1));
        const SourceFreshness &src = f.sources().front();
        QVERIFY(src.synced);
        QCOMPARE(src.dataEnd, hour + kHour);
        QVERIFY(src.importedAt >= now && src.importedAt <= QDateTime::currentSecsSinceEpoch());
        QCOMPARE(src.completeUntil, src.importedAt - Freshness::providerLag("OpenAI"));
        QVERIFY(src.completeUntil < hour + kHour);

        const std::vector<Anomaly> list = scanned(store);
        const std::int64_t completeHours = Freshness::completeBucketEnd(src.completeUntil, kHour);
        const std::int64_t completeDays = Freshness::completeBucketEnd(src.completeUntil, kDay);
        for (const Anomaly &a : list)
            QVERIFY2(a.end <= (a.grain == AnomalyGrain::Hour ? completeHours : completeDays), "opened on a partial period:" + dump({a}));
        QVERIFY2(hasDrop(list, {"model", "m0"}, s.dropFrom, s.dropTo), "the real drop was not found" + dump(list));

        // The partial hour is still there to be shown, as partial and never flagged.
        SeriesData series;
        QVERIFY(loadSeries(store.db(), {"model", "m1"}, AnomalyGrain::Hour, series, error));
        QCOMPARE(series.timeOf(series.values.size() - 1), hour);
        QCOMPARE(series.completeUntil, completeHours);
        std::vector<TracePoint> trace;
        detectAnomalies(series, Sensitivity::Normal, 10 * Cost::kMoneyScale, {}, &trace);
        QVERIFY(trace.back().partial && !trace.back().flagged);
        QVERIFY(trace.back().hasBand && trace.back().expected > trace.back().actual * 5);
        QVERIFY(!trace[series.completeCount() - 1].partial);
    }

    // A FOCUS file whose data stops at 14:20 beside another provider's file that goes on to midnight:
    // the first file's models (and all spend) are complete to 14:00 only, the other's to midnight.
    void fileCutMidHourBesideAnotherSource()
    {
        const std::int64_t day = Cost::daysFromCivil(2025, 3, 20);
        const std::int64_t cut = day * kDay + 14 * kHour + 20 * 60;
        Source a{"file-a", "Acme", "focus", {"a0", "a1", "a2"}, (day - 40) * kDay, day * kDay + 15 * kHour};
        a.cut = cut;
        a.lastShare = 1.0 / 3;
        a.dropModel = "a0";
        a.dropFrom = (day - 3) * kDay + 10 * kHour;
        a.dropTo = a.dropFrom + 8 * kHour;
        const Source b{"file-b", "Other", "focus", {"b0", "b1"}, (day - 40) * kDay, (day + 1) * kDay};
        Cost::Store store;
        QVERIFY(store.open(newStore().toStdString()));
        QVERIFY(writeSource(store, a));
        QVERIFY(writeSource(store, b));

        Freshness f;
        std::string error;
        QVERIFY(f.load(store.db(), error));
        QCOMPARE(f.sources().size(), std::size_t(2));
        QCOMPARE(f.dataEnd(), (day + 1) * kDay);
        QCOMPARE(f.completeUntil(), cut);
        std::map<std::string, std::int64_t> byModel;
        QVERIFY(seriesCompleteUntil(store.db(), f, "model", {}, byModel, error));
        QCOMPARE(byModel["a1"], cut);
        QCOMPARE(byModel["b1"], (day + 1) * kDay);

        const std::vector<Anomaly> list = scanned(store);
        const std::int64_t partialFrom = day * kDay + 14 * kHour;
        for (const Anomaly &a : list) {
            const bool fileA = a.series.dimension.empty() || a.series.value.starts_with("a") || a.series.value == "Acme";
            QVERIFY2(!fileA || a.end <= (a.grain == AnomalyGrain::Hour ? partialFrom : day * kDay), "opened on a partial period:" + dump({a}));
        }
        QVERIFY2(hasDrop(list, {"model", "a0"}, a.dropFrom, a.dropTo), "the real drop was not found" + dump(list));
        SeriesData series;
        QVERIFY(loadSeries(store.db(), {"model", "b0"}, AnomalyGrain::Hour, series, error));
        QCOMPARE(series.completeUntil, (day + 1) * kDay);
        QVERIFY(loadSeries(store.db(), {"model", "a0"}, AnomalyGrain::Hour, series, error));
        QCOMPARE(series.completeUntil, partialFrom);
    }

    // A cloud billing sync is a day behind; a file covering its billing period to the end is finished
    // and holds no other source back.
    void providerLagAndFinishedSources()
    {
        const std::int64_t now = QDateTime::currentSecsSinceEpoch();
        const std::int64_t hour = now - now % kHour;
        const std::int64_t month = Cost::daysFromCivil(2025, 2, 1);
        Cost::Store store;
        QVERIFY(store.open(newStore().toStdString()));
        QVERIFY(writeSource(store, {"sync:2", "AWS", "sync", {"nova"}, hour - 5 * kDay, hour + kHour}));
        QVERIFY(writeSource(store, {"old-file", "Acme", "focus", {"x"}, month * kDay, (month + 28) * kDay}));
        Freshness f;
        std::string error;
        QVERIFY(f.load(store.db(), error));
        QCOMPARE(f.sources().size(), std::size_t(2));
        for (const SourceFreshness &s : f.sources()) {
            if (s.source == "sync:2") {
                QVERIFY2(s.completeUntil == s.importedAt - kDay, s.provider.c_str());
                QVERIFY(!s.closed);
            } else {
                QCOMPARE(s.dataEnd, (month + 28) * kDay);
                QVERIFY(s.closed);
            }
        }
        QVERIFY(f.completeUntil() > now - kDay - kHour);
    }

    // A partial last day (today's charges so far) is left to the forecast, not read as a fall.
    void partialLastDayDoesNotPullTheForecastDown()
    {
        const std::int64_t today = Cost::dayOf(QDateTime::currentSecsSinceEpoch());
        Source s{"file-d", "Acme", "focus", kModels, (today - 70) * kDay, (today + 1) * kDay, kDay};
        s.lastShare = 0.3;
        Cost::Store store;
        QVERIFY(store.open(newStore().toStdString()));
        QVERIFY(writeSource(store, s));
        const ForecastView view = computeForecastView(store.db(), {}, 14);
        QVERIFY2(view.ok, view.error.c_str());
        QVERIFY(view.history.partialLastDay);
        QCOMPARE(view.history.lastDay(), today);
        QVERIFY(!view.result.points.empty());
        QCOMPARE(view.result.points.front().day, today);
        const double typical = 5 * 24 * Cost::toDouble(kPerHour);
        for (const ForecastPoint &p : view.result.points)
            QVERIFY2(p.forecast > 0.9 * typical, qPrintable(QString::number(p.forecast)));
    }
};

QTEST_GUILESS_MAIN(TestFreshness)
#include "tst_freshness.moc"
