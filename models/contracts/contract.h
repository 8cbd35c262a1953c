#pragma once

#include "domain/money.h"
#include "pricing/pricecatalog.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

/// Negotiated terms: what a provider actually charges one customer, against which list prices
/// are corrected (ContractBook), and which the store keeps (contractstore.h).
namespace Contracts {

/// Day number meaning "open-ended" for a contract's end.
inline constexpr std::int64_t kOpenEnded = std::numeric_limits<std::int64_t>::max() / 4;
/// A discount is in basis points: 2000 = 20%, 1250 = 12.5%.
inline constexpr int kFullDiscount = 10000;

/// Prepaid money the provider draws down before billing (a promotional or purchased credit).
struct Credit {
    Cost::Money amount = 0;
    std::int64_t expiresDay = kOpenEnded; ///< first day the credit can no longer be used
    std::string note;
};

/// Money the customer owes whatever the usage.
enum class CommitmentKind : std::uint8_t {
    MonthlyMinimum, ///< at least `amount` per calendar month (usage below it is billed up to it)
    Provisioned,    ///< a capacity fee of `amount` for the whole term, amortised evenly per day
};

struct Commitment {
    CommitmentKind kind = CommitmentKind::MonthlyMinimum;
    Cost::Money amount = 0;
    std::string note;
};

/// One contract: its scope (provider, optionally a billing account, a model, a token kind), its
/// term [fromDay, toDay) and its terms.
struct Contract {
    std::int64_t id = 0;          ///< store row id; 0 before it is stored
    std::string name;             ///< unique; names the contract in messages
    std::string provider;         ///< as written ("OpenAI"); matched by price family
    std::string account;          ///< billing account id or name; "" = every account
    std::string model;            ///< "" = every model; matched through the catalog's spellings
    std::optional<Pricing::PriceKind> tokenKind; ///< none = every kind
    std::int64_t fromDay = 0;     ///< first day
    std::int64_t toDay = kOpenEnded; ///< first day after the term
    int discountBp = 0;           ///< discount on list prices, basis points (0..10000)
    std::vector<Pricing::PriceEntry> prices; ///< negotiated prices per 1M tokens (model + kinds)
    std::vector<Credit> credits;
    std::vector<Commitment> commitments;

    /// True on the days of the term.
    bool activeOn(std::int64_t day) const { return day >= fromDay && day < toDay; }
    /// How specific the scope is (account, model, kind each count): more specific wins.
    int specificity() const;
};

/// "2000" basis points → "20", 1250 → "12.5": the exact percentage text.
std::string discountText(int basisPoints);
/// Parses an exact percentage ("20", "12.5", 7.25) into basis points; false beyond two decimals or
/// outside 0..100.
bool parseDiscount(const std::string &text, int &basisPoints);
/// list × (10000 − bp) / 10000, rounded half away from zero.
Cost::Money discounted(Cost::Money list, int basisPoints);

/// The part of a provisioned fee of `amount` over days [fromDay, toDay) that falls on `day`: the
/// days' parts sum to `amount` exactly (the remainder is spread, never lost). 0 outside the term.
Cost::Money amortisedFee(Cost::Money amount, std::int64_t fromDay, std::int64_t toDay, std::int64_t day);

/// "monthly_minimum" / "provisioned".
const char *commitmentKindName(CommitmentKind kind);
/// The kind named `name` (as commitmentKindName writes it); false for any other name.
bool commitmentKindFromName(const std::string &name, CommitmentKind &out);

} // namespace Contracts
