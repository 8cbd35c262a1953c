#pragma once

#include "pricing/pricecatalog.h"

#include <cstdint>
#include <string>
#include <vector>

namespace Pricing {

/// What a usage group is priced as: its provider family, billing account, model lookup keys and tier.
struct PriceScope {
    const std::string &family;
    const std::string &account;
    const std::vector<std::string> &keys;
    Tier tier = Tier::Standard;
};

/// A hook between the catalog's list prices and the prices a customer pays (negotiated contracts
/// implement it: Contracts::ContractBook). Implementations are immutable while they are read and
/// shared read-only across threads, like the catalog.
class PriceAdjuster {
public:
    virtual ~PriceAdjuster() = default;
    /// Days on which the adjustment of `scope` may change (a term starts or ends), any order.
    virtual std::vector<std::int64_t> changeDays(const PriceScope &scope) const = 0;
    /// Turns `price`, the list price of `scope` on `day`, into the price paid on that day.
    virtual void adjust(const PriceScope &scope, std::int64_t day, ResolvedPrice &price) const = 0;
};

} // namespace Pricing
