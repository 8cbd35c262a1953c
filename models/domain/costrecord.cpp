#include "domain/costrecord.h"

namespace Cost {

std::string_view tokenKindName(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Input: return "input";
    case TokenKind::CachedInput: return "cached_input";
    case TokenKind::CacheWrite: return "cache_write";
    case TokenKind::Output: return "output";
    case TokenKind::Other: return "other";
    case TokenKind::None: break;
    }
    return "";
}

TokenKind tokenKindFromName(std::string_view name)
{
    for (auto k : {TokenKind::Input, TokenKind::CachedInput, TokenKind::CacheWrite, TokenKind::Output, TokenKind::Other})
        if (tokenKindName(k) == name)
            return k;
    return TokenKind::None;
}

std::string_view dimColumn(Dim dim)
{
    static constexpr std::array<std::string_view, kDimCount> kNames = {
        "provider", "publisher", "invoice_issuer", "host_provider", "service", "service_category",
        "service_subcategory", "billing_account", "billing_account_name", "billing_account_type", "sub_account",
        "sub_account_name", "sub_account_type", "region", "region_name", "availability_zone", "resource_id",
        "resource_name", "resource_type", "sku_id", "sku_meter", "sku_price_id", "sku_price_details",
        "charge_category", "charge_class", "charge_frequency", "charge_description", "pricing_category",
        "consumed_unit", "pricing_unit", "currency", "commitment_discount_id", "tags", "model", "feature", "team",
        "usage_type", "list_unit_price", "contracted_unit_price"};
    return kNames[static_cast<std::size_t>(dim)];
}

} // namespace Cost
