#pragma once

#include "analytics/analytics.h"
#include "store/sqlitedb.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

/// Getting charges out: the store's charges as a FOCUS 1.2 CSV (README "FOCUS export").
namespace Export {

/// Which charges to export.
struct FocusExportRequest {
    std::optional<std::int64_t> fromDay;    ///< inclusive day number of ChargePeriodStart (UTC)
    std::optional<std::int64_t> toDay;      ///< inclusive
    std::vector<Analytics::Filter> filters; ///< DIM=VALUE, the dimensions of `burnrate totals --filter`
};

/// What an export wrote.
struct FocusExportResult {
    std::int64_t rows = 0;          ///< CSV rows (without the header)
    std::int64_t charges = 0;       ///< stored charges they came from
    std::int64_t splitCharges = 0;  ///< charges an allocation rule split over several rows
    std::int64_t columns = 0;
    bool cancelled = false;         ///< stopped by `cancel`; no file was written
};

/// Called with 0–100 every few thousand charges, on the exporting thread.
using FocusExportProgress = std::function<void(int percent)>;

/// Writes the store's charges (after allocation rules) as FOCUS 1.2 CSV to `path`: streaming
/// (memory does not grow with the store), one consistent read snapshot, money as exact
/// decimals of the stored integer units. The file appears only when complete (written next to
/// it, then renamed); a cancelled or failed export leaves `path` as it was. Runs on the
/// calling thread, which owns `db`. False with `error` ("cannot write PATH: why", a bad filter).
bool exportFocus(Cost::SqliteDb &db, const std::string &path, const FocusExportRequest &request,
                 const FocusExportProgress &progress, const std::atomic_bool *cancel, FocusExportResult &result,
                 std::string &error);

} // namespace Export
