#include "analytics/rollupscan.h"

#include "analytics/analyticssql.h"
#include "analytics/currency.h"
#include "domain/timeparse.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

namespace Analytics {

namespace {

// The slice rows of an inclusive day range.
std::pair<std::vector<SliceRow>::const_iterator, std::vector<SliceRow>::const_iterator>
rowsOf(const RollupSlice &slice, std::int64_t fromDay, std::int64_t toDay)
{
    const auto byDay = [](const SliceRow &r, std::int64_t day) { return r.day < day; };
    const auto first = std::lower_bound(slice.rows.begin(), slice.rows.end(), fromDay, byDay);
    return {first, std::lower_bound(first, slice.rows.end(), toDay + 1, byDay)};
}

// Billed cost per group key and time unit (day or hour of the range).
using UnitSums = std::vector<std::vector<Cost::BigMoney>>;

// The hourly series of a range from the charges, per key of `grouping` (rollups are daily).
bool hourlySums(Cost::SqliteDb &db, const ComboCache &combos, const SliceGrouping &grouping, std::int64_t rangeStart,
                std::int64_t rangeEnd, UnitSums &sums, std::string &error)
{
    Cost::SqliteStmt st(db, "SELECT combo_id, start, billed FROM fact WHERE start BETWEEN ?1 AND ?2");
    if (!st.ok()) {
        error = st.error();
        return false;
    }
    st.bind(1, rangeStart);
    st.bind(2, rangeEnd - 1);
    const std::size_t units = static_cast<std::size_t>((rangeEnd - rangeStart) / 3600);
    while (st.step()) {
        const std::int64_t start = st.int64(1);
        const int combo = combos.indexOf(st.int64(0), Cost::dayOf(start));
        if (combo < 0)
            continue;
        const auto unit = static_cast<std::size_t>((start - start % 3600 - rangeStart) / 3600);
        const std::int64_t billed = st.int64(2);
        const auto c = static_cast<std::uint32_t>(combo);
        for (const SliceTarget *t = grouping.begin(c); t != grouping.end(c); ++t) {
            auto &v = sums[t->key];
            if (v.empty())
                v.assign(units, 0);
            v[unit] += t->amount(billed);
        }
    }
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    return true;
}

// Fills the series of a finished breakdown from per-key unit sums. Keys are visited in text
// order and units in time order: the order SQL's GROUP BY hands rows to breakdown(), so the
// drawing doubles are added up in the same order and come out bit-identical.
void fillSeries(Breakdown &out, const SliceGrouping &grouping, const UnitSums &sums, std::int64_t unitSeconds,
                std::int64_t firstUnitStart, std::vector<std::vector<Cost::BigMoney>> &exact)
{
    exact.assign(out.seriesNames.size(), std::vector<Cost::BigMoney>(out.bucketStarts.size(), 0));
    if (out.seriesNames.empty() || out.bucketStarts.empty())
        return;
    const std::size_t top = std::min<std::size_t>(static_cast<std::size_t>(std::max(0, out.query.topN)), out.rows.size());
    const bool other = out.rows.size() > top;
    std::unordered_map<std::string, std::size_t> seriesOf;
    for (std::size_t i = 0; i < top; ++i)
        seriesOf.emplace(out.rows[i].key, i);
    const auto &keys = grouping.keys();
    std::vector<std::uint32_t> order(keys.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return keys[a] < keys[b]; });
    std::vector<std::ptrdiff_t> bucketOfUnit;
    for (const std::uint32_t k : order) {
        if (sums[k].empty())
            continue;
        const auto s = seriesOf.find(keys[k]);
        if (s == seriesOf.end() && !other)
            continue;
        const std::size_t series = s != seriesOf.end() ? s->second : out.seriesNames.size() - 1;
        if (bucketOfUnit.empty()) {
            bucketOfUnit.resize(sums[k].size());
            for (std::size_t u = 0; u < bucketOfUnit.size(); ++u) {
                const std::int64_t t = firstUnitStart + static_cast<std::int64_t>(u) * unitSeconds;
                bucketOfUnit[u] = std::upper_bound(out.bucketStarts.begin(), out.bucketStarts.end(), t) - out.bucketStarts.begin() - 1;
            }
        }
        for (std::size_t u = 0; u < sums[k].size(); ++u) {
            if (sums[k][u] == 0 || bucketOfUnit[u] < 0)
                continue; // adding 0.0 would change nothing
            const auto b = static_cast<std::size_t>(bucketOfUnit[u]);
            out.seriesValues[series][b] += Cost::toDouble(sums[k][u]);
            exact[series][b] += sums[k][u];
        }
    }
}

// Which combinations have charges between two days (inclusive) and what each billed.
void billedByCombo(const RollupSlice &slice, std::int64_t fromDay, std::int64_t toDay, std::vector<bool> &present,
                   std::vector<Cost::BigMoney> &billed)
{
    present.assign(slice.combos->size(), false);
    billed.assign(slice.combos->size(), 0);
    const auto [first, last] = rowsOf(slice, fromDay, toDay);
    for (auto it = first; it != last; ++it) {
        present[it->combo] = true;
        billed[it->combo] += it->billed;
    }
}

// Billed cost per currency of the combinations present (those matching `filters`), largest first
// (by name on a tie). The first is the currency a page shows when no filter picks one.
std::vector<CurrencyAmount> currencyTotals(const ComboCache &combos, const std::vector<bool> &present,
                                           const std::vector<Cost::BigMoney> &billed, const std::vector<Filter> &filters,
                                           std::string &error, bool &ok)
{
    SliceGrouping grouping;
    ok = grouping.build(combos, "currency", filters, error);
    std::map<std::string, Cost::BigMoney> byCurrency;
    for (std::uint32_t c = 0; ok && c < combos.size(); ++c) {
        if (present[c])
            for (const SliceTarget *t = grouping.begin(c); t != grouping.end(c); ++t)
                byCurrency[grouping.keys()[t->key]] += t->amount(billed[c]);
    }
    std::vector<CurrencyAmount> out(byCurrency.begin(), byCurrency.end());
    std::stable_sort(out.begin(), out.end(), [](const CurrencyAmount &a, const CurrencyAmount &b) { return a.second > b.second; });
    return out;
}

// The currency a page's amounts are in (displayCurrency's rule on `totals`; the store's when the
// range holds nothing) and the others, with `filters` extended by the currency when the range
// holds more than one.
// The filters other than a currency one (which currency to show is asked across currencies).
std::vector<Filter> withoutCurrency(const std::vector<Filter> &filters)
{
    std::vector<Filter> out;
    for (const Filter &f : filters)
        if (f.first != "currency")
            out.push_back(f);
    return out;
}

std::string pickCurrency(Cost::SqliteDb &db, std::vector<CurrencyAmount> totals, std::vector<Filter> &filters,
                         std::vector<CurrencyAmount> &others)
{
    const std::string filtered = currencyFilter(filters);
    std::string currency = pickDisplayCurrency(totals, filtered);
    if (currency.empty())
        currency = Sql::comboCurrency(db);
    others.clear();
    for (CurrencyAmount &t : totals)
        if (t.first != currency)
            others.push_back(std::move(t));
    if (filtered.empty() && !others.empty())
        filters.emplace_back("currency", currency);
    return currency;
}

// Per target of `grouping` (indexed from the first combination's first target), the cell of
// its (group key, source) pair; `cellKey` gets each cell's group key. Built once per query from
// the combination table so that the row scan only indexes flat vectors.
std::vector<std::uint32_t> sourceCells(const ComboCache &combos, const SliceGrouping &grouping, std::vector<std::uint32_t> &cellKey)
{
    std::vector<std::uint32_t> cellOf;
    cellKey.clear();
    if (combos.size() == 0)
        return cellOf;
    const SliceTarget *base = grouping.begin(0);
    cellOf.resize(static_cast<std::size_t>(grouping.end(static_cast<std::uint32_t>(combos.size() - 1)) - base));
    std::unordered_map<std::uint64_t, std::uint32_t> cells;
    for (std::uint32_t c = 0; c < combos.size(); ++c) {
        const std::uint64_t source = combos.combo(c).source;
        for (const SliceTarget *t = grouping.begin(c); t != grouping.end(c); ++t) {
            const auto [it, added] = cells.emplace(std::uint64_t(t->key) << 32 | source, static_cast<std::uint32_t>(cellKey.size()));
            if (added)
                cellKey.push_back(t->key);
            cellOf[static_cast<std::size_t>(t - base)] = it->second;
        }
    }
    return cellOf;
}

} // namespace

