#include "recommend/recommendstate.h"

#include "pricing/pricecatalog.h"

#include <cmath>
#include <limits>

namespace Recommend {

namespace {

using Pricing::PriceKind;

bool fail(Cost::SqliteDb &db, std::string &error, const std::string &detail)
{
    error = "cannot update recommendations: " + detail;
    if (db.inTransaction())
        db.exec("ROLLBACK");
    return false;
}

Status statusFromName(std::string_view name)
{
    if (name == "dismissed")
        return Status::Dismissed;
    if (name == "snoozed")
        return Status::Snoozed;
    if (name == "done")
        return Status::Done;
    return Status::Open;
}

// What a feature costs at a provider in a period: billed token cost and units (requests, or tokens
// when the source reports none), all models together — a model swap shows in the feature's cost.
struct ScopeCost {
    Cost::BigMoney billed = 0;
    std::int64_t requests = 0;
    std::int64_t tokens = 0;
};

ScopeCost scopeCost(const Simulation::UsageSnapshot &usage, const std::string &feature, const std::string &provider)
{
    ScopeCost s;
    for (const auto &c : usage.cells) {
        const auto &g = usage.groups[c.group];
        if (g.feature != feature || g.provider != provider)
            continue;
        s.billed += c.billed;
        s.requests += c.requests;
        for (const std::int64_t t : c.tokens)
            s.tokens += t;
    }
    return s;
}

// The change of a kind's signal that says the recommendation was acted on.
bool signalMoved(const std::string &kind, double before, double now)
{
    if (std::isnan(before) || std::isnan(now))
        return false;
    if (kind == "smaller_model" || kind == "long_context")
        return now <= before * 0.5;
    if (kind == "prompt_caching")
        return now >= before + 0.15;
    if (kind == "batch")
        return now >= before + 0.5;
    if (kind == "compression")
        return now <= before * 0.9;
    return false;
}

bool readRow(Cost::SqliteStmt &st, Tracked &t)
{
    t.key = std::string(st.text(0));
    t.kind = std::string(st.text(1));
    t.feature = std::string(st.text(2));
    t.provider = std::string(st.text(3));
    t.model = std::string(st.text(4));
    t.scope = std::string(st.text(5));
    t.status = statusFromName(st.text(6));
    t.reason = std::string(st.text(7));
    t.snoozeUntil = st.int64(8);
    t.seenFrom = st.int64(9);
    t.seenTo = st.int64(10);
    t.predictedMonthly = st.int64(11);
    t.baselineBilled = st.int64(12);
    t.baselineUnits = st.int64(13);
    t.unitsAreRequests = st.int64(14) != 0;
    t.baselineSignal = st.isNull(15) ? std::numeric_limits<double>::quiet_NaN() : st.real(15);
    t.realisedMonthly = st.int64(16);
    t.realisedFrom = st.int64(17);
    t.realisedTo = st.int64(18);
    return true;
}

constexpr const char *kColumns = "key, kind, feature, provider, model, scope, status, reason, snooze_until, seen_from, seen_to,"
                                 " predicted_monthly, baseline_billed, baseline_units, units_are_requests, baseline_signal,"
                                 " realised_monthly, realised_from, realised_to";

} // namespace

const char *statusName(Status status)
{
    static const char *kNames[] = {"open", "dismissed", "snoozed", "done"};
    return kNames[static_cast<int>(status)];
}

std::string recommendationKey(const Recommendation &r)
{
    return std::string(kindName(r.kind)) + '|' + r.feature + '|' + r.provider + '|' + r.model;
}

bool Tracked::hidden(std::int64_t today) const
{
    return status == Status::Dismissed || status == Status::Done || (status == Status::Snoozed && today <= snoozeUntil);
}

double kindSignal(const Simulation::UsageSnapshot &usage, const std::string &kind, const std::string &feature,
                  const std::string &provider, const std::string &model)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // Numerator and denominator over the feature at the provider (on the model, where the kind is about it).
    double num = 0, den = 0;
    const bool wholeFeature = kind == "smaller_model" || kind == "batch";
    for (const auto &c : usage.cells) {
        const auto &g = usage.groups[c.group];
        if (g.feature != feature || g.provider != provider || (!wholeFeature && g.model != model))
            continue;
        double all = 0;
        for (const std::int64_t t : c.tokens)
            all += static_cast<double>(t);
        const double read = static_cast<double>(c.tokens[static_cast<std::size_t>(PriceKind::CacheRead)]);
        const double out = static_cast<double>(c.tokens[static_cast<std::size_t>(PriceKind::Output)]);
        if (kind == "smaller_model") {
            num += g.model == model ? all : 0;
            den += all;
        } else if (kind == "prompt_caching") {
            num += read;
            den += all - out;
        } else if (kind == "batch") {
            num += g.tier == Pricing::Tier::Batch ? all : 0;
            den += all;
        } else if (kind == "compression") {
            num += all - out;
            den += static_cast<double>(c.requests > 0 ? c.requests : 0);
        } else if (kind == "long_context") {
            num += g.longContext ? all : 0;
            den += all;
        } else {
            return nan;
        }
    }
    return den > 0 ? num / den : nan;
}

