#include "analytics/combocache.h"

#include "analytics/breakdown.h"
#include "domain/money.h"

#include <sqlite3.h>

#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <unordered_set>

namespace Analytics {

namespace {

// What the cached snapshot was read from. combo_allocation's static parts are a pure function of
// the rules and the combinations (Allocation::allocate), its telemetry parts are counted by a
// generation (Allocation::allocateTelemetry), combinations and dictionary strings are only
// ever appended, so these change whenever anything the cache holds does.
struct CacheKey {
    std::int64_t maxCombo = 0;
    std::int64_t comboCount = 0;
    std::int64_t maxDict = 0;
    std::string rules;
    std::int64_t telemetry = 0; ///< generation of the telemetry split (Allocation::allocateTelemetry)
    std::uintmax_t fileId = 0; ///< inode: a store replaced at the same path is another store
    bool operator==(const CacheKey &) const = default;
};

struct Entry {
    CacheKey key;
    std::shared_ptr<const ComboCache> cache;
};

std::mutex &registryMutex()
{
    static std::mutex m;
    return m;
}

std::unordered_map<std::string, Entry> &registry()
{
    static std::unordered_map<std::string, Entry> r;
    return r;
}

bool readKey(Cost::SqliteDb &db, CacheKey &key, std::string &error)
{
    Cost::SqliteStmt st(db, "SELECT (SELECT max(id) FROM combo), (SELECT count(*) FROM combo), (SELECT max(id) FROM dict)");
    if (!st.step()) {
        error = st.error().empty() ? "cannot read the combinations" : st.error();
        return false;
    }
    key.maxCombo = st.isNull(0) ? 0 : st.int64(0);
    key.comboCount = st.int64(1);
    key.maxDict = st.isNull(2) ? 0 : st.int64(2);
    key.telemetry = db.scalar("SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'telemetry_allocation'");
    Cost::SqliteStmt rules(db, "SELECT definition FROM allocation_rule ORDER BY position");
    while (rules.step()) {
        key.rules += rules.text(0);
        key.rules += '\x1e';
    }
    if (!rules.error().empty()) {
        error = rules.error();
        return false;
    }
    return true;
}

} // namespace

const std::vector<std::string> &ComboCache::columns()
{
    static const std::vector<std::string> kColumns = {
        "provider", "service",         "model",       "feature", "team",     "publisher", "billing_account",
        "sub_account", "region",       "charge_category", "sku_meter", "usage_type", "resource_name", "currency",
        "endpoint",
    };
    return kColumns;
}

int ComboCache::columnIndex(const std::string &column)
{
    const auto &c = columns();
    for (std::size_t i = 0; i < c.size(); ++i)
        if (c[i] == column)
            return static_cast<int>(i);
    return -1;
}

const std::string &ComboCache::text(std::uint32_t id) const
{
    static const std::string kEmpty;
    const auto it = m_text.find(id);
    return it != m_text.end() ? it->second : kEmpty;
}

std::int64_t ComboCache::idOf(const std::string &text) const
{
    const auto it = m_ids.find(text);
    return it != m_ids.end() ? static_cast<std::int64_t>(it->second) : -1;
}

void ComboCache::clearAll()
{
    std::lock_guard lock(registryMutex());
    registry().clear();
}

std::shared_ptr<const ComboCache> ComboCache::get(Cost::SqliteDb &db, std::string &error)
{
    CacheKey key;
    if (!readKey(db, key, error))
        return nullptr;
    // Kept per store file; a team store's combinations are read again each time (no file to name).
    const char *file = db.handle() ? sqlite3_db_filename(db.handle(), "main") : nullptr;
    const std::string path = file ? file : "";
    struct stat info {};
    if (!path.empty() && ::stat(path.c_str(), &info) == 0)
        key.fileId = static_cast<std::uintmax_t>(info.st_ino);
    {
        std::lock_guard lock(registryMutex());
        const auto it = registry().find(path);
        if (!path.empty() && it != registry().end() && it->second.key == key)
            return it->second.cache;
    }
    auto fresh = std::make_shared<ComboCache>();
    if (!fresh->load(db, error))
        return nullptr;
    if (!path.empty()) {
        std::lock_guard lock(registryMutex());
        registry()[path] = Entry{key, fresh};
    }
    return fresh;
}

bool ComboCache::load(Cost::SqliteDb &db, std::string &error)
{
    const auto &cols = columns();
    std::string sql = "SELECT id, token_kind";
    for (const auto &c : cols)
        sql += ", " + c;
    Cost::SqliteStmt st(db, sql + " FROM combo ORDER BY id");
    std::unordered_set<std::uint32_t> used;
    std::int64_t maxId = 0;
    while (st.step()) {
        Combo c;
        c.id = st.int64(0);
        c.tokenKind = static_cast<int>(st.int64(1));
        c.dims.resize(cols.size());
        for (std::size_t i = 0; i < cols.size(); ++i) {
            c.dims[i] = static_cast<std::uint32_t>(st.int64(static_cast<int>(i) + 2));
            used.insert(c.dims[i]);
        }
        maxId = std::max(maxId, c.id);
        m_combos.push_back(std::move(c));
    }
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    // Sources for the unit economics: combinations with the same source columns share an id.
    std::vector<std::size_t> sourceColumns;
    for (const std::string &column : unitSourceColumns())
        sourceColumns.push_back(static_cast<std::size_t>(columnIndex(column)));
    std::map<std::vector<std::uint32_t>, std::uint32_t> sources;
    for (Combo &c : m_combos) {
        std::vector<std::uint32_t> values;
        for (const std::size_t column : sourceColumns)
            values.push_back(c.dims[column]);
        c.source = sources.emplace(std::move(values), static_cast<std::uint32_t>(sources.size())).first->second;
    }
    m_sourceCount = sources.size();
    m_index.assign(static_cast<std::size_t>(maxId) + 1, -1);
    for (std::size_t i = 0; i < m_combos.size(); ++i)
        if (m_combos[i].id >= 0)
            m_index[static_cast<std::size_t>(m_combos[i].id)] = static_cast<int>(i);

    m_staticCount = m_combos.size();
    if (!loadParts(db, used, error))
        return false;

    Cost::SqliteStmt dict(db, "SELECT s FROM dict WHERE id = ?1");
    for (const std::uint32_t id : used) {
        if (id == 0)
            continue;
        dict.bind(1, static_cast<std::int64_t>(id));
        if (dict.step()) {
            std::string s(dict.text(0));
            m_ids.emplace(s, id);
            m_text.emplace(id, std::move(s));
        }
        dict.reset();
    }
    return true;
}

// Static parts (day -1) first, in (combo, part) order, so each combination's parts are contiguous;
// then every telemetry-split (combination, day) as an entry of its own after the static ones.
bool ComboCache::loadParts(Cost::SqliteDb &db, std::unordered_set<std::uint32_t> &used, std::string &error)
{
    Cost::SqliteStmt parts(db, "SELECT combo_id, day, feature, team, cum_before, cum_after FROM combo_allocation"
                               " ORDER BY day >= 0, combo_id, day, part");
    std::int64_t currentCombo = -1, currentDay = -2;
    std::size_t entry = 0;
    while (parts.step()) {
        const std::int64_t comboId = parts.int64(0), day = parts.int64(1);
        const int index = indexOf(comboId);
        if (index < 0)
            continue; // an allocation without a combination joins nothing
        if (comboId != currentCombo || day != currentDay) {
            currentCombo = comboId;
            currentDay = day;
            if (day < 0) {
                entry = static_cast<std::size_t>(index);
            } else {
                Combo copy = m_combos[static_cast<std::size_t>(index)];
                copy.day = day;
                copy.partCount = 0;
                m_combos[static_cast<std::size_t>(index)].hasDays = true;
                entry = m_combos.size();
                m_dayIndex.emplace(dayKey(comboId, day), static_cast<int>(entry));
                m_combos.push_back(std::move(copy));
            }
            m_combos[entry].firstPart = static_cast<std::uint32_t>(m_parts.size());
        }
        ComboPart p;
        p.feature = static_cast<std::uint32_t>(parts.int64(2));
        p.team = static_cast<std::uint32_t>(parts.int64(3));
        p.before = parts.int64(4);
        p.after = parts.int64(5);
        used.insert(p.feature);
        used.insert(p.team);
        m_parts.push_back(p);
        ++m_combos[entry].partCount;
    }
    error = parts.error();
    return error.empty();
}

} // namespace Analytics
