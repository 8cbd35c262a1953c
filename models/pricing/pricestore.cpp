#include "pricing/pricestore.h"

#include "contracts/contractbook.h"
#include "contracts/contractstore.h"
#include "pricing/pricelitellm.h"

#include <QDateTime>

#include <set>

namespace Pricing {

namespace {

const char *const kKindColumns[kPriceKindCount] = {"input", "cache_read", "cache_write_5m", "cache_write_1h", "output"};

std::string now() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString(); }

bool fail(Cost::SqliteDb &db, const std::string &what, std::string &error)
{
    error = what + ": " + db.error();
    db.exec("ROLLBACK");
    return false;
}

bool deleteSame(Cost::SqliteDb &db, const char *layer, const PriceEntry &e, std::string &error)
{
    Cost::SqliteStmt st(db, "DELETE FROM price_entry WHERE layer = ?1 AND provider = ?2 AND model = ?3 AND tier = ?4"
                            " AND long_context = ?5 AND effective_from IS ?6");
    st.bind(1, std::string_view(layer));
    st.bind(2, std::string_view(e.provider));
    st.bind(3, std::string_view(e.model));
    st.bind(4, std::string_view(tierName(e.tier)));
    st.bind(5, std::int64_t(e.longContext ? 1 : 0));
    if (e.effectiveFrom == kAlways)
        st.bindNull(6);
    else
        st.bind(6, e.effectiveFrom);
    if (!st.exec()) {
        error = st.error();
        return false;
    }
    return true;
}

bool insertEntries(Cost::SqliteDb &db, const char *layer, const std::vector<PriceEntry> &entries, bool replaceSame,
                   std::string &error)
{
    Cost::SqliteStmt st(db, "INSERT INTO price_entry(layer, provider, model, tier, long_context, context_threshold,"
                            " effective_from, input, cache_read, cache_write_5m, cache_write_1h, output, source, updated_at)"
                            " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    if (!st.ok()) {
        error = st.error();
        return false;
    }
    const std::string stamp = now();
    for (const auto &e : entries) {
        if (replaceSame && !deleteSame(db, layer, e, error))
            return false;
        st.reset();
        st.bind(1, std::string_view(layer));
        st.bind(2, std::string_view(e.provider));
        st.bind(3, std::string_view(e.model));
        st.bind(4, std::string_view(tierName(e.tier)));
        st.bind(5, std::int64_t(e.longContext ? 1 : 0));
        st.bind(6, e.contextThreshold);
        if (e.effectiveFrom == kAlways)
            st.bindNull(7);
        else
            st.bind(7, e.effectiveFrom);
        for (int k = 0; k < kPriceKindCount; ++k) {
            if (e.has(static_cast<PriceKind>(k)))
                st.bind(8 + k, std::int64_t(e.perMillion[static_cast<std::size_t>(k)]));
            else
                st.bindNull(8 + k);
        }
        st.bind(13, std::string_view(e.source));
        st.bind(14, std::string_view(stamp));
        if (!st.exec()) {
            error = "price " + e.provider + "/" + e.model + ": " + st.error();
            return false;
        }
    }
    return true;
}

} // namespace

bool loadStoredPrices(Cost::SqliteDb &db, PriceCatalog &catalog, std::string &error)
{
    Cost::SqliteStmt st(db, "SELECT layer, provider, model, tier, long_context, context_threshold, effective_from, input,"
                            " cache_read, cache_write_5m, cache_write_1h, output, source FROM price_entry ORDER BY id");
    if (!st.ok()) {
        error = "cannot read stored prices: " + st.error();
        return false;
    }
    while (st.step()) {
        PriceEntry e;
        e.layer = st.text(0) == "user" ? Layer::User : Layer::Imported;
        e.provider = std::string(st.text(1));
        e.model = std::string(st.text(2));
        tierFromName(st.text(3), e.tier);
        e.longContext = st.int64(4) != 0;
        e.contextThreshold = st.int64(5);
        e.effectiveFrom = st.isNull(6) ? kAlways : st.int64(6);
        for (int k = 0; k < kPriceKindCount; ++k)
            if (!st.isNull(7 + k))
                e.set(static_cast<PriceKind>(k), st.int64(7 + k));
        e.source = std::string(st.text(12));
        catalog.add(std::move(e));
    }
    if (!st.error().empty()) {
        error = "cannot read stored prices: " + st.error();
        return false;
    }
    return true;
}

bool loadCatalog(Cost::SqliteDb &db, PriceCatalog &out, std::string &error)
{
    out = PriceCatalog();
    if (!PriceCatalog::loadBuiltin(out, error) || !loadStoredPrices(db, out, error))
        return false;
    std::vector<Contracts::Contract> contracts;
    if (!Contracts::loadContracts(db, contracts, error))
        return false;
    if (!contracts.empty())
        out.setAdjuster(std::make_shared<const Contracts::ContractBook>(std::move(contracts)));
    return true;
}

bool replaceImported(Cost::SqliteDb &db, const std::vector<PriceEntry> &entries, std::string &error)
{
    if (!db.exec("BEGIN IMMEDIATE"))
        return fail(db, "cannot start the price import", error);
    if (!db.exec("DELETE FROM price_entry WHERE layer = 'imported'"))
        return fail(db, "cannot replace imported prices", error);
    if (!insertEntries(db, "imported", entries, false, error)) {
        db.exec("ROLLBACK");
        return false;
    }
    if (!db.exec("COMMIT"))
        return fail(db, "cannot commit the price import", error);
    return true;
}

bool saveUserPrices(Cost::SqliteDb &db, const std::vector<PriceEntry> &entries, std::string &error)
{
    if (!db.exec("BEGIN IMMEDIATE"))
        return fail(db, "cannot save prices", error);
    if (!insertEntries(db, "user", entries, true, error)) {
        db.exec("ROLLBACK");
        return false;
    }
    if (!db.exec("COMMIT"))
        return fail(db, "cannot commit prices", error);
    return true;
}

bool removeUserPrice(Cost::SqliteDb &db, const PriceEntry &key, std::string &error)
{
    if (!deleteSame(db, "user", key, error))
        return false;
    return db.changes() > 0;
}

bool importPriceFile(Cost::SqliteDb &db, std::string_view bytes, const std::string &fileName, PriceImportResult &result,
                     std::string &error)
{
    result = {};
    if (bytes.find("\"burnrate_prices\"") != std::string_view::npos) {
        PriceCatalog parsed;
        if (!parsed.loadJson(bytes, Layer::User, error)) {
            error = fileName + ": " + error;
            return false;
        }
        result.format = "burnrate";
        result.layer = Layer::User;
        result.entries = static_cast<int>(parsed.size());
        std::set<std::string> models;
        for (const auto &e : parsed.entries())
            models.insert(e.provider + "/" + e.model);
        result.models = static_cast<int>(models.size());
        return saveUserPrices(db, parsed.entries(), error);
    }
    LiteLlmImport imported;
    if (!parseLiteLlm(bytes, fileName, imported, error)) {
        error = fileName + ": " + error;
        return false;
    }
    if (imported.entries.empty()) {
        error = fileName + ": no token prices found (expected LiteLLM's model_prices_and_context_window.json"
                           " or a Burnrate catalog with \"burnrate_prices\": 1)";
        return false;
    }
    result.format = "litellm";
    result.layer = Layer::Imported;
    result.entries = static_cast<int>(imported.entries.size());
    result.models = imported.models;
    result.skipped = imported.skipped;
    return replaceImported(db, imported.entries, error);
}

} // namespace Pricing
