// What the store remembers of savings recommendations (issue #19, the page's memory): the first
// sighting keeps its baseline; Dismiss / Snooze with a reason and their undo; a recommendation whose
// change shows in a later period is marked done with the saving measured there, exactly — and not
// when the later period overlaps, when the change did not happen, or when the traffic is gone.
#include "domain/timeparse.h"
#include "pricing/pricedusage.h"
#include "recommend/recommend.h"
#include "recommend/recommendstate.h"
#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Simulation;

namespace {

const std::int64_t kJune = Cost::daysFromCivil(2026, 6, 1);
const std::int64_t kJuly = Cost::daysFromCivil(2026, 7, 1);

struct Traffic {
    const char *model;
    std::int64_t requests; // a day
    std::int64_t in, out;  // tokens per request
    Cost::Money billedPerDay;
};

// 30 days of the feature "classify" at OpenAI from `from`, one group per model.
std::shared_ptr<UsageSnapshot> month(std::int64_t from, std::initializer_list<Traffic> traffic)
{
    auto u = std::make_shared<UsageSnapshot>();
    u->fromDay = from;
    u->toDay = from + 29;
    u->currency = "USD";
    for (const Traffic &t : traffic) {
        UsageGroup g;
        g.provider = "OpenAI";
        g.model = t.model;
        g.feature = "classify";
        const std::uint32_t group = addGroup(*u, g);
        for (std::int64_t d = u->fromDay; d <= u->toDay; ++d) {
            UsageCell c;
            c.day = d;
            c.group = group;
            c.tokens = {t.requests * t.in, 0, 0, 0, t.requests * t.out};
            c.requests = t.requests;
            c.billed = t.billedPerDay;
            u->cells.push_back(c);
        }
    }
    std::sort(u->cells.begin(), u->cells.end(), [](const UsageCell &a, const UsageCell &b) { return a.day < b.day; });
    return u;
}

// gpt-4o: 100 requests of 500 in / 5 out tokens a day = $0.13; on gpt-4o-mini the same is $0.0078
// (money in units of 10⁻¹⁰, Cost::kMoneyScale).
constexpr Cost::Money kLargeDay = 1'300'000'000, kSmallDay = 78'000'000;

} // namespace

class TestRecommendState : public QObject {
    Q_OBJECT

    std::shared_ptr<Pricing::PriceCatalog> m_catalog = std::make_shared<Pricing::PriceCatalog>();
    QTemporaryDir m_dir;
    int m_stores = 0;

    // Recommends on `u` and records it in `store`; the store's memory afterwards.
    std::map<std::string, Recommend::Tracked> scan(Cost::Store &store, const std::shared_ptr<UsageSnapshot> &u,
                                                   std::vector<Recommend::Recommendation> *found = nullptr)
    {
        const PricedUsage priced(u, m_catalog);
        const auto list = Recommend::recommend(priced);
        if (found)
            *found = list;
        std::map<std::string, Recommend::Tracked> tracked;
        std::string error;
        if (!Recommend::track(store.db(), priced, list, tracked, error))
            qWarning("%s", error.c_str());
        return tracked;
    }

    bool openStore(Cost::Store &store) { return store.open(m_dir.filePath(QStringLiteral("s%1.sqlite").arg(++m_stores)).toStdString()); }

