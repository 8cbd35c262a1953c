#pragma once

#include <string>
#include <string_view>

namespace Cost {

/// The one name a model goes by on the per-model pages, whichever provider bills it: the
/// publisher's own model id, lower case, without snapshot dates, hosting prefixes or version
/// tags. "gpt-4o-2024-08-06" (OpenAI), "gpt 4o 0513" (Azure meter) → "gpt-4o";
/// "claude-sonnet-4-20250514" (Anthropic), "Claude Sonnet 4 (Amazon Bedrock Edition)",
/// "us.anthropic.claude-sonnet-4-20250514-v1:0" → "claude-sonnet-4"; "claude-3.5-haiku",
/// "claude-3-5-haiku@20241022" (Vertex) → "claude-3-5-haiku"; "amazon.nova-lite-v1:0" → "nova-lite".
/// Fine-tuned models ("ft:…") stay distinct. The raw name stays in the charge's usage type, SKU
/// id or meter. Pure function; empty in, empty out.
std::string canonicalModel(std::string_view name);

} // namespace Cost
