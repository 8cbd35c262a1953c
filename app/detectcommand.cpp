// burnrate detect --input IN.csv --output OUT.csv [--sensitivity low|normal|high]
//
// Scores every row of a timestamp,value series with Analytics::AnomalyDetector, causally (a row's
// score depends on that row and the rows above it only) and in input order, and writes
// timestamp,value,anomaly_score with the timestamp and value echoed as given.
//
// Thresholds and --sensitivity: in OUT, anomaly_score >= 0.5 means "alert" at the chosen
// sensitivity, whichever it is. The detector's own score puts the Normal alert threshold at 0.5
// (alertThreshold(Sensitivity::Normal)); --sensitivity low/high only remaps the score
// monotonically (scoreForSensitivity) so that the Low/High threshold lands on 0.5. Consequences:
//  * with the default (normal), `nab_score.py ... --threshold 0.5` scores exactly the alerts the
//    app raises by default ("the default sensitivity's threshold");
//  * the ranking of rows never depends on --sensitivity, so nab_score.py's corpus-optimal
//    threshold gives the same NAB score for every sensitivity.
// Only the first, strongest row of an incident scores high; later rows of the same incident
// score 0 unless they are clearly stronger (a level shift alerts once, then becomes normal).
//
// Input: a header line is required (columns named timestamp and value are used wherever they
// are, else the first two columns). Timestamps: ISO 8601 or "YYYY-MM-DD HH:MM:SS", UTC unless an
// offset is given. Rows are scored in the order given: a row whose timestamp is earlier than one
// above it (a clock stepping back, merged logs) or repeats one is still scored, and the detector
// takes its clock as standing still until it moves on (timestamps only place a row in its daily or
// weekly cycle); a note on stderr says how many rows did so. An empty value (or NA, NaN, null) is
// a gap: the row is echoed with score 0 and does not enter the detector. Anything else that does
// not parse stops with file and line.
//
// Tuning only: BURNRATE_DETECT_PARAMS="name=value;..." overrides AnomalyDetectorOptions fields
// (anomaly/detectorparams.h); the shipped defaults are those of AnomalyDetectorOptions.
//
// Exit codes: 0 success, 1 I/O or parse error, 2 usage error.

#include "commands.h"

#include "cli/commandline.h"
#include "cli/csvfield.h"
#include "domain/numtext.h"
#include "anomaly/anomalydetector.h"
#include "anomaly/detectorparams.h"
#include "domain/timeparse.h"
#include "import/csvreader.h"

#include <QString>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

std::string trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return std::string(s);
}

std::string lower(std::string s)
{
    for (char &c : s)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
}

bool isMissing(const std::string &v)
{
    const std::string l = lower(v);
    return l.empty() || l == "na" || l == "nan" || l == "null" || l == "none";
}

bool parseValue(const std::string &text, double &value) { return Cost::parseNumber(text, value); }

struct Row {
    std::string timestamp; // as given
    std::string value;     // as given
    std::int64_t epoch = 0;
    double number = std::nan("");
};

// What was unusual about the order of the rows.
struct Order {
    long stepsBack = 0;                // rows earlier than a row above them
    std::int64_t firstBackLine = 0;
    std::int64_t firstBackSeconds = 0; // how far the first of them stepped back
    long repeats = 0;                  // rows with the same timestamp as the latest above them
};

std::string duration(std::int64_t seconds)
{
    if (seconds % 86400 == 0)
        return std::to_string(seconds / 86400) + (seconds == 86400 ? " day" : " days");
    if (seconds % 60 == 0 && seconds < 2 * 86400)
        return std::to_string(seconds / 60) + (seconds == 60 ? " minute" : " minutes");
    return std::to_string(seconds) + (seconds == 1 ? " second" : " seconds");
}

void reportOrder(const std::string &path, const Order &order)
{
    if (order.stepsBack == 0 && order.repeats == 0)
        return;
    std::string note = "burnrate detect: " + path + ": ";
    if (order.stepsBack > 0)
        note += std::to_string(order.stepsBack) + (order.stepsBack == 1 ? " row steps" : " rows step")
            + " back in time (first at line " + std::to_string(order.firstBackLine) + ", " + duration(order.firstBackSeconds)
            + ")" + (order.repeats > 0 ? "; " : "");
    if (order.repeats > 0)
        note += std::to_string(order.repeats) + (order.repeats == 1 ? " repeated timestamp" : " repeated timestamps");
    note += "; scored in the order given\n";
    std::fputs(note.c_str(), stderr);
}

