// The anomaly scan on stored spend: synthetic hourly charges (written through Cost::Ingestor) with
// injected incidents — a 10x runaway feature, a silent drop to zero, a price change, a new model
// launch — must be found in the right series, explained by the right feature or model with the
// right share and exact money; feedback re-baselines a series; re-scans do not duplicate; the
// settings are obeyed; `burnrate anomalies` lists what is stored.
#include "allocation/allocation.h"
#include "anomaly/anomalyscan.h"
#include "anomaly/anomalystore.h"
#include "anomaly/rootcause.h"
#include "domain/timeparse.h"
#include "import/demogenerator.h"
#include "import/ingestor.h"
#include "store/store.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

using namespace Analytics;
using namespace Qt::StringLiterals;

namespace {

constexpr std::int64_t kDay = 86400;
constexpr int kDays = 60;
const std::int64_t kFirstDay = Cost::daysFromCivil(2025, 1, 6); // a Monday

enum class Incident { None, Runaway, Drop, PriceChange, Launch, LevelShift, Outage };

struct Usage {
    const char *feature;
    const char *team;
    const char *model;
    const char *provider;
    double inputMillions; // per peak hour
    double outputRatio;
    double inPrice, outPrice; // $ per 1M tokens
};

// chatbot and summarize share gpt-4o, so that a gpt-4o price change is a model's doing, not a
// feature's; search and classify share gemini-2.0-flash, so that its series has a feature to blame.
const Usage kUsage[] = {
    {"chatbot", "support", "gpt-4o", "OpenAI", 1.0, 0.3, 2.5, 10.0},
    {"summarize", "docs", "gpt-4o", "OpenAI", 0.6, 0.2, 2.5, 10.0},
    {"search", "discovery", "gemini-2.0-flash", "Google Cloud", 20.0, 0.1, 0.1, 0.4},
    {"agent", "platform", "claude-3-5-sonnet", "Anthropic", 0.25, 0.4, 3.0, 15.0},
    {"classify", "trust", "gemini-2.0-flash", "Google Cloud", 3.0, 0.05, 0.1, 0.4},
};

struct Charge {
    std::string feature, model;
    std::int64_t start;
    Cost::Money cost;
};

// Exact cost of tokens at $ per 1M tokens (prices have at most 4 decimals).
Cost::Money tokenCost(std::int64_t tokens, double dollarsPerMillion)
{
    return static_cast<Cost::Money>(tokens * std::llround(dollarsPerMillion * 1e4) * (Cost::kMoneyScale / 10000) / 1000000);
}

struct Scenario {
    Incident incident = Incident::None;
    std::int64_t at = 0;      // incident start (epoch seconds)
    std::int64_t until = 0;   // incident end (exclusive)
};

Scenario scenarioFor(Incident incident)
{
    Scenario s{incident, 0, 0};
    switch (incident) {
    case Incident::Runaway: s.at = (kFirstDay + 50) * kDay + 10 * 3600; s.until = s.at + 12 * 3600; break;
    case Incident::Outage: // the largest feature, 40% of all spend, broken for 30 hours
    case Incident::Drop: s.at = (kFirstDay + 45) * kDay + 9 * 3600; s.until = s.at + 30 * 3600; break;
    case Incident::PriceChange:
    case Incident::Launch:
    case Incident::LevelShift: // from a Monday morning to the end of the history
        s.at = (kFirstDay + 42) * kDay + 8 * 3600;
        s.until = (kFirstDay + kDays) * kDay;
        break;
    case Incident::None: break;
    }
    return s;
}

// Writes kDays of hourly charges with one incident; `charges` receives every charge written.
bool writeStore(const QString &path, const Scenario &sc, std::vector<Charge> &charges)
{
    Cost::Store store;
    if (!store.open(path.toStdString()))
        return false;
    Cost::ImportMeta meta{"test", "synthetic", "synthetic", "synthetic", Cost::Ingestor::newBatch(store.db())};
    Cost::Ingestor ingestor(store.db());
    if (!ingestor.begin(meta))
        return false;
    std::uint64_t lcg = 12345;
    auto noise = [&] {
        lcg = lcg * 6364136223846793005ULL + 1442695040888963407ULL;
        return 0.94 + 0.12 * static_cast<double>(lcg >> 11) / 9007199254740992.0;
    };
    std::vector<Cost::FactRow> rows;
    for (std::int64_t day = kFirstDay; day < kFirstDay + kDays; ++day) {
        int y;
        unsigned m, d;
        Cost::civilFromDays(day, y, m, d);
        const std::int64_t periodStart = Cost::daysFromCivil(y, m, 1) * kDay;
        const std::int64_t periodEnd = Cost::daysFromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) * kDay;
        const bool weekend = (day - kFirstDay) % 7 >= 5;
        for (int hour = 0; hour < 24; ++hour) {
            const std::int64_t start = day * kDay + hour * 3600;
            const bool during = start >= sc.at && start < sc.until;
            const double diurnal = 0.4 + 0.6 * std::exp(-std::pow((hour - 14.0) / 5.0, 2.0));
            std::vector<Usage> usage(std::begin(kUsage), std::end(kUsage));
            if (sc.incident == Incident::Launch && during)
                usage.push_back({"search", "discovery", "gemini-2.5-pro", "Google Cloud", 1.5, 0.3, 1.25, 10.0});
            for (Usage u : usage) {
                double volume = u.inputMillions * diurnal * (weekend ? 0.7 : 1.0);
                const std::string_view feature(u.feature), model(u.model);
                if (during && sc.incident == Incident::Runaway && feature == "agent")
                    volume *= 10;
                if (during && sc.incident == Incident::LevelShift && feature == "agent")
                    volume *= 4;
                if (during && sc.incident == Incident::Drop && feature == "search")
                    volume = 0;
                if (during && sc.incident == Incident::Outage && feature == "chatbot")
                    volume = 0;
                if (during && sc.incident == Incident::PriceChange && model == "gpt-4o")
                    u.inPrice *= 2, u.outPrice *= 2;
                const std::int64_t tokens[2] = {std::llround(volume * noise() * 1e6), std::llround(volume * u.outputRatio * noise() * 1e6)};
                const double prices[2] = {u.inPrice, u.outPrice};
                for (int k = 0; k < 2; ++k) {
                    if (tokens[k] <= 0)
                        continue;
                    Cost::Record r;
                    r.setDim(Cost::Dim::Provider, u.provider);
                    r.setDim(Cost::Dim::BillingAccount, "acct-1");
                    r.setDim(Cost::Dim::Model, u.model);
                    r.setDim(Cost::Dim::Feature, u.feature);
                    r.setDim(Cost::Dim::Team, u.team);
                    r.setDim(Cost::Dim::Currency, "USD");
                    r.setDim(Cost::Dim::ChargeCategory, "Usage");
                    r.tokenKind = k == 0 ? Cost::TokenKind::Input : Cost::TokenKind::Output;
                    r.chargeStart = start;
                    r.chargeEnd = start + 3600;
                    r.billingPeriodStart = periodStart;
                    r.billingPeriodEnd = periodEnd;
                    const Cost::Money cost = tokenCost(tokens[k], prices[k]);
                    r.setAmount(Cost::Amount::Billed, cost);
                    r.tokens = tokens[k];
                    rows.emplace_back();
                    ingestor.resolve(r, rows.back());
                    charges.push_back({u.feature, u.model, start, cost});
                }
            }
        }
    }
    Cost::IngestResult result;
    return ingestor.insert(rows.data(), rows.size()) && ingestor.commit(0, 0, result);
}

