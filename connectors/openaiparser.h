#pragma once

#include "domain/money.h"
#include "fetchresult.h"
#include "reportjson.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace Conn {

/// One result of `GET /v1/organization/usage/completions` (grouping keys empty unless grouped).
struct OpenAiUsageRow {
    std::int64_t start = 0, end = 0;   ///< bucket, UTC epoch seconds [start, end)
    std::int64_t inputTokens = 0;      ///< ALL input tokens, cached ones included
    std::int64_t cachedTokens = 0;     ///< input_cached_tokens: a subset of inputTokens
    std::int64_t outputTokens = 0;
    std::int64_t requests = 0;         ///< num_model_requests
    std::int64_t audioInputTokens = 0, audioOutputTokens = 0;
    std::string model, projectId, apiKeyId, userId, serviceTier;
    std::optional<bool> batch;
};

/// One result of `GET /v1/organization/costs`.
struct OpenAiCostRow {
    std::int64_t start = 0, end = 0;
    Cost::Money amount = 0;            ///< exact, from the number's literal text
    std::string currency;              ///< upper case ("USD")
    std::string lineItem, projectId, apiKeyId;
};

using OpenAiUsagePage = ReportJson::Page<OpenAiUsageRow>;
using OpenAiCostPage = ReportJson::Page<OpenAiCostRow>;

/// Parses one usage/completions page. False with *error naming the field
/// (`data[0].results[1].input_cached_tokens: …`) on malformed JSON, a wrong shape, a negative
/// count or cached tokens exceeding input tokens; `out` is then unspecified.
bool parseOpenAiUsagePage(const QByteArray &body, OpenAiUsagePage &out, QString *error);
/// Parses one costs page; amounts are exact (never a double). Same error contract.
bool parseOpenAiCostPage(const QByteArray &body, OpenAiCostPage &out, QString *error);

/// Who the rows belong to.
struct OpenAiRecordContext {
    QString organization; ///< billing account: the org id option, else the account name
};

/// Model and token kind named by a costs `line_item` ("gpt-4o-2024-08-06, cached input" →
/// "gpt-4o-2024-08-06", CachedInput). A bare model id gives that model and TokenKind::None;
/// anything else an empty model.
std::pair<std::string, Cost::TokenKind> openAiLineItem(std::string_view lineItem);

/// How usage and cost rows coexist in the store (both land, neither counts twice):
///  - usage rows become token records with billed = 0: per result one Input record with the
///    UNCACHED input (input − cached), one CachedInput record with the cached tokens, one Output
///    record carrying num_model_requests (zero-token records are skipped, except an Output
///    record that carries requests). Tokens sum to input_tokens + output_tokens exactly.
///  - cost rows become money records with no tokens (tokens = -1): model and token kind from the
///    line item, so billed-per-token by model / token kind joins the two.
/// Usage type is "<model>, input|cached input|output" (+ " (batch)") on usage records and the
/// line item verbatim on cost records. Returns the records added.
std::size_t appendOpenAiUsageRecords(const std::vector<OpenAiUsageRow> &rows, const OpenAiRecordContext &context,
                                     FetchResult &result);
std::size_t appendOpenAiCostRecords(const std::vector<OpenAiCostRow> &rows, const OpenAiRecordContext &context,
                                    FetchResult &result);

} // namespace Conn
