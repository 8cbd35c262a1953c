#pragma once

#include "store/sqlitedb.h"

#include <string>

namespace Endpoints {

/// Decodes the combinations a store held before it knew endpoints (schema 17 and older), so an
/// upgraded store shows its hour-billed lines at once instead of after their files are imported
/// again: the same deriveEndpoint the ingestor runs on a new combination, from its stored texts.
/// Runs inside the caller's write transaction (the migration's); false with `error`.
bool decodeStoredCombos(Cost::SqliteDb &db, std::string &error);

} // namespace Endpoints
