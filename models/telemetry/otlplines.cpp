#include "telemetry/otlplines.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <iterator>

namespace Telemetry {

namespace {

// Below a few MB per core, one core is quicker than starting others.
constexpr std::size_t kPerThread = 4 << 20;

struct Parsed {
    std::vector<Usage> usage;
    OtlpSummary summary;
    std::int64_t badLine = 0;
    std::string why;
};

} // namespace

std::vector<LinePiece> cutLines(std::string_view text, std::size_t count)
{
    std::vector<LinePiece> pieces;
    count = std::max<std::size_t>(count, 1);
    std::size_t pos = 0;
    std::int64_t line = 1;
    for (std::size_t i = 0; i < count && pos < text.size(); ++i) {
        std::size_t end = i + 1 == count ? text.size() : std::max(pos, text.size() / count * (i + 1));
        if (end < text.size()) {
            end = text.find('\n', end);
            end = end == std::string_view::npos ? text.size() : end + 1;
        }
        LinePiece piece{text.substr(pos, end - pos), line};
        line += std::count(piece.text.begin(), piece.text.end(), '\n');
        pieces.push_back(piece);
        pos = end;
    }
    return pieces;
}

bool parseOtlpPiece(const LinePiece &piece, const Mapping &mapping, std::vector<Usage> &out, OtlpSummary &summary,
                    std::int64_t &badLine, std::string &why)
{
    std::size_t pos = 0;
    std::int64_t line = piece.firstLine - 1;
    const std::string_view text = piece.text;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view one = text.substr(pos, end - pos);
        ++line;
        pos = end + 1;
        if (one.find_first_not_of(" \t\r") == std::string_view::npos)
            continue;
        if (!parseOtlpJson(one, mapping, out, summary, why)) {
            badLine = line;
            return false;
        }
    }
    return true;
}

bool parseOtlpLines(std::string_view text, const Mapping &mapping, std::vector<Usage> &out, OtlpSummary &summary,
                    std::string &error, int threads)
{
    if (threads <= 0)
        threads = std::max(1, QThread::idealThreadCount());
    const auto count = std::clamp<std::size_t>(text.size() / kPerThread, 1, static_cast<std::size_t>(threads));
    const std::vector<LinePiece> pieces = cutLines(text, count);
    std::vector<Parsed> parsed(pieces.size());
    const auto parseOne = [&](std::size_t i) {
        parseOtlpPiece(pieces[i], mapping, parsed[i].usage, parsed[i].summary, parsed[i].badLine, parsed[i].why);
    };
    std::vector<QFuture<void>> running;
    for (std::size_t i = 1; i < pieces.size(); ++i)
        running.push_back(QtConcurrent::run(parseOne, i));
    if (!pieces.empty())
        parseOne(0);
    for (QFuture<void> &f : running)
        f.waitForFinished();
    for (const Parsed &p : parsed) {
        if (p.badLine == 0)
            continue;
        // A pretty-printed single request spans many lines: read it whole.
        if (p.badLine == 1) {
            std::vector<Usage> whole;
            OtlpSummary wholeSummary;
            std::string wholeWhy;
            if (parseOtlpJson(text, mapping, whole, wholeSummary, wholeWhy)) {
                out.insert(out.end(), std::make_move_iterator(whole.begin()), std::make_move_iterator(whole.end()));
                summary.spans += wholeSummary.spans;
                summary.modelCalls += wholeSummary.modelCalls;
                return true;
            }
        }
        error = "line " + std::to_string(p.badLine) + ": " + p.why;
        return false;
    }
    std::size_t total = 0;
    for (const Parsed &p : parsed)
        total += p.usage.size();
    out.reserve(out.size() + total);
    for (Parsed &p : parsed) {
        out.insert(out.end(), std::make_move_iterator(p.usage.begin()), std::make_move_iterator(p.usage.end()));
        summary.spans += p.summary.spans;
        summary.modelCalls += p.summary.modelCalls;
    }
    return true;
}

} // namespace Telemetry
