#include "anomaly/rootcause.h"

#include "analytics/analyticssql.h"
#include "domain/costrecord.h"
#include "domain/timeparse.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

// How causes are ranked. Per dimension, every value's change is its spend in the anomaly window
// minus the median of its spend in the baseline windows; its share is that change over the
// series' net change, its base share its part of the series' baseline. A value explains the
// anomaly only when it carries more of the change than of the baseline: its information is
// share * ln(share / base share), its term of the Kullback-Leibler divergence of the change from
// the baseline (the "surprise" of Adtributor, Bhagwan et al., NSDI 2014). A value that carries
// (almost) all of the baseline as well (the one provider, account or region of a series, or
// token kinds that all grew alike) says nothing, however large its share: it is left out when it
// carries 90% of the baseline, and ranked after the informative values otherwise. Informative
// values with at least kMinShare rank who before how (feature, model, team, provider, account,
// endpoint before token kind, usage type, region, service: whom to ask comes first), then by information
// (in steps of 0.02), then dimension order (feature before model before team…), so that of two dimensions that cover the
// same cells (a feature with a model of its own) the more specific one leads. A dimension with one
// value only explains nothing and is left out. The sentence names the best informative "who", the
// model or feature inside it that carries most of its change, and the token kind that moved most,
// with its ratio.