bool sliceBreakdown(Cost::SqliteDb &db, const RollupSlice &slice, const BreakdownQuery &q, Breakdown &out,
                    std::vector<std::vector<Cost::BigMoney>> &exact, std::string &error)
{
    out = Breakdown{};
    out.query = q;
    exact.clear();
    if (q.dimension == "day" || q.dimension == "month" || !Sql::findDim(q.dimension)) {
        error = "unknown dimension '" + q.dimension + "'";
        return false;
    }
    if (q.toDay < q.fromDay) {
        error = "the range ends before it starts";
        return false;
    }
    const std::int64_t length = q.toDay - q.fromDay + 1;
    if (slice.fromDay > q.fromDay - length || slice.toDay < q.toDay || !slice.combos) {
        error = "the slice does not cover the range and the period before it";
        return false;
    }
    SliceGrouping grouping;
    if (!grouping.build(*slice.combos, q.dimension, q.filters, error))
        return false;
    const std::size_t keys = grouping.keys().size();
    std::vector<BreakdownRow> acc(keys);
    std::vector<Cost::BigMoney> previous(keys, 0);
    std::vector<bool> present(keys, false);
    std::vector<std::uint32_t> cellKey;
    const std::vector<std::uint32_t> cellOf = sourceCells(*slice.combos, grouping, cellKey);
    std::vector<SourceUnits> cells(cellKey.size());
    const SliceTarget *firstTarget = slice.combos->size() ? grouping.begin(0) : nullptr;
    const bool hourly = q.grain == Grain::Hour;
    UnitSums sums(keys);
    const auto [first, last] = rowsOf(slice, q.fromDay - length, q.toDay);
    for (auto it = first; it != last; ++it) {
        const SliceRow &r = *it;
        const bool current = r.day >= q.fromDay;
        const int kind = tokenKindIndex(slice.combos->combo(r.combo).tokenKind);
        for (const SliceTarget *t = grouping.begin(r.combo); t != grouping.end(r.combo); ++t) {
            const std::int64_t billed = t->amount(r.billed);
            if (!current) {
                previous[t->key] += billed;
                out.previousTotal += billed;
                continue;
            }
            BreakdownRow &row = acc[t->key];
            SourceUnits &cell = cells[cellOf[static_cast<std::size_t>(t - firstTarget)]];
            const std::int64_t tokens = t->amount(r.tokens);
            const std::int64_t requests = t->amount(r.requests);
            row.cost += billed;
            row.tokens += tokens;
            row.requests += requests;
            cell.cost += billed;
            cell.requests += requests;
            if (kind >= 0) {
                cell.kindCost[kind] += billed;
                cell.kindTokens[kind] += tokens;
            }
            present[t->key] = true;
            out.total += billed;
            if (!hourly) {
                auto &v = sums[t->key];
                if (v.empty())
                    v.assign(static_cast<std::size_t>(length), 0);
                v[static_cast<std::size_t>(r.day - q.fromDay)] += billed;
            }
        }
    }
    for (std::size_t c = 0; c < cells.size(); ++c)
        addSourceUnits(acc[cellKey[c]], cells[c]);
    for (std::size_t k = 0; k < keys; ++k) {
        if (!present[k])
            continue;
        acc[k].key = grouping.keys()[k];
        acc[k].previousCost = previous[k];
        out.rows.push_back(std::move(acc[k]));
    }
    finishBreakdown(out);
    const std::int64_t rangeStart = q.fromDay * 86400;
    if (hourly) {
        if (!hourlySums(db, *slice.combos, grouping, rangeStart, (q.toDay + 1) * 86400, sums, error))
            return false;
        fillSeries(out, grouping, sums, 3600, rangeStart, exact);
    } else {
        fillSeries(out, grouping, sums, 86400, rangeStart, exact);
    }
    return true;
}

