#include "contracts/contractbook.h"

#include "pricing/pricematching.h"

#include <algorithm>
#include <numeric>

namespace Contracts {

const char *priceBasisName(PriceBasis basis)
{
    switch (basis) {
    case PriceBasis::Negotiated: return "negotiated";
    case PriceBasis::Discount: return "discount";
    case PriceBasis::List: break;
    }
    return "list";
}

ContractBook::ContractBook(std::vector<Contract> contracts)
{
    std::vector<std::size_t> order(contracts.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Contract &x = contracts[a], &y = contracts[b];
        if (x.specificity() != y.specificity())
            return x.specificity() > y.specificity();
        return x.fromDay > y.fromDay;
    });
    for (const std::size_t i : order) {
        m_keys.push_back({PriceMatching::providerFamily(contracts[i].provider),
                          PriceMatching::primaryKey(contracts[i].model)});
        m_contracts.push_back(std::move(contracts[i]));
    }
}

bool ContractBook::matches(std::size_t i, const Pricing::PriceScope &scope) const
{
    const Contract &c = m_contracts[i];
    const Family &f = m_keys[i];
    if (f.family != scope.family || (!c.account.empty() && c.account != scope.account))
        return false;
    return f.modelKey.empty() || std::find(scope.keys.begin(), scope.keys.end(), f.modelKey) != scope.keys.end();
}

ContractPrice ContractBook::decide(const Pricing::PriceScope &scope, Pricing::PriceKind kind, std::int64_t day,
                                   std::optional<Cost::Money> list) const
{
    const Contract *discount = nullptr;
    for (std::size_t i = 0; i < m_contracts.size(); ++i) {
        const Contract &c = m_contracts[i];
        if (!c.activeOn(day) || (c.tokenKind && *c.tokenKind != kind) || !matches(i, scope))
            continue;
        // The model's most specific spelling first (a dated snapshot's own negotiated price).
        for (const std::string &key : scope.keys)
            for (const Pricing::PriceEntry &e : c.prices)
                if (e.model == key && e.tier == scope.tier && e.has(kind))
                    return {true, e.price(kind), PriceBasis::Negotiated, &c};
        if (!discount && c.discountBp > 0)
            discount = &c;
    }
    if (!list)
        return {};
    if (discount)
        return {true, discounted(*list, discount->discountBp), PriceBasis::Discount, discount};
    return {true, *list, PriceBasis::List, nullptr};
}

ContractPrice ContractBook::price(std::string_view provider, std::string_view account, std::string_view model,
                                  Pricing::PriceKind kind, std::int64_t day, std::optional<Cost::Money> listPerMillion,
                                  Pricing::Tier tier) const
{
    const std::string family = PriceMatching::providerFamily(provider);
    const std::string acc(account);
    const std::vector<std::string> keys = PriceMatching::lookupKeys(model);
    return decide({family, acc, keys, tier}, kind, day, listPerMillion);
}

std::vector<std::int64_t> ContractBook::changeDays(const Pricing::PriceScope &scope) const
{
    std::vector<std::int64_t> days;
    for (std::size_t i = 0; i < m_contracts.size(); ++i)
        if (matches(i, scope)) {
            days.push_back(m_contracts[i].fromDay);
            if (m_contracts[i].toDay != kOpenEnded)
                days.push_back(m_contracts[i].toDay);
        }
    return days;
}

void ContractBook::adjust(const Pricing::PriceScope &scope, std::int64_t day, Pricing::ResolvedPrice &price) const
{
    for (int k = 0; k < Pricing::kPriceKindCount; ++k) {
        const auto kind = static_cast<Pricing::PriceKind>(k);
        const ContractPrice p = decide(scope, kind, day, price.has(kind) ? std::optional<Cost::Money>(price.price(kind)) : std::nullopt);
        if (p.priced && p.basis != PriceBasis::List)
            price.adjust(kind, p.perMillion, nullptr);
    }
}

} // namespace Contracts
