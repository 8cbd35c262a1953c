#pragma once

#include "telemetry/usage.h"

#include <string>
#include <string_view>
#include <vector>

/// Request logs of LLM gateways and observability tools, as their APIs and exports give them.
/// Pure functions: false with `error` naming the row (and field) and nothing appended.
namespace Telemetry {

/// LiteLLM proxy spend logs: the JSON array `GET /spend/logs?summarize=false` returns (or a JSON
/// export of `LiteLLM_SpendLogs`, or `{"data": [...]}` of `/spend/logs/v2`). One Usage per row:
/// id ← `request_id`; provider ← `custom_llm_provider`; model ← `model`; input ← `prompt_tokens`
/// (which includes cached input: cache reads and writes from `metadata.additional_usage_values`
/// are taken out); output ← `completion_tokens`; latency ← `request_duration_ms`, else end − start.
/// Feature ← `metadata.feature`, else a request tag `feature:X` (or `feature=X`), else the first
/// request tag; team ← `metadata.team`, else `team_alias`, else `team_id`; user ← `end_user`,
/// else `user`. LiteLLM's own `spend` is its list-price estimate, not the bill: not kept.
bool parseLiteLlmSpendLogs(std::string_view json, std::vector<Usage> &out, std::string &error);

/// The same rows as CSV (a database export of `LiteLLM_SpendLogs`, header row with its column
/// names; `metadata` and `request_tags` as JSON text). Errors name the line and column.
bool parseLiteLlmSpendLogsCsv(std::string_view text, std::vector<Usage> &out, std::string &error);

/// Langfuse observations: a page of `GET /api/public/v2/observations` (`{"data": [...], "meta":
/// {...}}`) or a bare array. Only `GENERATION`s with usage count. id ← `id`; model ←
/// `providedModelName` (else `model`); provider from the model name (OpenAI, Anthropic, Gemini); tokens from `usageDetails`
/// (keys `input`, `output`, and cached input under `input_cached_tokens`, `cache_read_input_tokens`
/// or `input_cache_read`, cache writes under `cache_creation_input_tokens` or `input_cache_creation`;
/// Langfuse prices each key apart, so `input` is already the uncached part). Feature ← a tag
/// `feature:X`, else `metadata.feature`, else `traceName`; team ← `metadata.team`; user ← `userId`.
bool parseLangfuseObservations(std::string_view json, std::vector<Usage> &out, std::string &error);

} // namespace Telemetry
