#include "report/reportsection.h"

#include "report/anomalysection.h"
#include "report/budgetsection.h"
#include "report/forecastsection.h"
#include "report/moverssection.h"
#include "report/spendsection.h"
#include "report/telemetrysection.h"
#include "report/uniteconomicssection.h"

#include <QCoreApplication>

#include <algorithm>
#include <mutex>

namespace Report {

namespace {

struct Registration {
    std::string id;
    int order;
    SectionFactory factory;
};

std::mutex &registryMutex()
{
    static std::mutex mutex;
    return mutex;
}

// Built-ins are registered here rather than by static initialisers, which a static library
// would drop at link time.
std::vector<Registration> &registry()
{
    static std::vector<Registration> entries = [] {
        auto t = [](const char *text) { return QCoreApplication::translate("Report", text); };
        std::vector<Registration> v;
        v.push_back({"by-model", kOrderByModel, [t] { return std::make_unique<SpendSection>("model", t("Spend by model")); }});
        v.push_back({"by-feature", kOrderByFeature, [t] { return std::make_unique<SpendSection>("feature", t("Spend by feature")); }});
        v.push_back({"telemetry", kOrderTelemetry, [] { return std::make_unique<TelemetrySection>(); }});
        v.push_back({"by-provider", kOrderByProvider, [t] { return std::make_unique<SpendSection>("provider", t("Spend by provider")); }});
        v.push_back({"unit-economics", kOrderUnitEconomics, [] { return std::make_unique<UnitEconomicsSection>(); }});
        v.push_back({"movers", kOrderMovers, [] { return std::make_unique<MoversSection>(); }});
        v.push_back({"anomalies", kOrderAnomalies, [] { return std::make_unique<AnomalySection>(); }});
        v.push_back({"forecasts", kOrderForecasts, [] { return std::make_unique<ForecastSection>(); }});
        v.push_back({"budgets", kOrderBudgets, [] { return std::make_unique<BudgetSection>(); }});
        return v;
    }();
    return entries;
}

} // namespace

bool ReportSection::prepare(Cost::SqliteDb &, const ReportData &, std::string &)
{
    return true;
}

bool ReportSection::hasContent(const ReportData &) const
{
    return true;
}

void registerSection(const std::string &id, int order, SectionFactory factory)
{
    std::lock_guard lock(registryMutex());
    auto &entries = registry();
    entries.erase(std::remove_if(entries.begin(), entries.end(), [&](const Registration &r) { return r.id == id; }),
                  entries.end());
    entries.push_back({id, order, std::move(factory)});
}

bool unregisterSection(const std::string &id)
{
    std::lock_guard lock(registryMutex());
    auto &entries = registry();
    const auto before = entries.size();
    entries.erase(std::remove_if(entries.begin(), entries.end(), [&](const Registration &r) { return r.id == id; }),
                  entries.end());
    return entries.size() != before;
}

std::vector<std::unique_ptr<ReportSection>> createSections()
{
    std::vector<Registration> entries;
    {
        std::lock_guard lock(registryMutex());
        entries = registry();
    }
    std::stable_sort(entries.begin(), entries.end(), [](const Registration &a, const Registration &b) { return a.order < b.order; });
    std::vector<std::unique_ptr<ReportSection>> sections;
    for (const Registration &r : entries) {
        if (auto section = r.factory())
            sections.push_back(std::move(section));
    }
    return sections;
}

} // namespace Report
