#pragma once

#include "telemetry/otlpjson.h"
#include "telemetry/usage.h"

#include <string>
#include <string_view>
#include <vector>

namespace Otlp {

/// Parses one OTLP/HTTP protobuf ExportTraceServiceRequest (the SDKs' default encoding) with the
/// classes protoc generates from proto/ (libprotobuf), and appends one Usage per model call, exactly
/// as Telemetry::parseOtlpJson does for the JSON encoding. False with `error` and nothing appended.
bool parseOtlpProtobuf(std::string_view body, const Telemetry::Mapping &mapping, std::vector<Telemetry::Usage> &out,
                       Telemetry::OtlpSummary &summary, std::string &error);

/// The protobuf encoding of an ExportTraceServiceResponse; a partial success when `rejected` > 0.
std::string exportResponse(std::int64_t rejected, const std::string &message);

} // namespace Otlp
