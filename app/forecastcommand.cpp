#include "commands.h"

#include "cli/commandline.h"
#include "domain/numtext.h"
#include "analytics/analytics.h"
#include "domain/timeparse.h"
#include "forecast/forecaster.h"
#include "forecast/forecastview.h"
#include "store/store.h"

#include <QString>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace {

std::string trim(std::string s)
{
    const auto notSpace = [](unsigned char c) { return c != ' ' && c != '\t' && c != '\r' && c != '\n'; };
    s.erase(s.begin(), std::find_if(s.begin(), s.end(), notSpace));
    s.erase(std::find_if(s.rbegin(), s.rend(), notSpace).base(), s.end());
    return s;
}

// The first two fields of a CSV line, unquoted.
std::vector<std::string> firstFields(const std::string &line)
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size() && fields.size() <= 2; ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    if (fields.size() > 2)
        fields.resize(2);
    for (auto &f : fields)
        f = trim(f);
    return fields;
}

// "2024-01-31", also with a time part ("2024-01-31 00:00:00", "2024-01-31T00:00:00Z").
bool parseDay(const std::string &text, std::int64_t &day)
{
    if (text.size() > 10 && text[10] != 'T' && text[10] != ' ')
        return false;
    return Cost::parseDate(std::string_view(text).substr(0, std::min<std::size_t>(text.size(), 10)), day)
        && text.size() >= 10;
}

bool isMissing(const std::string &v)
{
    return v.empty() || v == "NA" || v == "na" || v == "NaN" || v == "nan" || v == "null";
}

bool parseValue(const std::string &text, double &value) { return Cost::parseNumber(text, value); }

// Reads IN.csv into a dense daily vector (NaN for missing days). Returns 0, or 1 with a message.
int readSeries(const std::string &path, std::int64_t &firstDay, std::vector<double> &values)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "burnrate forecast: cannot open %s\n", path.c_str());
        return 1;
    }
    std::map<std::int64_t, double> byDay;
    std::map<std::int64_t, int> lineOf;
    std::int64_t lastDay = std::numeric_limits<std::int64_t>::min(); // a trailing empty value still counts
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (lineNo == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.erase(0, 3);
        if (trim(line).empty())
            continue;
        const auto fields = firstFields(line);
        std::int64_t day = 0;
        if (lineNo == 1 && !parseDay(fields[0], day))
            continue; // the header, whatever its column names
        auto fail = [&](const std::string &what) {
            std::fprintf(stderr, "burnrate forecast: %s:%d: %s\n", path.c_str(), lineNo, what.c_str());
            return 1;
        };
        if (fields.size() < 2)
            return fail("expected two columns, date,value");
        if (!parseDay(fields[0], day))
            return fail("'" + fields[0] + "' is not a date (YYYY-MM-DD)");
        lastDay = std::max(lastDay, day);
        if (isMissing(fields[1]))
            continue;
        double v = 0.0;
        if (!parseValue(fields[1], v))
            return fail("'" + fields[1] + "' is not a number");
        if (byDay.count(day))
            return fail("date " + Cost::formatDay(day) + " already appeared on line " + std::to_string(lineOf[day]));
        byDay[day] = v;
        lineOf[day] = lineNo;
    }
    if (in.bad()) {
        std::fprintf(stderr, "burnrate forecast: error reading %s\n", path.c_str());
        return 1;
    }
    if (byDay.empty()) {
        std::fprintf(stderr, "burnrate forecast: %s has no data rows (expected date,value)\n", path.c_str());
        return 1;
    }
    firstDay = byDay.begin()->first;
    const std::int64_t span = std::max(lastDay, byDay.rbegin()->first) - firstDay + 1;
    if (span > 200 * 366) {
        std::fprintf(stderr, "burnrate forecast: %s spans more than 200 years; check the dates\n", path.c_str());
        return 1;
    }
    values.assign(static_cast<std::size_t>(span), std::nan(""));
    for (const auto &[day, v] : byDay)
        values[static_cast<std::size_t>(day - firstDay)] = v;
    return 0;
}

// The store's daily billed cost for DIM=VALUE over its whole history (Analytics::loadDailyHistory,
// the same series the Forecast page shows); a last day still being billed is left out as missing.
int readStoreSeries(const CommandContext &ctx, const std::string &dim, const std::string &value,
                    std::int64_t &firstDay, std::vector<double> &values)
{
    Cost::Store store;
    if (!openStore(ctx, store, "forecast", Cost::Store::TeamStore::ReadOnly)) // checked on PostgreSQL too (tst_storecopy)
        return 1;
    Analytics::DailyHistory history;
    std::string error;
    if (!Analytics::loadDailyHistory(store.db(), Analytics::SeriesRef{dim, value}, history, error,
                                     std::numeric_limits<int>::max())) {
        std::fprintf(stderr, "burnrate forecast: %s (store %s)\n", error.c_str(), ctx.dbPath.toUtf8().constData());
        return 1;
    }
    if (history.partialDays == 1)
        std::fprintf(stderr, "burnrate forecast: %s is not complete yet (its data is still arriving); treated as missing\n",
                     Cost::formatDay(history.lastDay()).c_str());
    else if (history.partialDays > 1)
        std::fprintf(stderr, "burnrate forecast: %s to %s are not complete yet (their data is still arriving); treated as missing\n",
                     Cost::formatDay(history.lastDay() - history.partialDays + 1).c_str(), Cost::formatDay(history.lastDay()).c_str());
    firstDay = history.firstDay;
    values = std::move(history.values);
    return 0;
}

