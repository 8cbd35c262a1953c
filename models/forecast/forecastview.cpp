#include "forecast/forecastview.h"

#include "analytics/analytics.h"
#include "analytics/currency.h"
#include "analytics/freshness.h"
#include "domain/timeparse.h"
#include "format/format.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>

namespace Analytics {

namespace {

// The texts of these free functions: Tr::tr() gives lupdate and the code the same context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Analytics::ForecastView)
};

std::int64_t monthStartOf(std::int64_t day)
{
    int y = 0;
    unsigned m = 0, d = 0;
    Cost::civilFromDays(day, y, m, d);
    return Cost::daysFromCivil(y, m, 1);
}

std::int64_t monthEndOf(std::int64_t day)
{
    int y = 0;
    unsigned m = 0, d = 0;
    Cost::civilFromDays(day, y, m, d);
    return m == 12 ? Cost::daysFromCivil(y + 1, 1, 1) - 1 : Cost::daysFromCivil(y, m + 1, 1) - 1;
}

} // namespace

std::string SeriesRef::label() const
{
    if (dim.empty())
        return Tr::tr("Total spend").toStdString();
    return dim + " " + (value.empty() ? Format::noneLabel().toStdString() : value);
}

bool loadDailyHistory(Cost::SqliteDb &db, const SeriesRef &ref, DailyHistory &out, std::string &error, int maxDays)
{
    out = DailyHistory{};
    if (!isSeriesValue(ref.dim, ref.value)) {
        error = "the " + ref.dim + " series needs a value (charges without one are no series of their own)";
        return false;
    }
    std::int64_t storeFirst = 0, storeLast = 0;
    if (!dataRange(db, storeFirst, storeLast)) {
        error = "the store holds no charges";
        return false;
    }
    TotalsRequest req;
    req.by = {"day"};
    req.fromDay = std::max(storeFirst, storeLast - std::max(1, maxDays) + 1);
    if (!ref.dim.empty())
        req.filters = {{ref.dim, ref.value}};
    std::vector<TotalsRow> rows;
    if (!totals(db, req, rows, error))
        return false;
    std::map<std::int64_t, double> byDay;
    std::map<std::int64_t, std::int64_t> rowsByDay;
    for (const auto &r : rows) {
        std::int64_t day = 0;
        if (!r.keys.empty() && Cost::parseDate(r.keys[0], day)) {
            byDay[day] += Cost::toDouble(r.value);
            rowsByDay[day] += r.rows;
        }
    }
    if (byDay.empty()) {
        error = "no charges for " + ref.label();
        return false;
    }
    // A last day still being billed (far fewer charge rows than the week before) is not a real
    // low: leave it to the forecast rather than teach it a drop.
    if (byDay.size() > 8 && byDay.rbegin()->first == storeLast) {
        std::vector<std::int64_t> before;
        for (auto it = std::next(rowsByDay.rbegin()); it != rowsByDay.rend() && before.size() < 7; ++it)
            before.push_back(it->second);
        std::nth_element(before.begin(), before.begin() + 3, before.end());
        out.partialLastDay = rowsByDay.rbegin()->second * 4 < before[3] * 3;
    }
    out.firstDay = byDay.begin()->first;
    const std::int64_t lastDay = std::max(storeLast, byDay.rbegin()->first);
    out.values.assign(static_cast<std::size_t>(lastDay - out.firstDay + 1), 0.0);
    for (const auto &[day, v] : byDay)
        out.values[static_cast<std::size_t>(day - out.firstDay)] = v;
    // Days the series' sources have not completed (a sync of today, a provider a day late).
    std::int64_t until = 0;
    if (!sliceCompleteUntil(db, req.filters, until, error))
        return false;
    const std::int64_t firstIncomplete = Freshness::firstPartialDay(until);
    const auto keep = static_cast<std::int64_t>(out.values.size()) - 1; // at least one known day
    out.partialDays = static_cast<int>(std::clamp<std::int64_t>(lastDay - firstIncomplete + 1, std::min<std::int64_t>(out.partialLastDay ? 1 : 0, keep), keep));
    out.partialLastDay = out.partialDays > 0;
    out.completeUntil = until;
    out.partialSoFar.assign(out.values.end() - out.partialDays, out.values.end());
    for (int i = 0; i < out.partialDays; ++i)
        out.values[out.values.size() - 1 - static_cast<std::size_t>(i)] = std::nan("");
    return true;
}

