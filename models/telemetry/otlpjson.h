#pragma once

#include "telemetry/usage.h"

#include <string>
#include <string_view>
#include <vector>

namespace Telemetry {

/// What one OTLP export request held.
struct OtlpSummary {
    std::int64_t spans = 0;      ///< every span in the request
    std::int64_t modelCalls = 0; ///< spans with GenAI usage, appended to the output
};

/// Parses one OTLP/HTTP JSON ExportTraceServiceRequest (lowerCamelCase, 64-bit integers as
/// strings or numbers, unknown fields ignored) and appends one Usage per span that carries a
/// model and GenAI token usage (`gen_ai.usage.*`); other spans are counted and skipped. Feature,
/// team and user come from `mapping` (span attributes first, then the resource's). Pure: false
/// with `error` naming the JSON path ("resourceSpans[0].scopeSpans[1].spans[2].startTimeUnixNano:
/// …") and nothing appended.
bool parseOtlpJson(std::string_view body, const Mapping &mapping, std::vector<Usage> &out, OtlpSummary &summary,
                   std::string &error);

} // namespace Telemetry
