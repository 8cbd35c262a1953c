#pragma once

#include "domain/money.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace Cost {

/// What a token-priced charge paid for. Stored as its integer value.
enum class TokenKind : std::uint8_t { None = 0, Input = 1, CachedInput = 2, CacheWrite = 3, Output = 4, Other = 5 };

/// Stable lower-case name of a token kind ("input", "cached_input", "cache_write", "output", "other", "").
std::string_view tokenKindName(TokenKind kind);

/// Inverse of tokenKindName; unknown names give TokenKind::None.
TokenKind tokenKindFromName(std::string_view name);

/// The dictionary-encoded dimensions of a charge. The order is the column order of the
/// `combo` table; append only (the schema depends on it).
enum class Dim : std::uint8_t {
    Provider,
    Publisher,
    InvoiceIssuer,
    HostProvider,
    Service,
    ServiceCategory,
    ServiceSubcategory,
    BillingAccount,
    BillingAccountName,
    BillingAccountType,
    SubAccount,
    SubAccountName,
    SubAccountType,
    Region,
    RegionName,
    AvailabilityZone,
    ResourceId,
    ResourceName,
    ResourceType,
    SkuId,
    SkuMeter,
    SkuPriceId,
    SkuPriceDetails,
    ChargeCategory,
    ChargeClass,
    ChargeFrequency,
    ChargeDescription,
    PricingCategory,
    ConsumedUnit,
    PricingUnit,
    Currency,
    CommitmentDiscountId,
    Tags,
    Model,
    Feature,
    Team,
    UsageType,
    ListUnitPrice,
    ContractedUnitPrice,
    Count
};

inline constexpr std::size_t kDimCount = static_cast<std::size_t>(Dim::Count);

/// Column name of a dimension in the `combo` table.
std::string_view dimColumn(Dim dim);

/// Money columns of a charge; a record says which of them are present.
enum class Amount : std::uint8_t { Billed, Effective, List, Contracted, Count };

inline constexpr std::size_t kAmountCount = static_cast<std::size_t>(Amount::Count);

/// One charge on its way into the store. Strings are views: the producer (CSV reader, demo
/// generator, connector) owns the bytes until the record has been handed to the ingestor.
struct Record {
    std::array<std::string_view, kDimCount> dims{};
    TokenKind tokenKind = TokenKind::None;
    std::int64_t chargeStart = 0;       ///< UTC epoch seconds, inclusive
    std::int64_t chargeEnd = 0;         ///< UTC epoch seconds, exclusive
    std::int64_t billingPeriodStart = 0;
    std::int64_t billingPeriodEnd = 0;
    std::array<Money, kAmountCount> amounts{};
    std::uint8_t amountPresent = 0;     ///< bit i set = amounts[i] is known
    double consumedQuantity = NAN;
    double pricingQuantity = NAN;
    std::int64_t tokens = -1;           ///< -1 = not a token charge or unknown
    std::int64_t requests = -1;         ///< -1 = unknown
    std::string_view extras;            ///< JSON object of columns kept verbatim, or empty

    std::string_view dim(Dim d) const { return dims[static_cast<std::size_t>(d)]; }
    void setDim(Dim d, std::string_view v) { dims[static_cast<std::size_t>(d)] = v; }
    void setDim(Dim d, const char *v) { setDim(d, std::string_view(v)); }
    /// A record only views its text: a temporary string would dangle as soon as the call returns.
    void setDim(Dim d, std::string &&v) = delete;
    bool has(Amount a) const { return (amountPresent >> static_cast<unsigned>(a)) & 1U; }
    Money amount(Amount a) const { return amounts[static_cast<std::size_t>(a)]; }
    void setAmount(Amount a, Money v)
    {
        amounts[static_cast<std::size_t>(a)] = v;
        amountPresent = static_cast<std::uint8_t>(amountPresent | (1U << static_cast<unsigned>(a)));
    }
};

} // namespace Cost
