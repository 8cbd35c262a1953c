// OTLP/HTTP protobuf bodies (`burnrate telemetry serve`): any bytes either fail with an error and
// add nothing, or give calls with an id and counts ≥ 0, as many as the summary says.
#include "otlp/otlpprotobuf.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view body(reinterpret_cast<const char *>(data), size);
    std::vector<Telemetry::Usage> usage;
    Telemetry::OtlpSummary summary;
    std::string error;
    if (!Otlp::parseOtlpProtobuf(body, {}, usage, summary, error)) {
        if (error.empty() || !usage.empty())
            std::abort();
        return 0;
    }
    if (summary.modelCalls != static_cast<std::int64_t>(usage.size()))
        std::abort();
    for (const Telemetry::Usage &u : usage)
        if (u.id.empty() || u.inputTokens < 0 || u.outputTokens < 0 || u.cachedInputTokens < 0 || u.model.empty())
            std::abort();
    return 0;
}
