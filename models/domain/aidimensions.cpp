#include "domain/aidimensions.h"

#include "domain/modelname.h"
#include "domain/numtext.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <regex>

namespace Cost {

std::string lowerAscii(std::string_view s)
{
    std::string r(s);
    std::transform(r.begin(), r.end(), r.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return r;
}

namespace {

bool contains(const std::string &hay, std::string_view needle) { return hay.find(needle) != std::string::npos; }

std::string trim(std::string s)
{
    const auto b = s.find_first_not_of(" \t-_:");
    const auto e = s.find_last_not_of(" \t-_:");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// "NovaLite" -> "nova-lite", "Claude3Haiku" -> "claude3-haiku", "Nova2.0Lite" -> "nova2.0-lite".
std::string camelToKebab(std::string_view s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (std::isupper(static_cast<unsigned char>(c)) && i > 0 && s[i - 1] != '-' && s[i - 1] != '.')
            out += '-';
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// True when `word` occurs in `text` delimited by non-alphanumerics.
bool hasWord(const std::string &text, std::string_view word)
{
    std::size_t pos = 0;
    while ((pos = text.find(word, pos)) != std::string::npos) {
        const bool left = pos == 0 || !isWordChar(text[pos - 1]);
        const std::size_t end = pos + word.size();
        const bool right = end >= text.size() || !isWordChar(text[end]);
        if (left && right)
            return true;
        ++pos;
    }
    return false;
}

std::string jsonString(const nlohmann::json &obj, std::initializer_list<const char *> keys)
{
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const std::string k = lowerAscii(it.key());
        for (const char *want : keys) {
            if (k == want && it->is_string())
                return it->get<std::string>();
        }
    }
    return {};
}

} // namespace

std::string normaliseModel(std::string_view name)
{
    std::string r = lowerAscii(name);
    for (char &c : r)
        if (c == ' ' || c == '_')
            c = '-';
    std::string out;
    for (char c : r)
        if (!(c == '-' && !out.empty() && out.back() == '-'))
            out += c;
    return trim(out);
}

TokenKind tokenKindFromText(std::string_view text, bool aiContext)
{
    if (text.empty())
        return TokenKind::None;
    const std::string t = lowerAscii(text);
    const bool tokenish = aiContext || contains(t, "token") || contains(t, "-mp:");
    if (!tokenish)
        return TokenKind::None;
    if (contains(t, "caching storage") || contains(t, "storage"))
        return TokenKind::Other;
    if (contains(t, "cache write") || contains(t, "cache-write") || contains(t, "cachewrite") || contains(t, "cache creation")
        || contains(t, "cache_creation") || contains(t, "cache_write"))
        return TokenKind::CacheWrite;
    if (contains(t, "cache read") || contains(t, "cache-read") || contains(t, "cacheread") || contains(t, "cache_read")
        || contains(t, "cached") || contains(t, "caching") || contains(t, "cache hit"))
        return TokenKind::CachedInput;
    if (contains(t, "output") || hasWord(t, "outp") || hasWord(t, "out") || contains(t, "completion"))
        return TokenKind::Output;
    if (contains(t, "input") || hasWord(t, "inp") || contains(t, "prompt"))
        return TokenKind::Input;
    return contains(t, "token") ? TokenKind::Other : TokenKind::None;
}

double tokenUnitMultiplier(std::string_view unit)
{
    const std::string u = lowerAscii(unit);
    if (!contains(u, "token"))
        return 0;
    std::string prefix = trim(u.substr(0, u.find("token")));
    if (prefix.empty())
        return 1;
    double mult = 1;
    if (!prefix.empty() && (prefix.back() == 'k' || prefix.back() == 'm')) {
        mult = prefix.back() == 'k' ? 1e3 : 1e6;
        prefix.pop_back();
    }
    if (prefix.empty())
        return mult;
    double value = 0;
    return parseNumber(prefix, value) ? value * mult : 0;
}

namespace {

// Model name from the text of a usage type / meter / SKU: the part before the direction words.
std::string modelFromMeterText(std::string_view text)
{
    // std::regex matches recursively, one level per character: a usage type of many thousand
    // characters (a hostile or broken export) would overflow the stack. Real meters are short.
    constexpr std::size_t kMaxMeterText = 256;
    if (text.size() > kMaxMeterText)
        return {};
    std::string s(text);
    // AWS Bedrock first-party: <REGION>-<Model>-<direction>-tokens...
    static const std::regex kBedrock(R"(^[A-Z]{2,4}\d?-([A-Za-z0-9.]+?)-(input|output|cache-read|cache-write)[-A-Za-z]*$)",
                                     std::regex::icase);
    std::smatch m;
    if (std::regex_match(s, m, kBedrock) && m[1].str().find(':') == std::string::npos)
        return camelToKebab(m[1].str());
    // Vertex: "Gemini 2.5 Flash GA Text Input - Predictions"
    static const std::regex kGemini(R"(\b(Gemini|Claude|Llama|Imagen|Mistral)\s+([0-9.]+\s+)?(Pro|Flash(\s+Lite)?|Ultra|Nano|Sonnet|Haiku|Opus)?)",
                                    std::regex::icase);
    if (std::regex_search(s, m, kGemini))
        return normaliseModel(m[0].str());
    // Azure OpenAI: "gpt-4o-mini-0718-Inp-glbl Tokens", "gpt 4o 0513 Input global Tokens", "o1 1217 Inp glbl"
    const std::string l = lowerAscii(s);
    static const std::regex kAzure(
        R"(^(.*?)[\s-]+(batch[\s-]+)?(input|inp|output|outp|cached[\s-]+inp|cached[\s-]+input|aud-inp|aud-out|txt-inp|txt-out)\b.*$)");
    if (std::regex_match(l, m, kAzure)) {
        std::string model = m[1].str();
        static const std::regex kVersion(R"([\s-]+[01]\d[0-3]\d$)"); // MMDD release suffix
        model = std::regex_replace(model, kVersion, "");
        if (!model.empty() && model.find("token") == std::string::npos)
            return normaliseModel(model);
    }
    return {};
}

} // namespace

AiDerived deriveAi(const AiHints &h)
{
    AiDerived out;
    const std::string svc = lowerAscii(h.serviceName);
    const bool aiContext = lowerAscii(h.serviceCategory).find("ai and machine learning") != std::string::npos
        || contains(svc, "bedrock") || contains(svc, "openai") || contains(svc, "vertex") || contains(svc, "anthropic")
        || contains(svc, "gemini") || contains(svc, "generative") || tokenUnitMultiplier(h.consumedUnit) > 0
        || tokenUnitMultiplier(h.pricingUnit) > 0;

    // 1. SkuPriceDetails (FOCUS 1.1+ and the AI drafts) is authoritative when present.
    if (!h.skuPriceDetails.empty() && h.skuPriceDetails.front() == '{') {
        const auto j = nlohmann::json::parse(h.skuPriceDetails, nullptr, false);
        if (j.is_object()) {
            const std::string modelId = jsonString(j, {"modelid", "model", "modelname"});
            if (!modelId.empty())
                out.model = normaliseModel(modelId);
            const std::string cache = lowerAscii(jsonString(j, {"tokencacheaction"}));
            const std::string dir = lowerAscii(jsonString(j, {"tokendirection", "tokentype", "tokenkind"}));
            if (cache == "read")
                out.kind = TokenKind::CachedInput;
            else if (cache == "write")
                out.kind = TokenKind::CacheWrite;
            else if (!dir.empty())
                out.kind = tokenKindFromText(dir, true);
        }
    }
    // 2. Meter / usage type / SKU / description text.
    for (std::string_view text : {h.skuMeter, h.usageType, h.chargeDescription, h.skuId}) {
        if (out.kind != TokenKind::None)
            break;
        out.kind = tokenKindFromText(text, aiContext);
    }
    if (out.kind == TokenKind::None && !aiContext && out.model.empty())
        return out;
    if (out.model.empty()) {
        // Marketplace-billed Bedrock models: "Claude Sonnet 4 (Amazon Bedrock Edition)".
        const auto edition = svc.find("(amazon bedrock edition)");
        if (edition != std::string::npos)
            out.model = normaliseModel(std::string_view(h.serviceName).substr(0, edition));
    }
    for (std::string_view text : {h.usageType, h.skuMeter, h.skuId}) {
        if (!out.model.empty())
            break;
        out.model = modelFromMeterText(text);
    }
    if (out.model.empty() && out.kind != TokenKind::None && !h.resourceName.empty()
        && h.resourceName.find(' ') == std::string_view::npos && h.resourceName.find('/') == std::string_view::npos)
        out.model = normaliseModel(h.resourceName);
    if (out.model.empty() && out.kind != TokenKind::None) {
        const std::string d(h.chargeDescription);
        const auto pos = lowerAscii(d).rfind(" for ");
        if (pos != std::string::npos)
            out.model = normaliseModel(d.substr(pos + 5));
        else
            out.model = modelFromMeterText(d);
    }
    out.model = canonicalModel(out.model); // one name per model across providers (modelname.h)
    return out;
}

void featureTeamFromTags(std::string_view tagsJson, std::string &feature, std::string &team)
{
    feature.clear();
    team.clear();
    if (tagsJson.empty() || tagsJson.front() != '{')
        return;
    const auto j = nlohmann::json::parse(tagsJson, nullptr, false);
    if (!j.is_object())
        return;
    auto scalar = [](const nlohmann::json &v) -> std::string {
        if (v.is_string())
            return v.get<std::string>();
        if (v.is_number() || v.is_boolean())
            return v.dump();
        return {};
    };
    for (auto it = j.begin(); it != j.end(); ++it) {
        std::string k = lowerAscii(it.key());
        if (k.rfind("user:", 0) == 0)
            k = k.substr(5);
        if (feature.empty() && (k == "feature" || k == "use_case" || k == "usecase" || k == "use-case" || k == "app"
                                || k == "application" || k == "product_feature"))
            feature = scalar(*it);
        else if (team.empty() && (k == "team" || k == "owner" || k == "owner_team" || k == "cost_center"))
            team = scalar(*it);
    }
}

} // namespace Cost
