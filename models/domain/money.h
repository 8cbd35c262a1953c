#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

/// Exact money. Amounts are signed 64-bit integers in units of 10^-10 of the billing currency
/// (a tenth of a nano-unit): FOCUS producers emit up to ten decimals, and this keeps every one
/// of them exactly while a single amount can still reach ±922 million. Sums that could exceed
/// that range are carried in 128 bits (Cost::BigMoney).
namespace Cost {

using Money = std::int64_t;
__extension__ typedef __int128 BigMoney;
__extension__ typedef unsigned __int128 UBigMoney;

inline constexpr int kMoneyDecimals = 10;
inline constexpr Money kMoneyScale = 10'000'000'000LL;

/// Outcome of parsing a decimal text into Money.
enum class ParseStatus { Ok, Empty, Invalid, Overflow, Rounded };

/// Parses a plain decimal ("-12.5", "3", "1.2e-5", ".5") exactly; more than ten decimals are
/// rounded half-to-even and reported as Rounded (the value is still set).
ParseStatus parseMoney(std::string_view text, Money &out);

/// Formats an amount as an exact decimal with at least `minDecimals` and at most ten decimals.
std::string formatMoney(BigMoney value, int minDecimals = 2);

/// Converts an amount to a double for drawing only (never for sums).
inline double toDouble(BigMoney value) { return static_cast<double>(value) / static_cast<double>(kMoneyScale); }

/// Converts a double (e.g. a JSON number from an API) to Money, rounding to the nearest unit.
Money fromDouble(double value);

/// Parses a decimal string produced by formatMoney or SQLite back into a BigMoney.
std::optional<BigMoney> parseBigMoney(std::string_view text);

} // namespace Cost
