#include "report/telemetrysection.h"

#include "format/dates.h"
#include "format/format.h"
#include "format/money.h"
#include "pricing/pricecatalog.h"
#include "report/reportcanvas.h"
#include "telemetry/telemetrystore.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>

namespace Report {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Report::TelemetrySection", text); }

constexpr auto kMoney = Format::Precision::Cents;
constexpr std::size_t kTopRows = 15;
constexpr std::size_t kFlaggedLines = 10;

QString latencyText(double ms)
{
    if (ms < 0)
        return QStringLiteral("\u2014");
    if (ms < 1000)
        return QCoreApplication::translate("Report::TelemetrySection", "%1 ms").arg(Format::locale().toString(ms, 'f', 0));
    return QCoreApplication::translate("Report::TelemetrySection", "%1 s").arg(Format::locale().toString(ms / 1000.0, 'f', 1));
}

// `billed` per `units`, scaled by `per` (1,000 requests; 1 user); a dash without units.
QString perUnit(Cost::BigMoney billed, std::int64_t units, std::int64_t per, const QString &currency)
{
    if (units <= 0)
        return QStringLiteral("\u2014");
    return Format::money(Pricing::roundDiv(billed * per, units), currency, kMoney);
}

QString kindText(Cost::TokenKind kind)
{
    switch (kind) {
    case Cost::TokenKind::Input: return QCoreApplication::translate("Report::TelemetrySection", "input");
    case Cost::TokenKind::CachedInput: return QCoreApplication::translate("Report::TelemetrySection", "cached input");
    case Cost::TokenKind::CacheWrite: return QCoreApplication::translate("Report::TelemetrySection", "cache write");
    case Cost::TokenKind::Output: return QCoreApplication::translate("Report::TelemetrySection", "output");
    default: return QString::fromLatin1(Cost::tokenKindName(kind).data(), static_cast<qsizetype>(Cost::tokenKindName(kind).size()));
    }
}

} // namespace

QString TelemetrySection::title() const { return tr("Application telemetry"); }

bool TelemetrySection::prepare(Cost::SqliteDb &db, const ReportData &data, std::string &error)
{
    m_telemetry = data.request.filters.empty() && Telemetry::hasTelemetry(db, data.request.fromDay, data.request.toDay);
    if (!m_telemetry)
        return true;
    return Telemetry::coverage(db, data.request.fromDay, data.request.toDay, m_coverage, error)
        && Telemetry::stats(db, data.request.fromDay, data.request.toDay, Telemetry::StatsBy::Feature, m_features, error)
        && Telemetry::stats(db, data.request.fromDay, data.request.toDay, Telemetry::StatsBy::Model, m_models, error);
}

bool TelemetrySection::hasContent(const ReportData &) const { return m_telemetry; }

