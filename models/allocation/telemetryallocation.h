#pragma once

#include "store/sqlitedb.h"

#include <cstdint>
#include <string>

/// The telemetry ⋈ bill join, materialised: per charge combination and UTC day, the allocation
/// parts the applications' telemetry gives (combo_allocation rows with day ≥ 0). They win over the
/// static parts (day = -1: the charge's tags, else the rules) for that combination and day.
///
/// Precedence, per combination: a feature tag on the charge (its static parts, so a rule that
/// matches a tagged charge keeps working), then telemetry for that day, then the rules, then
/// "(unallocated)". A combination takes part in the join when it is untagged and has a canonical
/// model and a token kind of input, cached input, cache write, output or none. For each day ×
/// provider family × canonical model × token kind, B = the billed tokens of those combinations,
/// t_f = telemetry tokens per (feature, team), T = Σ t_f: feature f gets t_f / max(B, T) of each of
/// the combinations' amounts, "(untracked)" the rest (telemetrySplit). Where the bill carries no
/// token quantity (B = 0, or the charge's token kind is unknown) the telemetry tokens priced with
/// the catalog's list prices are the whole split.
///
/// Where the bill is hourly (every charge of the key that day lies within one UTC hour), the split is
/// made per hour: hour h's cost C_h goes C_h·t_f,h / max(B_h, T_h) to feature f, an hour without
/// telemetry is untracked, and the day's parts are those amounts over the day's cost. A daily or
/// monthly charge in the key, or a credit, keeps the daily split.
namespace Allocation {

/// Recomputes the telemetry parts of the UTC days [fromDay, toDay] (days before 1970 are never
/// joined). Runs inside the caller's write transaction; false with `error`.
bool allocateTelemetry(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, std::string &error);

/// allocateTelemetry() over every day with charges or telemetry.
bool allocateTelemetryAll(Cost::SqliteDb &db, std::string &error);

} // namespace Allocation
