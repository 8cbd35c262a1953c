#include "import/demoendpoints.h"

#include "telemetry/telemetrystore.h"

#include <cmath>
#include <string>

namespace Cost {

namespace {

struct DemoEndpoint {
    const char *provider;
    const char *service;
    const char *account;
    const char *region;
    const char *resourceId;
    const char *name;
    const char *usageType;
    const char *description;
    const char *unit;
    const char *tags;
    const char *model;       // as the serving stack reports it in telemetry
    const char *feature;
    const char *team;
    Money hourly;            // money units per hour
};

const DemoEndpoint kEndpoints[] = {
    {"AWS", "Amazon SageMaker", "111122223333", "us-east-1", "arn:aws:sagemaker:us-east-1:111122223333:endpoint/support-llama",
     "support-llama", "USE1-Host:ml.g5.12xlarge", "$7.09 per Hosting ml.g5.12xlarge hour in US East (N. Virginia)", "Hrs",
     R"({"feature":"chatbot","team":"support","env":"prod","model":"llama-3.1-70b-instruct"})", "llama-3.1-70b-instruct",
     "chatbot", "support", 70'900'000'000},
    {"Microsoft", "Virtual Machines", "sub-7f3e", "eastus",
     "/subscriptions/sub-7f3e/resourceGroups/ml/providers/Microsoft.MachineLearningServices/workspaces/ml-lab",
     "ml-lab", "NC4as T4 v3", "NC4as T4 v3 (managed online endpoint mistral-lab/blue)", "1 Hour",
     R"({"azuremlendpoint":"mistral-lab","azuremldeployment":"blue","model":"mistral-7b-instruct","feature":"summarize","team":"docs"})",
     "mistral-7b-instruct", "summarize", "docs", 5'260'000'000},
};

} // namespace

void DemoEndpoints::addHour(Ingestor &ingestor, std::vector<FactRow> &batch, std::int64_t start, std::int64_t periodStart,
                            std::int64_t periodEnd, double diurnal, double weekly, std::vector<Telemetry::Usage> &calls)
{
    const int hourOfDay = static_cast<int>(((start % 86400) + 86400) % 86400 / 3600);
    for (const DemoEndpoint &e : kEndpoints) {
        Record r;
        r.setDim(Dim::Provider, e.provider);
        r.setDim(Dim::Publisher, e.provider);
        r.setDim(Dim::InvoiceIssuer, e.provider);
        r.setDim(Dim::Service, e.service);
        r.setDim(Dim::ServiceCategory, "AI and Machine Learning");
        r.setDim(Dim::BillingAccount, e.account);
        r.setDim(Dim::Region, e.region);
        r.setDim(Dim::ResourceId, e.resourceId);
        r.setDim(Dim::ResourceName, e.name);
        r.setDim(Dim::UsageType, e.usageType);
        r.setDim(Dim::SkuMeter, e.usageType);
        r.setDim(Dim::ChargeCategory, "Usage");
        r.setDim(Dim::ChargeFrequency, "Usage-Based");
        r.setDim(Dim::ChargeDescription, e.description);
        r.setDim(Dim::ConsumedUnit, e.unit);
        r.setDim(Dim::PricingUnit, e.unit);
        r.setDim(Dim::Currency, "USD");
        r.setDim(Dim::Tags, e.tags);
        r.setDim(Dim::Feature, e.feature);
        r.setDim(Dim::Team, e.team);
        r.chargeStart = start;
        r.chargeEnd = start + 3600;
        r.billingPeriodStart = periodStart;
        r.billingPeriodEnd = periodEnd;
        for (Amount a : {Amount::Billed, Amount::Effective, Amount::List})
            r.setAmount(a, e.hourly);
        r.consumedQuantity = r.pricingQuantity = 1;
        batch.emplace_back();
        ingestor.resolve(r, batch.back());

        // support-llama: busy every hour, with the demo's daily and weekly shape; mistral-lab: a few
        // calls on weekday mornings 10–12 UTC, idle otherwise.
        std::int64_t requests = 0;
        if (e.hourly > 50'000'000'000)
            requests = std::llround(420.0 * diurnal * weekly * m_noise(m_rng));
        else if (weekly >= 1.0 && hourOfDay >= 10 && hourOfDay < 12)
            requests = std::llround(9.0 * m_noise(m_rng));
        if (requests <= 0)
            continue;
        Telemetry::Usage u;
        u.startSeconds = start + 1800;
        u.provider = "vllm";
        u.model = e.model;
        u.feature = e.feature;
        u.team = e.team;
        u.requests = requests;
        u.inputTokens = requests * 1400;
        u.outputTokens = requests * 320;
        u.id = std::string("demo-endpoint:") + e.name + ":" + std::to_string(start);
        calls.push_back(std::move(u));
    }
}

bool storeDemoTelemetry(SqliteDb &db, const std::vector<Telemetry::Usage> &calls, std::string &error)
{
    if (!db.exec("DELETE FROM telemetry_usage WHERE source = 'demo'; DELETE FROM telemetry_seen WHERE source = 'demo';")) {
        error = db.error();
        return false;
    }
    Telemetry::IngestResult result;
    return Telemetry::ingest(db, "demo", calls, result, error);
}

} // namespace Cost
