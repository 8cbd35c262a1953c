#pragma once

#include "import/ingestor.h"
#include "telemetry/usage.h"

#include <cstdint>
#include <random>
#include <vector>

namespace Cost {

/// The demo workspace's two self-hosted endpoints (issue #18): `support-llama`, a SageMaker
/// ml.g5.12xlarge serving Llama 3.1 70B around the clock and busy every hour, and `mistral-lab/blue`,
/// an Azure ML managed online endpoint on an NC4as T4 v3 serving Mistral 7B that answers a few calls
/// on weekday late mornings and idles the rest of the time. One hourly charge per endpoint and hour, and the matching
/// telemetry (one summed row per endpoint-hour with calls).
class DemoEndpoints {
public:
    /// Resolves the charges of the hour starting at `start` into `batch` and appends the calls of
    /// that hour to `calls`. `weekly` and `diurnal` are the demo's load shape for the hour.
    void addHour(Ingestor &ingestor, std::vector<FactRow> &batch, std::int64_t start, std::int64_t periodStart,
                 std::int64_t periodEnd, double diurnal, double weekly, std::vector<Telemetry::Usage> &calls);

private:
    std::mt19937_64 m_rng{0x5eed'e2d0};
    std::lognormal_distribution<double> m_noise{0.0, 0.15};
};

/// Replaces the demo's telemetry (source "demo") with `calls`, in the caller's transaction or its
/// own; false with `error`.
bool storeDemoTelemetry(SqliteDb &db, const std::vector<Telemetry::Usage> &calls, std::string &error);

} // namespace Cost
