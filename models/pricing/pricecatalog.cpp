#include "pricing/pricecatalog.h"

#include "domain/jsonread.h"
#include "domain/timeparse.h"
#include "pricing/pricematching.h"

#include <QFile>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>

namespace Pricing {

namespace {

const char *const kKindNames[kPriceKindCount] = {"input", "cache_read", "cache_write_5m", "cache_write_1h", "output"};

bool sameKey(const PriceEntry &a, const PriceEntry &b)
{
    return a.layer == b.layer && a.provider == b.provider && a.model == b.model && a.effectiveFrom == b.effectiveFrom
        && a.tier == b.tier && a.longContext == b.longContext;
}

std::string jsonText(const nlohmann::json &v) { return v.is_string() ? v.get<std::string>() : JsonRead::shown(v); }


// The discounted copy of an entry: every price × (100 − pct) / 100, exact for ordinary percentages.
bool discounted(const PriceEntry &base, const nlohmann::json &pctValue, Tier tier, PriceEntry &out, const std::string &context,
                std::string &error)
{
    Cost::Money pct = 0;
    if (!priceFromJson(jsonText(pctValue), pct) || pct > 100 * Cost::kMoneyScale) {
        error = context + ": field 'batch_discount_pct': '" + jsonText(pctValue) + "' is not a percentage";
        return false;
    }
    out = base;
    out.tier = tier;
    out.present = 0;
    for (int k = 0; k < kPriceKindCount; ++k)
        if (base.has(static_cast<PriceKind>(k)))
            out.set(static_cast<PriceKind>(k),
                    static_cast<Cost::Money>(roundDiv(static_cast<Cost::BigMoney>(base.perMillion[static_cast<std::size_t>(k)])
                                                          * (100 * Cost::kMoneyScale - pct),
                                                      100 * Cost::kMoneyScale)));
    return true;
}

} // namespace

const char *priceKindName(PriceKind kind) { return kKindNames[static_cast<int>(kind)]; }

const char *tierName(Tier tier)
{
    switch (tier) {
    case Tier::Standard: return "standard";
    case Tier::Batch: return "batch";
    case Tier::Priority: return "priority";
    }
    return "standard";
}

bool tierFromName(std::string_view name, Tier &out)
{
    for (Tier t : {Tier::Standard, Tier::Batch, Tier::Priority})
        if (name == tierName(t)) {
            out = t;
            return true;
        }
    return false;
}

const char *layerName(Layer layer)
{
    switch (layer) {
    case Layer::Imported: return "imported";
    case Layer::Curated: return "curated";
    case Layer::User: return "user";
    }
    return "curated";
}

PriceKind tokenPriceKind(Cost::TokenKind kind)
{
    switch (kind) {
    case Cost::TokenKind::CachedInput: return PriceKind::CacheRead;
    case Cost::TokenKind::CacheWrite: return PriceKind::CacheWrite5m;
    case Cost::TokenKind::Output: return PriceKind::Output;
    default: return PriceKind::Input;
    }
}

Cost::BigMoney roundDiv(Cost::BigMoney n, Cost::BigMoney d)
{
    if (d < 0) {
        n = -n;
        d = -d;
    }
    const Cost::BigMoney q = n / d;
    const Cost::BigMoney r = n % d;
    if (r * 2 >= d)
        return q + 1;
    if (-r * 2 >= d)
        return q - 1;
    return q;
}

bool priceFromJson(const std::string &text, Cost::Money &out)
{
    const auto status = Cost::parseMoney(text, out);
    return (status == Cost::ParseStatus::Ok || status == Cost::ParseStatus::Rounded) && out >= 0;
}

void PriceCatalog::add(PriceEntry entry)
{
    auto &indices = m_byModel[entry.model];
    for (const std::size_t i : indices)
        if (sameKey(m_entries[i], entry)) {
            m_entries[i] = std::move(entry);
            return;
        }
    indices.push_back(m_entries.size());
    m_entries.push_back(std::move(entry));
}

void PriceCatalog::clearLayer(Layer layer)
{
    m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(), [&](const PriceEntry &e) { return e.layer == layer; }),
                    m_entries.end());
    reindex();
}

