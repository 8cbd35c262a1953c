#include "openaiparser.h"

#include "domain/aidimensions.h"
#include "domain/modelname.h"
#include "reportjson.h"
#include "reportrecord.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace Conn {

namespace {

using Json = nlohmann::json;
namespace RJ = ReportJson;

// OpenAI buckets carry Unix seconds.
void readUnixTimes(const Json &bucket, const std::string &path, std::int64_t &start, std::int64_t &end)
{
    start = RJ::count(bucket, "start_time", path);
    end = RJ::count(bucket, "end_time", path);
}

std::string upper(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

// A model id: one token of letters, digits and . - : _ with at least one letter and one digit
// ("gpt-4o-mini", "o3", "text-embedding-3-small").
bool looksLikeModel(std::string_view s)
{
    bool letter = false, digit = false;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalpha(u))
            letter = true;
        else if (std::isdigit(u))
            digit = true;
        else if (c != '-' && c != '.' && c != ':' && c != '_')
            return false;
    }
    return letter && digit;
}

// The fields every OpenAI record shares.
Cost::Record baseRecord(FetchResult &result, const OpenAiRecordContext &context, std::int64_t start, std::int64_t end)
{
    return adminReportRecord(result, "OpenAI", "OpenAI API", context.organization, start, end);
}

} // namespace

bool parseOpenAiUsagePage(const QByteArray &body, OpenAiUsagePage &out, QString *error)
{
    return RJ::parsePage(body, out, error, readUnixTimes, [](const Json &res, const std::string &path, OpenAiUsageRow &row) {
        row.inputTokens = RJ::count(res, "input_tokens", path);
        row.cachedTokens = RJ::count(res, "input_cached_tokens", path);
        row.outputTokens = RJ::count(res, "output_tokens", path);
        row.requests = RJ::count(res, "num_model_requests", path);
        row.audioInputTokens = RJ::count(res, "input_audio_tokens", path);
        row.audioOutputTokens = RJ::count(res, "output_audio_tokens", path);
        row.model = RJ::text(res, "model", path);
        row.projectId = RJ::text(res, "project_id", path);
        row.apiKeyId = RJ::text(res, "api_key_id", path);
        row.userId = RJ::text(res, "user_id", path);
        row.serviceTier = RJ::text(res, "service_tier", path);
        row.batch = RJ::flag(res, "batch", path);
        // Cached tokens are part of input_tokens; more cached than input is a broken payload.
        if (row.cachedTokens > row.inputTokens)
            throw RJ::Error(path + ".input_cached_tokens: " + std::to_string(row.cachedTokens)
                            + " exceeds input_tokens " + std::to_string(row.inputTokens));
    });
}

bool parseOpenAiCostPage(const QByteArray &body, OpenAiCostPage &out, QString *error)
{
    return RJ::parsePage(body, out, error, readUnixTimes, [](const Json &res, const std::string &path, OpenAiCostRow &row) {
        if (!res.is_object() || !res.contains("amount") || !res["amount"].is_object())
            throw RJ::Error(path + ".amount: expected an object with value and currency");
        const Json &amount = res["amount"];
        row.amount = RJ::decimal(amount, "value", path + ".amount");
        row.currency = upper(RJ::text(amount, "currency", path + ".amount"));
        if (row.currency.empty())
            throw RJ::Error(path + ".amount.currency: missing");
        row.lineItem = RJ::text(res, "line_item", path);
        row.projectId = RJ::text(res, "project_id", path);
        row.apiKeyId = RJ::text(res, "api_key_id", path);
    });
}

std::pair<std::string, Cost::TokenKind> openAiLineItem(std::string_view lineItem)
{
    const std::string_view item = trimmed(lineItem);
    const auto comma = item.rfind(',');
    if (comma == std::string_view::npos)
        return {looksLikeModel(item) ? Cost::canonicalModel(item) : std::string(), Cost::TokenKind::None};
    const std::string_view model = trimmed(item.substr(0, comma));
    const std::string_view what = trimmed(item.substr(comma + 1));
    Cost::TokenKind kind = Cost::tokenKindFromText(what, true);
    if (kind == Cost::TokenKind::Other && what.find("token") == std::string_view::npos)
        kind = Cost::TokenKind::None;
    return {looksLikeModel(model) ? Cost::canonicalModel(model) : std::string(), kind};
}

