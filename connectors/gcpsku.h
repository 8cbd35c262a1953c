#pragma once

#include "domain/costrecord.h"

#include <string>
#include <string_view>

namespace Conn {

/// What a Google Cloud SKU description says about model and token kind, e.g.
/// "Gemini 2.5 Flash GA Text Input - Predictions", "Gemini 1.5 Flash Input Text",
/// "Gemini 3 Flash Text Input Caching", "Claude 3.5 Sonnet v2 Output Tokens". Best effort;
/// callers keep the raw description (Dim::SkuMeter). SKUs that name no tokens ("Vertex AI:
/// Provisioned Throughput 1 month") give an empty model and TokenKind::None.
struct VertexSku {
    std::string model;    ///< normalised ("gemini-2.5-flash"), empty when unknown
    std::string publisher; ///< "Google", "Anthropic", "Meta", "Mistral AI" (from the model family)
    Cost::TokenKind kind = Cost::TokenKind::None;
    std::string modality; ///< "text", "image", "audio", "video" or empty
    bool batch = false;
    bool global = false;
    bool thinking = false;
    bool longContext = false;
};

/// Parses one SKU description (pure function).
VertexSku parseVertexSku(std::string_view description);

} // namespace Conn
