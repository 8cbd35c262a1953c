#include "export/focusrowwriter.h"

#include "domain/aidimensions.h"
#include "domain/timeparse.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace Export {

using Cost::Dim;
using Cost::TokenKind;

enum class FocusRowWriter::Source : std::uint8_t {
    Dim, Billed, Effective, List, Contracted, ChargeStart, ChargeEnd, PeriodStart, PeriodEnd, Consumed, ConsumedUnit,
    Pricing, PricingUnit, Requests, Feature, Team, TokenKindName, Extra
};

namespace {

using S = FocusRowWriter::Source;

struct Spec {
    const char *name;
    S source;
    Dim dim;
};

// The 57 columns of FOCUS 1.2 in the specification's (alphabetical) order, with where each
// value comes from. Extra = a column the importer kept verbatim in the charge's extras.
constexpr Dim kNoDim = Dim::Count;
const Spec kFocus[] = {
    {"AvailabilityZone", S::Dim, Dim::AvailabilityZone},
    {"BilledCost", S::Billed, kNoDim},
    {"BillingAccountId", S::Dim, Dim::BillingAccount},
    {"BillingAccountName", S::Dim, Dim::BillingAccountName},
    {"BillingAccountType", S::Dim, Dim::BillingAccountType},
    {"BillingCurrency", S::Dim, Dim::Currency},
    {"BillingPeriodEnd", S::PeriodEnd, kNoDim},
    {"BillingPeriodStart", S::PeriodStart, kNoDim},
    {"CapacityReservationId", S::Extra, kNoDim},
    {"CapacityReservationStatus", S::Extra, kNoDim},
    {"ChargeCategory", S::Dim, Dim::ChargeCategory},
    {"ChargeClass", S::Dim, Dim::ChargeClass},
    {"ChargeDescription", S::Dim, Dim::ChargeDescription},
    {"ChargeFrequency", S::Dim, Dim::ChargeFrequency},
    {"ChargePeriodEnd", S::ChargeEnd, kNoDim},
    {"ChargePeriodStart", S::ChargeStart, kNoDim},
    {"CommitmentDiscountCategory", S::Extra, kNoDim},
    {"CommitmentDiscountId", S::Dim, Dim::CommitmentDiscountId},
    {"CommitmentDiscountName", S::Extra, kNoDim},
    {"CommitmentDiscountQuantity", S::Extra, kNoDim},
    {"CommitmentDiscountStatus", S::Extra, kNoDim},
    {"CommitmentDiscountType", S::Extra, kNoDim},
    {"CommitmentDiscountUnit", S::Extra, kNoDim},
    {"ConsumedQuantity", S::Consumed, kNoDim},
    {"ConsumedUnit", S::ConsumedUnit, kNoDim},
    {"ContractedCost", S::Contracted, kNoDim},
    {"ContractedUnitPrice", S::Dim, Dim::ContractedUnitPrice},
    {"EffectiveCost", S::Effective, kNoDim},
    {"InvoiceId", S::Extra, kNoDim},
    {"InvoiceIssuerName", S::Dim, Dim::InvoiceIssuer},
    {"ListCost", S::List, kNoDim},
    {"ListUnitPrice", S::Dim, Dim::ListUnitPrice},
    {"PricingCategory", S::Dim, Dim::PricingCategory},
    {"PricingCurrency", S::Extra, kNoDim},
    {"PricingCurrencyContractedUnitPrice", S::Extra, kNoDim},
    {"PricingCurrencyEffectiveCost", S::Extra, kNoDim},
    {"PricingCurrencyListUnitPrice", S::Extra, kNoDim},
    {"PricingQuantity", S::Pricing, kNoDim},
    {"PricingUnit", S::PricingUnit, kNoDim},
    {"ProviderName", S::Dim, Dim::Provider},
    {"PublisherName", S::Dim, Dim::Publisher},
    {"RegionId", S::Dim, Dim::Region},
    {"RegionName", S::Dim, Dim::RegionName},
    {"ResourceId", S::Dim, Dim::ResourceId},
    {"ResourceName", S::Dim, Dim::ResourceName},
    {"ResourceType", S::Dim, Dim::ResourceType},
    {"ServiceCategory", S::Dim, Dim::ServiceCategory},
    {"ServiceName", S::Dim, Dim::Service},
    {"ServiceSubcategory", S::Dim, Dim::ServiceSubcategory},
    {"SkuId", S::Dim, Dim::SkuId},
    {"SkuMeter", S::Dim, Dim::SkuMeter},
    {"SkuPriceDetails", S::Dim, Dim::SkuPriceDetails},
    {"SkuPriceId", S::Dim, Dim::SkuPriceId},
    {"SubAccountId", S::Dim, Dim::SubAccount},
    {"SubAccountName", S::Dim, Dim::SubAccountName},
    {"SubAccountType", S::Dim, Dim::SubAccountType},
    {"Tags", S::Dim, Dim::Tags},
};

// Burnrate's own columns (README "FOCUS export"). x_Model, x_UsageType, x_BurnrateFeature,
// x_BurnrateTeam and x_Requests are read back by the importer.
const Spec kBurnrate[] = {
    {"x_Model", S::Dim, Dim::Model},
    {"x_UsageType", S::Dim, Dim::UsageType},
    {"x_HostProviderName", S::Dim, Dim::HostProvider},
    {"x_BurnrateFeature", S::Feature, kNoDim},
    {"x_BurnrateTeam", S::Team, kNoDim},
    {"x_BurnrateTokenKind", S::TokenKindName, kNoDim},
    {"x_Requests", S::Requests, kNoDim},
};

const char *const kCategories[] = {"Usage", "Purchase", "Tax", "Credit", "Adjustment"};
const char *const kFrequencies[] = {"One-Time", "Recurring", "Usage-Based"};
const char *const kServiceCategories[] = {
    "AI and Machine Learning", "Analytics", "Business Applications", "Compute", "Databases", "Developer Tools",
    "Multicloud", "Identity", "Integration", "Internet of Things", "Management and Governance", "Media", "Migration",
    "Mobile", "Networking", "Security", "Storage", "Web", "Other"};

bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// The allowed value `v` names (case-blind), or empty.
template <std::size_t N>
std::string allowed(std::string_view v, const char *const (&values)[N])
{
    for (const char *a : values)
        if (iequals(v, a))
            return a;
    return {};
}

void appendQuantity(std::string &out, double q)
{
    if (std::isnan(q))
        return;
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, q); // shortest text that reads back as q
    out.append(buf, r.ptr);
}

