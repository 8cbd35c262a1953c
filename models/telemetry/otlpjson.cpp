#include "telemetry/otlpjson.h"

#include "domain/jsonread.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <limits>
#include <map>
#include <optional>

namespace Telemetry {

namespace {

using Json = nlohmann::json;

// The attributes of one span or resource, by key, as text or integer. Only the keys a caller
// asks for are looked at; the rest are never copied (prompts may sit in other attributes).
class Attributes {
public:
    bool read(const Json &list, const std::string &where, std::string &error)
    {
        if (list.is_null())
            return true;
        if (!list.is_array()) {
            error = where + ": expected an array of {key, value}, got " + JsonRead::shown(list);
            return false;
        }
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Json &kv = list[i];
            const auto key = kv.is_object() ? kv.find("key") : kv.end();
            if (!kv.is_object() || key == kv.end() || !key->is_string()) {
                error = where + "[" + std::to_string(i) + "]: expected {\"key\": \"…\", \"value\": {…}}";
                return false;
            }
            const auto value = kv.find("value");
            if (value != kv.end() && value->is_object())
                m_values.emplace(key->get<std::string>(), &*value);
        }
        return true;
    }

    /// The attribute as text (string, integer or double values), when present.
    std::optional<std::string> text(const std::string &key) const
    {
        const Json *v = find(key);
        if (!v)
            return std::nullopt;
        if (auto s = v->find("stringValue"); s != v->end() && s->is_string())
            return s->get<std::string>();
        if (auto n = v->find("intValue"); n != v->end())
            return n->is_string() ? n->get<std::string>() : n->is_number_integer() ? n->dump() : std::string();
        return std::nullopt;
    }

    /// The attribute as a count: intValue as a string or a number, or a whole doubleValue.
    /// Absent → nullopt; present but not a count ≥ 0 → error.
    bool count(const std::string &key, std::optional<std::int64_t> &out, const std::string &where, std::string &error) const
    {
        const Json *v = find(key);
        if (!v)
            return true;
        std::int64_t n = -1;
        if (auto i = v->find("intValue"); i != v->end()) {
            if (i->is_number_integer())
                n = i->get<std::int64_t>();
            else if (i->is_string()) {
                const std::string s = i->get<std::string>();
                const auto r = std::from_chars(s.data(), s.data() + s.size(), n);
                if (r.ec != std::errc() || r.ptr != s.data() + s.size())
                    n = -1;
            }
        } else if (auto d = v->find("doubleValue"); d != v->end() && d->is_number()) {
            const double x = d->get<double>();
            if (x >= 0 && x < 9e15 && x == static_cast<double>(static_cast<std::int64_t>(x)))
                n = static_cast<std::int64_t>(x);
        }
        if (n < 0) {
            error = where + ": attribute '" + key + "': expected a token count (a whole number ≥ 0), got "
                + JsonRead::shown(*v);
            return false;
        }
        out = n;
        return true;
    }

private:
    const Json *find(const std::string &key) const
    {
        const auto it = m_values.find(key);
        return it == m_values.end() ? nullptr : it->second;
    }

