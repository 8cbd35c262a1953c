#include "export/focusexport.h"

#include "allocation/allocation.h"
#include "analytics/analyticssql.h"
#include "domain/allocpart.h"
#include "domain/timeparse.h"
#include "export/focusrowwriter.h"

#include <QSaveFile>
#include <QString>

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>

namespace Export {

namespace {

using Extras = std::vector<std::pair<std::string, std::string>>;
using Allocation::kShareScale;
constexpr std::size_t kFlushBytes = 1 << 20;

// One allocation part of a combination that the request selects.
struct Part {
    std::string feature;
    std::string team;
    std::int64_t before = 0;
    std::int64_t after = kShareScale;
};

// A combination with charges to export: its prepared row text and the parts selected.
struct ComboOut {
    std::size_t handle = 0;
    bool prepared = false;
    bool split = false; ///< the allocation splits it into more than one part (selected or not)
    std::vector<Part> parts;
};

// What the rollup adds up per (partition, day, combination), running over the day's charges:
// a part of charge i is alloc(sum through i) − alloc(sum before i), so the parts of each charge
// add up to it and the parts of a day add up to what the analytics' alloc() gives for that day.
struct Running {
    Cost::Money billed = 0, effective = 0, list = 0, contracted = 0;
    std::int64_t tokens = 0, requests = 0;
};

std::int64_t piece(std::int64_t sumBefore, std::int64_t sumAfter, const Part &p)
{
    return Analytics::allocPart(sumAfter, p.before, p.after) - Analytics::allocPart(sumBefore, p.before, p.after);
}

// Texts of dictionary ids, read once each.
class Dict {
public:
    explicit Dict(Cost::SqliteDb &db) : m_stmt(db, "SELECT s FROM dict WHERE id = ?1") {}
    const std::string &text(std::int64_t id)
    {
        static const std::string kEmpty;
        if (id == 0)
            return kEmpty;
        auto it = m_cache.find(id);
        if (it == m_cache.end()) {
            std::string s;
            m_stmt.bind(1, id);
            if (m_stmt.step())
                s = std::string(m_stmt.text(0));
            m_stmt.reset();
            it = m_cache.emplace(id, std::move(s)).first;
        }
        return it->second;
    }

private:
    Cost::SqliteStmt m_stmt;
    std::unordered_map<std::int64_t, std::string> m_cache;
};

Extras parseExtras(const std::string &json)
{
    Extras out;
    const auto j = nlohmann::json::parse(json, nullptr, false);
    if (!j.is_object())
        return out;
    for (auto it = j.begin(); it != j.end(); ++it)
        out.emplace_back(it.key(), it->is_string() ? it->get<std::string>() : it->dump());
    return out;
}

// A combination's static parts (day -1) or its parts of one telemetry-split UTC day.
using ComboDay = std::pair<std::int64_t, std::int64_t>;

// The selected (combination, day) entries and parts: every part, filtered as `burnrate totals
// --filter` filters; `splitDays` gets every telemetry-split (combination, day), selected or not.
bool selectParts(Cost::SqliteDb &db, Dict &dict, const FocusExportRequest &req, std::map<ComboDay, ComboOut> &combos,
                 std::set<ComboDay> &splitDays, std::string &error)
{
    Cost::SqliteStmt days(db, "SELECT DISTINCT combo_id, day FROM combo_allocation WHERE day >= 0");
    while (days.step())
        splitDays.emplace(days.int64(0), days.int64(1));
    std::string sql = "SELECT c.id, coalesce(a.day, -1), coalesce(a.feature, c.feature), coalesce(a.team, c.team),"
                      " coalesce(a.cum_before, 0), coalesce(a.cum_after, 1000000),"
                      " (SELECT count(*) FROM combo_allocation x WHERE x.combo_id = c.id AND x.day = a.day)"
                      " FROM combo c LEFT JOIN combo_allocation a ON a.combo_id = c.id WHERE 1 = 1";
    std::vector<std::string> binds;
    if (!Analytics::Sql::filterClause(req.filters, sql, binds, error))
        return false;
    sql += " ORDER BY c.id, a.day, a.part";
    Cost::SqliteStmt st;
    if (!Analytics::Sql::prepare(db, sql, binds, st, error))
        return false;
    while (st.step()) {
        ComboOut &c = combos[{st.int64(0), st.int64(1)}];
        c.split = st.int64(6) > 1;
        c.parts.push_back({dict.text(st.int64(2)), dict.text(st.int64(3)), st.int64(4), st.int64(5)});
    }
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    return true;
}

ComboText loadCombo(Cost::SqliteDb &db, Dict &dict, std::int64_t id)
{
    std::string sql = "SELECT token_kind";
    for (std::size_t d = 0; d < Cost::kDimCount; ++d)
        sql += std::string(", ") + std::string(Cost::dimColumn(static_cast<Cost::Dim>(d)));
    Cost::SqliteStmt st(db, sql + " FROM combo WHERE id = ?1");
    st.bind(1, id);
    ComboText out;
    if (st.step()) {
        out.kind = static_cast<Cost::TokenKind>(st.int64(0));
        for (std::size_t d = 0; d < Cost::kDimCount; ++d)
            out.dims[d] = dict.text(st.int64(static_cast<int>(d) + 1));
    }
    return out;
}

// Names of the verbatim-kept columns in the range's extras, in first-seen order.
std::vector<std::string> extraNames(Cost::SqliteDb &db, Dict &dict, std::int64_t lo, std::int64_t hi)
{
    std::vector<std::string> names;
    std::set<std::string> seen;
    Cost::SqliteStmt st(db, "SELECT DISTINCT extras FROM fact WHERE extras IS NOT NULL AND start >= ?1 AND start < ?2");
    st.bind(1, lo);
    st.bind(2, hi);
    while (st.step())
        for (auto &[key, value] : parseExtras(dict.text(st.int64(0))))
            if (seen.insert(key).second)
                names.push_back(key);
    return names;
}

// Billing periods per partition: start, and end (the next month when the store has none).
std::unordered_map<std::int64_t, std::pair<std::int64_t, std::int64_t>> periods(Cost::SqliteDb &db)
{
    std::unordered_map<std::int64_t, std::pair<std::int64_t, std::int64_t>> out;
    Cost::SqliteStmt st(db, "SELECT id, period_start, period_end FROM partition");
    while (st.step()) {
        const std::int64_t start = st.int64(1);
        std::int64_t end = st.isNull(2) ? 0 : st.int64(2);
        if (end <= start) {
            int y;
            unsigned m, d;
            Cost::civilFromDays(Cost::dayOf(start), y, m, d);
            end = Cost::daysFromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) * 86400;
        }
        out[st.int64(0)] = {start, end};
    }
    return out;
}

class Output {
public:
    explicit Output(const std::string &path) : m_file(QString::fromStdString(path)), m_path(path) {}
    bool open(std::string &error)
    {
        if (m_file.open(QIODevice::WriteOnly))
            return true;
        error = "cannot write " + m_path + ": " + m_file.errorString().toStdString();
        return false;
    }
    std::string &buffer() { return m_buffer; }
    bool flush(std::string &error, bool force = false)
    {
        if (!force && m_buffer.size() < kFlushBytes)
            return true;
        if (!m_buffer.empty() && m_file.write(m_buffer.data(), static_cast<qint64>(m_buffer.size())) != qint64(m_buffer.size())) {
            error = "cannot write " + m_path + ": " + m_file.errorString().toStdString();
            return false;
        }
        m_buffer.clear();
        return true;
    }
    bool commit(std::string &error)
    {
        if (!flush(error, true))
            return false;
        if (m_file.commit())
            return true;
        error = "cannot write " + m_path + ": " + m_file.errorString().toStdString();
        return false;
    }
    void cancel() { m_file.cancelWriting(); }

private:
    QSaveFile m_file;
    std::string m_path;
    std::string m_buffer;
};

} // namespace