void TelemetrySection::render(ReportCanvas &canvas) const
{
    const ReportData &data = canvas.data();
    const QString c = data.currency;
    const Telemetry::CoverageSummary summary = Telemetry::summarize(m_coverage);
    const double percent = summary.percent();
    const int flaggedDays = static_cast<int>(summary.flaggedDays);
    const QString coverageText = QCoreApplication::translate(
        "Report::TelemetrySection",
        "Telemetry accounts for %1 of the billed tokens in this range; %n day(s) flagged (telemetry over the bill by more "
        "than 1%, or billed tokens with none reported, for a model the applications report on).",
        nullptr, flaggedDays);
    canvas.paragraph(percent < 0 ? tr("The bill carries no token counts in this range to match the telemetry against.")
                                 : coverageText.arg(Format::percent(percent)));

    // Per feature: the bill's cost (tags, then telemetry, then rules) next to what only telemetry knows.
    std::map<std::string, Cost::BigMoney> billedByFeature;
    for (const auto &row : data.byFeature.rows)
        billedByFeature[row.key] = row.cost;
    ReportTable features;
    features.headers = {tr("Feature"), tr("Billed"), tr("Requests"), tr("Per 1,000 requests"), tr("Users"), tr("Per user"),
                        tr("p50"), tr("p95")};
    features.weights = {2.2, 1.3, 1.1, 1.4, 0.8, 1.2, 0.9, 0.9};
    features.numeric = {false, true, true, true, true, true, true, true};
    for (std::size_t i = 0; i < m_features.size() && i < kTopRows; ++i) {
        const Telemetry::Stats &s = m_features[i];
        const auto billed = billedByFeature.find(s.value);
        const Cost::BigMoney cost = billed == billedByFeature.end() ? 0 : billed->second;
        features.rows.push_back({s.value.empty() ? tr("(not named)") : QString::fromStdString(s.value),
                                 Format::money(cost, c, kMoney), Format::count(s.requests), perUnit(cost, s.requests, 1000, c),
                                 Format::count(s.users), perUnit(cost, s.users, 1, c), latencyText(s.p50Ms), latencyText(s.p95Ms)});
    }
    canvas.heading(tr("By feature"), canvas.pt(60));
    canvas.paragraph(tr("Billed: the feature's share of the bill (a tag on the charge, then telemetry, then rules). "
                        "Requests, users and latency: what the applications reported."),
                     ReportCanvas::FontRole::Small);
    canvas.drawTable(features);

    // Per model: the bill next to coverage, requests and latency.
    struct ModelRow {
        Cost::BigMoney billed = 0;
        std::int64_t billedTokens = 0, telemetryTokens = 0;
    };
    std::map<std::pair<std::string, std::string>, ModelRow> byModel;
    for (const auto &r : m_coverage) {
        ModelRow &m = byModel[{r.provider, r.model}];
        m.billed += r.billed;
        m.billedTokens += r.billedTokens;
        m.telemetryTokens += r.telemetryTokens;
    }
    std::vector<const Telemetry::Stats *> models;
    for (const auto &s : m_models)
        models.push_back(&s);
    ReportTable modelTable;
    modelTable.headers = {tr("Provider"), tr("Model"), tr("Billed"), tr("Coverage"), tr("Requests"), tr("p50"), tr("p95")};
    modelTable.weights = {1.2, 2.4, 1.3, 1.1, 1.1, 0.9, 0.9};
    modelTable.numeric = {false, false, true, true, true, true, true};
    for (std::size_t i = 0; i < models.size() && i < kTopRows; ++i) {
        const Telemetry::Stats &s = *models[i];
        const auto m = byModel.find({s.provider, s.value});
        const ModelRow row = m == byModel.end() ? ModelRow{} : m->second;
        modelTable.rows.push_back({QString::fromStdString(s.provider), QString::fromStdString(s.value), Format::money(row.billed, c, kMoney),
                                   row.billedTokens > 0 ? Format::percent(100.0 * static_cast<double>(row.telemetryTokens)
                                                                          / static_cast<double>(row.billedTokens))
                                                        : QStringLiteral("\u2014"),
                                   Format::count(s.requests), latencyText(s.p50Ms), latencyText(s.p95Ms)});
    }
    canvas.heading(tr("By model"), canvas.pt(60));
    canvas.drawTable(modelTable);

    // The flagged rows themselves: a broken instrumentation is an incident too.
    std::vector<const Telemetry::CoverageRow *> flagged;
    for (const auto &r : m_coverage)
        if (r.flagged() && r.telemetryTokens > 0)
            flagged.push_back(&r);
    if (flagged.empty())
        return;
    canvas.heading(tr("Telemetry over the bill"), canvas.pt(40));
    for (std::size_t i = 0; i < flagged.size() && i < kFlaggedLines; ++i) {
        const Telemetry::CoverageRow &r = *flagged[i];
        canvas.paragraph(tr("%1: %2 %3 %4 \u2014 billed %5 tokens, telemetry %6")
                             .arg(Format::shortDate(r.day, true), QString::fromStdString(r.provider), QString::fromStdString(r.model),
                                  kindText(r.kind), Format::count(r.billedTokens), Format::count(r.telemetryTokens)),
                         ReportCanvas::FontRole::Small);
    }
    const int more = static_cast<int>(flagged.size()) - static_cast<int>(kFlaggedLines);
    if (more > 0)
        canvas.paragraph(QCoreApplication::translate("Report::TelemetrySection", "… and %n more.", nullptr, more),
                         ReportCanvas::FontRole::Small);
}

} // namespace Report
