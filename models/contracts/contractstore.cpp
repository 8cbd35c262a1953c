#include "contracts/contractstore.h"

#include "contracts/contractjson.h"

#include <QDateTime>

#include <nlohmann/json.hpp>

#include <set>

namespace Contracts {

namespace {

// Inserts or updates one row inside the caller's transaction (or alone); `replaced` says whether
// a contract of that id or name was there.
bool write(Cost::SqliteDb &db, Contract &c, bool &replaced, std::string &error)
{
    if (!validate(c, error)) {
        error = "contract '" + c.name + "': " + error;
        return false;
    }
    const std::string json = contractToJson(c).dump();
    const std::string now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    std::int64_t byName = 0;
    {
        Cost::SqliteStmt find(db, "SELECT id FROM contract WHERE name = ?1");
        find.bind(1, std::string_view(c.name));
        byName = find.step() ? find.int64(0) : 0;
    }
    if (c.id != 0 && byName != 0 && byName != c.id) {
        error = "contract '" + c.name + "': another contract has this name";
        return false;
    }
    if (c.id == 0)
        c.id = byName;
    replaced = c.id != 0;
    // Every parameter used in both forms (a team store's server must see each one to type it).
    Cost::SqliteStmt st(db, c.id != 0 ? "UPDATE contract SET name = ?1, definition = ?2, updated_at = ?3 WHERE id = ?4"
                                      : "INSERT INTO contract(name, definition, created_at, updated_at) VALUES(?1, ?2, ?3, ?3)");
    st.bind(1, std::string_view(c.name));
    st.bind(2, std::string_view(json));
    st.bind(3, std::string_view(now));
    if (c.id != 0)
        st.bind(4, c.id);
    if (!st.exec()) {
        error = "cannot save contract '" + c.name + "': " + st.error();
        return false;
    }
    if (c.id == 0)
        c.id = db.lastInsertRowid();
    else if (db.changes() == 0) {
        error = "contract '" + c.name + "' is no longer stored";
        return false;
    }
    return true;
}

bool rollback(Cost::SqliteDb &db)
{
    db.exec("ROLLBACK");
    return false;
}

} // namespace

bool loadContracts(Cost::SqliteDb &db, std::vector<Contract> &out, std::string &error)
{
    out.clear();
    Cost::SqliteStmt st(db, "SELECT id, name, definition FROM contract ORDER BY name");
    if (!st.ok()) {
        error = st.error();
        return false;
    }
    while (st.step()) {
        nlohmann::json doc = nlohmann::json::parse(st.text(2), nullptr, false);
        Contract c;
        if (!contractFromJson(doc, "stored contract '" + std::string(st.text(1)) + "'", c, error))
            return false;
        c.id = st.int64(0);
        out.push_back(std::move(c));
    }
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    return true;
}

bool saveContract(Cost::SqliteDb &db, Contract &contract, std::string &error)
{
    bool replaced = false;
    return write(db, contract, replaced, error);
}

bool removeContract(Cost::SqliteDb &db, std::int64_t id, std::string &error)
{
    Cost::SqliteStmt st(db, "DELETE FROM contract WHERE id = ?1");
    st.bind(1, id);
    if (!st.exec()) {
        error = st.error();
        return false;
    }
    return db.changes() > 0;
}

bool importContracts(Cost::SqliteDb &db, const std::vector<Contract> &contracts, bool replaceAll, ImportResult &result,
                     std::string &error)
{
    result = {};
    if (!db.exec("BEGIN IMMEDIATE")) {
        error = db.error();
        return false;
    }
    std::set<std::string> names;
    for (Contract c : contracts) {
        c.id = 0;
        bool replaced = false;
        if (!write(db, c, replaced, error))
            return rollback(db);
        ++(replaced ? result.replaced : result.added);
        names.insert(c.name);
    }
    if (replaceAll) {
        std::vector<std::int64_t> stale;
        {
            Cost::SqliteStmt st(db, "SELECT id, name FROM contract");
            while (st.step())
                if (!names.count(std::string(st.text(1))))
                    stale.push_back(st.int64(0));
            if (!st.error().empty()) {
                error = st.error();
                return rollback(db);
            }
        }
        for (const std::int64_t id : stale) {
            if (!removeContract(db, id, error) && !error.empty())
                return rollback(db);
            ++result.removed;
        }
    }
    if (!db.exec("COMMIT")) {
        error = db.error();
        return rollback(db);
    }
    return true;
}

} // namespace Contracts
