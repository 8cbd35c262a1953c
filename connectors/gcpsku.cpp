#include "gcpsku.h"

#include "domain/aidimensions.h"
#include "domain/modelname.h"
#include "lowerwords.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace Conn {

namespace {

std::vector<std::string> words(std::string_view text) { return lowerWords(text, " -:,()\t/"); }

bool oneOf(const std::string &s, std::initializer_list<std::string_view> set)
{
    return std::find(set.begin(), set.end(), s) != set.end();
}

} // namespace

VertexSku parseVertexSku(std::string_view description)
{
    VertexSku out;
    out.kind = Cost::tokenKindFromText(description, true);
    const std::vector<std::string> ws = words(description);
    std::vector<std::string> modelWords;
    bool modelDone = false;
    for (const std::string &w : ws) {
        bool marker = true;
        if (oneOf(w, {"text", "image", "images", "audio", "video"}))
            out.modality = w == "images" ? std::string("image") : w;
        else if (w == "batch")
            out.batch = true;
        else if (w == "global")
            out.global = true;
        else if (w == "thinking" || w == "reasoning")
            out.thinking = true;
        else if (w == "long")
            out.longContext = true;
        else if (!oneOf(w, {"ga", "preview", "input", "output", "caching", "cached", "cache", "short", "context", "predictions",
                            "prediction", "online", "tokens", "token", "characters", "character", "priority", "flex",
                            "regional", "multimodal", "storage", "requests", "request", "for", "on", "in", "with", "write",
                            "read", "hit", "hits", "grounding", "tuning", "training"}))
            marker = false;
        if (marker) {
            modelDone = modelDone || !modelWords.empty();
            continue;
        }
        if (!modelDone)
            modelWords.push_back(w);
    }
    // Vendor prefixes ("Anthropic Claude …", "Google Gemini …") are not part of the model name.
    while (modelWords.size() > 1 && oneOf(modelWords.front(), {"anthropic", "google", "meta", "vertex", "ai"}))
        modelWords.erase(modelWords.begin());
    if (out.kind == Cost::TokenKind::None || modelWords.empty())
        return out;
    std::string model;
    for (const std::string &w : modelWords)
        model += (model.empty() ? "" : "-") + w;
    out.model = Cost::canonicalModel(model);
    const std::string &family = modelWords.front();
    if (family == "claude")
        out.publisher = "Anthropic";
    else if (family == "llama")
        out.publisher = "Meta";
    else if (family == "mistral" || family == "codestral" || family == "mixtral")
        out.publisher = "Mistral AI";
    else
        out.publisher = "Google";
    return out;
}

} // namespace Conn
