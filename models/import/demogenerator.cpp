#include "import/demogenerator.h"

#include "domain/timeparse.h"
#include "import/demoendpoints.h"

#include <cmath>
#include <random>
#include <vector>

namespace Cost {

namespace {

struct DemoModel {
    const char *provider;
    const char *publisher;
    const char *service;
    const char *account;
    const char *region;
    const char *model;
    double input, cached, cacheWrite, output; // $ per 1M tokens (cacheWrite 0 = none)
};

// List prices of the time, per 1M tokens.
const DemoModel kModels[] = {
    {"OpenAI", "OpenAI", "OpenAI API", "org-acme", "global", "gpt-4o", 2.50, 1.25, 0, 10.00},
    {"OpenAI", "OpenAI", "OpenAI API", "org-acme", "global", "gpt-4o-mini", 0.15, 0.075, 0, 0.60},
    {"OpenAI", "OpenAI", "OpenAI API", "org-acme", "global", "o3-mini", 1.10, 0.55, 0, 4.40},
    {"Anthropic", "Anthropic", "Claude API", "acme-anthropic", "global", "claude-3-5-sonnet", 3.00, 0.30, 3.75, 15.00},
    {"Anthropic", "Anthropic", "Claude API", "acme-anthropic", "global", "claude-3-5-haiku", 0.80, 0.08, 1.00, 4.00},
    {"AWS", "Amazon", "Amazon Bedrock", "111122223333", "us-east-1", "nova-pro", 0.80, 0.20, 0, 3.20},
    {"AWS", "Meta", "Amazon Bedrock", "111122223333", "us-east-1", "llama-3-70b", 0.99, 0.99, 0, 0.99},
    {"Microsoft", "OpenAI", "Azure OpenAI", "sub-7f3e", "eastus", "gpt-4.1-mini", 0.40, 0.10, 0, 1.60},
    {"Google Cloud", "Google", "Vertex AI", "proj-ml-prod", "us-central1", "gemini-1.5-pro", 1.25, 0.3125, 0, 5.00},
    {"Google Cloud", "Google", "Vertex AI", "proj-ml-prod", "us-central1", "gemini-2.0-flash", 0.10, 0.025, 0, 0.40},
};
constexpr int kModelCount = sizeof(kModels) / sizeof(kModels[0]);

struct DemoFeature {
    const char *feature;
    const char *team;
    const char *tags;
    double mtokPerHour;      // input tokens (millions) per peak hour at the start
    double outputRatio;      // output tokens per input token
    double cachedShare;      // share of input served from cache
    double tokensPerRequest; // input tokens per request
    std::vector<std::pair<int, double>> models; // model index, traffic share
};

const std::vector<DemoFeature> &features()
{
    static const std::vector<DemoFeature> kFeatures = {
        {"chatbot", "support", R"({"feature":"chatbot","team":"support","env":"prod"})", 2.2, 0.35, 0.45, 1800,
         {{0, 0.55}, {1, 0.30}, {7, 0.15}}},
        {"search", "discovery", R"({"feature":"search","team":"discovery","env":"prod"})", 3.0, 0.10, 0.20, 2400,
         {{1, 0.45}, {8, 0.30}, {9, 0.25}}},
        {"summarize", "docs", R"({"feature":"summarize","team":"docs","env":"prod"})", 1.6, 0.18, 0.10, 6000,
         {{4, 0.50}, {5, 0.50}}},
        {"classify", "trust", R"({"feature":"classify","team":"trust","env":"prod"})", 1.2, 0.02, 0.0, 600,
         {{1, 0.70}, {6, 0.30}}},
        {"agent", "platform", R"({"feature":"agent","team":"platform","env":"prod"})", 0.55, 0.40, 0.55, 9000,
         {{3, 0.75}, {2, 0.25}}},
        {"code-review", "devex", R"({"feature":"code-review","team":"devex","env":"prod"})", 0.7, 0.25, 0.35, 12000,
         {{3, 0.45}, {0, 0.35}, {2, 0.20}}},
    };
    return kFeatures;
}

// Exact cost of `tokens` at `dollarsPerMillion`, in money units, rounded half to even.
Money tokenCost(std::int64_t tokens, double dollarsPerMillion)
{
    // Prices have at most four decimals of a dollar per million tokens.
    const BigMoney pricePerMillionUnits = std::llround(dollarsPerMillion * 10000.0) * (kMoneyScale / 10000);
    const BigMoney num = static_cast<BigMoney>(tokens) * pricePerMillionUnits;
    BigMoney q = num / 1000000;
    const BigMoney r = num % 1000000;
    if (r * 2 > 1000000 || (r * 2 == 1000000 && (q & 1)))
        ++q;
    return static_cast<Money>(q);
}

} // namespace

bool generateDemo(SqliteDb &db, const DemoOptions &options, const std::function<void(int)> &progress,
                  const std::atomic_bool *cancel, IngestResult &result, std::string &error)
{
    ImportMeta meta;
    meta.kind = "demo";
    meta.path = "demo workspace";
    meta.sourceOverride = "demo";
    meta.batch = Ingestor::newBatch(db);
    Ingestor ingestor(db);
    if (!ingestor.begin(meta)) {
        error = ingestor.error();
        return false;
    }
    std::mt19937_64 rng(options.seed);
    std::lognormal_distribution<double> noise(0.0, 0.18);
    // The legacy classify path draws from its own stream, so every other row stays as it was.
    std::mt19937_64 legacyRng(options.seed ^ 0x9e3779b97f4a7c15ULL);
    std::lognormal_distribution<double> legacyNoise(0.0, 0.18);
    const std::int64_t firstDay = options.endDay - options.days + 1;
    const auto &feats = features();

    // Incidents, relative to the end of the history.
    const std::int64_t runawayStart = (options.endDay - 19) * 86400 + 14 * 3600; // agent loop, ~30 h
    const std::int64_t runawayEnd = runawayStart + 30 * 3600;
    const std::int64_t dropStart = (options.endDay - 44) * 86400 + 9 * 3600;     // search silently broken
    const std::int64_t dropEnd = dropStart + 36 * 3600;
    const std::int64_t priceCutDay = options.endDay - 100;                     // gpt-4o price cut
    const std::int64_t launchDay = options.endDay - 60;                        // classify moves to gemini-2.0-flash

    std::vector<FactRow> batch;
    batch.reserve(8192);
    DemoEndpoints endpoints; // self-hosted endpoints and their telemetry, on streams of their own
    std::vector<Telemetry::Usage> endpointCalls;
    std::string description;
    static const char *kMeters[] = {"Input Tokens", "Cached Input Tokens", "Cache Write Input Tokens", "Output Tokens"};
    static const TokenKind kKinds[] = {TokenKind::Input, TokenKind::CachedInput, TokenKind::CacheWrite, TokenKind::Output};
    std::vector<std::string> descriptions;
    descriptions.reserve(kModelCount * 4);
    for (int m = 0; m < kModelCount; ++m)
        for (const char *meter : kMeters)
            descriptions.push_back(std::string(meter) + " for " + kModels[m].model);
    std::vector<std::string> resources;
    for (const auto &f : feats)
        resources.push_back(std::string("project/") + f.feature);

    for (std::int64_t day = firstDay; day <= options.endDay; ++day) {
        if (cancel && cancel->load()) {
            ingestor.rollback();
            error = "cancelled";
            return false;
        }
        const double t = static_cast<double>(day - firstDay) / std::max(1, options.days);
        int y;
        unsigned mo, d;
        civilFromDays(day, y, mo, d);
        const std::int64_t periodStart = daysFromCivil(y, mo, 1) * 86400;
        const std::int64_t periodEnd = daysFromCivil(mo == 12 ? y + 1 : y, mo == 12 ? 1 : mo + 1, 1) * 86400;
        const int weekday = static_cast<int>(((day % 7) + 10) % 7); // 0 = Monday (1970-01-01 was a Thursday: 3)
        const double weekly = weekday >= 5 ? 0.55 : 1.0;
        for (int hour = 0; hour < 24; ++hour) {
            const std::int64_t start = day * 86400 + hour * 3600;
            if (options.endTime > 0 && start >= options.endTime)
                break;
            const double diurnal = 0.35 + 0.65 * std::exp(-std::pow((hour - 15.0) / 4.5, 2.0));
            for (std::size_t fi = 0; fi < feats.size(); ++fi) {
                const DemoFeature &f = feats[fi];
                double volume = f.mtokPerHour * diurnal * weekly * (1.0 + 1.4 * t * t + 0.3 * t);
                if (std::string_view(f.feature) == "agent")
                    volume *= 0.6 + 1.6 * t; // the agent feature ramps up fastest
                if (std::string_view(f.feature) == "search" && start >= dropStart && start < dropEnd)
                    volume = 0;
                for (const auto &[mi, baseShare] : f.models) {
                    double share = baseShare;
                    int modelIndex = mi;
                    if (std::string_view(f.feature) == "classify" && mi == 1 && day >= launchDay) {
                        // Migration of classify from gpt-4o-mini to gemini-2.0-flash over a week.
                        const double moved = std::min(1.0, static_cast<double>(day - launchDay + 1) / 7.0) * 0.8;
                        const double rest = baseShare * (1 - moved);
                        share = rest;
                        (void)rest;
                    }
                    auto emit = [&](int model, double s, double runaway, bool legacy = false) {
                        const DemoModel &dm = kModels[model];
                        auto jitter = [&] { return legacy ? legacyNoise(legacyRng) : noise(rng); };
                        const double inputM = volume * s * runaway * jitter();
                        const double cachedM = inputM * f.cachedShare;
                        const double uncachedM = inputM - cachedM;
                        const double writeM = dm.cacheWrite > 0 ? cachedM * 0.12 : 0;
                        const double outputM = inputM * f.outputRatio * jitter();
                        double in = dm.input, cached = dm.cached, out = dm.output;
                        if (std::string_view(dm.model) == "gpt-4o" && day < priceCutDay) {
                            in = 5.00;
                            cached = 2.50;
                            out = 15.00;
                        }
                        const double tokensM[] = {uncachedM, cachedM, writeM, outputM};
                        const double prices[] = {in, cached, dm.cacheWrite, out};
                        const std::int64_t requests = std::llround(inputM * 1e6 / f.tokensPerRequest);
                        for (int k = 0; k < 4; ++k) {
                            const std::int64_t tokens = std::llround(tokensM[k] * 1e6);
                            if (tokens <= 0 || prices[k] <= 0)
                                continue;
                            Record r;
                            r.setDim(Dim::Provider, dm.provider);
                            r.setDim(Dim::Publisher, dm.publisher);
                            r.setDim(Dim::InvoiceIssuer, dm.provider);
                            r.setDim(Dim::Service, dm.service);
                            r.setDim(Dim::ServiceCategory, "AI and Machine Learning");
                            r.setDim(Dim::ServiceSubcategory, "Generative AI");
                            r.setDim(Dim::BillingAccount, dm.account);
                            r.setDim(Dim::SubAccount, resources[fi]);
                            r.setDim(Dim::Region, dm.region);
                            r.setDim(Dim::ResourceName, dm.model);
                            r.setDim(Dim::SkuMeter, kMeters[k]);
                            r.setDim(Dim::ChargeCategory, "Usage");
                            r.setDim(Dim::ChargeFrequency, "Usage-Based");
                            r.setDim(Dim::ChargeDescription, descriptions[static_cast<std::size_t>(model * 4 + k)]);
                            r.setDim(Dim::PricingCategory, "Standard");
                            r.setDim(Dim::ConsumedUnit, "Tokens");
                            r.setDim(Dim::PricingUnit, "1M Tokens");
                            r.setDim(Dim::Currency, "USD");
                            r.setDim(Dim::Tags, f.tags);
                            r.setDim(Dim::Model, dm.model);
                            r.setDim(Dim::Feature, f.feature);
                            r.setDim(Dim::Team, f.team);
                            r.tokenKind = kKinds[k];
                            r.chargeStart = start;
                            r.chargeEnd = start + 3600;
                            r.billingPeriodStart = periodStart;
                            r.billingPeriodEnd = periodEnd;
                            const Money cost = tokenCost(tokens, prices[k]);
                            r.setAmount(Amount::Billed, cost);
                            r.setAmount(Amount::Effective, cost);
                            r.setAmount(Amount::List, tokenCost(tokens, std::max(prices[k], k == 3 ? dm.output : dm.input)));
                            r.consumedQuantity = static_cast<double>(tokens);
                            r.pricingQuantity = static_cast<double>(tokens) / 1e6;
                            r.tokens = tokens;
                            r.requests = k == 3 ? requests : -1; // one request count per call, on the output line
                            batch.emplace_back();
                            ingestor.resolve(r, batch.back());
                        }
                    };
                    const bool runawayHour = std::string_view(f.feature) == "agent" && modelIndex == 3
                        && start >= runawayStart && start < runawayEnd;
                    emit(modelIndex, share, runawayHour ? 10.0 : 1.0);
                    if (share != baseShare) // the migrated part of classify
                        emit(9, baseShare - share, 1.0);
                    // A routine classifier left on gpt-4o by its prototype (on top of the shares
                    // above): what the smaller-model recommendation is for.
                    if (std::string_view(f.feature) == "classify" && mi == 1)
                        emit(0, 0.08, 1.0, true);
                }
            }
            endpoints.addHour(ingestor, batch, start, periodStart, periodEnd, diurnal, weekly, endpointCalls);
            if (batch.size() >= 8000) {
                if (!ingestor.insert(batch.data(), batch.size())) {
                    error = ingestor.error();
                    ingestor.rollback();
                    return false;
                }
                batch.clear();
            }
        }
        if (progress)
            progress(static_cast<int>(100 * (day - firstDay + 1) / options.days));
    }
    if (!ingestor.insert(batch.data(), batch.size()) || !ingestor.commit(0, 0, result)) {
        error = ingestor.error();
        ingestor.rollback();
        return false;
    }
    return storeDemoTelemetry(db, endpointCalls, error);
}

} // namespace Cost
