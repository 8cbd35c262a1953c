#include "telemetry/gatewaylogs.h"

#include "domain/aidimensions.h"
#include "domain/jsonread.h"
#include "domain/timeparse.h"
#include "telemetry/telemetrycsv.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>

namespace Telemetry {

namespace {

using Json = nlohmann::json;

using JsonRead::member;

std::string textOf(const Json &v)
{
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_number_integer())
        return v.dump();
    return {};
}

// A count written as a number or as its text (CSV exports, some APIs); absent or null = 0.
bool countOf(const Json &v, std::int64_t &out)
{
    out = 0;
    if (v.is_null())
        return true;
    if (v.is_number_unsigned() || v.is_number_integer()) {
        out = v.get<std::int64_t>();
        return out >= 0;
    }
    if (v.is_number_float()) {
        // Range first: converting a double beyond int64 is undefined (found by fuzz_telemetry: 1.1e23).
        const double x = v.get<double>();
        if (!(x >= 0 && x < 9e15 && x == std::floor(x)))
            return false;
        out = static_cast<std::int64_t>(x);
        return true;
    }
    if (v.is_string()) {
        const std::string &s = v.get_ref<const std::string &>();
        if (s.empty())
            return true;
        const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
        return r.ec == std::errc() && r.ptr == s.data() + s.size() && out >= 0;
    }
    return false;
}

// An ISO 8601 time ("2026-03-01T14:00:00.123Z", "2026-03-01 14:00:00") to epoch seconds.
bool timeOf(const Json &v, std::int64_t &seconds)
{
    const std::string s = textOf(v);
    return !s.empty() && Cost::parseTimestamp(s, seconds);
}

// A JSON object or array given as itself or as JSON text (database exports keep JSON columns as text).
Json embedded(const Json &v)
{
    if (!v.is_string())
        return v;
    Json parsed;
    std::string ignored;
    const std::string &s = v.get_ref<const std::string &>();
    if (s.empty() || !JsonRead::parse(s, parsed, ignored))
        return Json();
    return parsed;
}

// A tag "feature:X" or "feature=X" → X.
std::string taggedFeature(const Json &tags)
{
    if (!tags.is_array())
        return {};
    for (const Json &t : tags) {
        const std::string s = textOf(t);
        for (const char *prefix : {"feature:", "feature="})
            if (s.rfind(prefix, 0) == 0)
                return s.substr(std::string_view(prefix).size());
    }
    return {};
}

std::string firstNonEmpty(std::initializer_list<std::string> values)
{
    for (const std::string &v : values)
        if (!v.empty())
            return v;
    return {};
}

// The provider of a model Langfuse names without one: OpenAI, Anthropic and Google's Gemini models
// are told by their names (the bill's families: openai, anthropic, gemini); anything else keeps the
// model's own name, which matches no bill and shows as such in coverage.
std::string publisherOf(const std::string &model)
{
    const std::string m = Cost::lowerAscii(model);
    for (const char *prefix : {"gpt-", "o1", "o3", "o4", "chatgpt", "text-embedding", "davinci", "babbage"})
        if (m.rfind(prefix, 0) == 0)
            return "openai";
    if (m.rfind("claude", 0) == 0)
        return "anthropic";
    if (m.rfind("gemini", 0) == 0)
        return "gemini";
    return model;
}

// The rows of a JSON body: a bare array or {"data": [...]}.
bool rowsOf(const Json &doc, const Json *&rows, std::string &error)
{
    rows = doc.is_array() ? &doc : &member(doc, "data");
    if (!rows->is_array()) {
        error = "expected a JSON array of rows, or {\"data\": [rows]}, got " + JsonRead::shown(doc).substr(0, 80);
        return false;
    }
    return true;
}

bool liteLlmRow(const Json &row, const std::string &where, std::vector<Usage> &out, std::string &error)
{
    const auto fail = [&](const char *field, const std::string &why) {
        error = where + ": field '" + field + "': " + why;
        return false;
    };
    if (!row.is_object()) {
        error = where + ": expected a spend log object, got " + JsonRead::shown(row).substr(0, 80);
        return false;
    }
    Usage u;
    u.id = textOf(member(row, "request_id"));
    if (u.id.empty())
        return fail("request_id", "missing (every spend log has one)");
    u.model = textOf(member(row, "model"));
    if (u.model.empty())
        u.model = textOf(member(row, "model_group"));
    if (u.model.empty())
        return fail("model", "missing");
    u.provider = textOf(member(row, "custom_llm_provider"));
    std::int64_t start = 0, end = 0;
    if (!timeOf(member(row, "startTime"), start))
        return fail("startTime", "expected an ISO 8601 time, got " + JsonRead::shown(member(row, "startTime")));
    u.startSeconds = start;
    std::int64_t prompt = 0, completion = 0, duration = 0;
    if (!countOf(member(row, "prompt_tokens"), prompt))
        return fail("prompt_tokens", "expected a token count, got " + JsonRead::shown(member(row, "prompt_tokens")));
    if (!countOf(member(row, "completion_tokens"), completion))
        return fail("completion_tokens", "expected a token count, got " + JsonRead::shown(member(row, "completion_tokens")));
    const Json metadata = embedded(member(row, "metadata"));
    const Json &extra = member(metadata, "additional_usage_values");
    std::int64_t cacheRead = 0, cacheWrite = 0, cached = 0;
    countOf(member(extra, "cache_read_input_tokens"), cacheRead);
    countOf(member(extra, "cache_creation_input_tokens"), cacheWrite);
    countOf(member(member(extra, "prompt_tokens_details"), "cached_tokens"), cached);
    u.cachedInputTokens = std::max(cacheRead, cached);
    u.cacheWriteTokens = cacheWrite;
    u.inputTokens = uncachedInput(prompt, u.cachedInputTokens, u.cacheWriteTokens);
    u.outputTokens = completion;
    if (!textOf(member(row, "request_duration_ms")).empty() && countOf(member(row, "request_duration_ms"), duration))
        u.latencyMs = duration;
    else if (timeOf(member(row, "endTime"), end) && end >= start)
        u.latencyMs = (end - start) * 1000;
    const Json tags = embedded(member(row, "request_tags"));
    std::string firstTag = tags.is_array() && !tags.empty() ? textOf(tags.front()) : std::string();
    u.feature = firstNonEmpty({textOf(member(metadata, "feature")), taggedFeature(tags), firstTag});
    u.team = firstNonEmpty({textOf(member(metadata, "team")), textOf(member(row, "team_alias")), textOf(member(row, "team_id"))});
    u.user = firstNonEmpty({textOf(member(row, "end_user")), textOf(member(row, "user"))});
    out.push_back(std::move(u));
    return true;
}

bool langfuseRow(const Json &row, const std::string &where, std::vector<Usage> &out, std::string &error)
{
    const auto fail = [&](const char *field, const std::string &why) {
        error = where + ": field '" + field + "': " + why;
        return false;
    };
    if (!row.is_object()) {
        error = where + ": expected an observation object, got " + JsonRead::shown(row).substr(0, 80);
        return false;
    }
    const std::string type = textOf(member(row, "type"));
    const Json &usage = member(row, "usageDetails");
    if ((!type.empty() && type != "GENERATION") || !usage.is_object())
        return true; // spans, events, generations without usage
    Usage u;
    u.id = textOf(member(row, "id"));
    if (u.id.empty())
        return fail("id", "missing (every observation has one)");
    u.model = firstNonEmpty({textOf(member(row, "providedModelName")), textOf(member(row, "model"))});
    if (u.model.empty())
        return true; // a generation Langfuse could not name: nothing to match with the bill
    u.provider = publisherOf(u.model); // Langfuse keeps no provider
    std::int64_t start = 0, end = 0;
    if (!timeOf(member(row, "startTime"), start))
        return fail("startTime", "expected an ISO 8601 time, got " + JsonRead::shown(member(row, "startTime")));
    u.startSeconds = start;
    const auto take = [&](std::initializer_list<const char *> keys, std::int64_t &target) {
        for (const char *key : keys) {
            std::int64_t n = 0;
            if (!countOf(member(usage, key), n)) {
                error = where + ": field 'usageDetails." + key + "': expected a token count, got " + JsonRead::shown(member(usage, key));
                return false;
            }
            target += n;
        }
        return true;
    };
    if (!take({"input"}, u.inputTokens) || !take({"output"}, u.outputTokens)
        || !take({"input_cached_tokens", "cache_read_input_tokens", "input_cache_read"}, u.cachedInputTokens)
        || !take({"cache_creation_input_tokens", "input_cache_creation"}, u.cacheWriteTokens))
        return false;
    if (timeOf(member(row, "endTime"), end) && end >= start)
        u.latencyMs = (end - start) * 1000;
    const Json &metadata = member(row, "metadata");
    u.feature = firstNonEmpty({taggedFeature(member(row, "tags")), textOf(member(metadata, "feature")), textOf(member(row, "traceName"))});
    u.team = textOf(member(metadata, "team"));
    u.user = textOf(member(row, "userId"));
    out.push_back(std::move(u));
    return true;
}

template<typename RowFn>
bool parseRows(std::string_view json, const char *what, RowFn row, std::vector<Usage> &out, std::string &error)
{
    Json doc;
    if (!JsonRead::parse(json, doc, error))
        return false;
    const Json *rows = nullptr;
    if (!rowsOf(doc, rows, error))
        return false;
    std::vector<Usage> parsed;
    for (std::size_t i = 0; i < rows->size(); ++i)
        if (!row((*rows)[i], std::string(what) + " " + std::to_string(i + 1), parsed, error))
            return false;
    out.insert(out.end(), std::make_move_iterator(parsed.begin()), std::make_move_iterator(parsed.end()));
    return true;
}

} // namespace

