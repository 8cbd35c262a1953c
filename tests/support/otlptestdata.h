#pragma once

#include <QByteArray>

namespace TestSupport {

/// One OTLP/HTTP JSON export request with one GenAI span (OpenAI gpt-4o, `inputTokens` input, at
/// 2026-03-01 01:00 UTC, resource service.name "bot") carrying `attribute` = `value` besides its
/// counts (by default app.feature = chat). Header-only.
inline QByteArray otlpSpanJson(const char *spanId, int inputTokens, const char *attribute = "app.feature",
                               const char *value = "chat")
{
    return QByteArray(R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"bot"}}]},)"
                      R"("scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":")")
        + spanId
        + R"(","startTimeUnixNano":"1772326800000000000","endTimeUnixNano":"1772326800500000000","attributes":[)"
          R"({"key":"gen_ai.provider.name","value":{"stringValue":"openai"}},)"
          R"({"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}},)"
          R"({"key":"gen_ai.usage.input_tokens","value":{"intValue":")"
        + QByteArray::number(inputTokens) + R"("}},{"key":")" + attribute + R"(","value":{"stringValue":")" + value
        + R"("}}]}]}]}]})";
}

} // namespace TestSupport
