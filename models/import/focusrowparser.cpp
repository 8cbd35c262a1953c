#include "import/focusrowparser.h"

#include "domain/timeparse.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace Cost {

namespace {

struct Known {
    const char *name;
    FocusRowParser::Role role;
    std::uint8_t target;
};

using R = FocusRowParser::Role;
constexpr std::uint8_t dimIx(Dim d) { return static_cast<std::uint8_t>(d); }
constexpr std::uint8_t amtIx(Amount a) { return static_cast<std::uint8_t>(a); }

// FOCUS 1.0–1.2 columns, the post-1.2 AI draft columns, and usage-type columns producers add.
// Columns not listed here are kept verbatim in the row's extras.
const Known kKnown[] = {
    {"BilledCost", R::Amount, amtIx(Amount::Billed)},
    {"EffectiveCost", R::Amount, amtIx(Amount::Effective)},
    {"ListCost", R::Amount, amtIx(Amount::List)},
    {"ContractedCost", R::Amount, amtIx(Amount::Contracted)},
    {"ListUnitPrice", R::PriceDim, dimIx(Dim::ListUnitPrice)},
    {"ContractedUnitPrice", R::PriceDim, dimIx(Dim::ContractedUnitPrice)},
    {"ChargePeriodStart", R::ChargeStart, 0},
    {"ChargePeriodEnd", R::ChargeEnd, 0},
    {"BillingPeriodStart", R::PeriodStart, 0},
    {"BillingPeriodEnd", R::PeriodEnd, 0},
    {"ConsumedQuantity", R::Consumed, 0},
    {"PricingQuantity", R::PricingQty, 0},
    {"ProviderName", R::Provider, 0},
    {"ServiceProviderName", R::Provider, 1},
    {"PublisherName", R::Dim, dimIx(Dim::Publisher)},
    {"InvoiceIssuerName", R::Dim, dimIx(Dim::InvoiceIssuer)},
    {"HostProviderName", R::Dim, dimIx(Dim::HostProvider)},
    {"ServiceName", R::Dim, dimIx(Dim::Service)},
    {"ServiceCategory", R::Dim, dimIx(Dim::ServiceCategory)},
    {"ServiceSubcategory", R::Dim, dimIx(Dim::ServiceSubcategory)},
    {"BillingAccountId", R::Dim, dimIx(Dim::BillingAccount)},
    {"BillingAccountName", R::Dim, dimIx(Dim::BillingAccountName)},
    {"BillingAccountType", R::Dim, dimIx(Dim::BillingAccountType)},
    {"SubAccountId", R::Dim, dimIx(Dim::SubAccount)},
    {"SubAccountName", R::Dim, dimIx(Dim::SubAccountName)},
    {"SubAccountType", R::Dim, dimIx(Dim::SubAccountType)},
    {"RegionId", R::Dim, dimIx(Dim::Region)},
    {"Region", R::Dim, dimIx(Dim::Region)},
    {"RegionName", R::Dim, dimIx(Dim::RegionName)},
    {"AvailabilityZone", R::Dim, dimIx(Dim::AvailabilityZone)},
    {"ResourceId", R::Dim, dimIx(Dim::ResourceId)},
    {"ResourceName", R::Dim, dimIx(Dim::ResourceName)},
    {"ResourceType", R::Dim, dimIx(Dim::ResourceType)},
    {"SkuId", R::Dim, dimIx(Dim::SkuId)},
    {"SkuMeter", R::Dim, dimIx(Dim::SkuMeter)},
    {"SkuPriceId", R::Dim, dimIx(Dim::SkuPriceId)},
    {"SkuPriceDetails", R::Dim, dimIx(Dim::SkuPriceDetails)},
    {"ChargeCategory", R::Dim, dimIx(Dim::ChargeCategory)},
    {"ChargeClass", R::Dim, dimIx(Dim::ChargeClass)},
    {"ChargeFrequency", R::Dim, dimIx(Dim::ChargeFrequency)},
    {"ChargeDescription", R::Dim, dimIx(Dim::ChargeDescription)},
    {"PricingCategory", R::Dim, dimIx(Dim::PricingCategory)},
    {"ConsumedUnit", R::Dim, dimIx(Dim::ConsumedUnit)},
    {"PricingUnit", R::Dim, dimIx(Dim::PricingUnit)},
    {"BillingCurrency", R::Dim, dimIx(Dim::Currency)},
    {"CommitmentDiscountId", R::Dim, dimIx(Dim::CommitmentDiscountId)},
    {"Tags", R::Dim, dimIx(Dim::Tags)},
    {"x_UsageType", R::Dim, dimIx(Dim::UsageType)},
    {"x_usage_type", R::Dim, dimIx(Dim::UsageType)},
    {"x_MeterName", R::Dim, dimIx(Dim::UsageType)},
    {"x_SkuDescription", R::Dim, dimIx(Dim::UsageType)},
    {"x_Model", R::Dim, dimIx(Dim::Model)},
    {"x_Feature", R::Dim, dimIx(Dim::Feature)},
    {"x_Team", R::Dim, dimIx(Dim::Team)},
    {"x_BurnrateFeature", R::Dim, dimIx(Dim::Feature)}, // Burnrate's own FOCUS export (models/export)
    {"x_BurnrateTeam", R::Dim, dimIx(Dim::Team)},
    {"x_Requests", R::Requests, 0},
    {"x_RequestCount", R::Requests, 0},
};

bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size()
        && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// FOCUS requires nulls to be empty; some producers (and the spec's own examples) write "null".
bool isNull(std::string_view s) { return s.empty() || iequals(s, "null"); }

void appendJsonString(std::string &out, std::string_view s)
{
    out += '"';
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

std::string shown(std::string_view v)
{
    std::string s(v.substr(0, 60));
    return "'" + s + (v.size() > 60 ? "…'" : "'");
}

} // namespace

bool FocusRowParser::fail(const Column &col, std::string message)
{
    m_errorColumn = col.name;
    m_error = std::move(message);
    return false;
}

bool FocusRowParser::setHeader(const std::vector<std::string_view> &header)
{
    m_columns.clear();
    m_error.clear();
    m_errorColumn.clear();
    bool billed = false, start = false;
    for (std::string_view raw : header) {
        Column col;
        col.name = std::string(trimmed(raw));
        for (const Known &k : kKnown) {
            if (iequals(col.name, k.name)) {
                col.role = k.role;
                col.target = k.target;
                break;
            }
        }
        billed = billed || (col.role == Role::Amount && col.target == amtIx(Amount::Billed));
        start = start || col.role == Role::ChargeStart;
        m_columns.push_back(std::move(col));
    }
    if (!billed || !start) {
        m_errorColumn = !billed ? "BilledCost" : "ChargePeriodStart";
        m_error = "mandatory FOCUS column " + m_errorColumn + " is missing from the header";
        return false;
    }
    return true;
}

namespace {
// Offset of the first byte that does not belong to well-formed UTF-8 (RFC 3629: no overlongs,
// no surrogates, nothing above U+10FFFF), or npos when the text is valid. ASCII runs go 8 bytes
// at a time: nearly every field of a FOCUS export is plain ASCII.
std::size_t invalidUtf8At(std::string_view s)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, p + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else
            return i;
        if (i + len > n || p[i + 1] < lo || p[i + 1] > hi)
            return i;
        for (std::size_t k = 2; k < len; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF)
                return i;
        i += len;
    }
    return std::string_view::npos;
}
} // namespace

