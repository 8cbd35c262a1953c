#include "contracts/contractledger.h"

#include "analytics/analytics.h"
#include "analytics/periods.h"
#include "domain/timeparse.h"
#include "forecast/forecaster.h"
#include "pricing/pricematching.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

namespace Contracts {

namespace {

/// The parts of `amount` spread evenly (amortisedFee) over [start, end) that fall in [a, b).
Cost::BigMoney share(Cost::Money amount, std::int64_t start, std::int64_t end, std::int64_t a, std::int64_t b)
{
    if (end <= start || b <= a)
        return 0;
    const Cost::BigMoney n = end - start;
    const Cost::BigMoney x = amount;
    return x * (b - start) / n - x * (a - start) / n;
}

std::int64_t nextMonthStart(std::int64_t day)
{
    return Analytics::monthStartDay(Analytics::monthStartDay(day) + 31);
}

/// Spend on `day`: billed up to the statement's day, the forecast (whole money units) after it.
Cost::BigMoney spendOn(const ScopeSpend &spend, const SpendForecast &forecast, std::int64_t asOfDay, std::int64_t day)
{
    if (day <= asOfDay)
        return spend.billed(day, day + 1);
    const std::int64_t i = day - forecast.firstDay;
    if (i < 0 || i >= static_cast<std::int64_t>(forecast.perDay.size()))
        return 0;
    return std::max<Cost::Money>(0, Cost::fromDouble(forecast.perDay[static_cast<std::size_t>(i)]));
}

void accountCommitments(const Contract &c, const ScopeSpend &spend, const SpendForecast &forecast, Statement &out)
{
    const std::int64_t asOf = out.asOfDay;
    const std::int64_t first = std::max(c.fromDay, out.fromDay);
    for (std::size_t k = 0; k < c.commitments.size(); ++k) {
        const Commitment &commitment = c.commitments[k];
        for (std::int64_t ms = Analytics::monthStartDay(first); ms <= out.toDay && ms <= asOf; ms = nextMonthStart(ms)) {
            const std::int64_t me = nextMonthStart(ms);
            CommitmentMonth m;
            m.fromDay = std::max(ms, c.fromDay);
            m.toDay = std::min(me, c.toDay);
            if (m.fromDay >= m.toDay || m.fromDay > asOf)
                continue;
            m.contract = c.name;
            m.commitment = k;
            m.kind = commitment.kind;
            m.note = commitment.note;
            m.currency = spend.currency;
            m.committed = commitment.kind == CommitmentKind::MonthlyMinimum
                              ? share(commitment.amount, ms, me, m.fromDay, m.toDay)
                              : share(commitment.amount, c.fromDay, c.toDay, m.fromDay, m.toDay);
            m.complete = m.toDay - 1 <= asOf;
            m.used = spend.billed(m.fromDay, std::min(m.toDay, asOf + 1));
            // The day the running total reaches the commitment: billed days, then forecast ones.
            Cost::BigMoney running = 0;
            for (std::int64_t day = m.fromDay; day < m.toDay && m.committed > 0; ++day) {
                running += spendOn(spend, forecast, asOf, day);
                if (running >= m.committed && !m.metDay && !m.forecastMetDay)
                    (day <= asOf ? m.metDay : m.forecastMetDay) = day;
            }
            if (m.complete)
                m.unused = std::max<Cost::BigMoney>(0, m.committed - m.used);
            else
                m.forecastUnused = std::max<Cost::BigMoney>(0, m.committed - running);
            out.commitments.push_back(std::move(m));
        }
    }
}

void accountCredits(const Contract &c, const ScopeSpend &spend, const SpendForecast &forecast, Statement &out)
{
    const std::int64_t asOf = out.asOfDay;
    std::vector<CreditBalance> credits;
    for (std::size_t k = 0; k < c.credits.size(); ++k) {
        CreditBalance b;
        b.contract = c.name;
        b.credit = k;
        b.note = c.credits[k].note;
        b.amount = c.credits[k].amount;
        b.fromDay = c.fromDay;
        b.untilDay = std::min(c.credits[k].expiresDay, c.toDay);
        b.remaining = b.amount;
        b.expired = b.untilDay <= asOf + 1;
        b.currency = spend.currency;
        if (b.fromDay <= out.toDay && b.untilDay > out.fromDay && b.untilDay > b.fromDay)
            credits.push_back(std::move(b));
    }
    if (credits.empty())
        return;
    // The credit that expires first is drawn first; what one day's spend leaves over goes to the next.
    std::stable_sort(credits.begin(), credits.end(), [](const CreditBalance &a, const CreditBalance &b) { return a.untilDay < b.untilDay; });
    auto draw = [&credits](std::int64_t day, Cost::BigMoney left, bool billed) {
        bool open = false;
        for (CreditBalance &b : credits) {
            if (day >= b.untilDay || b.remaining == 0)
                continue;
            open = true;
            const Cost::BigMoney take = std::min(left, b.remaining);
            b.remaining -= take;
            left -= take;
            if (billed)
                b.used += take;
            if (b.remaining == 0)
                (billed ? b.ranOutDay : b.forecastRunOutDay) = day;
        }
        return open;
    };
    for (std::int64_t day = c.fromDay; day <= asOf; ++day)
        draw(day, spend.billed(day, day + 1), true);
    std::vector<Cost::BigMoney> balances;
    for (const CreditBalance &b : credits)
        balances.push_back(b.remaining);
    // The forecast goes on drawing until every credit is used up or expired, or the horizon ends.
    const std::int64_t lastDay = asOf + static_cast<std::int64_t>(forecast.perDay.size());
    for (std::int64_t day = std::max(asOf + 1, c.fromDay); day <= lastDay; ++day) {
        for (CreditBalance &b : credits)
            if (day == b.untilDay && b.remaining > 0)
                b.forecastLeftAtExpiry = b.remaining;
        if (!draw(day, spendOn(spend, forecast, asOf, day), false))
            break;
    }
    for (std::size_t i = 0; i < credits.size(); ++i) {
        CreditBalance &b = credits[i];
        b.forecastOpenEnded = !b.expired && b.remaining > 0 && !b.forecastRunOutDay && b.untilDay > lastDay;
        b.remaining = balances[i];
        out.credits.push_back(std::move(b));
    }
}

} // namespace

Cost::BigMoney ScopeSpend::billed(std::int64_t from, std::int64_t toExclusive) const
{
    Cost::BigMoney sum = 0;
    const std::int64_t end = firstDay + static_cast<std::int64_t>(perDay.size());
    for (std::int64_t day = std::max(from, firstDay); day < std::min(toExclusive, end); ++day)
        sum += perDay[static_cast<std::size_t>(day - firstDay)];
    return sum;
}

LineStatus status(const CommitmentMonth &m)
{
    if (m.metDay)
        return LineStatus::Met;
    if (m.complete)
        return m.unused > 0 ? LineStatus::Unused : LineStatus::Met;
    return m.forecastMetDay ? LineStatus::OnTrack : LineStatus::ShortForecast;
}

LineStatus status(const CreditBalance &b)
{
    if (b.ranOutDay)
        return LineStatus::UsedUp;
    if (b.expired)
        return LineStatus::Expired;
    if (b.forecastRunOutDay)
        return LineStatus::RunsOut;
    return b.forecastOpenEnded ? LineStatus::Active : LineStatus::ExpiresUnused;
}

const char *statusName(LineStatus s)
{
    switch (s) {
    case LineStatus::Met: return "met";
    case LineStatus::Unused: return "unused";
    case LineStatus::OnTrack: return "on_track";
    case LineStatus::ShortForecast: return "short_forecast";
    case LineStatus::UsedUp: return "used_up";
    case LineStatus::Expired: return "expired";
    case LineStatus::RunsOut: return "runs_out";
    case LineStatus::ExpiresUnused: return "expires_unused";
    case LineStatus::Active: break;
    }
    return "active";
}

std::optional<std::int64_t> statusDay(const CommitmentMonth &m)
{
    return m.metDay ? m.metDay : m.forecastMetDay;
}

std::optional<std::int64_t> statusDay(const CreditBalance &b)
{
    switch (status(b)) {
    case LineStatus::UsedUp: return b.ranOutDay;
    case LineStatus::RunsOut: return b.forecastRunOutDay;
    case LineStatus::Expired:
    case LineStatus::ExpiresUnused:
        if (b.untilDay < kOpenEnded)
            return b.untilDay - 1;
        return std::nullopt;
    default: return std::nullopt;
    }
}

Cost::BigMoney Statement::unusedTotal() const
{
    Cost::BigMoney sum = 0;
    for (const CommitmentMonth &m : commitments)
        sum += m.unused;
    return sum;
}

bool inScope(const Contract &contract, std::string_view family, std::string_view account, const std::vector<std::string> &keys,
             Cost::TokenKind kind)
{
    if (PriceMatching::providerFamily(contract.provider) != family || (!contract.account.empty() && contract.account != account))
        return false;
    if (!contract.model.empty() && std::find(keys.begin(), keys.end(), PriceMatching::primaryKey(contract.model)) == keys.end())
        return false;
    if (!contract.tokenKind)
        return true;
    switch (*contract.tokenKind) {
    case Pricing::PriceKind::Input: return kind == Cost::TokenKind::Input;
    case Pricing::PriceKind::CacheRead: return kind == Cost::TokenKind::CachedInput;
    case Pricing::PriceKind::CacheWrite5m:
    case Pricing::PriceKind::CacheWrite1h: return kind == Cost::TokenKind::CacheWrite;
    case Pricing::PriceKind::Output: return kind == Cost::TokenKind::Output;
    }
    return false;
}

void accountContract(const Contract &contract, const ScopeSpend &spend, const SpendForecast &forecast, Statement &out)
{
    accountCommitments(contract, spend, forecast, out);
    accountCredits(contract, spend, forecast, out);
}

bool buildStatement(Cost::SqliteDb &db, const std::vector<Contract> &contracts, std::int64_t fromDay, std::int64_t toDay,
                    std::int64_t asOfDay, Statement &out, std::string &error)
{
    out = Statement{};
    out.fromDay = fromDay;
    out.toDay = toDay;
    out.asOfDay = asOfDay;
    std::vector<const Contract *> wanted;
    for (const Contract &c : contracts)
        if ((!c.credits.empty() || !c.commitments.empty()) && c.fromDay <= toDay)
            wanted.push_back(&c);
    if (wanted.empty())
        return true;
    const std::int64_t start = (*std::min_element(wanted.begin(), wanted.end(), [](const Contract *a, const Contract *b) {
                                   return a->fromDay < b->fromDay;
                               }))->fromDay;
    Analytics::TotalsRequest request;
    request.by = {"provider", "service", "billing_account", "model", "token_kind", "currency", "day"};
    request.fromDay = start;
    request.toDay = asOfDay;
    std::vector<Analytics::TotalsRow> rows;
    if (start <= asOfDay && !Analytics::totals(db, request, rows, error))
        return false;
    // Per contract: currency → day → billed in its scope.
    std::vector<std::map<std::string, std::map<std::int64_t, Cost::BigMoney>>> scoped(wanted.size());
    std::unordered_map<std::string, std::vector<std::string>> keysOf;
    for (const Analytics::TotalsRow &row : rows) {
        std::int64_t day = 0;
        if (row.keys.size() != 7 || !Cost::parseDate(row.keys[6], day))
            continue;
        auto it = keysOf.find(row.keys[3]);
        if (it == keysOf.end())
            it = keysOf.emplace(row.keys[3], PriceMatching::lookupKeys(row.keys[3])).first;
        const std::string family = PriceMatching::providerFamily(row.keys[0], row.keys[1]);
        const Cost::TokenKind kind = Cost::tokenKindFromName(row.keys[4]);
        for (std::size_t i = 0; i < wanted.size(); ++i)
            if (wanted[i]->activeOn(day) && inScope(*wanted[i], family, row.keys[2], it->second, kind))
                scoped[i][row.keys[5]][day] += row.value;
    }
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        const Contract &c = *wanted[i];
        ScopeSpend spend;
        spend.firstDay = c.fromDay;
        spend.perDay.assign(static_cast<std::size_t>(std::max<std::int64_t>(0, asOfDay - c.fromDay + 1)), 0);
        // Amounts are never added across currencies: the scope's largest currency is the one counted.
        Cost::BigMoney best = -1;
        const std::map<std::int64_t, Cost::BigMoney> *days = nullptr;
        for (const auto &[currency, byDay] : scoped[i]) {
            Cost::BigMoney sum = 0;
            for (const auto &entry : byDay)
                sum += entry.second;
            if (sum > best) {
                best = sum;
                spend.currency = currency;
                days = &byDay;
            }
        }
        if (days)
            for (const auto &[day, value] : *days)
                spend.perDay[static_cast<std::size_t>(day - c.fromDay)] = value;
        SpendForecast forecast;
        forecast.firstDay = asOfDay + 1;
        // A year of history at most; a contract that has not started yet has none (nothing is forecast).
        const std::int64_t historyFrom = std::max(c.fromDay, asOfDay - 364);
        if (historyFrom <= asOfDay) {
            std::vector<double> history;
            for (std::int64_t day = historyFrom; day <= asOfDay; ++day)
                history.push_back(Cost::toDouble(spend.perDay[static_cast<std::size_t>(day - c.fromDay)]));
            for (const Analytics::ForecastPoint &p : Analytics::forecastDaily(historyFrom, history, kForecastHorizon).points)
                forecast.perDay.push_back(std::max(0.0, p.forecast));
        }
        accountContract(c, spend, forecast, out);
    }
    return true;
}

} // namespace Contracts