// The test's own exact sum of a series over [from, to).
Cost::Money sumOf(const std::vector<Charge> &charges, const SeriesKey &key, std::int64_t from, std::int64_t to)
{
    Cost::Money sum = 0;
    for (const Charge &c : charges) {
        if (c.start < from || c.start >= to)
            continue;
        if ((key.dimension == "feature" && c.feature != key.value) || (key.dimension == "model" && c.model != key.value))
            continue;
        sum += c.cost;
    }
    return sum;
}

// The anomalies as text, for failure messages.
QByteArray dump(const std::vector<Anomaly> &list) { return TestSupport::describeAnomalies(list); }

// The earliest anomaly of a series overlapping [at, until).
const Anomaly *findAnomaly(const std::vector<Anomaly> &list, const SeriesKey &key, std::int64_t at, std::int64_t until)
{
    const Anomaly *found = nullptr;
    for (const Anomaly &a : list)
        if (a.series == key && a.start < until && a.end > at && (!found || a.start < found->start))
            found = &a;
    return found;
}

} // namespace

class TestAnomalyScan : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_stores = 0;

    // A scanned store with one incident.
    QString scannedStore(Incident incident, std::vector<Charge> &charges, ScanResult *scan = nullptr)
    {
        const QString path = m_dir.filePath(QStringLiteral("s%1.sqlite").arg(++m_stores));
        if (!writeStore(path, scenarioFor(incident), charges))
            return {};
        Cost::Store store;
        ScanResult result;
        std::string error;
        if (!store.open(path.toStdString()) || !runAnomalyScan(store.db(), result, error)) {
            qWarning("scan failed: %s", error.c_str());
            return {};
        }
        if (scan)
            *scan = result;
        return path;
    }

    static std::vector<Anomaly> stored(const QString &path)
    {
        Cost::Store store;
        std::vector<Anomaly> list;
        std::string error;
        if (store.open(path.toStdString()))
            AnomalyStore(store.db()).list(std::nullopt, std::nullopt, list, error);
        return list;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void quietHistoryHasNoAnomalies()
    {
        std::vector<Charge> charges;
        ScanResult scan;
        const QString path = scannedStore(Incident::None, charges, &scan);
        QVERIFY(!path.isEmpty());
        QCOMPARE(scan.series, 2 * (1 + 3 + 3 + 5 + 5)); // total, providers, models, features, teams at two grains
        QCOMPARE(static_cast<int>(stored(path).size()), 0);
    }

    void incidentIsFoundAndExplained_data()
    {
        QTest::addColumn<int>("incident");
        QTest::addColumn<QString>("seriesDim");
        QTest::addColumn<QString>("seriesValue");
        QTest::addColumn<int>("direction");
        QTest::addColumn<QString>("causeDim");
        QTest::addColumn<QString>("causeValue");
        QTest::addColumn<double>("minShare");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("runaway feature, 10x") << int(Incident::Runaway) << QString() << QString() << 1 << u"feature"_s
                                             << u"agent"_s << 0.95 << u"from feature agent on claude-3-5-sonnet, output tokens \u00d7"_s;
        QTest::newRow("runaway, in its model") << int(Incident::Runaway) << u"model"_s << u"claude-3-5-sonnet"_s << 1
                                               << u"token_kind"_s << u"output"_s << 0.6 << QString();
        QTest::newRow("silent drop to zero") << int(Incident::Drop) << u"model"_s << u"gemini-2.0-flash"_s << -1 << u"feature"_s
                                             << u"search"_s << 0.95 << u"100% from feature search, input tokens \u00d70"_s;
        QTest::newRow("drop, in its feature") << int(Incident::Drop) << u"feature"_s << u"search"_s << -1 << QString()
                                              << QString() << 0.0 << QString();
        QTest::newRow("total spend falls 40%") << int(Incident::Outage) << QString() << QString() << -1 << u"feature"_s
                                               << u"chatbot"_s << 0.95 << u"from feature chatbot on gpt-4o, output tokens \u00d7"_s;
        QTest::newRow("price change") << int(Incident::PriceChange) << QString() << QString() << 1 << u"model"_s << u"gpt-4o"_s
                                      << 0.95 << u"from model gpt-4o"_s;
        QTest::newRow("new model launch") << int(Incident::Launch) << QString() << QString() << 1 << u"model"_s
                                          << u"gemini-2.5-pro"_s << 0.95 << u"from model gemini-2.5-pro in feature search"_s;
    }

    void incidentIsFoundAndExplained()
    {
        QFETCH(int, incident);
        QFETCH(QString, seriesDim);
        QFETCH(QString, seriesValue);
        QFETCH(int, direction);
        QFETCH(QString, causeDim);
        QFETCH(QString, causeValue);
        QFETCH(double, minShare);
        QFETCH(QString, sentence);
        std::vector<Charge> charges;
        const QString path = scannedStore(static_cast<Incident>(incident), charges);
        QVERIFY(!path.isEmpty());
        const Scenario sc = scenarioFor(static_cast<Incident>(incident));
        const std::vector<Anomaly> list = stored(path);
        const SeriesKey key{seriesDim.toStdString(), seriesValue.toStdString()};
        const Anomaly *a = findAnomaly(list, key, sc.at, sc.until);
        QVERIFY2(a, "the incident was not found in the series" + dump(list));
        // Found early: within six hours (hourly grain) or on the day it started.
        QVERIFY2(a->start - sc.at <= (a->grain == AnomalyGrain::Hour ? 6 * 3600 : kDay), dump(list));
        QCOMPARE(a->impact() > 0 ? 1 : -1, direction);
        QVERIFY2(direction > 0 ? a->actual > a->bandHigh : a->actual < a->bandLow, dump({*a}) + " band " + Cost::formatMoney(a->bandLow).c_str() + " - " + Cost::formatMoney(a->bandHigh).c_str());
        QCOMPARE(a->actual, sumOf(charges, key, a->start, a->end)); // exact money
        QCOMPARE(a->status, AnomalyStatus::New);
        // Nothing outside the incident: no false alarms before it, no storm after it.
        for (const Anomaly &other : list)
            QVERIFY2(other.end > sc.at - kDay, qPrintable(QString::fromStdString(other.series.label())));
        int sameSeries = 0;
        for (const Anomaly &other : list)
            sameSeries += other.series == key && other.grain == a->grain;
        QVERIFY(sameSeries <= 2);

        if (causeDim.isEmpty())
            return;
        Cost::Store store;
        QVERIFY(store.open(path.toStdString()));
        std::vector<CauseItem> causes;
        std::string error;
        QVERIFY(AnomalyStore(store.db()).causes(a->id, causes, error));
        QVERIFY(!causes.empty());
        QCOMPARE(QString::fromStdString(causes.front().dimension), causeDim);
        QCOMPARE(QString::fromStdString(causes.front().value), causeValue);
        QVERIFY2(causes.front().share >= minShare && causes.front().share <= 1.05, qPrintable(QString::number(causes.front().share)));
        if (!sentence.isEmpty())
            QVERIFY2(QString::fromStdString(a->explanation).contains(sentence), a->explanation.c_str());
        // The top cause's money is exact too.
        if (causeDim == u"feature"_s || causeDim == u"model"_s)
            QCOMPARE(static_cast<Cost::Money>(causes.front().actual),
                     sumOf(charges, {causeDim.toStdString(), causeValue.toStdString()}, a->start, a->end));
    }

    void rescanDoesNotDuplicate()
    {
        std::vector<Charge> charges;
        ScanResult first;
        const QString path = scannedStore(Incident::Runaway, charges, &first);
        QVERIFY(!path.isEmpty());
        QVERIFY(!first.newIds.empty());
        const auto before = stored(path);
        Cost::Store store;
        QVERIFY(store.open(path.toStdString()));
        QVERIFY(scanIsCurrent(store.db()));
        ScanResult second;
        std::string error;
        QVERIFY(runAnomalyScan(store.db(), second, error));
        QVERIFY(second.newIds.empty());
        QCOMPARE(second.removed, 0);
        const auto after = stored(path);
        QCOMPARE(after.size(), before.size());
        for (std::size_t i = 0; i < after.size(); ++i) {
            QCOMPARE(after[i].id, before[i].id);
            QCOMPARE(after[i].actual, before[i].actual);
        }
    }

    void expectedLevelShiftStopsAlerting()
    {
        std::vector<Charge> charges;
        const QString path = scannedStore(Incident::LevelShift, charges);
        QVERIFY(!path.isEmpty());
        const Scenario sc = scenarioFor(Incident::LevelShift);
        const SeriesKey agent{"feature", "agent"};
        const auto list = stored(path);
        const Anomaly *shift = findAnomaly(list, agent, sc.at, sc.until);
        QVERIFY2(shift, "the level shift was not found" + dump(list));

        // The user says the new level is expected, for both grains of the series.
        Cost::Store store;
        QVERIFY(store.open(path.toStdString()));
        AnomalyStore anomalies(store.db());
        std::string error;
        std::vector<std::int64_t> marked;
        for (const Anomaly &a : list) {
            if (a.series == agent && a.end > sc.at) {
                QVERIFY(anomalies.setStatus(a.id, AnomalyStatus::Expected, error));
                marked.push_back(a.id);
            }
        }
        QVERIFY(!scanIsCurrent(store.db()));
        ScanResult rescan;
        QVERIFY(runAnomalyScan(store.db(), rescan, error));
        // The expected anomalies are kept as they were; nothing new on the series after them.
        int alertsAfter = 0;
        for (const Anomaly &a : stored(path)) {
            if (a.series == agent && a.status == AnomalyStatus::New && a.start >= sc.at)
                ++alertsAfter;
            if (std::find(marked.begin(), marked.end(), a.id) != marked.end())
                QCOMPARE(a.status, AnomalyStatus::Expected);
        }
        QCOMPARE(alertsAfter, 0);
        for (std::int64_t id : rescan.newIds) {
            Anomaly a;
            QVERIFY(anomalies.get(id, a, error));
            QVERIFY2(!(a.series == agent), "the expected level alerted again");
        }

        // Undo restores the previous status and the series alerts again.
        QVERIFY(anomalies.canUndo(marked.front()));
        QVERIFY(anomalies.undoFeedback(marked.front(), error));
        Anomaly undone;
        QVERIFY(anomalies.get(marked.front(), undone, error));
        QCOMPARE(undone.status, AnomalyStatus::New);
        QVERIFY(!anomalies.canUndo(marked.front()));
        QVERIFY(!anomalies.undoFeedback(marked.front(), error));
    }

    void settingsAreObeyed()
    {
        std::vector<Charge> charges;
        const QString path = scannedStore(Incident::Runaway, charges);
        QVERIFY(!path.isEmpty());
        const std::size_t normal = stored(path).size();
        Cost::Store store;
        QVERIFY(store.open(path.toStdString()));
        AnomalyStore anomalies(store.db());
        std::string error;
        ScanResult r;

        // A minimum impact above every incident: nothing is an anomaly any more.
        QVERIFY(anomalies.saveSettings(Sensitivity::Normal, 1'000'000 * Cost::kMoneyScale, error));
        QVERIFY(runAnomalyScan(store.db(), r, error));
        QCOMPARE(stored(path).size(), std::size_t(0));
        QCOMPARE(r.removed, static_cast<int>(normal));

        // High sensitivity finds at least as much as normal, low at most as much.
        std::size_t counts[3] = {0, 0, 0};
        const Sensitivity levels[3] = {Sensitivity::Low, Sensitivity::Normal, Sensitivity::High};
        for (int i = 0; i < 3; ++i) {
            QVERIFY(anomalies.saveSettings(levels[i], 0, error));
            QVERIFY(runAnomalyScan(store.db(), r, error));
            counts[i] = stored(path).size();
        }
        QVERIFY(counts[0] <= counts[1] && counts[1] <= counts[2]);
        QVERIFY(counts[0] > 0);

        // A series' own sensitivity overrides the global one.
        AnomalySettings settings;
        QVERIFY(anomalies.setSeriesSensitivity({"feature", "agent"}, Sensitivity::Low, error));
        QVERIFY(anomalies.loadSettings(settings, error));
        QCOMPARE(settings.sensitivity, Sensitivity::High);
        QCOMPARE(settings.minImpact, Cost::Money(0));
        QCOMPARE(settings.sensitivityOf({"feature", "agent"}), Sensitivity::Low);
        QCOMPARE(settings.sensitivityOf({"feature", "search"}), Sensitivity::High);
        QVERIFY(anomalies.setSeriesSensitivity({"feature", "agent"}, std::nullopt, error));
        QVERIFY(anomalies.loadSettings(settings, error));
        QCOMPARE(settings.sensitivityOf({"feature", "agent"}), Sensitivity::High);
    }

    // The scan reads every series of a grain in one pass over the charges (hourly) or the daily
    // rollup (issue #16: the post-import scan of a 1M-charge store). Each series must hold exactly
    // the money of the per-series SQL (loadSeries: a grouped query with the allocation split by
    // SQL alloc()), with allocation rules that split charges unevenly.
    void onePassEqualsThePerSeriesQueries()
    {
        Cost::Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("demo-hourly-pass.sqlite")).toStdString()));
        Cost::DemoOptions options;
        options.endDay = Cost::daysFromCivil(2026, 11, 30);
        options.days = 60;
        Cost::IngestResult ingest;
        std::string error;
        QVERIFY2(Cost::generateDemo(store.db(), options, {}, nullptr, ingest, error), error.c_str());
        const Allocation::Rule split{"odd split", "model", "gpt-4o", Allocation::Match::Exact,
                                     {{"chatbot", "support", 333333}, {"search", "", 666667}}, true};
        QVERIFY2(Allocation::saveRules(store.db(), {split}, error), error.c_str());
        int compared = 0;
        for (AnomalyGrain grain : {AnomalyGrain::Day, AnomalyGrain::Hour}) {
            for (const char *dim : {"", "provider", "model", "feature", "team"}) {
                std::vector<SeriesData> all;
                QVERIFY2(loadAllSeries(store.db(), dim, grain, all, error), error.c_str());
                QVERIFY(!all.empty());
                for (const SeriesData &s : all) {
                    SeriesData one;
                    QVERIFY2(loadSeries(store.db(), s.key, grain, one, error), error.c_str());
                    const QByteArray what = QByteArray::fromStdString(s.key.label() + " " + anomalyGrainName(grain));
                    QCOMPARE(one.start, s.start);
                    QVERIFY2(one.values == s.values, what.constData());
                    QCOMPARE(one.completeUntil, s.completeUntil);
                    ++compared;
                }
            }
        }
        QVERIFY(compared > 20);
    }

    // Issue #23: "Nov 19 15:00, team support, expected $15.41, actual $25.73, band $1.04-$29.78,
    // labelled 'spend spike +67%'; the red dot sits inside the shaded band." On the demo workspace,
    // every flagged point of every series lies outside the band the chart shows for it (or at zero
    // where spend was expected), and every anomaly's actual lies outside its stored band.
    void flaggedPointsLieOutsideTheirBand()
    {
        const QString path = m_dir.filePath(QStringLiteral("demo-band.sqlite"));
        Cost::Store store;
        QVERIFY(store.open(path.toStdString()));
        Cost::DemoOptions options;
        options.endDay = Cost::daysFromCivil(2026, 11, 30);
        options.days = 120;
        Cost::IngestResult ingest;
        std::string error;
        QVERIFY2(Cost::generateDemo(store.db(), options, {}, nullptr, ingest, error), error.c_str());
        int flagged = 0;
        for (AnomalyGrain grain : {AnomalyGrain::Day, AnomalyGrain::Hour}) {
            for (const char *dim : {"", "provider", "model", "feature", "team"}) {
                std::vector<SeriesData> all;
                QVERIFY(loadAllSeries(store.db(), dim, grain, all, error));
                for (const SeriesData &s : all) {
                    std::vector<TracePoint> trace;
                    const auto anomalies = detectAnomalies(s, Sensitivity::Normal, 10 * Cost::kMoneyScale, {}, &trace);
                    for (const TracePoint &p : trace) {
                        if (!p.flagged)
                            continue;
                        ++flagged;
                        const bool outside = p.actual > p.high || p.actual < p.low || (p.actual <= 0 && p.expected > 0);
                        QVERIFY2(outside, qPrintable(QStringLiteral("%1 %2 %3: actual %4 inside the band %5-%6")
                                                         .arg(QString::fromStdString(s.key.label()), QLatin1String(anomalyGrainName(grain)),
                                                              QString::fromStdString(Cost::formatTimestamp(p.time)))
                                                         .arg(p.actual).arg(p.low).arg(p.high)));
                    }
                    for (const Anomaly &a : anomalies)
                        QVERIFY2(a.actual > a.bandHigh || a.actual < a.bandLow, dump({a}));
                }
            }
        }
        QVERIFY(flagged > 0);
    }

    // How many leading buckets are complete, at the edges: no source limit ("never", the largest
    // int64) from any start (this overflowed the signed range before), a limit on a bucket's start,
    // one inside a bucket (callers align it to a bucket start; the bucket it starts in still counts,
    // as "buckets from this instant on" are partial), and one before the start.
    void completeCountAtTheEdges()
    {
        Analytics::SeriesData s;
        s.grain = Analytics::AnomalyGrain::Hour;
        s.values.assign(10, Cost::Money(1));
        for (const std::int64_t start : {std::int64_t(0), std::int64_t(-7200), std::int64_t(1'700'000'000)}) {
            s.start = start;
            s.completeUntil = std::numeric_limits<std::int64_t>::max();
            QCOMPARE(s.completeCount(), std::size_t(10));
            s.completeUntil = start + 3 * 3600 + 1200;
            QCOMPARE(s.completeCount(), std::size_t(4));
            s.completeUntil = start + 3 * 3600;
            QCOMPARE(s.completeCount(), std::size_t(3));
            s.completeUntil = start - 1;
            QCOMPARE(s.completeCount(), std::size_t(0));
        }
    }

    void cliListsAnomaliesWithCauses()
    {
        std::vector<Charge> charges;
        const QString path = scannedStore(Incident::Runaway, charges);
        QVERIFY(!path.isEmpty());
        QString out, err;
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), path, QStringLiteral("anomalies"), QStringLiteral("--format"),
                                           QStringLiteral("json")}, &out, &err), 0);
        const QJsonArray list = QJsonDocument::fromJson(out.toUtf8()).array();
        QCOMPARE(list.size(), static_cast<qsizetype>(stored(path).size()));
        bool explained = false;
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            if (o[u"series"_s].toObject()[u"dimension"_s].toString().isEmpty() && o[u"grain"_s].toString() == u"hour"_s) {
                const QJsonArray causes = o[u"root_causes"_s].toArray();
                QVERIFY(!causes.isEmpty());
                QCOMPARE(causes[0].toObject()[u"value"_s].toString(), u"agent"_s);
                explained = true;
            }
        }
        QVERIFY(explained);
        // --from after the incident: nothing; csv has a header and one line per anomaly.
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), path, QStringLiteral("anomalies"), QStringLiteral("--from"),
                                           QStringLiteral("2025-03-30")}, &out, &err), 0);
        QCOMPARE(out.trimmed().split(QLatin1Char('\n')).size(), 1);
        QVERIFY(out.startsWith(u"id,start,end,grain,series_dimension,series_value,actual,expected"_s));
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), path, QStringLiteral("anomalies"), QStringLiteral("--format"),
                                           QStringLiteral("xml")}, &out, &err), 2);
        QVERIFY(err.contains(u"--format must be csv or json"_s));
    }
};

QTEST_GUILESS_MAIN(TestAnomalyScan)
#include "tst_anomalyscan.moc"
