#pragma once

#include "anomaly/anomalyscan.h"
#include "domain/money.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

/// Anomalies grouped into incidents. One spike usually shows in several series (the total, its
/// provider, its model, a feature and a team) and at both grains; adding the anomalies' impacts
/// counts its money several times. An incident is a set of anomalies whose times overlap, arranged
/// as a tree total → provider → model → feature/team, and its money is counted once: at the
/// highest level that flagged it.
namespace Analytics {

/// One anomaly inside an incident.
struct IncidentMember {
    Anomaly anomaly;
    bool counted = false; ///< its impact is part of the incident's (a root of the tree)
    int depth = 0;        ///< 0 total, 1 provider, 2 model, 3 feature/team/endpoint
};

/// Overlapping anomalies of one event, counted once.
struct Incident {
    std::int64_t start = 0;              ///< epoch seconds, earliest member start
    std::int64_t end = 0;                ///< epoch seconds, latest member end (exclusive)
    Cost::Money impact = 0;              ///< sum of the counted members' impacts (money counted once)
    Cost::Money actual = 0;              ///< sum of the counted members' actual cost
    std::vector<IncidentMember> members; ///< tree order: depth first, then largest |impact|
    /// The member that leads the incident (the counted one with the largest |impact|).
    const Anomaly &lead() const;
};

/// The providers each model is billed through ("gpt-4o" → {"azure", "openai"}). A model counts on
/// its own only when none of its providers flagged; a model missing here counts on its own.
using ModelProviders = std::map<std::string, std::set<std::string>>;

/// Groups `anomalies` into incidents (members overlap in time, directly or through each other).
/// Counted per incident: the total series if it flagged; else each flagged provider, plus each
/// flagged model none of whose providers flagged; else the feature or the team values (whichever
/// partition moved more). Per series one grain counts (the one with the larger |impact|), so the
/// counted members never share money. Largest |impact| first. Pure; any thread.
std::vector<Incident> groupIncidents(std::vector<Anomaly> anomalies, const ModelProviders &providers);

/// The model → provider map of the charges between two inclusive days. False with `error`.
bool modelProviders(Cost::SqliteDb &db, std::int64_t fromDay, std::int64_t toDay, ModelProviders &out, std::string &error);

/// Sum of the incidents' positive (`spikes` true) or negative impacts.
Cost::BigMoney incidentMoney(const std::vector<Incident> &incidents, bool spikes);

} // namespace Analytics
