#include "analytics/freshness.h"

#include "analytics/analyticssql.h"
#include "domain/timeparse.h"

#include <algorithm>
#include <cctype>
#include <tuple>
#include <limits>

// Where completeness comes from. A source's data is complete up to the earlier of
//  - the end of its newest charge (of at most a day: a monthly fee says nothing about how far the
//    usage goes): a file that stops at 14:20 is complete to 14:20, so its 14:00 hour is partial;
//  - the time its newest data was fetched or imported, less the provider's publication lag for
//    syncs: an hourly bucket fetched at 14:30 ends at 15:00 but holds half an hour, and a cloud
//    billing export fills the last day in over the next day.
// A series is complete up to the earliest of its sources that are still arriving. A source whose
// data ends more than kCurrentWindow before the newest source's is read as finished (an old file,
// a provider no longer used), not as late, and so is one whose data covers its billing period to
// the end: neither holds the others back. Spend after a finished source's end is what the other
// sources say it is.

namespace Analytics {

namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;
constexpr int kRecentDays = 35; // sources that fed a series in its last five weeks

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// The end of the newest charge of `partitions` that starts on `day` (of at most a day if there is
// one, else of any length) and its provider: a connector's partitions do not name one.
std::pair<std::int64_t, std::string> newestCharge(Cost::SqliteDb &db, const std::vector<std::int64_t> &partitions, std::int64_t day)
{
    std::string in;
    for (std::int64_t id : partitions)
        in += (in.empty() ? "" : ",") + std::to_string(id);
    for (const char *shortOnly : {" AND f.duration <= 86400", ""}) {
        Cost::SqliteStmt st(db, "SELECT f.start + f.duration, coalesce((SELECT s FROM dict WHERE id = c.provider), '')"
                                " FROM fact f JOIN combo c ON c.id = f.combo_id WHERE f.start >= ?1 AND f.start < ?2"
                                + std::string(shortOnly) + " AND f.partition_id IN (" + in + ") ORDER BY 1 DESC LIMIT 1");
        st.bind(1, day * kDay);
        st.bind(2, (day + 1) * kDay);
        if (st.step())
            return {st.int64(0), std::string(st.text(1))};
    }
    return {(day + 1) * kDay, std::string()};
}

} // namespace

std::int64_t Freshness::providerLag(const std::string &provider)
{
    // Usage APIs publish within minutes to an hour; cloud billing exports (Cost Explorer, Cost
    // Management, the BigQuery export) fill a day in over the next day.
    const std::string p = lower(provider);
    for (const char *cloud : {"aws", "amazon", "microsoft", "azure", "google", "gcp"})
        if (p.find(cloud) != std::string::npos)
            return kDay;
    return kHour;
}

std::int64_t Freshness::completeBucketEnd(std::int64_t completeUntil, std::int64_t step)
{
    return completeUntil - ((completeUntil % step) + step) % step;
}

bool Freshness::load(Cost::SqliteDb &db, std::string &error)
{
    m_sources.clear();
    m_partitionSource.clear();
    Cost::SqliteStmt st(db, "SELECT p.id, coalesce((SELECT s FROM dict WHERE id = p.source), ''),"
                            " coalesce((SELECT s FROM dict WHERE id = p.provider), ''), p.period_end, coalesce(i.kind, ''),"
                            " CAST(strftime('%s', i.started_at) AS INTEGER), d.last_day"
                            " FROM (SELECT partition_id, max(day) AS last_day FROM rollup_daily GROUP BY partition_id) d"
                            " JOIN partition p ON p.id = d.partition_id LEFT JOIN import i ON i.id = p.import_id");
    struct Part {
        std::int64_t id, periodEnd, importedAt, lastDay;
        std::string provider, kind;
    };
    std::map<std::string, std::vector<Part>> bySource;
    while (st.step()) {
        bySource[std::string(st.text(1))].push_back({st.int64(0), st.isNull(3) ? 0 : st.int64(3),
                                                     st.isNull(5) ? 0 : st.int64(5), st.int64(6),
                                                     std::string(st.text(2)), std::string(st.text(4))});
    }
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    for (const auto &[source, parts] : bySource) {
        SourceFreshness f;
        f.source = source;
        std::int64_t lastDay = std::numeric_limits<std::int64_t>::min();
        for (const Part &p : parts)
            lastDay = std::max(lastDay, p.lastDay);
        std::vector<std::int64_t> newest;
        std::int64_t periodEnd = 0;
        for (const Part &p : parts) {
            f.importedAt = std::max(f.importedAt, p.importedAt);
            if (p.lastDay != lastDay)
                continue;
            newest.push_back(p.id);
            periodEnd = std::max(periodEnd, p.periodEnd);
            f.provider = p.provider;
            f.synced = f.synced || p.kind == "sync";
        }
        std::string provider;
        std::tie(f.dataEnd, provider) = newestCharge(db, newest, lastDay);
        if (f.provider.empty())
            f.provider = provider;
        f.lag = f.synced ? providerLag(f.provider) : 0;
        f.completeUntil = f.importedAt > 0 ? std::min(f.dataEnd, f.importedAt - f.lag) : f.dataEnd;
        f.closed = periodEnd > 0 && f.completeUntil >= periodEnd;
        const std::size_t index = m_sources.size();
        for (const Part &p : parts)
            m_partitionSource[p.id] = index;
        m_sources.push_back(std::move(f));
    }
    return true;
}

