#pragma once

#include "store/sqlitedb.h"
#include "telemetry/usage.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace Telemetry {

/// What one ingest added.
struct IngestResult {
    std::int64_t calls = 0;      ///< model calls added
    std::int64_t duplicates = 0; ///< calls already stored (same source and id), skipped
    std::int64_t requests = 0;   ///< requests the added calls stand for
    std::int64_t tokens = 0;     ///< tokens they carried, every kind
    std::int64_t firstHour = 0;  ///< UTC hours (epoch hours) the added calls span; first > last when none
    std::int64_t lastHour = -1;
};

/// Adds `usage` received or read from `source` ("otlp", "csv", …) in one write transaction (a
/// savepoint inside the caller's): a call whose (source, id) is stored already is skipped, the rest
/// are summed per UTC hour × (provider family, canonical model, feature, team, user, source) into
/// `telemetry_usage`, with request counts and a latency histogram. All or nothing: false with
/// `error` and the store as it was.
/// `joinBill` false leaves the telemetry ⋈ bill split of the added hours to the caller (a file
/// ingested in pieces inside one transaction joins once, at the end).
bool ingest(Cost::SqliteDb &db, std::string_view source, const std::vector<Usage> &usage, IngestResult &result,
            std::string &error, bool joinBill = true);

/// Latency histogram of stored rows: buckets a quarter of an octave wide, as "bucket:count,…".
namespace Latency {
int bucketOf(std::int64_t ms);
/// The representative latency of a bucket (its geometric middle), in ms.
double valueOf(int bucket);
/// `stored` with `add` (bucket → count) added, in the stored form.
std::string merge(std::string_view stored, const std::vector<std::int64_t> &add);
/// The p-quantile (0 < p ≤ 1) of the histograms added into `counts` (index = bucket); -1 when empty.
double quantile(const std::vector<std::int64_t> &counts, double p);
/// Adds a stored histogram into `counts`.
void accumulate(std::string_view stored, std::vector<std::int64_t> &counts);
inline constexpr int kBuckets = 96; ///< up to 2^24 ms (4.6 hours); slower calls go in the last bucket
} // namespace Latency

} // namespace Telemetry
