#include "telemetry/otlplines.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <iterator>

namespace Telemetry {

namespace {

// One piece of the text, whole lines, parsed on its own.
struct Piece {
    std::string_view text;
    std::int64_t firstLine = 1; ///< line number of the piece's first line in the whole text
    std::vector<Usage> usage;
    OtlpSummary summary;
    std::int64_t badLine = 0; ///< 0: parsed
    std::string why;
};

void parsePiece(Piece &piece, const Mapping &mapping)
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
        if (!parseOtlpJson(one, mapping, piece.usage, piece.summary, piece.why)) {
            piece.badLine = line;
            return;
        }
    }
}

// Cuts `text` into about `count` pieces of whole lines.
std::vector<Piece> cut(std::string_view text, int count)
{
    std::vector<Piece> pieces;
    std::size_t pos = 0;
    std::int64_t line = 1;
    for (int i = 0; i < count && pos < text.size(); ++i) {
        std::size_t end = i + 1 == count ? text.size() : std::max(pos, text.size() * static_cast<std::size_t>(i + 1) / static_cast<std::size_t>(count));
        if (end < text.size()) {
            end = text.find('\n', end);
            end = end == std::string_view::npos ? text.size() : end + 1;
        }
        Piece piece;
        piece.text = text.substr(pos, end - pos);
        piece.firstLine = line;
        line += std::count(piece.text.begin(), piece.text.end(), '\n');
        pieces.push_back(std::move(piece));
        pos = end;
    }
    return pieces;
}

} // namespace

bool parseOtlpLines(std::string_view text, const Mapping &mapping, std::vector<Usage> &out, OtlpSummary &summary,
                    std::string &error, int threads)
{
    // Below a few MB one core is quicker than starting others.
    constexpr std::size_t kPerThread = 4 << 20;
    if (threads <= 0)
        threads = std::max(1, QThread::idealThreadCount());
    const int count = static_cast<int>(std::clamp<std::size_t>(text.size() / kPerThread, 1, static_cast<std::size_t>(threads)));
    std::vector<Piece> pieces = cut(text, count);
    std::vector<QFuture<void>> running;
    for (std::size_t i = 1; i < pieces.size(); ++i)
        running.push_back(QtConcurrent::run([&piece = pieces[i], &mapping] { parsePiece(piece, mapping); }));
    if (!pieces.empty())
        parsePiece(pieces.front(), mapping);
    for (QFuture<void> &f : running)
        f.waitForFinished();
    for (const Piece &piece : pieces) {
        if (piece.badLine == 0)
            continue;
        // A pretty-printed single request spans many lines: read it whole.
        if (piece.badLine == 1) {
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
        error = "line " + std::to_string(piece.badLine) + ": " + piece.why;
        return false;
    }
    std::size_t total = 0;
    for (const Piece &piece : pieces)
        total += piece.usage.size();
    out.reserve(out.size() + total);
    for (Piece &piece : pieces) {
        out.insert(out.end(), std::make_move_iterator(piece.usage.begin()), std::make_move_iterator(piece.usage.end()));
        summary.spans += piece.summary.spans;
        summary.modelCalls += piece.summary.modelCalls;
    }
    return true;
}

} // namespace Telemetry
