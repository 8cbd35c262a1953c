#include "anthropicparser.h"

#include "domain/aidimensions.h"
#include "domain/modelname.h"
#include "reportrecord.h"

#include <string_view>

namespace Conn {

namespace {

using Json = nlohmann::json;
namespace RJ = ReportJson;

// Anthropic buckets carry RFC 3339 instants.
void readIsoTimes(const Json &bucket, const std::string &path, std::int64_t &start, std::int64_t &end)
{
    start = RJ::instant(bucket, "starting_at", path);
    end = RJ::instant(bucket, "ending_at", path);
}

const Json &object(const Json &obj, const char *key, const std::string &path)
{
    static const Json kEmpty = Json::object();
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null())
        return kEmpty;
    if (!it->is_object())
        throw RJ::Error(path + "." + key + ": expected an object");
    return *it;
}

Cost::Record baseRecord(FetchResult &result, const AnthropicRecordContext &context, std::int64_t start, std::int64_t end)
{
    return adminReportRecord(result, "Anthropic", "Claude API", context.organization, start, end);
}

// Grouping attributes kept verbatim per record (null ones left out).
std::string_view extrasOf(FetchResult &result, std::initializer_list<std::pair<const char *, const std::string *>> fields,
                          std::int64_t webSearchRequests = 0)
{
    Json extras = Json::object();
    for (const auto &[key, value] : fields)
        if (!value->empty())
            extras[key] = *value;
    if (webSearchRequests > 0)
        extras["web_search_requests"] = webSearchRequests;
    return extras.empty() ? std::string_view() : result.text(extras.dump());
}

} // namespace

bool parseAnthropicUsagePage(const QByteArray &body, AnthropicUsagePage &out, QString *error)
{
    return RJ::parsePage(body, out, error, readIsoTimes, [](const Json &res, const std::string &path, AnthropicUsageRow &row) {
        row.uncachedInput = RJ::count(res, "uncached_input_tokens", path);
        row.cacheRead = RJ::count(res, "cache_read_input_tokens", path);
        row.output = RJ::count(res, "output_tokens", path);
        const Json &creation = object(res, "cache_creation", path);
        row.cacheWrite5m = RJ::count(creation, "ephemeral_5m_input_tokens", path + ".cache_creation");
        row.cacheWrite1h = RJ::count(creation, "ephemeral_1h_input_tokens", path + ".cache_creation");
        row.webSearchRequests = RJ::count(object(res, "server_tool_use", path), "web_search_requests", path + ".server_tool_use");
        row.model = RJ::text(res, "model", path);
        row.workspaceId = RJ::text(res, "workspace_id", path);
        row.apiKeyId = RJ::text(res, "api_key_id", path);
        row.serviceTier = RJ::text(res, "service_tier", path);
        row.contextWindow = RJ::text(res, "context_window", path);
        row.inferenceGeo = RJ::text(res, "inference_geo", path);
        row.accountId = RJ::text(res, "account_id", path);
        row.serviceAccountId = RJ::text(res, "service_account_id", path);
    });
}

bool parseAnthropicCostPage(const QByteArray &body, AnthropicCostPage &out, QString *error)
{
    return RJ::parsePage(body, out, error, readIsoTimes, [](const Json &res, const std::string &path, AnthropicCostRow &row) {
        row.amount = RJ::decimal(res, "amount", path, 2); // cents → currency units, exactly
        row.currency = RJ::text(res, "currency", path);
        if (row.currency.empty())
            throw RJ::Error(path + ".currency: missing");
        row.workspaceId = RJ::text(res, "workspace_id", path);
        row.description = RJ::text(res, "description", path);
        row.costType = RJ::text(res, "cost_type", path);
        row.contextWindow = RJ::text(res, "context_window", path);
        row.model = RJ::text(res, "model", path);
        row.serviceTier = RJ::text(res, "service_tier", path);
        row.tokenType = RJ::text(res, "token_type", path);
    });
}

Cost::TokenKind anthropicTokenKind(std::string_view t)
{
    if (t == "uncached_input_tokens")
        return Cost::TokenKind::Input;
    if (t == "cache_read_input_tokens")
        return Cost::TokenKind::CachedInput;
    if (t.rfind("cache_creation", 0) == 0)
        return Cost::TokenKind::CacheWrite;
    if (t == "output_tokens")
        return Cost::TokenKind::Output;
    return t.empty() ? Cost::TokenKind::None : Cost::tokenKindFromText(t, true);
}

