#pragma once

#include "recommend/recommend.h"

#include <vector>

namespace Recommend {

/// Long-context surcharge: per feature and model, the usage billed at a provider's long-context
/// band (prompts above its threshold, e.g. 200k tokens: UsageGroup::longContext) → the same model
/// with the requests chunked below the threshold: a model_swap to itself with "context":
/// "standard" and +10% input for chunk overlap and instructions repeated per chunk, ±10%.
/// Confidence 0.5 (chunking needs a task that splits: retrieval, map-reduce summaries). Candidates
/// not yet priced (recommend() evaluates them). Pure; any thread.
std::vector<Recommendation> longContextRule(const Simulation::PricedUsage &priced);

} // namespace Recommend
