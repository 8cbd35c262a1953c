#pragma once

#include <QApplication>

/// The GUI application: marks its thread as the GUI thread and every event it delivers, so that
/// a store opened there while handling an event is caught (store/threadcheck.h). The app and
/// the GUI tests use it in place of QApplication. It also keeps Tab moving between controls (no
/// table traps it).
class Application : public QApplication {
    Q_OBJECT
public:
    Application(int &argc, char **argv);
    ~Application() override;
    bool notify(QObject *receiver, QEvent *event) override;
};
