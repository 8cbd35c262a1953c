#pragma once

#include "telemetry/usage.h"

#include <string>
#include <string_view>
#include <vector>

namespace Telemetry {

/// The generic telemetry CSV: a header naming the columns, then one row per call or per group
/// of calls. `timestamp,provider,model,input_tokens` are required, then any of
/// `output_tokens,cached_input_tokens,cache_write_tokens,requests,latency_ms,feature,team,user`
/// (and `id`, a request id), in any order. `input_tokens` counts all input, cached included, as
/// OpenTelemetry does. Timestamps are ISO 8601 or epoch seconds. A row without `id` is identified
/// by its content and how often that content came before it in the file, so importing the file
/// again adds nothing. Pure: false with `error` as "line N: column C: what was expected".
bool parseTelemetryCsv(std::string_view text, std::vector<Usage> &out, std::string &error);

} // namespace Telemetry
