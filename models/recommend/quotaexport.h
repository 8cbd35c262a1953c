#pragma once

#include "recommend/recommend.h"

#include <string>
#include <vector>

/// The guardrail recommendations' suggested limits as a file another tool takes (issue #19 item
/// 4). Burnrate writes it; it never applies it. Pure; any thread.
namespace Recommend {

enum class QuotaFormat {
    LiteLlm, ///< LiteLLM proxy tag budgets: bodies for POST /tag/new (max_budget, budget_duration "1d")
    OpenAi   ///< OpenAI project hard spend limits: monthly, in cents
};

/// "litellm" / "openai" → the format; false for anything else.
bool parseQuotaFormat(const std::string &name, QuotaFormat &format);

/// The JSON file (also valid YAML) with one entry per guardrail in `found` (other kinds are
/// skipped), for the period [fromDay, toDay] in `currency`. See README, "Quota export".
std::string quotaFile(const std::vector<Recommendation> &found, QuotaFormat format, std::int64_t fromDay,
                      std::int64_t toDay, const std::string &currency);

} // namespace Recommend
