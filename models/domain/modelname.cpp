#include "domain/modelname.h"

#include "domain/aidimensions.h"

#include <algorithm>
#include <cctype>

namespace Cost {

namespace {

bool isDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool allDigits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), isDigit); }
bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Removes "-<suffix>" when `test` accepts the suffix; true when it did.
template <typename Test>
bool stripSuffix(std::string &s, Test test)
{
    const auto dash = s.rfind('-');
    if (dash == std::string::npos || dash == 0 || !test(std::string_view(s).substr(dash + 1)))
        return false;
    s.erase(dash);
    return true;
}

bool isYyyymmdd(std::string_view p) { return p.size() == 8 && allDigits(p) && startsWith(p, "20"); }

bool isMmdd(std::string_view p)
{
    if (p.size() != 4 || !allDigits(p))
        return false;
    const int month = (p[0] - '0') * 10 + (p[1] - '0');
    const int day = (p[2] - '0') * 10 + (p[3] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// "-2024-08-06" at the end (OpenAI snapshots).
bool stripIsoDate(std::string &s)
{
    if (s.size() < 12)
        return false;
    const std::string_view tail = std::string_view(s).substr(s.size() - 11);
    if (tail[0] != '-' || tail[5] != '-' || tail[8] != '-' || !allDigits(tail.substr(1, 4)) || !allDigits(tail.substr(6, 2))
        || !allDigits(tail.substr(9, 2)) || !startsWith(tail.substr(1), "20"))
        return false;
    s.erase(s.size() - 11);
    return true;
}

// "us.anthropic.", "amazon.", "global." — Bedrock region and vendor prefixes (letters only, so
// "gpt-3.5" and "nova2.0-lite" keep their dots).
void stripDottedPrefixes(std::string &s)
{
    for (;;) {
        const auto dot = s.find('.');
        if (dot == std::string::npos || dot == 0 || dot + 1 >= s.size())
            return;
        const std::string_view head = std::string_view(s).substr(0, dot);
        if (!std::all_of(head.begin(), head.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '-'; }))
            return;
        s.erase(0, dot + 1);
    }
}

} // namespace

std::string canonicalModel(std::string_view name)
{
    std::string s = normaliseModel(name);
    if (s.empty() || startsWith(s, "ft:"))
        return s;
    // "Claude Sonnet 4 (Amazon Bedrock Edition)" → "claude-sonnet-4".
    if (const auto paren = s.find('('); paren != std::string::npos && paren > 0)
        s = normaliseModel(s.substr(0, paren));
    // "publishers/google/models/gemini-2.5-flash", "openai/gpt-4o".
    if (const auto slash = s.rfind('/'); slash != std::string::npos)
        s.erase(0, slash + 1);
    // Vertex "claude-3-5-haiku@20241022", "gemini-1.5-pro@002".
    if (const auto at = s.find('@'); at != std::string::npos)
        s.erase(at);
    stripDottedPrefixes(s);
    // Bedrock "…-20241022-v2:0", "nova-lite-v1:0": the ":N" revision, then the "-vN" version
    // (kept where it is the only thing telling models apart: "claude-v2").
    if (const auto colon = s.find(':'); colon != std::string::npos) {
        s.erase(colon);
        std::string probe = s;
        if (stripSuffix(probe, [](std::string_view p) { return p.size() >= 2 && p[0] == 'v' && allDigits(p.substr(1)); })
            && probe != "claude")
            s = probe;
    }
    // Anthropic's "claude-3-5-sonnet-20241022" is what the clouds sell as "Claude 3.5 Sonnet v2".
    if (s == "claude-3-5-sonnet-20241022" || s == "claude-3.5-sonnet-20241022")
        return "claude-3-5-sonnet-v2";
    if (!stripIsoDate(s))
        stripSuffix(s, isYyyymmdd);
    stripSuffix(s, [](std::string_view p) { return p == "latest"; });
    // OpenAI / Azure four-digit snapshots: "gpt-4-0613", "gpt-3.5-turbo-0125", "o1-1217".
    if (startsWith(s, "gpt-") || (s.size() > 1 && s[0] == 'o' && isDigit(s[1])))
        stripSuffix(s, isMmdd);
    // Gemini revisions: "gemini-1.5-pro-002".
    if (startsWith(s, "gemini-"))
        stripSuffix(s, [](std::string_view p) { return p.size() == 3 && allDigits(p); });
    if (startsWith(s, "gpt-35"))
        s = "gpt-3.5" + s.substr(6);
    // Anthropic writes versions with dashes ("claude-3-5-haiku", "claude-sonnet-4-5"); the
    // clouds write "Claude 3.5 Haiku", "Claude Sonnet 4.5".
    if (startsWith(s, "claude")) {
        for (std::size_t i = 1; i + 1 < s.size(); ++i)
            if (s[i] == '.' && isDigit(s[i - 1]) && isDigit(s[i + 1]))
                s[i] = '-';
    }
    return s;
}

} // namespace Cost