std::string formatNumber(double v) { return Cost::formatNumber(v, -10); }

} // namespace

int runForecastCommand(const CommandContext &ctx, const QStringList &args)
{
    std::string input, output, series;
    int horizon = 0;
    Cli::CommandLine cli(QStringLiteral("forecast"),
                         QStringLiteral("Usage: burnrate forecast --input IN.csv --horizon N --output OUT.csv\n"
                                        "       burnrate forecast --series DIM=VALUE --horizon N [--output OUT.csv]\n"
                                        "IN.csv: a header, then rows date,value (YYYY-MM-DD; days may be missing or unsorted).\n"
                                        "--series forecasts the store's daily billed cost of one series (e.g. model=gpt-4o).\n"
                                        "Output: date,forecast,lo80,hi80,lo95,hi95 for the N days after the last date\n"
                                        "(to stdout when --output is absent).\n"));
    cli.value(QStringLiteral("--input"), QStringLiteral("IN.csv"), QStringLiteral("the daily series to forecast"), input);
    cli.value(QStringLiteral("--series"), QStringLiteral("DIM=VALUE"), QStringLiteral("forecast this series of the store instead"),
              series);
    cli.add({.name = QStringLiteral("--horizon"), .valueName = QStringLiteral("N"),
             .help = QStringLiteral("days to forecast, 1 to 3660"), .apply = [&](const QString &v) {
                 bool ok = false;
                 horizon = v.toInt(&ok);
                 if (!ok || horizon < 1 || horizon > 3660)
                     return QStringLiteral("--horizon must be a whole number of days between 1 and 3660");
                 return QString();
             }});
    cli.value(QStringLiteral("--output"), QStringLiteral("OUT.csv"), QStringLiteral("where to write (default: standard output)"),
              output);
    if (const auto done = cli.parse(args))
        return *done;
    if (horizon == 0)
        return cli.usageError(QStringLiteral("--horizon is required"));
    if (input.empty() == series.empty())
        return cli.usageError(QStringLiteral("give either --input or --series"));
    if (!input.empty() && output.empty())
        return cli.usageError(QStringLiteral("--output is required with --input"));

    std::int64_t firstDay = 0;
    std::vector<double> values;
    if (!input.empty()) {
        if (const int rc = readSeries(input, firstDay, values))
            return rc;
    } else {
        const auto eq = series.find('=');
        if (eq == std::string::npos || eq == 0)
            return cli.usageError(QStringLiteral("--series needs DIM=VALUE"));
        const std::string dim = series.substr(0, eq);
        const auto &names = Analytics::dimensionNames();
        if (std::find(names.begin(), names.end(), dim) == names.end() || dim == "day" || dim == "month")
            return cli.usageError(QStringLiteral("unknown series dimension '%1'").arg(QString::fromStdString(dim)));
        if (const int rc = readStoreSeries(ctx, dim, series.substr(eq + 1), firstDay, values))
            return rc;
    }

    const Analytics::ForecastResult result = Analytics::forecastDaily(firstDay, values, horizon);
    std::string text = "date,forecast,lo80,hi80,lo95,hi95\n";
    for (const auto &p : result.points)
        text += Cost::formatDay(p.day) + "," + formatNumber(p.forecast) + "," + formatNumber(p.lo80) + ","
            + formatNumber(p.hi80) + "," + formatNumber(p.lo95) + "," + formatNumber(p.hi95) + "\n";
    if (output.empty()) {
        std::fputs(text.c_str(), stdout);
    } else {
        std::ofstream out(output, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out) {
            std::fprintf(stderr, "burnrate forecast: cannot write %s\n", output.c_str());
            return 1;
        }
    }
    if (result.backtestOrigins > 0 && std::isfinite(result.backtestMae))
        std::fprintf(stderr, "burnrate forecast: method %s; backtest MAE %s vs seasonal naive %s over %d origins\n",
                     result.method.c_str(), formatNumber(result.backtestMae).c_str(),
                     formatNumber(result.seasonalNaiveMae).c_str(), result.backtestOrigins);
    else
        std::fprintf(stderr, "burnrate forecast: method %s (too little history to backtest)\n", result.method.c_str());
    return 0;
}
