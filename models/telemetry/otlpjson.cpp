#include "telemetry/otlpjson.h"

#include "domain/jsonread.h"
#include "telemetry/otlpjsonfast.h"
#include "telemetry/otlpspan.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <limits>

namespace Telemetry {

namespace {

using Json = nlohmann::json;

using JsonRead::member;

bool arrayAt(const Json &v, const std::string &where, std::string &error)
{
    if (v.is_null() || v.is_array())
        return true;
    error = where + ": expected an array, got " + JsonRead::shown(v);
    return false;
}

// A whole number ≥ 0 written as a string (the OTLP JSON rule for 64-bit integers) or a number.
std::optional<std::int64_t> wholeNumber(const Json &v)
{
    std::int64_t n = -1;
    if (v.is_number_unsigned()) {
        if (v.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            n = static_cast<std::int64_t>(v.get<std::uint64_t>());
    } else if (v.is_number_integer()) {
        n = v.get<std::int64_t>();
    } else if (v.is_string()) {
        const std::string &s = v.get_ref<const std::string &>();
        const auto r = std::from_chars(s.data(), s.data() + s.size(), n);
        if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size())
            n = -1;
    }
    return n >= 0 ? std::optional<std::int64_t>(n) : std::nullopt;
}

AttrValue valueOf(const Json &value)
{
    AttrValue v;
    v.shown = JsonRead::shown(value);
    if (!value.is_object())
        return v;
    if (auto s = value.find("stringValue"); s != value.end() && s->is_string())
        v.text = s->get<std::string>();
    if (auto i = value.find("intValue"); i != value.end()) {
        v.count = wholeNumber(*i);
        if (i->is_string())
            v.text = i->get<std::string>();
        else if (i->is_number_integer())
            v.text = i->dump();
    }
    if (auto d = value.find("doubleValue"); d != value.end() && d->is_number()) {
        const double x = d->get<double>();
        if (x >= 0 && x < 9e15 && x == static_cast<double>(static_cast<std::int64_t>(x)))
            v.count = static_cast<std::int64_t>(x);
    }
    return v;
}

bool readAttributes(const Json &list, const Mapping &mapping, const std::string &where, AttrSet &out, std::string &error)
{
    if (list.is_null())
        return true;
    if (!list.is_array()) {
        error = where + ": expected an array of {key, value}, got " + JsonRead::shown(list);
        return false;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Json &kv = list[i];
        const Json &key = member(kv, "key");
        if (!key.is_string()) {
            error = where + "[" + std::to_string(i) + "]: expected {\"key\": \"…\", \"value\": {…}}";
            return false;
        }
        const std::string &k = key.get_ref<const std::string &>();
        if (wanted(k, mapping))
            out.add(k, valueOf(member(kv, "value")));
    }
    return true;
}

bool timeField(const Json &span, const char *field, std::optional<std::int64_t> &out, const std::string &where, std::string &error)
{
    const Json &v = member(span, field);
    if (v.is_null())
        return true;
    out = wholeNumber(v);
    if (!out) {
        error = where + "." + field + ": expected nanoseconds since 1970 (a whole number, as a string), got " + JsonRead::shown(v);
        return false;
    }
    return true;
}

} // namespace

bool parseOtlpJson(std::string_view body, const Mapping &mapping, std::vector<Usage> &out, OtlpSummary &summary,
                   std::string &error)
{
    // The fast reader takes every well-formed request; anything else goes to the DOM reader,
    // which gives the same answer and names the place of a fault.
    return Detail::parseOtlpJsonFast(body, mapping, out, summary)
        || Detail::parseOtlpJsonDom(body, mapping, out, summary, error);
}

bool Detail::parseOtlpJsonDom(std::string_view body, const Mapping &mapping, std::vector<Usage> &out, OtlpSummary &summary,
                              std::string &error)
{
    Json doc;
    if (!JsonRead::parse(body, doc, error))
        return false;
    if (!doc.is_object()) {
        error = "expected an OTLP ExportTraceServiceRequest object ({\"resourceSpans\": […]}), got " + JsonRead::shown(doc);
        return false;
    }
    std::vector<Usage> parsed;
    OtlpSummary counted;
    const Json &resourceSpans = member(doc, "resourceSpans");
    if (!arrayAt(resourceSpans, "resourceSpans", error))
        return false;
    SpanData span;
    for (std::size_t r = 0; r < resourceSpans.size(); ++r) {
        const std::string rWhere = "resourceSpans[" + std::to_string(r) + "]";
        AttrSet resource;
        if (!readAttributes(member(member(resourceSpans[r], "resource"), "attributes"), mapping, rWhere + ".resource.attributes",
                            resource, error))
            return false;
        const Json &scopeSpans = member(resourceSpans[r], "scopeSpans");
        if (!arrayAt(scopeSpans, rWhere + ".scopeSpans", error))
            return false;
        for (std::size_t s = 0; s < scopeSpans.size(); ++s) {
            const std::string sWhere = rWhere + ".scopeSpans[" + std::to_string(s) + "]";
            const Json &spans = member(scopeSpans[s], "spans");
            if (!arrayAt(spans, sWhere + ".spans", error))
                return false;
            for (std::size_t i = 0; i < spans.size(); ++i) {
                const std::string where = sWhere + ".spans[" + std::to_string(i) + "]";
                const Json &js = spans[i];
                if (!js.is_object()) {
                    error = where + ": expected a span object, got " + JsonRead::shown(js);
                    return false;
                }
                ++counted.spans;
                span.attrs.clear();
                span.startNs.reset();
                span.endNs.reset();
                const Json &traceId = member(js, "traceId"), &spanId = member(js, "spanId");
                span.traceId = traceId.is_string() ? traceId.get<std::string>() : std::string();
                span.spanId = spanId.is_string() ? spanId.get<std::string>() : std::string();
                bool isCall = false;
                if (!readAttributes(member(js, "attributes"), mapping, where + ".attributes", span.attrs, error)
                    || !timeField(js, "startTimeUnixNano", span.startNs, where, error)
                    || !timeField(js, "endTimeUnixNano", span.endNs, where, error)
                    || !spanUsage(span, resource, mapping, where, parsed, isCall, error))
                    return false;
                counted.modelCalls += isCall;
            }
        }
    }
    appendRequest(parsed, counted, out, summary);
    return true;
}

} // namespace Telemetry
