// Allocation rules JSON (`burnrate rules import`, the rules editor): any text either fails with an
// error or gives rules whose export reads back to the same export (fromJson ∘ toJson is stable).
#include "allocation/allocation.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    std::vector<Allocation::Rule> rules;
    std::string error;
    if (!Allocation::fromJson(text, rules, error)) {
        if (error.empty()) // a failure always says why
            std::abort();
        return 0;
    }
    for (const Allocation::Rule &rule : rules)
        (void)Allocation::validate(rule);
    const std::string exported = Allocation::toJson(rules);
    std::vector<Allocation::Rule> again;
    if (!Allocation::fromJson(exported, again, error) || Allocation::toJson(again) != exported)
        std::abort();
    return 0;
}
