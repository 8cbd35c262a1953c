#pragma once

#include "store/sqlitedb.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <utility>

/// When in the day a feature's traffic arrives (the batch recommendation, the api_to_endpoint step
/// sizing an endpoint from hourly load): tokens per UTC hour of day per
/// (feature, model), from hourly charges and application telemetry. A shape, not money: a charge
/// split between features by allocation counts for each of them.
namespace Simulation {

/// What the hourly shape says about a feature's traffic.
enum class TrafficShape {
    Unknown,     ///< too little hourly data
    Interactive, ///< a day/night cycle: its quietest 8 hours run below 60% of its busiest 8
    Flat,        ///< about as much at night as by day: not human-driven
    Bulk         ///< half of it or more in 3 hours of the day or fewer: scheduled runs
};

struct TrafficProfiles {
    /// (feature, model lookup key) → tokens per UTC hour of day; a model counts under each of its keys.
    std::map<std::pair<std::string, std::string>, std::array<std::int64_t, 24>> byFeatureModel;

    /// The shape of a feature's traffic on a model (any spelling of it).
    TrafficShape shape(const std::string &feature, const std::string &model) const;
    /// The tokens per hour of day of a feature on a model (its first spelling with a profile), or null.
    const std::array<std::int64_t, 24> *profile(const std::string &feature, const std::string &model) const;
};

/// The shape of one hourly profile (a ring: the quietest and busiest 8 consecutive hours, so the
/// user's time zone does not matter).
TrafficShape shapeOf(const std::array<std::int64_t, 24> &tokens);

/// Reads the profiles of [fromDay, toDay]: charges of an hour or less (`fact`, the feature from the
/// static allocation) and `telemetry_usage` hours. False with `error` on a store error.
bool loadTrafficProfiles(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, TrafficProfiles &out,
                         std::string &error);

} // namespace Simulation
