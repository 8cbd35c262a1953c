#include "ingestor.h"

#include "aidimensions.h"
#include "allocation.h"
#include "timeparse.h"

#include <QDateTime>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace Cost {

namespace {

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
    std::int64_t importBatch = 0;
    std::string importHash;
    bool touched = false;
};

struct RollupKey {
    std::uint32_t partition, combo;
    std::int64_t day;
    bool operator==(const RollupKey &o) const { return partition == o.partition && combo == o.combo && day == o.day; }
};
struct RollupKeyHash {
    std::size_t operator()(const RollupKey &k) const noexcept
    {
        return static_cast<std::size_t>(mix(mix(k.partition, k.combo), static_cast<std::uint64_t>(k.day)));
    }
};
struct RollupSums {
    BigMoney billed = 0, effective = 0, list = 0;
    std::int64_t tokens = 0, requests = 0, rows = 0;
};

// Whole quantities (token counts) are stored as integers: fewer bytes, exact.
void bindQuantity(SqliteStmt &st, int index, double q)
{
    if (std::isnan(q))
        st.bindNull(index);
    else if (q == std::floor(q) && std::fabs(q) < 9.0e15)
        st.bind(index, static_cast<std::int64_t>(q));
    else
        st.bind(index, q);
}

std::string nowIso() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString(); }

} // namespace

struct Ingestor::State {
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
        if (last.first.size() == s.size() && sameBytes(last.first.data(), s.data(), s.size()))
            return last.second;
        last.first.assign(s);
        last.second = intern(s);
        return last.second;
    }
};

Ingestor::Ingestor(SqliteDb &db)
    : m_db(db)
{
}

Ingestor::~Ingestor()
{
    if (m_open)
        rollback();
}

std::int64_t Ingestor::newBatch(SqliteDb &db)
{
    return db.scalar("SELECT coalesce(max(batch), 0) + 1 FROM import", 1);
}

bool Ingestor::fail(const std::string &what)
{
    m_error = what + (m_db.error().empty() ? std::string() : ": " + m_db.error());
    return false;
}

bool Ingestor::begin(const ImportMeta &meta)
{
    m_error.clear();
    m_state = std::make_unique<State>();
    State &s = *m_state;
    s.meta = meta;
    if (!m_db.exec("BEGIN IMMEDIATE"))
        return fail("cannot start the import transaction");
    m_open = true;

    {
        SqliteStmt st(m_db, "SELECT id, s FROM dict");
        while (st.step()) {
            const auto id = static_cast<std::uint32_t>(st.int64(0));
            s.dict.emplace(std::string(st.text(1)), id);
            s.nextString = std::max(s.nextString, id + 1);
        }
    }
    {
        std::string sql = "SELECT id, token_kind";
        for (std::size_t i = 0; i < kDimCount; ++i)
            sql += std::string(", ") + std::string(dimColumn(static_cast<Dim>(i)));
        sql += " FROM combo";
        SqliteStmt st(m_db, sql);
        while (st.step()) {
            ComboKey key;
            for (std::size_t i = 0; i < kDimCount; ++i)
                key.v[i] = static_cast<std::uint32_t>(st.int64(static_cast<int>(i) + 2));
            key.v[kDimCount] = static_cast<std::uint32_t>(st.int64(1));
            const auto id = static_cast<std::uint32_t>(st.int64(0));
            s.combos.emplace(key, id);
            s.nextCombo = std::max(s.nextCombo, id + 1);
        }
    }
    {
        SqliteStmt st(m_db, "SELECT p.id, p.provider, p.billing_account, p.source, p.period_start, p.period_end,"
                            " p.import_id, i.batch, coalesce(i.content_hash, '') FROM partition p"
                            " LEFT JOIN import i ON i.id = p.import_id");
        while (st.step()) {
            PartitionInfo info;
            info.id = static_cast<std::uint32_t>(st.int64(0));
            info.periodEnd = st.int64(5);
            info.importId = st.int64(6);
            info.importBatch = st.int64(7);
            info.importHash = std::string(st.text(8));
            const PartitionKey key{static_cast<std::uint32_t>(st.int64(1)), static_cast<std::uint32_t>(st.int64(2)),
                                   static_cast<std::uint32_t>(st.int64(3)), st.int64(4)};
            s.partitions.emplace(key, info);
            s.nextPartition = std::max(s.nextPartition, info.id + 1);
        }
    }
    if (!meta.fallbackSource.empty())
        s.fallbackSource = s.intern(meta.fallbackSource);
    if (!meta.sourceOverride.empty())
        s.overrideSource = s.intern(meta.sourceOverride);

    SqliteStmt ins(m_db, "INSERT INTO import(batch, kind, path, started_at) VALUES(?1, ?2, ?3, ?4)");
    ins.bind(1, meta.batch);
    ins.bind(2, std::string_view(meta.kind));
    ins.bind(3, std::string_view(meta.path));
    ins.bind(4, std::string_view(nowIso()));
    if (!ins.exec())
        return fail("cannot record the import");
    s.importId = m_db.lastInsertRowid();
    s.firstRow = m_db.scalar("SELECT coalesce(max(id), 0) + 1 FROM fact", 1);
    s.nextRow = s.firstRow;
    const std::string insertSql = "INSERT INTO fact(id, partition_id, combo_id, start, duration, billed, effective_delta,"
                                  " list_delta, contracted_delta, consumed, pricing_qty, tokens, requests, extras) VALUES";
    auto valuesFor = [](std::size_t rowCount) {
        std::string v;
        for (std::size_t r = 0; r < rowCount; ++r) {
            v += r ? ",(" : "(";
            for (std::size_t c = 0; c < kFactColumns; ++c)
                v += (c ? ",?" : "?") + std::to_string(r * kFactColumns + c + 1);
            v += ')';
        }
        return v;
    };
    s.insertFact = SqliteStmt(m_db, insertSql + valuesFor(1));
    s.insertMany = SqliteStmt(m_db, insertSql + valuesFor(kRowsPerInsert));
    if (!s.insertFact.ok() || !s.insertMany.ok())
        return fail("cannot prepare the charge insert");
    return true;
}

