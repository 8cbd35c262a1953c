#pragma once

#include "anomaly/anomalyscan.h"
#include "anomaly/causephrase.h"
#include "domain/money.h"
#include "store/sqlitedb.h"

#include <array>
#include <string>
#include <vector>

/// Root cause of an anomaly: which dimension values carry the excess (or the shortfall) against
/// a baseline of the same hours of previous days (hourly) or the same weekdays of previous weeks
/// (daily). Exact money throughout.
namespace Analytics {

/// Dimensions a cause can be, in tie-break order (Endpoint, added last, ranks with the "who"
/// dimensions but after all of them).
enum class CauseDim { Feature, Model, Team, Provider, Account, SubAccount, UsageType, TokenKind, Region, Service, Endpoint, Count };
inline constexpr std::size_t kCauseDimCount = static_cast<std::size_t>(CauseDim::Count);
/// The analytics dimension name ("feature", "billing_account", "token_kind", …).
const char *causeDimName(CauseDim dim);
/// Words for people ("feature", "account", "token kind", …).
const char *causeDimLabel(CauseDim dim);

/// Spend of one combination of dimension values in the anomaly window and in each baseline window.
struct CauseCell {
    std::array<std::string, kCauseDimCount> values;
    Cost::BigMoney actual = 0;
    std::vector<Cost::BigMoney> baseline; ///< one per baseline window
};

/// One ranked cause.
struct CauseItem {
    std::string dimension;     ///< analytics dimension name
    std::string value;         ///< "" = none / unallocated
    Cost::BigMoney actual = 0;
    Cost::BigMoney baseline = 0; ///< median of the baseline windows
    double share = 0;            ///< of the dimension's net change (1 = all of it)
    Cost::BigMoney delta() const { return actual - baseline; }
};

struct RootCause {
    Cost::BigMoney actual = 0;
    Cost::BigMoney baseline = 0;
    std::vector<CauseItem> items; ///< best explanation first
    std::size_t informative = 0;  ///< the first this many items explain the change; the rest only restate it
    CausePhrase phrase;           ///< the sentence as parts, for the app to word in the user's language
    std::string sentence;         ///< its English: "82% from feature agent on claude-3-5-sonnet, output tokens ×9"
};

/// Ranks causes from cells with `windows` baseline windows each, by how much more of the change
/// than of the baseline a value carries (see rootcause.cpp). `skip` is the anomaly's own series
/// dimension (constant, so no explanation); pure.
RootCause rankCauses(const std::vector<CauseCell> &cells, std::size_t windows, const std::string &skip);

/// The baseline windows of an anomaly: shifts (seconds) back from its window.
std::vector<std::int64_t> baselineShifts(const Anomaly &anomaly);

/// Reads the anomaly's spend by cause dimensions and ranks the causes. False with `error`.
bool explainAnomaly(Cost::SqliteDb &db, const Anomaly &anomaly, RootCause &out, std::string &error);

} // namespace Analytics
