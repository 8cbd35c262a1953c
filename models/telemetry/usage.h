#pragma once

#include <cstdint>
#include <string>
#include <vector>

/// Usage recorded by the applications themselves (OpenTelemetry GenAI spans, LLM gateway logs,
/// a generic CSV), as opposed to the bill: which feature, team and user made each model call and
/// how many tokens it used. Only counts and the chosen attributes are kept — never prompts,
/// completions or any other attribute.
namespace Telemetry {

/// One model call (a span, a log row) or a row that already sums several calls (`requests`).
struct Usage {
    std::int64_t startSeconds = 0; ///< UTC epoch seconds
    std::int64_t latencyMs = -1;   ///< the call's duration; -1 when the source does not say
    std::string provider;          ///< as the source wrote it ("openai", "aws.bedrock")
    std::string model;             ///< as the source wrote it ("gpt-4o-2024-08-06")
    std::string feature, team, user;
    /// Token counts by the bill's token kinds. `inputTokens` is the uncached input only: sources
    /// that count cached input inside their input figure (OpenTelemetry, the generic CSV) are
    /// normalised by their parser.
    std::int64_t inputTokens = 0;
    std::int64_t cachedInputTokens = 0;
    std::int64_t cacheWriteTokens = 0;
    std::int64_t outputTokens = 0;
    std::int64_t requests = 1;
    /// What makes this call itself within its source ("trace id:span id", a request id), so that
    /// receiving or importing it again never counts it twice. Never empty after parsing.
    std::string id;
};

/// Which attributes give feature, team and user (OpenTelemetry: span attributes first, then the
/// resource's). The defaults are the conventions.
struct Mapping {
    std::vector<std::string> feature{"app.feature", "service.name"};
    std::vector<std::string> team{"app.team", "service.namespace"};
    std::vector<std::string> user{"user.id", "enduser.id"};
};

/// The uncached part of an input count that includes cached reads and cache writes (OpenTelemetry's
/// `gen_ai.usage.input_tokens` SHOULD include both). An emitter that counts them apart (their sum
/// exceeds the input) keeps its input as it is.
std::int64_t uncachedInput(std::int64_t inputIncludingCache, std::int64_t cacheRead, std::int64_t cacheWrite);

} // namespace Telemetry
