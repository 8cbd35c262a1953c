#include "azureparser.h"

#include "azurejson.h"
#include "azuremeter.h"
#include "domain/numtext.h"
#include "domain/aidimensions.h"
#include "domain/timeparse.h"

#include <QCoreApplication>

#include <algorithm>
#include <cctype>

namespace Conn {

namespace {

using Json = nlohmann::json;

QString tr(const char *text) { return QCoreApplication::translate("Conn", text); }

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

enum class Role { Cost, Day, Currency, Quantity, Text, Extra };

struct ColumnSpec {
    const char *name; ///< lower-case column name
    Role role;
    std::string AzureCostRow::*text = nullptr;
};

// Column names seen in Query responses (case-insensitive); anything else is kept in extras.
const ColumnSpec kColumns[] = {
    {"cost", Role::Cost},
    {"pretaxcost", Role::Cost},
    {"usagedate", Role::Day},
    {"currency", Role::Currency},
    {"usagequantity", Role::Quantity},
    {"meter", Role::Text, &AzureCostRow::meter},
    {"metername", Role::Text, &AzureCostRow::meter},
    {"metersubcategory", Role::Text, &AzureCostRow::meterSubCategory},
    {"metercategory", Role::Text, &AzureCostRow::meterCategory},
    {"meterid", Role::Text, &AzureCostRow::meterId},
    {"servicename", Role::Text, &AzureCostRow::serviceName},
    {"servicefamily", Role::Text, &AzureCostRow::serviceFamily},
    {"resourceid", Role::Text, &AzureCostRow::resourceId},
    {"resourcegroup", Role::Text, &AzureCostRow::resourceGroup},
    {"resourcegroupname", Role::Text, &AzureCostRow::resourceGroup},
    {"resourcelocation", Role::Text, &AzureCostRow::resourceLocation},
    {"resourcetype", Role::Text, &AzureCostRow::resourceType},
    {"subscriptionid", Role::Text, &AzureCostRow::subscriptionId},
    {"subscriptionname", Role::Text, &AzureCostRow::subscriptionName},
    {"chargetype", Role::Text, &AzureCostRow::chargeType},
    {"publishertype", Role::Text, &AzureCostRow::publisherType},
    {"unitofmeasure", Role::Text, &AzureCostRow::unitOfMeasure},
    {"tagkey", Role::Text, &AzureCostRow::tagKey},
    {"tagvalue", Role::Text, &AzureCostRow::tagValue},
};

struct Column {
    QString name;
    Role role = Role::Extra;
    std::string AzureCostRow::*text = nullptr;
};

// A cell as text: strings as they are, numbers as written (floats arrive as their literal text).
bool cellText(const Json &cell, std::string &out)
{
    if (cell.is_string())
        out = cell.get<std::string>();
    else if (cell.is_number_integer() || cell.is_number_unsigned())
        out = cell.dump();
    else if (cell.is_boolean())
        out = cell.get<bool>() ? "true" : "false";
    else if (cell.is_null())
        out.clear();
    else
        return false;
    return true;
}

bool parseDay(const Json &cell, std::int64_t &day)
{
    std::string text;
    if (!cellText(cell, text) || text.empty())
        return false;
    if (text.size() == 8 && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); })) {
        const int y = std::stoi(text.substr(0, 4));
        const unsigned m = static_cast<unsigned>(std::stoi(text.substr(4, 2)));
        const unsigned d = static_cast<unsigned>(std::stoi(text.substr(6, 2)));
        if (m < 1 || m > 12 || d < 1 || d > 31)
            return false;
        day = Cost::daysFromCivil(y, m, d);
        int cy = 0;
        unsigned cm = 0, cd = 0;
        Cost::civilFromDays(day, cy, cm, cd);
        return cy == y && cm == m && cd == d; // rejects 20250231
    }
    std::int64_t epoch = 0;
    if (!Cost::parseTimestamp(text, epoch))
        return false;
    day = Cost::dayOf(epoch);
    return true;
}

} // namespace

