#include "telemetry/otlpjsonfast.h"

#include "telemetry/otlpspan.h"

#include <simdjson.h>

#include <charconv>

namespace Telemetry::Detail {

namespace {

namespace dom = simdjson::dom;

// Any shape parseOtlpJson would refuse, or read otherwise, ends the fast path.
struct Bail {};

// By value: a range-for over `x.get_object().value_unsafe()` would hold a reference into a
// temporary that is gone before the loop starts.
dom::object objectOf(dom::element e)
{
    dom::object o;
    if (e.get_object().get(o) != simdjson::SUCCESS)
        throw Bail{};
    return o;
}

dom::array arrayOf(dom::element e)
{
    dom::array a;
    if (e.get_array().get(a) != simdjson::SUCCESS)
        throw Bail{};
    return a;
}

// A key read twice in one object: nlohmann keeps the last, this reader would see both — the DOM
// reader decides.
void once(unsigned &seen, unsigned bit)
{
    if (seen & bit)
        throw Bail{};
    seen |= bit;
}

std::optional<std::int64_t> countText(std::string_view s)
{
    std::int64_t n = -1;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), n);
    if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || n < 0)
        return std::nullopt;
    return n;
}

std::optional<std::int64_t> wholeNumber(dom::element v)
{
    if (v.is_int64()) {
        const std::int64_t n = v.get_int64().value_unsafe();
        return n >= 0 ? std::optional<std::int64_t>(n) : std::nullopt;
    }
    if (v.is_string())
        return countText(v.get_string().value_unsafe());
    return std::nullopt; // a float, or past 64 bits: the DOM reader refuses it too
}

AttrValue valueOf(dom::element v)
{
    AttrValue out;
    if (!v.is_object())
        return out;
    unsigned seen = 0;
    for (const dom::key_value_pair field : objectOf(v)) {
        const std::string_view key = field.key;
        const dom::element inner = field.value;
        if (key == "stringValue" || key == "intValue" || key == "doubleValue")
            once(seen, key == "stringValue" ? 1U : key == "intValue" ? 2U : 4U);
        if ((seen & 6U) == 6U)
            throw Bail{}; // both numbers: the DOM reader applies them in its own order
        if (key == "stringValue") {
            if (inner.is_string())
                out.text = std::string(inner.get_string().value_unsafe());
        } else if (key == "intValue") {
            if (inner.is_string()) {
                out.text = std::string(inner.get_string().value_unsafe());
                out.count = countText(*out.text);
            } else if (inner.is_int64()) {
                const std::int64_t n = inner.get_int64().value_unsafe();
                out.text = std::to_string(n);
                if (n >= 0)
                    out.count = n;
            } else if (inner.is_number()) {
                throw Bail{}; // a float or past 64 bits: the DOM reader decides
            }
        } else if (key == "doubleValue" && inner.is_number()) {
            const double x = inner.get_double().value_unsafe();
            if (x >= 0 && x < 9e15 && x == static_cast<double>(static_cast<std::int64_t>(x)))
                out.count = static_cast<std::int64_t>(x);
        }
    }
    return out;
}

void readAttributes(dom::element list, const Mapping &mapping, AttrSet &out)
{
    if (list.is_null())
        return;
    if (!list.is_array())
        throw Bail{};
    for (const dom::element kv : arrayOf(list)) {
        if (!kv.is_object())
            throw Bail{};
        std::optional<std::string_view> key;
        std::optional<dom::element> value;
        unsigned seen = 0;
        for (const dom::key_value_pair field : objectOf(kv)) {
            if (field.key == "key") {
                once(seen, 1U);
                if (!field.value.is_string())
                    throw Bail{};
                key = field.value.get_string().value_unsafe();
            } else if (field.key == "value") {
                once(seen, 2U);
                value = field.value;
            }
        }
        if (!key)
            throw Bail{};
        if (wanted(*key, mapping))
            out.add(std::string(*key), value ? valueOf(*value) : AttrValue{});
    }
}

void readSpan(dom::element span, const Mapping &mapping, SpanData &out)
{
    if (!span.is_object())
        throw Bail{};
    unsigned seen = 0;
    for (const dom::key_value_pair field : objectOf(span)) {
        const std::string_view name = field.key;
        const dom::element v = field.value;
        if (name == "traceId" || name == "spanId") {
            once(seen, name == "traceId" ? 1U : 2U);
            (name == "traceId" ? out.traceId : out.spanId) = v.is_string() ? std::string(v.get_string().value_unsafe()) : std::string();
        } else if (name == "startTimeUnixNano" || name == "endTimeUnixNano") {
            once(seen, name == "startTimeUnixNano" ? 4U : 8U);
            if (v.is_null())
                continue;
            const auto n = wholeNumber(v);
            if (!n)
                throw Bail{};
            (name == "startTimeUnixNano" ? out.startNs : out.endNs) = n;
        } else if (name == "attributes") {
            once(seen, 16U);
            readAttributes(v, mapping, out.attrs);
        }
    }
}

// Each element of the array under `key` of `obj` (absent or null: none; anything else ends the
// fast path).
template<typename Fn>
void forEachIn(dom::object obj, std::string_view key, Fn fn)
{
    unsigned seen = 0;
    for (const dom::key_value_pair field : obj) {
        if (field.key != key)
            continue;
        once(seen, 1U);
        if (field.value.is_null())
            continue;
        if (!field.value.is_array())
            throw Bail{};
        for (const dom::element item : arrayOf(field.value))
            fn(item);
    }
}

} // namespace

bool parseOtlpJsonFast(std::string_view body, const Mapping &mapping, std::vector<Usage> &out, OtlpSummary &summary)
{
    thread_local dom::parser parser;
    dom::element doc;
    if (parser.parse(body.data(), body.size()).get(doc) != simdjson::SUCCESS || !doc.is_object())
        return false;
    try {
        std::vector<Usage> parsed;
        OtlpSummary counted;
        SpanData span;
        forEachIn(objectOf(doc), "resourceSpans", [&](dom::element rs) {
            if (!rs.is_object())
                throw Bail{};
            AttrSet resource;
            unsigned seen = 0;
            for (const dom::key_value_pair field : objectOf(rs)) {
                if (field.key != "resource")
                    continue;
                once(seen, 1U);
                if (!field.value.is_object())
                    continue;
                unsigned seenAttrs = 0;
                for (const dom::key_value_pair rf : objectOf(field.value))
                    if (rf.key == "attributes") {
                        once(seenAttrs, 1U);
                        readAttributes(rf.value, mapping, resource);
                    }
            }
            forEachIn(objectOf(rs), "scopeSpans", [&](dom::element ss) {
                if (!ss.is_object())
                    return; // the DOM reader skips such a scope too
                forEachIn(objectOf(ss), "spans", [&](dom::element s) {
                    span = SpanData{};
                    readSpan(s, mapping, span);
                    ++counted.spans;
                    bool isCall = false;
                    std::string error;
                    if (!spanUsage(span, resource, mapping, {}, parsed, isCall, error))
                        throw Bail{};
                    counted.modelCalls += isCall;
                });
            });
        });
        appendRequest(parsed, counted, out, summary);
        return true;
    } catch (const Bail &) {
        return false;
    }
}

} // namespace Telemetry::Detail