bool spendPage(Cost::SqliteDb &db, const SpendPageRequest &request, SpendPageData &out, std::string &error)
{
    out = SpendPageData{};
    const BreakdownQuery &q = request.query;
    const std::int64_t length = std::max<std::int64_t>(1, q.toDay - q.fromDay + 1);
    RollupSlice slice;
    if (!loadSlice(db, q.fromDay - length, q.toDay, slice, error))
        return false;
    // The currency and the filter lists only ask which combinations have charges in the range
    // (and the currency, how much): one pass over the range's rows, then the small combo table.
    const ComboCache &combos = *slice.combos;
    std::vector<bool> present;
    std::vector<Cost::BigMoney> billed;
    billedByCombo(slice, q.fromDay, q.toDay, present, billed);
    // One currency per page: with several in the range, the page shows the largest (or the one the
    // filter picks) and says what the others billed.
    bool ok = false;
    std::vector<CurrencyAmount> totals = currencyTotals(combos, present, billed, withoutCurrency(q.filters), error, ok);
    if (ok && totals.empty()) // nothing matches the filters: the range's currency labels the empty page
        totals = currencyTotals(combos, present, billed, {}, error, ok);
    if (!ok)
        return false;
    BreakdownQuery shown = q;
    out.currency = pickCurrency(db, totals, shown.filters, out.otherCurrencies);
    if (!sliceBreakdown(db, slice, shown, out.breakdown, out.exact, error))
        return false;
    out.breakdown.query = q;
    for (const auto &[dimension, filters] : request.optionFilters) {
        SliceGrouping grouping;
        if (!grouping.build(combos, dimension, filters, error))
            return false;
        std::vector<bool> seen(grouping.keys().size(), false);
        for (std::uint32_t c = 0; c < combos.size(); ++c) {
            if (present[c])
                for (const SliceTarget *t = grouping.begin(c); t != grouping.end(c); ++t)
                    seen[t->key] = true;
        }
        std::vector<std::string> values;
        for (std::size_t k = 0; k < seen.size(); ++k)
            if (seen[k])
                values.push_back(grouping.keys()[k]);
        out.options.emplace_back(dimension, std::move(values));
    }
    return true;
}

