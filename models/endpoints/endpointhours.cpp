#include "endpoints/endpointhours.h"

#include "endpoints/endpointdecoder.h"
#include "pricing/pricecatalog.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <utility>

namespace Endpoints {

namespace {

constexpr std::int64_t kHour = 3600;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// `total` split over `n` parts as evenly as exact integers allow: the first |remainder| parts
// carry one unit more (or less), so the parts sum to `total`.
Cost::BigMoney evenPart(Cost::BigMoney total, std::int64_t n, std::int64_t i)
{
    const Cost::BigMoney base = total / n;
    const Cost::BigMoney rest = total - base * n; // same sign as total
    const Cost::BigMoney magnitude = rest < 0 ? -rest : rest;
    return base + (i < magnitude ? (rest < 0 ? -1 : 1) : 0);
}

} // namespace

int weekdayOfHour(std::int64_t hour)
{
    // Day 0 (1970-01-01) was a Thursday, weekday 3 when Monday is 0.
    return static_cast<int>(((floorDiv(hour, 24) + 3) % 7 + 7) % 7);
}

bool endpointHourLoads(Cost::SqliteDb &db, const std::vector<EndpointStats> &endpoints, std::optional<std::int64_t> fromDay,
                       std::optional<std::int64_t> toDay, std::vector<std::vector<HourLoad>> &out,
                       std::vector<bool> &telemetry, std::string &error)
{
    out.assign(endpoints.size(), {});
    telemetry.assign(endpoints.size(), false);
    std::map<std::pair<std::string, std::string>, std::size_t> index;
    for (std::size_t i = 0; i < endpoints.size(); ++i)
        index.emplace(std::pair{endpoints[i].provider, endpoints[i].endpoint}, i);

    // Each charge's cost and instance hours spread over the UTC clock hours it spans, as
    // endpointStats counts paid hours.
    std::vector<std::map<std::int64_t, HourLoad>> hours(endpoints.size());
    auto text = [](const char *col) { return std::string("coalesce((SELECT s FROM dict WHERE id = c.") + col + "), '')"; };
    Cost::SqliteStmt st(db, "SELECT f.start, f.duration, f.billed, f.consumed, f.pricing_qty, " + text("provider") + ", "
                                + text("endpoint") + ", " + text("instance_type") + ", " + text("consumed_unit") + ", "
                                + text("pricing_unit")
                                + " FROM fact f JOIN combo c ON c.id = f.combo_id WHERE c.endpoint != 0 AND f.start >= ?1 AND f.start < ?2");
    if (!st.ok()) {
        error = db.error();
        return false;
    }
    st.bind(1, fromDay ? *fromDay * 86400 : std::numeric_limits<std::int64_t>::min());
    st.bind(2, toDay ? (*toDay + 1) * 86400 : std::numeric_limits<std::int64_t>::max());
    while (st.step()) {
        const auto it = index.find({std::string(st.text(5)), std::string(st.text(6))});
        if (it == index.end())
            continue;
        const std::int64_t start = st.int64(0);
        const std::int64_t end = start + std::max<std::int64_t>(st.int64(1), 0);
        const std::int64_t first = floorDiv(start, kHour);
        const std::int64_t last = std::max(first + 1, floorDiv(end + kHour - 1, kHour));
        double lineHours = 0;
        if (!st.text(7).empty()) {
            // Instance hours: the consumed quantity when its unit is hours, else the pricing one.
            for (auto [q, u] : {std::pair{3, 8}, std::pair{4, 9}}) {
                const double mult = hourUnitMultiplier(st.text(u));
                if (mult > 0 && !st.isNull(q)) {
                    lineHours = st.real(q) * mult;
                    break;
                }
            }
        }
        const Cost::BigMoney cost = st.int64(2);
        const auto micro = static_cast<std::int64_t>(std::llround(lineHours * 1e6));
        for (std::int64_t h = first; h < last; ++h) {
            HourLoad &load = hours[it->second][h];
            load.hour = h;
            load.cost += evenPart(cost, last - first, h - first);
            load.microHours += static_cast<std::int64_t>(evenPart(micro, last - first, h - first));
        }
    }
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }

    Cost::SqliteStmt tel(db, "SELECT hour, input, cached_input, cache_write, output, requests FROM telemetry_usage"
                             " WHERE model = ?1 AND hour BETWEEN ?2 AND ?3");
    if (!tel.ok()) {
        error = db.error();
        return false;
    }
    for (std::size_t i = 0; i < endpoints.size(); ++i) {
        auto &paid = hours[i];
        if (paid.empty())
            continue;
        for (const std::string &model : matchedModels(endpoints[i].servedModel, endpoints[i].endpoint)) {
            tel.reset();
            tel.bind(1, std::string_view(model));
            tel.bind(2, paid.begin()->first);
            tel.bind(3, paid.rbegin()->first);
            while (tel.step()) {
                telemetry[i] = true;
                const auto h = paid.find(tel.int64(0));
                if (h == paid.end())
                    continue;
                for (int k = 0; k < 4; ++k)
                    h->second.tokens[static_cast<std::size_t>(k)] += tel.int64(1 + k);
                h->second.requests += tel.int64(5);
            }
            if (!tel.error().empty()) {
                error = tel.error();
                return false;
            }
        }
        out[i].reserve(paid.size());
        for (auto &[h, load] : paid)
            out[i].push_back(load);
    }
    return true;
}

bool endpointWeekHours(Cost::SqliteDb &db, const std::vector<EndpointStats> &endpoints, std::optional<std::int64_t> fromDay,
                       std::optional<std::int64_t> toDay, std::vector<WeekHours> &out, std::string &error)
{
    std::vector<std::vector<HourLoad>> loads;
    std::vector<bool> telemetry;
    if (!endpointHourLoads(db, endpoints, fromDay, toDay, loads, telemetry, error))
        return false;
    out.assign(endpoints.size(), WeekHours{});
    for (std::size_t i = 0; i < endpoints.size(); ++i) {
        for (const HourLoad &load : loads[i]) {
            WeekHourCell &cell = out[i].at(weekdayOfHour(load.hour), static_cast<int>(load.hour - floorDiv(load.hour, 24) * 24));
            ++cell.paidHours;
            cell.requests += load.requests;
            cell.busyHours += load.requests > 0 ? 1 : 0;
        }
    }
    return true;
}

} // namespace Endpoints
