#pragma once

#include <QtGlobal>

namespace Conn {

/// Retry / timeout policy. Delays: min(maxDelayMs, baseDelayMs·2^(attempt-1)) ± jitter, or the server's (Retry-After, …-reset), ≤ maxServerDelayMs.
struct RetryPolicy {
    int maxAttempts = 5;          ///< total attempts, including the first
    int timeoutMs = 30000;        ///< per attempt, whole response (connect + headers + body)
    int baseDelayMs = 500;
    int maxDelayMs = 30000;
    int maxServerDelayMs = 120000;
    double jitter = 0.25;         ///< ±25 % of the computed delay
    qint64 maxBodyBytes = qint64(64) << 20; ///< a larger answer is stopped and reported, never buffered
    int maxPages = 5000;          ///< pages one paged read may take (PageCursorGuard: a server that never stops)
};

} // namespace Conn
