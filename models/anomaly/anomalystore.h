#pragma once

#include "anomaly/anomalyscan.h"
#include "anomaly/rootcause.h"
#include "store/sqlitedb.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace Analytics {

/// Stored anomalies, their causes, feedback and the scan settings (schema migration 5).
/// Functions of one connection, used on that connection's thread; errors are returned.
class AnomalyStore {
public:
    explicit AnomalyStore(Cost::SqliteDb &db) : m_db(db) {}

    /// The global sensitivity, the minimum impact and every per-series sensitivity.
    bool loadSettings(AnomalySettings &out, std::string &error);
    /// Saves the global sensitivity and minimum impact (per-series ones are kept).
    bool saveSettings(Sensitivity sensitivity, Cost::Money minImpact, std::string &error);
    /// Sets a series' own sensitivity; nullopt returns it to the global one.
    bool setSeriesSensitivity(const SeriesKey &key, std::optional<Sensitivity> sensitivity, std::string &error);

    /// Stores a found anomaly: a stored one of the same series and grain that overlaps it is
    /// updated (keeping its id, status and alert state), otherwise it is inserted. Sets `a.id`,
    /// and `inserted` when it is new.
    bool upsert(Anomaly &a, bool &inserted, std::string &error);
    /// Replaces the causes and the sentence of an anomaly.
    bool saveCauses(std::int64_t id, const RootCause &cause, std::string &error);
    /// Removes unreviewed (status new) anomalies of `grain` starting in [from, to) whose id is not
    /// in `keep`; `removed` counts them.
    bool removeStale(AnomalyGrain grain, std::int64_t from, std::int64_t to, const std::vector<std::int64_t> &keep,
                     int &removed, std::string &error);

    /// Anomalies overlapping [from, to) (epoch seconds; nullopt = open), newest first.
    bool list(std::optional<std::int64_t> from, std::optional<std::int64_t> to, std::vector<Anomaly> &out,
              std::string &error);
    /// One anomaly by id; false with `error` when there is none.
    bool get(std::int64_t id, Anomaly &out, std::string &error);
    /// The ranked causes of an anomaly.
    bool causes(std::int64_t id, std::vector<CauseItem> &out, std::string &error);

    /// Records feedback (the previous status is kept for undo).
    bool setStatus(std::int64_t id, AnomalyStatus status, std::string &error);
    /// Reverts the latest feedback on `id`; false with `error` when there is none.
    bool undoFeedback(std::int64_t id, std::string &error);
    /// True when `id` has feedback that undoFeedback() can revert.
    bool canUndo(std::int64_t id);

    /// Starts of anomalies marked expected, per series and grain: the detector re-baselines there.
    bool rebaselines(std::map<std::pair<SeriesKey, AnomalyGrain>, std::vector<std::int64_t>> &out, std::string &error);
    /// Marks anomalies as posted to the alert channels.
    bool markAlerted(const std::vector<std::int64_t> &ids, std::string &error);
    /// Anomalies not yet posted as alerts, newest first.
    bool unalerted(std::vector<Anomaly> &out, std::string &error);

private:
    bool fail(std::string &error);

    Cost::SqliteDb &m_db;
};

} // namespace Analytics
