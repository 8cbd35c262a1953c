#include "store/threadcheck.h"

#include <QThread>
#include <QtGlobal>

#include <atomic>

namespace Cost::ThreadCheck {
namespace {
std::atomic<QThread *> g_guiThread{nullptr};
thread_local int t_dispatchDepth = 0;

bool strict()
{
#ifndef QT_NO_DEBUG
    return true;
#else
    static const bool kStrict = qEnvironmentVariableIntValue("BURNRATE_STRICT_THREADS") != 0;
    return kStrict;
#endif
}
} // namespace

void setGuiThread(QThread *thread) { g_guiThread.store(thread); }

bool inGuiDispatch() { return t_dispatchDepth > 0 && QThread::currentThread() == g_guiThread.load(); }

DispatchScope::DispatchScope() { ++t_dispatchDepth; }
DispatchScope::~DispatchScope() { --t_dispatchDepth; }

void checkOpen(const std::string &path)
{
    if (!inGuiDispatch())
        return;
    if (strict())
        qFatal("store %s opened on the GUI thread while it delivers an event: run store work with Task::Runner",
               path.c_str());
    qWarning("store %s opened on the GUI thread: run store work with Task::Runner", path.c_str());
}

} // namespace Cost::ThreadCheck
