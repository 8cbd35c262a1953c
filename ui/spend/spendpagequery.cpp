#include "spend/spendpage.h"

#include "analytics/freshness.h"
#include "analytics/periods.h"
#include "analytics/rollupscan.h"
#include "contracts/contractsummary.h"
#include "store/store.h"
#include "telemetry/coverage.h"
#include "telemetry/telemetrystats.h"

#include <algorithm>

// What one load of a spend page reads from the store, on a worker thread: the page's slice of
// the rollups (charts, table, filter lists), the contracts summary and the telemetry coverage
// when the page shows them.
SpendPage::Snapshot SpendPage::query(Cost::Store &store, const Request &request)
{
    Snapshot snapshot;
    if (store.isEmpty())
        return snapshot;
    snapshot.empty = false;
    // One scan of the range's rollups answers the charts, the table and every filter list.
    Analytics::SpendPageRequest page;
    page.query.dimension = request.dimension;
    page.query.fromDay = request.fromDay;
    page.query.toDay = request.toDay;
    page.query.grain = request.grain;
    page.query.filters = request.filters;
    page.query.topN = request.topN;
    for (const auto &[dimension, filters] : request.optionFilters)
        page.optionFilters.emplace_back(dimension.toStdString(), filters);
    Analytics::SpendPageData data;
    std::string error;
    if (!Analytics::spendPage(store.db(), page, data, error)) {
        snapshot.error = QString::fromStdString(error);
        return snapshot;
    }
    // The last buckets may still be arriving (a sync of today, a provider a day late): the chart
    // hatches them rather than showing a fall.
    std::int64_t completeUntil = 0;
    if (!Analytics::sliceCompleteUntil(store.db(), request.filters, completeUntil, error)) {
        snapshot.error = QString::fromStdString(error);
        return snapshot;
    }
    snapshot.completeUntil = completeUntil;
    snapshot.breakdown = std::move(data.breakdown);
    snapshot.exact = std::move(data.exact);
    snapshot.currency = QString::fromStdString(data.currency);
    snapshot.otherCurrencies = std::move(data.otherCurrencies);
    for (const auto &[dimension, list] : data.options) {
        QStringList values;
        values.reserve(static_cast<qsizetype>(list.size()));
        for (const std::string &value : list)
            values << QString::fromStdString(value);
        // Alphabetical, "(none)" last: the combo is for finding a name.
        std::sort(values.begin(), values.end(), [](const QString &a, const QString &b) {
            if (a.isEmpty() != b.isEmpty())
                return b.isEmpty();
            const int c = QString::compare(a, b, Qt::CaseInsensitive);
            return c != 0 ? c < 0 : QString::localeAwareCompare(a, b) < 0;
        });
        snapshot.options.insert(QString::fromStdString(dimension), values);
    }
    std::int64_t firstDay = 0, lastDay = 0;
    if (request.contracts && Analytics::dataRange(store.db(), firstDay, lastDay)) {
        auto summary = std::make_shared<Contracts::Summary>();
        const std::int64_t asOf = Analytics::lastCompleteDay(Analytics::todayUtc(), lastDay);
        if (Contracts::summarize(store.db(), request.fromDay, request.toDay, request.filters, asOf, *summary, error))
            snapshot.contracts = std::move(summary);
        else
            snapshot.contractsError = QString::fromStdString(error);
    }
    std::vector<Telemetry::CoverageRow> coverage;
    if (!request.coverage || !Telemetry::hasTelemetry(store.db(), request.fromDay, request.toDay))
        return snapshot; // no line: the range has no telemetry
    if (Telemetry::coverage(store.db(), request.fromDay, request.toDay, coverage, error))
        snapshot.coverage = Telemetry::summarize(coverage);
    else
        snapshot.coverageError = QString::fromStdString(error);
    // Telemetry is not split by billing dimensions: its per-feature figures only where the page
    // is filtered on features alone.
    const bool featuresOnly = std::all_of(request.filters.begin(), request.filters.end(),
                                          [](const Analytics::Filter &f) { return f.first == "feature"; });
    if (request.dimension == "feature" && featuresOnly
        && !Telemetry::stats(store.db(), request.fromDay, request.toDay, Telemetry::StatsBy::Feature, snapshot.telemetry, error))
        snapshot.coverageError = QString::fromStdString(error);
    if (!request.filters.empty())
        std::erase_if(snapshot.telemetry, [&](const Telemetry::Stats &s) {
            return std::none_of(request.filters.begin(), request.filters.end(),
                                [&](const Analytics::Filter &f) { return f.second == s.value; });
        });
    return snapshot;
}