bool exportFocus(Cost::SqliteDb &db, const std::string &path, const FocusExportRequest &req,
                 const FocusExportProgress &progress, const std::atomic_bool *cancel, FocusExportResult &result,
                 std::string &error)
{
    result = FocusExportResult{};
    const std::int64_t lo = req.fromDay ? *req.fromDay * 86400 : std::numeric_limits<std::int64_t>::min();
    const std::int64_t hi = req.toDay ? (*req.toDay + 1) * 86400 : std::numeric_limits<std::int64_t>::max();
    Output out(path);
    if (!out.open(error))
        return false;
    const bool ownTransaction = !db.inTransaction();
    if (ownTransaction && !db.exec("BEGIN")) { // one snapshot for every query below
        error = db.error();
        return false;
    }
    struct EndRead {
        Cost::SqliteDb &db;
        bool own;
        ~EndRead()
        {
            if (own)
                db.exec("COMMIT");
        }
    } endRead{db, ownTransaction};

    Dict dict(db);
    std::map<ComboDay, ComboOut> combos;
    std::set<ComboDay> splitDays;
    if (!selectParts(db, dict, req, combos, splitDays, error))
        return false;
    FocusRowWriter writer(extraNames(db, dict, lo, hi), Analytics::Sql::comboCurrency(db));
    result.columns = static_cast<std::int64_t>(writer.columns().size());
    writer.appendHeader(out.buffer());
    const auto periodOf = periods(db);

    Cost::SqliteStmt count(db, "SELECT count(*) FROM fact WHERE start >= ?1 AND start < ?2");
    count.bind(1, lo);
    count.bind(2, hi);
    const std::int64_t total = count.step() ? count.int64(0) : 0;

    Cost::SqliteStmt st(db, "SELECT partition_id, combo_id, start, duration, billed, effective_delta, list_delta,"
                            " contracted_delta, consumed, pricing_qty, tokens, requests, extras FROM fact"
                            " WHERE start >= ?1 AND start < ?2 ORDER BY start, id");
    if (!st.ok()) {
        error = st.error();
        return false;
    }
    st.bind(1, lo);
    st.bind(2, hi);
    const auto stop = [&] {
        out.cancel();
        result.cancelled = true;
        return true;
    };
    if (cancel && cancel->load())
        return stop();
    std::map<std::tuple<std::int64_t, std::int64_t>, Running> running; // (partition, combo) of the current day
    std::int64_t runningDay = std::numeric_limits<std::int64_t>::min();
    std::unordered_map<std::int64_t, std::shared_ptr<const Extras>> extrasCache;
    std::int64_t scanned = 0;
    int lastPercent = -1;
    while (st.step()) {
        if ((++scanned & 4095) == 0) {
            if (cancel && cancel->load())
                return stop();
            if (!out.flush(error))
                return false;
            const int percent = total > 0 ? static_cast<int>(100 * scanned / total) : 100;
            if (progress && percent != lastPercent)
                progress(percent);
            lastPercent = percent;
        }
        const std::int64_t comboId = st.int64(1), chargeDay = Cost::dayOf(st.int64(2));
        const auto combo = combos.find({comboId, splitDays.count({comboId, chargeDay}) ? chargeDay : -1});
        if (combo == combos.end())
            continue; // the filters leave it out
        ComboOut &c = combo->second;
        if (!c.prepared) {
            c.handle = writer.prepare(loadCombo(db, dict, comboId));
            c.prepared = true;
        }
        ChargeRow row;
        const std::int64_t partition = st.int64(0);
        row.start = st.int64(2);
        row.end = row.start + st.int64(3);
        const auto period = periodOf.find(partition);
        if (period != periodOf.end())
            std::tie(row.periodStart, row.periodEnd) = period->second;
        const Cost::Money billed = st.int64(4);
        const Cost::Money effective = st.isNull(5) ? billed : billed + st.int64(5);
        const Cost::Money list = st.isNull(6) ? billed : billed + st.int64(6);
        const Cost::Money contracted = st.isNull(7) ? list : billed + st.int64(7);
        const double consumed = st.isNull(8) ? NAN : st.real(8);
        const double pricing = st.isNull(9) ? NAN : st.real(9);
        const std::int64_t tokens = st.isNull(10) ? -1 : st.int64(10);
        const std::int64_t requests = st.isNull(11) ? -1 : st.int64(11);
        std::shared_ptr<const Extras> extras;
        if (!st.isNull(12)) {
            const std::int64_t id = st.int64(12);
            auto it = extrasCache.find(id);
            if (it == extrasCache.end()) {
                if (extrasCache.size() > 4096)
                    extrasCache.clear();
                it = extrasCache.emplace(id, std::make_shared<const Extras>(parseExtras(dict.text(id)))).first;
            }
            extras = it->second;
        }
        row.extras = extras.get();
        ++result.charges;
        if (!c.split) {
            const Part &p = c.parts.front();
            row.billed = billed;
            row.effective = effective;
            row.list = list;
            row.contracted = contracted;
            row.consumed = consumed;
            row.pricing = pricing;
            row.tokens = tokens;
            row.requests = requests;
            row.feature = p.feature;
            row.team = p.team;
            writer.appendRow(c.handle, row, out.buffer());
            ++result.rows;
            continue;
        }
        const std::int64_t day = Cost::dayOf(row.start);
        if (day != runningDay) {
            running.clear();
            runningDay = day;
        }
        Running &sum = running[{partition, comboId}];
        const Running before = sum;
        sum.billed += billed;
        sum.effective += effective;
        sum.list += list;
        sum.contracted += contracted;
        sum.tokens += tokens > 0 ? tokens : 0;
        sum.requests += requests > 0 ? requests : 0;
        ++result.splitCharges;
        row.split = true;
        for (const Part &p : c.parts) {
            const double share = static_cast<double>(p.after - p.before) / static_cast<double>(kShareScale);
            row.billed = piece(before.billed, sum.billed, p);
            row.effective = piece(before.effective, sum.effective, p);
            row.list = piece(before.list, sum.list, p);
            row.contracted = piece(before.contracted, sum.contracted, p);
            row.tokens = tokens < 0 ? -1 : piece(before.tokens, sum.tokens, p);
            row.requests = requests < 0 ? -1 : piece(before.requests, sum.requests, p);
            row.consumed = consumed * share;
            row.pricing = pricing * share;
            row.feature = p.feature;
            row.team = p.team;
            writer.appendRow(c.handle, row, out.buffer());
            ++result.rows;
        }
    }
    if (!st.error().empty()) {
        out.cancel();
        error = st.error();
        return false;
    }
    if (!out.commit(error))
        return false;
    if (progress)
        progress(100);
    return true;
}

} // namespace Export
