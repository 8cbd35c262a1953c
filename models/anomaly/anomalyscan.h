#pragma once

#include "anomaly/anomalydetector.h"
#include "domain/money.h"
#include "store/sqlitedb.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <vector>

/// Anomalies in stored spend: every total, provider, model, feature, team and endpoint series
/// (named endpoints only: isSeriesValue) is scored with AnomalyDetector at hourly and daily grain,
/// flagged points become anomalies (one per incident), root causes are ranked and everything is
/// kept in the store (see anomalystore.h).
namespace Analytics {

class Freshness;

/// Time grain of a scanned series.
enum class AnomalyGrain { Hour, Day };
/// "hour" / "day".
const char *anomalyGrainName(AnomalyGrain grain);
/// Inverse of anomalyGrainName; false for anything else.
bool anomalyGrainFromName(const std::string &name, AnomalyGrain &out);
/// Seconds per bucket of a grain.
std::int64_t anomalyGrainSeconds(AnomalyGrain grain);

/// The user's verdict on an anomaly.
enum class AnomalyStatus { New, Acknowledged, Expected, NotExpected };
/// "new", "acknowledged", "expected", "not_expected".
const char *anomalyStatusName(AnomalyStatus status);
/// Inverse of anomalyStatusName; false for anything else.
bool anomalyStatusFromName(const std::string &name, AnomalyStatus &out);
/// "low" / "normal" / "high".
const char *sensitivityName(Sensitivity sensitivity);
/// Inverse of sensitivityName; false for anything else.
bool sensitivityFromName(const std::string &name, Sensitivity &out);

/// One scanned series: all spend (dimension ""), or one value of provider, model, feature or team.
struct SeriesKey {
    std::string dimension; ///< "", "provider", "model", "feature", "team"
    std::string value;     ///< "" for the total; may be "" for unallocated feature/team too
    bool operator==(const SeriesKey &o) const { return dimension == o.dimension && value == o.value; }
    bool operator<(const SeriesKey &o) const { return dimension != o.dimension ? dimension < o.dimension : value < o.value; }
    /// "All spend", "model gpt-4o", "feature (unallocated)".
    std::string label() const;
};

/// A regularly spaced cost series (missing buckets are zero).
struct SeriesData {
    SeriesKey key;
    AnomalyGrain grain = AnomalyGrain::Day;
    std::int64_t start = 0;           ///< epoch seconds of the first bucket
    std::vector<Cost::Money> values;  ///< exact billed cost per bucket
    /// Buckets from this instant on are partial (their data is still arriving; see freshness.h).
    std::int64_t completeUntil = std::numeric_limits<std::int64_t>::max();
    std::int64_t timeOf(std::size_t i) const { return start + static_cast<std::int64_t>(i) * anomalyGrainSeconds(grain); }
    /// The number of leading buckets that are complete.
    std::size_t completeCount() const;
};

/// The detector's view of one point, for charts.
struct TracePoint {
    std::int64_t time = 0;
    double actual = 0;     ///< currency units (drawing only)
    double expected = 0;
    double low = 0;        ///< expected band at the series' sensitivity (SeasonalBand; see anomalyscan.cpp)
    double high = 0;
    double score = 0;      ///< alert score after suppression, [0,1]
    bool learning = true;  ///< too little history (or re-learning after an expected level): never flagged
    bool hasBand = false;  ///< expected, low and high hold a band (while re-learning: the one before)
    bool partial = false;  ///< the bucket's data is incomplete: shown, never scored or flagged
    bool flagged = false;  ///< part of an anomaly at the series' sensitivity
};

/// A cost anomaly: consecutive flagged points of one series at one grain.
struct Anomaly {
    std::int64_t id = 0;              ///< store id; 0 before it is stored
    SeriesKey series;
    AnomalyGrain grain = AnomalyGrain::Day;
    std::int64_t start = 0;           ///< epoch seconds, first flagged bucket
    std::int64_t end = 0;             ///< epoch seconds, end of the last flagged bucket (exclusive)
    std::int64_t peak = 0;            ///< bucket with the highest score
    int points = 0;
    Cost::Money actual = 0;           ///< exact billed cost over [start, end)
    Cost::Money expected = 0;         ///< the detector's expectation over the same buckets
    Cost::Money bandLow = 0;          ///< below this the anomaly would be a drop
    Cost::Money bandHigh = 0;         ///< above this a spike
    double score = 0;                 ///< peak score at the series' sensitivity
    AnomalyStatus status = AnomalyStatus::New;
    std::string explanation;          ///< root-cause sentence in English ("82% from feature agent on …")
    std::string explanationParts;     ///< the same as parts (CausePhrase JSON; empty before schema 15)
    std::string detectedAt;           ///< ISO timestamp of the scan that found it
    bool alerted = false;             ///< posted as an alert already

