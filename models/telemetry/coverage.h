#pragma once

#include "domain/costrecord.h"
#include "domain/money.h"
#include "store/sqlitedb.h"

#include <cstdint>
#include <string>
#include <vector>

namespace Telemetry {

/// How much of one day's billed usage of a (provider family, canonical model, token kind) the
/// applications' telemetry accounts for.
struct CoverageRow {
    std::int64_t day = 0;
    std::string provider; ///< price family: "openai", "anthropic", "bedrock", "azure", "vertex", …
    std::string model;    ///< canonical model
    Cost::TokenKind kind = Cost::TokenKind::None;
    std::int64_t billedTokens = 0;
    std::int64_t telemetryTokens = 0;
    Cost::BigMoney billed = 0;   ///< what the bill charged for them, in `currency`
    std::string currency;        ///< of `billed` and `estimate`
    Cost::BigMoney estimate = 0; ///< the telemetry tokens at catalog list prices
    bool priced = false;         ///< the catalog has a price for this model and kind
    /// Telemetry tokens ÷ billed tokens in percent; -1 when the bill carries no tokens.
    double coveragePercent() const;
    /// A broken instrumentation is an incident too: telemetry over the bill (by more than 1 %), or
    /// billed tokens with none reported.
    bool flagged() const;
};

/// A range's coverage in one line (the By feature page): tokens summed over the rows where the bill
/// carries tokens, and the days with a flagged row of a (provider, model, kind) that has telemetry
/// somewhere in the range (what the applications instrument: over the bill, or missing that day).
struct CoverageSummary {
    std::int64_t billedTokens = 0;
    std::int64_t telemetryTokens = 0; ///< of those rows
    std::int64_t flaggedDays = 0;
    bool telemetry = false;           ///< any telemetry in the range at all
    /// Telemetry tokens ÷ billed tokens in percent; -1 when the bill carries no tokens.
    double percent() const;
};
CoverageSummary summarize(const std::vector<CoverageRow> &rows);
/// True when the store holds telemetry for a day of [fromDay, toDay] (one probe of the hour key):
/// a view without any skips the coverage query.
bool hasTelemetry(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay);

/// Coverage for every day of [fromDay, toDay] with billed tokens or telemetry, by day, provider,
/// model and kind. Input, cached input, cache writes and output are matched to the bill's kinds of
/// the same name. False with `error` on a store error.
bool coverage(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, std::vector<CoverageRow> &out,
              std::string &error);

} // namespace Telemetry
