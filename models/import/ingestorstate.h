#pragma once

// Internal to the ingestor (ingestor.cpp, ingestorcommit.cpp): the per-import state and the
// hash keys it is indexed by. Not part of the models/ API.

#include "import/ingestor.h"

#include <QDateTime>

#include <array>
#include <cmath>
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace Cost {

namespace IngestDetail {

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// Equality of short strings without a library call (most dimension values repeat row after row).
inline bool sameBytes(const char *a, const char *b, std::size_t n)
{
    while (n >= 8) {
        std::uint64_t x, y;
        std::memcpy(&x, a, 8);
        std::memcpy(&y, b, 8);
        if (x != y)
            return false;
        a += 8;
        b += 8;
        n -= 8;
    }
    while (n--)
        if (*a++ != *b++)
            return false;
    return true;
}

inline std::uint64_t mix(std::uint64_t h, std::uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

template<std::size_t N>
struct IdKey {
    std::array<std::uint32_t, N> v{};
    bool operator==(const IdKey &o) const { return v == o.v; }
};

template<std::size_t N>
struct IdKeyHash {
    std::size_t operator()(const IdKey<N> &k) const noexcept
    {
        std::uint64_t h = 1469598103934665603ULL;
        for (std::uint32_t x : k.v)
            h = mix(h, x);
        return static_cast<std::size_t>(h);
    }
};

using ComboKey = IdKey<kDimCount + 1>; // dims + token kind

constexpr std::size_t kFactColumns = 14;
constexpr std::size_t kRowsPerInsert = 32;
using AiKey = IdKey<10>;

struct PartitionKey {
    std::uint32_t provider, account, source;
    std::int64_t periodStart;
    bool operator==(const PartitionKey &o) const
    {
        return provider == o.provider && account == o.account && source == o.source && periodStart == o.periodStart;
    }
};
struct PartitionKeyHash {
    std::size_t operator()(const PartitionKey &k) const noexcept
    {
        return static_cast<std::size_t>(
            mix(mix(mix(k.provider, k.account), k.source), static_cast<std::uint64_t>(k.periodStart)));
    }
};

struct PartitionInfo {
    std::uint32_t id = 0;
    std::int64_t periodEnd = 0;
    std::int64_t importId = 0;     // owner before this import (0 = new)
    std::string importHash;
    bool touched = false;
};

struct RollupKey {
    std::uint32_t partition, combo;
    std::int64_t day;
    bool operator==(const RollupKey &o) const { return partition == o.partition && combo == o.combo && day == o.day; }
};
struct RollupKeyHash {
    std::size_t operator()(const RollupKey &k) const noexcept { return mix(mix(k.partition, k.combo), static_cast<std::uint64_t>(k.day)); }
};
struct RollupSums {
    BigMoney billed = 0, effective = 0, list = 0;
    std::int64_t tokens = 0, requests = 0, rows = 0;
};

// Whole quantities (token counts) are stored as integers: fewer bytes, exact. `st`: SqliteStmt or COPY line.
template<class Statement> void bindQuantity(Statement &st, int index, double q)
{
    if (std::isnan(q))
        st.bindNull(index);
    else if (q == std::floor(q) && std::fabs(q) < 9.0e15)
        st.bind(index, static_cast<std::int64_t>(q));
    else
        st.bind(index, q);
}

inline std::string nowIso() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString(); }

} // namespace IngestDetail

struct Ingestor::State {
    using StringHash = IngestDetail::StringHash;
    using ComboKey = IngestDetail::ComboKey;
    using AiKey = IngestDetail::AiKey;
    using PartitionKey = IngestDetail::PartitionKey;
    using PartitionKeyHash = IngestDetail::PartitionKeyHash;
    using PartitionInfo = IngestDetail::PartitionInfo;
    using RollupKey = IngestDetail::RollupKey;
    using RollupKeyHash = IngestDetail::RollupKeyHash;
    using RollupSums = IngestDetail::RollupSums;
    template<std::size_t N>
    using IdKeyHash = IngestDetail::IdKeyHash<N>;

    ImportMeta meta;
    std::int64_t importId = 0;
    std::int64_t firstRow = 0;
    std::int64_t nextRow = 0;

    std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> dict;
    std::vector<std::pair<std::uint32_t, std::string>> newStrings;
    std::uint32_t nextString = 1;
    std::array<std::pair<std::string, std::uint32_t>, kDimCount> lastDim{};

    std::unordered_map<ComboKey, std::uint32_t, IdKeyHash<kDimCount + 1>> combos;
    std::vector<std::pair<std::uint32_t, ComboKey>> newCombos;
    std::uint32_t nextCombo = 1;
    ComboKey lastComboKey;
    std::uint32_t lastCombo = 0;

    std::unordered_map<AiKey, std::pair<std::uint32_t, TokenKind>, IdKeyHash<10>> aiCache;
    std::unordered_map<std::uint32_t, std::string> derivedModelText; ///< model id → text, models deriveAi found
    /// Endpoint, instance type, accelerator, model served (dict ids) of each new combination, in
    /// the order of newCombos (models/endpoints/endpointdecoder.h).
    std::vector<std::array<std::uint32_t, 4>> newComboEndpoints;
    std::unordered_map<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>> tagCache;
    std::unordered_map<std::uint32_t, double> unitCache;

    std::unordered_map<PartitionKey, PartitionInfo, PartitionKeyHash> partitions;
    std::uint32_t nextPartition = 1;
    std::uint32_t fallbackSource = 0;
    std::uint32_t overrideSource = 0;
    PartitionKey lastPartitionKey{0, 0, 0, INT64_MIN};
    PartitionInfo *lastPartition = nullptr;

    std::unordered_map<RollupKey, RollupSums, RollupKeyHash> rollups;

    std::int64_t rows = 0;
    SqliteStmt insertFact;
    SqliteStmt insertMany;
    bool copying = false; ///< a team store: the charges' COPY is open (Ingestor::insert)

    std::uint32_t intern(std::string_view s)
    {
        if (s.empty())
            return 0;
        auto it = dict.find(s);
        if (it != dict.end())
            return it->second;
        const std::uint32_t id = nextString++;
        dict.emplace(std::string(s), id);
        newStrings.emplace_back(id, std::string(s));
        return id;
    }

    std::uint32_t internDim(std::size_t d, std::string_view s)
    {
        auto &last = lastDim[d];
        if (last.first.size() == s.size() && IngestDetail::sameBytes(last.first.data(), s.data(), s.size()))
            return last.second;
        last.first.assign(s);
        last.second = intern(s);
        return last.second;
    }
};

} // namespace Cost
