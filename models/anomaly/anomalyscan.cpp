#include "anomaly/anomalyscan.h"

#include "analytics/freshness.h"
#include "anomaly/anomalystore.h"
#include "anomaly/rootcause.h"
#include "anomaly/seasonalband.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <optional>

// How flagged points become anomalies. A point opens an anomaly when the detector's (suppressed)
// score reaches the threshold of the series' sensitivity; the anomaly then takes in the following
// points while they stay beyond the band on the same side (the incident goes on, even after the
// detector has taken a runaway's level as its new normal), up to three days of hours or two
// weeks of days, so that its actual and expected cost cover the whole incident.
// The band (and the expected value) is SeasonalBand's at the sensitivity's threshold: the same
// hour of the week (weekday) in the last four weeks, ± the series' usual relative noise. Until it
// has two weeks of history, the detector's same-time band (AnomalyDetector::band) stands in.
// Falls get a rule of their own: the detector also asks that a point leave the usual range of the
// whole series, and a broken feature in busy hours (or a working day) often only takes spend down
// to the quiet hours' (weekend's) level, which that range holds: a 40% fall of total spend on a
// Tuesday is a Sunday's level. So a point that falls below the band opens an anomaly too, once per
// fall (the next points extend it while they stay below); the band follows a lasting new level
// within a cycle, so a retired feature does not alert for ever. Its actual cost is exact; expected cost and band are the detector's
// per-point expectation and alert band, rounded to money units per point and summed exactly. An
// anomaly whose |actual − expected| is below the minimum impact is dropped: nothing alerts on pennies.

