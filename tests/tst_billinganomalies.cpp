// The billing-shaped anomaly suite (tests/data/billing-anomalies, written by its generate.py): every
// series goes through Analytics::AnomalyDetector at the default options and threshold, as
// `burnrate detect` runs it. Per case: detected (an alert inside the labelled window), the delay from
// the anomaly's start to the first alert, and false alarms per 30 days of normal data (rows outside
// every window, after the learning period). The table is printed; the checks below are regression
// guards at the figures the detector reaches today, and the aims where they hold: a 10x
// hourly spike alerts within the hour it starts, and under one false alarm per series per month.
#include "anomaly/anomalydetector.h"
#include "domain/timeparse.h"
#include "testsupport.h"

#include <QFile>
#include <QHash>
#include <QSet>
#include <QTest>

#include <cstdio>
#include <map>
#include <vector>

namespace {

struct Case {
    QString series, resolution, kind, note;
    std::int64_t start = 0, end = 0;  // the labelled window, inclusive; none for normal series
    bool hasWindow = false;
};

struct Result {
    Case c;
    bool detected = false;
    double delay = -1;           // in steps (hours or days) from the start to the first alert
    int falseAlarms = 0;         // alerts outside the window, after learning
    double normalDays = 0;       // rows outside the window, after learning, in days
    int edgeAlarms = 0;          // alerts on a partial trailing period
    QString error;
};

constexpr double kMonthDays = 30;

QString suitePath(const QString &name)
{
    return TestSupport::dataPath(QStringLiteral("billing-anomalies/") + name);
}

QList<QStringList> readCsv(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return TestSupport::parseCsv(QString::fromUtf8(f.readAll()), TestSupport::CsvRecordEnd::AnyLineBreak);
}

bool parseTime(const QString &text, std::int64_t &epoch)
{
    return Cost::parseTimestamp(text.toStdString(), epoch);
}

Result score(const Case &c)
{
    Result r;
    r.c = c;
    const QList<QStringList> rows = readCsv(suitePath(c.series + QStringLiteral(".csv")));
    if (rows.size() < 2) {
        r.error = QStringLiteral("cannot read the series");
        return r;
    }
    Analytics::AnomalyDetector detector; // the defaults, as `burnrate detect` uses them
    const double threshold = Analytics::alertThreshold(Analytics::Sensitivity::Normal);
    std::int64_t step = 0, previous = 0;
    int normalRows = 0;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        std::int64_t t = 0;
        bool ok = rows[i].size() >= 2 && parseTime(rows[i][0], t);
        const double v = ok ? rows[i][1].toDouble(&ok) : 0.0;
        if (!ok) {
            r.error = QStringLiteral("bad row %1").arg(i + 1);
            return r;
        }
        if (i == 2)
            step = t - previous;
        previous = t;
        const bool alert = detector.update(t, v) >= threshold;
        const bool inWindow = c.hasWindow && t >= c.start && t <= c.end;
        if (c.kind == QStringLiteral("partial") && inWindow) {
            r.edgeAlarms += alert;
        } else if (inWindow) {
            if (alert && !r.detected) {
                r.detected = true;
                r.delay = static_cast<double>(t - c.start) / static_cast<double>(step);
            }
        } else if (!detector.learning()) {
            ++normalRows;
            r.falseAlarms += alert;
        }
    }
    r.normalDays = static_cast<double>(normalRows) * static_cast<double>(step) / 86400.0;
    return r;
}

std::vector<Case> readLabels()
{
    std::vector<Case> cases;
    const QList<QStringList> rows = readCsv(suitePath(QStringLiteral("labels.csv")));
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList &f = rows[i];
        if (f.size() < 6)
            continue;
        Case c{f[0], f[1], f[2], f[5]};
        c.hasWindow = !f[3].isEmpty();
        if (c.hasWindow && (!parseTime(f[3], c.start) || !parseTime(f[4], c.end)))
            continue;
        cases.push_back(c);
    }
    return cases;
}

double perMonth(int alarms, double days)
{
    return days > 0 ? alarms * kMonthDays / days : 0.0;
}

