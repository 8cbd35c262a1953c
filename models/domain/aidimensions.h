#pragma once

#include "domain/costrecord.h"

#include <string>
#include <string_view>

namespace Cost {

/// What a producer wrote about a charge, as far as it can tell model and token kind.
struct AiHints {
    std::string_view skuPriceDetails; ///< FOCUS SkuPriceDetails (JSON)
    std::string_view skuMeter;
    std::string_view skuId;
    std::string_view usageType;      ///< AWS usage type, Azure meter, GCP SKU description
    std::string_view resourceName;
    std::string_view chargeDescription;
    std::string_view serviceName;
    std::string_view serviceCategory;
    std::string_view consumedUnit;
    std::string_view pricingUnit;
};

/// Model and token kind of a charge; model empty when unknown.
struct AiDerived {
    std::string model;
    TokenKind kind = TokenKind::None;
};

/// Derives model and token kind from the fields producers actually fill (pure function).
AiDerived deriveAi(const AiHints &hints);

/// Token kind from a free-text meter/usage/SKU description; None when it names no tokens.
TokenKind tokenKindFromText(std::string_view text, bool aiContext);

/// `s` with ASCII letters in lower case (meter, SKU and tag text is matched case-blind).
std::string lowerAscii(std::string_view s);

/// Normalises a model name: lower case, spaces and underscores to '-', provider prefixes kept.
std::string normaliseModel(std::string_view name);

/// Multiplier of a token unit ("Tokens" 1, "1K Tokens"/"1000 Tokens" 1e3, "1M Tokens" 1e6);
/// 0 when the unit is not a token unit.
double tokenUnitMultiplier(std::string_view unit);

/// Feature and team from a FOCUS Tags JSON object (keys feature/use_case/app, team/owner).
void featureTeamFromTags(std::string_view tagsJson, std::string &feature, std::string &team);

} // namespace Cost
