// Model / token kind derivation: the input is split at '\n' into the ten AiHints fields (what a
// producer wrote about a charge); the whole input also goes through the free-text helpers.
#include "domain/aidimensions.h"
#include "domain/modelname.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    std::array<std::string_view, 10> parts{};
    std::size_t from = 0;
    for (std::size_t i = 0; i < parts.size() && from <= text.size(); ++i) {
        const std::size_t end = std::min(text.find('\n', from), text.size());
        parts[i] = text.substr(from, end - from);
        from = end + 1;
    }
    Cost::AiHints hints;
    hints.skuPriceDetails = parts[0];
    hints.skuMeter = parts[1];
    hints.skuId = parts[2];
    hints.usageType = parts[3];
    hints.resourceName = parts[4];
    hints.chargeDescription = parts[5];
    hints.serviceName = parts[6];
    hints.serviceCategory = parts[7];
    hints.consumedUnit = parts[8];
    hints.pricingUnit = parts[9];
    const Cost::AiDerived derived = Cost::deriveAi(hints);
    (void)Cost::canonicalModel(derived.model);

    (void)Cost::tokenKindFromText(text, true);
    (void)Cost::tokenKindFromText(text, false);
    const std::string normalised = Cost::normaliseModel(text);
    if (Cost::normaliseModel(normalised) != normalised) // normalising twice changes nothing
        std::abort();
    (void)Cost::canonicalModel(text);
    (void)Cost::tokenUnitMultiplier(text);
    std::string feature, team;
    Cost::featureTeamFromTags(text, feature, team);
    return 0;
}
