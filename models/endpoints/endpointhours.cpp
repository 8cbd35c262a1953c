#include "endpoints/endpointhours.h"

#include "domain/modelname.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

namespace Endpoints {

namespace {

constexpr std::int64_t kHour = 3600;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

} // namespace

int weekdayOfHour(std::int64_t hour)
{
    // Day 0 (1970-01-01) was a Thursday, weekday 3 when Monday is 0.
    return static_cast<int>(((floorDiv(hour, 24) + 3) % 7 + 7) % 7);
}

bool endpointWeekHours(Cost::SqliteDb &db, const std::vector<EndpointStats> &endpoints, std::optional<std::int64_t> fromDay,
                       std::optional<std::int64_t> toDay, std::vector<WeekHours> &out, std::string &error)
{
    out.assign(endpoints.size(), WeekHours{});
    std::map<std::pair<std::string, std::string>, std::size_t> index;
    for (std::size_t i = 0; i < endpoints.size(); ++i)
        index.emplace(std::pair{endpoints[i].provider, endpoints[i].endpoint}, i);

    // The paid clock hours of each endpoint: the UTC hours its charges span, as endpointStats counts them.
    std::vector<std::set<std::int64_t>> paid(endpoints.size());
    Cost::SqliteStmt st(db, "SELECT f.start, f.duration, coalesce((SELECT s FROM dict WHERE id = c.provider), ''),"
                            " coalesce((SELECT s FROM dict WHERE id = c.endpoint), '')"
                            " FROM fact f JOIN combo c ON c.id = f.combo_id WHERE c.endpoint != 0 AND f.start >= ?1 AND f.start < ?2");
    if (!st.ok()) {
        error = db.error();
        return false;
    }
    st.bind(1, fromDay ? *fromDay * 86400 : std::numeric_limits<std::int64_t>::min());
    st.bind(2, toDay ? (*toDay + 1) * 86400 : std::numeric_limits<std::int64_t>::max());
    while (st.step()) {
        const auto it = index.find({std::string(st.text(2)), std::string(st.text(3))});
        if (it == index.end())
            continue;
        const std::int64_t start = st.int64(0);
        const std::int64_t end = start + std::max<std::int64_t>(st.int64(1), 0);
        const std::int64_t first = floorDiv(start, kHour);
        const std::int64_t last = std::max(first + 1, floorDiv(end + kHour - 1, kHour));
        for (std::int64_t h = first; h < last; ++h)
            paid[it->second].insert(h);
    }
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }

    Cost::SqliteStmt tel(db, "SELECT hour, requests FROM telemetry_usage WHERE model = ?1 AND hour BETWEEN ?2 AND ?3");
    if (!tel.ok()) {
        error = db.error();
        return false;
    }
    for (std::size_t i = 0; i < endpoints.size(); ++i) {
        const std::set<std::int64_t> &hours = paid[i];
        if (hours.empty())
            continue;
        // The models endpointStats matches: the model served and the endpoint's own name, canonical.
        std::set<std::string> models;
        for (const std::string &name : {endpoints[i].servedModel, endpoints[i].endpoint}) {
            const std::string canonical = Cost::canonicalModel(name);
            if (!canonical.empty())
                models.insert(canonical);
        }
        std::unordered_map<std::int64_t, std::int64_t> requests;
        for (const std::string &model : models) {
            tel.reset();
            tel.bind(1, std::string_view(model));
            tel.bind(2, *hours.begin());
            tel.bind(3, *hours.rbegin());
            while (tel.step())
                if (hours.count(tel.int64(0)))
                    requests[tel.int64(0)] += tel.int64(1);
            if (!tel.error().empty()) {
                error = tel.error();
                return false;
            }
        }
        WeekHours &week = out[i];
        for (const std::int64_t h : hours) {
            WeekHourCell &cell = week.at(weekdayOfHour(h), static_cast<int>(h - floorDiv(h, 24) * 24));
            ++cell.paidHours;
            const auto r = requests.find(h);
            if (r != requests.end()) {
                cell.requests += r->second;
                cell.busyHours += r->second > 0 ? 1 : 0;
            }
        }
    }
    return true;
}

} // namespace Endpoints