void PriceCatalog::reindex()
{
    m_byModel.clear();
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        m_byModel[m_entries[i].model].push_back(i);
}

ResolvedPrice PriceCatalog::resolve(std::string_view provider, std::string_view model, std::int64_t day, Tier tier,
                                    bool longContext) const
{
    return resolveKeys(PriceMatching::providerFamily(provider), PriceMatching::lookupKeys(model), day, tier, longContext);
}

ResolvedPrice PriceCatalog::resolveKeys(const std::string &family, const std::vector<std::string> &keys, std::int64_t day,
                                        Tier tier, bool longContext) const
{
    ResolvedPrice r;
    for (const bool band : {true, false}) {
        if (band && !longContext)
            continue;
        for (const auto &key : keys) {
            const auto it = m_byModel.find(key);
            if (it == m_byModel.end())
                continue;
            const bool familyListed = std::any_of(it->second.begin(), it->second.end(),
                                                  [&](std::size_t i) { return m_entries[i].provider == family; });
            // Provider class: 0 = the family's own list, 1 = a list for any provider, 2 = first-party stand-in.
            for (int cls = 0; cls < 3; ++cls) {
                if (cls == 2 && familyListed)
                    break;
                for (const Layer layer : {Layer::User, Layer::Curated, Layer::Imported}) {
                    const PriceEntry *best = nullptr;
                    for (const std::size_t i : it->second) {
                        const PriceEntry &e = m_entries[i];
                        if (e.layer != layer || e.tier != tier || e.longContext != band || e.effectiveFrom > day)
                            continue;
                        const bool match = cls == 0 ? e.provider == family
                            : cls == 1          ? e.provider.empty()
                                                : PriceMatching::isFirstParty(e.provider);
                        if (match && (!best || e.effectiveFrom > best->effectiveFrom))
                            best = &e;
                    }
                    if (!best)
                        continue;
                    for (int k = 0; k < kPriceKindCount; ++k) {
                        const auto kind = static_cast<PriceKind>(k);
                        if (!r.has(kind) && best->has(kind)) {
                            r.perMillion[static_cast<std::size_t>(k)] = best->price(kind);
                            r.present = static_cast<std::uint8_t>(r.present | (1U << k));
                            r.from[static_cast<std::size_t>(k)] = best;
                        }
                    }
                }
            }
        }
        if (r.any())
            return r; // a long-context band found: don't mix in standard-band prices
    }
    return r;
}

