// Scenario JSON (`burnrate simulate --scenario`, the simulator page): any text either fails with an
// error or gives a scenario whose export reads back to the same export (scenario.h promises
// parseScenario(scenarioToJson(s)) == s).
#include "simulation/scenario.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    Simulation::Scenario scenario;
    std::string error;
    if (!Simulation::parseScenario(text, scenario, error)) {
        if (error.empty())
            std::abort();
        return 0;
    }
    const std::string exported = Simulation::scenarioToJson(scenario);
    Simulation::Scenario again;
    if (!Simulation::parseScenario(exported, again, error) || Simulation::scenarioToJson(again) != exported)
        std::abort();
    std::int64_t ppm = 0;
    (void)Simulation::percentToPpm(std::string(text), ppm);
    return 0;
}