std::size_t appendAnthropicUsageRecords(const std::vector<AnthropicUsageRow> &rows,
                                        const AnthropicRecordContext &context, FetchResult &result)
{
    std::size_t added = 0;
    for (const AnthropicUsageRow &row : rows) {
        // Model: the canonical name the pages group by; the dated id stays in SkuId.
        const std::string model = Cost::canonicalModel(row.model);
        const std::string rawModel = Cost::normaliseModel(row.model);
        const std::pair<const char *, std::int64_t> parts[] = {
            {"uncached_input_tokens", row.uncachedInput},
            {"cache_read_input_tokens", row.cacheRead},
            {"cache_creation.ephemeral_5m_input_tokens", row.cacheWrite5m},
            {"cache_creation.ephemeral_1h_input_tokens", row.cacheWrite1h},
            {"output_tokens", row.output}};
        for (const auto &[tokenType, tokens] : parts) {
            if (tokens <= 0)
                continue;
            const Cost::TokenKind kind = anthropicTokenKind(tokenType);
            Cost::Record r = baseRecord(result, context, row.start, row.end);
            r.setDim(Cost::Dim::SubAccount, result.text(row.workspaceId));
            r.setDim(Cost::Dim::ResourceId, result.text(row.apiKeyId));
            r.setDim(Cost::Dim::Model, result.text(model));
            r.setDim(Cost::Dim::SkuId, result.text(rawModel));
            r.setDim(Cost::Dim::UsageType, result.text(tokenType));
            r.setDim(Cost::Dim::SkuMeter, result.text(tokenType));
            r.setDim(Cost::Dim::ChargeDescription,
                     result.text((rawModel.empty() ? std::string("all models") : rawModel) + ", " + tokenType));
            r.setDim(Cost::Dim::ConsumedUnit, "Tokens");
            r.setDim(Cost::Dim::Currency, "USD");
            r.tokenKind = kind;
            r.tokens = tokens;
            r.consumedQuantity = static_cast<double>(tokens);
            r.setAmount(Cost::Amount::Billed, 0); // billed comes from cost_report
            r.extras = extrasOf(result,
                                {{"service_tier", &row.serviceTier}, {"context_window", &row.contextWindow},
                                 {"inference_geo", &row.inferenceGeo}, {"account_id", &row.accountId},
                                 {"service_account_id", &row.serviceAccountId}},
                                kind == Cost::TokenKind::Output ? row.webSearchRequests : 0);
            result.add(r);
            ++added;
        }
    }
    return added;
}

std::size_t appendAnthropicCostRecords(const std::vector<AnthropicCostRow> &rows,
                                       const AnthropicRecordContext &context, FetchResult &result)
{
    std::size_t added = 0;
    for (const AnthropicCostRow &row : rows) {
        Cost::Record r = baseRecord(result, context, row.start, row.end);
        r.setDim(Cost::Dim::SubAccount, result.text(row.workspaceId));
        r.setDim(Cost::Dim::Model, result.text(Cost::canonicalModel(row.model)));
        r.setDim(Cost::Dim::SkuId, result.text(Cost::normaliseModel(row.model)));
        const std::string &usageType = row.tokenType.empty() ? row.costType : row.tokenType;
        r.setDim(Cost::Dim::UsageType, result.text(usageType));
        r.setDim(Cost::Dim::ChargeDescription,
                 result.text(row.description.empty() ? std::string("Claude API usage") : row.description));
        r.setDim(Cost::Dim::Currency, result.text(row.currency));
        r.tokenKind = anthropicTokenKind(row.tokenType);
        r.setAmount(Cost::Amount::Billed, row.amount);
        r.setAmount(Cost::Amount::Effective, row.amount);
        r.extras = extrasOf(result, {{"service_tier", &row.serviceTier}, {"context_window", &row.contextWindow},
                                     {"cost_type", &row.costType}});
        result.add(r);
        ++added;
    }
    return added;
}

} // namespace Conn
