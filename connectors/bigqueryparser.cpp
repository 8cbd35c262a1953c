#include "bigqueryparser.h"

#include "domain/aidimensions.h"
#include "domain/timeparse.h"
#include "gcpsku.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace Conn {

namespace {

using Json = nlohmann::json;

QString tr(const char *text) { return QCoreApplication::translate("Conn", text); }

QString qs(const std::string &s) { return QString::fromStdString(s); }

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string stringField(const Json &obj, const char *key)
{
    const auto it = obj.find(key);
    if (it == obj.end())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_number())
        return it->dump();
    return {};
}

} // namespace

bool parseBigQueryPage(const QByteArray &body, BigQueryPage &out, QString *error)
{
    out = BigQueryPage{};
    auto fail = [error](const QString &message) {
        if (error)
            *error = tr("BigQuery response: %1").arg(message);
        return false;
    };
    // BigQuery sends every cell as a JSON string, so the plain parser loses no precision here.
    Json doc;
    try {
        doc = Json::parse(body.constData(), body.constData() + body.size());
    } catch (const Json::exception &e) { // a syntax error, or a number out of range (1e999)
        QString what = QString::fromUtf8(e.what());
        const auto tag = what.indexOf(QLatin1String("] "));
        if (tag > 0)
            what = what.mid(tag + 2);
        return fail(tr("not valid JSON (%1)").arg(what));
    }
    if (!doc.is_object())
        return fail(tr("expected a JSON object"));
    if (doc.contains("error") && doc["error"].is_object())
        return fail(tr("error: %1").arg(qs(stringField(doc["error"], "message"))));
    if (const auto errs = doc.find("errors"); errs != doc.end() && errs->is_array() && !errs->empty()) {
        const Json &e = errs->front();
        return fail(tr("the query failed: %1").arg(qs(e.is_object() ? stringField(e, "message") : e.dump())));
    }
    const auto complete = doc.find("jobComplete");
    out.jobComplete = complete == doc.end() || (complete->is_boolean() && complete->get<bool>());
    out.pageToken = qs(stringField(doc, "pageToken"));
    if (const auto ref = doc.find("jobReference"); ref != doc.end() && ref->is_object()) {
        out.projectId = qs(stringField(*ref, "projectId"));
        out.jobId = qs(stringField(*ref, "jobId"));
        out.location = qs(stringField(*ref, "location"));
    }
    if (const std::string total = stringField(doc, "totalRows"); !total.empty())
        out.totalRows = QString::fromStdString(total).toLongLong();
    if (!out.jobComplete)
        return true;

    const auto schema = doc.find("schema");
    if (schema == doc.end() || !schema->is_object() || !schema->contains("fields") || !(*schema)["fields"].is_array())
        return fail(tr("missing field \"schema.fields\""));
    for (const Json &f : (*schema)["fields"]) {
        if (!f.is_object() || !f.contains("name") || !f["name"].is_string())
            return fail(tr("a schema field has no name"));
        out.fields << qs(f["name"].get<std::string>());
    }
    const auto rows = doc.find("rows");
    if (rows == doc.end())
        return true; // no rows: BigQuery omits the field
    if (!rows->is_array())
        return fail(tr("\"rows\" is not an array"));
    out.rows.reserve(rows->size());
    for (std::size_t r = 0; r < rows->size(); ++r) {
        const Json &row = (*rows)[r];
        const auto f = row.is_object() ? row.find("f") : row.end();
        if (!row.is_object() || f == row.end() || !f->is_array())
            return fail(tr("row %1 has no \"f\" array").arg(r + 1));
        if (f->size() != static_cast<std::size_t>(out.fields.size()))
            return fail(tr("row %1 has %2 cells for %3 schema fields").arg(r + 1).arg(f->size()).arg(out.fields.size()));
        std::vector<std::optional<std::string>> cells;
        cells.reserve(f->size());
        for (const Json &cell : *f) {
            const auto v = cell.is_object() ? cell.find("v") : cell.end();
            if (v == cell.end() || v->is_null())
                cells.emplace_back(std::nullopt);
            else if (v->is_string())
                cells.emplace_back(v->get<std::string>());
            else
                cells.emplace_back(v->dump());
        }
        out.rows.push_back(std::move(cells));
    }
    return true;
}

