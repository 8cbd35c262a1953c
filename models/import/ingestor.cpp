#include "import/ingestor.h"
#include "import/ingestorstate.h"

#include "domain/aidimensions.h"
#include "domain/timeparse.h"
#include "endpoints/endpointdecoder.h"

#include <charconv>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace Cost {

using namespace IngestDetail;

Ingestor::Ingestor(SqliteDb &db)
    : m_db(db)
{
}

Ingestor::~Ingestor()
{
    if (m_txn.isOpen())
        rollback();
}

namespace {
// The next batch number; inside a write transaction, so no two writers get the same one.
std::int64_t takeBatch(SqliteDb &db)
{
    const std::int64_t next = db.scalar("SELECT max(coalesce((SELECT max(batch) FROM import), 0),"
                                        " coalesce((SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'last_batch'), 0)) + 1",
                                        0);
    SqliteStmt st(db, "INSERT INTO setting(key, value) VALUES('last_batch', ?1)"
                      " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, std::string_view(std::to_string(next)));
    return next > 0 && st.exec() ? next : 0;
}
} // namespace

std::int64_t Ingestor::newBatch(SqliteDb &db)
{
    if (db.inTransaction())
        return takeBatch(db);
    if (!db.exec("BEGIN IMMEDIATE"))
        return 0;
    const std::int64_t batch = takeBatch(db);
    if (batch == 0 || !db.exec("COMMIT")) {
        db.exec("ROLLBACK");
        return 0;
    }
    return batch;
}

bool Ingestor::linkToBatch(SqliteDb &db, std::int64_t batch, const std::vector<std::int64_t> &importIds)
{
    SqliteStmt st(db, "INSERT INTO import_link(batch, import_id) VALUES(?1, ?2) ON CONFLICT DO NOTHING");
    for (const std::int64_t id : importIds) {
        st.bind(1, batch);
        st.bind(2, id);
        if (!st.exec())
            return false;
    }
    return true;
}

bool Ingestor::fail(const std::string &what)
{
    m_error = what + (m_db.error().empty() ? std::string() : ": " + m_db.error());
    if (m_db.error().find("disk I/O error") != std::string::npos || m_db.error().find("disk is full") != std::string::npos)
        m_error += " (is the disk full, or the store's folder not writable?)";
    return false;
}

bool Ingestor::begin(const ImportMeta &meta)
{
    m_error.clear();
    m_state = std::make_unique<State>();
    State &s = *m_state;
    s.meta = meta;
    if (!m_txn.begin())
        return fail("cannot start the import transaction");
    if (s.meta.batch == 0 && (s.meta.batch = takeBatch(m_db)) == 0)
        return fail("cannot number the import");

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
                            " p.import_id, CASE WHEN i.erased_by IS NULL THEN coalesce(i.content_hash, '') ELSE '' END FROM partition p"
                            " LEFT JOIN import i ON i.id = p.import_id");
        while (st.step()) {
            PartitionInfo info;
            info.id = static_cast<std::uint32_t>(st.int64(0));
            info.periodEnd = st.int64(5);
            info.importId = st.int64(6);
            info.importHash = std::string(st.text(7));
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
            const std::uint32_t modelId = s.intern(derived.model);
            if (modelId != 0)
                s.derivedModelText.emplace(modelId, derived.model);
            it = s.aiCache.emplace(ak, std::make_pair(modelId, derived.kind)).first;
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

    // What models/endpoints decodes from a new combination's dimensions, as dict ids: a function of
    // the dimensions, so derived once per combination.
    auto endpointIds = [&]() -> std::array<std::uint32_t, 4> {
        Endpoints::EndpointHints h;
        h.provider = r.dim(Dim::Provider);
        h.service = r.dim(Dim::Service);
        h.usageType = r.dim(Dim::UsageType);
        h.skuMeter = r.dim(Dim::SkuMeter);
        h.resourceId = r.dim(Dim::ResourceId);
        h.resourceName = r.dim(Dim::ResourceName);
        h.chargeDescription = r.dim(Dim::ChargeDescription);
        h.tags = r.dim(Dim::Tags);
        h.model = r.dim(Dim::Model);
        if (h.model.empty() && at(Dim::Model) != 0) {
            const auto text = s.derivedModelText.find(at(Dim::Model));
            if (text != s.derivedModelText.end())
                h.model = text->second;
        }
        const Endpoints::EndpointDerived e = Endpoints::deriveEndpoint(h);
        if (!e.any())
            return {};
        return {s.intern(e.endpoint), s.intern(e.instanceType), s.intern(e.accelerator), s.intern(e.servedModel)};
    };
    if (!(key == s.lastComboKey) || s.lastCombo == 0) {
        auto it = s.combos.find(key);
        if (it == s.combos.end()) {
            const std::uint32_t id = s.nextCombo++;
            it = s.combos.emplace(key, id).first;
            s.newCombos.emplace_back(id, key);
            s.newComboEndpoints.push_back(endpointIds());
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

namespace {
// One line of COPY's text format, filled through SqliteStmt's bind calls (the same values a team
// store's statement would send).
class CopyLine {
public:
    explicit CopyLine(std::string &out) : m_out(out) {}
    void bind(int index, std::int64_t v) { cell(index, std::to_string(v)); }
    void bind(int index, double v)
    {
        char buf[32];
        cell(index, std::string_view(buf, static_cast<std::size_t>(std::to_chars(buf, buf + sizeof buf, v).ptr - buf)));
    }
    void bindNull(int index) { cell(index, "\\N"); }
    void end() { m_out.back() = '\n'; }

private:
    // Cells come in column order; the fact table holds numbers only (nothing to escape).
    void cell(int, std::string_view text)
    {
        m_out += text;
        m_out += '\t';
    }
    std::string &m_out;
};
} // namespace

bool Ingestor::insert(const FactRow *rows, std::size_t count)
{
    State &s = *m_state;
    auto bindRow = [&s](auto &st, int base, const FactRow &f) {
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
    if (m_db.isPostgres()) { // a team store: one COPY for all the charges, streamed while parsing goes on
        if (!s.copying
            && !(s.copying = m_db.copyBegin("COPY fact(id, partition_id, combo_id, start, duration, billed, effective_delta,"
                                            " list_delta, contracted_delta, consumed, pricing_qty, tokens, requests, extras)"
                                            " FROM STDIN")))
            return fail("cannot store charges");
        std::string data;
        data.reserve(count * 64);
        for (std::size_t i = 0; i < count; ++i) {
            CopyLine line(data);
            bindRow(line, 0, rows[i]);
            line.end();
        }
        return m_db.copyPut(data) || fail("cannot store charges");
    }
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

bool Ingestor::endCopy()
{
    if (!m_state || !m_state->copying)
        return true;
    m_state->copying = false;
    return m_db.copyEnd() || fail("cannot store charges");
}

void Ingestor::rollback()
{
    if (m_state && m_state->copying) {
        m_state->copying = false;
        m_db.copyEnd(true);
    }
    if (m_state) {
        m_state->insertFact = SqliteStmt();
        m_state->insertMany = SqliteStmt();
    }
    m_txn.rollback();
}

} // namespace Cost