std::int64_t Freshness::dataEnd() const
{
    std::int64_t end = 0;
    for (const SourceFreshness &s : m_sources)
        end = std::max(end, s.dataEnd);
    return end;
}

std::int64_t Freshness::combine(const std::vector<std::size_t> &sources) const
{
    if (sources.empty())
        return completeUntil();
    std::int64_t newest = std::numeric_limits<std::int64_t>::min();
    for (std::size_t i : sources)
        newest = std::max(newest, m_sources[i].completeUntil);
    std::int64_t held = newest;
    for (std::size_t i : sources) {
        const SourceFreshness &s = m_sources[i];
        if (!s.closed && s.completeUntil >= newest - kCurrentWindow)
            held = std::min(held, s.completeUntil);
    }
    return held;
}

std::int64_t Freshness::completeUntil() const
{
    if (m_sources.empty())
        return 0;
    std::vector<std::size_t> all(m_sources.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = i;
    return combine(all);
}

std::int64_t Freshness::completeUntilOf(const std::vector<std::int64_t> &partitionIds) const
{
    std::vector<std::size_t> sources;
    for (std::int64_t id : partitionIds) {
        const auto it = m_partitionSource.find(id);
        if (it != m_partitionSource.end() && std::find(sources.begin(), sources.end(), it->second) == sources.end())
            sources.push_back(it->second);
    }
    return combine(sources);
}

const SourceFreshness *Freshness::sourceOf(std::int64_t partitionId) const
{
    const auto it = m_partitionSource.find(partitionId);
    return it == m_partitionSource.end() ? nullptr : &m_sources[it->second];
}

bool seriesCompleteUntil(Cost::SqliteDb &db, const Freshness &freshness, const std::string &dimension,
                         const std::vector<Filter> &filters, std::map<std::string, std::int64_t> &out, std::string &error)
{
    out.clear();
    const Sql::DimSql *dim = dimension.empty() ? nullptr : Sql::findDim(dimension);
    if (!dimension.empty() && !dim) {
        error = "unknown series dimension '" + dimension + "'";
        return false;
    }
    std::string where;
    std::vector<std::string> binds;
    if (!Sql::filterClause(filters, where, binds, error))
        return false;
    const bool allocated = (dim && Sql::isAllocated(dimension)) || Sql::filtersAllocated(filters);
    const std::string key = dim ? Sql::dimExpr(*dim) : std::string("''");
    const std::string sql = "SELECT " + key + ", r.partition_id" + Sql::fromClause(allocated) + " WHERE r.day >= ?"
        + std::to_string(binds.size() + 1) + where + " GROUP BY 1, 2";
    Cost::SqliteStmt st;
    if (!Sql::prepare(db, sql, binds, st, error))
        return false;
    st.bind(static_cast<int>(binds.size()) + 1, Cost::dayOf(freshness.dataEnd()) - kRecentDays);
    std::map<std::string, std::vector<std::int64_t>> partitions;
    while (st.step())
        partitions[std::string(st.text(0))].push_back(st.int64(1));
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    for (const auto &[value, ids] : partitions)
        out[value] = freshness.completeUntilOf(ids);
    return true;
}

bool sliceCompleteUntil(Cost::SqliteDb &db, const std::vector<Filter> &filters, std::int64_t &until, std::string &error)
{
    Freshness freshness;
    std::map<std::string, std::int64_t> complete;
    if (!freshness.load(db, error) || !seriesCompleteUntil(db, freshness, std::string(), filters, complete, error))
        return false;
    // No charge in the slice's recent weeks: nothing of it can be arriving beyond the store's own edge.
    until = complete.empty() ? freshness.completeUntil() : complete.begin()->second;
    return true;
}

} // namespace Analytics