namespace {

enum class Field { Day, Service, ServiceId, Sku, SkuId, ProjectId, ProjectName, Region, Account, Unit, Currency, Category, Labels,
                   Quantity, Cost, Credits, Effective, List, Unknown };

Field fieldOf(const QString &name)
{
    static const std::pair<const char *, Field> kNames[] = {
        {"day", Field::Day}, {"service", Field::Service}, {"service_id", Field::ServiceId}, {"sku", Field::Sku},
        {"sku_id", Field::SkuId}, {"project_id", Field::ProjectId}, {"project_name", Field::ProjectName},
        {"region", Field::Region}, {"billing_account_id", Field::Account}, {"pricing_unit", Field::Unit},
        {"currency", Field::Currency}, {"charge_category", Field::Category}, {"labels", Field::Labels},
        {"qty", Field::Quantity}, {"cost", Field::Cost}, {"credits", Field::Credits},
        {"effective_cost", Field::Effective}, {"list_cost", Field::List},
    };
    const std::string n = lower(name.toStdString());
    for (const auto &[key, field] : kNames)
        if (n == key)
            return field;
    return Field::Unknown;
}

} // namespace

bool parseGcpCostRows(const BigQueryPage &page, std::vector<GcpCostRow> &out, QString *error)
{
    std::vector<Field> fields;
    bool haveDay = false, haveCost = false, haveCurrency = false;
    for (const QString &name : page.fields) {
        fields.push_back(fieldOf(name));
        haveDay = haveDay || fields.back() == Field::Day;
        haveCost = haveCost || fields.back() == Field::Cost;
        haveCurrency = haveCurrency || fields.back() == Field::Currency;
    }
    auto fail = [error](const QString &message) {
        if (error)
            *error = tr("BigQuery billing rows: %1").arg(message);
        return false;
    };
    if (!page.rows.empty() && (!haveDay || !haveCost || !haveCurrency))
        return fail(tr("the result needs the fields day, cost and currency (got %1)").arg(page.fields.join(QLatin1String(", "))));

    for (std::size_t r = 0; r < page.rows.size(); ++r) {
        const auto &cells = page.rows[r];
        GcpCostRow row;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const std::string text = cells[c].value_or(std::string());
            auto bad = [&](const QString &what) {
                return fail(tr("row %1, field \"%2\": %3").arg(r + 1).arg(page.fields[static_cast<qsizetype>(c)], what));
            };
            auto money = [&](Cost::Money &m) {
                const Cost::ParseStatus st = Cost::parseMoney(text, m);
                return st == Cost::ParseStatus::Ok || st == Cost::ParseStatus::Rounded;
            };
            switch (fields[c]) {
            case Field::Day:
                if (!Cost::parseDate(text, row.day))
                    return bad(tr("not a date (\"%1\")").arg(qs(text)));
                break;
            case Field::Cost:
                if (!money(row.cost))
                    return bad(tr("not a number (\"%1\")").arg(qs(text)));
                break;
            case Field::Credits:
            case Field::Effective:
            case Field::List: {
                if (!cells[c])
                    break;
                Cost::Money m = 0;
                if (!money(m))
                    return bad(tr("not a number (\"%1\")").arg(qs(text)));
                (fields[c] == Field::Credits ? row.credits : fields[c] == Field::Effective ? row.effectiveCost : row.listCost) = m;
                break;
            }
            case Field::Quantity:
                if (cells[c]) {
                    bool ok = false;
                    row.quantity = QString::fromStdString(text).toDouble(&ok);
                    if (!ok)
                        return bad(tr("not a number (\"%1\")").arg(qs(text)));
                }
                break;
            case Field::Currency:
                if (text.empty())
                    return bad(tr("missing value"));
                row.currency = text;
                break;
            case Field::Service: row.service = text; break;
            case Field::ServiceId: row.serviceId = text; break;
            case Field::Sku: row.sku = text; break;
            case Field::SkuId: row.skuId = text; break;
            case Field::ProjectId: row.projectId = text; break;
            case Field::ProjectName: row.projectName = text; break;
            case Field::Region: row.region = text; break;
            case Field::Account: row.billingAccountId = text; break;
            case Field::Unit: row.pricingUnit = text; break;
            case Field::Category: row.chargeCategory = text; break;
            case Field::Labels: row.labels = text; break;
            case Field::Unknown: break;
            }
        }
        out.push_back(std::move(row));
    }
    return true;
}

