#include "telemetry/telemetrystore.h"

#include "allocation/telemetryallocation.h"
#include "domain/modelname.h"
#include "domain/timeparse.h"
#include "pricing/pricematching.h"

#include <sqlite3.h>

#include <QByteArray>
#include <QCryptographicHash>
#include <QtConcurrent/QtConcurrentRun>

#include <charconv>
#include <cmath>
#include <cstring>
#include <algorithm>
#include <limits>
#include <map>
#include <unordered_map>
#include <array>
#include <tuple>

namespace Telemetry {

namespace Latency {

int bucketOf(std::int64_t ms)
{
    if (ms <= 0)
        return 0;
    const int b = static_cast<int>(std::floor(4.0 * std::log2(static_cast<double>(ms)))) + 1;
    return std::min(std::max(b, 0), kBuckets - 1);
}

double valueOf(int bucket)
{
    if (bucket <= 0)
        return 0;
    return std::exp2((static_cast<double>(bucket) - 0.5) / 4.0);
}

void accumulate(std::string_view stored, std::vector<std::int64_t> &counts)
{
    counts.resize(kBuckets, 0);
    std::size_t pos = 0;
    while (pos < stored.size()) {
        std::size_t end = stored.find(',', pos);
        if (end == std::string_view::npos)
            end = stored.size();
        const std::string_view item = stored.substr(pos, end - pos);
        const std::size_t colon = item.find(':');
        int bucket = -1;
        std::int64_t n = 0;
        if (colon != std::string_view::npos) {
            std::from_chars(item.data(), item.data() + colon, bucket);
            std::from_chars(item.data() + colon + 1, item.data() + item.size(), n);
        }
        if (bucket >= 0 && bucket < kBuckets && n > 0)
            counts[static_cast<std::size_t>(bucket)] += n;
        pos = end + 1;
    }
}

std::string merge(std::string_view stored, const std::vector<std::int64_t> &add)
{
    std::vector<std::int64_t> counts;
    accumulate(stored, counts);
    for (std::size_t b = 0; b < add.size() && b < counts.size(); ++b)
        counts[b] += add[b];
    std::string out;
    for (std::size_t b = 0; b < counts.size(); ++b) {
        if (counts[b] == 0)
            continue;
        if (!out.empty())
            out += ',';
        out += std::to_string(b) + ':' + std::to_string(counts[b]);
    }
    return out;
}

double quantile(const std::vector<std::int64_t> &counts, double p)
{
    std::int64_t total = 0;
    for (std::int64_t c : counts)
        total += c;
    if (total == 0)
        return -1;
    const auto rank = static_cast<std::int64_t>(std::ceil(p * static_cast<double>(total)));
    std::int64_t seen = 0;
    for (std::size_t b = 0; b < counts.size(); ++b) {
        seen += counts[b];
        if (seen >= std::max<std::int64_t>(rank, 1))
            return valueOf(static_cast<int>(b));
    }
    return valueOf(kBuckets - 1);
}

} // namespace Latency

namespace {

constexpr std::size_t kKeyTexts = 5; // price family, canonical model, feature, team, user

struct Sum {
    std::int64_t input = 0, cached = 0, write = 0, output = 0, requests = 0, timed = 0;
    /// (bucket, calls): sparse, since most keys of a request hold a call or two (a dense histogram
    /// per key was most of an import's memory traffic).
    std::vector<std::pair<int, std::int64_t>> latency;

    void addLatency(int bucket, std::int64_t calls)
    {
        for (auto &[b, n] : latency)
            if (b == bucket) {
                n += calls;
                return;
            }
        latency.emplace_back(bucket, calls);
    }

    /// The stored form ("bucket:count,…", buckets ascending), as Latency::merge writes it.
    std::string latencyText()
    {
        std::sort(latency.begin(), latency.end());
        std::string out;
        for (const auto &[b, n] : latency) {
            if (!out.empty())
                out += ',';
            out += std::to_string(b);
            out += ':';
            out += std::to_string(n);
        }
        return out;
    }
};

// A call's identity within its source: BLAKE2b-160 over "source\x1fid", its first 128 bits as two integers.
std::pair<std::int64_t, std::int64_t> identity(std::string_view source, const std::string &id)
{
    thread_local QCryptographicHash hash(QCryptographicHash::Blake2b_160);
    hash.reset();
    hash.addData(QByteArrayView(source.data(), static_cast<qsizetype>(source.size())));
    hash.addData(QByteArrayView("\x1f", 1));
    hash.addData(QByteArrayView(id.data(), static_cast<qsizetype>(id.size())));
    const QByteArrayView digest = hash.resultView();
    std::int64_t hi = 0, lo = 0;
    std::memcpy(&hi, digest.constData(), 8);
    std::memcpy(&lo, digest.constData() + 8, 8);
    return {hi, lo};
}

// merge_latency(stored, added): the two histograms summed, for the upsert (one statement per key).
void mergeLatencyFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto text = [](sqlite3_value *v) {
        const auto *p = reinterpret_cast<const char *>(sqlite3_value_text(v));
        return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_value_bytes(v))) : std::string_view();
    };
    std::vector<std::int64_t> added;
    Latency::accumulate(text(argv[1]), added);
    const std::string merged = Latency::merge(text(argv[0]), added);
    sqlite3_result_text(ctx, merged.data(), static_cast<int>(merged.size()), SQLITE_TRANSIENT);
}