std::size_t appendOpenAiUsageRecords(const std::vector<OpenAiUsageRow> &rows, const OpenAiRecordContext &context,
                                     FetchResult &result)
{
    std::size_t added = 0;
    for (const OpenAiUsageRow &row : rows) {
        // Model: the canonical name the pages group by; the snapshot id stays in SkuId and UsageType.
        const std::string model = Cost::canonicalModel(row.model);
        const std::string rawModel = Cost::normaliseModel(row.model);
        const bool batch = row.batch.value_or(false);
        Json extras = Json::object();
        if (!row.userId.empty())
            extras["user_id"] = row.userId;
        if (!row.serviceTier.empty())
            extras["service_tier"] = row.serviceTier;
        if (row.batch)
            extras["batch"] = *row.batch;
        if (row.audioInputTokens > 0)
            extras["input_audio_tokens"] = row.audioInputTokens;
        if (row.audioOutputTokens > 0)
            extras["output_audio_tokens"] = row.audioOutputTokens;
        const std::string_view extrasText = extras.empty() ? std::string_view() : result.text(extras.dump());

        struct Part {
            Cost::TokenKind kind;
            std::int64_t tokens;
            const char *what;
        };
        // The cached-input trap: input_tokens already contains the cached tokens.
        const Part parts[] = {{Cost::TokenKind::Input, row.inputTokens - row.cachedTokens, "input"},
                              {Cost::TokenKind::CachedInput, row.cachedTokens, "cached input"},
                              {Cost::TokenKind::Output, row.outputTokens, "output"}};
        for (const Part &part : parts) {
            const bool carriesRequests = part.kind == Cost::TokenKind::Output && row.requests > 0;
            if (part.tokens <= 0 && !carriesRequests)
                continue;
            Cost::Record r = baseRecord(result, context, row.start, row.end);
            r.setDim(Cost::Dim::SubAccount, result.text(row.projectId));
            r.setDim(Cost::Dim::ResourceId, result.text(row.apiKeyId));
            r.setDim(Cost::Dim::Model, result.text(model));
            r.setDim(Cost::Dim::SkuId, result.text(rawModel));
            const std::string label = (rawModel.empty() ? std::string("all models") : rawModel) + ", " + part.what;
            r.setDim(Cost::Dim::UsageType, result.text(batch ? label + " (batch)" : label));
            r.setDim(Cost::Dim::SkuMeter, result.text(std::string(part.what) + " tokens"));
            r.setDim(Cost::Dim::ChargeDescription,
                     result.text(label + " tokens" + (batch ? std::string(" (batch)") : std::string())));
            r.setDim(Cost::Dim::ConsumedUnit, "Tokens");
            r.setDim(Cost::Dim::Currency, "USD");
            r.tokenKind = part.kind;
            r.tokens = part.tokens;
            r.consumedQuantity = static_cast<double>(part.tokens);
            r.requests = part.kind == Cost::TokenKind::Output ? row.requests : -1;
            r.setAmount(Cost::Amount::Billed, 0); // billed comes from the costs endpoint
            r.extras = extrasText;
            result.add(r);
            ++added;
        }
    }
    return added;
}

std::size_t appendOpenAiCostRecords(const std::vector<OpenAiCostRow> &rows, const OpenAiRecordContext &context,
                                    FetchResult &result)
{
    std::size_t added = 0;
    for (const OpenAiCostRow &row : rows) {
        const auto [model, kind] = openAiLineItem(row.lineItem);
        const std::string_view item = trimmed(row.lineItem);
        const std::string_view rawModel = trimmed(item.substr(0, std::min(item.size(), item.rfind(','))));
        Cost::Record r = baseRecord(result, context, row.start, row.end);
        r.setDim(Cost::Dim::SubAccount, result.text(row.projectId));
        r.setDim(Cost::Dim::ResourceId, result.text(row.apiKeyId));
        r.setDim(Cost::Dim::Model, result.text(model));
        if (!model.empty())
            r.setDim(Cost::Dim::SkuId, result.text(Cost::normaliseModel(rawModel)));
        r.setDim(Cost::Dim::UsageType, result.text(row.lineItem));
        r.setDim(Cost::Dim::ChargeDescription, result.text(row.lineItem.empty() ? std::string("OpenAI API usage") : row.lineItem));
        r.setDim(Cost::Dim::Currency, result.text(row.currency));
        r.tokenKind = kind;
        r.setAmount(Cost::Amount::Billed, row.amount);
        r.setAmount(Cost::Amount::Effective, row.amount);
        result.add(r);
        ++added;
    }
    return added;
}

} // namespace Conn
