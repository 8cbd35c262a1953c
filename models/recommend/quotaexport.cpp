#include "recommend/quotaexport.h"

#include "domain/timeparse.h"

#include <nlohmann/json.hpp>

namespace Recommend {

namespace {

using json = nlohmann::json;

// An exact amount as a JSON number with its decimals (LiteLLM reads max_budget as a float).
json amount(Cost::BigMoney v) { return json::parse(Cost::formatMoney(v, 2)); }

// OpenAI's limits are monthly: the daily limit for an average month (365/12 days), up to the cent.
std::int64_t monthlyCents(Cost::Money daily)
{
    const Cost::BigMoney cent = Cost::kMoneyScale / 100;
    const Cost::BigMoney num = static_cast<Cost::BigMoney>(daily) * 365;
    const Cost::BigMoney den = 12 * cent;
    return static_cast<std::int64_t>((num + den - 1) / den);
}

} // namespace

bool parseQuotaFormat(const std::string &name, QuotaFormat &format)
{
    if (name == "litellm")
        format = QuotaFormat::LiteLlm;
    else if (name == "openai")
        format = QuotaFormat::OpenAi;
    else
        return false;
    return true;
}

std::string quotaFile(const std::vector<Recommendation> &found, QuotaFormat format, std::int64_t fromDay,
                      std::int64_t toDay, const std::string &currency)
{
    json doc = {{"generated_by", "burnrate recommend"},
                {"period", {{"from", Cost::formatDay(fromDay)}, {"to", Cost::formatDay(toDay)}}},
                {"currency", currency}};
    json entries = json::array();
    for (const auto &r : found) {
        if (r.kind != Kind::Guardrail)
            continue;
        const std::string feature = r.feature.empty() ? std::string("unallocated") : r.feature;
        const std::string why = "Burnrate guardrail for feature " + feature + ": " + r.evidence + ". Fallback model: "
            + r.fallbackModel + ".";
        if (format == QuotaFormat::LiteLlm) {
            entries.push_back({{"name", feature}, {"description", why}, {"max_budget", amount(r.dailyLimit)},
                               {"budget_duration", "1d"}, {"fallback_model", r.fallbackModel}});
        } else {
            entries.push_back({{"feature", feature},
                               {"provider", r.provider},
                               {"daily_limit", Cost::formatMoney(r.dailyLimit, 2)},
                               {"fallback_model", r.fallbackModel},
                               {"description", why},
                               {"spend_limit", {{"threshold_amount", monthlyCents(r.dailyLimit)}, {"interval", "month"}, {"currency", currency}}}});
        }
    }
    if (format == QuotaFormat::LiteLlm) {
        doc["note"] = "Suggested by Burnrate, not applied. Each entry of 'tags' is the body of POST /tag/new on a LiteLLM proxy"
                      " (tag budgets need the proxy's database): a daily budget for the requests tagged with the feature."
                      " 'fallback_model' is for your client or router when the budget rejects a request; LiteLLM ignores it.";
        doc["tags"] = entries;
    } else {
        doc["note"] = "Suggested by Burnrate, not applied. OpenAI hard spend limits are monthly, per project, in cents: set"
                      " 'spend_limit' on the project that serves the feature (Admin API"
                      " /v1/organization/projects/{project_id}/spend_limit, or the dashboard's limits). The threshold is the daily"
                      " limit over an average month (x 365/12): it caps a month of runaway days, not a single day.";
        doc["projects"] = entries;
    }
    return doc.dump(2) + "\n";
}

} // namespace Recommend
