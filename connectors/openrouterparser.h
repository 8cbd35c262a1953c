#pragma once

#include "domain/money.h"
#include "fetchresult.h"
#include "reportjson.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace Conn {

/// One item of OpenRouter's `GET /api/v1/activity`: one UTC day of one model served by one
/// provider endpoint. Fields as documented (openrouter.ai/docs/api/api-reference/analytics/
/// get-user-activity; SDK model `ActivityItem`): date, model, model_permaslug, endpoint_id,
/// provider_name, usage (USD), byok_usage_inference (USD), requests, prompt_tokens,
/// completion_tokens, reasoning_tokens.
struct OpenRouterActivityRow {
    std::int64_t start = 0, end = 0; ///< the item's UTC day [start, end), epoch seconds
    Cost::Money usage = 0;           ///< what OpenRouter charged, exact from the JSON number's text
    Cost::Money byokUsage = 0;       ///< inference billed to the user's own provider key (not by OpenRouter)
    std::int64_t requests = 0, promptTokens = 0, completionTokens = 0, reasoningTokens = 0;
    std::string model, permaslug, endpointId, providerName;
};

using OpenRouterActivityPage = ReportJson::Page<OpenRouterActivityRow>;

/// Parses one activity response (`{"data": [items]}`). Pure; false with *error naming the field
/// (`data[2].usage: …`) on malformed JSON, a wrong shape, a negative count, a bad date, or
/// reasoning tokens beyond the completion tokens they are part of.
bool parseOpenRouterActivity(const QByteArray &body, OpenRouterActivityPage &out, QString *error);

struct OpenRouterRecordContext {
    QString account; ///< billing account: the "account" option, else the account name
};

/// Records of activity rows. Per row: token records with billed 0 (prompt → Input; completion
/// minus reasoning → Output; reasoning → Output too, its own usage type, since providers bill
/// reasoning as output), and one money record (billed = usage, the request count, no tokens).
/// Model: canonical ("openai/gpt-4.1" → "gpt-4.1"), the permaslug in SkuId; the serving
/// provider in HostProvider; the endpoint id in ResourceId. The activity API names no app, so
/// Feature stays empty (an app's attribution shows only on OpenRouter's own Activity page).
std::size_t appendOpenRouterRecords(const std::vector<OpenRouterActivityRow> &rows,
                                    const OpenRouterRecordContext &context, FetchResult &result);

} // namespace Conn