bool FocusRowParser::parse(const std::vector<std::string_view> &fields, Record &out)
{
    if (fields.size() != m_columns.size()) {
        m_errorColumn.clear();
        m_error = "row has " + std::to_string(fields.size()) + " fields but the header has "
            + std::to_string(m_columns.size()) + (fields.size() < m_columns.size() ? " (is the file truncated?)" : "");
        return false;
    }
    out = Record{};
    m_extras.clear();
    bool haveEnd = false, havePeriod = false, havePeriodEnd = false;
    std::string_view serviceProvider;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const Column &col = m_columns[i];
        const std::string_view v = fields[i];
        if (const std::size_t bad = m_checkUtf8 ? invalidUtf8At(v) : std::string_view::npos; bad != std::string_view::npos) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(v[bad])));
            return fail(col, std::string("the value is not valid UTF-8 (byte ") + hex + " at position " + std::to_string(bad + 1)
                                 + "); save the export as UTF-8");
        }
        switch (col.role) {
        case Role::Dim:
            if (!isNull(v))
                out.dims[col.target] = v;
            break;
        case Role::PriceDim: {
            // Unit prices repeat per SKU: kept as exact text in the combination, but validated.
            if (isNull(v))
                break;
            Money m = 0;
            const auto st = parseMoney(v, m);
            if (st != ParseStatus::Ok && st != ParseStatus::Rounded)
                return fail(col, "unit price " + shown(v) + " is not a plain decimal number");
            out.dims[col.target] = v;
            break;
        }
        case Role::Provider:
            if (!isNull(v)) {
                if (col.target == 0)
                    out.setDim(Dim::Provider, v);
                else
                    serviceProvider = v;
            }
            break;
        case Role::Amount: {
            if (isNull(v)) {
                if (col.target == amtIx(Amount::Billed))
                    return fail(col, "BilledCost is empty; FOCUS requires a value");
                break;
            }
            Money m = 0;
            switch (parseMoney(v, m)) {
            case ParseStatus::Ok: break;
            case ParseStatus::Rounded: ++m_rounded; break;
            case ParseStatus::Overflow: return fail(col, "amount " + shown(v) + " is out of range");
            default:
                return fail(col, "amount " + shown(v) + " is not a plain decimal number (FOCUS numbers have no currency"
                                 " symbols, thousands separators or spaces)");
            }
            out.setAmount(static_cast<Amount>(col.target), m);
            break;
        }
        case Role::ChargeStart:
        case Role::ChargeEnd:
        case Role::PeriodStart:
        case Role::PeriodEnd: {
            if (isNull(v)) {
                if (col.role == Role::ChargeStart)
                    return fail(col, "ChargePeriodStart is empty; FOCUS requires a value");
                break;
            }
            // Periods repeat row after row: reuse the last parse when the text is unchanged.
            const int slot = col.role == Role::ChargeStart ? 0 : (col.role == Role::ChargeEnd ? 1 : -1);
            std::int64_t t = 0;
            if (slot >= 0 && m_lastStartText[slot] == v) {
                t = m_lastStart[slot];
            } else {
                if (!parseTimestamp(v, t))
                    return fail(col, "date-time " + shown(v) + " is not ISO 8601 (expected e.g. 2025-06-01T00:00:00Z)");
                if (slot >= 0) {
                    m_lastStartText[slot].assign(v);
                    m_lastStart[slot] = t;
                }
            }
            if (col.role == Role::ChargeStart)
                out.chargeStart = t;
            else if (col.role == Role::ChargeEnd) {
                out.chargeEnd = t;
                haveEnd = true;
            } else if (col.role == Role::PeriodStart) {
                out.billingPeriodStart = t;
                havePeriod = true;
            } else {
                out.billingPeriodEnd = t;
                havePeriodEnd = true;
            }
            break;
        }
        case Role::Consumed:
        case Role::PricingQty:
        case Role::Requests:
        case Role::Tokens: {
            if (isNull(v))
                break;
            double q = 0;
            const auto res = std::from_chars(v.data(), v.data() + v.size(), q);
            if (res.ec != std::errc() || res.ptr != v.data() + v.size() || !std::isfinite(q))
                return fail(col, "quantity " + shown(v) + " is not a number");
            if (col.role == Role::Consumed)
                out.consumedQuantity = q;
            else if (col.role == Role::PricingQty)
                out.pricingQuantity = q;
            else if (col.role == Role::Requests)
                out.requests = std::llround(q);
            else
                out.tokens = std::llround(q);
            break;
        }
        case Role::Extra:
            if (!isNull(v)) {
                m_extras += m_extras.empty() ? '{' : ',';
                appendJsonString(m_extras, col.name);
                m_extras += ':';
                appendJsonString(m_extras, v);
            }
            break;
        }
    }
    if (out.dim(Dim::Provider).empty() && !serviceProvider.empty())
        out.setDim(Dim::Provider, serviceProvider);
    if (!haveEnd)
        out.chargeEnd = out.chargeStart;
    if (!havePeriod) {
        // No billing period: the calendar month of the charge.
        int y;
        unsigned m, d;
        civilFromDays(dayOf(out.chargeStart), y, m, d);
        out.billingPeriodStart = daysFromCivil(y, m, 1) * 86400;
    }
    if (!havePeriodEnd) {
        int y;
        unsigned m, d;
        civilFromDays(dayOf(out.billingPeriodStart), y, m, d);
        out.billingPeriodEnd = daysFromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) * 86400;
    }
    if (!m_extras.empty()) {
        m_extras += '}';
        out.extras = m_extras;
    }
    return true;
}

} // namespace Cost
