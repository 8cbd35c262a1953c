#pragma once

#include "telemetry/otlpjson.h"
#include "telemetry/usage.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

/// One span as both OTLP encodings (JSON, protobuf) deliver it, reduced to what Burnrate reads:
/// the GenAI attributes and the mapped ones. Shared by the JSON parser here and the protobuf one
/// in connectors/otlp, so both turn a span into the same Usage.
namespace Telemetry {

/// An attribute's value as far as a model call needs it.
struct AttrValue {
    std::optional<std::string> text;   ///< string values (and integers, as text)
    std::optional<std::int64_t> count; ///< integer values ≥ 0, or whole doubles
    std::string shown;                 ///< the value as sent, for messages
};

/// The attributes of one span or resource that matter (see wanted()), in arrival order.
class AttrSet {
public:
    void add(std::string key, AttrValue value) { m_items.emplace_back(std::move(key), std::move(value)); }
    const AttrValue *find(std::string_view key) const;
    void clear() { m_items.clear(); }

private:
    std::vector<std::pair<std::string, AttrValue>> m_items;
};

/// True for the keys a model call is read from: `gen_ai.*` and the keys of `mapping`. Anything
/// else (prompts, completions, HTTP details) is never copied.
bool wanted(std::string_view key, const Mapping &mapping);

struct SpanData {
    AttrSet attrs;
    std::optional<std::int64_t> startNs, endNs;
    std::string traceId, spanId; ///< lower-case hex
};

/// Appends the span's Usage when it is a model call with token usage (`isCall` true); other spans
/// leave `out` alone. False with "WHERE…: what" for a token count that is not one, a model call
/// without a start time or without ids.
bool spanUsage(const SpanData &span, const AttrSet &resource, const Mapping &mapping, const std::string &where,
               std::vector<Usage> &out, bool &isCall, std::string &error);

/// Appends what one request gave (`parsed`, `counted`) to the caller's `out` and `summary`: a
/// request is taken whole or not at all.
void appendRequest(std::vector<Usage> &parsed, const OtlpSummary &counted, std::vector<Usage> &out, OtlpSummary &summary);

/// Lower-case hex of raw bytes (protobuf trace and span ids).
std::string hex(std::string_view bytes);

} // namespace Telemetry
