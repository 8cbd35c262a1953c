// Page refresh benchmark: how long the store takes to answer everything one dashboard page
// shows for the last 90 days of data — each spend page (By model, By feature, By provider,
// By team: breakdown, exact series, currency, every filter-bar value list and the freshness of
// its buckets, as SpendPage::query() asks them) and the Overview (KPI tiles and the daily chart) — with the
// SQL path they replaced and the rules editor's readers alongside. Prints figures; passes or
// fails on nothing.
//
//   bench_refresh STORE.sqlite [--days 90] [--repeats 20] [--trace] [--only TEXT]
//
// "cold" is the first query on a connection opened in this process (SQLite's page cache is
// empty; the OS file cache is not dropped; the process-wide combination cache is cleared).
// "warm" is the median of --repeats runs on that same connection afterwards. Each page gets
// its own fresh connection for its cold figure. CPU columns are this thread's CPU time
// (medians for warm): they hold on a shared machine.
// --trace prints, for one more warm run of each page, every SQL statement with its time.
// --only times just the pages whose name starts with TEXT (e.g. for perf record).
#include "allocation/allocation.h"
#include "analytics/analytics.h"
#include "analytics/breakdown.h"
#include "analytics/combocache.h"
#include "analytics/freshness.h"
#include "analytics/exactseries.h"
#include "analytics/rollupscan.h"
#include "domain/timeparse.h"
#include "store/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU time of this thread: the figure that holds when other processes share the cores.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Page {
    const char *name;
    std::function<bool(Cost::SqliteDb &, std::string &)> load;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int usage()
{
    std::fprintf(stderr, "Usage: bench_refresh STORE.sqlite [--days N] [--repeats N] [--trace] [--only TEXT]\n");
    return 2;
}

// Statement texts (with ? placeholders) in first-run order, with run count and total time.
struct TraceEntry {
    std::string sql;
    int runs = 0;
    double ms = 0;
};

