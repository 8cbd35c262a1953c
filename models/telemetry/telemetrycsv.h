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

/// One RFC 4180 record of `text` from `pos` (quoted fields may hold commas, quotes and line
/// breaks) into `fields`; advances `pos` past it and `line` past its line ends. False on an
/// unterminated quote. For the CSV exports the telemetry sources read.
bool nextCsvRecord(std::string_view text, std::size_t &pos, std::int64_t &line, std::vector<std::string> &fields);

} // namespace Telemetry
