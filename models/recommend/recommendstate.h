#pragma once

#include "domain/money.h"
#include "recommend/recommend.h"
#include "store/sqlitedb.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

/// What the store remembers of each recommendation (table `recommendation`, schema 17): when it was
/// first found and what its scope looked like then, whether the user dismissed or snoozed it (with
/// a reason; undoable by writing the previous state back), and whether its change has shown in
/// later usage — then it is done, with the saving measured on that later usage.
namespace Recommend {

enum class Status { Open, Dismissed, Snoozed, Done };
/// "open", "dismissed", "snoozed", "done".
const char *statusName(Status status);

/// "kind|feature|provider|model": what a recommendation is about, the same in every period.
std::string recommendationKey(const Recommendation &r);

/// One remembered recommendation.
struct Tracked {
    std::string key;
    std::string kind, feature, provider, model, scope;
    Status status = Status::Open;
    std::string reason;             ///< the user's words for Dismiss / Snooze
    std::int64_t snoozeUntil = 0;   ///< last snoozed day (Snoozed)
    std::int64_t seenFrom = 0;      ///< the period it was first found in
    std::int64_t seenTo = 0;
    Cost::Money predictedMonthly = 0; ///< its savings per month when first found
    Cost::Money baselineBilled = 0;   ///< the feature's billed token cost at the provider then
    std::int64_t baselineUnits = 0;   ///< its requests, or tokens when the source reports no requests
    bool unitsAreRequests = true;
    double baselineSignal = 0;        ///< the kind's signal then (see README)
    Cost::Money realisedMonthly = 0;  ///< Done: the saving measured on later usage, per month (signed)
    std::int64_t realisedFrom = 0;    ///< Done: the later period it was measured on
    std::int64_t realisedTo = 0;

    /// Hidden from the open list on `today`: dismissed, done, or snoozed through a later day.
    bool hidden(std::int64_t today) const;
};

/// Every remembered recommendation, by key.
bool loadTracked(Cost::SqliteDb &db, std::map<std::string, Tracked> &out, std::string &error);

/// Records the recommendations found in `priced`'s period (the first sighting keeps its baseline)
/// and marks done each open or snoozed one whose change shows in a period after the one it was
/// found in (its signal moved; README "Savings recommendations"). One
/// transaction; returns what the store holds afterwards in `out`.
bool track(Cost::SqliteDb &db, const Simulation::PricedUsage &priced, const std::vector<Recommendation> &found,
           std::map<std::string, Tracked> &out, std::string &error);

/// Dismisses or snoozes (until `snoozeUntil`, inclusive) the recommendation `key`, or opens it again
/// (Status::Open); the reason is kept. False with `error` when the key is unknown.
bool setStatus(Cost::SqliteDb &db, const std::string &key, Status status, const std::string &reason,
               std::int64_t snoozeUntil, std::string &error);

/// The kind's signal for the scope in `usage` (for tests and the page's evidence): smaller model —
/// share of the feature's tokens at the provider on the model; caching — share of input read from
/// cache; batch — share on the batch tier; compression — input tokens per unit; long context —
/// share in the long-context band. NaN when the scope has no usage or the kind has no signal.
double kindSignal(const Simulation::UsageSnapshot &usage, const std::string &kind, const std::string &feature,
                  const std::string &provider, const std::string &model);

} // namespace Recommend
