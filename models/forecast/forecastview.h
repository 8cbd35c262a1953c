#pragma once

#include "forecast/forecaster.h"
#include "store/sqlitedb.h"

#include <QMetaType>
#include <QString>

#include <cstdint>
#include <string>
#include <vector>

/// A forecast of one store series as people read it: the daily history, the forecast with its
/// bands, the month-end projection and the backtest accuracy in words. Shared by the Forecast
/// page and the report's forecast section. Functions of one connection (any thread that owns it).
namespace Analytics {

/// Which series: `dim` empty = total spend, else DIM=VALUE ("model", "gpt-4o").
struct SeriesRef {
    std::string dim;
    std::string value;

    /// "Total spend" or "model gpt-4o".
    std::string label() const;
    bool operator==(const SeriesRef &) const = default;
};

/// Daily billed cost of a series, dense from its first charge to the store's last day.
struct DailyHistory {
    std::int64_t firstDay = 0;
    std::vector<double> values; ///< currency units; 0 on days without charges, NaN for partial last days
    bool partialLastDay = false; ///< the last day is incomplete (see freshness.h) and is left to the forecast
    int partialDays = 0;         ///< trailing days left to the forecast (a provider a day late: two)
    std::vector<double> partialSoFar; ///< the spend so far of those days (for showing them as partial)
    std::int64_t completeUntil = 0;   ///< the series' data is complete up to this instant (epoch s)
    std::int64_t lastDay() const { return firstDay + static_cast<std::int64_t>(values.size()) - 1; }
};

/// Reads `ref`'s daily history from the store (at most `maxDays` days back from the store's last
/// day). Days its sources have not completed yet (Freshness), or a last day with far fewer charge
/// rows than the week before, are still being billed and become NaN. False with `error` when the store holds nothing for the series.
bool loadDailyHistory(Cost::SqliteDb &db, const SeriesRef &ref, DailyHistory &out, std::string &error,
                      int maxDays = 3 * 366);

/// The calendar month that contains the first forecast day, split into known and forecast days.
struct MonthProjection {
    std::int64_t monthStart = 0;
    std::int64_t monthEnd = 0;
    double actual = 0.0;     ///< known spend of the month so far
    double projected = 0.0;  ///< actual + forecast of the rest of the month
    double low80 = 0.0, high80 = 0.0, low95 = 0.0, high95 = 0.0; ///< ranges of `projected`
    int forecastDays = 0;    ///< days of the month still forecast
};

/// Projects the month containing `fc`'s first point: known days from `history` (partial days with
/// their spend so far), the rest from `fc` (on a partial day only what exceeds its spend so far).
/// The range sums the daily bounds (conservative, the budget engine's convention).
MonthProjection projectMonth(const DailyHistory &history, const ForecastResult &fc);

/// One computed forecast view.
struct ForecastView {
    SeriesRef ref;
    DailyHistory history;
    ForecastResult result;
    MonthProjection month;
    std::string currency; ///< displayCurrency() of the history's days
    bool ok = false;
    std::string error;
};

/// Loads `ref` and forecasts `horizon` days (at least to the end of the current month).
ForecastView computeForecastView(Cost::SqliteDb &db, const SeriesRef &ref, int horizon);

/// The series people can pick, per dimension ("provider", "model", "feature", "team", "endpoint"),
/// largest spend first, at most `perDimension` each (no empty endpoint: isSeriesValue). Total is implicit.
bool seriesChoices(Cost::SqliteDb &db, std::vector<SeriesRef> &out, std::string &error, int perDimension = 25);

/// "This month will end at $41.2k, between $38.9k and $44.0k (80% range)." or, when the
/// month is already complete, what it ended at.
QString projectionSentence(const MonthProjection &m, const QString &currency);

/// "Typical daily error $310 (seasonal naive: $460) — 33% better." or why there is no backtest.
QString accuracySentence(const ForecastResult &fc, const QString &currency);

} // namespace Analytics

Q_DECLARE_METATYPE(Analytics::ForecastView)
