#pragma once

#include "domain/costrecord.h"
#include "domain/money.h"

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

/// Token prices: a catalog of what each provider charges per million tokens of each kind, with
/// the day each price took effect, so that history is priced with the prices of its day.
namespace Pricing {

/// What a token is charged as. Cache writes are split by time-to-live (Anthropic charges 1.25×
/// input for a 5-minute and 2× for a 1-hour cache write); providers without a write charge list
/// their input price as the 5-minute write price.
enum class PriceKind : std::uint8_t { Input, CacheRead, CacheWrite5m, CacheWrite1h, Output };
inline constexpr int kPriceKindCount = 5;

/// "input", "cache_read", "cache_write_5m", "cache_write_1h", "output".
const char *priceKindName(PriceKind kind);

/// Service tier a price applies to.
enum class Tier : std::uint8_t { Standard, Batch, Priority };
const char *tierName(Tier tier);
bool tierFromName(std::string_view name, Tier &out);

/// Where a price came from, in increasing precedence: an imported file (LiteLLM) fills gaps,
/// the curated catalog shipped with Burnrate wins over it, and the user's own prices win over both.
enum class Layer : std::uint8_t { Imported = 0, Curated = 1, User = 2 };
const char *layerName(Layer layer);

/// Day number meaning "since forever" (an entry without an effective-from date).
inline constexpr std::int64_t kAlways = std::numeric_limits<std::int64_t>::min() / 4;

/// One price list: a (provider, model, tier, context band) from a day on. Prices are exact money
/// units (1e-10 of the currency) per one million tokens.
struct PriceEntry {
    std::string provider;              ///< family ("openai", "anthropic", "bedrock", "azure", "vertex", …); "" = any
    std::string model;                 ///< model key (see PriceMatching::lookupKeys)
    std::int64_t effectiveFrom = kAlways; ///< first day (day number) the prices apply
    Tier tier = Tier::Standard;
    bool longContext = false;          ///< prices for prompts above `contextThreshold` tokens
    std::int64_t contextThreshold = 0; ///< long-context band start (e.g. 200000); 0 when not a band
    std::array<Cost::Money, kPriceKindCount> perMillion{};
    std::uint8_t present = 0;          ///< bit k set = perMillion[k] is known
    Layer layer = Layer::Curated;
    std::string source;                ///< URL or file the prices were taken from

    bool has(PriceKind k) const { return (present >> static_cast<unsigned>(k)) & 1U; }
    Cost::Money price(PriceKind k) const { return perMillion[static_cast<std::size_t>(k)]; }
    void set(PriceKind k, Cost::Money perMillionUnits)
    {
        perMillion[static_cast<std::size_t>(k)] = perMillionUnits;
        present = static_cast<std::uint8_t>(present | (1U << static_cast<unsigned>(k)));
    }
};

/// The prices that apply to one (provider, model, tier, context, day), kind by kind.
struct ResolvedPrice {
    std::array<Cost::Money, kPriceKindCount> perMillion{};
    std::uint8_t present = 0;
    std::array<const PriceEntry *, kPriceKindCount> from{}; ///< the entry each price came from

    /// Set by a PriceAdjuster (a contract): bit k = perMillion[k] is the contract's price and
    /// listPerMillion[k] (present when bit k of listPresent is set) the catalog's.
    std::uint8_t adjusted = 0;
    std::array<Cost::Money, kPriceKindCount> listPerMillion{};
    std::uint8_t listPresent = 0;

    bool has(PriceKind k) const { return (present >> static_cast<unsigned>(k)) & 1U; }
    Cost::Money price(PriceKind k) const { return perMillion[static_cast<std::size_t>(k)]; }
    bool any() const { return present != 0; }
    /// Replaces the price of kind k by a contract price, keeping the list price once (`source`,
    /// when given, replaces the entry the price came from).
    void adjust(PriceKind k, Cost::Money perMillionUnits, const PriceEntry *source);
    /// The catalog's prices, before any adjustment.
    ResolvedPrice listed() const;
};

class PriceAdjuster;

/// The merged catalog. Immutable while it is read: build it, then share it read-only across threads.
class PriceCatalog {
public:
    /// Adds an entry (an identical key in the same layer replaces the earlier one).
    void add(PriceEntry entry);
    /// Removes every entry of a layer.
    void clearLayer(Layer layer);
    const std::vector<PriceEntry> &entries() const { return m_entries; }
    std::size_t size() const { return m_entries.size(); }

    /// The prices of `model` as billed by `provider` (a provider or service name, any spelling) on
    /// `day`. Exact model spellings win over normalised ones (gpt-4o-2024-05-13 keeps its own price),
    /// the provider's own list over another's, the user's layer over curated over imported. A
    /// long-context request falls back to the standard band; a batch or priority tier does not.
    ResolvedPrice resolve(std::string_view provider, std::string_view model, std::int64_t day,
                          Tier tier = Tier::Standard, bool longContext = false) const;

    /// The same with the family (PriceMatching::providerFamily) and lookup keys already computed:
    /// for callers that resolve one model on many days.
    ResolvedPrice resolveKeys(const std::string &family, const std::vector<std::string> &keys, std::int64_t day,
                              Tier tier = Tier::Standard, bool longContext = false) const;

    /// Every effective-from day of the entries listed under any of `keys`, ascending (the days on
    /// which a resolved price can change).
    std::vector<std::int64_t> changeDays(const std::vector<std::string> &keys) const;

    /// Entries whose model matches `model` under any spelling (all when empty), sorted for listing.
    std::vector<const PriceEntry *> find(std::string_view model) const;

    /// Reads Burnrate's catalog JSON (format "burnrate_prices": 1) into `layer`; false with an
    /// error naming the model and field. Nothing is added on failure.
    bool loadJson(std::string_view json, Layer layer, std::string &error);
    /// Writes the entries of one layer in the same format.
    std::string toJson(Layer layer) const;

    /// The curated catalog shipped in the Qt resource :/burnrate/prices.json.
    static bool loadBuiltin(PriceCatalog &catalog, std::string &error);

    /// The contracts that turn list prices into prices paid (loadCatalog sets the stored ones);
    /// resolve() stays the list price, PricedUsage applies the adjuster. nullptr = list prices.
    void setAdjuster(std::shared_ptr<const PriceAdjuster> adjuster) { m_adjuster = std::move(adjuster); }
    const PriceAdjuster *adjuster() const { return m_adjuster.get(); }

private:
    std::shared_ptr<const PriceAdjuster> m_adjuster;
    std::vector<PriceEntry> m_entries;
    std::unordered_map<std::string, std::vector<std::size_t>> m_byModel;
    void reindex();
};

/// The price kind a bill token kind is charged as (cache writes at the 5-minute price; other
/// kinds and none at the input price).
PriceKind tokenPriceKind(Cost::TokenKind kind);

/// Divides a numerator by `divisor`, rounding half away from zero.
Cost::BigMoney roundDiv(Cost::BigMoney numerator, Cost::BigMoney divisor);

/// Parses an exact decimal price from a JSON value (string or number) into money units.
bool priceFromJson(const std::string &text, Cost::Money &out);

/// Reads the five per-million prices ("input", "cache_read", "cache_write_5m", "cache_write_1h",
/// "output") of a JSON object into `entry`; false with "CONTEXT: field 'F': …" on a bad value.
bool readPriceFields(const nlohmann::json &block, PriceEntry &entry, const std::string &context, std::string &error);
/// Writes the prices `entry` has into `block` as exact decimals (the inverse of readPriceFields).
void writePriceFields(const PriceEntry &entry, nlohmann::json &block);

} // namespace Pricing
