#pragma once

#include "allocation/allocation.h"
#include "store/store.h"

#include <QString>

#include <vector>

/// The store work of the rules editor, as pure functions of a connection. Threading contract:
/// each runs on a worker thread with a Cost::Store opened there and returns a value; nothing
/// here touches a widget.
namespace RulesJobs {

/// Length of the window the editor reports on ("the last 30 days" of data).
inline constexpr qint64 kWindowDays = 30;

/// The stored rules and the unallocated cost of the last 30 days of data.
struct Summary {
    QString error;                       ///< empty on success
    bool empty = true;                   ///< no charge stored yet
    qint64 fromDay = 0;                  ///< inclusive window start (day number)
    qint64 toDay = -1;                   ///< inclusive window end: the last day with charges
    Cost::BigMoney unallocated = 0;      ///< billed cost with no feature in the window
    Cost::BigMoney total = 0;            ///< all billed cost in the window
    QString currency;                    ///< billing currency (ISO 4217)
    bool withRules = false;              ///< `rules` was loaded
    std::vector<Allocation::Rule> rules; ///< the stored rules, in order
};

/// Reads the summary; loads the stored rules too when `withRules`.
Summary summarize(Cost::Store &store, bool withRules);

/// What rule `index` of an edited list would move within the last 30 days of data.
struct PreviewResult {
    QString error;
    bool empty = true; ///< no charge stored yet
    qint64 fromDay = 0;
    qint64 toDay = -1;
    Allocation::Preview preview;
    QString currency;
};

/// Previews rule `index` of `rules` (every rule up to it must be valid).
PreviewResult preview(Cost::Store &store, const std::vector<Allocation::Rule> &rules, std::size_t index);

/// Replaces the stored rules and re-allocates every charge in one transaction; the error, or
/// empty on success.
QString save(Cost::Store &store, const std::vector<Allocation::Rule> &rules);

} // namespace RulesJobs
