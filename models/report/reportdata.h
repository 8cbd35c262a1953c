#pragma once

#include "analytics/breakdown.h"

#include <QDateTime>
#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

/// What a cost report covers and the numbers it shows, gathered in one pass over the store.
namespace Report {

enum class PageSize { A4, Letter };

/// "a4" / "letter" (case-insensitive); false for anything else.
bool pageSizeFromName(const QString &name, PageSize &out);

/// What to report on (a value; copied to the worker thread).
struct ReportRequest {
    std::int64_t fromDay = 0; ///< inclusive day number
    std::int64_t toDay = 0;   ///< inclusive day number
    std::vector<Analytics::Filter> filters;
    PageSize pageSize = PageSize::A4;
    QString workspace;        ///< shown on the cover (e.g. the store's name)
    QDateTime generatedAt;    ///< shown on every page; invalid = now
    int topN = 8;             ///< values drawn separately before "Other"
};

/// Everything the built-in sections show. Sections added through the registry may query more.
struct ReportData {
    ReportRequest request;
    QString currency;                 ///< ISO 4217 code of the billing currency
    Analytics::Breakdown byModel;
    Analytics::Breakdown byFeature;
    Analytics::Breakdown byProvider;
    Cost::BigMoney total = 0;         ///< billed cost of the range (exact)
    Cost::BigMoney previousTotal = 0; ///< the same-length period just before
    std::int64_t tokens = 0;
    std::int64_t requests = 0;
    std::int64_t activeDays = 0;      ///< days of the range with any charge
};

/// The filters as "model = gpt-4o, team = search", or "none".
QString filtersText(const std::vector<Analytics::Filter> &filters);

/// Reads everything ReportData holds. Progress 0–100 on the calling thread; `cancel` may be null.
/// Safe on any thread with its own connection; false with `error` (or on cancel).
bool gatherReportData(Cost::SqliteDb &db, const ReportRequest &request, ReportData &out,
                      const std::function<void(int)> &progress, const std::atomic_bool *cancel, std::string &error);

} // namespace Report