// SQLITE_TRACE_PROFILE callback: adds a statement's wall time to its entry.
int traceStatement(unsigned type, void *context, void *stmt, void *nanoseconds)
{
    if (type != SQLITE_TRACE_PROFILE)
        return 0;
    auto &entries = *static_cast<std::vector<TraceEntry> *>(context);
    const char *sql = sqlite3_sql(static_cast<sqlite3_stmt *>(stmt));
    const std::string text = sql ? sql : "?";
    auto it = std::find_if(entries.begin(), entries.end(), [&](const TraceEntry &e) { return e.sql == text; });
    if (it == entries.end())
        it = entries.insert(entries.end(), TraceEntry{text});
    ++it->runs;
    it->ms += static_cast<double>(*static_cast<sqlite3_int64 *>(nanoseconds)) / 1e6;
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    const std::string path = argv[1];
    int days = 90, repeats = 20;
    bool trace = false;
    std::string only;
    for (int i = 2; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--trace"))
            trace = true;
        else if (!std::strcmp(argv[i], "--days") && i + 1 < argc)
            days = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--only") && i + 1 < argc)
            only = argv[++i];
        else if (!std::strcmp(argv[i], "--repeats") && i + 1 < argc)
            repeats = std::atoi(argv[++i]);
        else
            return usage();
    }
    if (days < 1 || repeats < 1)
        return usage();

    std::int64_t firstDay = 0, lastDay = 0, facts = 0;
    {
        Cost::Store probe;
        if (!probe.open(path)) {
            std::fprintf(stderr, "bench_refresh: %s\n", probe.error().c_str());
            return 1;
        }
        if (!Analytics::dataRange(probe.db(), firstDay, lastDay)) {
            std::fprintf(stderr, "bench_refresh: the store holds no charges\n");
            return 1;
        }
        facts = probe.factCount();
    }
    const std::int64_t toDay = lastDay, fromDay = lastDay - (days - 1);
    const Analytics::Grain grain = Analytics::autoGrain(fromDay, toDay);
    std::printf("store %s: %lld charges, %s .. %s\n", path.c_str(), static_cast<long long>(facts),
                Cost::formatDay(firstDay).c_str(), Cost::formatDay(lastDay).c_str());
    std::printf("range %s .. %s (%d days, grain %s), warm = median of %d\n\n", Cost::formatDay(fromDay).c_str(),
                Cost::formatDay(toDay).c_str(), days, Analytics::grainName(grain), repeats);

    // The filter bar's dimensions (SpendFilter::dimensions(); the bench links burnrate_core only).
    const std::vector<std::string> filterBar = {"provider", "service", "model", "feature", "team", "token_kind",
                                                "billing_account"};
    // How complete the latest data is (the charts' partial buckets; the Forecast page).
    auto freshness = [](Cost::SqliteDb &db, std::string &error) {
        std::int64_t until = 0;
        return Analytics::sliceCompleteUntil(db, {}, until, error);
    };
    // What SpendPage::query() reads: one scan answers the breakdown, its exact series, the
    // currency and every filter-bar list (no filter set); then the freshness of its buckets.
    auto spendPage = [=](const char *dimension) {
        return [=](Cost::SqliteDb &db, std::string &error) {
            Analytics::SpendPageRequest request;
            request.query.dimension = dimension;
            request.query.fromDay = fromDay;
            request.query.toDay = toDay;
            request.query.grain = grain;
            for (const std::string &d : filterBar)
                request.optionFilters.emplace_back(d, std::vector<Analytics::Filter>{});
            Analytics::SpendPageData data;
            return Analytics::spendPage(db, request, data, error) && freshness(db, error);
        };
    };
    // The same page through the SQL functions the pages used before the single scan.
    auto sqlPage = [=](const char *dimension) {
        return [=](Cost::SqliteDb &db, std::string &error) {
            Analytics::BreakdownQuery q;
            q.dimension = dimension;
            q.fromDay = fromDay;
            q.toDay = toDay;
            q.grain = grain;
            Analytics::Breakdown out;
            std::vector<std::vector<Cost::BigMoney>> exact;
            if (!Analytics::breakdown(db, q, out, error) || !Analytics::exactSeries(db, out, exact, error))
                return false;
            Analytics::TotalsRequest totals;
            totals.fromDay = fromDay;
            totals.toDay = toDay;
            std::vector<Analytics::TotalsRow> rows;
            totals.by = {"currency"};
            if (!Analytics::totals(db, totals, rows, error))
                return false;
            for (const std::string &d : filterBar) {
                totals.by = {d};
                if (!Analytics::totals(db, totals, rows, error))
                    return false;
            }
            return true;
        };
    };
    // The Overview page's KPIs and daily chart (one scan, or the SQL functions it used before)
    // and, as the page asks it, the freshness of its days.
    auto overview = [=](bool sqlPath) {
        return [=](Cost::SqliteDb &db, std::string &error) {
            Analytics::OverviewKpis kpis;
            Analytics::DailyBreakdown daily;
            if (sqlPath)
                return Analytics::overviewKpis(db, toDay, kpis, error)
                    && Analytics::dailyBreakdown(db, "model", fromDay, toDay, 8, daily, error);
            return Analytics::overviewPage(db, fromDay, toDay, 8, kpis, daily, error) && freshness(db, error);
        };
    };
    const std::vector<Page> pages = {
        {"By model page", spendPage("model")},
        {"By feature page", spendPage("feature")},
        {"By provider page", spendPage("provider")},
        {"By team page", spendPage("team")},
        {"Overview page", overview(false)},
        {"  of which: freshness", freshness},
        {"  (SQL path) By model page", sqlPage("model")},
        {"  (SQL path) By feature page", sqlPage("feature")},
        {"  (SQL path) Overview page", overview(true)},
        // The rules editor: the unallocated line and the preview of a rule matching every charge.
        {"rules editor: unallocated 30 days",
         [=](Cost::SqliteDb &db, std::string &error) {
             Analytics::TotalsRequest request;
             request.by = {"feature"};
             request.fromDay = toDay - 29;
             request.toDay = toDay;
             std::vector<Analytics::TotalsRow> rows;
             return Analytics::totals(db, request, rows, error);
         }},
        {"rules editor: preview (all combos)",
         [=](Cost::SqliteDb &db, std::string &error) {
             Allocation::Rule rule;
             rule.dimension = "model";
             rule.match = Allocation::Match::Glob;
             rule.pattern = "*";
             rule.targets = {{"bench-feature", "", Allocation::kShareScale}};
             Allocation::Preview preview;
             return Allocation::preview(db, {rule}, 0, toDay - 29, toDay, preview, error);
         }},
    };

    std::printf("%-34s %8s %8s %8s %8s %8s %9s %9s\n", "page", "open ms", "cold ms", "warm ms", "min ms", "max ms",
                "cold cpu", "warm cpu");
    for (const Page &page : pages) {
        if (!only.empty() && std::string(page.name).rfind(only, 0) != 0)
            continue;
        const auto openStart = Clock::now();
        Cost::Store store;
        if (!store.open(path)) {
            std::fprintf(stderr, "bench_refresh: %s\n", store.error().c_str());
            return 1;
        }
        const double openMs = msSince(openStart);
        Analytics::ComboCache::clearAll(); // cold means nothing cached in this process either
        std::string error;
        auto start = Clock::now();
        double cpu = threadCpuMs();
        if (!page.load(store.db(), error)) {
            std::fprintf(stderr, "bench_refresh: %s: %s\n", page.name, error.c_str());
            return 1;
        }
        const double cold = msSince(start);
        const double coldCpu = threadCpuMs() - cpu;
        std::vector<double> warm, warmCpu;
        for (int i = 0; i < repeats; ++i) {
            start = Clock::now();
            cpu = threadCpuMs();
            page.load(store.db(), error);
            warm.push_back(msSince(start));
            warmCpu.push_back(threadCpuMs() - cpu);
        }
        std::printf("%-34s %8.1f %8.1f %8.1f %8.1f %8.1f %9.1f %9.1f\n", page.name, openMs, cold, median(warm),
                    *std::min_element(warm.begin(), warm.end()), *std::max_element(warm.begin(), warm.end()), coldCpu,
                    median(warmCpu));
        if (trace) {
            std::vector<TraceEntry> entries;
            sqlite3_trace_v2(store.db().handle(), SQLITE_TRACE_PROFILE, traceStatement, &entries);
            page.load(store.db(), error);
            sqlite3_trace_v2(store.db().handle(), 0, nullptr, nullptr);
            for (const TraceEntry &e : entries)
                std::printf("    %8.1f ms %5dx  %.230s\n", e.ms, e.runs, e.sql.c_str());
        }
    }
    return 0;
}