void Ingestor::resolve(const Record &r, FactRow &out)
{
    State &s = *m_state;
    ComboKey key;
    for (std::size_t d = 0; d < kDimCount; ++d)
        key.v[d] = s.internDim(d, r.dims[d]);

    auto &v = key.v;
    auto at = [&](Dim d) -> std::uint32_t & { return v[static_cast<std::size_t>(d)]; };
    TokenKind kind = r.tokenKind;
    if (at(Dim::Model) == 0 || kind == TokenKind::None) {
        const AiKey ak{{at(Dim::SkuPriceDetails), at(Dim::SkuMeter), at(Dim::SkuId), at(Dim::UsageType),
                        at(Dim::ResourceName), at(Dim::ChargeDescription), at(Dim::Service), at(Dim::ServiceCategory),
                        at(Dim::ConsumedUnit), at(Dim::PricingUnit)}};
        auto it = s.aiCache.find(ak);
        if (it == s.aiCache.end()) {
            AiHints h;
            h.skuPriceDetails = r.dim(Dim::SkuPriceDetails);
            h.skuMeter = r.dim(Dim::SkuMeter);
            h.skuId = r.dim(Dim::SkuId);
            h.usageType = r.dim(Dim::UsageType);
            h.resourceName = r.dim(Dim::ResourceName);
            h.chargeDescription = r.dim(Dim::ChargeDescription);
            h.serviceName = r.dim(Dim::Service);
            h.serviceCategory = r.dim(Dim::ServiceCategory);
            h.consumedUnit = r.dim(Dim::ConsumedUnit);
            h.pricingUnit = r.dim(Dim::PricingUnit);
            const AiDerived derived = deriveAi(h);
            it = s.aiCache.emplace(ak, std::make_pair(s.intern(derived.model), derived.kind)).first;
        }
        if (at(Dim::Model) == 0)
            at(Dim::Model) = it->second.first;
        if (kind == TokenKind::None)
            kind = it->second.second;
    }
    if (at(Dim::Feature) == 0 && at(Dim::Team) == 0 && at(Dim::Tags) != 0) {
        auto it = s.tagCache.find(at(Dim::Tags));
        if (it == s.tagCache.end()) {
            std::string feature, team;
            featureTeamFromTags(r.dim(Dim::Tags), feature, team);
            it = s.tagCache.emplace(at(Dim::Tags), std::make_pair(s.intern(feature), s.intern(team))).first;
        }
        at(Dim::Feature) = it->second.first;
        at(Dim::Team) = it->second.second;
    }
    v[kDimCount] = static_cast<std::uint32_t>(kind);

    if (!(key == s.lastComboKey) || s.lastCombo == 0) {
        auto it = s.combos.find(key);
        if (it == s.combos.end()) {
            const std::uint32_t id = s.nextCombo++;
            it = s.combos.emplace(key, id).first;
            s.newCombos.emplace_back(id, key);
        }
        s.lastComboKey = key;
        s.lastCombo = it->second;
    }

    PartitionKey pk{at(Dim::Provider), at(Dim::BillingAccount), 0, r.billingPeriodStart};
    if (s.overrideSource != 0)
        pk = PartitionKey{0, 0, s.overrideSource, r.billingPeriodStart};
    else if (pk.provider == 0 && pk.account == 0)
        pk.source = s.fallbackSource;
    if (!(pk == s.lastPartitionKey) || !s.lastPartition) {
        auto it = s.partitions.find(pk);
        if (it == s.partitions.end()) {
            PartitionInfo info;
            info.id = s.nextPartition++;
            info.periodEnd = r.billingPeriodEnd;
            it = s.partitions.emplace(pk, info).first;
        }
        it->second.touched = true;
        s.lastPartitionKey = pk;
        s.lastPartition = &it->second;
    }

    out.partition = s.lastPartition->id;
    out.combo = s.lastCombo;
    out.extras = r.extras.empty() ? 0 : s.intern(r.extras);
    out.amountPresent = r.amountPresent;
    out.start = r.chargeStart;
    out.end = r.chargeEnd;
    out.amounts = r.amounts;
    out.consumed = r.consumedQuantity;
    out.pricing = r.pricingQuantity;
    out.requests = r.requests;
    out.tokens = r.tokens;
    if (out.tokens < 0 && kind != TokenKind::None) {
        for (auto [unitDim, qty] : {std::pair{Dim::ConsumedUnit, r.consumedQuantity}, std::pair{Dim::PricingUnit, r.pricingQuantity}}) {
            const std::uint32_t unit = at(unitDim);
            if (unit == 0 || std::isnan(qty))
                continue;
            auto it = s.unitCache.find(unit);
            if (it == s.unitCache.end())
                it = s.unitCache.emplace(unit, tokenUnitMultiplier(r.dim(unitDim))).first;
            if (it->second > 0) {
                out.tokens = std::llround(qty * it->second);
                break;
            }
        }
    }

    RollupSums &sum = s.rollups[RollupKey{out.partition, out.combo, dayOf(out.start)}];
    const Money billed = r.amount(Amount::Billed);
    sum.billed += billed;
    sum.effective += r.has(Amount::Effective) ? r.amount(Amount::Effective) : billed;
    sum.list += r.has(Amount::List) ? r.amount(Amount::List) : billed;
    sum.tokens += out.tokens > 0 ? out.tokens : 0;
    sum.requests += out.requests > 0 ? out.requests : 0;
    ++sum.rows;
    ++s.rows;
}