void printTable(const std::vector<Result> &results)
{
    std::printf("\n%-24s %-6s %-10s %-8s %-10s %s\n", "series", "step", "kind", "detected", "delay", "false alarms / 30 days");
    int alarms[2] = {}, count[2] = {};
    double days[2] = {};
    for (const Result &r : results) {
        const QByteArray unit = r.c.resolution == QStringLiteral("hourly") ? "h" : "d";
        QByteArray detected = "-", delay = "-";
        if (r.c.kind == QStringLiteral("partial")) {
            detected = r.edgeAlarms ? "ALARM" : "quiet";
        } else if (r.c.hasWindow) {
            detected = r.detected ? "yes" : "no";
            if (r.detected)
                delay = QByteArray::number(r.delay, 'f', 0) + ' ' + unit;
        }
        std::printf("%-24s %-6s %-10s %-8s %-10s %.2f (%d in %.0f days)\n", qPrintable(r.c.series),
                    qPrintable(r.c.resolution), qPrintable(r.c.kind), detected.constData(), delay.constData(),
                    perMonth(r.falseAlarms, r.normalDays), r.falseAlarms, r.normalDays);
        const int k = r.c.resolution == QStringLiteral("hourly") ? 0 : 1;
        alarms[k] += r.falseAlarms;
        days[k] += r.normalDays;
        ++count[k];
    }
    for (int k : {0, 1})
        std::printf("%d %s series: %d false alarms in %.0f days of normal data, %.2f per series per 30 days\n", count[k],
                    k ? "daily" : "hourly", alarms[k], days[k], perMonth(alarms[k], days[k]));
    std::printf("\n");
    std::fflush(stdout);
}

} // namespace

class TestBillingAnomalies : public QObject
{
    Q_OBJECT

private:
    std::map<QString, Result> m_results;

    const Result *result(const QString &series) const
    {
        const auto it = m_results.find(series);
        return it == m_results.end() ? nullptr : &it->second;
    }

private slots:
    void initTestCase()
    {
        const std::vector<Case> cases = readLabels();
        QVERIFY2(cases.size() >= 30, "tests/data/billing-anomalies/labels.csv is missing or short");
        std::vector<Result> results;
        for (const Case &c : cases) {
            results.push_back(score(c));
            QVERIFY2(results.back().error.isEmpty(), qPrintable(c.series + QStringLiteral(": ") + results.back().error));
            m_results[c.series] = results.back();
        }
        printTable(results);
    }

    // Each labelled anomaly: found, no later than today (in hours or days from its start). The
    // cases the detector misses today are expected failures: finding one shows as XPASS, and a
    // case found today that is missed again fails.
    void detectsAnomaly_data()
    {
        QTest::addColumn<QString>("series");
        QTest::addColumn<double>("maxDelay");
        for (const auto &[series, r] : m_results) {
            if (r.c.hasWindow && r.c.kind != QStringLiteral("partial"))
                QTest::newRow(qPrintable(series)) << series << kMaxDelay.value(series, -1.0);
        }
    }
    void detectsAnomaly()
    {
        QFETCH(QString, series);
        QFETCH(double, maxDelay);
        const Result *r = result(series);
        QVERIFY(r);
        if (maxDelay < 0)
            QEXPECT_FAIL("", "missed today (a fall of 40-50% in hourly usage; a leak in daily spend)", Abort);
        QVERIFY2(r->detected, "no alert in the labelled window");
        QVERIFY2(r->delay <= maxDelay, qPrintable(QStringLiteral("first alert after %1 steps").arg(r->delay)));
    }
    // The first aim: a 10x hourly spike alerts within the hour it starts.
    void tenfoldHourlySpikeWithinTheHour()
    {
        int spikes = 0;
        for (const auto &[series, r] : m_results) {
            if (r.c.kind == QStringLiteral("spike10x") && r.c.resolution == QStringLiteral("hourly")) {
                ++spikes;
                QVERIFY2(r.detected && r.delay == 0, qPrintable(series));
            }
        }
        QVERIFY(spikes >= 6);
    }