std::vector<std::int64_t> PriceCatalog::changeDays(const std::vector<std::string> &keys) const
{
    std::vector<std::int64_t> days;
    for (const auto &key : keys) {
        const auto it = m_byModel.find(key);
        if (it != m_byModel.end())
            for (const std::size_t i : it->second)
                days.push_back(m_entries[i].effectiveFrom);
    }
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

std::vector<const PriceEntry *> PriceCatalog::find(std::string_view model) const
{
    std::vector<const PriceEntry *> out;
    if (model.empty()) {
        for (const auto &e : m_entries)
            out.push_back(&e);
    } else {
        for (const auto &key : PriceMatching::lookupKeys(model)) {
            const auto it = m_byModel.find(key);
            if (it != m_byModel.end())
                for (std::size_t i : it->second)
                    out.push_back(&m_entries[i]);
        }
    }
    std::sort(out.begin(), out.end(), [](const PriceEntry *a, const PriceEntry *b) {
        return std::tie(a->model, a->provider, a->tier, a->longContext, a->effectiveFrom, a->layer)
            < std::tie(b->model, b->provider, b->tier, b->longContext, b->effectiveFrom, b->layer);
    });
    return out;
}

bool PriceCatalog::loadJson(std::string_view json, Layer layer, std::string &error)
{
    nlohmann::json doc;
    if (!JsonRead::parse(json, doc, error))
        return false;
    if (!doc.is_object()) {
        error = "not a JSON object";
        return false;
    }
    if (!doc.contains("burnrate_prices") || !doc["burnrate_prices"].is_number_integer() || doc["burnrate_prices"] != 1) {
        error = "not a Burnrate price catalog (expected \"burnrate_prices\": 1)";
        return false;
    }
    const auto models = doc.find("models");
    if (models == doc.end() || !models->is_array()) {
        error = "field 'models' must be an array";
        return false;
    }
    std::vector<PriceEntry> added;
    for (std::size_t mi = 0; mi < models->size(); ++mi) {
        const auto &m = (*models)[mi];
        const std::string where = "models[" + std::to_string(mi) + "]";
        if (!m.is_object() || !m.contains("model") || !m["model"].is_string() || m["model"].get<std::string>().empty()) {
            error = where + ": field 'model' must be a non-empty string";
            return false;
        }
        const std::string name = m["model"].get<std::string>();
        const std::string context = where + " (" + name + ")";
        PriceEntry base;
        base.layer = layer;
        base.model = PriceMatching::primaryKey(name);
        if (base.model.empty()) { // e.g. only a path or a provider prefix: nothing left to price by
            error = context + ": field 'model' names no model";
            return false;
        }
        base.provider = m.contains("provider") && m["provider"].is_string() ? PriceMatching::providerFamily(m["provider"].get<std::string>())
                                                                           : std::string();
        if (!JsonRead::Fields{m, context, error}.string("source", base.source))
            return false;
        const auto prices = m.find("prices");
        if (prices == m.end() || !prices->is_array() || prices->empty()) {
            error = context + ": field 'prices' must be a non-empty array";
            return false;
        }
        for (std::size_t pi = 0; pi < prices->size(); ++pi) {
            const auto &p = (*prices)[pi];
            const std::string pctx = context + ".prices[" + std::to_string(pi) + "]";
            if (!p.is_object()) {
                error = pctx + ": must be an object";
                return false;
            }
            PriceEntry e = base;
            if (p.contains("from") && !p["from"].is_null()) {
                if (!p["from"].is_string() || !Cost::parseDate(p["from"].get<std::string>(), e.effectiveFrom)) {
                    error = pctx + ": field 'from': '" + jsonText(p["from"]) + "' is not a date (YYYY-MM-DD)";
                    return false;
                }
            }
            if (p.contains("tier") && (!p["tier"].is_string() || !tierFromName(p["tier"].get<std::string>(), e.tier))) {
                error = pctx + ": field 'tier' must be standard, batch or priority";
                return false;
            }
            if (p.contains("above_tokens")) {
                if (!p["above_tokens"].is_number_integer() || p["above_tokens"].get<std::int64_t>() <= 0) {
                    error = pctx + ": field 'above_tokens' must be a positive integer";
                    return false;
                }
                e.longContext = true;
                e.contextThreshold = p["above_tokens"].get<std::int64_t>();
            }
            if (!JsonRead::Fields{p, pctx, error}.string("source", e.source))
                return false;
            if (!readPriceFields(p, e, pctx, error))
                return false;
            if (e.present == 0) {
                error = pctx + ": no price given (input, cache_read, cache_write_5m, cache_write_1h, output)";
                return false;
            }
            std::vector<PriceEntry> variants{e};
            for (const char *tierKey : {"batch", "priority"}) {
                if (!p.contains(tierKey))
                    continue;
                PriceEntry t = e;
                t.present = 0;
                tierFromName(tierKey, t.tier);
                if (!p[tierKey].is_object() || !readPriceFields(p[tierKey], t, pctx + "." + tierKey, error) || t.present == 0) {
                    if (error.empty())
                        error = pctx + ": field '" + tierKey + "' must be an object of prices";
                    return false;
                }
                variants.push_back(t);
            }
            if (p.contains("long_context")) {
                const auto &lc = p["long_context"];
                PriceEntry l = e;
                l.present = 0;
                l.longContext = true;
                if (!lc.is_object() || !lc.contains("above_tokens") || !lc["above_tokens"].is_number_integer()) {
                    error = pctx + ".long_context: field 'above_tokens' must be an integer";
                    return false;
                }
                l.contextThreshold = lc["above_tokens"].get<std::int64_t>();
                if (!readPriceFields(lc, l, pctx + ".long_context", error))
                    return false;
                variants.push_back(l);
            }
            if (p.contains("batch_discount_pct")) {
                const std::size_t n = variants.size();
                for (std::size_t i = 0; i < n; ++i) {
                    if (variants[i].tier != Tier::Standard)
                        continue;
                    PriceEntry b;
                    if (!discounted(variants[i], p["batch_discount_pct"], Tier::Batch, b, pctx, error))
                        return false;
                    variants.push_back(b);
                }
            }
            for (auto &v : variants)
                added.push_back(std::move(v));
        }
    }
    for (auto &e : added)
        add(std::move(e));
    return true;
}

std::string PriceCatalog::toJson(Layer layer) const
{
    nlohmann::json models = nlohmann::json::array();
    for (const PriceEntry *e : find({})) {
        if (e->layer != layer)
            continue;
        nlohmann::json p = nlohmann::json::object();
        if (e->effectiveFrom != kAlways)
            p["from"] = Cost::formatDay(e->effectiveFrom);
        if (e->tier != Tier::Standard)
            p["tier"] = tierName(e->tier);
        if (e->longContext)
            p["above_tokens"] = e->contextThreshold;
        writePriceFields(*e, p);
        nlohmann::json m = {{"provider", e->provider}, {"model", e->model}, {"prices", nlohmann::json::array({p})}};
        if (!e->source.empty())
            m["source"] = e->source;
        models.push_back(std::move(m));
    }
    return nlohmann::json{{"burnrate_prices", 1}, {"unit", "USD per 1M tokens"}, {"models", models}}.dump(2);
}

bool PriceCatalog::loadBuiltin(PriceCatalog &catalog, std::string &error)
{
    QFile file(QStringLiteral(":/burnrate/prices.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        error = "the built-in price catalog (:/burnrate/prices.json) is missing";
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (!catalog.loadJson(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), Layer::Curated, error)) {
        error = "built-in price catalog: " + error;
        return false;
    }
    return true;
}

bool readPriceFields(const nlohmann::json &block, PriceEntry &entry, const std::string &context, std::string &error)
{
    for (int k = 0; k < kPriceKindCount; ++k) {
        const auto it = block.find(kKindNames[k]);
        if (it == block.end() || it->is_null())
            continue;
        Cost::Money m = 0;
        if (!(it->is_string() || it->is_number()) || !priceFromJson(jsonText(*it), m)) {
            error = context + ": field '" + kKindNames[k] + "': '" + jsonText(*it) + "' is not a price (a non-negative decimal)";
            return false;
        }
        entry.set(static_cast<PriceKind>(k), m);
    }
    return true;
}

void writePriceFields(const PriceEntry &entry, nlohmann::json &block)
{
    for (int k = 0; k < kPriceKindCount; ++k)
        if (entry.has(static_cast<PriceKind>(k)))
            block[kKindNames[k]] = Cost::formatMoney(entry.perMillion[static_cast<std::size_t>(k)], 2);
}

void ResolvedPrice::adjust(PriceKind k, Cost::Money perMillionUnits, const PriceEntry *source)
{
    const unsigned bit = 1U << static_cast<unsigned>(k);
    const auto i = static_cast<std::size_t>(k);
    if (!(adjusted & bit)) {
        listPerMillion[i] = perMillion[i];
        listPresent = static_cast<std::uint8_t>((listPresent & ~bit) | (present & bit));
    }
    adjusted = static_cast<std::uint8_t>(adjusted | bit);
    perMillion[i] = perMillionUnits;
    present = static_cast<std::uint8_t>(present | bit);
    if (source)
        from[i] = source;
}

ResolvedPrice ResolvedPrice::listed() const
{
    ResolvedPrice r = *this;
    for (int k = 0; k < kPriceKindCount; ++k) {
        const unsigned bit = 1U << static_cast<unsigned>(k);
        if (!(adjusted & bit))
            continue;
        r.perMillion[static_cast<std::size_t>(k)] = listPerMillion[static_cast<std::size_t>(k)];
        r.present = static_cast<std::uint8_t>((r.present & ~bit) | (listPresent & bit));
    }
    r.adjusted = 0;
    return r;
}

} // namespace Pricing
