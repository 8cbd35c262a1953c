#pragma once

#include "store/sqlitedb.h"
#include "telemetry/usage.h"

#include <string>
#include <string_view>

/// The attribute mapping (which span or resource attributes name the feature, team and user) is
/// the user's to change, like allocation rules: kept in the store (`setting` "telemetry.mapping") as
/// the JSON exchange format `{"feature": ["app.feature", "service.name"], "team": [...],
/// "user": [...]}` — per key, the attribute names in order of preference (the first one a span or
/// its resource carries wins; at most 8, none empty). It applies to what is received or imported
/// from then on: telemetry is stored aggregated by feature, team and user, so calls already stored
/// keep theirs.
namespace Telemetry {

inline constexpr std::size_t kMaxMappingAttributes = 8;

/// The JSON exchange format (keys in the order feature, team, user).
std::string toJson(const Mapping &mapping);
/// Parses the JSON exchange format; false with `error` naming the field ("team[2]: …").
bool fromJson(std::string_view json, Mapping &mapping, std::string &error);

/// The stored mapping, or the default one when none was saved. False with `error`.
bool loadMapping(Cost::SqliteDb &db, Mapping &mapping, std::string &error);
/// Stores `mapping` (replacing the stored one); false with `error`.
bool saveMapping(Cost::SqliteDb &db, const Mapping &mapping, std::string &error);

} // namespace Telemetry
