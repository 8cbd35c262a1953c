// Price catalogs: Burnrate's own format (`burnrate prices import`, the user layer) must fail with
// an error or read back its own export unchanged; LiteLLM's file must parse or fail cleanly.
#include "pricing/pricecatalog.h"
#include "pricing/pricelitellm.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    std::string error;
    Pricing::PriceCatalog catalog;
    if (catalog.loadJson(text, Pricing::Layer::User, error)) {
        const std::string exported = catalog.toJson(Pricing::Layer::User);
        Pricing::PriceCatalog again;
        if (!again.loadJson(exported, Pricing::Layer::User, error) || again.toJson(Pricing::Layer::User) != exported)
            std::abort();
        for (const Pricing::PriceEntry *entry : catalog.find({}))
            (void)catalog.resolve(entry->provider, entry->model, entry->effectiveFrom);
    } else if (error.empty()) {
        std::abort();
    }
    Pricing::LiteLlmImport imported;
    if (!Pricing::parseLiteLlm(text, "fuzz", imported, error) && error.empty())
        std::abort();
    return 0;
}
