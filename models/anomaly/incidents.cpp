#include "anomaly/incidents.h"

#include "analytics/analytics.h"

#include <algorithm>
#include <cstdlib>

namespace Analytics {

namespace {

int depthOf(const SeriesKey &key)
{
    if (key.dimension.empty())
        return 0;
    if (key.dimension == "provider")
        return 1;
    if (key.dimension == "model")
        return 2;
    return 3; // feature, team, endpoint: other partitions of the same money (endpoint: of a part of it)
}

// Marks the roots of one cluster (see groupIncidents) and fills its money.
void countOnce(Incident &incident, const ModelProviders &providers)
{
    std::vector<IncidentMember> &members = incident.members;
    // One grain per series: the one whose anomalies moved more.
    std::map<std::pair<SeriesKey, AnomalyGrain>, Cost::BigMoney> moved;
    for (const IncidentMember &m : members)
        moved[{m.anomaly.series, m.anomaly.grain}] += std::llabs(m.anomaly.impact());
    auto chosen = [&](const Anomaly &a) {
        const AnomalyGrain other = a.grain == AnomalyGrain::Day ? AnomalyGrain::Hour : AnomalyGrain::Day;
        const auto it = moved.find({a.series, other});
        const Cost::BigMoney mine = moved[{a.series, a.grain}];
        // Ties go to the daily grain (it covers the hourly points).
        return it == moved.end() || mine > it->second || (mine == it->second && a.grain == AnomalyGrain::Day);
    };
    auto mark = [&](const auto &pick) {
        bool any = false;
        for (IncidentMember &m : members)
            if (chosen(m.anomaly) && pick(m)) {
                m.counted = true;
                any = true;
            }
        return any;
    };

    if (!mark([](const IncidentMember &m) { return m.depth == 0; })) {
        std::set<std::string> flaggedProviders;
        for (const IncidentMember &m : members)
            if (m.depth == 1 && chosen(m.anomaly))
                flaggedProviders.insert(m.anomaly.series.value);
        const bool byProvider = mark([&](const IncidentMember &m) {
            if (m.depth == 1)
                return true;
            if (m.depth != 2)
                return false;
            const auto it = providers.find(m.anomaly.series.value);
            if (it == providers.end())
                return true;
            return std::none_of(it->second.begin(), it->second.end(),
                                [&](const std::string &p) { return flaggedProviders.count(p) > 0; });
        });
        if (!byProvider) {
            std::map<std::string, Cost::BigMoney> partition;
            for (const IncidentMember &m : members)
                if (chosen(m.anomaly))
                    partition[m.anomaly.series.dimension] += std::llabs(m.anomaly.impact());
            const auto largest = std::max_element(partition.begin(), partition.end(),
                                                  [](const auto &x, const auto &y) { return x.second < y.second; });
            if (largest != partition.end())
                mark([&](const IncidentMember &m) { return m.anomaly.series.dimension == largest->first; });
        }
    }

    for (const IncidentMember &m : members)
        if (m.counted) {
            incident.impact += m.anomaly.impact();
            incident.actual += m.anomaly.actual;
        }
    std::stable_sort(members.begin(), members.end(), [](const IncidentMember &x, const IncidentMember &y) {
        if (x.depth != y.depth)
            return x.depth < y.depth;
        return std::llabs(x.anomaly.impact()) > std::llabs(y.anomaly.impact());
    });
}

} // namespace

const Anomaly &Incident::lead() const
{
    const IncidentMember *best = &members.front();
    for (const IncidentMember &m : members)
        if (m.counted && (!best->counted || std::llabs(m.anomaly.impact()) > std::llabs(best->anomaly.impact())))
            best = &m;
    return best->anomaly;
}

std::vector<Incident> groupIncidents(std::vector<Anomaly> anomalies, const ModelProviders &providers)
{
    std::stable_sort(anomalies.begin(), anomalies.end(), [](const Anomaly &x, const Anomaly &y) { return x.start < y.start; });
    std::vector<Incident> out;
    for (Anomaly &a : anomalies) {
        if (out.empty() || a.start >= out.back().end) {
            Incident next;
            next.start = a.start;
            next.end = a.end;
            out.push_back(std::move(next));
        }
        Incident &incident = out.back();
        incident.end = std::max(incident.end, a.end);
        const int depth = depthOf(a.series);
        incident.members.push_back({std::move(a), false, depth});
    }
    for (Incident &incident : out)
        countOnce(incident, providers);
    std::stable_sort(out.begin(), out.end(),
                     [](const Incident &x, const Incident &y) { return std::llabs(x.impact) > std::llabs(y.impact); });
    return out;
}

bool modelProviders(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, ModelProviders &out, std::string &error)
{
    out.clear();
    TotalsRequest request;
    request.by = {"model", "provider"};
    request.fromDay = fromDay;
    request.toDay = toDay;
    std::vector<TotalsRow> rows;
    if (!totals(db, request, rows, error))
        return false;
    for (const TotalsRow &row : rows)
        if (row.keys.size() == 2)
            out[row.keys[0]].insert(row.keys[1]);
    return true;
}

Cost::BigMoney incidentMoney(const std::vector<Incident> &incidents, bool spikes)
{
    Cost::BigMoney sum = 0;
    for (const Incident &incident : incidents)
        if (spikes ? incident.impact > 0 : incident.impact < 0)
            sum += incident.impact;
    return sum;
}

} // namespace Analytics
