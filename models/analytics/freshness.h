#pragma once

#include "analytics/analytics.h"
#include "store/sqlitedb.h"

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

/// How complete the latest data is. Billing data for the most recent hour or day is usually
/// partial: a sync fetched the current hour while it was still running, providers publish late,
/// a FOCUS file stops mid-hour. Every source (partition source: an account sync, a file's
/// provider/account, the demo) knows up to when its data is complete; a series is complete up to
/// the earliest of the sources that still feed it. The anomaly scan opens nothing on an incomplete
/// period, charts show it as partial and the forecast does not read it as a fall.
namespace Analytics {

/// The freshness of one source.
struct SourceFreshness {
    std::string source;              ///< partition source ("sync:12", "demo", "OpenAI/org-1", …)
    std::string provider;            ///< provider of its newest charges
    bool synced = false;             ///< written by an account sync
    bool closed = false;             ///< its data covers its newest billing period to the end
    std::int64_t dataEnd = 0;        ///< end of its newest charge of at most a day (epoch s)
    std::int64_t importedAt = 0;     ///< when its newest data was fetched or imported
    std::int64_t lag = 0;            ///< how late its provider publishes (syncs only)
    std::int64_t completeUntil = 0;  ///< every charge before this instant is in the store
};

/// The freshness of every source of a store. Value type; load() on the thread that owns the store.
class Freshness {
public:
    /// Sources whose data ends this long before the newest one are read as finished, not late.
    static constexpr std::int64_t kCurrentWindow = 3 * 86400;

    /// Reads every source's freshness (the rollup and the last two days of charges). An empty
    /// store gives no sources. False with `error`.
    bool load(Cost::SqliteDb &db, std::string &error);

    /// Every source, newest data first.
    const std::vector<SourceFreshness> &sources() const { return m_sources; }
    /// End of the newest charge of any source (0 when empty).
    std::int64_t dataEnd() const;
    /// All spend is complete up to here: the combination of every source.
    std::int64_t completeUntil() const;
    /// The data of `partitionIds` is complete up to here (their sources combined; see freshness.cpp).
    std::int64_t completeUntilOf(const std::vector<std::int64_t> &partitionIds) const;
    /// The source of partition `id`, or null.
    const SourceFreshness *sourceOf(std::int64_t partitionId) const;

    /// The start of the first bucket of `step` seconds that `completeUntil` does not cover whole.
    static std::int64_t completeBucketEnd(std::int64_t completeUntil, std::int64_t step);
    /// The first day (days since the epoch, UTC) that `completeUntil` does not cover whole.
    static std::int64_t firstPartialDay(std::int64_t completeUntil) { return completeBucketEnd(completeUntil, 86400) / 86400; }
    /// How late `provider`'s usage or cost data is usually published (seconds).
    static std::int64_t providerLag(const std::string &provider);

private:
    std::int64_t combine(const std::vector<std::size_t> &sources) const;

    std::vector<SourceFreshness> m_sources;
    std::unordered_map<std::int64_t, std::size_t> m_partitionSource;
};

/// Per value of `dimension` ("" = all spend, keyed ""), within `filters`: up to when its data is
/// complete, from the sources that fed it in the last five weeks of the store. Keys are the
/// dimension's display values (Sql::dimExpr), as the series queries produce them. False with `error`.
bool seriesCompleteUntil(Cost::SqliteDb &db, const Freshness &freshness, const std::string &dimension,
                         const std::vector<Filter> &filters, std::map<std::string, std::int64_t> &out, std::string &error);

/// Up to when all spend within `filters` is complete: seriesCompleteUntil() of the whole slice,
/// from the store's freshness (loaded here). False with `error`.
bool sliceCompleteUntil(Cost::SqliteDb &db, const std::vector<Filter> &filters, std::int64_t &until, std::string &error);

} // namespace Analytics
