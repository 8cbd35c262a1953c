#include "contracts/contractjson.h"

#include "domain/jsonread.h"
#include "domain/timeparse.h"
#include "pricing/pricematching.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace Contracts {

namespace {

const char *const kKindNames[Pricing::kPriceKindCount] = {"input", "cache_read", "cache_write_5m", "cache_write_1h", "output"};
const std::set<std::string> kContractFields{"name", "provider", "account", "model", "token_kind", "from", "to",
                                            "discount_pct", "prices", "credits", "commitments"};

std::string text(const nlohmann::json &v) { return v.is_string() ? v.get<std::string>() : JsonRead::shown(v); }

bool kindFromName(const std::string &name, Pricing::PriceKind &out)
{
    for (int k = 0; k < Pricing::kPriceKindCount; ++k)
        if (name == kKindNames[k]) {
            out = static_cast<Pricing::PriceKind>(k);
            return true;
        }
    return false;
}

// An exact amount (string or number) above zero.
bool amount(JsonRead::Fields &f, const char *field, Cost::Money &out)
{
    const auto it = f.obj.find(field);
    if (it == f.obj.end() || it->is_null())
        return f.fail(field, "is required (an amount such as \"1000.00\")");
    if (!(it->is_string() || it->is_number()) || !Pricing::priceFromJson(text(*it), out) || out <= 0)
        return f.fail(field, "'" + text(*it) + "' is not an amount above zero");
    return true;
}

bool day(JsonRead::Fields &f, const char *field, std::int64_t &out, bool required)
{
    const auto it = f.obj.find(field);
    if (it == f.obj.end() || it->is_null())
        return !required || f.fail(field, "is required (a date, YYYY-MM-DD)");
    if (!it->is_string() || !Cost::parseDate(it->get<std::string>(), out))
        return f.fail(field, "'" + text(*it) + "' is not a date (YYYY-MM-DD)");
    return true;
}

// Each element of array `field` must be an object; `read` parses one with its place name.
template<typename T, typename Read>
bool objects(JsonRead::Fields &f, const char *field, std::vector<T> &out, Read read)
{
    const auto it = f.obj.find(field);
    if (it == f.obj.end() || it->is_null())
        return true;
    if (!it->is_array())
        return f.fail(field, "must be an array");
    for (std::size_t i = 0; i < it->size(); ++i) {
        const std::string where = f.where + "." + field + "[" + std::to_string(i) + "]";
        if (!(*it)[i].is_object()) {
            f.error = where + ": must be an object";
            return false;
        }
        T item;
        JsonRead::Fields sub{(*it)[i], where, f.error};
        if (!read(sub, item))
            return false;
        out.push_back(std::move(item));
    }
    return true;
}

bool readPrice(JsonRead::Fields &f, Pricing::PriceEntry &e)
{
    e.layer = Pricing::Layer::User;
    std::string model, tier;
    if (!f.string("model", model) || !f.string("tier", tier))
        return false;
    if (model.empty())
        return f.fail("model", "is required (the model the prices are for)");
    e.model = PriceMatching::primaryKey(model);
    if (!tier.empty() && !Pricing::tierFromName(tier, e.tier))
        return f.fail("tier", "must be standard, batch or priority");
    if (!Pricing::readPriceFields(f.obj, e, f.where, f.error))
        return false;
    if (e.present == 0) {
        f.error = f.where + ": no price given (input, cache_read, cache_write_5m, cache_write_1h, output)";
        return false;
    }
    return true;
}

bool readCredit(JsonRead::Fields &f, Credit &c)
{
    return amount(f, "amount", c.amount) && day(f, "expires", c.expiresDay, false) && f.string("note", c.note);
}

bool readCommitment(JsonRead::Fields &f, Commitment &c)
{
    std::string type;
    if (!f.string("type", type))
        return false;
    if (!commitmentKindFromName(type, c.kind))
        return f.fail("type", "must be monthly_minimum or provisioned, not " + JsonRead::shown(type));
    return amount(f, "amount", c.amount) && f.string("note", c.note);
}

} // namespace

bool contractFromJson(const nlohmann::json &obj, const std::string &where, Contract &out, std::string &error)
{
    if (!obj.is_object()) {
        error = where + ": must be an object";
        return false;
    }
    Contract c;
    JsonRead::Fields f{obj, where, error};
    for (const auto &[key, value] : obj.items())
        if (!kContractFields.count(key))
            return f.fail(key, "is not a contract field (name, provider, account, model, token_kind, from, to, discount_pct, "
                               "prices, credits, commitments)");
    std::string kind;
    if (!f.string("name", c.name) || !f.string("provider", c.provider) || !f.string("account", c.account)
        || !f.string("model", c.model) || !f.string("token_kind", kind) || !day(f, "from", c.fromDay, true)
        || !day(f, "to", c.toDay, false))
        return false;
    if (!kind.empty()) {
        Pricing::PriceKind k{};
        if (!kindFromName(kind, k))
            return f.fail("token_kind", "must be input, cache_read, cache_write_5m, cache_write_1h or output");
        c.tokenKind = k;
    }
    if (const auto d = obj.find("discount_pct"); d != obj.end() && !d->is_null()) {
        if (!(d->is_string() || d->is_number()) || !parseDiscount(text(*d), c.discountBp))
            return f.fail("discount_pct", "'" + text(*d) + "' is not a percentage from 0 to 100 (at most two decimals)");
    }
    if (!objects(f, "prices", c.prices, readPrice) || !objects(f, "credits", c.credits, readCredit)
        || !objects(f, "commitments", c.commitments, readCommitment))
        return false;
    if (!validate(c, error)) {
        error = where + ": " + error;
        return false;
    }
    out = std::move(c);
    return true;
}

