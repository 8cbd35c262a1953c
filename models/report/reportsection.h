#pragma once

#include "report/reportdata.h"

#include <QString>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace Cost {
class SqliteDb;
}

namespace Report {

class ReportCanvas;

/// One section of the PDF report (spend by model, anomalies, budgets…). A section reads what it
/// needs in prepare(), then draws its pages with the canvas; the writer starts each section on
/// a new page under its title and lists it in the table of contents.
///
/// Threading contract: created, prepared and rendered on the report's worker thread; prepare()
/// gets that thread's own connection. Sections never show UI.
class ReportSection {
public:
    virtual ~ReportSection() = default;

    /// The title on the section's first page and in the table of contents.
    virtual QString title() const = 0;
    /// Reads extra data; false with `error` aborts the report. Default: nothing to read.
    virtual bool prepare(Cost::SqliteDb &db, const ReportData &data, std::string &error);
    /// False when the section has nothing to show (e.g. no budgets defined): it is left out.
    virtual bool hasContent(const ReportData &data) const;
    /// Draws the section from the canvas cursor; may add pages with canvas.newPage().
    virtual void render(ReportCanvas &canvas) const = 0;
};

/// Creates a fresh section for one report.
using SectionFactory = std::function<std::unique_ptr<ReportSection>()>;

/// Order bands of the sections: built-in 100–500; self-hosted endpoints 450, anomalies 600,
/// forecasts 700, budgets 800 and simulations 900, recommendations 950 register theirs when they exist.
enum SectionOrder : int {
    kOrderByModel = 100, kOrderByFeature = 200, kOrderTelemetry = 250, kOrderByProvider = 300, kOrderUnitEconomics = 400,
    kOrderEndpoints = 450,
    kOrderMovers = 500, kOrderAnomalies = 600, kOrderForecasts = 700, kOrderBudgets = 800, kOrderSimulations = 900,
    kOrderRecommendations = 950
};

/// Adds a section to every report rendered afterwards (thread-safe). Call it at start-up from
/// the module that owns the section; a later registration with the same `id` replaces it.
void registerSection(const std::string &id, int order, SectionFactory factory);
/// Removes a registration; true when there was one.
bool unregisterSection(const std::string &id);
/// One new instance of every registered section (built-ins included), in order.
std::vector<std::unique_ptr<ReportSection>> createSections();

} // namespace Report
