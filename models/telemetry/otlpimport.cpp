#include "telemetry/otlpimport.h"

#include "allocation/telemetryallocation.h"
#include "domain/timeparse.h"
#include "telemetry/otlplines.h"

#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Telemetry {

namespace {

constexpr std::size_t kAhead = 2;             // pieces parsed ahead of the one being stored (bounded memory)

struct Parsed {
    std::vector<Usage> usage;
    OtlpSummary summary;
    std::int64_t badLine = 0;
    std::string why;
};

bool parseWholeAndIngest(Cost::SqliteDb &db, std::string_view source, std::string_view text, const Mapping &mapping,
                         IngestResult &result, OtlpSummary &summary, std::string &error)
{
    std::vector<Usage> usage;
    OtlpSummary parsed;
    if (!parseOtlpLines(text, mapping, usage, parsed, error))
        return false;
    if (!ingest(db, source, usage, result, error))
        return false;
    summary = parsed;
    return true;
}

} // namespace

bool importOtlpLines(Cost::SqliteDb &db, std::string_view source, std::string_view text, const Mapping &mapping,
                     IngestResult &result, OtlpSummary &summary, std::string &error, std::size_t pieceBytes)
{
    result = {};
    summary = {};
    const std::vector<LinePiece> pieces = cutLines(text, text.size() / std::max<std::size_t>(pieceBytes, 1));
    if (pieces.size() <= kAhead)
        return parseWholeAndIngest(db, source, text, mapping, result, summary, error);

    std::vector<Parsed> parsed(pieces.size());
    std::vector<QFuture<void>> parsing(pieces.size());
    const auto start = [&](std::size_t i) {
        parsing[i] = QtConcurrent::run([&piece = pieces[i], &out = parsed[i], &mapping] {
            parseOtlpPiece(piece, mapping, out.usage, out.summary, out.badLine, out.why);
        });
    };
    // Every parse started reads `pieces`, `parsed` and `mapping`: wait for them before leaving.
    std::size_t started = 0;
    const auto finish = [&] {
        for (std::size_t i = 0; i < started; ++i)
            parsing[i].waitForFinished();
    };
    for (; started < kAhead; ++started)
        start(started);

    const bool own = !db.inTransaction();
    if (!db.exec(own ? "BEGIN IMMEDIATE" : "SAVEPOINT otlp_import")) {
        error = "cannot start writing telemetry: " + db.error();
        finish();
        return false;
    }
    const auto rollback = [&] {
        finish();
        db.exec(own ? "ROLLBACK" : "ROLLBACK TO otlp_import; RELEASE otlp_import");
        return false;
    };
    IngestResult total;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        parsing[i].waitForFinished();
        if (started < pieces.size())
            start(started++);
        Parsed &p = parsed[i];
        if (p.badLine != 0) {
            if (p.badLine == 1) { // a pretty-printed single request spans many lines: read it whole
                rollback();
                return parseWholeAndIngest(db, source, text, mapping, result, summary, error);
            }
            error = "line " + std::to_string(p.badLine) + ": " + p.why;
            return rollback();
        }
        IngestResult r;
        if (!ingest(db, source, p.usage, r, error, false))
            return rollback();
        total.calls += r.calls;
        total.duplicates += r.duplicates;
        total.requests += r.requests;
        total.tokens += r.tokens;
        if (r.firstHour <= r.lastHour) {
            total.firstHour = total.firstHour <= total.lastHour ? std::min(total.firstHour, r.firstHour) : r.firstHour;
            total.lastHour = std::max(total.lastHour, r.lastHour);
        }
        summary.spans += p.summary.spans;
        summary.modelCalls += p.summary.modelCalls;
        p = Parsed(); // stored: its memory goes back before the next piece
    }
    std::string allocError;
    if (total.firstHour <= total.lastHour
        && !Allocation::allocateTelemetry(db, Cost::dayOf(total.firstHour * 3600), Cost::dayOf(total.lastHour * 3600), allocError)) {
        error = "cannot allocate by telemetry: " + allocError;
        return rollback();
    }
    if (!db.exec(own ? "COMMIT" : "RELEASE otlp_import")) {
        error = "cannot commit telemetry: " + db.error();
        return rollback();
    }
    result = total;
    return true;
}

} // namespace Telemetry
