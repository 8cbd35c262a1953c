#pragma once

#include "pricing/pricecatalog.h"

#include <string>
#include <string_view>
#include <vector>

namespace Pricing {

/// What one LiteLLM import read.
struct LiteLlmImport {
    std::vector<PriceEntry> entries; ///< one per (provider, model, tier, context band), layer Imported
    int models = 0;                  ///< model entries with at least one token price
    int skipped = 0;                 ///< entries without token prices (images, audio seconds, …) or duplicates
};

/// Reads LiteLLM's model_prices_and_context_window.json (per-token USD floats such as 2.5e-06,
/// converted exactly from their decimal text to money per million tokens). Reads input, cache
/// read, cache creation (5-minute) and `_above_1hr` (1-hour), output, `_batches`, `_priority` and
/// `_above_200k_tokens` prices; skips `sample_spec`. Entries carry no effective date (they apply
/// to every day). False with an error naming the entry and field.
bool parseLiteLlm(std::string_view json, const std::string &sourceName, LiteLlmImport &out, std::string &error);

/// LiteLLM's `litellm_provider` as a provider family ("vertex_ai-language-models" → "vertex").
std::string liteLlmFamily(std::string_view litellmProvider);

/// Converts a per-token price in decimal text ("2.5e-06") to money units per million tokens, exactly.
bool perTokenToPerMillion(const std::string &text, Cost::Money &out);

} // namespace Pricing