bool validate(const Contract &c, std::string &error)
{
    auto fail = [&](const char *field, const std::string &why) {
        error = std::string("field '") + field + "': " + why;
        return false;
    };
    if (c.name.empty())
        return fail("name", "is required");
    if (c.provider.empty())
        return fail("provider", "is required (e.g. \"OpenAI\")");
    if (c.toDay <= c.fromDay)
        return fail("to", "must be after 'from' (" + Cost::formatDay(c.fromDay) + "); the term is [from, to)");
    if (c.discountBp < 0 || c.discountBp > kFullDiscount)
        return fail("discount_pct", "must be from 0 to 100");
    for (const auto &m : c.commitments)
        if (m.kind == CommitmentKind::Provisioned && c.toDay == kOpenEnded)
            return fail("to", "is required with a provisioned commitment (its fee is amortised over [from, to))");
    if (c.discountBp == 0 && c.prices.empty() && c.credits.empty() && c.commitments.empty())
        return fail("discount_pct", "no terms: give a discount, negotiated prices, credits or commitments");
    return true;
}

bool fromJson(std::string_view json, std::vector<Contract> &out, std::string &error)
{
    nlohmann::json doc;
    if (!JsonRead::parse(json, doc, error))
        return false;
    if (!doc.is_object() || !doc.contains("burnrate_contracts") || !doc["burnrate_contracts"].is_number_integer()
        || doc["burnrate_contracts"] != 1) {
        error = "not a Burnrate contracts file (expected \"burnrate_contracts\": 1)";
        return false;
    }
    const auto list = doc.find("contracts");
    if (list == doc.end() || !list->is_array()) {
        error = "field 'contracts' must be an array";
        return false;
    }
    std::vector<Contract> read;
    std::set<std::string> names;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto &obj = (*list)[i];
        std::string where = "contracts[" + std::to_string(i) + "]";
        if (obj.is_object() && obj.contains("name") && obj["name"].is_string())
            where += " (" + obj["name"].get<std::string>() + ")";
        Contract c;
        if (!contractFromJson(obj, where, c, error))
            return false;
        if (!names.insert(c.name).second) {
            error = where + ": field 'name': another contract in the file has this name";
            return false;
        }
        read.push_back(std::move(c));
    }
    out = std::move(read);
    return true;
}

nlohmann::json contractToJson(const Contract &c)
{
    nlohmann::json o = {{"name", c.name}, {"provider", c.provider}, {"from", Cost::formatDay(c.fromDay)}};
    if (!c.account.empty())
        o["account"] = c.account;
    if (!c.model.empty())
        o["model"] = c.model;
    if (c.tokenKind)
        o["token_kind"] = kKindNames[static_cast<int>(*c.tokenKind)];
    if (c.toDay != kOpenEnded)
        o["to"] = Cost::formatDay(c.toDay);
    if (c.discountBp != 0)
        o["discount_pct"] = discountText(c.discountBp);
    if (!c.prices.empty()) {
        nlohmann::json prices = nlohmann::json::array();
        for (const auto &e : c.prices) {
            nlohmann::json p = {{"model", e.model}};
            if (e.tier != Pricing::Tier::Standard)
                p["tier"] = Pricing::tierName(e.tier);
            Pricing::writePriceFields(e, p);
            prices.push_back(std::move(p));
        }
        o["prices"] = std::move(prices);
    }
    if (!c.credits.empty()) {
        nlohmann::json credits = nlohmann::json::array();
        for (const auto &cr : c.credits) {
            nlohmann::json x = {{"amount", Cost::formatMoney(cr.amount, 2)}};
            if (cr.expiresDay != kOpenEnded)
                x["expires"] = Cost::formatDay(cr.expiresDay);
            if (!cr.note.empty())
                x["note"] = cr.note;
            credits.push_back(std::move(x));
        }
        o["credits"] = std::move(credits);
    }
    if (!c.commitments.empty()) {
        nlohmann::json commitments = nlohmann::json::array();
        for (const auto &m : c.commitments) {
            nlohmann::json x = {{"type", commitmentKindName(m.kind)}, {"amount", Cost::formatMoney(m.amount, 2)}};
            if (!m.note.empty())
                x["note"] = m.note;
            commitments.push_back(std::move(x));
        }
        o["commitments"] = std::move(commitments);
    }
    return o;
}

std::string toJson(const std::vector<Contract> &contracts)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto &c : contracts)
        list.push_back(contractToJson(c));
    return nlohmann::json{{"burnrate_contracts", 1}, {"unit", "USD per 1M tokens"}, {"contracts", list}}.dump(
               2, ' ', false, nlohmann::json::error_handler_t::replace)
        + "\n";
}

} // namespace Contracts
