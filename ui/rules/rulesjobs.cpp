#include "rules/rulesjobs.h"

#include "analytics/analytics.h"
#include "analytics/currency.h"

namespace RulesJobs {

namespace {

// The window [last day − 29, last day] of the stored data; false when the store is empty.
bool window(Cost::Store &store, qint64 &fromDay, qint64 &toDay)
{
    std::int64_t first = 0, last = 0;
    if (!Analytics::dataRange(store.db(), first, last))
        return false;
    toDay = last;
    fromDay = last - (kWindowDays - 1);
    return true;
}

// The currency of the window. Bounded by the window on purpose: a currency total over all days
// scans the whole rollup (~0.3 s of CPU at 10M charges).
QString currencyOf(Cost::Store &store, qint64 fromDay, qint64 toDay)
{
    return QString::fromStdString(Analytics::displayCurrency(store.db(), fromDay, toDay));
}

} // namespace

Summary summarize(Cost::Store &store, bool withRules)
{
    Summary out;
    std::string error;
    if (withRules) {
        if (!Allocation::loadRules(store.db(), out.rules, error)) {
            out.error = QString::fromStdString(error);
            return out;
        }
        out.withRules = true;
    }
    if (!window(store, out.fromDay, out.toDay))
        return out;
    out.empty = false;
    Analytics::TotalsRequest request;
    request.by = {"feature"};
    request.fromDay = out.fromDay;
    request.toDay = out.toDay;
    std::vector<Analytics::TotalsRow> rows;
    if (!Analytics::totals(store.db(), request, rows, error)) {
        out.error = QString::fromStdString(error);
        return out;
    }
    for (const Analytics::TotalsRow &row : rows) {
        out.total += row.value;
        if (row.keys[0].empty())
            out.unallocated += row.value;
    }
    out.currency = currencyOf(store, out.fromDay, out.toDay);
    return out;
}

PreviewResult preview(Cost::Store &store, const std::vector<Allocation::Rule> &rules, std::size_t index)
{
    PreviewResult out;
    if (!window(store, out.fromDay, out.toDay))
        return out;
    out.empty = false;
    std::string error;
    // preview() returns true with `error` set when it cannot read the combinations.
    if (!Allocation::preview(store.db(), rules, index, out.fromDay, out.toDay, out.preview, error) || !error.empty())
        out.error = QString::fromStdString(error);
    out.currency = currencyOf(store, out.fromDay, out.toDay);
    return out;
}

QString save(Cost::Store &store, const std::vector<Allocation::Rule> &rules)
{
    std::string error;
    if (!Allocation::saveRules(store.db(), rules, error))
        return QString::fromStdString(error.empty() ? store.db().error() : error);
    return {};
}

} // namespace RulesJobs