bool Ingestor::insert(const FactRow *rows, std::size_t count)
{
    State &s = *m_state;
    auto bindRow = [&s](SqliteStmt &st, int base, const FactRow &f) {
        st.bind(base + 1, s.nextRow++);
        st.bind(base + 2, static_cast<std::int64_t>(f.partition));
        st.bind(base + 3, static_cast<std::int64_t>(f.combo));
        st.bind(base + 4, f.start);
        st.bind(base + 5, f.end - f.start);
        const Money billed = f.amounts[0];
        st.bind(base + 6, billed);
        for (std::size_t a = 1; a < kAmountCount; ++a) {
            if ((f.amountPresent >> a) & 1U)
                st.bind(base + 6 + static_cast<int>(a), f.amounts[a] - billed);
            else
                st.bindNull(base + 6 + static_cast<int>(a));
        }
        bindQuantity(st, base + 10, f.consumed);
        bindQuantity(st, base + 11, f.pricing);
        if (f.tokens >= 0)
            st.bind(base + 12, f.tokens);
        else
            st.bindNull(base + 12);
        if (f.requests >= 0)
            st.bind(base + 13, f.requests);
        else
            st.bindNull(base + 13);
        if (f.extras)
            st.bind(base + 14, static_cast<std::int64_t>(f.extras));
        else
            st.bindNull(base + 14);
    };
    std::size_t i = 0;
    // Many rows per statement: fewer VDBE round trips per row.
    for (; i + kRowsPerInsert <= count; i += kRowsPerInsert) {
        for (std::size_t r = 0; r < kRowsPerInsert; ++r)
            bindRow(s.insertMany, static_cast<int>(r * kFactColumns), rows[i + r]);
        if (!s.insertMany.exec())
            return fail("cannot store charge: " + s.insertMany.error());
    }
    for (; i < count; ++i) {
        bindRow(s.insertFact, 0, rows[i]);
        if (!s.insertFact.exec())
            return fail("cannot store charge: " + s.insertFact.error());
    }
    return true;
}