bool parseAzureQueryPage(const QByteArray &body, AzureQueryPage &out, QString *error)
{
    out = AzureQueryPage{};
    auto fail = [error](const QString &message) {
        if (error)
            *error = tr("Azure Cost Management response: %1").arg(message);
        return false;
    };
    if (body.trimmed().isEmpty())
        return true; // 204 No Content: no rows
    Json doc;
    QString parseError;
    if (!parseJsonKeepingNumberText(body, doc, &parseError))
        return fail(tr("not valid JSON (%1)").arg(parseError));
    if (!doc.is_object())
        return fail(tr("expected a JSON object"));
    if (doc.contains("error")) {
        const Json &e = doc["error"];
        std::string code, message;
        if (e.is_object()) {
            cellText(e.value("code", Json()), code);
            cellText(e.value("message", Json()), message);
        }
        return fail(tr("error %1: %2").arg(QString::fromStdString(code), QString::fromStdString(message)));
    }
    const auto props = doc.find("properties");
    if (props == doc.end() || !props->is_object())
        return fail(tr("missing field \"properties\""));
    const auto next = props->find("nextLink");
    if (next != props->end() && next->is_string())
        out.nextLink = QString::fromStdString(next->get<std::string>());
    const auto cols = props->find("columns");
    const auto rows = props->find("rows");
    if (cols == props->end() || !cols->is_array())
        return fail(tr("missing field \"properties.columns\""));
    if (rows == props->end() || !rows->is_array())
        return fail(tr("missing field \"properties.rows\""));

    std::vector<Column> columns;
    bool haveCost = false, haveCurrency = false;
    for (std::size_t i = 0; i < cols->size(); ++i) {
        const Json &c = (*cols)[i];
        if (!c.is_object() || !c.contains("name") || !c["name"].is_string())
            return fail(tr("column %1 has no name").arg(i + 1));
        Column col;
        const std::string name = c["name"].get<std::string>();
        col.name = QString::fromStdString(name);
        const std::string key = lower(name);
        for (const ColumnSpec &spec : kColumns) {
            if (key == spec.name) {
                col.role = spec.role;
                col.text = spec.text;
                break;
            }
        }
        if (col.role == Role::Cost) {
            if (haveCost)
                col.role = Role::Extra; // a second cost aggregation (e.g. PreTaxCost next to Cost)
            haveCost = true;
        }
        haveCurrency = haveCurrency || col.role == Role::Currency;
        columns.push_back(col);
    }
    if (!haveCost)
        return fail(tr("no cost column (expected \"Cost\" or \"PreTaxCost\")"));
    if (!haveCurrency)
        return fail(tr("no \"Currency\" column"));

    out.rows.reserve(rows->size());
    for (std::size_t r = 0; r < rows->size(); ++r) {
        const Json &row = (*rows)[r];
        auto failCell = [&](const Column &col, const QString &what) {
            return fail(tr("row %1, column \"%2\": %3").arg(r + 1).arg(col.name, what));
        };
        if (!row.is_array())
            return fail(tr("row %1 is not an array").arg(r + 1));
        if (row.size() != columns.size())
            return fail(tr("row %1 has %2 values for %3 columns").arg(r + 1).arg(row.size()).arg(columns.size()));
        AzureCostRow out1;
        Json extras = Json::object();
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const Column &col = columns[c];
            const Json &cell = row[c];
            std::string text;
            if (!cellText(cell, text))
                return failCell(col, tr("unexpected nested value"));
            switch (col.role) {
            case Role::Cost: {
                const Cost::ParseStatus st = Cost::parseMoney(text, out1.cost);
                if (st == Cost::ParseStatus::Rounded)
                    ++out.roundedCells;
                else if (st == Cost::ParseStatus::Empty)
                    return failCell(col, tr("missing value"));
                else if (st != Cost::ParseStatus::Ok)
                    return failCell(col, tr("not a number (\"%1\")").arg(QString::fromStdString(text)));
                break;
            }
            case Role::Day:
                if (!parseDay(cell, out1.day))
                    return failCell(col, tr("not a date (\"%1\")").arg(QString::fromStdString(text)));
                out1.hasDay = true;
                break;
            case Role::Currency:
                if (text.empty())
                    return failCell(col, tr("missing value"));
                out1.currency = text;
                break;
            case Role::Quantity:
                if (!text.empty()) {
                    if (!Cost::parseNumber(text, out1.quantity))
                        return failCell(col, tr("not a number (\"%1\")").arg(QString::fromStdString(text)));
                }
                break;
            case Role::Text:
                out1.*(col.text) = text;
                break;
            case Role::Extra:
                extras[col.name.toStdString()] = text;
                break;
            }
        }
        if (!extras.empty())
            out1.extras = extras.dump();
        out.rows.push_back(std::move(out1));
    }
    return true;
}

