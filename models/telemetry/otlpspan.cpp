#include "telemetry/otlpspan.h"

#include <algorithm>

namespace Telemetry {

const AttrValue *AttrSet::find(std::string_view key) const
{
    const auto it = std::find_if(m_items.begin(), m_items.end(), [&](const auto &kv) { return kv.first == key; });
    return it == m_items.end() ? nullptr : &it->second;
}

bool wanted(std::string_view key, const Mapping &mapping)
{
    if (key.substr(0, 7) == "gen_ai.")
        return true;
    for (const auto *keys : {&mapping.feature, &mapping.team, &mapping.user})
        if (std::find(keys->begin(), keys->end(), key) != keys->end())
            return true;
    return false;
}

void appendRequest(std::vector<Usage> &parsed, const OtlpSummary &counted, std::vector<Usage> &out, OtlpSummary &summary)
{
    out.insert(out.end(), std::make_move_iterator(parsed.begin()), std::make_move_iterator(parsed.end()));
    summary.spans += counted.spans;
    summary.modelCalls += counted.modelCalls;
}

std::string hex(std::string_view bytes)
{
    static const char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out += kDigits[c >> 4];
        out += kDigits[c & 15];
    }
    return out;
}

namespace {

std::string firstText(const std::vector<std::string> &keys, const AttrSet &span, const AttrSet &resource)
{
    for (const std::string &key : keys) {
        for (const AttrSet *set : {&span, &resource}) {
            const AttrValue *v = set->find(key);
            if (v && v->text && !v->text->empty())
                return *v->text;
        }
    }
    return {};
}

std::string text(const AttrSet &attrs, std::string_view key)
{
    const AttrValue *v = attrs.find(key);
    return v && v->text ? *v->text : std::string();
}

// The first of `keys` present: its count, or an error when it is not one.
bool count(const AttrSet &attrs, std::initializer_list<const char *> keys, std::optional<std::int64_t> &out,
           const std::string &where, std::string &error)
{
    for (const char *key : keys) {
        const AttrValue *v = attrs.find(key);
        if (!v)
            continue;
        if (!v->count) {
            error = where + ".attributes: attribute '" + key + "': expected a token count (a whole number ≥ 0), got " + v->shown;
            return false;
        }
        out = v->count;
        return true;
    }
    return true;
}

} // namespace

bool spanUsage(const SpanData &span, const AttrSet &resource, const Mapping &mapping, const std::string &where,
               std::vector<Usage> &out, bool &isCall, std::string &error)
{
    isCall = false;
    const AttrSet &a = span.attrs;
    std::optional<std::int64_t> input, output, cacheRead, cacheWrite;
    // The current names first, then the spellings emitters still use.
    if (!count(a, {"gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens"}, input, where, error)
        || !count(a, {"gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens"}, output, where, error)
        || !count(a, {"gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens"}, cacheRead, where, error)
        || !count(a,
                  {"gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_write.input_tokens",
                   "gen_ai.usage.cache_creation_input_tokens"},
                  cacheWrite, where, error))
        return false;
    std::string model = text(a, "gen_ai.response.model");
    if (model.empty())
        model = text(a, "gen_ai.request.model");
    if (model.empty() || (!input && !output && !cacheRead && !cacheWrite))
        return true; // not a model call with usage (a tool call, an HTTP span…)

    Usage u;
    u.model = std::move(model);
    u.provider = text(a, "gen_ai.provider.name");
    if (u.provider.empty())
        u.provider = text(a, "gen_ai.system");
    if (!span.startNs || *span.startNs == 0) {
        error = where + ".startTimeUnixNano: missing (every span needs its start time)";
        return false;
    }
    u.startSeconds = *span.startNs / 1'000'000'000;
    if (span.endNs && *span.endNs >= *span.startNs)
        u.latencyMs = (*span.endNs - *span.startNs) / 1'000'000;
    u.cachedInputTokens = cacheRead.value_or(0);
    u.cacheWriteTokens = cacheWrite.value_or(0);
    u.inputTokens = uncachedInput(input.value_or(0), u.cachedInputTokens, u.cacheWriteTokens);
    u.outputTokens = output.value_or(0);
    u.feature = firstText(mapping.feature, a, resource);
    u.team = firstText(mapping.team, a, resource);
    u.user = firstText(mapping.user, a, resource);
    if (span.traceId.empty() || span.spanId.empty()) {
        error = where + ": a model call without traceId and spanId cannot be told apart from a repeat";
        return false;
    }
    u.id = span.traceId + ':' + span.spanId;
    out.push_back(std::move(u));
    isCall = true;
    return true;
}

std::int64_t uncachedInput(std::int64_t inputIncludingCache, std::int64_t cacheRead, std::int64_t cacheWrite)
{
    const std::int64_t cached = cacheRead + cacheWrite;
    return cached <= inputIncludingCache ? inputIncludingCache - cached : inputIncludingCache;
}

} // namespace Telemetry
