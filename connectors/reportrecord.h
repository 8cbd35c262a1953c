#pragma once

#include "fetchresult.h"

#include <QString>

#include <cstdint>

namespace Conn {

/// The fields every Admin API usage / cost record shares (OpenAI, Anthropic): provider,
/// publisher and invoice issuer `vendor`, service `service` (both static literals: the record
/// keeps views of them), AI service category, billing account `organization`, usage charge, and
/// the bucket [start, end) in UTC epoch seconds.
Cost::Record adminReportRecord(FetchResult &result, const char *vendor, const char *service, const QString &organization,
                               std::int64_t start, std::int64_t end);

} // namespace Conn
