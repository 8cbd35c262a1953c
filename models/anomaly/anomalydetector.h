#pragma once

#include "anomaly/slidingwindow.h"

#include <cstdint>
#include <deque>
#include <limits>
#include <utility>
#include <vector>

namespace Analytics {

/// How eagerly alerts are raised; see alertThreshold().
enum class Sensitivity { Low, Normal, High };

/// Tuning of AnomalyDetector. The defaults suit cost and usage metrics from 5-minute to daily
/// resolution; every length is in time so that one set of defaults serves every resolution.
struct AnomalyDetectorOptions {
    std::int64_t stepSeconds = 0;          ///< spacing of the series; 0 infers it from the first timestamps
    std::int64_t seasonSeconds = -1;       ///< seasonal cycle; -1 infers it (a day, or a week for daily data), 0 none
    std::int64_t learningSeconds = 7 * 86400; ///< no alerts before this much history...
    int learningPointCap = 168;            ///< ...or this many points, whichever comes first (at least 7 points)
    int historyPoints = 4096;              ///< points that make up the "usual range" of the level
    int seasonsBack = 7;                   ///< past cycles searched for the same time of day/week
    double seasonTolerance = 1.0 / 24.0;   ///< how far (fraction of a cycle) "the same time" may wander
    double contextWeight = 0.5;            ///< share of the same-time spread that widens the yardstick
    std::int64_t smoothSeconds = 2 * 3600; ///< span of the smoothed (sustained change) channel
    double tailQuantile = 0.995;           ///< quantile that marks the edge of the usual range
    double smoothWeight = 1.0;             ///< weight of the smoothed channel against single points
    double refractoryCycles = 1.75;        ///< after an alert, only a stronger one is reported for this long
    double refractoryMargin = 0.1;         ///< how much stronger (in score) a repeated alert must be
    double relativeFloor = 0.1;            ///< changes below this fraction of the level never count
    bool regimeReset = true;               ///< a lasting level shift restarts the usual range
    double residualWeight = 1.0;           ///< weight of the seasonal-residual channels; 0 turns them off
    double residualTolerance = 1.0 / 48.0; ///< how far (fraction of a cycle) the residual's "same phase" may wander
    double residualGate = 0.3;             ///< residual/level spread ratio (5-95%) above which the cycle explains nothing
    double alertNovelty = 0.3;             ///< novelty that scores 0.5, the Normal alert threshold
    double incidentClip = 2.0;             ///< an alert-level value joins the usual range at most this novelty out; 0 keeps it whole
};

/// Streaming, causal anomaly scorer for one time series: each update() scores the new point from
/// it and the points before it only. Not thread-safe; one instance per series.
///
/// A point is anomalous when it leaves the usual range of the level (up to historyPoints of
/// history) and also the range seen at the same time of day (or week) in the previous cycles —
/// once for the raw value and once for a short moving average, so that both spikes and sustained
/// shifts show. A lasting shift restarts the history, and only the first, strongest point of an
/// incident is reported, so a level shift that becomes the new normal alerts once, not forever; an
/// incident that ends leaves the usual range as it was, so that it does not hide the next one.
/// The method is described at the top of anomalydetector.cpp.
class AnomalyDetector
{
public:
    /// Creates a detector with the given tuning.
    explicit AnomalyDetector(const AnomalyDetectorOptions &options = {});

    /// Scores a new point (timestamps non-decreasing); returns a score in [0,1], where
    /// alertThreshold() tells which scores are alerts. A non-finite value is a gap and scores 0.
    double update(std::int64_t epochSeconds, double value);

    /// True while the detector has too little history to judge (scores are 0 then): the first 7 days,
    /// but never fewer than 7 points nor more than learningPointCap.
    bool learning() const;
    /// The score of the last point before alert suppression (a sustained anomaly stays high here).
    double rawScore() const { return m_rawScore; }
    /// The value the last point was expected to have.
    double expected() const { return m_expected; }
    /// Below this the last point alone would have been an alert at normal sensitivity.
    double bandLow() const { return m_bandLow; }
    /// Above this the last point alone would have been an alert at normal sensitivity.
    double bandHigh() const { return m_bandHigh; }
    /// The expected band of the last point at an alert score `threshold` (see alertThreshold()):
    /// the range seen at the same time of day (week) in past cycles, widened by the novelty that
    /// scores `threshold`; the usual range of the level when there is no seasonal context yet.
    /// Narrower than [bandLow(), bandHigh()], which also spans the level test's whole range.
    void band(double threshold, double &low, double &high) const;
    /// The series spacing in use (inferred or given), 0 while unknown.
    std::int64_t stepSeconds() const { return m_step; }
    /// The seasonal cycle in use, 0 when none.
    std::int64_t seasonSeconds() const { return m_season; }

private:
    struct Channel {
        int span = 1;                    // points averaged
        std::deque<double> history;      // chronological
        std::vector<double> sorted;      // the same values, sorted
        SlidingWindow<double> values;    // per point in m_times, for the seasonal lookup
        double absSum = 0;               // sum of |history|
        long pushes = 0;
    };

