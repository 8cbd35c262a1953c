#pragma once

#include "domain/costrecord.h"

#include <string>
#include <string_view>

namespace Conn {

/// What an Azure OpenAI / Foundry Models meter name says about model and token kind. Meter
/// names are inconsistent ("gpt-4o-mini-0718-Inp-glbl Tokens", "gpt 4o 0513 Input global Tokens",
/// "gpt 4.1 nano cached Inp glbl", "gpt-4-8K-Batch-Inp-glbl Tokens"), so this is a loose,
/// best-effort reading; callers always keep the raw meter (Dim::SkuMeter). A meter that names no
/// tokens (images, provisioned throughput hours) gives an empty model and TokenKind::None.
struct AzureMeter {
    std::string model;       ///< normalised ("gpt-4o-mini", "gpt-3.5-turbo"), empty when unknown
    std::string version;     ///< release as written ("0718"), empty when absent
    Cost::TokenKind kind = Cost::TokenKind::None;
    std::string deployment;  ///< "global", "regional", "data-zone" or empty
    std::string modality;    ///< "text", "audio", "image" or empty
    bool batch = false;
    bool fineTuned = false;
};

/// Parses one meter name (pure function).
AzureMeter parseAzureMeter(std::string_view meter);

} // namespace Conn