bool sliceDailyBreakdown(const RollupSlice &slice, const std::string &dimension, std::int64_t fromDay,
                         std::int64_t toDay, int topN, DailyBreakdown &out, std::string &error,
                         const std::vector<Filter> &filters)
{
    out = DailyBreakdown{};
    if (dimension == "day" || dimension == "month" || !Sql::findDim(dimension)) {
        error = "unknown dimension '" + dimension + "'";
        return false;
    }
    if (!slice.combos || (fromDay <= toDay && (fromDay < slice.fromDay || toDay > slice.toDay))) {
        error = "the range is outside the slice";
        return false;
    }
    SliceGrouping grouping;
    if (!grouping.build(*slice.combos, dimension, filters, error))
        return false;
    const auto days = static_cast<std::size_t>(std::max<std::int64_t>(0, toDay - fromDay + 1));
    std::map<std::string, std::vector<Cost::BigMoney>> series;
    std::vector<std::vector<Cost::BigMoney> *> byKey(grouping.keys().size(), nullptr);
    const auto [first, last] = rowsOf(slice, fromDay, toDay);
    for (auto it = first; it != last; ++it) {
        for (const SliceTarget *t = grouping.begin(it->combo); t != grouping.end(it->combo); ++t) {
            auto *&v = byKey[t->key];
            if (!v) {
                v = &series[grouping.keys()[t->key]];
                v->assign(days, 0);
            }
            (*v)[static_cast<std::size_t>(it->day - fromDay)] += t->amount(it->billed);
        }
    }
    Sql::rankDaily(series, fromDay, static_cast<int>(days), topN, out);
    return true;
}

bool overviewPage(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, int topN, OverviewKpis &kpis,
                  DailyBreakdown &daily, std::string &error, const std::vector<Filter> &drillDown)
{
    int y;
    unsigned m, d;
    Cost::civilFromDays(toDay, y, m, d);
    const std::int64_t first = std::min({fromDay, toDay - 59, Cost::daysFromCivil(y, m, 1)});
    RollupSlice slice;
    if (!loadSlice(db, first, toDay, slice, error))
        return false;
    // One currency (displayCurrency's rule): the range's largest, the store's when the range is
    // empty; the others named.
    const ComboCache &combos = *slice.combos;
    std::vector<bool> present;
    std::vector<Cost::BigMoney> billed;
    billedByCombo(slice, fromDay, toDay, present, billed);
    bool ok = false;
    std::vector<CurrencyAmount> currencies = currencyTotals(combos, present, billed, withoutCurrency(drillDown), error, ok);
    if (ok && currencies.empty()) // nothing matches the drill-down: the range's currency labels the page
        currencies = currencyTotals(combos, present, billed, {}, error, ok);
    if (!ok)
        return false;
    std::vector<Filter> filters = drillDown;
    std::vector<CurrencyAmount> others;
    const std::string currency = pickCurrency(db, currencies, filters, others);
    const auto totals = [&slice, &filters](const TotalsRequest &request, std::vector<TotalsRow> &rows, std::string &err) {
        TotalsRequest inCurrency = request;
        inCurrency.filters.insert(inCurrency.filters.end(), filters.begin(), filters.end());
        return sliceTotals(slice, inCurrency, rows, err);
    };
    if (!Sql::overviewKpisFrom(totals, toDay, kpis, error)
        || !sliceDailyBreakdown(slice, "model", fromDay, toDay, topN, daily, error, filters))
        return false;
    kpis.currency = currency;
    kpis.otherCurrencies = std::move(others);
    return true;
}

} // namespace Analytics
