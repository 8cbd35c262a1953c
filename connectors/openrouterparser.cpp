#include "openrouterparser.h"

#include "domain/aidimensions.h"
#include "domain/modelname.h"
#include "reportrecord.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace Conn {

namespace {

using Json = nlohmann::json;
namespace RJ = ReportJson;

// "2025-08-24" (the documented form); a time after the day ("2025-08-24 00:00:00") is tolerated.
std::int64_t dayStart(const Json &item, const std::string &path)
{
    const std::string text = RJ::text(item, "date", path);
    const QDate day = QDate::fromString(QString::fromStdString(text.substr(0, 10)), Qt::ISODate);
    if (!day.isValid())
        throw RJ::Error(path + ".date: \"" + text + "\" is not a date (YYYY-MM-DD)");
    return QDateTime(day, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

// byok_usage_inference is absent or null for accounts without their own provider keys.
Cost::Money optionalDecimal(const Json &item, const char *key, const std::string &path)
{
    const auto it = item.find(key);
    return it == item.end() || it->is_null() ? 0 : RJ::decimal(item, key, path);
}

} // namespace

bool parseOpenRouterActivity(const QByteArray &body, OpenRouterActivityPage &out, QString *error)
{
    out = OpenRouterActivityPage{};
    try {
        Json root;
        RJ::parse(body, root);
        const RJ::Envelope env = RJ::envelope(root);
        for (std::size_t i = 0; i < env.data->size(); ++i) {
            const Json &item = (*env.data)[i];
            const std::string path = RJ::at("data", i);
            if (!item.is_object())
                throw RJ::Error(path + ": expected an object");
            OpenRouterActivityRow row;
            row.start = dayStart(item, path);
            row.end = row.start + 86400;
            row.usage = RJ::decimal(item, "usage", path);
            row.byokUsage = optionalDecimal(item, "byok_usage_inference", path);
            row.requests = RJ::count(item, "requests", path);
            row.promptTokens = RJ::count(item, "prompt_tokens", path);
            row.completionTokens = RJ::count(item, "completion_tokens", path);
            row.reasoningTokens = RJ::count(item, "reasoning_tokens", path);
            row.model = RJ::text(item, "model", path);
            row.permaslug = RJ::text(item, "model_permaslug", path);
            row.endpointId = RJ::text(item, "endpoint_id", path);
            row.providerName = RJ::text(item, "provider_name", path);
            if (row.model.empty() && row.permaslug.empty())
                throw RJ::Error(path + ".model: missing");
            // Reasoning tokens are counted within completion_tokens (OpenAI's usage convention,
            // which OpenRouter's usage accounting follows); more reasoning than completion is broken.
            if (row.reasoningTokens > row.completionTokens)
                throw RJ::Error(path + ".reasoning_tokens: " + std::to_string(row.reasoningTokens)
                                + " exceeds completion_tokens " + std::to_string(row.completionTokens));
            out.rows.push_back(std::move(row));
        }
        out.buckets = static_cast<int>(out.rows.size());
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
}

std::size_t appendOpenRouterRecords(const std::vector<OpenRouterActivityRow> &rows,
                                    const OpenRouterRecordContext &context, FetchResult &result)
{
    std::size_t added = 0;
    for (const OpenRouterActivityRow &row : rows) {
        const std::string &raw = row.model.empty() ? row.permaslug : row.model;
        const std::string slug = Cost::normaliseModel(row.permaslug.empty() ? row.model : row.permaslug);
        const std::string_view model = result.text(Cost::canonicalModel(raw));
        Json extras = Json::object();
        if (row.byokUsage != 0)
            extras["byok_usage_inference"] = Cost::formatMoney(row.byokUsage);
        if (row.reasoningTokens > 0)
            extras["reasoning_tokens"] = row.reasoningTokens;
        const std::string_view extrasText = extras.empty() ? std::string_view() : result.text(extras.dump());
        const auto base = [&] {
            Cost::Record r = adminReportRecord(result, "OpenRouter", "OpenRouter API", context.account, row.start, row.end);
            r.setDim(Cost::Dim::HostProvider, result.text(row.providerName));
            r.setDim(Cost::Dim::ResourceId, result.text(row.endpointId));
            r.setDim(Cost::Dim::Model, model);
            r.setDim(Cost::Dim::SkuId, result.text(slug));
            r.setDim(Cost::Dim::Currency, "USD");
            r.extras = extrasText;
            return r;
        };
        struct Part {
            Cost::TokenKind kind;
            std::int64_t tokens;
            const char *what;
        };
        const Part parts[] = {{Cost::TokenKind::Input, row.promptTokens, "prompt"},
                              {Cost::TokenKind::Output, row.completionTokens - row.reasoningTokens, "completion"},
                              {Cost::TokenKind::Output, row.reasoningTokens, "reasoning"}};
        for (const Part &part : parts) {
            if (part.tokens <= 0)
                continue;
            Cost::Record r = base();
            const std::string label = slug + ", " + part.what;
            r.setDim(Cost::Dim::UsageType, result.text(label));
            r.setDim(Cost::Dim::SkuMeter, result.text(std::string(part.what) + " tokens"));
            r.setDim(Cost::Dim::ChargeDescription, result.text(label + " tokens"));
            r.setDim(Cost::Dim::ConsumedUnit, "Tokens");
            r.tokenKind = part.kind;
            r.tokens = part.tokens;
            r.consumedQuantity = static_cast<double>(part.tokens);
            r.setAmount(Cost::Amount::Billed, 0); // the money is on the row's own record below
            result.add(r);
            ++added;
        }
        Cost::Record money = base();
        money.setDim(Cost::Dim::UsageType, result.text(slug));
        money.setDim(Cost::Dim::ChargeDescription, result.text(slug + " via " + (row.providerName.empty() ? std::string("OpenRouter") : row.providerName)));
        money.requests = row.requests;
        money.setAmount(Cost::Amount::Billed, row.usage);
        money.setAmount(Cost::Amount::Effective, row.usage);
        result.add(money);
        ++added;
    }
    return added;
}

} // namespace Conn
