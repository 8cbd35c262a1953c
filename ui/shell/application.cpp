#include "shell/application.h"

#include "store/threadcheck.h"

Application::Application(int &argc, char **argv) : QApplication(argc, argv)
{
    Cost::ThreadCheck::setGuiThread(thread());
}

Application::~Application() { Cost::ThreadCheck::setGuiThread(nullptr); }

bool Application::notify(QObject *receiver, QEvent *event)
{
    const Cost::ThreadCheck::DispatchScope scope;
    return QApplication::notify(receiver, event);
}
