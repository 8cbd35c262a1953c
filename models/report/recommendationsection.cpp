#include "report/recommendationsection.h"

#include "analytics/periods.h"
#include "format/dates.h"
#include "format/format.h"
#include "format/money.h"
#include "recommend/recommendscan.h"
#include "recommend/recommendtext.h"
#include "report/reportcanvas.h"

#include <QCoreApplication>

#include <memory>

namespace Report {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Report::RecommendationSection", text); }

constexpr auto kMoney = Format::Precision::Cents;

} // namespace

QString RecommendationSection::title() const { return tr("Savings recommendations"); }

bool RecommendationSection::prepare(Cost::SqliteDb &db, const ReportData &data, std::string &error)
{
    Simulation::UsageQuery query;
    query.fromDay = data.request.fromDay;
    query.toDay = data.request.toDay;
    query.filters = data.request.filters;
    Recommend::Scan scan;
    if (!Recommend::scan(db, query, scan, error))
        return false;
    m_found = std::move(scan.found);
    m_today = Analytics::todayUtc();
    return Recommend::loadTracked(db, m_tracked, error);
}

bool RecommendationSection::hasContent(const ReportData &) const
{
    if (!m_found.empty())
        return true;
    for (const auto &[key, t] : m_tracked)
        if (t.status == Recommend::Status::Done)
            return true;
    return false;
}

void RecommendationSection::render(ReportCanvas &canvas) const
{
    const QString c = canvas.data().currency;
    Cost::BigMoney monthly = 0, low = 0, high = 0;
    int open = 0;
    ReportTable table;
    table.headers = {tr("Recommendation"), tr("Scope"), tr("Per month"), tr("Range"), tr("Confidence"), tr("Status")};
    table.weights = {1.6, 3.0, 1.2, 2.2, 1.0, 1.4};
    table.numeric = {false, false, true, true, true, false};
    QStringList evidence;
    for (const auto &r : m_found) {
        const auto t = m_tracked.find(Recommend::recommendationKey(r));
        QString status = tr("Open");
        if (t != m_tracked.end() && t->second.hidden(m_today))
            status = t->second.status == Recommend::Status::Dismissed ? tr("Dismissed")
                : t->second.status == Recommend::Status::Done         ? tr("Done")
                                                                      : tr("Snoozed");
        else {
            ++open;
            monthly += r.result.monthly;
            low += r.result.monthlyLow;
            high += r.result.monthlyHigh;
        }
        const QString kind = Recommend::kindText(Recommend::kindName(r.kind));
        const QString scope = Recommend::scopeText(r.feature, r.model, r.provider);
        table.rows.push_back({kind, scope, Format::money(r.result.monthly, c, kMoney),
                              Format::moneyRange(r.result.monthlyLow, r.result.monthlyHigh, c, kMoney), Format::share(r.confidence),
                              status});
        evidence << QStringLiteral("%1 \u2014 %2: %3").arg(kind, scope, QString::fromStdString(r.evidence));
    }
    canvas.paragraph(QCoreApplication::translate("Report::RecommendationSection", "%n open opportunity(ies) in this range's usage, worth %1 per month (range %2). Each is a "
                         "one-step scenario priced by the scenario engine on this range (“burnrate recommend” lists them "
                         "with the scenario “burnrate simulate” takes); where two touch the same traffic, together they "
                         "save less than their sum.",
                         nullptr, open)
                         .arg(Format::money(monthly, c, kMoney), Format::moneyRange(low, high, c, kMoney)));
    if (!table.rows.empty()) {
        canvas.drawTable(table);
        canvas.heading(tr("Evidence"), canvas.pt(40));
        for (const QString &line : std::as_const(evidence))
            canvas.paragraph(line, ReportCanvas::FontRole::Small);
    }

    ReportTable done;
    done.headers = {tr("Recommendation"), tr("Scope"), tr("Expected / month"), tr("Measured / month"), tr("Measured on")};
    done.weights = {1.6, 3.0, 1.4, 1.4, 2.4};
    done.numeric = {false, false, true, true, false};
    for (const auto &[key, t] : m_tracked)
        if (t.status == Recommend::Status::Done)
            done.rows.push_back({Recommend::kindText(t.kind), Recommend::scopeText(t.feature, t.model, t.provider),
                                 Format::money(t.predictedMonthly, c, kMoney), Format::signedMoney(t.realisedMonthly, c, kMoney),
                                 Format::dayRange(t.realisedFrom, t.realisedTo)});
    if (done.rows.empty())
        return;
    canvas.heading(tr("Realised"), canvas.pt(60));
    canvas.paragraph(tr("Recommendations whose change shows in later usage, with the saving measured there: the feature's "
                        "cost per request before and after, times its requests, per month."),
                     ReportCanvas::FontRole::Small);
    canvas.drawTable(done);
}

void registerRecommendationSection()
{
    registerSection("recommendations", kOrderRecommendations, [] { return std::make_unique<RecommendationSection>(); });
}

} // namespace Report
