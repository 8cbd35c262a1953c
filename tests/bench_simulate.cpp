// Scenario evaluation speed: the Simulator re-evaluates on every slider move, so one evaluation
// over ~1M usage cells (day × model × feature × tier, each with five token kinds) must stay well
// under 200 ms. Usage is either synthetic (default: 1M cells) or loaded from a store
// (`bench_simulate STORE.sqlite`, e.g. one filled by gen_focus.py --rows 1000000 + burnrate import).
#include "domain/timeparse.h"
#include "pricing/pricedusage.h"
#include "pricing/pricestore.h"
#include "simulation/scenarioengine.h"
#include "store/store.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <random>

namespace {

using Clock = std::chrono::steady_clock;

double ms(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

const char *kScenario = R"({"burnrate_scenario": 1, "name": "bench", "steps": [
  {"type": "compression", "features": ["f1", "f2", "f3"], "input_cut_pct": 15},
  {"type": "model_swap", "from_model": "gpt-4o", "to_model": "gpt-4o-mini", "share_pct": 40},
  {"type": "prompt_caching", "cacheable_pct": 50, "hit_rate_pct": 70, "ttl": "1h"},
  {"type": "batch", "features": ["f4", "f5", "f6", "f7"], "share_pct": 60},
  {"type": "routing", "features": ["f8"], "share_pct": 30, "fallback_cost_per_request": "0.0004"},
  {"type": "self_hosted", "features": ["f9"], "models": ["claude-3-5-haiku"], "gpus": 2, "on_demand_per_hour": "4.10",
   "spot_per_hour": "1.30", "spot_share_pct": 70, "interruption_overhead_pct": 15}]})";

void synthetic(Simulation::UsageSnapshot &u, int days, int features)
{
    static const std::pair<const char *, const char *> kModels[] = {
        {"OpenAI", "gpt-4o"}, {"OpenAI", "gpt-4o-mini"}, {"OpenAI", "gpt-4.1"}, {"OpenAI", "o4-mini"},
        {"Anthropic", "claude-sonnet-4-20250514"}, {"Anthropic", "claude-3-5-haiku-20241022"},
        {"Amazon Bedrock", "amazon.nova-pro-v1:0"}, {"Amazon Bedrock", "anthropic.claude-3-5-sonnet-20240620-v1:0"},
        {"Azure OpenAI", "gpt-4o-mini-0718"}, {"Vertex AI", "gemini-2.5-flash"}, {"Vertex AI", "gemini-2.0-flash-001"},
        {"Vertex AI", "gemini-2.5-pro"}};
    Cost::parseDate("2026-01-01", u.fromDay);
    u.toDay = u.fromDay + days - 1;
    u.currency = "USD";
    for (int f = 0; f < features; ++f)
        for (const auto &[provider, model] : kModels) {
            Simulation::UsageGroup g;
            g.provider = provider;
            g.model = model;
            g.feature = "f" + std::to_string(f);
            Simulation::addGroup(u, g);
        }
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<std::int64_t> tokens(1000, 5'000'000);
    u.cells.reserve(static_cast<std::size_t>(days) * u.groups.size());
    for (std::int64_t d = u.fromDay; d <= u.toDay; ++d)
        for (std::uint32_t g = 0; g < u.groups.size(); ++g) {
            Simulation::UsageCell c;
            c.day = d;
            c.group = g;
            c.tokens = {tokens(rng), tokens(rng) / 3, 0, 0, tokens(rng) / 5};
            c.requests = c.tokens[0] / 2000;
            u.cells.push_back(c);
        }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    auto catalog = std::make_shared<Pricing::PriceCatalog>();
    auto usage = std::make_shared<Simulation::UsageSnapshot>();
    std::string error;
    const auto t0 = Clock::now();
    if (argc > 1) {
        Cost::Store store;
        if (!store.open(argv[1]) || !Pricing::loadCatalog(store.db(), *catalog, error)) {
            std::fprintf(stderr, "bench_simulate: %s%s\n", store.error().c_str(), error.c_str());
            return 1;
        }
        Simulation::UsageQuery q;
        std::int64_t first = 0, last = 0;
        if (Analytics::dataRange(store.db(), first, last))
            q.fromDay = first, q.toDay = last;
        if (!Simulation::loadUsage(store.db(), q, *usage, error)) {
            std::fprintf(stderr, "bench_simulate: %s\n", error.c_str());
            return 1;
        }
        std::printf("store %s: %lld facts\n", argv[1], static_cast<long long>(store.factCount()));
    } else {
        if (!Pricing::PriceCatalog::loadBuiltin(*catalog, error)) {
            std::fprintf(stderr, "bench_simulate: %s\n", error.c_str());
            return 1;
        }
        synthetic(*usage, 365, 230);
    }
    const auto t1 = Clock::now();
    const Simulation::PricedUsage priced(usage, catalog);
    const auto t2 = Clock::now();
    Simulation::Scenario scenario;
    if (!Simulation::parseScenario(kScenario, scenario, error)) {
        std::fprintf(stderr, "bench_simulate: %s\n", error.c_str());
        return 1;
    }
    std::vector<double> runs, cpu;
    Simulation::ScenarioResult r;
    for (int i = 0; i < 7; ++i) {
        const auto a = Clock::now();
        const std::clock_t c0 = std::clock();
        r = Simulation::evaluate(priced, scenario);
        cpu.push_back(1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
        runs.push_back(ms(a, Clock::now()));
    }
    std::sort(runs.begin(), runs.end());
    std::sort(cpu.begin(), cpu.end());
    std::printf("usage: %zu cells, %zu groups, %lld days (load %.0f ms)\n", usage->cells.size(), usage->groups.size(),
                static_cast<long long>(usage->days()), ms(t0, t1));
    std::printf("pricing (once per usage/catalog change): %.1f ms\n", ms(t1, t2));
    std::printf("evaluate, 6 combined steps: min %.1f ms, median %.1f ms, max %.1f ms (target < 200 ms)\n", runs.front(),
                runs[runs.size() / 2], runs.back());
    std::printf("evaluate CPU time: min %.1f ms, median %.1f ms\n", cpu.front(), cpu[cpu.size() / 2]);
    std::printf("baseline %s, scenario %s, savings %s (%s .. %s), %zu warnings, %zu unpriced\n",
                Cost::formatMoney(r.baseline).c_str(), Cost::formatMoney(r.scenario).c_str(), Cost::formatMoney(r.savings).c_str(),
                Cost::formatMoney(r.savingsLow).c_str(), Cost::formatMoney(r.savingsHigh).c_str(), r.warnings.size(),
                r.unpriced.size());
    return 0;
}
