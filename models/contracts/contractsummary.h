#pragma once

#include "analytics/analytics.h"
#include "contracts/contractledger.h"

#include <string>
#include <vector>

namespace Contracts {

/// One provider's priced token charges over a range: what was billed, and the same usage at the
/// contracts' prices and at list prices (catalog).
struct ProviderPricing {
    std::string provider;
    Cost::BigMoney billed = 0;
    Cost::BigMoney contract = 0;
    Cost::BigMoney list = 0;
};

/// What the spend pages show of the contracts: list vs contract vs billed per provider, and the
/// statement of commitments and credits.
struct Summary {
    bool any = false; ///< the store holds contracts
    std::vector<ProviderPricing> pricing; ///< largest bill first; providers with priced tokens only
    std::string currency;                 ///< of `pricing`
    Statement statement;
};

/// The summary of [fromDay, toDay] under `filters` (the pricing; the statement covers each
/// contract's whole scope) as of `asOfDay`. Empty (any false) without contracts. False with `error`.
bool summarize(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, const std::vector<Analytics::Filter> &filters,
               std::int64_t asOfDay, Summary &out, std::string &error);

} // namespace Contracts
