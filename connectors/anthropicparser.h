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

/// One result of `GET /v1/organizations/usage_report/messages` (grouping keys empty unless
/// grouped; an empty workspace is the default workspace when grouped by workspace_id).
struct AnthropicUsageRow {
    std::int64_t start = 0, end = 0;     ///< bucket, UTC epoch seconds [start, end)
    std::int64_t uncachedInput = 0;      ///< uncached_input_tokens
    std::int64_t cacheRead = 0;          ///< cache_read_input_tokens
    std::int64_t cacheWrite5m = 0;       ///< cache_creation.ephemeral_5m_input_tokens
    std::int64_t cacheWrite1h = 0;       ///< cache_creation.ephemeral_1h_input_tokens
    std::int64_t output = 0;             ///< output_tokens
    std::int64_t webSearchRequests = 0;  ///< server_tool_use.web_search_requests
    std::string model, workspaceId, apiKeyId, serviceTier, contextWindow, inferenceGeo, accountId, serviceAccountId;
};

/// One result of `GET /v1/organizations/cost_report`.
struct AnthropicCostRow {
    std::int64_t start = 0, end = 0;
    Cost::Money amount = 0;   ///< in currency units: the API's decimal string of CENTS, divided exactly by 100
    std::string currency;     ///< "USD"
    std::string workspaceId, description, costType, contextWindow, model, serviceTier, tokenType;
};

using AnthropicUsagePage = ReportJson::Page<AnthropicUsageRow>;
using AnthropicCostPage = ReportJson::Page<AnthropicCostRow>;

/// Parses one usage_report/messages page. False with *error naming the field
/// (`data[0].results[1].cache_read_input_tokens: …`) on malformed JSON or a wrong shape.
bool parseAnthropicUsagePage(const QByteArray &body, AnthropicUsagePage &out, QString *error);
/// Parses one cost_report page; `amount` (cents, decimal string) becomes exact Money. Same contract.
bool parseAnthropicCostPage(const QByteArray &body, AnthropicCostPage &out, QString *error);

/// Token kind of a cost_report / usage token_type ("cache_read_input_tokens" → CachedInput, ...).
Cost::TokenKind anthropicTokenKind(std::string_view tokenType);

struct AnthropicRecordContext {
    QString organization; ///< billing account: the organization id option, else the account name
};

/// Usage and cost rows coexist as for OpenAI: usage rows give token records with billed = 0 (one
/// per non-zero token_type: uncached input → Input, cache read → CachedInput, 5m and 1h cache
/// writes → CacheWrite, output → Output; no request counts — the API reports none); cost rows
/// give money records without tokens, with model and token kind when grouped by description.
/// Both use the token_type name as usage type, so billed per token joins by usage type too.
std::size_t appendAnthropicUsageRecords(const std::vector<AnthropicUsageRow> &rows,
                                        const AnthropicRecordContext &context, FetchResult &result);
std::size_t appendAnthropicCostRecords(const std::vector<AnthropicCostRow> &rows,
                                       const AnthropicRecordContext &context, FetchResult &result);

} // namespace Conn
