#include "shell/application.h"

#include "store/threadcheck.h"

#include <QAbstractItemView>

Application::Application(int &argc, char **argv) : QApplication(argc, argv)
{
    Cost::ThreadCheck::setGuiThread(thread());
}

Application::~Application() { Cost::ThreadCheck::setGuiThread(nullptr); }

bool Application::notify(QObject *receiver, QEvent *event)
{
    const Cost::ThreadCheck::DispatchScope scope;
    // Keyboard users leave a table with Tab (arrows move between its cells): Qt's tables take Tab
    // for cell navigation by default, which traps the focus in them.
    if (event->type() == QEvent::Polish)
        if (auto *view = qobject_cast<QAbstractItemView *>(receiver))
            view->setTabKeyNavigation(false);
    return QApplication::notify(receiver, event);
}
