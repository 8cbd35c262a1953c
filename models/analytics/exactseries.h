#pragma once

#include "analytics/breakdown.h"
#include "domain/money.h"
#include "store/sqlitedb.h"

#include <string>
#include <vector>

/// Exact money behind a breakdown's time series. Analytics::breakdown() hands the series over
/// as doubles for drawing; tooltips and CSV exports need the exact amount of each bucket.
namespace Analytics {

/// Exact billed cost per [series][bucket] for the series and buckets of `b` (top N values and
/// "Other", as breakdown() chose them), in money units. Safe on any thread with its own connection.
bool exactSeries(Cost::SqliteDb &db, const Breakdown &b, std::vector<std::vector<Cost::BigMoney>> &out,
                 std::string &error);

} // namespace Analytics
