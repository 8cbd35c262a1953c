#pragma once

#include <string>

class QThread;

/// Enforces "no store work on the GUI thread": the ui layer names its GUI thread and marks the
/// delivery of every event there (ui/shell/application); opening a store connection on that
/// thread while an event is being delivered is a bug. It is fatal when BURNRATE_STRICT_THREADS
/// is set (the test suite sets it) or in a debug build, and a warning otherwise.
namespace Cost::ThreadCheck {

/// Marks `thread` as the GUI thread (nullptr: no check).
void setGuiThread(QThread *thread);
/// True on the GUI thread while it delivers an event.
bool inGuiDispatch();

/// Held by the application while it delivers one event (nests).
class DispatchScope {
public:
    DispatchScope();
    ~DispatchScope();
    DispatchScope(const DispatchScope &) = delete;
    DispatchScope &operator=(const DispatchScope &) = delete;
};

/// Called whenever a store connection is opened; reports a violation (see above).
void checkOpen(const std::string &path);

} // namespace Cost::ThreadCheck