    std::map<std::string, const Json *> m_values;
};

// A 64-bit integer written as a string (the OTLP JSON rule) or as a number.
bool uint64Field(const Json &obj, const char *field, std::optional<std::int64_t> &out, const std::string &where,
                 std::string &error)
{
    const auto it = obj.find(field);
    if (it == obj.end() || it->is_null())
        return true;
    std::uint64_t n = 0;
    bool ok = false;
    if (it->is_number_unsigned())
        n = it->get<std::uint64_t>(), ok = true;
    else if (it->is_number_integer() && it->get<std::int64_t>() >= 0)
        n = static_cast<std::uint64_t>(it->get<std::int64_t>()), ok = true;
    else if (it->is_string()) {
        const std::string s = it->get<std::string>();
        const auto r = std::from_chars(s.data(), s.data() + s.size(), n);
        ok = r.ec == std::errc() && r.ptr == s.data() + s.size() && !s.empty();
    }
    if (!ok || n > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        error = where + "." + field + ": expected nanoseconds since 1970 (a whole number, as a string), got "
            + JsonRead::shown(*it);
        return false;
    }
    out = static_cast<std::int64_t>(n);
    return true;
}

std::string firstText(const std::vector<std::string> &keys, const Attributes &span, const Attributes &resource)
{
    for (const std::string &key : keys) {
        if (auto v = span.text(key); v && !v->empty())
            return *v;
        if (auto v = resource.text(key); v && !v->empty())
            return *v;
    }
    return {};
}

const Json &member(const Json &obj, const char *field)
{
    static const Json kNull;
    if (!obj.is_object())
        return kNull;
    const auto it = obj.find(field);
    return it == obj.end() ? kNull : *it;
}

bool arrayAt(const Json &v, const std::string &where, std::string &error)
{
    if (v.is_null() || v.is_array())
        return true;
    error = where + ": expected an array, got " + JsonRead::shown(v);
    return false;
}

// One span → a Usage when it records a model call with token usage.
bool readSpan(const Json &span, const std::string &where, const Attributes &resource, const Mapping &mapping,
              std::vector<Usage> &out, OtlpSummary &summary, std::string &error)
{
    if (!span.is_object()) {
        error = where + ": expected a span object, got " + JsonRead::shown(span);
        return false;
    }
    ++summary.spans;
    Attributes attrs;
    if (!attrs.read(member(span, "attributes"), where + ".attributes", error))
        return false;
    std::optional<std::int64_t> input, output, cacheRead, cacheWrite;
    const std::string at = where + ".attributes";
    // The current names first, then the spellings emitters still use.
    for (const char *key : {"gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens"})
        if (!input && !attrs.count(key, input, at, error))
            return false;
    for (const char *key : {"gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens"})
        if (!output && !attrs.count(key, output, at, error))
            return false;
    for (const char *key : {"gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens"})
        if (!cacheRead && !attrs.count(key, cacheRead, at, error))
            return false;
    for (const char *key : {"gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_write.input_tokens",
                            "gen_ai.usage.cache_creation_input_tokens"})
        if (!cacheWrite && !attrs.count(key, cacheWrite, at, error))
            return false;
    std::string model = attrs.text("gen_ai.response.model").value_or(std::string());
    if (model.empty())
        model = attrs.text("gen_ai.request.model").value_or(std::string());
    if (model.empty() || (!input && !output && !cacheRead && !cacheWrite))
        return true; // not a model call with usage (a tool call, an HTTP span…)

    Usage u;
    u.model = model;
    u.provider = attrs.text("gen_ai.provider.name").value_or(attrs.text("gen_ai.system").value_or(std::string()));
    std::optional<std::int64_t> start, end;
    if (!uint64Field(span, "startTimeUnixNano", start, where, error) || !uint64Field(span, "endTimeUnixNano", end, where, error))
        return false;
    if (!start || *start == 0) {
        error = where + ".startTimeUnixNano: missing (every span needs its start time)";
        return false;
    }
    u.startSeconds = *start / 1'000'000'000;
    if (end && *end >= *start)
        u.latencyMs = (*end - *start) / 1'000'000;
    u.cachedInputTokens = cacheRead.value_or(0);
    u.cacheWriteTokens = cacheWrite.value_or(0);
    u.inputTokens = uncachedInput(input.value_or(0), u.cachedInputTokens, u.cacheWriteTokens);
    u.outputTokens = output.value_or(0);
    u.feature = firstText(mapping.feature, attrs, resource);
    u.team = firstText(mapping.team, attrs, resource);
    u.user = firstText(mapping.user, attrs, resource);
    const Json &traceId = member(span, "traceId");
    const Json &spanId = member(span, "spanId");
    if (!traceId.is_string() || !spanId.is_string() || spanId.get<std::string>().empty()) {
        error = where + ": a model call without traceId and spanId (hex strings) cannot be told apart from a repeat";
        return false;
    }
    u.id = traceId.get<std::string>() + ':' + spanId.get<std::string>();
    out.push_back(std::move(u));
    ++summary.modelCalls;
    return true;
}

} // namespace

std::int64_t uncachedInput(std::int64_t inputIncludingCache, std::int64_t cacheRead, std::int64_t cacheWrite)
{
    const std::int64_t cached = cacheRead + cacheWrite;
    return cached <= inputIncludingCache ? inputIncludingCache - cached : inputIncludingCache;
}

bool parseOtlpJson(std::string_view body, const Mapping &mapping, std::vector<Usage> &out, OtlpSummary &summary,
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
    for (std::size_t r = 0; r < resourceSpans.size(); ++r) {
        const std::string rWhere = "resourceSpans[" + std::to_string(r) + "]";
        Attributes resource;
        if (!resource.read(member(member(resourceSpans[r], "resource"), "attributes"), rWhere + ".resource.attributes", error))
            return false;
        const Json &scopeSpans = member(resourceSpans[r], "scopeSpans");
        if (!arrayAt(scopeSpans, rWhere + ".scopeSpans", error))
            return false;
        for (std::size_t s = 0; s < scopeSpans.size(); ++s) {
            const std::string sWhere = rWhere + ".scopeSpans[" + std::to_string(s) + "]";
            const Json &spans = member(scopeSpans[s], "spans");
            if (!arrayAt(spans, sWhere + ".spans", error))
                return false;
            for (std::size_t i = 0; i < spans.size(); ++i)
                if (!readSpan(spans[i], sWhere + ".spans[" + std::to_string(i) + "]", resource, mapping, parsed, counted, error))
                    return false;
        }
    }
    out.insert(out.end(), std::make_move_iterator(parsed.begin()), std::make_move_iterator(parsed.end()));
    summary.spans += counted.spans;
    summary.modelCalls += counted.modelCalls;
    return true;
}

} // namespace Telemetry
