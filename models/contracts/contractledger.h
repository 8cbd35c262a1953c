#pragma once

#include "contracts/contract.h"
#include "domain/costrecord.h"
#include "store/sqlitedb.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// What the contracts' credits and commitments come to: each commitment month's use and the
/// unused part (a cost of over-committing, billed on top of usage), each credit's balance, and a
/// forecast of when a credit runs out or whether a month's commitment will be met.
namespace Contracts {

/// Money billed in one contract's scope per day, exact; perDay[i] is day firstDay + i.
struct ScopeSpend {
    std::int64_t firstDay = 0;
    std::vector<Cost::BigMoney> perDay;
    std::string currency; ///< the scope's billing currency (the largest when several; others are left out)

    /// Billed on the days [from, toExclusive) (0 outside the series).
    Cost::BigMoney billed(std::int64_t from, std::int64_t toExclusive) const;
};

/// Forecast daily spend of a scope after its last day with data: perDay[i] is day firstDay + i.
struct SpendForecast {
    std::int64_t firstDay = 0;
    std::vector<double> perDay; ///< currency units, never negative
};

/// One calendar month of a commitment, cut to the contract's term.
struct CommitmentMonth {
    std::string contract;
    std::size_t commitment = 0; ///< index in Contract::commitments
    CommitmentKind kind = CommitmentKind::MonthlyMinimum;
    std::string note;
    std::int64_t fromDay = 0; ///< [fromDay, toDay)
    std::int64_t toDay = 0;
    /// The month's share: a monthly minimum prorated by the days of the month in the term, a
    /// provisioned fee's amortised days (amortisedFee); shares of all months sum to the fee exactly.
    Cost::BigMoney committed = 0;
    Cost::BigMoney used = 0;   ///< billed in the scope in the month up to the statement's day
    bool complete = false;     ///< the month has ended by the statement's day
    Cost::BigMoney unused = 0; ///< complete months: committed − used when positive
    std::optional<std::int64_t> metDay; ///< the day the usage reached the commitment
    /// Open months: the forecast day the usage reaches the commitment (none: not this month).
    std::optional<std::int64_t> forecastMetDay;
    Cost::BigMoney forecastUnused = 0; ///< open months: what the forecast leaves unused at month end
    std::string currency;
};

/// One credit, drawn down by the scope's billed spend from the contract's start, the credit that
/// expires first drawn first.
struct CreditBalance {
    std::string contract;
    std::size_t credit = 0; ///< index in Contract::credits
    std::string note;
    Cost::Money amount = 0;
    std::int64_t fromDay = 0;  ///< the contract's start
    std::int64_t untilDay = 0; ///< first day it can no longer be used (its expiry or the term's end)
    Cost::BigMoney used = 0;   ///< by the statement's day
    Cost::BigMoney remaining = 0;
    std::optional<std::int64_t> ranOutDay; ///< the day it was used up
    bool expired = false;                  ///< untilDay is past the statement's day
    std::optional<std::int64_t> forecastRunOutDay; ///< forecast day it is used up, before it expires
    Cost::BigMoney forecastLeftAtExpiry = 0;       ///< forecast: what expires unused (0 if it runs out)
    bool forecastOpenEnded = false; ///< no expiry and not used up within the forecast horizon
    std::string currency;
};

struct Statement {
    std::int64_t fromDay = 0;  ///< the range asked for, inclusive
    std::int64_t toDay = 0;
    std::int64_t asOfDay = 0;  ///< the last complete day of data: forecasts start the day after
    std::vector<CommitmentMonth> commitments;
    std::vector<CreditBalance> credits;

    /// Unused commitment of the complete months listed.
    Cost::BigMoney unusedTotal() const;
    bool empty() const { return commitments.empty() && credits.empty(); }
};

/// Where a commitment month or a credit stands.
enum class LineStatus : std::uint8_t {
    Met,           ///< the month's usage reached the commitment
    Unused,        ///< a complete month short of its commitment: `unused` is billed on top
    OnTrack,       ///< an open month the forecast meets (forecastMetDay)
    ShortForecast, ///< an open month the forecast leaves short by forecastUnused
    UsedUp,        ///< a credit used up (ranOutDay)
    Expired,       ///< a credit past its expiry with `remaining` unused
    RunsOut,       ///< a credit the forecast uses up on forecastRunOutDay
    ExpiresUnused, ///< a credit the forecast leaves forecastLeftAtExpiry of when it expires
    Active,        ///< a credit without expiry the forecast does not use up within its horizon
};
LineStatus status(const CommitmentMonth &month);
LineStatus status(const CreditBalance &credit);
/// "met", "unused", "on_track", "short_forecast", "used_up", "expired", "runs_out", "expires_unused", "active".
const char *statusName(LineStatus status);
/// The day a status refers to: met / forecast met, used up / forecast run out, the last usable
/// day of an expired or expiring credit; none otherwise.
std::optional<std::int64_t> statusDay(const CommitmentMonth &month);
std::optional<std::int64_t> statusDay(const CreditBalance &credit);

/// Days a forecast reaches past the statement's day at most.
inline constexpr int kForecastHorizon = 400;

/// True when a charge of provider family `family`, billing account `account`, model lookup keys
/// `keys` and token kind `kind` is in the contract's scope (a contract limited to a token kind
/// covers charges of that kind only; both cache-write kinds match a cache write).
bool inScope(const Contract &contract, std::string_view family, std::string_view account, const std::vector<std::string> &keys,
             Cost::TokenKind kind);

/// Adds `contract`'s commitment months that overlap [fromDay, toDay] and have started by asOfDay,
/// and the balances of its credits that are usable before toDay, given its scope's spend and forecast.
void accountContract(const Contract &contract, const ScopeSpend &spend, const SpendForecast &forecast, Statement &out);

/// The statement of every contract with credits or commitments over [fromDay, toDay] as of
/// `asOfDay`: reads each scope's daily spend (from the contract's start, one query) and forecasts
/// it (Analytics::forecastDaily). False with `error` on a store error.
bool buildStatement(Cost::SqliteDb &db, const std::vector<Contract> &contracts, std::int64_t fromDay, std::int64_t toDay,
                    std::int64_t asOfDay, Statement &out, std::string &error);

} // namespace Contracts
