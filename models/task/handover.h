#pragma once

// ThreadSanitizer cannot see the hand-overs Qt makes between threads (QThreadPool's queue, queued
// signals, QFuture's state): Debian's Qt is not instrumented and its mutexes are futexes, not
// pthread mutexes. Every place where Burnrate gives an object to another thread through Qt marks
// the hand-over with this pair, so TSan checks Burnrate's own code without false reports. Outside a
// TSan build both are empty inline functions.

// GCC defines __SANITIZE_THREAD__ under -fsanitize=thread; clang says it through __has_feature.
#if defined(__SANITIZE_THREAD__)
#define BURNRATE_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define BURNRATE_TSAN 1
#endif
#endif

#if defined(BURNRATE_TSAN)
extern "C" void __tsan_acquire(void *addr);
extern "C" void __tsan_release(void *addr);
#endif

namespace Task::Detail {

/// The giving thread, after its last write to what it hands over (keyed by `token`).
inline void handOver([[maybe_unused]] const void *token)
{
#if defined(BURNRATE_TSAN)
    __tsan_release(const_cast<void *>(token));
#endif
}

/// The receiving thread, before its first access to what was handed over with the same `token`.
inline void takeOver([[maybe_unused]] const void *token)
{
#if defined(BURNRATE_TSAN)
    __tsan_acquire(const_cast<void *>(token));
#endif
}

} // namespace Task::Detail