// Reads IN.csv; 0, or 1 after printing file:line and what is wrong.
int readRows(const std::string &path, std::vector<Row> &rows, Order &order)
{
    Cost::CsvReader reader;
    if (!reader.open(path)) {
        std::fprintf(stderr, "burnrate detect: cannot open %s: %s\n", path.c_str(), reader.error().c_str());
        return 1;
    }
    auto fail = [&](std::int64_t line, const std::string &what) {
        std::fprintf(stderr, "burnrate detect: %s:%lld: %s\n", path.c_str(), static_cast<long long>(line), what.c_str());
        return 1;
    };
    std::vector<std::string_view> fields;
    std::size_t tsCol = 0, valueCol = 1;
    bool header = true;
    std::int64_t latest = 0;
    for (;;) {
        const auto status = reader.next(fields);
        if (status == Cost::CsvReader::Status::End)
            break;
        if (status == Cost::CsvReader::Status::Error)
            return fail(reader.line(), reader.error());
        if (header) {
            header = false;
            std::int64_t probe = 0;
            if (!fields.empty() && Cost::parseTimestamp(trimmed(fields[0]), probe))
                return fail(reader.line(), "expected a header line (timestamp,value), found data");
            bool haveTs = false, haveValue = false;
            for (std::size_t i = 0; i < fields.size(); ++i) {
                const std::string name = lower(trimmed(fields[i]));
                if (name == "timestamp" && !haveTs)
                    tsCol = i, haveTs = true;
                else if (name == "value" && !haveValue)
                    valueCol = i, haveValue = true;
            }
            if (fields.size() < 2)
                return fail(reader.line(), "expected at least two columns, timestamp,value");
            continue;
        }
        Row row;
        row.timestamp = tsCol < fields.size() ? trimmed(fields[tsCol]) : std::string();
        row.value = valueCol < fields.size() ? trimmed(fields[valueCol]) : std::string();
        if (!Cost::parseTimestamp(row.timestamp, row.epoch))
            return fail(reader.line(), "'" + row.timestamp + "' is not a timestamp (ISO 8601 or YYYY-MM-DD HH:MM:SS)");
        if (!rows.empty() && row.epoch < latest && order.stepsBack++ == 0) {
            order.firstBackLine = reader.line();
            order.firstBackSeconds = latest - row.epoch;
        } else if (!rows.empty() && row.epoch == latest) {
            ++order.repeats;
        }
        latest = rows.empty() ? row.epoch : std::max(latest, row.epoch);
        if (!isMissing(row.value) && !parseValue(row.value, row.number))
            return fail(reader.line(), "'" + row.value + "' is not a number");
        rows.push_back(std::move(row));
    }
    if (header)
        return fail(1, "the file is empty (expected a header line timestamp,value)");
    return 0;
}

} // namespace

int runDetectCommand(const CommandContext &ctx, const QStringList &args)
{
    (void)ctx; // detection works on files only, never on the store
    std::string input, output;
    Analytics::Sensitivity sensitivity = Analytics::Sensitivity::Normal;
    Cli::CommandLine cli(QStringLiteral("detect"),
                         QStringLiteral("Usage: burnrate detect --input IN.csv --output OUT.csv [--sensitivity low|normal|high]\n"
                                        "IN.csv: a header, then rows timestamp,value (ISO 8601 or YYYY-MM-DD HH:MM:SS), scored in the order given.\n"
                                        "OUT.csv: timestamp,value,anomaly_score for every row; a score of 0.5 or more is an alert\n"
                                        "at the chosen sensitivity (default normal).\n"));
    cli.value(QStringLiteral("--input"), QStringLiteral("IN.csv"), QStringLiteral("the timestamp,value series to score"), input);
    cli.value(QStringLiteral("--output"), QStringLiteral("OUT.csv"), QStringLiteral("where to write the scores"), output);
    cli.add({.name = QStringLiteral("--sensitivity"), .valueName = QStringLiteral("low|normal|high"),
             .help = QStringLiteral("which alerts score 0.5 or more (default: normal)"), .apply = [&](const QString &v) {
                 if (v == QStringLiteral("low"))
                     sensitivity = Analytics::Sensitivity::Low;
                 else if (v == QStringLiteral("normal"))
                     sensitivity = Analytics::Sensitivity::Normal;
                 else if (v == QStringLiteral("high"))
                     sensitivity = Analytics::Sensitivity::High;
                 else
                     return QStringLiteral("--sensitivity must be low, normal or high");
                 return QString();
             }});
    if (const auto done = cli.parse(args))
        return *done;
    if (input.empty() || output.empty())
        return cli.usageError(QStringLiteral("--input and --output are required"));

    std::vector<Row> rows;
    Order order;
    if (const int rc = readRows(input, rows, order))
        return rc;
    Analytics::AnomalyDetectorOptions options;
    if (const char *params = std::getenv("BURNRATE_DETECT_PARAMS")) {
        if (const std::string error = Analytics::applyDetectorParams(params, options); !error.empty()) {
            std::fprintf(stderr, "burnrate detect: BURNRATE_DETECT_PARAMS: %s\n", error.c_str());
            return 2;
        }
    }
    reportOrder(input, order);

    Analytics::AnomalyDetector detector(options);
    std::ofstream out(output, std::ios::binary | std::ios::trunc);
    if (!out) {
        std::fprintf(stderr, "burnrate detect: cannot write %s\n", output.c_str());
        return 1;
    }
    out << "timestamp,value,anomaly_score\n";
    for (const Row &row : rows) {
        const double s = std::isfinite(row.number) ? detector.update(row.epoch, row.number) : 0.0;
        const std::string score = Cost::formatNumber(Analytics::scoreForSensitivity(s, sensitivity), 6);
        out << Cli::csvField(row.timestamp) << ',' << Cli::csvField(row.value) << ',' << score << '\n';
    }
    out.flush();
    if (!out) {
        std::fprintf(stderr, "burnrate detect: error writing %s\n", output.c_str());
        return 1;
    }
    return 0;
}
