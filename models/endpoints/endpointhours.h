#pragma once

#include "endpoints/endpointstats.h"
#include "store/sqlitedb.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace Endpoints {

/// One weekday-hour (e.g. every Tuesday 10:00–11:00 UTC) of an endpoint over a range.
struct WeekHourCell {
    std::int64_t paidHours = 0; ///< clock hours in this slot with a charge of the endpoint
    std::int64_t busyHours = 0; ///< of those, hours with ≥ 1 matched request
    std::int64_t requests = 0;  ///< matched requests in those paid hours
    /// busyHours ÷ paidHours (0..1); -1 when the slot has no paid hour.
    double busyShare() const { return paidHours > 0 ? static_cast<double>(busyHours) / static_cast<double>(paidHours) : -1; }
};

/// An endpoint's paid and busy hours folded onto a week: 7 weekdays (0 = Monday) × 24 UTC hours.
struct WeekHours {
    static constexpr int kDays = 7;
    static constexpr int kHours = 24;
    std::array<WeekHourCell, kDays * kHours> cells{};
    /// The slot of `weekday` (0 = Monday … 6 = Sunday) and UTC `hour` (0–23).
    const WeekHourCell &at(int weekday, int hour) const { return cells[static_cast<std::size_t>(weekday * kHours + hour)]; }
    WeekHourCell &at(int weekday, int hour) { return cells[static_cast<std::size_t>(weekday * kHours + hour)]; }
};

/// One paid clock hour of an endpoint: its share of the bill and the matched telemetry.
struct HourLoad {
    std::int64_t hour = 0;          ///< UTC hour number (hours since 1970-01-01 00:00 UTC)
    Cost::BigMoney cost = 0;        ///< the endpoint's billed cost in this hour (each line split evenly over its clock hours, exactly)
    std::int64_t microHours = 0;    ///< instance hours × 10⁶ in this hour (replicas running; same split)
    std::int64_t requests = 0;      ///< matched requests (endpointStats' telemetry match)
    std::array<std::int64_t, 4> tokens{}; ///< matched tokens: input, cached input, cache write, output
};

/// Every paid clock hour of each of `endpoints` (as endpointStats gave them for the same range),
/// ascending; `out` is parallel to `endpoints`. Sums: cost = the stats' cost, requests and tokens
/// the stats'. `telemetry[i]` is true when any telemetry row matched endpoint i in the range's
/// hours (false: its load is unknown, not zero). Reads the caller's connection; false with `error`.
bool endpointHourLoads(Cost::SqliteDb &db, const std::vector<EndpointStats> &endpoints, std::optional<std::int64_t> fromDay,
                       std::optional<std::int64_t> toDay, std::vector<std::vector<HourLoad>> &out,
                       std::vector<bool> &telemetry, std::string &error);

/// The weekday of a UTC hour number (hours since 1970-01-01 00:00 UTC): 0 = Monday … 6 = Sunday.
int weekdayOfHour(std::int64_t hour);

/// For each of `endpoints` (as endpointStats gave them for the same range), its paid clock hours,
/// busy hours and matched requests per weekday × UTC hour, with endpointStats' telemetry match
/// (README.md): the sums over the cells equal the stats' paidClockHours, busyClockHours and
/// requests. `out` is parallel to `endpoints`. Reads the caller's connection; false with `error`.
bool endpointWeekHours(Cost::SqliteDb &db, const std::vector<EndpointStats> &endpoints, std::optional<std::int64_t> fromDay,
                       std::optional<std::int64_t> toDay, std::vector<WeekHours> &out, std::string &error);

} // namespace Endpoints
