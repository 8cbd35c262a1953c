#pragma once

#include "pricing/pricecatalog.h"
#include "store/sqlitedb.h"

#include <string>
#include <string_view>
#include <vector>

/// Prices kept in the store (migration 6): the imported layer (a LiteLLM file) and the user's
/// own prices. Threading: the caller's connection, on the caller's thread.
namespace Pricing {

/// The full catalog: the curated resource plus the store's imported and user layers, with the
/// stored contracts as its adjuster (none when there is no contract).
bool loadCatalog(Cost::SqliteDb &db, PriceCatalog &out, std::string &error);

/// Adds the store's imported and user entries to `catalog`.
bool loadStoredPrices(Cost::SqliteDb &db, PriceCatalog &catalog, std::string &error);

/// Replaces the whole imported layer with `entries` in one transaction.
bool replaceImported(Cost::SqliteDb &db, const std::vector<PriceEntry> &entries, std::string &error);

/// Adds or replaces user prices (same provider, model, tier, band and date) in one transaction.
bool saveUserPrices(Cost::SqliteDb &db, const std::vector<PriceEntry> &entries, std::string &error);

/// Removes one user price; false when there was none.
bool removeUserPrice(Cost::SqliteDb &db, const PriceEntry &key, std::string &error);

/// What `prices import` did.
struct PriceImportResult {
    std::string format; ///< "litellm" or "burnrate"
    Layer layer = Layer::Imported;
    int entries = 0;
    int models = 0;
    int skipped = 0;
};

/// Imports a price file: LiteLLM's JSON replaces the imported layer; Burnrate's own catalog
/// format ("burnrate_prices": 1) adds to the user layer. The store is unchanged on error.
bool importPriceFile(Cost::SqliteDb &db, std::string_view bytes, const std::string &fileName, PriceImportResult &result,
                     std::string &error);

} // namespace Pricing
