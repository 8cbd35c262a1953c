// Analytics::AnomalyDetector and `burnrate detect`: causality, incidents a person would want to
// hear about (runaway spike, silent drop to zero, a level shift that becomes the new normal), the
// learning period, sensitivity, and the CLI's file contract.
#include "anomaly/anomalydetector.h"
#include "anomaly/detectorparams.h"
#include "testsupport.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <set>
#include <vector>

namespace {

constexpr std::int64_t kStart = 1704067200; // 2024-01-01 00:00:00 UTC, a Monday
constexpr std::int64_t kDay = 86400;

struct Series {
    std::vector<std::int64_t> t;
    std::vector<double> v;
};

// Cost-like series: a level, weekends cheaper, a working-day curve for sub-daily data,
// multiplicative noise.
Series costSeries(int points, std::int64_t step, unsigned seed, double level = 100.0, double sigma = 0.05,
                  double weekend = 0.7)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0.0, sigma);
    Series s;
    for (int i = 0; i < points; ++i) {
        const std::int64_t t = kStart + i * step;
        const int weekday = static_cast<int>((t / kDay + 3) % 7); // 0 = Monday
        double v = level * (weekday >= 5 ? weekend : 1.0);
        if (step < kDay) {
            const double hour = static_cast<double>(t % kDay) / 3600.0;
            v *= 0.5 + 0.5 * std::max(0.0, std::sin(std::numbers::pi * (hour - 6.0) / 14.0));
        }
        s.t.push_back(t);
        s.v.push_back(v * std::exp(noise(rng)));
    }
    return s;
}

bool isAlert(double score)
{
    return score >= Analytics::alertThreshold(Analytics::Sensitivity::Normal);
}

int alertsIn(const std::vector<double> &scores, std::size_t from, std::size_t to)
{
    int n = 0;
    for (std::size_t i = from; i < std::min(to, scores.size()); ++i)
        n += isAlert(scores[i]);
    return n;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(text);
    return path;
}

// `burnrate detect` over `text` (written to DIR/in.csv) into DIR/out.csv; true when it exits 0.
bool runDetect(const QTemporaryDir &dir, const QByteArray &text, QString &out, QString &err)
{
    const QString in = writeFile(dir, QStringLiteral("in.csv"), text);
    out = dir.filePath(QStringLiteral("out.csv"));
    return TestSupport::runBurnrate({QStringLiteral("detect"), QStringLiteral("--input"), in, QStringLiteral("--output"), out},
                                    nullptr, &err)
        == 0;
}


