#pragma once

#include "contracts/contract.h"
#include "store/sqlitedb.h"

#include <string>
#include <vector>

/// Contracts kept in the store (migration 13: one row per contract, its definition as JSON).
/// Threading: the caller's connection, on the caller's thread.
namespace Contracts {

/// Every stored contract, by name; false with `error` (naming the contract) on a bad row.
bool loadContracts(Cost::SqliteDb &db, std::vector<Contract> &out, std::string &error);

/// Adds a contract (id 0) or updates the one with its id; validates first. Sets `contract.id`.
bool saveContract(Cost::SqliteDb &db, Contract &contract, std::string &error);

/// Removes a contract by id; false when there was none.
bool removeContract(Cost::SqliteDb &db, std::int64_t id, std::string &error);

/// What importContracts did.
struct ImportResult {
    int added = 0;
    int replaced = 0; ///< contracts of the same name, overwritten
    int removed = 0;  ///< with `replaceAll`: stored contracts not in the file
};

/// Stores `contracts` in one transaction: each adds or replaces the stored contract of its name;
/// with `replaceAll` the contracts not in the list are removed. The store is unchanged on error.
bool importContracts(Cost::SqliteDb &db, const std::vector<Contract> &contracts, bool replaceAll, ImportResult &result,
                     std::string &error);

} // namespace Contracts
