#pragma once

#include "shell/application.h"

#include <QTest>

/// QTEST_MAIN for tests of ui/: the application is Burnrate's own, so a store opened on the GUI
/// thread while it handles an event fails the test (store/threadcheck.h; the suite sets
/// BURNRATE_STRICT_THREADS). Header-only: only tests that link burnrate_ui include it.
#define BURNRATE_GUI_TEST_MAIN(TestObject)                                                                             \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        Application app(argc, argv);                                                                                   \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                                       \
        TestObject tc;                                                                                                 \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&tc, argc, argv);                                                                          \
    }
