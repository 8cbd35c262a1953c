#include "telemetry/telemetrycsv.h"

#include "domain/timeparse.h"

#include <QCryptographicHash>

#include <charconv>
#include <map>

namespace Telemetry {

namespace {

enum Column { Timestamp, Provider, Model, Input, Output, Cached, CacheWrite, Requests, Latency, Feature, Team, User, Id, kColumns };

const char *const kNames[kColumns] = {"timestamp",  "provider",      "model",         "input_tokens", "output_tokens",
                                      "cached_input_tokens", "cache_write_tokens", "requests", "latency_ms", "feature",
                                      "team",       "user",          "id"};

} // namespace

bool nextCsvRecord(std::string_view text, std::size_t &pos, std::int64_t &line, std::vector<std::string> &fields)
{
    fields.assign(1, std::string());
    bool quoted = false;
    while (pos < text.size()) {
        const char c = text[pos++];
        if (quoted) {
            if (c == '"' && pos < text.size() && text[pos] == '"')
                fields.back() += '"', ++pos;
            else if (c == '"')
                quoted = false;
            else {
                if (c == '\n')
                    ++line;
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && pos < text.size() && text[pos] == '\n')
                ++pos;
            ++line;
            return true;
        } else {
            fields.back() += c;
        }
    }
    return !quoted;
}

namespace {

bool count(const std::string &text, std::int64_t &out)
{
    if (text.empty()) {
        out = 0;
        return true;
    }
    const auto r = std::from_chars(text.data(), text.data() + text.size(), out);
    return r.ec == std::errc() && r.ptr == text.data() + text.size() && out >= 0;
}

} // namespace

bool parseTelemetryCsv(std::string_view text, std::vector<Usage> &out, std::string &error)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    std::size_t pos = 0;
    std::int64_t line = 1;
    std::vector<std::string> fields;
    int at[kColumns];
    std::fill(std::begin(at), std::end(at), -1);
    if (!nextCsvRecord(text, pos, line, fields)) {
        error = "line 1: unterminated quoted field";
        return false;
    }
    for (std::size_t i = 0; i < fields.size(); ++i)
        for (int c = 0; c < kColumns; ++c)
            if (fields[i] == kNames[c])
                at[c] = static_cast<int>(i);
    for (int c : {Timestamp, Provider, Model, Input})
        if (at[c] < 0) {
            error = std::string("line 1: the header has no '") + kNames[c]
                + "' column (required: timestamp,provider,model,input_tokens)";
            return false;
        }

    std::vector<Usage> parsed;
    std::map<std::string, int> seen; // a row's content → how often it came before
    while (pos < text.size()) {
        const std::int64_t rowLine = line;
        if (!nextCsvRecord(text, pos, line, fields)) {
            error = "line " + std::to_string(rowLine) + ": unterminated quoted field";
            return false;
        }
        if (fields.size() == 1 && fields[0].empty())
            continue; // a blank line
        const auto field = [&](int c) -> const std::string & {
            static const std::string kEmpty;
            return at[c] >= 0 && static_cast<std::size_t>(at[c]) < fields.size() ? fields[static_cast<std::size_t>(at[c])] : kEmpty;
        };
        const auto fail = [&](int c, const std::string &why) {
            error = "line " + std::to_string(rowLine) + ": column " + kNames[c] + ": " + why;
            return false;
        };
        Usage u;
        const std::string &ts = field(Timestamp);
        std::int64_t seconds = 0;
        const auto r = std::from_chars(ts.data(), ts.data() + ts.size(), seconds);
        if (!(r.ec == std::errc() && r.ptr == ts.data() + ts.size()) && !Cost::parseTimestamp(ts, seconds))
            return fail(Timestamp, "expected an ISO 8601 time (2026-03-01T14:00:00Z) or epoch seconds, got '" + ts + "'");
        u.startSeconds = seconds;
        u.provider = field(Provider);
        u.model = field(Model);
        if (u.model.empty())
            return fail(Model, "empty (every row needs the model it called)");
        std::int64_t input = 0, output = 0, cached = 0, write = 0, requests = 1, latency = -1;
        const std::pair<int, std::int64_t *> counts[] = {{Input, &input}, {Output, &output}, {Cached, &cached}, {CacheWrite, &write}};
        for (const auto &[c, target] : counts)
            if (!count(field(c), *target))
                return fail(c, "expected a whole number of tokens ≥ 0, got '" + field(c) + "'");
        if (at[Requests] >= 0 && (!count(field(Requests), requests) || requests < 1))
            return fail(Requests, "expected a whole number of requests ≥ 1, got '" + field(Requests) + "'");
        if (at[Latency] >= 0 && !field(Latency).empty() && !count(field(Latency), latency))
            return fail(Latency, "expected milliseconds (a whole number ≥ 0), got '" + field(Latency) + "'");
        u.latencyMs = latency;
        u.requests = requests;
        u.cachedInputTokens = cached;
        u.cacheWriteTokens = write;
        u.inputTokens = uncachedInput(input, cached, write);
        u.outputTokens = output;
        u.feature = field(Feature);
        u.team = field(Team);
        u.user = field(User);
        if (!field(Id).empty()) {
            u.id = "id:" + field(Id);
        } else {
            std::string content;
            for (const std::string &f : fields)
                content += f, content += '\x1f';
            const int before = seen[content]++;
            content += std::to_string(before);
            u.id = "row:" + QCryptographicHash::hash(QByteArray::fromStdString(content), QCryptographicHash::Sha256).toHex().left(32).toStdString();
        }
        parsed.push_back(std::move(u));
    }
    out.insert(out.end(), std::make_move_iterator(parsed.begin()), std::make_move_iterator(parsed.end()));
    return true;
}

} // namespace Telemetry