bool Ingestor::commit(std::uint64_t contentHash, std::int64_t bytes, IngestResult &result)
{
    State &s = *m_state;
    char hashText[17];
    std::snprintf(hashText, sizeof hashText, "%016llx", static_cast<unsigned long long>(contentHash));
    const std::string hash = contentHash ? std::string(hashText) : std::string();
    result = IngestResult{};
    result.importId = s.importId;

    // An identical re-export of what is already stored: leave the store as it is.
    bool anyTouched = false;
    bool allIdentical = !hash.empty();
    for (const auto &[key, info] : s.partitions) {
        if (!info.touched)
            continue;
        anyTouched = true;
        if (info.importId == 0 || info.importHash != hash)
            allIdentical = false;
    }
    if (anyTouched && allIdentical) {
        result.skipped = s.rows;
        rollback();
        return true;
    }

    {
        SqliteStmt st(m_db, "INSERT INTO dict(id, s) VALUES(?1, ?2)");
        for (const auto &[id, text] : s.newStrings) {
            st.bind(1, static_cast<std::int64_t>(id));
            st.bind(2, std::string_view(text));
            if (!st.exec())
                return fail("cannot store dictionary");
        }
    }
    {
        std::string sql = "INSERT INTO combo(id, token_kind";
        std::string params = "?1, ?2";
        for (std::size_t i = 0; i < kDimCount; ++i) {
            sql += std::string(", ") + std::string(dimColumn(static_cast<Dim>(i)));
            params += ", ?" + std::to_string(i + 3);
        }
        SqliteStmt st(m_db, sql + ") VALUES(" + params + ")");
        for (const auto &[id, key] : s.newCombos) {
            st.bind(1, static_cast<std::int64_t>(id));
            st.bind(2, static_cast<std::int64_t>(key.v[kDimCount]));
            for (std::size_t i = 0; i < kDimCount; ++i)
                st.bind(static_cast<int>(i) + 3, static_cast<std::int64_t>(key.v[i]));
            if (!st.exec())
                return fail("cannot store combination");
        }
    }
    {
        std::vector<std::uint32_t> ids;
        ids.reserve(s.newCombos.size());
        for (const auto &entry : s.newCombos)
            ids.push_back(entry.first);
        std::string allocError;
        if (!ids.empty() && !Allocation::allocate(m_db, &ids, allocError))
            return fail("cannot allocate new charges: " + allocError);
    }
    {
        SqliteStmt ranges(m_db, "SELECT first_row, last_row FROM partition_rows WHERE partition_id = ?1");
        SqliteStmt delFacts(m_db, "DELETE FROM fact WHERE id BETWEEN ?1 AND ?2 AND partition_id = ?3");
        SqliteStmt delRanges(m_db, "DELETE FROM partition_rows WHERE partition_id = ?1");
        SqliteStmt delRollup(m_db, "DELETE FROM rollup_daily WHERE partition_id = ?1");
        SqliteStmt upsert(m_db, "INSERT INTO partition(id, provider, billing_account, source, period_start, period_end,"
                                " import_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET"
                                " import_id = excluded.import_id, period_end = max(coalesce(period_end, 0), excluded.period_end)");
        SqliteStmt addRange(m_db, "INSERT INTO partition_rows(partition_id, import_id, first_row, last_row) VALUES(?1, ?2, ?3, ?4)");
        for (const auto &[key, info] : s.partitions) {
            if (!info.touched)
                continue;
            const auto pid = static_cast<std::int64_t>(info.id);
            if (info.importId != 0 && info.importBatch != s.meta.batch) {
                ranges.bind(1, pid);
                std::vector<std::pair<std::int64_t, std::int64_t>> spans;
                while (ranges.step())
                    spans.emplace_back(ranges.int64(0), ranges.int64(1));
                ranges.reset();
                for (const auto &[a, b] : spans) {
                    delFacts.bind(1, a);
                    delFacts.bind(2, b);
                    delFacts.bind(3, pid);
                    if (!delFacts.exec())
                        return fail("cannot replace restated charges");
                    result.replaced += m_db.changes();
                }
                delRanges.bind(1, pid);
                delRollup.bind(1, pid);
                if (!delRanges.exec() || !delRollup.exec())
                    return fail("cannot replace restated rollups");
            }
            upsert.bind(1, pid);
            upsert.bind(2, static_cast<std::int64_t>(key.provider));
            upsert.bind(3, static_cast<std::int64_t>(key.account));
            upsert.bind(4, static_cast<std::int64_t>(key.source));
            upsert.bind(5, key.periodStart);
            upsert.bind(6, info.periodEnd);
            upsert.bind(7, s.importId);
            if (!upsert.exec())
                return fail("cannot store partition");
            if (s.nextRow > s.firstRow) {
                addRange.bind(1, pid);
                addRange.bind(2, s.importId);
                addRange.bind(3, s.firstRow);
                addRange.bind(4, s.nextRow - 1);
                if (!addRange.exec())
                    return fail("cannot store partition rows");
            }
        }
    }
    {
        SqliteStmt st(m_db, "INSERT INTO rollup_daily(partition_id, day, combo_id, billed, effective, list, tokens, requests,"
                            " rows) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9) ON CONFLICT DO UPDATE SET"
                            " billed = billed + excluded.billed, effective = effective + excluded.effective,"
                            " list = list + excluded.list, tokens = tokens + excluded.tokens,"
                            " requests = requests + excluded.requests, rows = rows + excluded.rows");
        for (const auto &[key, sum] : s.rollups) {
            st.bind(1, static_cast<std::int64_t>(key.partition));
            st.bind(2, key.day);
            st.bind(3, static_cast<std::int64_t>(key.combo));
            st.bind(4, static_cast<std::int64_t>(sum.billed));
            st.bind(5, static_cast<std::int64_t>(sum.effective));
            st.bind(6, static_cast<std::int64_t>(sum.list));
            st.bind(7, sum.tokens);
            st.bind(8, sum.requests);
            st.bind(9, sum.rows);
            if (!st.exec())
                return fail("cannot store daily rollup");
        }
    }
    {
        SqliteStmt st(m_db, "UPDATE import SET content_hash = ?1, bytes = ?2, rows = ?3, replaced = ?4, finished_at = ?5"
                            " WHERE id = ?6");
        if (hash.empty())
            st.bindNull(1);
        else
            st.bind(1, std::string_view(hash));
        st.bind(2, bytes);
        st.bind(3, s.rows);
        st.bind(4, result.replaced);
        st.bind(5, std::string_view(nowIso()));
        st.bind(6, s.importId);
        if (!st.exec())
            return fail("cannot finish the import record");
    }
    s.insertFact = SqliteStmt();
    s.insertMany = SqliteStmt();
    if (!m_db.exec("COMMIT"))
        return fail("cannot commit the import");
    m_open = false;
    result.rows = s.rows;
    return true;
}

void Ingestor::rollback()
{
    if (m_state) {
        m_state->insertFact = SqliteStmt();
        m_state->insertMany = SqliteStmt();
    }
    if (m_open)
        m_db.exec("ROLLBACK");
    m_open = false;
}

} // namespace Cost
