#include "report/budgetsection.h"

#include "analytics/currency.h"
#include "analytics/periods.h"
#include "budget/budgetstore.h"
#include "domain/timeparse.h"
#include "forecast/forecastview.h"
#include "format/format.h"
#include "report/bandchart.h"
#include "report/reportcanvas.h"

#include <QCoreApplication>

#include <algorithm>

namespace Report {

namespace {

// Free functions say Tr::tr(): lupdate files plain tr() there under the namespace, not Report::BudgetSection.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Report::BudgetSection)
};

QString tr(const char *text) { return Tr::tr(text); }

QString standingText(const Budgets::BudgetStatus &s)
{
    switch (Budgets::standing(s)) {
    case Budgets::Standing::Over: return Tr::tr("Over budget");
    case Budgets::Standing::ForecastOver: return Tr::tr("Forecast over");
    case Budgets::Standing::OnTrack: break;
    }
    return Tr::tr("On track");
}

QString scopeText(const Budgets::Budget &b)
{
    return b.scopeDim.empty() ? Tr::tr("All spend")
                              : QStringLiteral("%1 = %2").arg(QString::fromStdString(b.scopeDim), QString::fromStdString(b.scopeValue));
}

} // namespace

QString BudgetSection::title() const { return tr("Budgets"); }

bool BudgetSection::prepare(Cost::SqliteDb &db, const ReportData &data, std::string &error)
{
    m_budgets.clear();
    m_currency = data.currency;
    std::vector<Budgets::Budget> budgets;
    if (!Budgets::loadBudgets(db, budgets, error))
        return false;
    // As of the range's end, but never a day in the future.
    const std::int64_t asOf = std::min(data.request.toDay, Analytics::todayUtc());
    for (const Budgets::Budget &b : budgets) {
        Budgets::BurnDown bd;
        if (!Budgets::burnDown(db, b, asOf, bd, error)) {
            error = "budget '" + b.name + "': " + error;
            return false;
        }
        m_budgets.push_back(std::move(bd));
    }
    if (m_currency.isEmpty())
        m_currency = QString::fromStdString(Analytics::displayCurrency(db));
    return true;
}

bool BudgetSection::hasContent(const ReportData &) const { return !m_budgets.empty(); }

void BudgetSection::render(ReportCanvas &canvas) const
{
    const QString c = m_currency;
    canvas.paragraph(tr("Each budget as of %1: spend so far in its current period and, where days remain, the "
                        "projected end-of-period spend with its 80% range.")
                         .arg(Format::shortDate(m_budgets.front().status.asOfDay, true)));
    ReportTable table;
    table.headers = {tr("Budget"), tr("Scope"), tr("Period"), tr("Amount"), tr("Spent"), tr("Used"), tr("Projected"), tr("Status")};
    table.weights = {1.8, 1.8, 1.9, 1.2, 1.2, 0.8, 1.2, 1.3};
    table.numeric = {false, false, false, true, true, true, true, false};
    for (const Budgets::BurnDown &b : m_budgets) {
        const Budgets::BudgetStatus &s = b.status;
        table.rows.push_back({QString::fromStdString(s.budget.name), scopeText(s.budget),
                              Format::range(s.period.start, s.period.end), Format::money(s.budget.amount, c, Format::Precision::Cents),
                              Format::money(s.actual, c, Format::Precision::Cents), Format::share(s.percentUsed / 100.0),
                              Format::money(s.projected, c, Format::Precision::Cents), standingText(s)});
    }
    canvas.drawTable(table);

    for (const Budgets::BurnDown &b : m_budgets) {
        const Budgets::BudgetStatus &s = b.status;
        canvas.heading(tr("Burn-down: %1").arg(QString::fromStdString(s.budget.name)), canvas.pt(240));
        QString caption = tr("%1 of %2 spent by %3.")
                              .arg(Format::money(s.actual, c, Format::Precision::Cents), Format::money(s.budget.amount, c, Format::Precision::Cents),
                                   Format::shortDate(std::min(s.asOfDay, s.period.end), true));
        if (s.forecastDays > 0 && s.forecastAvailable) {
            caption += QLatin1Char(' ') + tr("Projected to end at %1 (80% range %2 to %3).")
                                              .arg(Format::money(s.projected, c, Format::Precision::Cents), Format::money(s.projectedLow80, c, Format::Precision::Cents),
                                                   Format::money(s.projectedHigh80, c, Format::Precision::Cents));
            const std::int64_t cross = Budgets::projectedCrossingDay(b);
            caption += QLatin1Char(' ') + (cross > 0 ? tr("At this pace it reaches the budget on %1.").arg(Format::shortDate(cross, true))
                                                     : tr("At this pace it stays within the budget."));
        }
        canvas.paragraph(caption);
        const QRectF chart = canvas.takeBlock(std::clamp(canvas.contentRect().height() * 0.3, canvas.pt(150), canvas.pt(220)));
        BandChart::draw(*canvas.painter(), chart, canvas.pt(1), BandChart::fromBurnDown(b, c));
    }
}

} // namespace Report