namespace Analytics {

namespace {

constexpr int kMaxHourPoints = 72;
constexpr int kMaxDayPoints = 14;

const std::vector<std::string> &scannedDimensions()
{
    static const std::vector<std::string> kDims = {"", "provider", "model", "feature", "team", "endpoint"};
    return kDims;
}

Cost::Money money(double v) { return std::isfinite(v) ? Cost::fromDouble(v) : 0; }

// What the last scan saw: the newest import, the newest charge and the allocation rules. The
// leading version changes when the scan's rules do, so that stores scanned before rescan once
// (v2: partial trailing periods are not scored, an anomaly opens only outside its band; v3:
// endpoint series).
std::string fingerprint(Cost::SqliteDb &db)
{
    return "v3/" + std::to_string(db.scalar("SELECT coalesce(max(id), 0) FROM import")) + '/'
        + std::to_string(db.scalar("SELECT coalesce(max(id), 0) FROM fact")) + '/'
        + std::to_string(db.scalar("SELECT count(*) FROM allocation_rule")) + '/'
        + std::to_string(db.scalar("SELECT coalesce(sum(length(definition) * position), 0) FROM allocation_rule"));
}

} // namespace

const char *anomalyGrainName(AnomalyGrain grain) { return grain == AnomalyGrain::Hour ? "hour" : "day"; }

bool anomalyGrainFromName(const std::string &name, AnomalyGrain &out)
{
    if (name == "hour" || name == "day") {
        out = name == "hour" ? AnomalyGrain::Hour : AnomalyGrain::Day;
        return true;
    }
    return false;
}

std::int64_t anomalyGrainSeconds(AnomalyGrain grain) { return grain == AnomalyGrain::Hour ? 3600 : 86400; }

const char *anomalyStatusName(AnomalyStatus status)
{
    switch (status) {
    case AnomalyStatus::New: return "new";
    case AnomalyStatus::Acknowledged: return "acknowledged";
    case AnomalyStatus::Expected: return "expected";
    case AnomalyStatus::NotExpected: return "not_expected";
    }
    return "new";
}

bool anomalyStatusFromName(const std::string &name, AnomalyStatus &out)
{
    for (AnomalyStatus s : {AnomalyStatus::New, AnomalyStatus::Acknowledged, AnomalyStatus::Expected, AnomalyStatus::NotExpected}) {
        if (name == anomalyStatusName(s)) {
            out = s;
            return true;
        }
    }
    return false;
}

const char *sensitivityName(Sensitivity sensitivity)
{
    switch (sensitivity) {
    case Sensitivity::Low: return "low";
    case Sensitivity::Normal: return "normal";
    case Sensitivity::High: return "high";
    }
    return "normal";
}

bool sensitivityFromName(const std::string &name, Sensitivity &out)
{
    for (Sensitivity s : {Sensitivity::Low, Sensitivity::Normal, Sensitivity::High}) {
        if (name == sensitivityName(s)) {
            out = s;
            return true;
        }
    }
    return false;
}

std::string SeriesKey::label() const
{
    if (dimension.empty())
        return "All spend";
    const std::string shown = !value.empty() ? value
        : dimension == "feature" || dimension == "team" ? "(unallocated)" : "(none)";
    return dimension + ' ' + shown;
}

std::size_t SeriesData::completeCount() const
{
    if (completeUntil <= start)
        return 0;
    // In unsigned arithmetic: completeUntil is "never" (the largest int64) unless a source says
    // otherwise, and the difference of two int64 then passes the signed range.
    const auto step = static_cast<std::uint64_t>(anomalyGrainSeconds(grain));
    const std::uint64_t span = static_cast<std::uint64_t>(completeUntil) - static_cast<std::uint64_t>(start);
    const std::uint64_t buckets = span / step + (span % step != 0 ? 1 : 0);
    return static_cast<std::size_t>(std::min<std::uint64_t>(buckets, values.size()));
}

double Anomaly::impactPercent() const
{
    if (expected == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return 100.0 * Cost::toDouble(impact()) / std::fabs(Cost::toDouble(expected));
}

Sensitivity AnomalySettings::sensitivityOf(const SeriesKey &key) const
{
    for (const auto &[k, s] : perSeries)
        if (k == key)
            return s;
    return sensitivity;
}

std::vector<Anomaly> detectAnomalies(const SeriesData &series, Sensitivity sensitivity, Cost::Money minImpact,
                                     const std::vector<std::int64_t> &rebaselineAt, std::vector<TracePoint> *trace)
{
    const double threshold = alertThreshold(sensitivity);
    const std::int64_t step = anomalyGrainSeconds(series.grain);
    const int maxPoints = series.grain == AnomalyGrain::Hour ? kMaxHourPoints : kMaxDayPoints;
    const std::size_t complete = series.completeCount();
    AnomalyDetectorOptions options;
    options.stepSeconds = step;
    std::optional<AnomalyDetector> detector(std::in_place, options);
    SeasonalBand seasonal(step);
    // The band before the last re-baseline, shown (never judged by) while the series re-learns.
    std::optional<SeasonalBand> before;
    std::vector<std::int64_t> resets = rebaselineAt;
    std::sort(resets.begin(), resets.end());
    std::size_t nextReset = 0;

    std::vector<Anomaly> out;
    Anomaly current;
    bool open = false;
    bool up = true;
    bool wasDown = false; // the previous point was part of a fall
    double peakRaw = 0;
    auto close = [&] {
        if (open && current.impact() != 0 && std::llabs(current.impact()) >= minImpact) {
            current.score = scoreForSensitivity(peakRaw, sensitivity);
            out.push_back(current);
        }
        open = false;
    };
    if (trace) {
        trace->clear();
        trace->reserve(series.values.size());
    }
    for (std::size_t i = 0; i < series.values.size(); ++i) {
        const std::int64_t t = series.timeOf(i);
        bool reset = false;
        while (nextReset < resets.size() && resets[nextReset] <= t) {
            reset = reset || resets[nextReset] > series.start; // at or before the start: fresh anyway
            ++nextReset;
        }
        if (reset) {
            // The user said this level is expected: it is the new normal, learnt afresh.
            close();
            detector.emplace(options);
            before.emplace(std::move(seasonal));
            seasonal = SeasonalBand(step);
        }
        const Cost::Money value = series.values[i];
        const double v = Cost::toDouble(value);
        if (i >= complete) {
            // A partial bucket (its data still arriving): shown against its band, never judged.
            close();
            if (!trace)
                break;
            TracePoint p{t, v, v, 0, 0, 0, detector->learning(), !detector->learning(), true, false};
            double e = detector->expected(), lo = 0, hi = 0;
            detector->band(threshold, lo, hi);
            p.hasBand = seasonal.band(threshold, e, lo, hi) || p.hasBand || (before && before->band(threshold, e, lo, hi));
            if (p.hasBand)
                p.expected = e, p.low = std::max(0.0, lo), p.high = std::max(p.low, hi);
            seasonal.add(std::nan(""));
            if (before)
                before->add(std::nan(""));
            trace->push_back(p);
            continue;
        }
        const double score = detector->update(t, v);
        const double raw = detector->rawScore();
        const bool learning = detector->learning();
        double expected = detector->expected(), low = 0, high = 0;
        detector->band(threshold, low, high);
        seasonal.band(threshold, expected, low, high); // when it has the history
        seasonal.add(v);
        const bool above = v > high, below = !learning && v < low;
        // A fall goes on while the points stay below the band, or at zero where spend was expected.
        const bool down = below || (!learning && v <= 0 && expected > 0);
        bool flagged = false;
        if (open) {
            // The incident goes on while the points stay beyond the band on the same side.
            if ((up ? above : down) && current.points < maxPoints)
                flagged = true;
            else
                close();
        }
        // A fall below the seasonal band opens an anomaly although the detector may not score it
        // (see the top of this file); only at its edge, so that a long outage is one anomaly.
        // A high score opens one only outside the band: what is flagged is what the chart shows.
        const bool fall = below && !wasDown;
        wasDown = down;
        if (!open && ((score >= threshold && (above || below)) || fall)) {
            up = score >= threshold && v >= expected;
            open = true;
            flagged = true;
            current = Anomaly{};
            current.series = series.key;
            current.grain = series.grain;
            current.start = t;
            current.peak = t;
            peakRaw = 0;
        }
        low = std::max(0.0, low);
        high = std::max(low, high);
        if (flagged) {
            current.end = t + step;
            ++current.points;
            current.actual += value;
            current.expected += money(expected);
            current.bandLow += money(low);
            current.bandHigh += money(high);
            // A fall the detector does not score counts as just over the threshold.
            const double strength = std::max(raw, up ? 0.0 : std::min(1.0, threshold + 1e-6));
            if (strength > peakRaw) {
                peakRaw = strength;
                current.peak = t;
            }
        }
        if (trace) {
            TracePoint p{t, v, learning ? v : expected, learning ? 0.0 : low, learning ? 0.0 : high, score, learning,
                         !learning, false, flagged};
            double e = 0, lo = 0, hi = 0;
            if (learning && before && before->band(threshold, e, lo, hi)) {
                // Re-learning an expected level: the band it was judged against before stays in view.
                p.expected = e, p.low = std::max(0.0, lo), p.high = std::max(p.low, hi);
                p.hasBand = true;
            }
            trace->push_back(p);
        }
        if (before)
            before->add(v);
    }
    close();
    if (trace) {
        // Points of anomalies dropped for their small impact are not flagged either.
        for (TracePoint &p : *trace) {
            if (!p.flagged)
                continue;
            p.flagged = std::any_of(out.begin(), out.end(), [&](const Anomaly &a) { return p.time >= a.start && p.time < a.end; });
        }
    }
    return out;
}

bool scanIsCurrent(Cost::SqliteDb &db)
{
    Cost::SqliteStmt st(db, "SELECT value FROM anomaly_state WHERE key = 'scanned'");
    return st.step() && std::string(st.text(0)) == fingerprint(db);
}

void invalidateScan(Cost::SqliteDb &db)
{
    db.exec("DELETE FROM anomaly_state WHERE key = 'scanned'");
}

bool runAnomalyScan(Cost::SqliteDb &db, ScanResult &result, std::string &error, const std::function<void(int)> &progress,
                    const std::atomic_bool *cancel)
{
    const auto t0 = std::chrono::steady_clock::now();
    result = ScanResult{};
    AnomalyStore store(db);
    AnomalySettings settings;
    std::map<std::pair<SeriesKey, AnomalyGrain>, std::vector<std::int64_t>> resets;
    if (!store.loadSettings(settings, error) || !store.rebaselines(resets, error))
        return false;
    ScanWindow window;
    if (!scanWindow(db, window))
        return true; // nothing stored, nothing to scan
    Freshness freshness;
    if (!freshness.load(db, error))
        return false;

    std::vector<Anomaly> found;
    const auto &dims = scannedDimensions();
    const int steps = 2 * static_cast<int>(dims.size());
    int done = 0;
    static const std::vector<std::int64_t> kNoResets;
    for (AnomalyGrain grain : {AnomalyGrain::Day, AnomalyGrain::Hour}) {
        if (cancel && cancel->load()) {
            error = "cancelled";
            return false;
        }
        std::map<std::string, std::vector<SeriesData>> byDim;
        if (!loadAllSeries(db, freshness, window, dims, grain, byDim, error))
            return false;
        for (const std::string &dim : dims) {
            if (cancel && cancel->load()) {
                error = "cancelled";
                return false;
            }
            for (const SeriesData &s : byDim[dim]) {
                const auto r = resets.find({s.key, grain});
                auto anomalies = detectAnomalies(s, settings.sensitivityOf(s.key), settings.minImpact,
                                                 r != resets.end() ? r->second : kNoResets);
                found.insert(found.end(), anomalies.begin(), anomalies.end());
                ++result.series;
                result.points += static_cast<std::int64_t>(s.completeCount());
            }
            if (progress)
                progress(80 * ++done / steps);
        }
    }

    if (!db.exec("BEGIN IMMEDIATE")) {
        error = "cannot store anomalies: " + db.error();
        return false;
    }
    auto rollback = [&] {
        db.exec("ROLLBACK");
        return false;
    };
    std::vector<std::int64_t> keep;
    const std::int64_t recent = window.dataEnd - 2 * 86400;
    for (std::size_t i = 0; i < found.size(); ++i) {
        if (cancel && cancel->load()) {
            error = "cancelled";
            return rollback();
        }
        Anomaly &a = found[i];
        bool inserted = false;
        if (!store.upsert(a, inserted, error))
            return rollback();
        keep.push_back(a.id);
        if (inserted)
            result.newIds.push_back(a.id);
        // New anomalies, and ongoing ones whose window may have grown, get their causes (re)ranked.
        if (inserted || a.end >= recent) {
            RootCause cause;
            if (!explainAnomaly(db, a, cause, error) || !store.saveCauses(a.id, cause, error))
                return rollback();
        }
        if (progress)
            progress(80 + static_cast<int>(20 * (i + 1) / found.size()));
    }
    int removedDays = 0, removedHours = 0;
    if (!store.removeStale(AnomalyGrain::Day, std::numeric_limits<std::int64_t>::min(), window.dataEnd, keep, removedDays, error)
        || !store.removeStale(AnomalyGrain::Hour, window.hourFrom, window.dataEnd, keep, removedHours, error))
        return rollback();
    Cost::SqliteStmt mark(db, "INSERT INTO anomaly_state(key, value) VALUES ('scanned', ?1)"
                                  " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    const std::string seen = fingerprint(db);
    mark.bind(1, std::string_view(seen));
    if (!mark.exec()) {
        error = mark.error();
        return rollback();
    }
    if (!db.exec("COMMIT")) {
        error = "cannot store anomalies: " + db.error();
        return rollback();
    }
    result.found = static_cast<int>(found.size());
    result.removed = removedDays + removedHours;
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (progress)
        progress(100);
    return true;
}

} // namespace Analytics
