#include "pricing/pricelitellm.h"

#include "pricing/pricematching.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <tuple>

namespace Pricing {

namespace {

struct Field {
    PriceKind kind;
    const char *base; ///< field name without tier/context suffix
};

const Field kFields[] = {
    {PriceKind::Input, "input_cost_per_token"},
    {PriceKind::CacheRead, "cache_read_input_token_cost"},
    {PriceKind::CacheWrite5m, "cache_creation_input_token_cost"},
    {PriceKind::CacheWrite1h, "cache_creation_input_token_cost_above_1hr"},
    {PriceKind::Output, "output_cost_per_token"},
};

// Field name of a price in one tier and context band. LiteLLM writes "input_cost_per_token_batches",
// "…_priority", "…_above_200k_tokens" and "…_above_200k_tokens_priority".
std::string fieldName(const char *base, Tier tier, bool longContext)
{
    std::string name = base;
    if (longContext)
        name += "_above_200k_tokens";
    if (tier == Tier::Batch)
        name += "_batches";
    else if (tier == Tier::Priority)
        name += "_priority";
    return name;
}

} // namespace

bool perTokenToPerMillion(const std::string &text, Cost::Money &out)
{
    std::string mantissa = text;
    long exponent = 0;
    const auto e = text.find_first_of("eE");
    if (e != std::string::npos) {
        mantissa = text.substr(0, e);
        try {
            std::size_t used = 0;
            exponent = std::stol(text.substr(e + 1), &used);
            if (used != text.size() - e - 1)
                return false;
        } catch (...) {
            return false;
        }
    }
    return priceFromJson(mantissa + "e" + std::to_string(exponent + 6), out);
}

std::string liteLlmFamily(std::string_view p)
{
    if (p.substr(0, 9) == "vertex_ai")
        return "vertex";
    if (p == "bedrock" || p == "bedrock_converse")
        return "bedrock";
    if (p == "azure" || p == "azure_ai")
        return "azure";
    if (p == "text-completion-openai" || p == "openai")
        return "openai";
    return PriceMatching::providerFamily(p);
}

bool parseLiteLlm(std::string_view json, const std::string &sourceName, LiteLlmImport &out, std::string &error)
{
    out = {};
    const auto doc = nlohmann::json::parse(json, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        error = "not a JSON object (expected LiteLLM's model_prices_and_context_window.json)";
        return false;
    }
    std::set<std::tuple<std::string, std::string, int, bool>> seen;
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (it.key() == "sample_spec")
            continue;
        const auto &m = it.value();
        if (!m.is_object()) {
            error = "entry '" + it.key() + "': not an object";
            return false;
        }
        // Region-pinned Bedrock keys ("bedrock/us-east-1/…") repeat the global entry.
        const std::string &key = it.key();
        if (std::count(key.begin(), key.end(), '/') >= 2) {
            ++out.skipped;
            continue;
        }
        const auto provider = m.find("litellm_provider");
        if (provider != m.end() && !provider->is_null() && !provider->is_string()) {
            error = "entry '" + key + "': field 'litellm_provider': '" + provider->dump() + "' is not a provider name";
            return false;
        }
        const std::string family = liteLlmFamily(provider != m.end() && provider->is_string() ? provider->get<std::string>()
                                                                                               : std::string());
        const std::string model = PriceMatching::primaryKey(key);
        bool any = false;
        for (const Tier tier : {Tier::Standard, Tier::Batch, Tier::Priority}) {
            for (const bool longContext : {false, true}) {
                PriceEntry e;
                e.provider = family;
                e.model = model;
                e.tier = tier;
                e.longContext = longContext;
                e.contextThreshold = longContext ? 200000 : 0;
                e.layer = Layer::Imported;
                e.source = sourceName + " (" + key + ")";
                for (const Field &f : kFields) {
                    const auto v = m.find(fieldName(f.base, tier, longContext));
                    if (v == m.end() || v->is_null())
                        continue;
                    Cost::Money price = 0;
                    if (!v->is_number() || !perTokenToPerMillion(v->dump(), price)) {
                        error = "entry '" + key + "': field '" + fieldName(f.base, tier, longContext) + "': '" + v->dump()
                            + "' is not a price";
                        return false;
                    }
                    e.set(f.kind, price);
                }
                // A tier or band with only cache prices is no list of its own.
                if (!e.has(PriceKind::Input) && !e.has(PriceKind::Output))
                    continue;
                if (!seen.insert({family, model, static_cast<int>(tier), longContext}).second) {
                    ++out.skipped;
                    continue;
                }
                out.entries.push_back(std::move(e));
                any = true;
            }
        }
        if (any)
            ++out.models;
        else
            ++out.skipped;
    }
    return true;
}

} // namespace Pricing