void appendInt(std::string &out, std::int64_t v)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

// Tokens the importer derives from these quantities (Ingestor::resolve: consumed first), or -1.
std::int64_t derivedTokens(double consumed, double consumedMult, double pricing, double pricingMult)
{
    if (consumedMult > 0 && !std::isnan(consumed))
        return std::llround(consumed * consumedMult);
    if (pricingMult > 0 && !std::isnan(pricing))
        return std::llround(pricing * pricingMult);
    return -1;
}

std::string escaped(std::string_view text)
{
    std::string s;
    appendCsvField(s, text);
    return s;
}

} // namespace

void appendCsvField(std::string &out, std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

void appendMoney(std::string &out, Cost::Money amount)
{
    // Integer arithmetic only (house rule: money never goes through a double).
    std::uint64_t v = amount < 0 ? std::uint64_t(0) - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
    if (amount < 0)
        out += '-';
    const auto scale = static_cast<std::uint64_t>(Cost::kMoneyScale);
    appendInt(out, static_cast<std::int64_t>(v / scale));
    std::uint64_t frac = v % scale;
    if (frac == 0)
        return;
    char digits[Cost::kMoneyDecimals];
    for (int i = Cost::kMoneyDecimals - 1; i >= 0; --i) {
        digits[i] = static_cast<char>('0' + frac % 10);
        frac /= 10;
    }
    int keep = Cost::kMoneyDecimals;
    while (digits[keep - 1] == '0')
        --keep;
    out += '.';
    out.append(digits, static_cast<std::size_t>(keep));
}

const std::vector<std::string> &FocusRowWriter::focusColumns()
{
    static const std::vector<std::string> kNames = [] {
        std::vector<std::string> v;
        for (const Spec &s : kFocus)
            v.emplace_back(s.name);
        return v;
    }();
    return kNames;
}

std::string FocusRowWriter::skuPriceDetails(std::string_view original, std::string_view model, TokenKind kind)
{
    nlohmann::json j = nlohmann::json::object();
    if (!original.empty()) {
        j = nlohmann::json::parse(original, nullptr, false);
        if (!j.is_object())
            return std::string(original); // not ours to rewrite
    }
    bool hasModelId = false;
    for (auto it = j.begin(); it != j.end(); ++it)
        hasModelId = hasModelId || iequals(it.key(), "ModelId");
    if (!model.empty() && !hasModelId)
        j["ModelId"] = std::string(model);
    switch (kind) {
    case TokenKind::Input: j["TokenDirection"] = "Input"; j["TokenCacheAction"] = "Uncached"; break;
    case TokenKind::CachedInput: j["TokenDirection"] = "Input"; j["TokenCacheAction"] = "Read"; break;
    case TokenKind::CacheWrite: j["TokenDirection"] = "Input"; j["TokenCacheAction"] = "Write"; break;
    case TokenKind::Output: j["TokenDirection"] = "Output"; break;
    case TokenKind::Other:
    case TokenKind::None: break;
    }
    return j.empty() ? std::string() : j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

FocusRowWriter::FocusRowWriter(const std::vector<std::string> &extraNames, std::string defaultCurrency)
    : m_currency(std::move(defaultCurrency))
{
    for (const Spec &s : kFocus)
        m_columns.push_back({s.name, s.source, static_cast<std::uint8_t>(s.dim), s.source == S::Extra ? s.name : ""});
    for (const Spec &s : kBurnrate)
        m_columns.push_back({s.name, s.source, static_cast<std::uint8_t>(s.dim), ""});
    for (const std::string &key : extraNames) {
        // Custom columns must carry the x_ prefix (FOCUS column naming); FOCUS columns already have theirs.
        const std::string name = key.size() > 2 && iequals(key.substr(0, 2), "x_") ? key : "x_" + key;
        const bool taken = std::any_of(m_columns.begin(), m_columns.end(), [&](const Column &c) {
            return iequals(c.name, name) || (c.source == S::Extra && iequals(c.extraKey, key));
        });
        if (!taken)
            m_columns.push_back({name, S::Extra, 0, key});
    }
    for (const Column &c : m_columns)
        m_names.push_back(c.name);
}

void FocusRowWriter::appendHeader(std::string &out) const
{
    for (std::size_t i = 0; i < m_names.size(); ++i) {
        if (i)
            out += ',';
        appendCsvField(out, m_names[i]);
    }
    out += '\n';
}

std::size_t FocusRowWriter::prepare(const ComboText &combo)
{
    auto dim = [&](Dim d) -> const std::string & { return combo.dims[static_cast<std::size_t>(d)]; };
    auto orElse = [](const std::string &v, const std::string &fallback) { return v.empty() ? fallback : v; };
    const std::string &model = dim(Dim::Model);
    const bool ai = combo.kind != TokenKind::None || !model.empty();
    // A provider is never invented: a charge imported without one keeps none, or the round trip
    // would move its money to a made-up provider (README "FOCUS export").
    const std::string &provider = dim(Dim::Provider);
    const std::string account = orElse(dim(Dim::BillingAccount), provider);
    std::string category = allowed(dim(Dim::ChargeCategory), kCategories);
    if (category.empty())
        category = "Usage";
    std::string serviceCategory = allowed(dim(Dim::ServiceCategory), kServiceCategories);
    if (serviceCategory.empty())
        serviceCategory = ai ? "AI and Machine Learning" : "Other";

    Prepared p;
    p.kind = combo.kind;
    p.usageOrPurchase = category == "Usage" || category == "Purchase";
    p.consumedUnit = dim(Dim::ConsumedUnit);
    p.pricingUnit = dim(Dim::PricingUnit);
    p.consumedMult = Cost::tokenUnitMultiplier(p.consumedUnit);
    p.pricingMult = Cost::tokenUnitMultiplier(p.pricingUnit);
    for (const Column &c : m_columns) {
        std::string v;
        if (c.source == S::TokenKindName)
            v = Cost::tokenKindName(combo.kind);
        if (c.source != S::Dim) {
            p.cells.push_back(escaped(v));
            continue;
        }
        const Dim d = static_cast<Dim>(c.index);
        switch (d) {
        case Dim::Provider: v = provider; break;
        case Dim::Publisher:
        case Dim::InvoiceIssuer:
        case Dim::Service: v = orElse(dim(d), provider); break;
        case Dim::BillingAccount: v = account; break;
        case Dim::BillingAccountName: v = orElse(dim(d), account); break;
        case Dim::Currency: v = orElse(dim(d), m_currency); break;
        case Dim::ChargeCategory: v = category; break;
        case Dim::ChargeClass: v = iequals(dim(d), "Correction") ? "Correction" : ""; break;
        case Dim::ChargeFrequency:
            v = allowed(dim(d), kFrequencies);
            if (v.empty())
                v = category == "Usage" ? "Usage-Based" : "One-Time";
            break;
        case Dim::ChargeDescription:
            v = dim(d);
            if (v.empty() && combo.kind != TokenKind::None)
                v = std::string(Cost::tokenKindName(combo.kind)) + " tokens" + (model.empty() ? "" : " for " + model);
            else if (v.empty())
                v = orElse(dim(Dim::Service), provider).empty() ? category : orElse(dim(Dim::Service), provider) + " " + category;
            break;
        case Dim::ServiceCategory: v = serviceCategory; break;
        case Dim::ServiceSubcategory:
            v = dim(d);
            if (v.empty())
                v = serviceCategory == "AI and Machine Learning" && combo.kind != TokenKind::None
                    ? "Generative AI"
                    : "Other (" + serviceCategory + ")";
            break;
        case Dim::SkuPriceDetails: v = skuPriceDetails(dim(d), model, combo.kind); break;
        default: v = dim(d); break;
        }
        p.cells.push_back(escaped(v));
    }
    m_prepared.push_back(std::move(p));
    return m_prepared.size() - 1;
}

void FocusRowWriter::appendTime(std::string &out, std::size_t slot, std::int64_t t) const
{
    // Rows come in time order and share their periods: format each instant once.
    auto &[last, text] = m_times[slot];
    if (text.empty() || last != t) {
        last = t;
        text = Cost::formatTimestamp(t);
    }
    out += text;
}

void FocusRowWriter::appendRow(std::size_t handle, const ChargeRow &row, std::string &out) const
{
    const Prepared &p = m_prepared[handle];
    // Quantities: the importer must derive the same token count back from them, and a usage row
    // needs a PricingQuantity (FOCUS). Store-known quantities are written as stored when they do.
    double consumed = row.consumed, pricing = row.pricing;
    std::string_view consumedUnit = p.consumedUnit, pricingUnit = p.pricingUnit;
    const double consumedMult = p.consumedMult;
    double pricingMult = p.pricingMult;
    if (p.kind != TokenKind::None && row.tokens >= 0) {
        if (std::isnan(pricing) || pricingUnit.empty()) {
            pricing = static_cast<double>(row.tokens);
            pricingUnit = "Tokens";
            pricingMult = 1;
        }
        if (row.split || derivedTokens(consumed, consumedMult, pricing, pricingMult) != row.tokens) {
            consumed = static_cast<double>(row.tokens);
            consumedUnit = "Tokens";
        }
    } else if (std::isnan(pricing) && p.usageOrPurchase) {
        // Not from a token unit when the importer would then derive tokens the store did not have.
        const bool fromConsumed = !std::isnan(consumed);
        const std::string_view unit = !pricingUnit.empty() ? pricingUnit : fromConsumed ? consumedUnit : std::string_view("Units");
        const double mult = unit == p.pricingUnit ? p.pricingMult : unit == p.consumedUnit ? p.consumedMult : 0;
        if (p.kind == TokenKind::None || mult <= 0) {
            pricing = fromConsumed ? consumed : 1;
            pricingUnit = unit;
        }
    }

    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        if (i)
            out += ',';
        const Column &c = m_columns[i];
        switch (c.source) {
        case S::Dim:
        case S::TokenKindName: out += p.cells[i]; break;
        case S::Billed: appendMoney(out, row.billed); break;
        case S::Effective: appendMoney(out, row.effective); break;
        case S::List: appendMoney(out, row.list); break;
        case S::Contracted: appendMoney(out, row.contracted); break;
        case S::ChargeStart: appendTime(out, 0, row.start); break;
        case S::ChargeEnd: appendTime(out, 1, row.end); break;
        case S::PeriodStart: appendTime(out, 2, row.periodStart); break;
        case S::PeriodEnd: appendTime(out, 3, row.periodEnd); break;
        case S::Consumed: appendQuantity(out, consumed); break;
        case S::ConsumedUnit: appendCsvField(out, consumedUnit); break;
        case S::Pricing: appendQuantity(out, pricing); break;
        case S::PricingUnit: appendCsvField(out, pricingUnit); break;
        case S::Requests:
            if (row.requests >= 0)
                appendInt(out, row.requests);
            break;
        case S::Feature: appendCsvField(out, row.feature); break;
        case S::Team: appendCsvField(out, row.team); break;
        case S::Extra:
            if (row.extras)
                for (const auto &[key, value] : *row.extras)
                    if (iequals(key, c.extraKey)) {
                        appendCsvField(out, value);
                        break;
                    }
            break;
        }
    }
    out += '\n';
}

} // namespace Export
