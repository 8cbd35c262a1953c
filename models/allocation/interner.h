#pragma once

#include "store/sqlitedb.h"

#include <cstdint>
#include <string>
#include <unordered_map>

namespace Allocation {

/// Dictionary ids of the feature and team names an allocation writes, adding the names the store
/// lacks. Runs inside the caller's write transaction.
class Interner {
public:
    explicit Interner(Cost::SqliteDb &db)
        : m_insert(db, "INSERT INTO dict(s) VALUES(?1) ON CONFLICT(s) DO NOTHING")
        , m_select(db, "SELECT id FROM dict WHERE s = ?1")
    {
    }
    /// The id of `s`; 0 for the empty text.
    std::uint32_t id(const std::string &s)
    {
        if (s.empty())
            return 0;
        auto it = m_cache.find(s);
        if (it != m_cache.end())
            return it->second;
        m_insert.bind(1, std::string_view(s));
        m_insert.exec();
        m_select.bind(1, std::string_view(s));
        std::uint32_t id = 0;
        if (m_select.step())
            id = static_cast<std::uint32_t>(m_select.int64(0));
        m_select.reset();
        m_cache.emplace(s, id);
        return id;
    }

private:
    Cost::SqliteStmt m_insert, m_select;
    std::unordered_map<std::string, std::uint32_t> m_cache;
};

} // namespace Allocation