    /// actual − expected (positive for a spike, negative for a drop).
    Cost::Money impact() const { return actual - expected; }
    /// impact as a percentage of expected; NaN when nothing was expected.
    double impactPercent() const;
};

/// Global and per-series settings the scan obeys.
struct AnomalySettings {
    Sensitivity sensitivity = Sensitivity::Normal;
    Cost::Money minImpact = 10 * Cost::kMoneyScale; ///< |impact| below this is not an anomaly
    std::vector<std::pair<SeriesKey, Sensitivity>> perSeries;
    /// The sensitivity of `key` (its own, else the global one).
    Sensitivity sensitivityOf(const SeriesKey &key) const;
};

/// Scores `series` causally and returns its anomalies (ids 0, status New); its partial buckets
/// (from completeUntil on) are traced but never scored. A point opens an anomaly only outside
/// the band the trace shows for it. Points from each
/// `rebaselineAt` instant on are judged by a detector that starts afresh there: a level the user
/// marked expected is the new normal (the series re-learns for a week instead of alerting).
/// `trace`, when given, receives every point. Pure; any thread.
std::vector<Anomaly> detectAnomalies(const SeriesData &series, Sensitivity sensitivity, Cost::Money minImpact,
                                     const std::vector<std::int64_t> &rebaselineAt, std::vector<TracePoint> *trace = nullptr);

/// Where scanned data ends: buckets are scored up to the last complete one (see freshness.h).
struct ScanWindow {
    std::int64_t dataEnd = 0;    ///< end of the latest charge (epoch seconds)
    std::int64_t hourFrom = 0;   ///< first hour scanned (the hourly history is bounded)
};

/// The scan window of the store; false when it holds no charges.
bool scanWindow(Cost::SqliteDb &db, ScanWindow &out);

/// The stored spend series of `key` at `grain`, up to the newest charge; buckets from the
/// series' completeUntil (its sources' freshness) on are partial. Hourly series
/// come from charges of at most an hour (`fact`), daily ones from `rollup_daily`; feature and
/// team through the allocation. False with `error`.
bool loadSeries(Cost::SqliteDb &db, const SeriesKey &key, AnomalyGrain grain, SeriesData &out, std::string &error);

/// Every series of `dimension` ("" = total) at `grain`. Series whose charges are longer than the
/// grain (daily exports at hourly grain) are left out. False with `error`.
bool loadAllSeries(Cost::SqliteDb &db, const std::string &dimension, AnomalyGrain grain, std::vector<SeriesData> &out,
                   std::string &error);
/// Every series of each of `dimensions` at `grain`, keyed by dimension, with the store's freshness
/// and scan window read once by the caller. Hourly series of all dimensions come from one pass
/// over the window's charges (feature and team split per charge exactly as SQL alloc() does);
/// the scan of a 1M-charge store read them with one grouped query per dimension before.
bool loadAllSeries(Cost::SqliteDb &db, const Freshness &freshness, const ScanWindow &window,
                   const std::vector<std::string> &dimensions, AnomalyGrain grain,
                   std::map<std::string, std::vector<SeriesData>> &out, std::string &error);

/// What a scan did.
struct ScanResult {
    int series = 0;                      ///< series scored
    std::int64_t points = 0;             ///< points scored
    int found = 0;                       ///< anomalies found (new or already stored)
    std::vector<std::int64_t> newIds;    ///< anomalies stored for the first time
    int removed = 0;                     ///< unreviewed anomalies no longer found (restated data)
    double seconds = 0;
};

/// Scans the whole store with its stored settings and feedback, ranks root causes of new
/// anomalies and stores them, in one transaction. Run after every import or sync, on the worker
/// thread that owns `db`. `progress` (0–100) and `cancel` may be empty. False with `error`
/// (the store is unchanged then).
bool runAnomalyScan(Cost::SqliteDb &db, ScanResult &result, std::string &error,
                    const std::function<void(int)> &progress = {}, const std::atomic_bool *cancel = nullptr);

/// True when the stored anomalies reflect the store's charges, rules and scan settings (nothing was
/// imported, synced or re-allocated since the last scan).
bool scanIsCurrent(Cost::SqliteDb &db);
/// Forgets that the store was scanned (after a settings or feedback change).
void invalidateScan(Cost::SqliteDb &db);

} // namespace Analytics