bool fail(Cost::SqliteDb &db, bool ownTransaction, const std::string &what, std::string &error,
          const std::string &detail = {})
{
    error = what + ": " + (detail.empty() ? db.error() : detail);
    db.exec(ownTransaction ? "ROLLBACK" : "ROLLBACK TO telemetry_ingest; RELEASE telemetry_ingest");
    return false;
}

} // namespace

bool ingest(Cost::SqliteDb &db, std::string_view source, const std::vector<Usage> &usage, IngestResult &result,
            std::string &error, bool joinBill)
{
    result = {};
    if (db.isPostgres()) { // its latency merge is a SQLite function the server does not have yet
        error = "application telemetry cannot be stored in a team store yet";
        return false;
    }
    const bool own = !db.inTransaction();
    if (!db.exec(own ? "BEGIN IMMEDIATE" : "SAVEPOINT telemetry_ingest")) {
        error = "cannot start writing telemetry: " + db.error();
        return false;
    }
    sqlite3_create_function_v2(db.handle(), "merge_latency", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, mergeLatencyFn,
                               nullptr, nullptr, nullptr);
    Cost::SqliteStmt seen(db, "INSERT INTO telemetry_seen(source, hi, lo) VALUES(?, ?, ?) ON CONFLICT DO NOTHING");
    if (!seen.ok())
        return fail(db, own, "telemetry_seen", error);
    // Identities inserted in key order: the B-tree takes them in one sweep instead of at random.
    struct Identity {
        std::int64_t hi, lo;
        std::size_t index;
    };
    std::vector<Identity> ids(usage.size());
    const auto hashRange = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            const auto [hi, lo] = identity(source, usage[i].id);
            ids[i] = {hi, lo, i};
        }
    };
    if (usage.size() >= 20000) { // a file's worth: the other half on another core
        QFuture<void> half = QtConcurrent::run([&] { hashRange(usage.size() / 2, usage.size()); });
        hashRange(0, usage.size() / 2);
        half.waitForFinished();
    } else {
        hashRange(0, usage.size());
    }
    std::sort(ids.begin(), ids.end(), [](const Identity &a, const Identity &b) { return std::tie(a.hi, a.lo) < std::tie(b.hi, b.lo); });
    std::vector<char> isNew(usage.size(), 0);
    for (const Identity &id : ids) {
        seen.reset();
        seen.bind(1, source);
        seen.bind(2, id.hi);
        seen.bind(3, id.lo);
        if (!seen.exec())
            return fail(db, own, "telemetry_seen", error, seen.error());
        isNew[id.index] = db.changes() != 0;
    }
    // The new calls, each with its stored key (hour, price family, canonical model, feature, team,
    // user), sorted by that key: equal keys form runs summed into one upsert, and the upserts walk
    // the table's B-tree in order instead of at random (no hash map of 200k keys either).
    struct Call {
        std::int64_t hour;
        const std::string *family, *model;
        const Usage *usage;
    };
    std::vector<Call> calls;
    calls.reserve(usage.size());
    std::map<std::string, std::string> familyOf, canonicalOf;
    IngestResult counted;
    for (std::size_t i = 0; i < usage.size(); ++i) {
        const Usage &u = usage[i];
        if (!isNew[i]) {
            ++counted.duplicates;
            continue;
        }
        auto family = familyOf.find(u.provider);
        if (family == familyOf.end())
            family = familyOf.emplace(u.provider, PriceMatching::providerFamily(u.provider)).first;
        auto model = canonicalOf.find(u.model);
        if (model == canonicalOf.end())
            model = canonicalOf.emplace(u.model, Cost::canonicalModel(u.model)).first;
        const std::int64_t hour = (u.startSeconds >= 0 ? u.startSeconds : u.startSeconds - 3599) / 3600;
        calls.push_back({hour, &family->second, &model->second, &u});
        ++counted.calls;
        counted.requests += u.requests;
        counted.tokens += u.inputTokens + u.cachedInputTokens + u.cacheWriteTokens + u.outputTokens;
    }
    // Sorted by the stored key's order (hour, then the texts byte by byte, as SQLite compares them),
    // through each text's rank among the distinct values of its column: integer comparisons only.
    const auto text = [](const Call &c, std::size_t column) -> const std::string & {
        switch (column) {
        case 0: return *c.family;
        case 1: return *c.model;
        case 2: return c.usage->feature;
        case 3: return c.usage->team;
        default: return c.usage->user;
        }
    };
    std::vector<std::array<std::uint32_t, kKeyTexts>> ranks(calls.size());
    for (std::size_t column = 0; column < kKeyTexts; ++column) {
        // Elements of an unordered_map keep their address when it grows: one lookup per call.
        std::unordered_map<std::string_view, std::uint32_t> rankOf;
        std::vector<std::uint32_t *> slot(calls.size());
        const std::string *last = nullptr;
        for (std::size_t i = 0; i < calls.size(); ++i) {
            const std::string &t = text(calls[i], column);
            if (last && *last == t) { // runs of one value (a request's spans share most of them)
                slot[i] = slot[i - 1];
                continue;
            }
            slot[i] = &rankOf.emplace(t, 0).first->second;
            last = &t;
        }
        std::vector<std::pair<std::string_view, std::uint32_t *>> distinct;
        distinct.reserve(rankOf.size());
        for (auto &entry : rankOf)
            distinct.emplace_back(entry.first, &entry.second);
        std::sort(distinct.begin(), distinct.end());
        for (std::size_t r = 0; r < distinct.size(); ++r)
            *distinct[r].second = static_cast<std::uint32_t>(r);
        for (std::size_t i = 0; i < calls.size(); ++i)
            ranks[i][column] = *slot[i];
    }
    std::vector<std::uint32_t> order(calls.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<std::uint32_t>(i);
    const auto key = [&](std::uint32_t i) { return std::tie(calls[i].hour, ranks[i]); };
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
    {
        std::vector<Call> sorted;
        sorted.reserve(calls.size());
        std::vector<std::array<std::uint32_t, kKeyTexts>> sortedRanks;
        sortedRanks.reserve(calls.size());
        for (const std::uint32_t i : order) {
            sorted.push_back(calls[i]);
            sortedRanks.push_back(ranks[i]);
        }
        calls = std::move(sorted);
        ranks = std::move(sortedRanks);
    }
    const auto sameKey = [&](std::size_t a, std::size_t b) { return calls[a].hour == calls[b].hour && ranks[a] == ranks[b]; };

    Cost::SqliteStmt upsert(
        db, "INSERT INTO telemetry_usage(hour, provider, model, feature, team, \"user\", source, input, cached_input, cache_write,"
            " output, requests, timed, latency) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
            " ON CONFLICT(hour, provider, model, feature, team, \"user\", source) DO UPDATE SET input = input + excluded.input,"
            " cached_input = cached_input + excluded.cached_input, cache_write = cache_write + excluded.cache_write,"
            " output = output + excluded.output, requests = requests + excluded.requests, timed = timed + excluded.timed,"
            " latency = merge_latency(latency, excluded.latency)");
    if (!upsert.ok())
        return fail(db, own, "telemetry_usage", error);
    for (std::size_t first = 0; first < calls.size();) {
        std::size_t end = first + 1;
        while (end < calls.size() && sameKey(end, first))
            ++end;
        Sum s;
        for (std::size_t i = first; i < end; ++i) {
            const Usage &u = *calls[i].usage;
            s.input += u.inputTokens;
            s.cached += u.cachedInputTokens;
            s.write += u.cacheWriteTokens;
            s.output += u.outputTokens;
            s.requests += u.requests;
            if (u.latencyMs >= 0) {
                s.addLatency(Latency::bucketOf(u.latencyMs), u.requests);
                s.timed += u.requests;
            }
        }
        const Call &c = calls[first];
        const std::string latency = s.latencyText();
        upsert.reset();
        upsert.bind(1, c.hour);
        upsert.bind(2, *c.family);
        upsert.bind(3, *c.model);
        upsert.bind(4, c.usage->feature);
        upsert.bind(5, c.usage->team);
        upsert.bind(6, c.usage->user);
        upsert.bind(7, source);
        upsert.bind(8, s.input);
        upsert.bind(9, s.cached);
        upsert.bind(10, s.write);
        upsert.bind(11, s.output);
        upsert.bind(12, s.requests);
        upsert.bind(13, s.timed);
        upsert.bind(14, std::string_view(latency));
        if (!upsert.exec())
            return fail(db, own, "telemetry_usage", error, upsert.error());
        first = end;
    }
    // The bill's split by telemetry, for the days this request added to, in the same transaction
    // (the calls are sorted by hour first).
    const std::int64_t firstHour = calls.empty() ? 0 : calls.front().hour;
    const std::int64_t lastHour = calls.empty() ? -1 : calls.back().hour;
    std::string allocError;
    if (joinBill && firstHour <= lastHour
        && !Allocation::allocateTelemetry(db, Cost::dayOf(firstHour * 3600), Cost::dayOf(lastHour * 3600), allocError))
        return fail(db, own, "cannot allocate by telemetry", error, allocError);
    counted.firstHour = firstHour;
    counted.lastHour = lastHour;
    if (!db.exec(own ? "COMMIT" : "RELEASE telemetry_ingest"))
        return fail(db, own, "cannot commit telemetry", error);
    result = counted;
    return true;
}

} // namespace Telemetry
