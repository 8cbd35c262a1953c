#include "simulation/trafficprofile.h"

#include "pricing/pricematching.h"

#include <algorithm>

namespace Simulation {

namespace {

constexpr int kWindow = 8;
constexpr int kFlatMinPct = 60;   // quietest 8 h ≥ 60% of the busiest 8 h
constexpr int kBulkHours = 3;     // ≥ half the tokens in 3 hours or fewer
constexpr int kMinActiveHours = 2;

} // namespace

TrafficShape shapeOf(const std::array<std::int64_t, 24> &tokens)
{
    std::int64_t total = 0;
    int active = 0;
    for (const auto t : tokens) {
        total += t;
        active += t > 0 ? 1 : 0;
    }
    if (total <= 0 || active < kMinActiveHours)
        return TrafficShape::Unknown;
    std::array<std::int64_t, 24> sorted = tokens;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    std::int64_t top = 0;
    for (int i = 0; i < kBulkHours; ++i)
        top += sorted[static_cast<std::size_t>(i)];
    if (top * 2 >= total)
        return TrafficShape::Bulk;
    std::int64_t quiet = -1, busy = 0;
    for (int start = 0; start < 24; ++start) {
        std::int64_t sum = 0;
        for (int h = 0; h < kWindow; ++h)
            sum += tokens[static_cast<std::size_t>((start + h) % 24)];
        quiet = quiet < 0 ? sum : std::min(quiet, sum);
        busy = std::max(busy, sum);
    }
    return quiet * 100 >= busy * kFlatMinPct ? TrafficShape::Flat : TrafficShape::Interactive;
}

TrafficShape TrafficProfiles::shape(const std::string &feature, const std::string &model) const
{
    const auto *tokens = profile(feature, model);
    return tokens ? shapeOf(*tokens) : TrafficShape::Unknown;
}

const std::array<std::int64_t, 24> *TrafficProfiles::profile(const std::string &feature, const std::string &model) const
{
    for (const auto &key : PriceMatching::lookupKeys(model)) {
        const auto it = byFeatureModel.find({feature, key});
        if (it != byFeatureModel.end())
            return &it->second;
    }
    return nullptr;
}

bool loadTrafficProfiles(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, TrafficProfiles &out,
                         std::string &error)
{
    out = TrafficProfiles();
    const auto add = [&](Cost::SqliteStmt &st) {
        while (st.step()) {
            // Under every spelling of the model: "gpt-4o" gathers its snapshots too.
            for (auto &key : PriceMatching::lookupKeys(st.text(2)))
                out.byFeatureModel[{std::string(st.text(1)), std::move(key)}][static_cast<std::size_t>(st.int64(0) % 24)] += st.int64(3);
        }
        if (!st.error().empty()) {
            error = st.error();
            return false;
        }
        return true;
    };
    Cost::SqliteStmt charges(db, "SELECT (f.start / 3600) % 24, coalesce((SELECT s FROM dict WHERE id = a.feature), ''),"
                                 " coalesce((SELECT s FROM dict WHERE id = c.model), ''), sum(f.tokens)"
                                 " FROM fact f JOIN combo c ON c.id = f.combo_id"
                                 " JOIN combo_allocation a ON a.combo_id = f.combo_id AND a.day = -1"
                                 " WHERE f.start >= ?1 AND f.start < ?2 AND f.duration <= 3600 AND f.tokens > 0"
                                 " GROUP BY 1, a.feature, c.model");
    if (!charges.ok()) {
        error = charges.error();
        return false;
    }
    charges.bind(1, fromDay * 86400);
    charges.bind(2, (toDay + 1) * 86400);
    if (!add(charges))
        return false;
    Cost::SqliteStmt telemetry(db, "SELECT hour % 24, feature, model, sum(input + cached_input + cache_write + output)"
                                   " FROM telemetry_usage WHERE hour >= ?1 AND hour < ?2 GROUP BY 1, 2, 3");
    if (!telemetry.ok()) {
        error = telemetry.error();
        return false;
    }
    telemetry.bind(1, fromDay * 24);
    telemetry.bind(2, (toDay + 1) * 24);
    return add(telemetry);
}

} // namespace Simulation
