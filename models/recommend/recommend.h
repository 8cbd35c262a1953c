#pragma once

#include "pricing/pricedusage.h"
#include "simulation/scenarioengine.h"

#include <string>
#include <vector>

/// Savings recommendations (issue #19, first part): scans a period's priced usage per feature and
/// model for the seed article's opportunities and prices each one with the scenario engine, so its
/// savings are exactly what `burnrate simulate` gives for its scenario. The rules (README,
/// "Savings recommendations"):
/// - smaller model: a feature on a large model whose requests look routine (at most 100 output
///   tokens per request and output ≤ 10% of input) → the same provider's smaller model;
/// - prompt caching: ≥ 2,000 uncached input tokens per request and ≤ 10% of input read from cache
///   → caching half of it at an 80% hit rate;
/// - batch: a feature still on the real-time tier whose traffic is flat through the night or
///   arrives in bulk (trafficprofile.h), or, a weaker signal, whose name says offline work
///   (summarise, classify, embed, extract, digest, report, nightly, batch…) → the batch tier;
/// - compression: input ≥ 20× output and ≥ 1M input tokens → a prompt-compression step cutting 20%;
/// - long context: usage billed at a long-context band → chunked below the threshold (longcontextrule.h);
/// - guardrail: a feature with spiky daily spend → a daily limit and a fallback model (guardrailrule.h).
/// Pure; any thread (evaluate() only reads the PricedUsage).
namespace Simulation {
struct TrafficProfiles;
}

namespace Recommend {

enum class Kind { SmallerModel, PromptCaching, Batch, Compression, LongContext, Guardrail };
/// "smaller_model", "prompt_caching", "batch", "compression", "long_context", "guardrail".
const char *kindName(Kind kind);

struct Recommendation {
    Kind kind = Kind::Compression;
    std::string feature;  ///< "" = unallocated
    std::string provider; ///< as stored
    std::string model;
    std::string scope;    ///< "feature summarize on gpt-4o (OpenAI)"
    double confidence = 0; ///< 0–1: how sure the rule is that the change does the job
    std::string evidence;  ///< what the rule saw ("avg 14,200 input tokens per request, 2% cached")
    Simulation::Scenario scenario; ///< with the period, so `simulate` prices the same usage
    Simulation::ScenarioResult result;
    // Guardrail only:
    Cost::Money dailyLimit = 0;  ///< suggested daily spend limit (quota/budget) for the feature
    std::string fallbackModel;   ///< model the traffic over the limit falls back to
};

/// The opportunities with positive savings, largest monthly savings first (ties: kind, scope).
/// `profiles` (optional, the same period) tell the batch rule when in the day each feature's
/// traffic arrives; without them it goes by the feature's name alone.
std::vector<Recommendation> recommend(const Simulation::PricedUsage &priced, const Simulation::TrafficProfiles *profiles = nullptr);

} // namespace Recommend