bool loadTracked(Cost::SqliteDb &db, std::map<std::string, Tracked> &out, std::string &error)
{
    out.clear();
    Cost::SqliteStmt st(db, std::string("SELECT ") + kColumns + " FROM recommendation");
    if (!st.ok()) {
        error = "cannot read recommendations: " + db.error();
        return false;
    }
    while (st.step()) {
        Tracked t;
        readRow(st, t);
        out.emplace(t.key, std::move(t));
    }
    if (!st.error().empty()) {
        error = "cannot read recommendations: " + st.error();
        return false;
    }
    return true;
}

bool track(Cost::SqliteDb &db, const Simulation::PricedUsage &priced, const std::vector<Recommendation> &found,
           std::map<std::string, Tracked> &out, std::string &error)
{
    const Simulation::UsageSnapshot &usage = priced.usage();
    if (!db.exec("BEGIN IMMEDIATE"))
        return fail(db, error, db.error());
    std::map<std::string, Tracked> before;
    if (!loadTracked(db, before, error))
        return fail(db, error, error);
    Cost::SqliteStmt insert(db, std::string("INSERT INTO recommendation(") + kColumns
                                    + ") VALUES(?1, ?2, ?3, ?4, ?5, ?6, 'open', '', 0, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0, 0, 0)"
                                    " ON CONFLICT DO NOTHING");
    for (const Recommendation &r : found) {
        const std::string key = recommendationKey(r);
        if (before.count(key))
            continue;
        const ScopeCost cost = scopeCost(usage, r.feature, r.provider);
        const bool requests = cost.requests > 0;
        const double signal = kindSignal(usage, kindName(r.kind), r.feature, r.provider, r.model);
        insert.reset();
        insert.bind(1, std::string_view(key));
        insert.bind(2, std::string_view(kindName(r.kind)));
        insert.bind(3, std::string_view(r.feature));
        insert.bind(4, std::string_view(r.provider));
        insert.bind(5, std::string_view(r.model));
        insert.bind(6, std::string_view(r.scope));
        insert.bind(7, usage.fromDay);
        insert.bind(8, usage.toDay);
        insert.bind(9, static_cast<std::int64_t>(r.result.monthly));
        insert.bind(10, static_cast<std::int64_t>(cost.billed));
        insert.bind(11, requests ? cost.requests : cost.tokens);
        insert.bind(12, std::int64_t(requests ? 1 : 0));
        if (std::isnan(signal))
            insert.bindNull(13);
        else
            insert.bind(13, signal);
        if (!insert.exec())
            return fail(db, error, insert.error());
    }
    // Acted on: the scope's usage in a later period shows the change (a partial change that leaves
    // the rule firing on the rest counts: the remainder's saving is small by then).
    Cost::SqliteStmt done(db, "UPDATE recommendation SET status = 'done', realised_monthly = ?2, realised_from = ?3,"
                              " realised_to = ?4 WHERE key = ?1");
    for (const auto &[key, t] : before) {
        if ((t.status != Status::Open && t.status != Status::Snoozed) || usage.fromDay <= t.seenTo
            || t.baselineUnits <= 0)
            continue;
        const ScopeCost now = scopeCost(usage, t.feature, t.provider);
        const std::int64_t units = t.unitsAreRequests ? now.requests : now.tokens;
        if (units <= 0 || !signalMoved(t.kind, t.baselineSignal, kindSignal(usage, t.kind, t.feature, t.provider, t.model)))
            continue;
        // (cost per unit before − now) × units now, per 30 days of the later period; exact.
        const Cost::BigMoney numerator = (Cost::BigMoney(t.baselineBilled) * units - now.billed * t.baselineUnits) * 30;
        const Cost::BigMoney realised = Pricing::roundDiv(numerator, Cost::BigMoney(t.baselineUnits) * usage.days());
        done.reset();
        done.bind(1, std::string_view(key));
        done.bind(2, static_cast<std::int64_t>(realised));
        done.bind(3, usage.fromDay);
        done.bind(4, usage.toDay);
        if (!done.exec())
            return fail(db, error, done.error());
    }
    if (!loadTracked(db, out, error))
        return fail(db, error, error);
    if (!db.exec("COMMIT"))
        return fail(db, error, db.error());
    return true;
}

bool setStatus(Cost::SqliteDb &db, const std::string &key, Status status, const std::string &reason,
               std::int64_t snoozeUntil, std::string &error)
{
    Cost::SqliteStmt st(db, "UPDATE recommendation SET status = ?2, reason = ?3, snooze_until = ?4 WHERE key = ?1");
    st.bind(1, std::string_view(key));
    st.bind(2, std::string_view(statusName(status)));
    st.bind(3, std::string_view(reason));
    st.bind(4, status == Status::Snoozed ? snoozeUntil : std::int64_t(0));
    if (!st.exec())
        return fail(db, error, st.error());
    if (db.changes() == 0)
        return fail(db, error, "no recommendation '" + key + "'");
    return true;
}

} // namespace Recommend