QList<QByteArray> readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = f.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class TestAnomalyDetector : public QObject
{
    Q_OBJECT

private slots:
    // Tuning runs (`burnrate detect` with BURNRATE_DETECT_PARAMS, bench_nab --params/--grid) set
    // options by name; a name or value that does not apply is refused, never half-applied quietly.
    void tuningParamsApplyByName()
    {
        Analytics::AnomalyDetectorOptions o;
        QCOMPARE(Analytics::applyDetectorParams(" alertNovelty=0.25; historyPoints=2048;;regimeReset=0 ", o), std::string());
        QCOMPARE(o.alertNovelty, 0.25);
        QCOMPARE(o.historyPoints, 2048);
        QCOMPARE(o.regimeReset, false);
        QCOMPARE(o.smoothWeight, Analytics::AnomalyDetectorOptions{}.smoothWeight);
        QCOMPARE(Analytics::applyDetectorParams("alertNovelty=x", o), std::string("cannot apply 'alertNovelty=x'"));
        QCOMPARE(Analytics::applyDetectorParams("novelty=1", o), std::string("cannot apply 'novelty=1'"));
        QCOMPARE(Analytics::applyDetectorParams("alertNovelty", o), std::string("cannot apply 'alertNovelty'"));
        QCOMPARE(o.alertNovelty, 0.25);
        const std::vector<std::string> names = Analytics::detectorParamNames();
        QVERIFY(std::find(names.begin(), names.end(), "tailQuantile") != names.end());
        QCOMPARE(names.size(), std::size_t(17));
    }

    void prefixScoresAreUnchanged_data()
    {
        QTest::addColumn<qlonglong>("step");
        QTest::addColumn<int>("points");
        QTest::newRow("daily, one year") << qlonglong(kDay) << 365;
        QTest::newRow("hourly, 90 days") << qlonglong(3600) << 90 * 24;
        QTest::newRow("5-minute, 10 days") << qlonglong(300) << 10 * 288;
    }
    void prefixScoresAreUnchanged()
    {
        QFETCH(qlonglong, step);
        QFETCH(int, points);
        Series s = costSeries(points, step, 7);
        // Incidents and gaps, so that alerts and suppression are part of what must not change.
        s.v[static_cast<std::size_t>(points * 2 / 3)] *= 10.0;
        for (int i = points / 2; i < points / 2 + 5; ++i)
            s.v[static_cast<std::size_t>(i)] = std::nan("");
        for (int i = points * 4 / 5; i < points; ++i)
            s.v[static_cast<std::size_t>(i)] *= 2.0;
        const auto full = Analytics::scoreSeries(s.t, s.v);
        QCOMPARE(full.size(), s.v.size());
        QVERIFY(alertsIn(full, 0, full.size()) > 0);
        for (const int cut : {1, 8, points / 3, points * 2 / 3 + 1, points - 1}) {
            const std::vector<std::int64_t> t(s.t.begin(), s.t.begin() + cut);
            const std::vector<double> v(s.v.begin(), s.v.begin() + cut);
            const auto prefix = Analytics::scoreSeries(t, v);
            for (int i = 0; i < cut; ++i)
                QVERIFY2(prefix[static_cast<std::size_t>(i)] == full[static_cast<std::size_t>(i)],
                         qPrintable(QStringLiteral("point %1 of a %2-point prefix").arg(i).arg(cut)));
        }
    }

    void incidentsAreFlaggedEarly_data()
    {
        QTest::addColumn<qlonglong>("step");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("within"); // points after the start by which an alert must come
        for (const auto &[step, name] : {std::pair<qlonglong, const char *>{kDay, "daily"}, {3600, "hourly"}}) {
            for (const char *kind : {"spike", "drop", "shift up", "shift down"}) {
                // Halving mid-afternoon only leaves the range of the whole day once the moving average
                // has caught on: the night is that low every day.
                const int within = step == kDay ? 1 : (QByteArray(kind) == "shift down" ? 12 : 3);
                QTest::addRow("%s %s", name, kind) << step << QString::fromLatin1(kind) << within;
            }
        }
    }
    void incidentsAreFlaggedEarly()
    {
        QFETCH(qlonglong, step);
        QFETCH(QString, kind);
        QFETCH(int, within);
        const int points = step == kDay ? 365 : 90 * 24;
        Series s = costSeries(points, step, 11);
        // On a working day, at 14:00 for hourly data.
        const std::size_t at = step == kDay ? 233 : static_cast<std::size_t>(58 * 24 + 14);
        std::size_t end = at + 1;
        if (kind == QStringLiteral("spike")) {
            s.v[at] *= 10.0; // a runaway job
        } else if (kind == QStringLiteral("drop")) {
            end = at + (step == kDay ? 4 : 8); // a silent drop to zero
            for (std::size_t i = at; i < end; ++i)
                s.v[i] = 0.0;
        } else {
            end = s.v.size(); // a new normal
            for (std::size_t i = at; i < end; ++i)
                s.v[i] *= kind == QStringLiteral("shift up") ? 1.8 : 0.5;
        }
        Analytics::AnomalyDetector detector;
        std::vector<double> scores, raw;
        for (std::size_t i = 0; i < s.v.size(); ++i) {
            scores.push_back(detector.update(s.t[i], s.v[i]));
            raw.push_back(detector.rawScore());
        }
        QVERIFY2(alertsIn(scores, at, at + static_cast<std::size_t>(within)) >= 1, "the incident raised no alert in time");
        QVERIFY2(alertsIn(scores, at + 1, end) <= 1, "one incident, many alerts");
        QVERIFY2(alertsIn(scores, 0, at) <= 1, "false alerts before the incident");
        if (kind.startsWith(QStringLiteral("shift"))) {
            // After a few days the new level is normal: no endless alarm, not even before suppression.
            const std::size_t settled = at + static_cast<std::size_t>(3 * kDay / step);
            QVERIFY(alertsIn(scores, settled, scores.size()) <= 1);
            QVERIFY2(alertsIn(raw, settled, raw.size()) * 50 < static_cast<int>(raw.size() - settled),
                     "the new level still looks anomalous");
        }
    }

    // The seed article's buggy front-end, twice: a 10x incident that lasts hours to days and then
    // ends must not become part of the usual range (it would hide the next incident for as long as
    // the history reaches back: months of hourly data). A lasting shift still becomes normal
    // (incidentsAreFlaggedEarly).
    void anIncidentThatEndsDoesNotHideTheNext_data()
    {
        QTest::addColumn<qlonglong>("step");
        QTest::addColumn<int>("length");  // points of the first, 10x incident
        QTest::addColumn<double>("second"); // factor of the second incident, two points long
        QTest::newRow("hourly, 3 h then 3x") << qlonglong(3600) << 3 << 3.0;
        QTest::newRow("hourly, 12 h then 3x") << qlonglong(3600) << 12 << 3.0;
        QTest::newRow("hourly, 30 h then 3x") << qlonglong(3600) << 30 << 3.0;
        QTest::newRow("hourly, 30 h then 5x") << qlonglong(3600) << 30 << 5.0;
        QTest::newRow("daily, 3 days then 3x") << qlonglong(kDay) << 3 << 3.0;
        QTest::newRow("daily, 6 days then 3x") << qlonglong(kDay) << 6 << 3.0;
    }
    void anIncidentThatEndsDoesNotHideTheNext()
    {
        QFETCH(qlonglong, step);
        QFETCH(int, length);
        QFETCH(double, second);
        const bool hourly = step < kDay;
        Series s = costSeries(hourly ? 60 * 24 : 365, step, 7);
        // Working days, at noon for hourly data; the second one 20 days (10 weeks) later.
        const std::size_t first = hourly ? 22 * 24 + 12 : 120;
        const std::size_t next = hourly ? 42 * 24 + 12 : 190;
        for (std::size_t i = first; i < first + static_cast<std::size_t>(length); ++i)
            s.v[i] *= 10.0;
        for (std::size_t i = next; i < next + 2; ++i)
            s.v[i] *= second;
        const auto scores = Analytics::scoreSeries(s.t, s.v);
        QVERIFY2(alertsIn(scores, first, first + 2) >= 1, "the first incident raised no alert");
        QVERIFY2(alertsIn(scores, next, next + 2) >= 1, "the second incident was hidden by the first");
        QCOMPARE(alertsIn(scores, first + static_cast<std::size_t>(length) + 2, next), 0);
    }

    void dailyBatchJobIsNotAnAnomalyButAnOffScheduleOneIs()
    {
        // 5-minute data with a nightly spike at 03:00 (give or take 20 minutes).
        Series s = costSeries(14 * 288, 300, 5, 10.0, 0.03, 1.0);
        std::mt19937 rng(3);
        std::uniform_int_distribution<int> jitter(-4, 4);
        for (int day = 0; day < 14; ++day)
            s.v[static_cast<std::size_t>(day * 288 + 36 + jitter(rng))] = 60.0;
        const std::size_t offSchedule = 12 * 288 + 150; // 12:30 on day 12
        s.v[offSchedule] = 60.0;
        const auto scores = Analytics::scoreSeries(s.t, s.v);
        QCOMPARE(alertsIn(scores, 3 * 288, offSchedule), 0);
        QVERIFY(isAlert(scores[offSchedule]));
    }

    void learnsForSevenDays_data()
    {
        QTest::addColumn<qlonglong>("step");
        QTest::addColumn<int>("learningPoints");
        QTest::newRow("daily") << qlonglong(kDay) << 7;
        QTest::newRow("hourly") << qlonglong(3600) << 7 * 24;
    }
    void learnsForSevenDays()
    {
        QFETCH(qlonglong, step);
        QFETCH(int, learningPoints);
        Series s = costSeries(learningPoints + 30, step, 3);
        s.v[static_cast<std::size_t>(learningPoints - 2)] *= 50.0; // no alert while learning
        Analytics::AnomalyDetector detector;
        for (int i = 0; i < learningPoints; ++i) {
            QCOMPARE(detector.update(s.t[static_cast<std::size_t>(i)], s.v[static_cast<std::size_t>(i)]), 0.0);
            QVERIFY(detector.learning());
        }
        detector.update(s.t[static_cast<std::size_t>(learningPoints)], s.v[static_cast<std::size_t>(learningPoints)]);
        QVERIFY(!detector.learning());
        QCOMPARE(detector.stepSeconds(), step);
        QCOMPARE(detector.seasonSeconds(), step == kDay ? 7 * kDay : kDay);
    }

    void expectedValueAndBandFollowTheSeries()
    {
        const Series s = costSeries(120, kDay, 9);
        Analytics::AnomalyDetector detector;
        int inside = 0;
        for (std::size_t i = 0; i < s.v.size(); ++i) {
            detector.update(s.t[i], s.v[i]);
            if (i < 60)
                continue;
            QVERIFY(detector.bandLow() < detector.expected());
            QVERIFY(detector.expected() < detector.bandHigh());
            // Same weekday, so weekend and working-day levels are told apart.
            QVERIFY(std::fabs(detector.expected() - s.v[i]) < 0.25 * s.v[i]);
            inside += s.v[i] >= detector.bandLow() && s.v[i] <= detector.bandHigh();
        }
        QCOMPARE(inside, 60);
    }

    void sameTimeBandNarrowsWithSensitivity()
    {
        // band() at a threshold lies within the point's whole alert range, and is narrower at high
        // sensitivity (a lower threshold) than at low.
        const Series s = costSeries(24 * 30, 3600, 5);
        Analytics::AnomalyDetector detector;
        int checked = 0;
        for (std::size_t i = 0; i < s.v.size(); ++i) {
            detector.update(s.t[i], s.v[i]);
            if (detector.learning())
                continue;
            double lowH, highH, lowN, highN, lowL, highL;
            detector.band(Analytics::alertThreshold(Analytics::Sensitivity::High), lowH, highH);
            detector.band(Analytics::alertThreshold(Analytics::Sensitivity::Normal), lowN, highN);
            detector.band(Analytics::alertThreshold(Analytics::Sensitivity::Low), lowL, highL);
            QVERIFY(lowL < lowN && lowN < lowH && lowH < highH && highH < highN && highN < highL);
            QVERIFY(detector.bandLow() <= lowN + 1e-9 && highN <= detector.bandHigh() + 1e-9);
            ++checked;
        }
        QVERIFY(checked > 500);
    }

    void gapsAndConstantSeries()
    {
        // A flat fee with missing days: no alerts, and a non-finite value scores 0.
        Series s;
        for (int i = 0; i < 200; ++i) {
            s.t.push_back(kStart + i * kDay * (i < 100 ? 1 : 2));
            s.v.push_back(i % 17 == 5 ? std::nan("") : 25.0);
        }
        auto scores = Analytics::scoreSeries(s.t, s.v);
        QCOMPARE(alertsIn(scores, 0, scores.size()), 0);
        // Then the fee changes: that is worth one alert.
        for (std::size_t i = 150; i < s.v.size(); ++i)
            s.v[i] = 40.0;
        scores = Analytics::scoreSeries(s.t, s.v);
        QCOMPARE(alertsIn(scores, 0, scores.size()), 1);
        QVERIFY(isAlert(scores[150]));
        // Nothing spent for months, then a charge: as anomalous as it gets, once.
        for (std::size_t i = 0; i < s.v.size(); ++i)
            s.v[i] = i < 120 ? 0.0 : 12.5;
        scores = Analytics::scoreSeries(s.t, s.v);
        QCOMPARE(scores[120], 1.0);
        QCOMPARE(alertsIn(scores, 0, scores.size()), 1);
    }

    void sensitivityRescalesMonotonically()
    {
        using Analytics::Sensitivity;
        QVERIFY(Analytics::alertThreshold(Sensitivity::High) < Analytics::alertThreshold(Sensitivity::Normal));
        QVERIFY(Analytics::alertThreshold(Sensitivity::Normal) < Analytics::alertThreshold(Sensitivity::Low));
        for (const Sensitivity s : {Sensitivity::Low, Sensitivity::Normal, Sensitivity::High}) {
            QCOMPARE(Analytics::scoreForSensitivity(Analytics::alertThreshold(s), s), 0.5);
            QCOMPARE(Analytics::scoreForSensitivity(0.0, s), 0.0);
            QCOMPARE(Analytics::scoreForSensitivity(1.0, s), 1.0);
            double previous = -1.0;
            for (int i = 0; i <= 100; ++i) {
                const double mapped = Analytics::scoreForSensitivity(i / 100.0, s);
                QVERIFY(mapped > previous);
                previous = mapped;
            }
        }
        QCOMPARE(Analytics::scoreForSensitivity(0.42, Sensitivity::Normal), 0.42);
    }

    void cliWritesEveryRowInOrder()
    {
        QTemporaryDir dir;
        const Series s = costSeries(60, kDay, 4);
        QByteArray text = "timestamp,value\n";
        for (std::size_t i = 0; i < s.v.size(); ++i) {
            // Both timestamp spellings in one file.
            const QByteArray day = QDate(2024, 1, 1).addDays(static_cast<qint64>(i)).toString(Qt::ISODate).toLatin1();
            const QByteArray ts = day + (i < 30 ? " 00:00:00" : "T00:00:00Z");
            text += ts + ',' + (i == 40 ? QByteArray() : QByteArray::number(i == 45 ? 1e4 : s.v[i], 'g', 8)) + '\n';
        }
        QString out, err;
        QVERIFY2(runDetect(dir, text, out, err), qPrintable(err));
        const QList<QByteArray> inLines = text.trimmed().split('\n');
        const QList<QByteArray> outLines = readLines(out);
        QCOMPARE(outLines.size(), inLines.size());
        QCOMPARE(outLines[0], QByteArray("timestamp,value,anomaly_score"));
        for (int i = 1; i < outLines.size(); ++i) {
            const QList<QByteArray> f = outLines[i].split(',');
            QCOMPARE(f.size(), 3);
            QCOMPARE(f[0] + ',' + f[1], inLines[i]); // echoed as given
            bool ok = false;
            const double score = f[2].toDouble(&ok);
            QVERIFY(ok && score >= 0.0 && score <= 1.0);
            if (i == 41)
                QCOMPARE(score, 0.0); // the gap
            if (i == 46)
                QVERIFY(score >= 0.5); // the spike
        }
    }

    void cliSensitivityOnlyRescales()
    {
        QTemporaryDir dir;
        Series s = costSeries(120, kDay, 8);
        s.v[100] *= 3.0;
        QByteArray text = "Timestamp,Value\n"; // header names are matched case-insensitively
        for (std::size_t i = 0; i < s.v.size(); ++i) {
            const std::int64_t day = s.t[i] / kDay;
            const QDate d = QDate(1970, 1, 1).addDays(day);
            text += d.toString(Qt::ISODate).toLatin1() + ',' + QByteArray::number(s.v[i], 'g', 10) + '\n';
        }
        const QString in = writeFile(dir, QStringLiteral("in.csv"), text);
        std::vector<std::vector<double>> bySensitivity;
        for (const char *sens : {"low", "normal", "high"}) {
            const QString out = dir.filePath(QStringLiteral("out-%1.csv").arg(QLatin1String(sens)));
            QCOMPARE(TestSupport::runBurnrate({QStringLiteral("detect"), QStringLiteral("--input"), in, QStringLiteral("--output"),
                                               out, QStringLiteral("--sensitivity"), QString::fromLatin1(sens)}),
                     0);
            std::vector<double> scores;
            const QList<QByteArray> lines = readLines(out);
            for (int i = 1; i < lines.size(); ++i)
                scores.push_back(lines[i].split(',').value(2).toDouble());
            QCOMPARE(scores.size(), s.v.size());
            bySensitivity.push_back(scores);
        }
        for (std::size_t i = 0; i < s.v.size(); ++i) {
            QVERIFY(bySensitivity[0][i] <= bySensitivity[1][i] + 1e-6);
            QVERIFY(bySensitivity[1][i] <= bySensitivity[2][i] + 1e-6);
        }
    }

    void cliScoresRowsAsGiven()
    {
        // Real telemetry: a 5-minute series whose clock steps back 55 minutes (a time-zone change
        // on the collector) and which repeats some timestamps (a retried upload). Every row is
        // scored, in the input's order; the clock change raises no alert, a spike after it does.
        QTemporaryDir dir;
        const Series s = costSeries(10 * 288, 300, 21, 100.0, 0.05, 1.0); // no weekend dip: the first one would alert
        const std::size_t clockChange = 8 * 288 + 100, spike = 9 * 288 + 150;
        const std::set<std::size_t> repeated = {500, 1500, 2500};
        QByteArray text = "timestamp,value\n";
        std::vector<std::int64_t> times;
        for (std::size_t i = 0; i < s.v.size(); ++i) {
            // From 10:55 back to 10:00: the clock loses an hour, and its next row steps back 55 minutes.
            std::int64_t t = s.t[i] - (i >= clockChange ? 3600 : 0);
            if (repeated.count(i))
                t = times.back();
            times.push_back(t);
            const QByteArray ts = QDateTime::fromSecsSinceEpoch(t, QTimeZone::utc()).toString(Qt::ISODate).toLatin1();
            text += ts + ',' + QByteArray::number(i == spike ? 10 * s.v[i] : s.v[i], 'g', 10) + '\n';
        }
        QString out, err;
        QVERIFY2(runDetect(dir, text, out, err), qPrintable(err));
        // Line numbers count the header: row i is on line i + 2.
        QVERIFY2(err.contains(QStringLiteral("11 rows step back in time (first at line %1, 55 minutes)").arg(clockChange + 2)), qPrintable(err));
        // The eleven rows before the old clock caught up step back; the twelfth lands on the latest
        // timestamp seen, a repeat like the three retried rows.
        QVERIFY2(err.contains(QStringLiteral("4 repeated timestamps")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("scored in the order given")), qPrintable(err));
        const QList<QByteArray> inLines = text.trimmed().split('\n');
        const QList<QByteArray> outLines = readLines(out);
        QCOMPARE(outLines.size(), inLines.size());
        std::vector<double> scores;
        for (int i = 1; i < outLines.size(); ++i) {
            const QList<QByteArray> f = outLines[i].split(',');
            QCOMPARE(f.size(), 3);
            QCOMPARE(f[0] + ',' + f[1], inLines[i]);
            scores.push_back(f[2].toDouble());
        }
        QString where;
        for (std::size_t i = 0; i < scores.size(); ++i)
            if (isAlert(scores[i]))
                where += QStringLiteral(" %1").arg(i);
        QVERIFY2(alertsIn(scores, clockChange - 24, clockChange + 48) == 0, qPrintable(where));
        QVERIFY2(alertsIn(scores, 2 * 288, spike) == 0, qPrintable(where));
        QVERIFY(isAlert(scores[spike]));
        // The library scores the same rows the same way: the command adds nothing of its own.
        const auto direct = Analytics::scoreSeries(times, [&] {
            std::vector<double> v = s.v;
            v[spike] *= 10;
            return v;
        }());
        for (std::size_t i = 0; i < direct.size(); ++i)
            QVERIFY(std::fabs(direct[i] - scores[i]) < 1e-5);
    }

    void cliReportsErrors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("extraArgs");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QByteArray good = "timestamp,value\n2024-01-01,1\n2024-01-02,2\n";
        QTest::newRow("bad timestamp") << QByteArray("timestamp,value\n2024-01-01,1\n01/02/2024,2\n") << QStringList()
                                       << 1 << QStringLiteral("in.csv:3");
        QTest::newRow("bad value") << QByteArray("timestamp,value\n2024-01-01,1\n2024-01-02,12abc\n") << QStringList()
                                   << 1 << QStringLiteral("in.csv:3");
        QTest::newRow("no header") << QByteArray("2024-01-01,1\n2024-01-02,2\n") << QStringList() << 1
                                   << QStringLiteral("header");
        QTest::newRow("bad sensitivity") << good << QStringList{QStringLiteral("--sensitivity"), QStringLiteral("extreme")} << 2
                                         << QStringLiteral("--sensitivity");
        QTest::newRow("unknown option") << good << QStringList{QStringLiteral("--threshold"), QStringLiteral("3")} << 2
                                        << QStringLiteral("unknown option");
    }
    void cliReportsErrors()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, extraArgs);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString in = writeFile(dir, QStringLiteral("in.csv"), content);
        QString err;
        const QStringList args = QStringList{QStringLiteral("detect"), QStringLiteral("--input"), in, QStringLiteral("--output"),
                                             dir.filePath(QStringLiteral("out.csv"))}
                                 + extraArgs;
        QCOMPARE(TestSupport::runBurnrate(args, nullptr, &err), exitCode);
        QVERIFY2(err.contains(message), qPrintable(err));
    }

    void cliNeedsInputAndOutput()
    {
        QString err;
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("detect"), QStringLiteral("--input"), QStringLiteral("x.csv")}, nullptr, &err), 2);
        QVERIFY(err.contains(QStringLiteral("Usage")));
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("detect"), QStringLiteral("--input"), QStringLiteral("/nonexistent/in.csv"),
                                           QStringLiteral("--output"), QStringLiteral("/tmp/never.csv")},
                                          nullptr, &err),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestAnomalyDetector)
#include "tst_anomalydetector.moc"
