#pragma once

#include "domain/money.h"

#include <cstdint>
#include <string>
#include <vector>

/// The telemetry ⋈ bill split (issue #24): how one day's billed cost of a (provider family,
/// canonical model, token kind) is shared between the features that the applications' own
/// telemetry says used it. Pure functions; the store side is telemetryallocation.h.
namespace Allocation {

/// The feature that gets what the telemetry does not account for.
inline constexpr const char *kUntracked = "(untracked)";

/// One (feature, team)'s telemetry for a key: tokens, or tokens priced with the catalog.
struct TelemetryWeight {
    std::string feature;
    std::string team;
    Cost::BigMoney weight = 0;
};

/// One part of the split, with its cumulative share in parts per million (as combo_allocation).
struct SplitPart {
    std::string feature;
    std::string team;
    std::int64_t before = 0;
    std::int64_t after = 0;
    bool operator==(const SplitPart &) const = default;
};

/// Feature f gets weight_f / max(billed, Σ weight), as cumulative shares floor(10⁶·Σ_{≤f} / max(…)),
/// so that alloc() splits every amount into parts that add up to it; the rest of 10⁶ goes to
/// kUntracked (no team). Weights of one (feature, team) are added; ≤ 0 weights are dropped; parts
/// come in (feature, team) order. Empty when no weight is positive (the caller falls back to rules).
/// `billed` ≤ 0 means the bill carries no quantity: the telemetry is the whole (no untracked part).
std::vector<SplitPart> telemetrySplit(std::vector<TelemetryWeight> weights, Cost::BigMoney billed);

} // namespace Allocation