bool parseLiteLlmSpendLogs(std::string_view json, std::vector<Usage> &out, std::string &error)
{
    return parseRows(json, "spend log", liteLlmRow, out, error);
}

bool parseLiteLlmSpendLogsCsv(std::string_view text, std::vector<Usage> &out, std::string &error)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    std::size_t pos = 0;
    std::int64_t line = 1;
    std::vector<std::string> header, fields;
    if (!nextCsvRecord(text, pos, line, header)) {
        error = "line 1: unterminated quoted field";
        return false;
    }
    std::vector<Usage> parsed;
    while (pos < text.size()) {
        const std::int64_t rowLine = line;
        if (!nextCsvRecord(text, pos, line, fields)) {
            error = "line " + std::to_string(rowLine) + ": unterminated quoted field";
            return false;
        }
        if (fields.size() == 1 && fields[0].empty())
            continue;
        Json row = Json::object();
        for (std::size_t i = 0; i < header.size() && i < fields.size(); ++i)
            row[header[i]] = fields[i];
        if (!liteLlmRow(row, "line " + std::to_string(rowLine), parsed, error))
            return false;
    }
    out.insert(out.end(), std::make_move_iterator(parsed.begin()), std::make_move_iterator(parsed.end()));
    return true;
}

bool parseLangfuseObservations(std::string_view json, std::vector<Usage> &out, std::string &error)
{
    return parseRows(json, "observation", langfuseRow, out, error);
}

} // namespace Telemetry
