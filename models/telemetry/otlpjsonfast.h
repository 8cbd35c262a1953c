#pragma once

#include "telemetry/otlpjson.h"

/// The two readers behind parseOtlpJson, exposed for the differential fuzz target and tests.
namespace Telemetry::Detail {

/// simdjson (its DOM picks the SIMD kernels of the CPU at run time): fast, no messages. False (nothing appended) on anything it
/// cannot read as a valid request — parseOtlpJson then runs the DOM reader, which names the place.
bool parseOtlpJsonFast(std::string_view body, const Mapping &mapping, std::vector<Usage> &out, OtlpSummary &summary);

/// nlohmann's DOM: slower, and its errors carry the JSON path.
bool parseOtlpJsonDom(std::string_view body, const Mapping &mapping, std::vector<Usage> &out, OtlpSummary &summary,
                      std::string &error);

} // namespace Telemetry::Detail
