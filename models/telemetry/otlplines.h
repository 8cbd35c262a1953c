#pragma once

#include "telemetry/otlpjson.h"

#include <cstdint>
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

/// A run of whole lines of a text, and the number of its first line in the text.
struct LinePiece {
    std::string_view text;
    std::int64_t firstLine = 1;
};

/// `text` cut into at most `count` runs of whole lines of about equal size, in order.
std::vector<LinePiece> cutLines(std::string_view text, std::size_t count);

/// Parses the OTLP JSON lines of one piece (blank lines skipped); false with the number of the bad
/// line in the whole text and what is wrong there.
bool parseOtlpPiece(const LinePiece &piece, const Mapping &mapping, std::vector<Usage> &out, OtlpSummary &summary,
                    std::int64_t &badLine, std::string &why);

} // namespace Telemetry
