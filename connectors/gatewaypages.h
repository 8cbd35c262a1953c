#pragma once

#include "telemetry/usage.h"

#include <QByteArray>
#include <QString>

#include <vector>

// One page of the LLM gateway APIs the telemetry connectors read (LiteLLM proxy, Langfuse), with
// where the next page is. Pure functions, any thread: false with *error and nothing appended.
namespace Conn::GatewayPages {

/// A LiteLLM `GET /spend/logs?summarize=false` answer: a bare array of rows (one page: no more),
/// or a paged `{"data": [...], "page": N, "total_pages": M}` (more while N < M; next "N+1").
bool parseLiteLlm(const QByteArray &body, std::vector<Telemetry::Usage> &out, bool *hasMore, QString *nextPage,
                  QString *error);

/// A Langfuse `GET /api/public/v2/observations` page: `{"data": [...], "meta": {"cursor": …}}`;
/// more while `meta.cursor` is a non-empty string (the next page's `cursor`).
bool parseLangfuse(const QByteArray &body, std::vector<Telemetry::Usage> &out, bool *hasMore, QString *nextPage,
                   QString *error);

} // namespace Conn::GatewayPages