namespace {

// TO_JSON_STRING(labels) = [{"key":"team","value":"x"},…] → {"team":"x",…}; other JSON kept.
std::string labelsObject(const std::string &labels)
{
    if (labels.empty())
        return {};
    const Json j = Json::parse(labels, nullptr, false);
    if (j.is_array()) {
        Json obj = Json::object();
        for (const Json &kv : j)
            if (kv.is_object() && kv.contains("key") && kv["key"].is_string())
                obj[kv["key"].get<std::string>()] = kv.contains("value") ? kv["value"] : Json();
        return obj.empty() ? std::string() : obj.dump();
    }
    return j.is_object() && !j.empty() ? j.dump() : std::string();
}

// Tokens per pricing unit for token SKUs: "count" 1, "1000 count" 1000; 0 when not countable.
double countMultiplier(const std::string &unit)
{
    const std::string u = lower(unit);
    const double tokenUnit = Cost::tokenUnitMultiplier(u);
    if (tokenUnit > 0)
        return tokenUnit;
    const auto pos = u.find("count");
    if (pos == std::string::npos)
        return 0;
    const QString prefix = QString::fromStdString(u.substr(0, pos)).trimmed();
    if (prefix.isEmpty())
        return 1;
    bool ok = false;
    const double n = prefix.toDouble(&ok);
    return ok ? n : 0;
}

} // namespace

std::size_t appendGcpRecords(const std::vector<GcpCostRow> &rows, const QString &billingAccount, FetchResult &res)
{
    using Cost::Dim;
    std::size_t added = 0;
    for (const GcpCostRow &row : rows) {
        const VertexSku sku = parseVertexSku(row.sku);
        const std::string svc = lower(row.service);
        const bool ai = sku.kind != Cost::TokenKind::None || svc.find("vertex") != std::string::npos
            || svc.find("gemini") != std::string::npos || svc.find("generative language") != std::string::npos;

        Cost::Record r;
        r.setDim(Dim::Provider, "Google Cloud");
        r.setDim(Dim::InvoiceIssuer, "Google Cloud");
        r.setDim(Dim::HostProvider, "Google Cloud");
        r.setDim(Dim::Publisher, res.text(sku.publisher.empty() ? std::string("Google") : sku.publisher));
        r.setDim(Dim::Service, res.text(row.service));
        if (ai) {
            r.setDim(Dim::ServiceCategory, "AI and Machine Learning");
            r.setDim(Dim::ServiceSubcategory, "Generative AI");
        }
        r.setDim(Dim::BillingAccount, res.text(row.billingAccountId.empty() ? billingAccount.toStdString() : row.billingAccountId));
        r.setDim(Dim::SubAccount, res.text(row.projectId));
        r.setDim(Dim::SubAccountName, res.text(row.projectName));
        r.setDim(Dim::SubAccountType, row.projectId.empty() ? std::string_view() : std::string_view("Project"));
        r.setDim(Dim::Region, res.text(row.region));
        r.setDim(Dim::SkuId, res.text(row.skuId));
        r.setDim(Dim::SkuMeter, res.text(row.sku));
        r.setDim(Dim::ChargeDescription, res.text(row.sku));
        r.setDim(Dim::ChargeFrequency, "Usage-Based");
        r.setDim(Dim::ConsumedUnit, res.text(row.pricingUnit));
        r.setDim(Dim::PricingUnit, res.text(row.pricingUnit));
        r.setDim(Dim::Currency, res.text(row.currency));
        r.setDim(Dim::Tags, res.text(labelsObject(row.labels)));
        if (!sku.model.empty())
            r.setDim(Dim::Model, res.text(sku.model));
        r.tokenKind = sku.kind;
        r.chargeStart = row.day * 86400;
        r.chargeEnd = r.chargeStart + 86400;

        Cost::Record usage = r;
        usage.setDim(Dim::ChargeCategory, res.text(row.chargeCategory.empty() ? std::string("Usage") : row.chargeCategory));
        usage.setAmount(Cost::Amount::Billed, row.cost);
        if (row.effectiveCost)
            usage.setAmount(Cost::Amount::Effective, *row.effectiveCost);
        else if (row.credits)
            usage.setAmount(Cost::Amount::Effective, row.cost);
        if (row.listCost)
            usage.setAmount(Cost::Amount::List, *row.listCost);
        usage.consumedQuantity = row.quantity;
        usage.pricingQuantity = row.quantity;
        const double mult = countMultiplier(row.pricingUnit);
        if (sku.kind != Cost::TokenKind::None && mult > 0 && std::isfinite(row.quantity))
            usage.tokens = static_cast<std::int64_t>(std::llround(row.quantity * mult));
        res.add(usage);
        ++added;

        if (row.credits && *row.credits != 0) {
            // Credits (free tier, committed-use, promotions) are negative; a separate FOCUS
            // "Credit" charge keeps usage and credit each exact and the net billed total right.
            Cost::Record credit = r;
            credit.setDim(Dim::ChargeCategory, "Credit");
            credit.setAmount(Cost::Amount::Billed, *row.credits);
            credit.setAmount(Cost::Amount::Effective, *row.credits);
            res.add(credit);
            ++added;
        }
    }
    return added;
}

} // namespace Conn
