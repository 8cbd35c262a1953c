// Application telemetry files (`burnrate telemetry import`): the first byte picks the parser ('j':
// one OTLP JSON export request, 'l': LiteLLM spend logs JSON, 'L': their CSV export, 'f': Langfuse
// observations, anything else: the telemetry CSV), the rest is the input. Either
// it fails with an error and adds nothing, or every call it gives has an id, counts ≥ 0 and at
// least one request.
#include "telemetry/gatewaylogs.h"
#include "telemetry/otlpjson.h"
#include "telemetry/otlpjsonfast.h"
#include "telemetry/telemetrycsv.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::string_view text(reinterpret_cast<const char *>(data) + 1, size - 1);
    std::vector<Telemetry::Usage> usage;
    std::string error;
    bool ok = false;
    if (data[0] == 'j') {
        Telemetry::OtlpSummary summary;
        ok = Telemetry::parseOtlpJson(text, {}, usage, summary, error);
        if (ok && (summary.modelCalls != static_cast<std::int64_t>(usage.size()) || summary.spans < summary.modelCalls))
            std::abort();
        // Differential: whatever the fast (simdjson) reader accepts, the DOM reader reads alike.
        std::vector<Telemetry::Usage> fast, dom;
        Telemetry::OtlpSummary fastSummary, domSummary;
        std::string domError;
        if (Telemetry::Detail::parseOtlpJsonFast(text, {}, fast, fastSummary)) {
            if (!Telemetry::Detail::parseOtlpJsonDom(text, {}, dom, domSummary, domError) || fast.size() != dom.size()
                || fastSummary.spans != domSummary.spans)
                std::abort();
            for (std::size_t i = 0; i < fast.size(); ++i) {
                const Telemetry::Usage &a = fast[i], &b = dom[i];
                if (a.id != b.id || a.model != b.model || a.provider != b.provider || a.feature != b.feature || a.team != b.team
                    || a.user != b.user || a.inputTokens != b.inputTokens || a.outputTokens != b.outputTokens
                    || a.cachedInputTokens != b.cachedInputTokens || a.cacheWriteTokens != b.cacheWriteTokens
                    || a.startSeconds != b.startSeconds || a.latencyMs != b.latencyMs)
                    std::abort();
            }
        }
    } else if (data[0] == 'l') {
        ok = Telemetry::parseLiteLlmSpendLogs(text, usage, error);
    } else if (data[0] == 'L') {
        ok = Telemetry::parseLiteLlmSpendLogsCsv(text, usage, error);
    } else if (data[0] == 'f') {
        ok = Telemetry::parseLangfuseObservations(text, usage, error);
    } else {
        ok = Telemetry::parseTelemetryCsv(text, usage, error);
    }
    if (!ok) {
        if (error.empty() || !usage.empty())
            std::abort();
        return 0;
    }
    for (const Telemetry::Usage &u : usage)
        if (u.id.empty() || u.inputTokens < 0 || u.outputTokens < 0 || u.cachedInputTokens < 0 || u.cacheWriteTokens < 0
            || u.requests < 1 || u.model.empty())
            std::abort();
    return 0;
}
