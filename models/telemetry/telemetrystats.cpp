#include "telemetry/telemetrystats.h"

#include "telemetry/telemetrystore.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace Telemetry {

bool stats(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, StatsBy by, std::vector<Stats> &out,
           std::string &error)
{
    out.clear();
    const char *column = by == StatsBy::Feature ? "feature" : by == StatsBy::Team ? "team" : "model";
    Cost::SqliteStmt st(db, std::string("SELECT ") + column + (by == StatsBy::Model ? ", provider" : ", ''")
                                + ", \"user\", input + cached_input + cache_write + output, requests, timed, latency FROM telemetry_usage"
                                  " WHERE hour >= ?1 AND hour < ?2");
    if (!st.ok()) {
        error = "cannot read telemetry: " + db.error();
        return false;
    }
    st.bind(1, fromDay * 24);
    st.bind(2, (toDay + 1) * 24);
    struct Acc {
        Stats stats;
        std::set<std::string> users;
        std::vector<std::int64_t> histogram = std::vector<std::int64_t>(Latency::kBuckets, 0);
    };
    std::map<std::pair<std::string, std::string>, Acc> byValue;
    while (st.step()) {
        Acc &a = byValue[{std::string(st.text(0)), std::string(st.text(1))}];
        const std::string_view user = st.text(2);
        if (!user.empty())
            a.users.emplace(user);
        a.stats.tokens += st.int64(3);
        a.stats.requests += st.int64(4);
        a.stats.timed += st.int64(5);
        Latency::accumulate(st.text(6), a.histogram);
    }
    if (!st.error().empty()) {
        error = "cannot read telemetry: " + st.error();
        return false;
    }
    for (auto &[key, a] : byValue) {
        a.stats.value = key.first;
        a.stats.provider = key.second;
        a.stats.users = static_cast<std::int64_t>(a.users.size());
        a.stats.p50Ms = Latency::quantile(a.histogram, 0.5);
        a.stats.p95Ms = Latency::quantile(a.histogram, 0.95);
        out.push_back(std::move(a.stats));
    }
    std::stable_sort(out.begin(), out.end(), [](const Stats &a, const Stats &b) {
        return std::tie(b.requests, a.value, a.provider) < std::tie(a.requests, b.value, b.provider);
    });
    return true;
}

} // namespace Telemetry
