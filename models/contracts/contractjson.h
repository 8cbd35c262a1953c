#pragma once

#include "contracts/contract.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

/// Contracts as JSON ({"burnrate_contracts": 1, "contracts": [...]}, README "Contracts"): the
/// import/export file format and the stored definition of each contract. Never throws: a wrong
/// type or value is an error naming the contract and the field.
namespace Contracts {

/// Reads a contracts file; false with "contracts[I] (NAME): field 'F': why" and `out` unchanged.
bool fromJson(std::string_view json, std::vector<Contract> &out, std::string &error);

/// Writes contracts in the file format (ids are not written).
std::string toJson(const std::vector<Contract> &contracts);

/// One contract as a JSON object (the stored definition) and back; `where` names it in errors.
nlohmann::json contractToJson(const Contract &contract);
bool contractFromJson(const nlohmann::json &obj, const std::string &where, Contract &out, std::string &error);

/// Checks a contract built in code (the dialog) by the same rules as the file: false with the error.
bool validate(const Contract &contract, std::string &error);

} // namespace Contracts
