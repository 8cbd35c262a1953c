#pragma once

#include "store/sqlitedb.h"

#include <cstdint>
#include <string>
#include <vector>

/// What the applications' telemetry says per feature, team or model over a range: requests,
/// distinct users and latency percentiles — the figures the bill cannot give (cost per 1,000
/// requests, per user, p50 / p95 next to cost; issue #24 item 4).
namespace Telemetry {

enum class StatsBy { Feature, Team, Model };

struct Stats {
    std::string value;          ///< the feature, team or canonical model ("" = not named)
    std::string provider;       ///< price family (StatsBy::Model only)
    std::int64_t requests = 0;
    std::int64_t users = 0;     ///< distinct named users
    std::int64_t tokens = 0;    ///< every kind: uncached input, cached input, cache writes, output
    std::int64_t timed = 0;     ///< calls with a latency
    double p50Ms = -1;          ///< -1 when no call was timed
    double p95Ms = -1;
};

/// Per value of `by` over the UTC days [fromDay, toDay], most requests first. Safe on any thread
/// with its own connection; false with `error` on a store error.
bool stats(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, StatsBy by, std::vector<Stats> &out,
           std::string &error);

} // namespace Telemetry
