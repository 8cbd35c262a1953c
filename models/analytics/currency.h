#pragma once

#include "analytics/analytics.h"
#include "store/sqlitedb.h"

#include <cstdint>
#include <string>
#include <vector>

/// The one rule for the currency a view shows (amounts are never added across currencies):
/// the currency filter's when there is one; otherwise the currency with the largest billed
/// amount in the range (ties → alphabetical) — under the view's other filters, else in the whole
/// range; otherwise, when the range holds no charges, the store's ("USD" when it holds none).
/// Every page, the report and the CLI ask here (the rollup scan applies the same rule to the
/// totals it already has, through pickDisplayCurrency). Any thread with its own connection.
namespace Analytics {

/// The rule on per-currency billed totals (any order): the filter's when not empty, else the
/// largest (ties → alphabetical); "" when `billed` is empty and there is no filter.
std::string pickDisplayCurrency(const std::vector<CurrencyAmount> &billed, const std::string &currencyFilter);

/// The value of the "currency" filter among `filters` ("" when there is none).
std::string currencyFilter(const std::vector<Filter> &filters);

/// The currency a view of [fromDay, toDay] under `filters` shows (see the namespace comment).
std::string displayCurrency(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay,
                            const std::vector<Filter> &filters = {});

/// `filters` for a view of [fromDay, toDay] in one currency: extended by displayCurrency()'s
/// currency (set in `currency`) when the range holds several and no filter picks one, so that
/// amounts of other currencies are left out rather than added. False with `error`.
bool oneCurrencyFilters(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, std::vector<Filter> &filters,
                        std::string &currency, std::string &error);

/// displayCurrency() over every day the store holds: for views without a range of their own
/// (budgets, alerts). Reads the whole daily rollup.
std::string displayCurrency(Cost::SqliteDb &db);

} // namespace Analytics
