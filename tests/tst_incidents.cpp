// Anomalies grouped into incidents (issue #23 item 1): one spike flagged in the total, its
// provider, model, feature and team series is one incident whose money is counted once.
#include "anomaly/incidents.h"

#include <QTest>

namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;

Analytics::Anomaly anomaly(const std::string &dimension, const std::string &value, std::int64_t start, std::int64_t end,
                           double actual, double expected, Analytics::AnomalyGrain grain = Analytics::AnomalyGrain::Hour)
{
    Analytics::Anomaly a;
    a.series = {dimension, value};
    a.grain = grain;
    a.start = start;
    a.end = end;
    a.actual = Cost::fromDouble(actual);
    a.expected = Cost::fromDouble(expected);
    return a;
}

const Analytics::ModelProviders kProviders{{"gpt-4o", {"openai"}}, {"claude", {"anthropic"}}, {"llama", {"azure", "aws"}}};

} // namespace

class TestIncidents : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countedOnce_data();
    void countedOnce();
    void separateIncidentsStaySeparate();
    void chainedOverlapIsOneIncident();
};

void TestIncidents::countedOnce_data()
{
    QTest::addColumn<std::vector<Analytics::Anomaly>>("anomalies");
    QTest::addColumn<double>("impact");
    QTest::addColumn<int>("counted");
    const std::int64_t t = 100 * kDay + 15 * kHour;
    QTest::newRow("the total and every series under it: the total counts")
        << std::vector<Analytics::Anomaly>{anomaly("", "", t, t + kHour, 120, 20), anomaly("provider", "openai", t, t + kHour, 110, 15),
                                           anomaly("model", "gpt-4o", t, t + kHour, 100, 10), anomaly("feature", "chat", t, t + kHour, 90, 10),
                                           anomaly("team", "support", t, t + kHour, 95, 12)}
        << 100.0 << 1;
    QTest::newRow("two providers, no total: both count")
        << std::vector<Analytics::Anomaly>{anomaly("provider", "openai", t, t + kHour, 50, 10), anomaly("provider", "anthropic", t, t + 2 * kHour, 30, 10),
                                           anomaly("model", "gpt-4o", t, t + kHour, 45, 8)}
        << 60.0 << 2;
    QTest::newRow("a model of a provider that did not flag counts on its own")
        << std::vector<Analytics::Anomaly>{anomaly("provider", "openai", t, t + kHour, 50, 10), anomaly("model", "claude", t, t + kHour, 25, 5),
                                           anomaly("feature", "chat", t, t + kHour, 70, 10)}
        << 60.0 << 2;
    QTest::newRow("a model billed through a provider that flagged does not count again")
        << std::vector<Analytics::Anomaly>{anomaly("provider", "aws", t, t + kHour, 50, 10), anomaly("model", "llama", t, t + kHour, 45, 10)}
        << 40.0 << 1;
    QTest::newRow("features and teams only: the partition that moved more")
        << std::vector<Analytics::Anomaly>{anomaly("feature", "chat", t, t + kHour, 40, 10), anomaly("feature", "search", t, t + kHour, 30, 10),
                                           anomaly("team", "support", t, t + kHour, 50, 10)}
        << 50.0 << 2;
    QTest::newRow("one series at both grains: the grain that moved more")
        << std::vector<Analytics::Anomaly>{anomaly("", "", 100 * kDay, 101 * kDay, 300, 200, Analytics::AnomalyGrain::Day),
                                           anomaly("", "", t, t + kHour, 60, 10), anomaly("", "", t + 3 * kHour, t + 4 * kHour, 40, 10)}
        << 100.0 << 1;
}

void TestIncidents::countedOnce()
{
    QFETCH(std::vector<Analytics::Anomaly>, anomalies);
    QFETCH(double, impact);
    QFETCH(int, counted);
    Cost::BigMoney seriesSum = 0;
    for (const Analytics::Anomaly &a : anomalies)
        seriesSum += a.impact();
    const std::vector<Analytics::Incident> incidents = Analytics::groupIncidents(anomalies, kProviders);
    QCOMPARE(incidents.size(), std::size_t(1));
    const Analytics::Incident &incident = incidents.front();
    QCOMPARE(incident.members.size(), anomalies.size());
    QCOMPARE(incident.impact, Cost::fromDouble(impact));
    QVERIFY(incident.impact < seriesSum);
    QCOMPARE(static_cast<int>(std::count_if(incident.members.begin(), incident.members.end(),
                                            [](const Analytics::IncidentMember &m) { return m.counted; })), counted);
    QVERIFY(incident.lead().impact() > 0);
    QCOMPARE(Analytics::incidentMoney(incidents, true), Cost::fromDouble(impact));
    QCOMPARE(Analytics::incidentMoney(incidents, false), Cost::BigMoney(0));
}

void TestIncidents::separateIncidentsStaySeparate()
{
    const std::int64_t t = 200 * kDay;
    const std::vector<Analytics::Incident> incidents = Analytics::groupIncidents(
        {anomaly("", "", t, t + kHour, 30, 10), anomaly("model", "gpt-4o", t + kHour, t + 2 * kHour, 5, 25),
         anomaly("", "", t + 5 * kHour, t + 6 * kHour, 80, 10)},
        kProviders);
    QCOMPARE(incidents.size(), std::size_t(3));
    QCOMPARE(incidents[0].impact, Cost::fromDouble(70)); // largest first
    QCOMPARE(Analytics::incidentMoney(incidents, true), Cost::fromDouble(90));
    QCOMPARE(Analytics::incidentMoney(incidents, false), Cost::fromDouble(-20));
}

void TestIncidents::chainedOverlapIsOneIncident()
{
    // A daily anomaly of a feature overlaps two hourly ones of the total that do not overlap each other.
    const std::int64_t t = 300 * kDay;
    const std::vector<Analytics::Incident> incidents = Analytics::groupIncidents(
        {anomaly("", "", t + 2 * kHour, t + 3 * kHour, 30, 10), anomaly("feature", "agent", t, t + kDay, 200, 100, Analytics::AnomalyGrain::Day),
         anomaly("", "", t + 20 * kHour, t + 21 * kHour, 50, 10)},
        kProviders);
    QCOMPARE(incidents.size(), std::size_t(1));
    QCOMPARE(incidents.front().start, t);
    QCOMPARE(incidents.front().end, t + kDay);
    QCOMPARE(incidents.front().impact, Cost::fromDouble(60));
}

QTEST_GUILESS_MAIN(TestIncidents)
#include "tst_incidents.moc"