namespace {

std::string_view lastSegment(std::string_view path)
{
    const auto slash = path.find_last_of('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// "/subscriptions/<id>/resourcegroups/…" → "<id>"
std::string_view subscriptionOf(std::string_view resourceId)
{
    const std::string_view prefix = "/subscriptions/";
    if (resourceId.size() <= prefix.size())
        return {};
    std::string head = lower(std::string(resourceId.substr(0, prefix.size())));
    if (head != prefix)
        return {};
    const std::string_view rest = resourceId.substr(prefix.size());
    return rest.substr(0, rest.find('/'));
}

// "/subscriptions/…/providers/Microsoft.CognitiveServices/accounts/x" → "microsoft.cognitiveservices/accounts"
std::string resourceTypeOf(std::string_view resourceId)
{
    const std::string l = lower(std::string(resourceId));
    const auto p = l.rfind("/providers/");
    if (p == std::string::npos)
        return {};
    std::string rest = l.substr(p + 11);
    const auto last = rest.find_last_of('/');
    return last == std::string::npos ? std::string() : rest.substr(0, last);
}

double unitMultiplier(const std::string &unit)
{
    const double m = Cost::tokenUnitMultiplier(unit);
    if (m > 0)
        return m;
    const std::string u = lower(unit);
    if (u == "1k" || u == "1000")
        return 1e3;
    if (u == "1m" || u == "1000000")
        return 1e6;
    if (u == "1")
        return 1;
    return 0;
}

} // namespace

std::size_t appendAzureRecords(const std::vector<AzureCostRow> &rows, const AzureRecordContext &ctx, FetchResult &res)
{
    using Cost::Dim;
    std::size_t added = 0;
    const std::string_view account = res.text(ctx.billingAccount);
    const std::string_view accountName = res.text(ctx.scopeName);
    for (const AzureCostRow &row : rows) {
        if (!row.hasDay)
            continue;
        const AzureMeter meter = parseAzureMeter(row.meter);
        const bool openAi = lower(row.meterSubCategory).find("openai") != std::string::npos
            || lower(row.serviceName).find("openai") != std::string::npos;
        const std::string cat = lower(row.meterCategory + ' ' + row.serviceName);
        const bool ai = openAi || meter.kind != Cost::TokenKind::None || cat.find("foundry") != std::string::npos
            || cat.find("cognitive services") != std::string::npos;

        Cost::Record r;
        r.setDim(Dim::Provider, "Microsoft");
        r.setDim(Dim::InvoiceIssuer, "Microsoft");
        r.setDim(Dim::HostProvider, "Microsoft");
        r.setDim(Dim::Publisher, openAi ? std::string_view("OpenAI") : std::string_view("Microsoft"));
        std::string_view service = openAi && !row.meterSubCategory.empty() ? row.meterSubCategory : std::string_view(row.serviceName);
        if (service.empty())
            service = !row.meterSubCategory.empty() ? std::string_view(row.meterSubCategory) : std::string_view(row.meterCategory);
        r.setDim(Dim::Service, res.text(service));
        if (ai) {
            r.setDim(Dim::ServiceCategory, "AI and Machine Learning");
            r.setDim(Dim::ServiceSubcategory, "Generative AI");
        }
        r.setDim(Dim::BillingAccount, account);
        r.setDim(Dim::BillingAccountName, accountName);
        const std::string_view sub = !row.subscriptionId.empty() ? std::string_view(row.subscriptionId) : subscriptionOf(row.resourceId);
        r.setDim(Dim::SubAccount, res.text(sub));
        r.setDim(Dim::SubAccountName, res.text(row.subscriptionName));
        r.setDim(Dim::Region, res.text(row.resourceLocation));
        r.setDim(Dim::ResourceId, res.text(row.resourceId));
        r.setDim(Dim::ResourceName, res.text(lastSegment(row.resourceId)));
        r.setDim(Dim::ResourceType, res.text(!row.resourceType.empty() ? row.resourceType : resourceTypeOf(row.resourceId)));
        r.setDim(Dim::SkuId, res.text(row.meterId));
        r.setDim(Dim::SkuMeter, res.text(row.meter));
        r.setDim(Dim::ChargeCategory, res.text(row.chargeType.empty() ? std::string("Usage") : row.chargeType));
        r.setDim(Dim::ChargeFrequency, "Usage-Based");
        r.setDim(Dim::ConsumedUnit, res.text(row.unitOfMeasure));
        r.setDim(Dim::PricingUnit, res.text(row.unitOfMeasure));
        r.setDim(Dim::Currency, res.text(row.currency));
        if (!row.tagKey.empty())
            r.setDim(Dim::Tags, res.text(Json::object({{row.tagKey, row.tagValue}}).dump()));
        if (!meter.model.empty())
            r.setDim(Dim::Model, res.text(meter.model));
        r.tokenKind = meter.kind;
        r.chargeStart = row.day * 86400;
        r.chargeEnd = r.chargeStart + 86400;
        r.setAmount(Cost::Amount::Billed, row.cost);
        r.consumedQuantity = row.quantity;
        r.pricingQuantity = row.quantity;
        const double mult = unitMultiplier(row.unitOfMeasure);
        if (meter.kind != Cost::TokenKind::None && mult > 0 && std::isfinite(row.quantity))
            r.tokens = static_cast<std::int64_t>(std::llround(row.quantity * mult));
        r.extras = res.text(row.extras);
        res.add(r);
        ++added;
    }
    return added;
}

} // namespace Conn
