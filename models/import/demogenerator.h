#pragma once

#include "import/ingestor.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace Cost {

/// Shape of the demo workspace.
struct DemoOptions {
    std::int64_t endDay = 0;   ///< last day with data (day number); usually today
    std::int64_t endTime = 0;  ///< no charges at or after this instant (epoch s); 0 = end of endDay
    int days = 180;            ///< history length
    std::uint32_t seed = 42;   ///< deterministic noise
};

/// Fills the store with a realistic demo workspace in one transaction: hourly token charges
/// for five providers, ten models, six features and teams, daily and weekly seasonality,
/// growth, and incidents (a runaway agent, a silent drop, a price cut, a model launch).
/// Re-running replaces the previous demo. Progress is 0–100 on the calling thread.
bool generateDemo(SqliteDb &db, const DemoOptions &options, const std::function<void(int)> &progress,
                  const std::atomic_bool *cancel, IngestResult &result, std::string &error);

} // namespace Cost
