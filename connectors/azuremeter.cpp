#include "azuremeter.h"

#include "domain/aidimensions.h"
#include "domain/modelname.h"
#include "lowerwords.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace Conn {

namespace {

// Words are separated by spaces, hyphens and underscores; dots stay inside ("4.1").
std::vector<std::string> tokenize(std::string_view meter) { return lowerWords(meter, " -_\t/()"); }

bool isDigits(const std::string &s) { return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); }); }

// A release written as MMDD ("0513", "1217").
bool isMonthDay(const std::string &s)
{
    if (s.size() != 4 || !isDigits(s))
        return false;
    const int month = (s[0] - '0') * 10 + (s[1] - '0');
    const int day = (s[2] - '0') * 10 + (s[3] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool oneOf(const std::string &s, std::initializer_list<std::string_view> words)
{
    return std::find(words.begin(), words.end(), s) != words.end();
}

// "turbo4k" -> "turbo-4k": a context size glued to the previous word.
std::string splitGluedContext(const std::string &word)
{
    if (word.size() < 3 || word.back() != 'k')
        return word;
    std::size_t i = word.size() - 1;
    while (i > 0 && std::isdigit(static_cast<unsigned char>(word[i - 1])))
        --i;
    if (i == word.size() - 1 || i == 0 || !std::isalpha(static_cast<unsigned char>(word[i - 1])))
        return word;
    return word.substr(0, i) + '-' + word.substr(i);
}

std::string aliasModel(std::string model)
{
    // Azure spells GPT-3.5 "gpt-35"; DeepSeek R1 is sold as just "R1".
    if (model.rfind("gpt-35", 0) == 0)
        model = "gpt-3.5" + model.substr(6);
    if (model == "r1")
        model = "deepseek-r1";
    return model;
}

} // namespace

AzureMeter parseAzureMeter(std::string_view meter)
{
    AzureMeter out;
    const std::vector<std::string> words = tokenize(meter);
    std::vector<std::string> modelWords;
    bool modelDone = false;
    bool cached = false, input = false, output = false, tokens = false;

    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string &w = words[i];
        bool marker = true;
        if (oneOf(w, {"global", "glbl", "gl"}))
            out.deployment = "global";
        else if (oneOf(w, {"regional", "regnl", "rgnl", "regn"}))
            out.deployment = "regional";
        else if (oneOf(w, {"dzone", "datazone", "dz"}))
            out.deployment = "data-zone";
        else if (w == "data" && i + 1 < words.size() && words[i + 1] == "zone") {
            out.deployment = "data-zone";
            ++i;
        } else if (w == "batch")
            out.batch = true;
        else if (oneOf(w, {"cached", "cache", "cchd"}))
            cached = true;
        else if (oneOf(w, {"input", "inp", "inpt", "in"}))
            input = true;
        else if (oneOf(w, {"output", "outp", "out"}))
            output = true;
        else if (oneOf(w, {"aud", "audio"}))
            out.modality = "audio";
        else if (oneOf(w, {"txt"}))
            out.modality = "text";
        else if (oneOf(w, {"img"}))
            out.modality = "image";
        else if (oneOf(w, {"ft", "ftuned", "finetuned", "fine", "tuned", "finetune"}))
            out.fineTuned = true;
        else if (oneOf(w, {"tokens", "token", "tkns", "1k", "1m"}))
            tokens = true;
        else if (isMonthDay(w) && !modelWords.empty())
            out.version = w;
        else if (w.size() == 4 && isDigits(w) && w.rfind("20", 0) == 0 && i + 2 < words.size() && words[i + 1].size() == 2
                 && words[i + 2].size() == 2 && isDigits(words[i + 1]) && isDigits(words[i + 2])) {
            out.version = w + '-' + words[i + 1] + '-' + words[i + 2]; // "2024-08-06"
            i += 2;
        } else
            marker = false;

        if (marker) {
            modelDone = modelDone || !modelWords.empty();
            continue;
        }
        if (!modelDone)
            modelWords.push_back(w == "rt" ? std::string("realtime") : splitGluedContext(w));
    }

    if (cached)
        out.kind = Cost::TokenKind::CachedInput;
    else if (output)
        out.kind = Cost::TokenKind::Output;
    else if (input)
        out.kind = Cost::TokenKind::Input;
    else if (tokens)
        out.kind = Cost::TokenKind::Other;

    // Only meters that bill tokens name a model reliably ("Provisioned Managed Global Hourly" does not).
    if (out.kind == Cost::TokenKind::None || modelWords.empty())
        return out;
    std::string model;
    for (const std::string &w : modelWords)
        model += (model.empty() ? "" : "-") + w;
    out.model = Cost::canonicalModel(aliasModel(Cost::normaliseModel(model)));
    return out;
}

} // namespace Conn
