#pragma once

#include <string>
#include <string_view>
#include <vector>

/// How providers spell models and themselves, reduced to the keys the price catalog uses.
namespace PriceMatching {

/// Lookup keys for a model name, most specific first: the name without provider/region
/// prefixes and version suffixes ("bedrock/us.anthropic.claude-3-5-sonnet-20240620-v1:0" →
/// "claude-3-5-sonnet-20240620"), then without its snapshot date or Azure/Vertex version
/// ("claude-3-5-sonnet", "gpt-4o-2024-08-06" → "gpt-4o", "gpt-4o-mini-0718" → "gpt-4o-mini",
/// "gemini-1.5-pro-002" → "gemini-1.5-pro"), then family spellings ("gpt-35-turbo" →
/// "gpt-3.5-turbo", "claude-3.5-sonnet" → "claude-3-5-sonnet", "llama3-70b-instruct" → "llama-3-70b").
std::vector<std::string> lookupKeys(std::string_view model);

/// The most specific key (the first of lookupKeys); "" for an empty name.
std::string primaryKey(std::string_view model);

/// Provider family of a provider or service name: "openai", "anthropic", "bedrock", "azure",
/// "vertex", "gemini", or the normalised name itself for anyone else ("" for empty).
std::string providerFamily(std::string_view providerOrService);

/// Family from a usage row's provider and service (the service names the product: AWS + "Amazon
/// Bedrock" is "bedrock", Microsoft + "Azure OpenAI" is "azure").
std::string providerFamily(std::string_view provider, std::string_view service);

/// Families whose price lists stand in for a model sold elsewhere without a list of its own
/// (first-party prices: OpenAI, Anthropic, Google).
bool isFirstParty(std::string_view family);

} // namespace PriceMatching
