#include "pricing/pricingestimate.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace Simulation {

namespace {

constexpr Cost::BigMoney kMillion = 1'000'000;

Cost::BigMoney absolute(Cost::BigMoney v) { return v < 0 ? -v : v; }

} // namespace

bool isMismatch(Cost::BigMoney billed, Cost::BigMoney estimated)
{
    const Cost::BigMoney gap = absolute(billed - estimated);
    return gap * 200 > absolute(estimated) && gap > Cost::kMoneyScale / 100;
}

double flagUnusualDays(std::vector<DayEstimate> &days)
{
    std::vector<double> ratios;
    for (const DayEstimate &d : days)
        if (d.estimated > 0)
            ratios.push_back(static_cast<double>(d.billed - d.estimated) / static_cast<double>(d.estimated));
    if (ratios.empty()) {
        for (DayEstimate &d : days)
            d.unusual = isMismatch(d.billed, d.estimated);
        return std::nan("");
    }
    std::sort(ratios.begin(), ratios.end());
    const std::size_t mid = ratios.size() / 2;
    const double usual = ratios.size() % 2 ? ratios[mid] : (ratios[mid - 1] + ratios[mid]) / 2.0;
    for (DayEstimate &d : days) {
        // Comparing, not summing: a double is fine for where the expected bill lies.
        const double expected = static_cast<double>(d.estimated) * (1.0 + usual);
        const double away = std::abs(static_cast<double>(d.billed) - expected);
        d.unusual = away * 200.0 > static_cast<double>(absolute(d.estimated)) && away > static_cast<double>(Cost::kMoneyScale / 100);
    }
    return usual * 100.0;
}

EstimateReport estimateVsBilled(const PricedUsage &priced)
{
    const UsageSnapshot &u = priced.usage();
    EstimateReport r;
    r.fromDay = u.fromDay;
    r.toDay = u.toDay;
    r.currency = u.currency;
    r.otherBilled = u.otherBilled;
    r.unpriced = priced.unpriced();

    struct Acc {
        EstimateRow row;
        Cost::BigMoney numerator = 0;
        Cost::BigMoney listNumerator = 0;
    };
    using Key = std::tuple<std::string, std::string, int>;
    std::map<Key, Acc> rows;
    // A row whose tokens carry no cost in the whole period is billed without a model: comparing
    // its estimate with zero would flag a gap that is not one (#23).
    std::map<Key, Cost::BigMoney> billedOf;
    for (const UsageCell &c : u.cells) {
        const UsageGroup &g = u.groups[c.group];
        billedOf[{g.provider, g.model, static_cast<int>(g.tier)}] += c.billed;
    }
    Cost::BigMoney notItemised = 0;
    const auto days = static_cast<std::size_t>(u.days());
    std::vector<Cost::BigMoney> dayNumerator(days, 0), dayBilled(days, 0);
    Cost::BigMoney total = 0;
    for (std::size_t i = 0; i < u.cells.size(); ++i) {
        const UsageCell &c = u.cells[i];
        const UsageGroup &g = u.groups[c.group];
        const Key key{g.provider, g.model, static_cast<int>(g.tier)};
        Acc &a = rows[key];
        if (a.row.model.empty()) {
            a.row.provider = g.provider;
            a.row.model = g.model;
            a.row.tier = g.tier;
        }
        for (int k = 0; k < Pricing::kPriceKindCount; ++k)
            a.row.tokens[static_cast<std::size_t>(k)] += c.tokens[static_cast<std::size_t>(k)];
        a.row.billed += c.billed;
        if (!priced.cellPriced(i)) {
            a.row.unpriced = true;
            r.unpricedBilled += c.billed;
            continue;
        }
        bool ok = true;
        const Pricing::ResolvedPrice &price = priced.timeline(c.group, g.tier).at(c.day);
        const Cost::BigMoney n = tokenCostNumerator(c.tokens, price, ok);
        a.numerator += n;
        a.row.contract = a.row.contract || price.adjusted != 0;
        a.listNumerator += price.adjusted != 0 ? tokenCostNumerator(c.tokens, price.listed(), ok) : n;
        if (billedOf[key] == 0 && n != 0) {
            a.row.notItemised = true;
            notItemised += n;
            continue;
        }
        total += n;
        r.billed += c.billed;
        const auto d = static_cast<std::size_t>(c.day - u.fromDay);
        if (d < days) {
            dayNumerator[d] += n;
            dayBilled[d] += c.billed;
        }
    }
    r.estimated = Pricing::roundDiv(total, kMillion);
    r.notItemisedEstimated = Pricing::roundDiv(notItemised, kMillion);
    for (auto &[key, a] : rows) {
        a.row.estimated = Pricing::roundDiv(a.numerator, kMillion);
        a.row.listEstimated = Pricing::roundDiv(a.listNumerator, kMillion);
        a.row.mismatch = !a.row.unpriced && !a.row.notItemised && isMismatch(a.row.billed, a.row.estimated);
        r.rows.push_back(std::move(a.row));
    }
    std::sort(r.rows.begin(), r.rows.end(), [](const EstimateRow &a, const EstimateRow &b) {
        if (a.unpriced != b.unpriced)
            return a.unpriced; // unpriced first: loudly
        return a.billed != b.billed ? a.billed > b.billed : a.model < b.model;
    });
    for (std::size_t d = 0; d < days; ++d)
        r.days.push_back({u.fromDay + static_cast<std::int64_t>(d), dayBilled[d], Pricing::roundDiv(dayNumerator[d], kMillion)});
    r.usualGapPercent = flagUnusualDays(r.days);
    return r;
}

} // namespace Simulation