MonthProjection projectMonth(const DailyHistory &history, const ForecastResult &fc)
{
    MonthProjection m;
    const std::int64_t anchor = fc.points.empty() ? history.lastDay() : fc.points.front().day;
    m.monthStart = monthStartOf(anchor);
    m.monthEnd = monthEndOf(anchor);
    // Partial trailing days count with what they cost so far (month to date, Analytics::monthToDate);
    // their forecast adds only what is still to come.
    const std::size_t partialFrom = history.values.size() - std::min(history.values.size(), history.partialSoFar.size());
    std::map<std::int64_t, double> soFar;
    for (std::size_t i = 0; i < history.values.size(); ++i) {
        const std::int64_t day = history.firstDay + static_cast<std::int64_t>(i);
        const double value = i >= partialFrom ? history.partialSoFar[i - partialFrom] : history.values[i];
        if (i >= partialFrom)
            soFar[day] = value;
        if (day >= m.monthStart && day <= m.monthEnd && std::isfinite(value))
            m.actual += value;
    }
    m.projected = m.low80 = m.high80 = m.low95 = m.high95 = m.actual;
    for (const ForecastPoint &p : fc.points) {
        if (p.day < m.monthStart || p.day > m.monthEnd)
            continue;
        const auto it = soFar.find(p.day);
        const double spent = it != soFar.end() && std::isfinite(it->second) ? it->second : 0.0;
        const auto rest = [spent](double v) { return std::max(0.0, v - spent); };
        ++m.forecastDays;
        m.projected += rest(p.forecast);
        m.low80 += rest(p.lo80);
        m.high80 += rest(p.hi80);
        m.low95 += rest(p.lo95);
        m.high95 += rest(p.hi95);
    }
    return m;
}

ForecastView computeForecastView(Cost::SqliteDb &db, const SeriesRef &ref, int horizon)
{
    ForecastView view;
    view.ref = ref;
    if (!loadDailyHistory(db, ref, view.history, view.error)) {
        view.currency = displayCurrency(db);
        return view;
    }
    view.currency = displayCurrency(db, view.history.firstDay, view.history.lastDay());
    // The forecast starts after the last complete day (partial last days are forecast too).
    DailyHistory fit = view.history;
    fit.values.resize(fit.values.size() - static_cast<std::size_t>(fit.partialDays));
    const std::int64_t firstForecast = fit.lastDay() + 1;
    const int toMonthEnd = static_cast<int>(monthEndOf(firstForecast) - firstForecast + 1);
    const int h = std::clamp(std::max(horizon, toMonthEnd), 1, 366);
    if (fit.values.empty()) {
        view.error = "too little history to forecast " + ref.label();
        return view;
    }
    view.result = forecastDaily(fit.firstDay, fit.values, h);
    view.month = projectMonth(view.history, view.result);
    view.ok = true;
    return view;
}

bool seriesChoices(Cost::SqliteDb &db, std::vector<SeriesRef> &out, std::string &error, int perDimension)
{
    out.clear();
    for (const char *dim : {"provider", "model", "feature", "team", "endpoint"}) {
        TotalsRequest req;
        req.by = {dim};
        std::vector<TotalsRow> rows;
        if (!totals(db, req, rows, error))
            return false;
        std::stable_sort(rows.begin(), rows.end(), [](const TotalsRow &a, const TotalsRow &b) { return a.value > b.value; });
        int n = 0;
        for (const TotalsRow &r : rows) {
            if (r.keys.empty() || !isSeriesValue(dim, r.keys[0]))
                continue; // not a series of its own (the spend of no endpoint): takes no place
            if (n++ >= perDimension)
                break;
            if (r.value > 0)
                out.push_back({dim, r.keys[0]});
        }
    }
    return true;
}

QString projectionSentence(const MonthProjection &m, const QString &currency)
{
    const auto money = [&currency](double value) { return Format::compactUnitMoney(value, currency); };
    const QString month = Format::monthYear(m.monthStart);
    if (m.forecastDays == 0)
        return Tr::tr("%1 ended at %2.").arg(month, money(m.actual));
    return Tr::tr("%1 will end at %2, between %3 and %4 (80% range; 95%: %5 to %6). %7 spent so far, %n day(s) to go.",
              nullptr, m.forecastDays)
        .arg(month, money(m.projected), money(m.low80), money(m.high80), money(m.low95), money(m.high95), money(m.actual));
}

QString accuracySentence(const ForecastResult &fc, const QString &currency)
{
    if (fc.backtestOrigins <= 0 || !std::isfinite(fc.backtestMae))
        return Tr::tr("Too little history to measure accuracy yet: the forecast repeats recent days.");
    const double mae = fc.backtestMae, naive = fc.seasonalNaiveMae;
    QString text = Tr::tr("Typical daily error %1 (repeating last week: %2)")
                       .arg(Format::compactUnitMoney(mae, currency), Format::compactUnitMoney(naive, currency));
    if (std::isfinite(naive) && naive > 0) {
        const double gain = (naive - mae) / naive * 100.0;
        const QLocale loc = Format::locale();
        if (gain >= 0.5)
            text += Tr::tr(" \u2014 %1% better").arg(loc.toString(gain, 'f', 0));
        else if (gain <= -0.5)
            text += Tr::tr(" \u2014 %1% worse").arg(loc.toString(-gain, 'f', 0));
        else
            text += Tr::tr(" \u2014 about the same");
    }
    return text + Tr::tr(", measured on %n past forecast(s).", nullptr, fc.backtestOrigins);
}

} // namespace Analytics