    // False alarms on each series' normal rows: no more than today, and (the second aim)
    // fewer than one per 30 days; two noisy series miss that today, by a little.
    void falseAlarms_data()
    {
        QTest::addColumn<QString>("series");
        QTest::addColumn<int>("maxAlarms");
        for (const auto &[series, r] : m_results)
            QTest::newRow(qPrintable(series)) << series << kMaxFalseAlarms.value(series, 0);
    }
    void falseAlarms()
    {
        QFETCH(QString, series);
        QFETCH(int, maxAlarms);
        const Result *r = result(series);
        QVERIFY(r);
        QVERIFY2(r->normalDays > 20, "too little normal data to measure");
        QVERIFY2(r->falseAlarms <= maxAlarms, qPrintable(QStringLiteral("%1 false alarms").arg(r->falseAlarms)));
        if (kOverMonthlyAim.contains(series))
            QEXPECT_FAIL("", "over one false alarm per 30 days today (marginal scores, 0.51-0.73)", Abort);
        QVERIFY2(perMonth(r->falseAlarms, r->normalDays) < 1.0, qPrintable(QStringLiteral("%1 false alarms").arg(r->falseAlarms)));
    }
    // The second aim over the whole suite, hourly and daily series apart.
    void falseAlarmsPerSeriesMonth()
    {
        for (const QString &resolution : {QStringLiteral("hourly"), QStringLiteral("daily")}) {
            int alarms = 0;
            double days = 0;
            for (const auto &[series, r] : m_results) {
                if (r.c.resolution == resolution)
                    alarms += r.falseAlarms, days += r.normalDays;
            }
            QVERIFY2(days > 300, qPrintable(resolution));
            QVERIFY2(perMonth(alarms, days) < kMaxSuiteRate, qPrintable(resolution));
        }
    }

    // A partial trailing hour or day (spend still arriving) is not an anomaly. The detector alone
    // cannot tell: it scores the values it is given, and a period that is 15-35% in reads as a
    // drop. Keeping those alerts from the user is the anomaly scan's data-freshness job (issue 16
    // item 4); this records that the detector raises them.
    void partialTrailingPeriod_data()
    {
        QTest::addColumn<QString>("series");
        for (const auto &[series, r] : m_results) {
            if (r.c.kind == QStringLiteral("partial"))
                QTest::newRow(qPrintable(series)) << series;
        }
    }
    void partialTrailingPeriod()
    {
        QFETCH(QString, series);
        const Result *r = result(series);
        QVERIFY(r);
        QEXPECT_FAIL("", "the detector reads a partial period as a drop; the scan must hold it back", Abort);
        QCOMPARE(r->edgeAlarms, 0);
    }

private:
    // Today's figures. Delay: steps from the start to the first alert; a case missing here is one
    // the detector misses today. False alarms: the count on the series' normal rows, none if missing.
    inline static const QHash<QString, double> kMaxDelay = {
        {QStringLiteral("h-spike10x-1h-noon"), 0}, {QStringLiteral("h-spike10x-1h-night"), 0},
        {QStringLiteral("h-spike10x-1h-weekend"), 0}, {QStringLiteral("h-spike10x-3h"), 0},
        {QStringLiteral("h-spike10x-8h"), 0}, {QStringLiteral("h-spike10x-30h"), 0},
        {QStringLiteral("h-spike3x-2h"), 0}, {QStringLiteral("h-levelshift-up"), 11},
        {QStringLiteral("h-drop-zero-12h"), 0}, {QStringLiteral("h-drop-zero-3d"), 0},
        {QStringLiteral("h-leak"), 13}, {QStringLiteral("h-price-up"), 14},
        {QStringLiteral("d-spike10x-1d"), 0}, {QStringLiteral("d-spike3x-1d"), 0},
        {QStringLiteral("d-spike10x-3d"), 0}, {QStringLiteral("d-levelshift-up"), 0},
        {QStringLiteral("d-drop-zero-3d"), 0}, {QStringLiteral("d-price-up"), 0},
    };
    inline static const QHash<QString, int> kMaxFalseAlarms = {
        {QStringLiteral("h-normal-flat"), 3}, {QStringLiteral("h-normal-noisy"), 3},
        {QStringLiteral("h-normal-restated"), 1}, {QStringLiteral("h-spike10x-1h-noon"), 1},
        {QStringLiteral("d-normal-noisy"), 4}, {QStringLiteral("d-spike3x-1d"), 1},
        {QStringLiteral("d-drop-zero-3d"), 1},
    };
    inline static const QSet<QString> kOverMonthlyAim = {QStringLiteral("h-normal-flat"), QStringLiteral("h-normal-noisy")};
    // False alarms per series per 30 days over all hourly (daily) series: 0.16 (0.07) today.
    static constexpr double kMaxSuiteRate = 0.2;
};

QTEST_GUILESS_MAIN(TestBillingAnomalies)
#include "tst_billinganomalies.moc"
