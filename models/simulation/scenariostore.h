#pragma once

#include "simulation/scenario.h"
#include "store/sqlitedb.h"

#include <string>
#include <vector>

/// Saved scenarios (migration 6): stored as their JSON definition under a unique name.
namespace Simulation {

/// Saves (or replaces, by name) a scenario.
bool saveScenario(Cost::SqliteDb &db, const Scenario &scenario, std::string &error);

/// Every saved scenario, by name. A stored definition that no longer parses is an error naming it.
bool loadScenarios(Cost::SqliteDb &db, std::vector<Scenario> &out, std::string &error);

/// Removes a saved scenario; false when none has that name.
bool removeScenario(Cost::SqliteDb &db, const std::string &name, std::string &error);

} // namespace Simulation
