#include "report/reportdata.h"

#include "analytics/analytics.h"
#include "analytics/currency.h"

#include <QCoreApplication>

#include <algorithm>

namespace Report {

bool pageSizeFromName(const QString &name, PageSize &out)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("a4"))
        out = PageSize::A4;
    else if (n == QLatin1String("letter") || n == QLatin1String("us-letter"))
        out = PageSize::Letter;
    else
        return false;
    return true;
}

namespace {

// Names the model-less cost of the by-model breakdown after its providers ("OpenAI, not
// itemised"): an account whose costs endpoint has no line items bills without a model, and
// "(none)" read like a model of that name.
bool nameUnitemisedCost(Cost::SqliteDb &db, const ReportRequest &request, const std::vector<Analytics::Filter> &filters,
                        Analytics::Breakdown &byModel, std::string &error)
{
    const auto empty = [](const std::string &key) { return key.empty(); };
    if (std::none_of(byModel.rows.begin(), byModel.rows.end(), [&](const Analytics::BreakdownRow &r) { return empty(r.key); }))
        return true;
    Analytics::TotalsRequest byProvider;
    byProvider.by = {"model", "provider"};
    byProvider.fromDay = request.fromDay;
    byProvider.toDay = request.toDay;
    byProvider.filters = filters;
    std::vector<Analytics::TotalsRow> rows;
    if (!Analytics::totals(db, byProvider, rows, error))
        return false;
    std::vector<std::pair<Cost::BigMoney, QString>> providers;
    for (const Analytics::TotalsRow &row : rows)
        if (row.keys.size() == 2 && row.keys[0].empty() && row.value != 0)
            providers.emplace_back(row.value, QString::fromStdString(row.keys[1]));
    std::sort(providers.begin(), providers.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QString label;
    if (providers.size() == 1)
        label = QCoreApplication::translate("Report", "%1, not itemised").arg(providers[0].second);
    else if (providers.size() == 2)
        label = QCoreApplication::translate("Report", "%1 and %2, not itemised").arg(providers[0].second, providers[1].second);
    else
        label = QCoreApplication::translate("Report", "Not itemised by model");
    const std::string name = label.toStdString();
    for (Analytics::BreakdownRow &row : byModel.rows)
        if (empty(row.key))
            row.key = name;
    std::replace_if(byModel.seriesNames.begin(), byModel.seriesNames.end(), empty, name);
    return true;
}

} // namespace

QString filtersText(const std::vector<Analytics::Filter> &filters)
{
    if (filters.empty())
        return QCoreApplication::translate("Report", "none");
    QStringList parts;
    for (const auto &[dim, value] : filters) {
        parts << QStringLiteral("%1 = %2").arg(QString::fromStdString(dim),
                                              value.empty() ? QCoreApplication::translate("Report", "(none)")
                                                            : QString::fromStdString(value));
    }
    return parts.join(QStringLiteral(", "));
}

bool gatherReportData(Cost::SqliteDb &db, const ReportRequest &request, ReportData &out,
                      const std::function<void(int)> &progress, const std::atomic_bool *cancel, std::string &error)
{
    out = ReportData{};
    out.request = request;
    if (!out.request.generatedAt.isValid())
        out.request.generatedAt = QDateTime::currentDateTime();
    if (request.toDay < request.fromDay) {
        error = "the range ends before it starts";
        return false;
    }
    auto cancelled = [&] {
        if (cancel && cancel->load()) {
            error = "cancelled";
            return true;
        }
        return false;
    };
    auto report = [&](int percent) {
        if (progress)
            progress(percent);
    };

    // One currency per report, by the pages' rule (Analytics::displayCurrency); with several in
    // the range and no currency filter, the figures are that currency's charges only (amounts
    // are never added across currencies).
    std::vector<Analytics::Filter> filters = request.filters;
    std::string currency;
    if (!Analytics::oneCurrencyFilters(db, request.fromDay, request.toDay, filters, currency, error))
        return false;
    out.currency = QString::fromStdString(currency);

    // One breakdown per dimension the report shows; each carries the range total, the previous
    // period and the unit economics, so nothing else needs a separate scan.
    const Analytics::Grain grain = Analytics::autoGrain(request.fromDay, request.toDay);
    struct Part {
        const char *dimension;
        Analytics::Breakdown *target;
    };
    const Part parts[] = {{"model", &out.byModel}, {"feature", &out.byFeature}, {"provider", &out.byProvider}};
    int done = 0;
    for (const Part &part : parts) {
        if (cancelled())
            return false;
        Analytics::BreakdownQuery query;
        query.dimension = part.dimension;
        query.fromDay = request.fromDay;
        query.toDay = request.toDay;
        query.grain = grain;
        query.filters = filters;
        query.topN = request.topN;
        if (!Analytics::breakdown(db, query, *part.target, error))
            return false;
        report(++done * 28);
    }
    if (cancelled() || !nameUnitemisedCost(db, request, filters, out.byModel, error))
        return false;

    out.total = out.byModel.total;
    out.previousTotal = out.byModel.previousTotal;
    for (const Analytics::BreakdownRow &row : out.byModel.rows) {
        out.tokens += row.tokens;
        out.requests += row.requests;
    }

    Analytics::TotalsRequest days;
    days.by = {"day"};
    days.fromDay = request.fromDay;
    days.toDay = request.toDay;
    days.filters = filters;
    std::vector<Analytics::TotalsRow> dayRows;
    if (!Analytics::totals(db, days, dayRows, error))
        return false;
    for (const Analytics::TotalsRow &row : dayRows)
        out.activeDays += row.value != 0 ? 1 : 0;
    report(100);
    return !cancelled();
}

} // namespace Report
