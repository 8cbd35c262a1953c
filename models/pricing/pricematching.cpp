#include "pricing/pricematching.h"

#include "domain/aidimensions.h"

#include <algorithm>
#include <cctype>

namespace PriceMatching {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool allDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return isDigit(c); });
}

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool endsWith(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

// A key never starts or ends with a separator: stripping a path, vendor or version can leave one
// at either end.
bool isSeparator(char c) { return c == '-' || c == '.' || c == '_' || c == ':' || c == ' ' || c == '\t'; }

std::string trimSeparators(std::string key)
{
    while (!key.empty() && isSeparator(key.back()))
        key.pop_back();
    key.erase(key.begin(), std::find_if_not(key.begin(), key.end(), isSeparator));
    return key;
}

void addKey(std::vector<std::string> &keys, std::string key)
{
    key = trimSeparators(std::move(key));
    if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end())
        keys.push_back(std::move(key));
}

// Removes Bedrock's cross-region prefix and vendor ("us.anthropic.", "amazon.", "meta.").
std::string stripBedrockVendor(std::string s)
{
    for (const char *region : {"us-gov.", "global.", "apac.", "us.", "eu.", "jp.", "au.", "ca."}) {
        if (startsWith(s, region) && s.find('.', std::string_view(region).size()) != std::string::npos) {
            s.erase(0, std::string_view(region).size());
            break;
        }
    }
    for (const char *vendor : {"anthropic.", "amazon.", "meta.", "mistral.", "cohere.", "ai21.", "deepseek.", "openai.",
                               "qwen.", "writer.", "stability.", "twelvelabs."}) {
        if (startsWith(s, vendor)) {
            s.erase(0, std::string_view(vendor).size());
            break;
        }
    }
    return s;
}

// "-v1:0", "-v2", ":0", "@20240620", "@001".
std::string stripVersionSuffix(std::string s)
{
    if (const auto at = s.find('@'); at != std::string::npos)
        s.erase(at);
    if (const auto colon = s.rfind(':'); colon != std::string::npos && allDigits(std::string_view(s).substr(colon + 1)))
        s.erase(colon);
    if (const auto v = s.rfind("-v"); v != std::string::npos && v + 2 < s.size()
        && allDigits(std::string_view(s).substr(v + 2)))
        s.erase(v);
    return s;
}

// Snapshot dates and release numbers: "-2024-08-06", "-20250514", "-0718" (Azure MMDD),
// "-002" (Vertex), "-latest".
std::string stripDate(std::string s)
{
    const std::string_view v(s);
    if (v.size() > 11 && v[v.size() - 11] == '-' && allDigits(v.substr(v.size() - 10, 4)) && v[v.size() - 6] == '-'
        && allDigits(v.substr(v.size() - 5, 2)) && v[v.size() - 3] == '-' && allDigits(v.substr(v.size() - 2)))
        return s.substr(0, s.size() - 11);
    const auto dash = s.rfind('-');
    if (dash == std::string::npos || dash == 0)
        return s;
    const std::string_view tail = v.substr(dash + 1);
    if (tail == "latest")
        return s.substr(0, dash);
    if (allDigits(tail) && (tail.size() == 8 || tail.size() == 4 || tail.size() == 3) && (tail.size() != 8 || tail[0] == '2'))
        return s.substr(0, dash);
    return s;
}

std::string replaceAll(std::string s, std::string_view from, std::string_view to)
{
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
    return s;
}

// "claude-3.5-sonnet" → "claude-3-5-sonnet".
std::string claudeDots(std::string s)
{
    if (!startsWith(s, "claude"))
        return s;
    for (std::size_t i = 1; i + 1 < s.size(); ++i)
        if (s[i] == '.' && isDigit(s[i - 1]) && isDigit(s[i + 1]))
            s[i] = '-';
    return s;
}

// The model's own key: normalised, without path, vendor, version suffix or deployment scope.
std::string baseKey(std::string_view model)
{
    std::string s = Cost::normaliseModel(model);
    if (const auto paren = s.find('('); paren != std::string::npos) // "claude sonnet 4 (amazon bedrock edition)"
        s = Cost::normaliseModel(s.substr(0, paren));
    if (const auto slash = s.rfind('/'); slash != std::string::npos)
        s.erase(0, slash + 1);
    s = stripVersionSuffix(stripBedrockVendor(trimSeparators(std::move(s))));
    for (const char *suffix : {"-glbl", "-global", "-regional", "-datazone", "-dzone"})
        if (endsWith(s, suffix))
            s.erase(s.size() - std::string_view(suffix).size());
    return trimSeparators(std::move(s));
}

} // namespace

std::vector<std::string> lookupKeys(std::string_view model)
{
    std::vector<std::string> keys;
    // Stripping can uncover more to strip ("m-v2." loses its "." only after the version check;
    // "m:1:2:3" one ":N" a round): repeat until the key is its own key, so that a stored key looks
    // itself up. A round that changes the text shortens it, so as many rounds as it has characters
    // always reach that point (a fixed bound did not: the fuzzer found a name with some 80 ":N" parts).
    std::string s = baseKey(model);
    for (std::size_t rounds = s.size(); rounds > 0; --rounds) {
        std::string again = baseKey(s);
        if (again == s)
            break;
        s = std::move(again);
    }
    addKey(keys, s);
    std::string family = claudeDots(replaceAll(s, "gpt-35", "gpt-3.5"));
    addKey(keys, family);
    const std::string undated = stripDate(family);
    addKey(keys, undated);
    std::string plain = undated;
    for (const char *suffix : {"-instruct", "-chat"})
        if (endsWith(plain, suffix))
            plain.erase(plain.size() - std::string_view(suffix).size());
    if (startsWith(plain, "llama") && plain.size() > 5 && isDigit(plain[5]))
        plain.insert(5, "-");
    addKey(keys, plain);
    return keys;
}

std::string primaryKey(std::string_view model)
{
    const auto keys = lookupKeys(model);
    return keys.empty() ? std::string() : keys.front();
}

std::string providerFamily(std::string_view name)
{
    const std::string s = Cost::normaliseModel(name);
    if (s.empty())
        return {};
    if (contains(s, "bedrock") || s == "aws" || s == "amazon" || s == "amazon-web-services")
        return "bedrock";
    if (contains(s, "azure") || contains(s, "microsoft"))
        return "azure";
    if (contains(s, "vertex") || s == "google" || s == "google-cloud" || s == "gcp")
        return "vertex";
    if (contains(s, "gemini") || contains(s, "ai-studio"))
        return "gemini";
    if (contains(s, "anthropic") || contains(s, "claude"))
        return "anthropic";
    if (contains(s, "openai"))
        return "openai";
    return s;
}

std::string providerFamily(std::string_view provider, std::string_view service)
{
    static const char *kKnown[] = {"bedrock", "azure", "vertex", "gemini", "anthropic", "openai"};
    const std::string fromService = providerFamily(service);
    for (const char *k : kKnown)
        if (fromService == k)
            return fromService;
    const std::string fromProvider = providerFamily(provider);
    return fromProvider.empty() ? fromService : fromProvider;
}

bool isFirstParty(std::string_view family) { return family == "openai" || family == "anthropic" || family == "vertex"; }

} // namespace PriceMatching