    static const std::string kSmaller;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        std::string error;
        QVERIFY2(Pricing::PriceCatalog::loadBuiltin(*m_catalog, error), error.c_str());
    }

    void firstSightingKeepsItsBaseline()
    {
        Cost::Store store;
        QVERIFY(openStore(store));
        std::vector<Recommend::Recommendation> found;
        auto tracked = scan(store, month(kJune, {{"gpt-4o", 100, 500, 5, kLargeDay}}), &found);
        QVERIFY(!found.empty());
        QCOMPARE(Recommend::recommendationKey(found.front()), kSmaller);
        QVERIFY(tracked.count(kSmaller));
        const Recommend::Tracked &t = tracked.at(kSmaller);
        QCOMPARE(t.status, Recommend::Status::Open);
        QCOMPARE(t.seenFrom, kJune);
        QCOMPARE(t.seenTo, kJune + 29);
        QCOMPARE(t.baselineBilled, 30 * kLargeDay);
        QCOMPARE(t.baselineUnits, std::int64_t(3000));
        QVERIFY(t.unitsAreRequests);
        QCOMPARE(t.baselineSignal, 1.0); // all of the feature's tokens on gpt-4o
        QCOMPARE(t.predictedMonthly, static_cast<Cost::Money>(found.front().result.monthly));
        // Found again in a later month: the first sighting stays.
        tracked = scan(store, month(kJuly, {{"gpt-4o", 200, 500, 5, 2 * kLargeDay}}));
        QCOMPARE(tracked.at(kSmaller).seenFrom, kJune);
        QCOMPARE(tracked.at(kSmaller).baselineBilled, 30 * kLargeDay);
        QCOMPARE(tracked.at(kSmaller).status, Recommend::Status::Open);
    }

    void actedOnIsDoneWithTheMeasuredSaving()
    {
        Cost::Store store;
        QVERIFY(openStore(store));
        scan(store, month(kJune, {{"gpt-4o", 100, 500, 5, kLargeDay}}));
        // July: classify moved to gpt-4o-mini, same traffic. ($0.13 − $0.0078) × 30 days = $3.666.
        std::vector<Recommend::Recommendation> found;
        const auto tracked = scan(store, month(kJuly, {{"gpt-4o-mini", 100, 500, 5, kSmallDay}}), &found);
        for (const auto &r : found)
            QVERIFY(Recommend::recommendationKey(r) != kSmaller);
        const Recommend::Tracked &t = tracked.at(kSmaller);
        QCOMPARE(t.status, Recommend::Status::Done);
        QCOMPARE(t.realisedMonthly, Cost::Money(36'660'000'000));
        QCOMPARE(t.realisedFrom, kJuly);
        QCOMPARE(t.realisedTo, kJuly + 29);
        QVERIFY(t.hidden(kJuly + 40));
    }

    void measuredPerRequestWhenTrafficGrows()
    {
        Cost::Store store;
        QVERIFY(openStore(store));
        scan(store, month(kJune, {{"gpt-4o", 100, 500, 5, kLargeDay}}));
        // Twice the requests on the small model, 10% still on gpt-4o: per request the feature
        // costs less; saving = (before − now per request) × requests now.
        const auto tracked = scan(store, month(kJuly, {{"gpt-4o-mini", 180, 500, 5, 140'400'000}, {"gpt-4o", 20, 500, 5, 260'000'000}}));
        const Recommend::Tracked &t = tracked.at(kSmaller);
        QCOMPARE(t.status, Recommend::Status::Done);
        // Before: 3.9 / 3000 = $0.0013 a request. Now: (0.42120 + 0.78) / 6000 = $0.00020020.
        // (0.0013 − 0.0002002) × 6000 = $6.5988 a month.
        QCOMPARE(t.realisedMonthly, Cost::Money(65'988'000'000));
    }

    void notDoneWithoutALaterPeriodOrAChange()
    {
        Cost::Store store;
        QVERIFY(openStore(store));
        scan(store, month(kJune, {{"gpt-4o", 100, 500, 5, kLargeDay}}));
        // Overlapping June: not later usage.
        auto tracked = scan(store, month(kJune + 10, {{"gpt-4o-mini", 100, 500, 5, kSmallDay}}));
        QCOMPARE(tracked.at(kSmaller).status, Recommend::Status::Open);
        // The feature is gone in July: nothing to measure.
        tracked = scan(store, month(kJuly, {}));
        QCOMPARE(tracked.at(kSmaller).status, Recommend::Status::Open);
        // Still on gpt-4o but with long answers (the rule no longer fires, the change did not happen).
        tracked = scan(store, month(kJuly, {{"gpt-4o", 100, 500, 400, kLargeDay}}));
        QCOMPARE(tracked.at(kSmaller).status, Recommend::Status::Open);
    }

    void dismissSnoozeAndUndo()
    {
        Cost::Store store;
        QVERIFY(openStore(store));
        scan(store, month(kJune, {{"gpt-4o", 100, 500, 5, kLargeDay}}));
        std::string error;
        QVERIFY2(Recommend::setStatus(store.db(), kSmaller, Recommend::Status::Dismissed, "quality too low", 0, error), error.c_str());
        std::map<std::string, Recommend::Tracked> tracked;
        QVERIFY(Recommend::loadTracked(store.db(), tracked, error));
        QCOMPARE(tracked.at(kSmaller).status, Recommend::Status::Dismissed);
        QCOMPARE(tracked.at(kSmaller).reason, std::string("quality too low"));
        QVERIFY(tracked.at(kSmaller).hidden(kJuly));
        // A later scan finds it again but keeps it dismissed; a dismissed one is never marked done.
        tracked = scan(store, month(kJuly, {{"gpt-4o-mini", 100, 500, 5, kSmallDay}}));
        QCOMPARE(tracked.at(kSmaller).status, Recommend::Status::Dismissed);
        // Undo: the previous state written back.
        QVERIFY(Recommend::setStatus(store.db(), kSmaller, Recommend::Status::Open, "", 0, error));
        QVERIFY(Recommend::setStatus(store.db(), kSmaller, Recommend::Status::Snoozed, "after the launch", kJuly + 5, error));
        QVERIFY(Recommend::loadTracked(store.db(), tracked, error));
        QCOMPARE(tracked.at(kSmaller).snoozeUntil, kJuly + 5);
        QVERIFY(tracked.at(kSmaller).hidden(kJuly + 5));
        QVERIFY(!tracked.at(kSmaller).hidden(kJuly + 6)); // the snooze is over
        // Unknown keys are refused and change nothing.
        QVERIFY(!Recommend::setStatus(store.db(), "batch|x|y|z", Recommend::Status::Dismissed, "", 0, error));
        QVERIFY(error.find("batch|x|y|z") != std::string::npos);
    }

    void signalsPerKind_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<double>("signal");
        QTest::newRow("smaller model: share on the model") << QStringLiteral("smaller_model") << 0.25;
        QTest::newRow("compression: input per request") << QStringLiteral("compression") << 500.0;
        QTest::newRow("caching: share read from cache") << QStringLiteral("prompt_caching") << 0.0;
        QTest::newRow("batch: share on the batch tier") << QStringLiteral("batch") << 0.0;
        QTest::newRow("long context: share in the band") << QStringLiteral("long_context") << 0.0;
    }

    void signalsPerKind()
    {
        QFETCH(QString, kind);
        QFETCH(double, signal);
        const auto u = month(kJune, {{"gpt-4o", 100, 500, 5, kLargeDay}, {"gpt-4o-mini", 300, 500, 5, kSmallDay}});
        QCOMPARE(Recommend::kindSignal(*u, kind.toStdString(), "classify", "OpenAI", "gpt-4o"), signal);
        QVERIFY(std::isnan(Recommend::kindSignal(*u, kind.toStdString(), "chat", "OpenAI", "gpt-4o")));
    }
};

const std::string TestRecommendState::kSmaller = "smaller_model|classify|OpenAI|gpt-4o";

QTEST_GUILESS_MAIN(TestRecommendState)
#include "tst_recommendstate.moc"
