#include "analytics/currency.h"

#include "analytics/analyticssql.h"

#include <algorithm>

namespace Analytics {

namespace {

// Billed per currency of [fromDay, toDay] under `filters`; false with `error`.
bool billedByCurrency(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, const std::vector<Filter> &filters,
                      std::vector<CurrencyAmount> &out, std::string &error)
{
    TotalsRequest request;
    request.by = {"currency"};
    request.fromDay = fromDay;
    request.toDay = toDay;
    request.filters = filters;
    std::vector<TotalsRow> rows;
    if (!totals(db, request, rows, error))
        return false;
    out.clear();
    for (const TotalsRow &row : rows)
        if (!row.keys.empty() && !row.keys[0].empty())
            out.emplace_back(row.keys[0], row.value);
    return true;
}

} // namespace

std::string pickDisplayCurrency(const std::vector<CurrencyAmount> &billed, const std::string &currencyFilter)
{
    if (!currencyFilter.empty())
        return currencyFilter;
    const auto largest = std::min_element(billed.begin(), billed.end(), [](const CurrencyAmount &a, const CurrencyAmount &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    return largest == billed.end() ? std::string() : largest->first;
}

std::string currencyFilter(const std::vector<Filter> &filters)
{
    const auto chosen = std::find_if(filters.begin(), filters.end(), [](const Filter &f) { return f.first == "currency"; });
    return chosen == filters.end() ? std::string() : chosen->second;
}

std::string displayCurrency(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, const std::vector<Filter> &filters)
{
    const std::string filtered = currencyFilter(filters);
    if (!filtered.empty())
        return filtered;
    std::string error;
    std::vector<CurrencyAmount> billed;
    if (!filters.empty() && billedByCurrency(db, fromDay, toDay, filters, billed, error) && !billed.empty())
        return pickDisplayCurrency(billed, {});
    if (billedByCurrency(db, fromDay, toDay, {}, billed, error) && !billed.empty())
        return pickDisplayCurrency(billed, {});
    return Sql::comboCurrency(db);
}

bool oneCurrencyFilters(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, std::vector<Filter> &filters,
                        std::string &currency, std::string &error)
{
    currency = displayCurrency(db, fromDay, toDay, filters);
    if (!currencyFilter(filters).empty())
        return true;
    std::vector<CurrencyAmount> billed;
    if (!billedByCurrency(db, fromDay, toDay, filters, billed, error))
        return false;
    if (billed.size() > 1)
        filters.emplace_back("currency", currency);
    return true;
}

std::string displayCurrency(Cost::SqliteDb &db)
{
    std::int64_t firstDay = 0, lastDay = 0;
    if (!dataRange(db, firstDay, lastDay))
        return Sql::comboCurrency(db);
    return displayCurrency(db, firstDay, lastDay);
}

} // namespace Analytics