    void inferStep(std::int64_t epochSeconds);
    double novelty(const Channel &channel, std::int64_t now, double y, double *expected, double *low, double *high) const;
    struct Range {                       // a channel's usual range: median, edges, yardsticks
        double med = 0, hi = 0, lo = 0, dHi = 0, dLo = 0;
    };
    Range range(const Channel &channel, double floorLevel) const;
    double typicalLevel(const Channel &channel) const;
    double levelNovelty(const Channel &channel, double y, double floorLevel) const;
    bool seasonalResidual(std::int64_t now, double y, double &exact, double &nearest) const;
    void push(Channel &channel, double y, bool timeline = true, double clip = 0);
    void detectRegimeChange();
    void restoreIfTransient();
    double suppress(double score);

    AnomalyDetectorOptions m_opt;
    std::vector<std::int64_t> m_diffs;
    std::int64_t m_step = 0;
    std::int64_t m_season = 0;
    std::int64_t m_tolerance = 0;
    long m_count = 0;
    SlidingWindow<std::int64_t> m_times; // timestamps of the points in the channels' values
    std::deque<double> m_recent;         // raw values for the moving average
    Channel m_point;
    Channel m_smooth;
    Channel m_residual;                  // value minus the same phase of past cycles
    Channel m_residualSmooth;            // its moving average
    std::deque<std::pair<double, double>> m_recentResiduals; // exact and near, for the moving average
    static constexpr int kMaxCycles = 64;  // past cycles the residual compares with, at most
    mutable double m_medianBuf[kMaxCycles] = {};
    static constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::min();
    std::int64_t m_regimeStart = kNever;   // cycles before it are not compared
    std::int64_t m_residualFirst = kNever; // time of the first residual of the regime
    double m_rawScore = 0;
    double m_expected = 0;
    double m_bandLow = 0;
    double m_bandHigh = 0;
    struct BandParts {                   // the last point's ranges and yardsticks, for band()
        double lo = 0, hi = 0, scaleLo = 0, scaleHi = 0, damping = 1;
    };
    mutable BandParts m_bandParts;       // set by novelty() for the point channel
    double m_lastAlert = 0;              // suppression: score of the last reported alert
    long m_sinceAlert = 0;
    mutable std::vector<double> m_scratch; // reused buffer, saves an allocation per point
    long m_sinceExcursion = 1L << 30;   // points since the raw score last reached 0.5
    // The regime before the last level shift, kept for a while in case the shift was an incident
    // that ends (a 10x day) rather than a new normal: restoreIfTransient() brings it back, so that
    // the incident's values do not widen the usual range for months and hide the next one.
    struct Regime {
        std::deque<double> point, smooth, residual, residualSmooth;
        std::deque<std::pair<double, double>> recentResiduals;
        std::int64_t start = kNever, residualFirst = kNever;
        double lo = 0, hi = 0;           // its usual range (the point channel's edges)
        long shiftedAt = 0;              // m_count at the shift
    };
    Regime m_before;
    bool m_haveBefore = false;
};

/// The score from which AnomalyDetector::update() results count as alerts at a sensitivity.
double alertThreshold(Sensitivity sensitivity);

/// Maps a score monotonically so that alertThreshold(sensitivity) lands on 0.5, the alert
/// threshold of Sensitivity::Normal (identity for Normal).
double scoreForSensitivity(double score, Sensitivity sensitivity);

/// Scores a whole series causally (point i sees points 0..i only); t and v have equal sizes.
std::vector<double> scoreSeries(const std::vector<std::int64_t> &t, const std::vector<double> &v,
                                const AnomalyDetectorOptions &options = {});

} // namespace Analytics
