#pragma once

#include "telemetry/otlpjson.h"

#include <string>
#include <string_view>
#include <vector>

namespace Telemetry {

/// Parses OTLP JSON as the Collector's file exporter writes it — one ExportTraceServiceRequest per
/// line — or one request spread over the whole text (pretty-printed). Large texts are cut at line
/// boundaries and parsed on up to `threads` cores at once (QtConcurrent); the calls come out in the
/// text's order either way. False with "line N: where: what" for the first bad line, nothing appended.
bool parseOtlpLines(std::string_view text, const Mapping &mapping, std::vector<Usage> &out, OtlpSummary &summary,
                    std::string &error, int threads = 0);

} // namespace Telemetry