namespace Analytics {

namespace {

constexpr double kMinShare = 0.05;
constexpr double kMinBaseShare = 1e-3;     // a value new in the window: its lift is capped at 1000
constexpr double kWholeSeries = 0.9;       // a value with this much of the baseline is the series...
constexpr double kInformativeLift = 1.1;   // ...unless its share of the change is this much larger
constexpr double kMinInformation = 0.02;   // below this a value is listed, but does not explain
constexpr std::int64_t kDay = 86400;
constexpr std::size_t kHourlyWindows = 7; // the same hours of the previous 7 days
constexpr std::size_t kDailyWindows = 4;  // the same weekdays of the previous 4 weeks

Cost::BigMoney median(std::vector<Cost::BigMoney> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Totals {
    Cost::BigMoney actual = 0;
    std::vector<Cost::BigMoney> windows;
    void add(const CauseCell &c, std::size_t n)
    {
        windows.resize(n, 0);
        actual += c.actual;
        for (std::size_t k = 0; k < n && k < c.baseline.size(); ++k)
            windows[k] += c.baseline[k];
    }
};

// Spend by the values of `dim` over the cells that pass `keep`.
template <typename Keep>
std::map<std::string, Totals> byValue(const std::vector<CauseCell> &cells, std::size_t dim, std::size_t n, Keep keep)
{
    std::map<std::string, Totals> out;
    for (const CauseCell &c : cells)
        if (keep(c))
            out[c.values[dim]].add(c, n);
    return out;
}

// Token kind, usage type, region and service describe how the money was spent, not who spent it:
// at an equal share, a feature, model, team, provider, account or endpoint explains more.
bool secondary(std::size_t dim)
{
    return dim >= static_cast<std::size_t>(CauseDim::UsageType) && dim != static_cast<std::size_t>(CauseDim::Endpoint);
}

double ratioOf(Cost::BigMoney actual, Cost::BigMoney base) { return Cost::toDouble(actual) / Cost::toDouble(base); }

// How the token kind moved: its ratio to the baseline, or new / gone.
void setChange(CausePhrase &p, Cost::BigMoney actual, Cost::BigMoney base)
{
    if (base <= 0)
        p.change = actual > 0 ? CausePhrase::Change::New : CausePhrase::Change::Gone;
    else
        p.ratio = ratioOf(actual, base);
}

std::size_t dimIndex(const std::string &name)
{
    std::size_t d = 0;
    while (d < kCauseDimCount && causeDimName(static_cast<CauseDim>(d)) != name)
        ++d;
    return d;
}

// ", output tokens ×9": the token kind that moved most (in the direction `up`) in the cells that pass `keep`.
template <typename Keep>
void setTokenKind(CausePhrase &p, const std::vector<CauseCell> &cells, std::size_t n, bool up, Keep keep)
{
    const auto kinds = byValue(cells, static_cast<std::size_t>(CauseDim::TokenKind), n, keep);
    const std::pair<const std::string, Totals> *bestKind = nullptr;
    Cost::BigMoney bestDelta = 0;
    for (const auto &entry : kinds) {
        const Cost::BigMoney delta = entry.second.actual - median(entry.second.windows);
        if ((up && delta > bestDelta) || (!up && delta < bestDelta)) {
            bestDelta = delta;
            bestKind = &entry;
        }
    }
    if (!bestKind || (kinds.size() == 1 && bestKind->first.empty()))
        return;
    p.hasTokenKind = true;
    p.tokenKind = bestKind->first;
    setChange(p, bestKind->second.actual, median(bestKind->second.windows));
}

CausePhrase phraseFor(const RootCause &rc, const std::vector<CauseCell> &cells, std::size_t n, const std::string &skip)
{
    CausePhrase phrase;
    if (cells.empty() || rc.actual == rc.baseline)
        return phrase;
    // The lead: the best "who" (feature, model, …); when every one of them is constant in the
    // series (one feature on one model), that constant feature or model carries all of it.
    const CauseItem *lead = nullptr;
    for (std::size_t k = 0; k < rc.informative && k < rc.items.size(); ++k) {
        if (!secondary(dimIndex(rc.items[k].dimension))) {
            lead = &rc.items[k];
            break;
        }
    }
    // When nothing stands out, the feature or model that is (almost) the whole series leads: the
    // change is spread evenly over it, and the sentence still says what the series runs on.
    CauseItem whole;
    for (CauseDim d : {CauseDim::Feature, CauseDim::Model}) {
        if (lead || causeDimName(d) == skip)
            continue;
        const auto values = byValue(cells, static_cast<std::size_t>(d), n, [](const CauseCell &) { return true; });
        for (const auto &[value, t] : values) {
            const CauseItem item{causeDimName(d), value, t.actual, median(t.windows), ratioOf(t.actual - median(t.windows), rc.actual - rc.baseline)};
            if (item.share >= kWholeSeries && (!lead || item.share > whole.share)) {
                whole = item;
                lead = &whole;
            }
        }
    }
    if (!lead) {
        // Every feature and model moved alike: say so, and which token kind moved most.
        phrase.kind = CausePhrase::Kind::Evenly;
        phrase.skip = skip;
        setTokenKind(phrase, cells, n, rc.actual >= rc.baseline, [](const CauseCell &) { return true; });
        return phrase;
    }
    const CauseItem &top = *lead;
    const std::size_t topDim = dimIndex(top.dimension);
    const bool up = top.delta() >= 0;
    // A share above 100% (other values moved the other way) reads as "all of it".
    phrase.kind = CausePhrase::Kind::Lead;
    phrase.percent = static_cast<int>(std::lround(std::clamp(top.share, 0.0, 1.0) * 100));
    phrase.dimension = top.dimension;
    phrase.value = top.value;
    auto inTop = [&](const CauseCell &c) { return c.values[topDim] == top.value; };

    // The feature or model inside it that carries most of the change.
    std::string second;
    std::size_t secondDim = kCauseDimCount;
    for (CauseDim d : {CauseDim::Model, CauseDim::Feature}) {
        const auto di = static_cast<std::size_t>(d);
        if (di == topDim || causeDimName(d) == skip || (top.dimension == "team" && d == CauseDim::Feature))
            continue;
        const auto values = byValue(cells, di, n, inTop);
        Cost::BigMoney best = 0;
        for (const auto &[v, t] : values) {
            const Cost::BigMoney delta = t.actual - median(t.windows);
            if ((up && delta > best) || (!up && delta < best)) {
                best = delta;
                second = v;
            }
        }
        // Named only when it carries most of the top value's change.
        if (!second.empty() && top.delta() != 0 && ratioOf(best, top.delta()) >= 0.7) {
            secondDim = di;
            phrase.secondDimension = causeDimName(d);
            phrase.second = second;
            break;
        }
        second.clear();
    }
    auto inBoth = [&](const CauseCell &c) { return inTop(c) && (secondDim == kCauseDimCount || c.values[secondDim] == second); };

    setTokenKind(phrase, cells, n, up, inBoth);
    return phrase;
}

} // namespace

const char *causeDimName(CauseDim dim)
{
    static const char *kNames[] = {"feature", "model", "team", "provider", "billing_account", "sub_account",
                                   "usage_type", "token_kind", "region", "service", "endpoint"};
    return kNames[static_cast<std::size_t>(dim) % kCauseDimCount];
}

const char *causeDimLabel(CauseDim dim)
{
    static const char *kLabels[] = {"feature", "model", "team", "provider", "account", "sub-account",
                                    "usage type", "token kind", "region", "service", "endpoint"};
    return kLabels[static_cast<std::size_t>(dim) % kCauseDimCount];
}

RootCause rankCauses(const std::vector<CauseCell> &cells, std::size_t windows, const std::string &skip)
{
    RootCause rc;
    Totals all;
    for (const CauseCell &c : cells)
        all.add(c, windows);
    rc.actual = all.actual;
    rc.baseline = median(all.windows);

    struct Candidate {
        CauseItem item;
        double information = 0;
        std::size_t dim = 0;
    };
    std::vector<Candidate> candidates;
    const bool changed = rc.actual != rc.baseline;
    for (std::size_t d = 0; d < kCauseDimCount && changed; ++d) {
        const std::string name = causeDimName(static_cast<CauseDim>(d));
        if (name == skip)
            continue;
        const auto values = byValue(cells, d, windows, [](const CauseCell &) { return true; });
        if (values.size() < 2)
            continue;
        for (const auto &[value, t] : values) {
            if (!isSeriesValue(name, value))
                continue; // the spend of no endpoint explains nothing about endpoints
            CauseItem item{name, value, t.actual, median(t.windows), 0};
            // Against the total change and baseline, so that the same cells score alike in every dimension.
            item.share = ratioOf(item.delta(), rc.actual - rc.baseline);
            if (item.share < kMinShare)
                continue;
            // A new series has no baseline to compare with: every value is as informative as its share.
            const double baseShare = rc.baseline > 0 ? std::max(0.0, ratioOf(item.baseline, rc.baseline)) : 1.0 / static_cast<double>(values.size());
            const double lift = item.share / std::max(baseShare, kMinBaseShare);
            if (baseShare >= kWholeSeries && lift < kInformativeLift)
                continue; // it is the series itself
            candidates.push_back({item, lift > 1.0 ? item.share * std::log(lift) : 0.0, d});
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        const bool ia = a.information >= kMinInformation, ib = b.information >= kMinInformation;
        if (ia != ib)
            return ia;
        if (secondary(a.dim) != secondary(b.dim))
            return secondary(b.dim);
        const long sa = ia ? std::lround(a.information * 50) : std::lround(a.item.share * 50);
        const long sb = ib ? std::lround(b.information * 50) : std::lround(b.item.share * 50);
        if (sa != sb)
            return sa > sb;
        return a.dim != b.dim ? a.dim < b.dim : a.item.value < b.item.value;
    });
    // A value that covers exactly the cells of a better-ranked one (the provider, account and
    // service of the one model that moved) is that value under another name: only the first stays.
    std::vector<Candidate> kept;
    for (Candidate &c : candidates) {
        const bool alias = std::any_of(kept.begin(), kept.end(), [&](const Candidate &k) {
            return k.item.actual == c.item.actual && k.item.baseline == c.item.baseline;
        });
        if (!alias)
            kept.push_back(std::move(c));
    }
    rc.informative = static_cast<std::size_t>(std::count_if(kept.begin(), kept.end(),
                                                            [](const Candidate &c) { return c.information >= kMinInformation; }));
    for (Candidate &c : kept)
        rc.items.push_back(std::move(c.item));
    rc.phrase = phraseFor(rc, cells, windows, skip);
    rc.sentence = englishSentence(rc.phrase);
    return rc;
}

std::vector<std::int64_t> baselineShifts(const Anomaly &anomaly)
{
    const bool hourly = anomaly.grain == AnomalyGrain::Hour;
    const std::int64_t unit = hourly ? kDay : 7 * kDay;
    const std::int64_t length = std::max<std::int64_t>(1, anomaly.end - anomaly.start);
    const std::int64_t shift = unit * ((length + unit - 1) / unit);
    std::vector<std::int64_t> out;
    for (std::size_t k = 1; k <= (hourly ? kHourlyWindows : kDailyWindows); ++k)
        out.push_back(static_cast<std::int64_t>(k) * shift);
    return out;
}

bool explainAnomaly(Cost::SqliteDb &db, const Anomaly &a, RootCause &out, std::string &error)
{
    const std::vector<std::int64_t> shifts = baselineShifts(a);
    const bool hourly = a.grain == AnomalyGrain::Hour;
    std::vector<Filter> filters;
    if (!a.series.dimension.empty())
        filters.push_back({a.series.dimension, a.series.value});
    std::string where;
    std::vector<std::string> binds;
    if (!Sql::filterClause(filters, where, binds, error))
        return false;
    const std::string p1 = "?" + std::to_string(binds.size() + 1), p2 = "?" + std::to_string(binds.size() + 2);
    const std::string time = hourly ? "r.start" : "r.day";
    Cost::SqliteStmt st(db, "SELECT r.combo_id, a.feature, a.team, " + std::string(hourly ? "r.start - r.start % 3600" : "r.day * 86400")
                                + ", sum(" + Sql::amountExpr("billed", true) + ")" + Sql::fromClause(true, hourly) + " WHERE "
                                + time + " >= " + p1 + " AND " + time + " < " + p2 + where + " GROUP BY 1, 2, 3, 4");
    if (!st.ok()) {
        error = st.error();
        return false;
    }
    for (std::size_t i = 0; i < binds.size(); ++i)
        st.bind(static_cast<int>(i) + 1, std::string_view(binds[i]));
    const std::int64_t from = a.start - shifts.back(), to = a.end;
    st.bind(static_cast<int>(binds.size()) + 1, hourly ? from : Cost::dayOf(from));
    st.bind(static_cast<int>(binds.size()) + 2, hourly ? to : Cost::dayOf(to + kDay - 1));

    Cost::SqliteStmt combo(db, "SELECT token_kind, model, provider, billing_account, sub_account, usage_type, region, service,"
                               " endpoint FROM combo WHERE id = ?1");
    Cost::SqliteStmt dict(db, "SELECT s FROM dict WHERE id = ?1");
    std::unordered_map<std::int64_t, std::string> words{{0, std::string()}};
    auto word = [&](std::int64_t id) -> const std::string & {
        auto it = words.find(id);
        if (it == words.end()) {
            dict.reset();
            dict.bind(1, id);
            it = words.emplace(id, dict.step() ? std::string(dict.text(0)) : std::string()).first;
        }
        return it->second;
    };
    std::unordered_map<std::int64_t, std::array<std::string, kCauseDimCount>> combos;
    std::map<std::array<std::string, kCauseDimCount>, std::size_t> cellOf;
    std::vector<CauseCell> cells;
    while (st.step()) {
        const std::int64_t comboId = st.int64(0);
        auto c = combos.find(comboId);
        if (c == combos.end()) {
            std::array<std::string, kCauseDimCount> v;
            combo.reset();
            combo.bind(1, comboId);
            if (combo.step()) {
                v[static_cast<std::size_t>(CauseDim::TokenKind)] = Cost::tokenKindName(static_cast<Cost::TokenKind>(combo.int64(0)));
                const CauseDim order[] = {CauseDim::Model,     CauseDim::Provider, CauseDim::Account, CauseDim::SubAccount,
                                          CauseDim::UsageType, CauseDim::Region,   CauseDim::Service, CauseDim::Endpoint};
                for (int i = 0; i < 8; ++i)
                    v[static_cast<std::size_t>(order[i])] = word(combo.int64(i + 1));
            }
            c = combos.emplace(comboId, std::move(v)).first;
        }
        std::array<std::string, kCauseDimCount> values = c->second;
        values[static_cast<std::size_t>(CauseDim::Feature)] = word(st.int64(1));
        values[static_cast<std::size_t>(CauseDim::Team)] = word(st.int64(2));
        auto [it, added] = cellOf.emplace(values, cells.size());
        if (added) {
            cells.push_back(CauseCell{values, 0, std::vector<Cost::BigMoney>(shifts.size(), 0)});
        }
        CauseCell &cell = cells[it->second];
        const std::int64_t t = st.int64(3);
        const Cost::Money amount = st.isNull(4) ? 0 : st.int64(4);
        if (t >= a.start && t < a.end)
            cell.actual += amount;
        for (std::size_t k = 0; k < shifts.size(); ++k)
            if (t >= a.start - shifts[k] && t < a.end - shifts[k])
                cell.baseline[k] += amount;
    }
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    out = rankCauses(cells, shifts.size(), a.series.dimension);
    return true;
}

} // namespace Analytics
