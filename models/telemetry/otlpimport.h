#pragma once

#include "store/sqlitedb.h"
#include "telemetry/otlpjson.h"
#include "telemetry/telemetrystore.h"

#include <string>
#include <string_view>

namespace Telemetry {

/// `telemetry import` of OTLP JSON lines (the Collector's file exporter; or one pretty-printed
/// request): the file's later pieces are parsed on other cores while the pieces already parsed are
/// stored, all in one write transaction (a savepoint inside the caller's), and the bill is joined
/// once for the hours the file added. All or nothing: false with "line N: where: what" or the
/// store's error, and the store as it was. `pieceBytes`: the size of the pieces stored while the next
/// ones parse (8 MiB, about 14,000 spans; three pieces or fewer are parsed first, then stored).
bool importOtlpLines(Cost::SqliteDb &db, std::string_view source, std::string_view text, const Mapping &mapping,
                     IngestResult &result, OtlpSummary &summary, std::string &error, std::size_t pieceBytes = 8 << 20);

} // namespace Telemetry
