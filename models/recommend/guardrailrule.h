#pragma once

#include "recommend/recommend.h"

#include <vector>

namespace Recommend {

/// Guardrails: a feature whose daily spend (all its models, at catalog prices) is spiky — days
/// above median + 5·MAD and above 1.5× the median, in a period of at least 14 days — gets a
/// suggested daily limit: the highest ordinary day rounded up (whole currency units from 10, else
/// cents), which every spiky day exceeds. The saving is the overflow above the limit on those days
/// served by a fallback (the smaller sibling of the feature's model with the most spend on them):
/// a routing step moving that share of the model's traffic over the period, ±20%, confidence 0.3
/// (it pays only if incidents recur). Candidates not yet priced. Pure; any thread.
std::vector<Recommendation> guardrailRule(const Simulation::PricedUsage &priced);

} // namespace Recommend
