#pragma once

#include "contracts/contract.h"
#include "pricing/priceadjuster.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Contracts {

/// Where a price paid under contracts came from, in decreasing precedence.
enum class PriceBasis : std::uint8_t { Negotiated, Discount, List };
/// "negotiated", "discount", "list".
const char *priceBasisName(PriceBasis basis);

/// The price of one token kind on one day under the contracts.
struct ContractPrice {
    bool priced = false;               ///< false: no list price and no negotiated price
    Cost::Money perMillion = 0;
    PriceBasis basis = PriceBasis::List;
    const Contract *contract = nullptr; ///< the contract that set the price (nullptr for list)
};

/// The contracts in force, applied to list prices. Precedence for one (provider, account, model,
/// token kind, tier, day): among the contracts whose scope matches and whose term includes the
/// day, taken most specific first (account, then model, then token kind; a later start first on
/// a tie), a negotiated price for the model and kind wins; otherwise the first one's discount
/// (with a discount) applies to the list price; otherwise the list price stands.
/// Immutable after construction; share it read-only across threads.
class ContractBook : public Pricing::PriceAdjuster {
public:
    ContractBook() = default;
    explicit ContractBook(std::vector<Contract> contracts);

    const std::vector<Contract> &contracts() const { return m_contracts; }
    bool empty() const { return m_contracts.empty(); }

    /// The contract price of `model` (any spelling) billed by `provider` (any spelling) to
    /// `account` ("" = unknown) for tokens of `kind` on `day`, given the catalog's list price
    /// (none when the catalog has none).
    ContractPrice price(std::string_view provider, std::string_view account, std::string_view model, Pricing::PriceKind kind,
                        std::int64_t day, std::optional<Cost::Money> listPerMillion,
                        Pricing::Tier tier = Pricing::Tier::Standard) const;

    std::vector<std::int64_t> changeDays(const Pricing::PriceScope &scope) const override;
    void adjust(const Pricing::PriceScope &scope, std::int64_t day, Pricing::ResolvedPrice &price) const override;

private:
    struct Family {
        std::string family;     ///< PriceMatching::providerFamily of the contract's provider
        std::string modelKey;   ///< primary key of the contract's model; "" = any
    };
    std::vector<Contract> m_contracts; ///< most specific first
    std::vector<Family> m_keys;        ///< parallel to m_contracts

    bool matches(std::size_t i, const Pricing::PriceScope &scope) const;
    ContractPrice decide(const Pricing::PriceScope &scope, Pricing::PriceKind kind, std::int64_t day,
                         std::optional<Cost::Money> list) const;
};

} // namespace Contracts
