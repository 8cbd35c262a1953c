#pragma once

#include "budget/budget.h"
#include "store/sqlitedb.h"

#include <string>
#include <vector>

/// Budget definitions in the store (tables of schema migration 3). Functions of one connection:
/// call them on the thread that owns it. Errors are returned, never shown.
namespace Budgets {

/// Saves a new budget (validated first) and sets its id; false with `error` (e.g. a duplicate name).
bool addBudget(Cost::SqliteDb &db, Budget &budget, std::string &error);

/// Replaces a saved budget's definition (by id); its alert history stays.
bool updateBudget(Cost::SqliteDb &db, const Budget &budget, std::string &error);

/// Removes the budget called `name`; its fired alerts stay in the history. False when none.
bool removeBudget(Cost::SqliteDb &db, const std::string &name, std::string &error);

/// Every budget, ordered by name.
bool loadBudgets(Cost::SqliteDb &db, std::vector<Budget> &out, std::string &error);

/// The budget called `name`; false with `error` when there is none.
bool findBudget(Cost::SqliteDb &db, const std::string &name, Budget &out, std::string &error);

} // namespace Budgets
